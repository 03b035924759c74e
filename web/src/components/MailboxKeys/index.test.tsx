import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  click,
  jsonResponse,
  renderWithApp,
  settle,
  type,
  validationProblem,
} from '../../test/render';
import { KeyGrantForm, KeyHolders } from '.';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('KeyHolders', () => {
  it('lists holders, marks the signed-in officer and keys to give again', () => {
    const { container } = renderWithApp(
      <KeyHolders
        userId={2}
        unitName="Tân Trào"
        status={{
          unit_id: 7,
          version: 1,
          holders: [
            { user_id: 2, username: 'officer.tantrao', usable: true },
            { user_id: 5, username: 'officer2.tantrao', usable: false },
          ],
        }}
      />,
    );
    const items = container.querySelectorAll('#key-holders li');
    expect(items).toHaveLength(2);
    expect(items[0]?.textContent).toContain('officer.tantrao (bạn)');
    expect(items[1]?.textContent).toContain('cần trao lại khóa');
    expect(container.querySelector('#key-mine')?.getAttribute('data-holds')).toBe('true');
  });

  it('says when the commune has no key yet', () => {
    const { container } = renderWithApp(
      <KeyHolders
        userId={2}
        unitName="Tân Trào"
        status={{ unit_id: 7, version: 0, holders: [] }}
      />,
    );
    expect(container.querySelector('#key-none')).not.toBeNull();
    expect(container.querySelector('#key-holders')).toBeNull();
  });
});

describe('KeyGrantForm', () => {
  it('posts the user id and confirms in words', async () => {
    const fetchMock = vi.fn(async () => jsonResponse(204, null));
    vi.stubGlobal('fetch', fetchMock);
    const onDone = vi.fn();
    const { container } = renderWithApp(<KeyGrantForm unitId={7} onDone={onDone} />);
    type(container.querySelector('#grant-user-id'), '5');
    click(container.querySelector('#grant-form button[type="submit"]'));
    await settle();
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/mailbox/keys/7/grants');
    expect(init.body).toBe('{"user_id":5}');
    expect(onDone).toHaveBeenCalledWith('Đã trao khóa hòm thư cho người dùng mã số 5.');
  });

  it('refuses an empty id before sending and shows the server reason next to the field', async () => {
    const fetchMock = vi.fn(async () =>
      validationProblem([{ field: 'user_id', code: 'no_key', message: '' }]),
    );
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<KeyGrantForm unitId={7} onDone={() => undefined} />);
    click(container.querySelector('#grant-form button[type="submit"]'));
    expect(fetchMock).not.toHaveBeenCalled();
    expect(container.querySelector('#grant-user-id-error')?.textContent).toBe('Bắt buộc nhập');
    type(container.querySelector('#grant-user-id'), '9');
    click(container.querySelector('#grant-form button[type="submit"]'));
    await settle();
    expect(container.querySelector('#grant-user-id-error')?.textContent).toBe(
      'Người này cần đăng nhập một lần trước khi được trao khóa',
    );
  });
});
