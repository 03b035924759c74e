import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../test/render';
import { ApiError, auth, boxes, onUnauthenticated, setCsrfToken, tips, units } from './api';

function mockFetch(...responses: Response[]) {
  const fetchMock = vi.fn(async () => responses.shift() ?? jsonResponse(500, {}));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function headersOf(call: unknown[]): Record<string, string> {
  return (call[1] as RequestInit).headers as Record<string, string>;
}

afterEach(() => {
  vi.unstubAllGlobals();
  onUnauthenticated(null);
  setCsrfToken(null);
});

describe('api', () => {
  it('sends the CSRF token on a PATCH but not on a GET', async () => {
    const fetchMock = mockFetch(
      jsonResponse(200, { items: [], total: 0 }),
      jsonResponse(200, { id: 1 }),
    );
    setCsrfToken('tok');
    await units.list({ q: 'kim quan', page_size: 1 });
    await units.update(1, { name: 'X' });
    const [getCall, patchCall] = fetchMock.mock.calls as unknown[][];
    expect(getCall![0]).toBe('/api/v1/units?q=kim+quan&page_size=1');
    expect(headersOf(getCall!)['X-CSRF-Token']).toBeUndefined();
    expect(headersOf(patchCall!)['X-CSRF-Token']).toBe('tok');
    expect((patchCall![1] as RequestInit).credentials).toBe('same-origin');
    expect((patchCall![1] as RequestInit).body).toBe('{"name":"X"}');
  });

  it('turns a problem+json answer into an ApiError with field errors', async () => {
    mockFetch(
      jsonResponse(422, {
        type: '/problems/validation-failed',
        title: 'Dữ liệu không hợp lệ',
        status: 422,
        errors: [{ field: 'code', code: 'duplicate', message: 'Đã tồn tại' }],
      }),
    );
    const error = await units
      .create({ code: 'A', name: 'B', kind: 'school', parent_id: 1 })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.slug).toBe('validation-failed');
    expect(error.errors).toEqual([{ field: 'code', code: 'duplicate', message: 'Đã tồn tại' }]);
    expect(error.requestId).toBe('req-1');
  });

  it('sends the user to login when the session is gone', async () => {
    mockFetch(jsonResponse(401, { type: '/problems/unauthenticated', status: 401 }));
    const handler = vi.fn();
    onUnauthenticated(handler);
    await expect(units.tree(false)).rejects.toBeInstanceOf(ApiError);
    expect(handler).toHaveBeenCalledOnce();
  });

  it('stays put on a 401 from login or from a wrong current password', async () => {
    mockFetch(
      jsonResponse(401, { type: '/problems/totp-required', status: 401, totp_required: true }),
      jsonResponse(401, { type: '/problems/invalid-credentials', status: 401 }),
    );
    const handler = vi.fn();
    onUnauthenticated(handler);
    const login = await auth.login({ username: 'a', password: 'b' }).catch((e) => e);
    expect(login.slug).toBe('totp-required');
    await expect(auth.changePassword('wrong', 'new-password-1')).rejects.toBeInstanceOf(ApiError);
    expect(handler).not.toHaveBeenCalled();
  });

  it('refreshes a stale CSRF token once and retries', async () => {
    const fetchMock = mockFetch(
      jsonResponse(403, { type: '/problems/csrf-failed', status: 403 }),
      jsonResponse(200, { user: {}, csrf_token: 'fresh' }),
      new Response(null, { status: 204 }),
    );
    setCsrfToken('stale');
    await auth.totpDisable('pw');
    const calls = fetchMock.mock.calls as unknown[][];
    expect(calls).toHaveLength(3);
    expect(headersOf(calls[2]!)['X-CSRF-Token']).toBe('fresh');
  });

  it('posts a CSV file as its bytes, untouched, and asks for a dry run when checking', async () => {
    const fetchMock = mockFetch(
      jsonResponse(200, { created: 1, updated: 0, dry_run: false, encoding: 'windows-1258' }),
      jsonResponse(200, { created: 1, updated: 0, dry_run: true, encoding: 'windows-1258' }),
    );
    const bytes = new Uint8Array([0x4d, 0x61, 0xde, 0x0a]); // "Mã" in Windows-1258: not UTF-8
    const file = new Blob([bytes]);
    await units.importCsv(file);
    await units.importCsv(file, true);
    const [first, second] = fetchMock.mock.calls as unknown[][];
    expect(headersOf(first!)['Content-Type']).toBe('text/csv');
    expect((first![1] as RequestInit).body).toBe(file);
    expect(String(first![0])).not.toContain('dry_run');
    expect(String(second![0])).toContain('dry_run=1');
  });

  it('reports a network failure as the "network" problem', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('offline'))),
    );
    const error = await units.tree(false).catch((e) => e);
    expect(error.slug).toBe('network');
  });

  it('registers a tip as JSON without files, and as multipart with the JSON in "tip" with files', async () => {
    const answer = { tip: { id: 9 }, receipt: null };
    const fetchMock = mockFetch(jsonResponse(201, answer), jsonResponse(201, answer));
    setCsrfToken('tok');
    const input = {
      unit_id: 12,
      kind: 'denunciation' as const,
      channel: 'box' as const,
      description: 'Thư tố giác',
      identity_mode: 'anonymous' as const,
      box_opening_id: 5,
    };
    expect(await tips.register(input)).toEqual(answer);
    const pdf = new File(['%PDF-1.4\n'], 'thư.pdf', { type: 'application/pdf' });
    const photo = new File(['x'], 'anh.jpg', { type: 'image/jpeg' });
    await tips.register(input, [pdf, photo]);
    const [jsonCall, formCall] = fetchMock.mock.calls as unknown[][];
    expect(jsonCall![0]).toBe('/api/v1/tips');
    expect(headersOf(jsonCall!)['Content-Type']).toBe('application/json');
    expect(JSON.parse(String((jsonCall![1] as RequestInit).body))).toEqual(input);
    const init = formCall![1] as RequestInit;
    expect(init.method).toBe('POST');
    // The browser writes multipart/form-data with its boundary.
    expect(headersOf(formCall!)['Content-Type']).toBeUndefined();
    expect(headersOf(formCall!)['X-CSRF-Token']).toBe('tok');
    const form = init.body as FormData;
    expect(form).toBeInstanceOf(FormData);
    expect(JSON.parse(String(form.get('tip')))).toEqual(input);
    expect(form.getAll('files').map((f) => (f as File).name)).toEqual(['thư.pdf', 'anh.jpg']);
  });

  it('builds the addresses of files and documents', () => {
    expect(tips.fileUrl(12, 3)).toBe('/api/v1/tips/12/files/3');
    expect(tips.fileUrl(12, 3, true)).toBe('/api/v1/tips/12/files/3?download=1');
    expect(tips.receiptRecordUrl(12)).toBe('/api/v1/tips/12/receipt-record.docx');
    expect(boxes.minutesUrl(5)).toBe('/api/v1/mailbox/openings/5/minutes.docx');
  });

  it('lists the boxes of one commune or of the whole scope', async () => {
    const fetchMock = mockFetch(jsonResponse(200, { items: [] }), jsonResponse(200, { items: [] }));
    await boxes.list(12);
    await boxes.list(null);
    const calls = fetchMock.mock.calls as unknown[][];
    expect(calls[0]![0]).toBe('/api/v1/mailbox/boxes?unit_id=12');
    expect(calls[1]![0]).toBe('/api/v1/mailbox/boxes');
  });
});
