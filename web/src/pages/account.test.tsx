import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionOf, testUser } from '../test/fixtures';
import { bodyOf, click, jsonResponse, renderWithApp, settle, type, validationProblem } from '../test/render';
import { AccountPage } from './account';

afterEach(() => {
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const officer = testUser({ role: 'officer', username: 'officer.tantrao', phone: '+84912345678', phone_national: '0912 345 678' });

describe('AccountPage: my phone and the SMS reminders', () => {
  it('shows the kept number, sends the change with the SMS choice and keeps the new session', async () => {
    const saved = sessionOf({ ...officer, phone: '+84387654321', phone_national: '0387 654 321', sms_opt_in: true });
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => jsonResponse(200, saved));
    vi.stubGlobal('fetch', fetchMock);
    const signIn = vi.fn();
    const { container } = renderWithApp(<AccountPage params={{}} />, { session: { user: officer, signIn } });
    const phone = container.querySelector<HTMLInputElement>('#account-phone');
    expect(phone?.value).toBe('0912 345 678');
    expect(container.querySelector<HTMLInputElement>('#account-sms')?.checked).toBe(false);

    type(phone, ' 0387.654.321 ');
    click(container.querySelector('#account-sms'));
    click(container.querySelector('#phone-form button[type=submit]'));
    await settle();
    expect(String(fetchMock.mock.calls[0][0])).toContain('/api/v1/auth/me');
    expect((fetchMock.mock.calls[0][1] as RequestInit).method).toBe('PATCH');
    expect(bodyOf(fetchMock)).toEqual({ phone: '0387.654.321', sms_opt_in: true });
    expect(signIn).toHaveBeenCalledWith(saved);
    expect(phone?.value).toBe('0387 654 321');
    expect(container.textContent).toContain('Đã lưu số điện thoại và cách nhận nhắc việc.');
  });

  it('leaves an unchanged number out and shows the server\'s refusal by the field', async () => {
    const fetchMock = vi.fn(async () => validationProblem([{ field: 'sms_opt_in', code: 'no_mobile', message: 'Cần số điện thoại di động mới nhận được tin nhắn SMS' }]));
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<AccountPage params={{}} />, { session: { user: officer } });
    click(container.querySelector('#account-sms'));
    click(container.querySelector('#phone-form button[type=submit]'));
    await settle();
    expect(bodyOf(fetchMock)).toEqual({ sms_opt_in: true });
    expect(container.querySelector('#account-sms')?.getAttribute('aria-invalid')).toBe('true');
    expect(container.querySelector('#account-sms-error')?.textContent).toContain('Cần số điện thoại di động');
  });
});
