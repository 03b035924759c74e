import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { boxOpening, mailBox, TAXONOMIES, treeUnit as unit } from '../../test/fixtures';
import {
  choose,
  click,
  jsonResponse,
  pickUnit,
  renderWithApp,
  settle,
  type,
  validationProblem,
} from '../../test/render';
import { RegisterTipForm } from '.';

const TANTRAO = unit(12, 'commune', 'Tân Trào', [unit(7, 'residential_area', 'Khuôn Điển')]);
const KIENTHIET = unit(13, 'commune', 'Kiến Thiết');

const BOX = mailBox({ last_opened_at: '2026-11-28T01:00:00Z', openings: 2 });
const OPENING = boxOpening({
  opened_at: '2026-11-28T01:00:00Z',
  registered: 1,
  created_at: '2026-11-28T01:05:00Z',
});
const FULL = { ...OPENING, id: 4, opened_at: '2026-11-20T01:00:00Z', registered: 2 };

const REGISTERED = {
  tip: { id: 31, unit_id: 12, channel: 'box', box_opening_id: 5 },
  receipt: null,
};

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

function chooseFiles(input: Element | null, files: File[]) {
  if (!(input instanceof HTMLInputElement)) throw new Error('not an input');
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

function fakeServer() {
  return vi.fn(async (url: string, _init?: RequestInit) => {
    if (url === '/api/v1/mailbox/boxes?unit_id=12')
      return jsonResponse(200, { items: [BOX, { ...BOX, id: 6, openings: 0 }] });
    if (url === '/api/v1/mailbox/boxes/3/openings')
      return jsonResponse(200, { items: [FULL, OPENING] });
    if (url === '/api/v1/tips') return jsonResponse(201, REGISTERED);
    return jsonResponse(404, { type: '/problems/not-found', status: 404 });
  });
}

describe('RegisterTipForm', () => {
  it('checks the required fields, then sends JSON when no file is chosen', async () => {
    const fetchMock = fakeServer();
    vi.stubGlobal('fetch', fetchMock);
    const onDone = vi.fn();
    const { container } = renderWithApp(
      <RegisterTipForm
        communes={[KIENTHIET, TANTRAO]}
        defaults={{ unitId: null, channel: '', openingId: null }}
        taxonomies={TAXONOMIES}
        onDone={onDone}
      />,
    );
    click(container.querySelector('#register-form button[type="submit"]'));
    expect(fetchMock).not.toHaveBeenCalled();
    for (const id of ['unit', 'channel', 'kind', 'description'])
      expect(container.querySelector(`#register-${id}-error`)?.textContent).toBe('Bắt buộc nhập');
    // Not a channel the residents' own form uses.
    const channels = Array.from(container.querySelectorAll('#register-channel option')).map((o) =>
      o.getAttribute('value'),
    );
    expect(channels).toEqual(['', 'in_person', 'phone', 'post', 'vneid', 'transfer', 'box']);

    pickUnit(container.querySelector('#register-unit'), 'tan trao', 12);
    pickUnit(container.querySelector('#register-village'), 'Khuôn', 7);
    choose(container.querySelector('#register-channel'), 'phone');
    choose(container.querySelector('#register-kind'), 'security_report');
    type(container.querySelector('#register-description'), ' Tụ tập gây ồn ào ban đêm ');
    choose(container.querySelector('#register-identity-mode'), 'confidential');
    click(container.querySelector('#register-form button[type="submit"]'));
    expect(container.querySelector('#register-identity-name-error')).not.toBeNull();
    type(container.querySelector('#register-identity-name'), 'Trần Văn B');
    click(container.querySelector('#register-form button[type="submit"]'));
    await settle();
    const init = (fetchMock.mock.calls[0] as unknown[])[1] as RequestInit;
    expect(JSON.parse(String(init.body))).toEqual({
      unit_id: 12,
      village_id: 7,
      kind: 'security_report',
      channel: 'phone',
      description: 'Tụ tập gây ồn ào ban đêm',
      identity_mode: 'confidential',
      identity: { name: 'Trần Văn B', phone: '', address: '' },
    });
    expect(onDone).toHaveBeenCalledWith(REGISTERED, 0);
  });

  it('for a letter from a box offers the commune’s openings and sends the files as multipart', async () => {
    const fetchMock = fakeServer();
    vi.stubGlobal('fetch', fetchMock);
    const onDone = vi.fn();
    const { container } = renderWithApp(
      <RegisterTipForm
        communes={[TANTRAO]}
        defaults={{ unitId: 12, channel: 'box', openingId: 5 }}
        taxonomies={TAXONOMIES}
        onDone={onDone}
      />,
    );
    await settle();
    const options = Array.from(
      container.querySelectorAll<HTMLOptionElement>('#register-opening option'),
    ).map((o) => [o.value, o.textContent, o.disabled]);
    expect(options).toEqual([
      ['', '— Chọn lần mở hòm —', false],
      ['5', 'Hòm ở Chợ Tân Trào — mở ngày 28/11/2026 (1/2 thư)', false],
      ['4', 'Hòm ở Chợ Tân Trào — mở ngày 20/11/2026 (2/2 thư) — đã vào sổ đủ', true],
    ]);
    expect((container.querySelector('#register-opening') as HTMLSelectElement).value).toBe('5');
    // Boxes never opened are not asked for their openings.
    expect(fetchMock.mock.calls.map((c) => c[0])).not.toContain('/api/v1/mailbox/boxes/6/openings');

    choose(container.querySelector('#register-kind'), 'denunciation');
    type(container.querySelector('#register-description'), 'Thư tố giác tàng trữ pháo nổ');
    const pdf = new File(['%PDF-1.4\n'], 'thu.pdf', { type: 'application/pdf' });
    chooseFiles(container.querySelector('#register-files'), [pdf]);
    expect(container.querySelector('#register-files-chosen')?.textContent).toContain('thu.pdf');
    click(container.querySelector('#register-form button[type="submit"]'));
    await settle();
    const post = fetchMock.mock.calls.find((c) => c[0] === '/api/v1/tips') as unknown[];
    const form = (post[1] as RequestInit).body as FormData;
    expect(form).toBeInstanceOf(FormData);
    expect(JSON.parse(String(form.get('tip')))).toEqual({
      unit_id: 12,
      kind: 'denunciation',
      channel: 'box',
      description: 'Thư tố giác tàng trữ pháo nổ',
      identity_mode: 'anonymous',
      box_opening_id: 5,
    });
    expect(form.getAll('files').map((f) => (f as File).name)).toEqual(['thu.pdf']);
    expect(onDone).toHaveBeenCalledWith(REGISTERED, 1);
  });

  it('needs an opening for a box letter and shows the server’s refusal next to it', async () => {
    const fetchMock = vi.fn(async (url: string) => {
      if (url === '/api/v1/tips')
        return validationProblem([
          {
            field: 'box_opening_id',
            code: 'all_letters_registered',
            message: 'Đã vào sổ đủ số thư của lần mở hòm này',
          },
        ]);
      return fakeServer()(url);
    });
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(
      <RegisterTipForm
        communes={[TANTRAO]}
        defaults={{ unitId: null, channel: 'box', openingId: null }}
        taxonomies={TAXONOMIES}
        onDone={() => undefined}
      />,
    );
    await settle();
    choose(container.querySelector('#register-kind'), 'suggestion');
    type(container.querySelector('#register-description'), 'Góp ý sửa đường');
    click(container.querySelector('#register-form button[type="submit"]'));
    expect(container.querySelector('#register-opening-error')?.textContent).toBe('Bắt buộc nhập');
    choose(container.querySelector('#register-opening'), '5');
    click(container.querySelector('#register-form button[type="submit"]'));
    await settle();
    expect(container.querySelector('#register-opening-error')?.textContent).toBe(
      'Đã vào sổ đủ số thư của lần mở hòm này',
    );
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('Lần mở hòm thư');
  });

  it('does not keep an opening whose letters are all registered', async () => {
    vi.stubGlobal('fetch', fakeServer());
    const { container } = renderWithApp(
      <RegisterTipForm
        communes={[TANTRAO]}
        defaults={{ unitId: 12, channel: 'box', openingId: 4 }}
        taxonomies={TAXONOMIES}
        onDone={() => undefined}
      />,
    );
    await settle();
    expect((container.querySelector('#register-opening') as HTMLSelectElement).value).toBe('');
  });

  it('refuses more than five files before sending', () => {
    const fetchMock = fakeServer();
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(
      <RegisterTipForm
        communes={[TANTRAO]}
        defaults={{ unitId: 12, channel: 'in_person', openingId: null }}
        taxonomies={TAXONOMIES}
        onDone={() => undefined}
      />,
    );
    choose(container.querySelector('#register-kind'), 'suggestion');
    type(container.querySelector('#register-description'), 'Góp ý');
    const files = [1, 2, 3, 4, 5, 6].map(
      (n) => new File(['x'], `${n}.jpg`, { type: 'image/jpeg' }),
    );
    chooseFiles(container.querySelector('#register-files'), files);
    click(container.querySelector('#register-form button[type="submit"]'));
    expect(fetchMock).not.toHaveBeenCalled();
    expect(container.querySelector('#register-files-error')?.textContent).toBe('Quá nhiều tệp');
  });
});
