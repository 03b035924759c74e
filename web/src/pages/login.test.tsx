import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionOf } from '../test/fixtures';
import { click, jsonResponse, renderWithApp, settle, TEST_USER, type } from '../test/render';
import { LoginPage } from './login';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('LoginPage', () => {
  it('asks for the second factor on totp-required and resends with it', async () => {
    window.history.replaceState(null, '', '/login?next=%2Funits');
    const session = sessionOf(TEST_USER);
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(
        jsonResponse(401, { type: '/problems/totp-required', status: 401, totp_required: true }),
      )
      .mockResolvedValueOnce(jsonResponse(200, session));
    vi.stubGlobal('fetch', fetchMock);
    const signIn = vi.fn();
    const { container } = renderWithApp(<LoginPage params={{}} />, { session: { signIn } });

    type(container.querySelector('#username'), 'admin');
    type(container.querySelector('#password'), 'secret');
    click(container.querySelector('button[type="submit"]'));
    await settle();
    expect(container.querySelector('#totp')).not.toBeNull();

    type(container.querySelector('#totp'), '123 456');
    click(container.querySelector('button[type="submit"]'));
    await settle();
    const init = (fetchMock.mock.calls[1] as unknown[])[1] as RequestInit;
    const body = JSON.parse(String(init.body));
    expect(body).toEqual({ username: 'admin', password: 'secret', totp: '123456' });
    // The whole answer: the user, the token and the capabilities the app keeps with the user.
    expect(signIn).toHaveBeenCalledWith(session);
    expect(session.capabilities).toContain('households.sheets');
    expect(window.location.pathname).toBe('/units');
  });

  it('says the credentials are wrong and clears the password', async () => {
    window.history.replaceState(null, '', '/login');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(401, { type: '/problems/invalid-credentials', status: 401 })),
    );
    const { container } = renderWithApp(<LoginPage params={{}} />);
    type(container.querySelector('#username'), 'admin');
    type(container.querySelector('#password'), 'nope');
    click(container.querySelector('button[type="submit"]'));
    await settle();
    expect(container.querySelector('[role="alert"]')?.textContent).toContain(
      'Sai tên đăng nhập hoặc mật khẩu',
    );
    expect((container.querySelector('#password') as HTMLInputElement).value).toBe('');
  });
});
