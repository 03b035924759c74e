import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../test/render';
import { ApiError, auth, onUnauthenticated, setCsrfToken, units } from './api';

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

  it('posts CSV import bodies as text/csv', async () => {
    const fetchMock = mockFetch(jsonResponse(200, { created: 1, updated: 0 }));
    await units.importCsv('code,name\n1,A\n');
    const call = fetchMock.mock.calls[0] as unknown[];
    expect(headersOf(call)['Content-Type']).toBe('text/csv; charset=utf-8');
  });

  it('reports a network failure as the "network" problem', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('offline'))),
    );
    const error = await units.tree(false).catch((e) => e);
    expect(error.slug).toBe('network');
  });
});
