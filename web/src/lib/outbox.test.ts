import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, validationProblem } from '../test/render';
import { getValue, openOfflineDb, putValue } from './idb';
import {
  answerRule,
  backOffMs,
  count,
  discard,
  enqueue,
  flush,
  list,
  newRecordId,
  retry,
  type AnswerRule,
  type FlushOptions,
  type NewOutboxEntry,
  type OutboxEntry,
} from './outbox';

const ME = 7;
const COLLEAGUE = 8;
const T0 = Date.UTC(2026, 11, 2, 3, 0, 0);

let db: IDBDatabase;
let clock: number;

beforeEach(async () => {
  db = await openOfflineDb(new IDBFactory());
  clock = T0;
});

afterEach(() => db.close());

/** A patrol to queue, of user `user_id`, with the id and content a test names. */
function patrolEntry(id: string, over: Partial<NewOutboxEntry> = {}): NewOutboxEntry {
  return {
    id,
    user_id: ME,
    kind: 'patrol',
    url: `/api/v1/community/patrols/${id}`,
    body: { team_id: 3, patrol_on: '2026-12-01', shift: 'night', member_ids: [11, 12], findings: id },
    base_version: 0,
    ...over,
  };
}

function problem(status: number, slug: string): Response {
  return jsonResponse(status, { type: `/problems/${slug}`, title: slug, status });
}

/** A fetch answering each call with the next of `answers` (a function may throw: no network). */
function fakeFetch(...answers: (Response | (() => Response))[]) {
  return vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => {
    const next = answers.shift();
    if (!next) throw new Error('no answer left for this request');
    return typeof next === 'function' ? next() : next;
  });
}

function offline(): Response {
  throw new TypeError('Failed to fetch');
}

function options(fetchMock: ReturnType<typeof fakeFetch>, over: Partial<FlushOptions> = {}): FlushOptions {
  return { userId: ME, csrf: 'tok-1', fetch: fetchMock as unknown as typeof fetch, now: () => clock, ...over };
}

function urlsOf(fetchMock: ReturnType<typeof fakeFetch>): string[] {
  return fetchMock.mock.calls.map((call) => String(call[0]));
}

async function stored(id: string): Promise<OutboxEntry | undefined> {
  return getValue<OutboxEntry>(db, 'outbox', id);
}

describe('answerRule', () => {
  const table: [status: number, slug: string, rule: AnswerRule][] = [
    [200, '', { entry: 'delete', flush: 'next' }], // updated, or `replayed`
    [201, '', { entry: 'delete', flush: 'next' }], // inserted
    [0, 'network', { entry: 'waiting', flush: 'back_off' }],
    [500, 'internal', { entry: 'waiting', flush: 'back_off' }],
    [502, 'http-502', { entry: 'waiting', flush: 'back_off' }],
    [503, 'overloaded', { entry: 'waiting', flush: 'back_off' }],
    [408, 'http-408', { entry: 'waiting', flush: 'back_off' }],
    [429, 'too-many-attempts', { entry: 'waiting', flush: 'back_off' }],
    [401, 'unauthenticated', { entry: 'waiting', flush: 'sign_in' }],
    [403, 'csrf-failed', { entry: 'waiting', flush: 'refresh_token' }],
    [409, 'conflict', { entry: 'conflict', flush: 'next' }],
    [422, 'validation-failed', { entry: 'rejected', flush: 'next' }],
    [403, 'forbidden', { entry: 'rejected', flush: 'next' }],
    [404, 'not-found', { entry: 'rejected', flush: 'next' }],
    [400, 'bad-request', { entry: 'rejected', flush: 'next' }],
    [413, 'payload-too-large', { entry: 'rejected', flush: 'next' }],
  ];
  it.each(table)('answers %i %s with %o', (status, slug, rule) => {
    expect(answerRule(status, slug)).toEqual(rule);
  });
});

describe('backOffMs', () => {
  it.each([
    [1, 5_000],
    [2, 10_000],
    [3, 20_000],
    [6, 160_000],
    [7, 300_000],
    [50, 300_000],
  ])('waits after failure %i for %i ms', (attempts, ms) => {
    expect(backOffMs(attempts)).toBe(ms);
  });
});

describe('newRecordId', () => {
  it('makes lowercase version 4 UUIDs, the form the server accepts', () => {
    const ids = Array.from({ length: 200 }, () => newRecordId());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('sets the version and variant bits whatever the random bytes', () => {
    expect(newRecordId((bytes) => bytes.fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(newRecordId((bytes) => bytes.fill(0))).toBe('00000000-0000-4000-8000-000000000000');
  });
});

describe('outbox store', () => {
  it('lists the user\'s entries oldest first and counts them by state', async () => {
    await enqueue(db, patrolEntry('a'), T0 + 2);
    await enqueue(db, patrolEntry('b'), T0 + 1);
    await enqueue(db, patrolEntry('c', { user_id: COLLEAGUE }), T0);
    await putValue(db, 'outbox', { ...(await stored('a'))!, state: 'conflict' });
    expect((await list(db, ME)).map((e) => e.id)).toEqual(['b', 'a']);
    expect(await count(db, ME)).toEqual({ waiting: 1, conflict: 1, rejected: 0 });
    expect(await count(db, COLLEAGUE)).toEqual({ waiting: 1, conflict: 0, rejected: 0 });
  });

  it('replaces an entry queued again with its new content, keeping its place in line', async () => {
    await enqueue(db, patrolEntry('a'), T0);
    await enqueue(db, patrolEntry('b'), T0 + 1);
    await enqueue(db, patrolEntry('a', { body: { findings: 'sửa lại' } }), T0 + 2);
    const entries = await list(db, ME);
    expect(entries.map((e) => e.id)).toEqual(['a', 'b']);
    expect(entries[0]).toMatchObject({
      body: { findings: 'sửa lại' },
      created_at: T0,
      state: 'waiting',
      method: 'PUT',
    });
  });

  it('refuses to queue over another user\'s entry, or outside the API', async () => {
    await enqueue(db, patrolEntry('a', { user_id: COLLEAGUE }), T0);
    await expect(enqueue(db, patrolEntry('a'), T0)).rejects.toThrow(/another user/);
    expect((await stored('a'))?.user_id).toBe(COLLEAGUE);
    await expect(enqueue(db, patrolEntry('b', { url: 'https://example.com/x' }), T0)).rejects.toThrow(/API path/);
  });

  it('discards only the user\'s own entry', async () => {
    await enqueue(db, patrolEntry('mine'), T0);
    await enqueue(db, patrolEntry('theirs', { user_id: COLLEAGUE }), T0);
    await discard(db, 'mine', ME);
    await discard(db, 'theirs', ME);
    expect(await stored('mine')).toBeUndefined();
    expect(await stored('theirs')).toBeDefined();
  });
});

describe('flush', () => {
  it('sends the entries oldest first, one at a time, and forgets those the server took', async () => {
    // Ids in the other order than their age: the line follows created_at, not the key.
    await enqueue(db, patrolEntry('a-newer'), T0 - 5);
    await enqueue(db, patrolEntry('z-older'), T0 - 10);
    const fetchMock = fakeFetch(jsonResponse(201, { outcome: 'inserted' }), jsonResponse(201, { outcome: 'inserted' }));
    const result = await flush(db, options(fetchMock));
    expect(urlsOf(fetchMock)).toEqual(['/api/v1/community/patrols/z-older', '/api/v1/community/patrols/a-newer']);
    expect(result.sent.map((s) => s.entry.id)).toEqual(['z-older', 'a-newer']);
    expect(result.stopped).toBeNull();
    expect(await list(db, ME)).toEqual([]);
  });

  it('sends a PUT with the CSRF token and the JSON body on its base version', async () => {
    await enqueue(db, patrolEntry('a', { base_version: 4 }), T0);
    const fetchMock = fakeFetch(jsonResponse(200, { outcome: 'updated' }));
    await flush(db, options(fetchMock, { csrf: 'tok-9', locale: 'en' }));
    const init = fetchMock.mock.calls[0]![1]!;
    const headers = init.headers as Record<string, string>;
    expect(init.method).toBe('PUT');
    expect(init.credentials).toBe('same-origin');
    expect(headers['X-CSRF-Token']).toBe('tok-9');
    expect(headers['Content-Type']).toBe('application/json');
    expect(headers['Accept-Language']).toBe('en');
    expect(JSON.parse(String(init.body))).toEqual({ ...patrolEntry('a').body, base_version: 4 });
  });

  it('calls fetch as a plain function, as window.fetch must be called', async () => {
    await enqueue(db, patrolEntry('a'), T0);
    // window.fetch called as a method of another object throws "Illegal invocation".
    const strictFetch = vi.fn(function (this: unknown) {
      if (this !== undefined && this !== globalThis) throw new TypeError('Illegal invocation');
      return Promise.resolve(jsonResponse(201, { outcome: 'inserted' }));
    });
    await flush(db, { userId: ME, csrf: 'tok', fetch: strictFetch as unknown as typeof fetch, now: () => clock });
    expect(strictFetch).toHaveBeenCalledOnce();
    expect(await stored('a')).toBeUndefined();
  });

  it('clears an entry the server answers `replayed` (sent twice, stored once)', async () => {
    await enqueue(db, patrolEntry('a'), T0);
    const answer = { patrol: { id: 'a', version: 1 }, outcome: 'replayed' };
    const result = await flush(db, options(fakeFetch(jsonResponse(200, answer))));
    expect(await stored('a')).toBeUndefined();
    expect(result.sent).toEqual([{ entry: expect.objectContaining({ id: 'a' }), answer }]);
  });

  it('keeps the entry on a network error, backs off from 5 s doubling, and stops the flush', async () => {
    await enqueue(db, patrolEntry('a'), T0);
    await enqueue(db, patrolEntry('b'), T0 + 1);
    const fetchMock = fakeFetch(offline, offline, jsonResponse(201, {}), jsonResponse(201, {}));

    const first = await flush(db, options(fetchMock));
    expect(first.stopped).toBe('unreachable');
    expect(fetchMock).toHaveBeenCalledTimes(1); // b was not tried: nothing would get through
    expect(await stored('a')).toMatchObject({ state: 'waiting', attempts: 1, next_try_at: T0 + 5_000 });
    expect((await stored('a'))?.last_error?.slug).toBe('network');
    expect(await stored('b')).toMatchObject({ state: 'waiting', attempts: 0 });

    clock = T0 + 4_999; // still backing off: nothing is sent, b does not overtake a
    expect((await flush(db, options(fetchMock))).stopped).toBe('backing_off');
    expect(fetchMock).toHaveBeenCalledTimes(1);

    clock = T0 + 5_000;
    await flush(db, options(fetchMock));
    expect(await stored('a')).toMatchObject({ attempts: 2, next_try_at: T0 + 5_000 + 10_000 });

    await flush(db, options(fetchMock, { force: true })); // "Gửi ngay" does not wait
    expect(urlsOf(fetchMock).slice(2)).toEqual(['/api/v1/community/patrols/a', '/api/v1/community/patrols/b']);
    expect(await list(db, ME)).toEqual([]);
  });

  it('keeps the entry on a 5xx as on a network error', async () => {
    await enqueue(db, patrolEntry('a'), T0);
    const result = await flush(db, options(fakeFetch(problem(503, 'overloaded'))));
    expect(result.stopped).toBe('unreachable');
    expect(await stored('a')).toMatchObject({ state: 'waiting', attempts: 1, next_try_at: T0 + 5_000 });
  });

  it('does not take a portal\'s 200 page for the server\'s answer', async () => {
    await enqueue(db, patrolEntry('a'), T0);
    const portal = new Response('<html>Đăng nhập Wi-Fi</html>', {
      status: 200,
      headers: { 'Content-Type': 'text/html' },
    });
    const result = await flush(db, options(fakeFetch(portal)));
    expect(result.sent).toEqual([]);
    expect(await stored('a')).toMatchObject({ state: 'waiting', attempts: 1 });
  });

  it('stops on a 401 and waits for a sign-in, every entry still waiting', async () => {
    await enqueue(db, patrolEntry('a'), T0);
    await enqueue(db, patrolEntry('b'), T0 + 1);
    const fetchMock = fakeFetch(problem(401, 'unauthenticated'));
    const result = await flush(db, options(fetchMock));
    expect(result).toMatchObject({ needsSignIn: true, stopped: 'sign_in' });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect((await list(db, ME)).map((e) => [e.id, e.state])).toEqual([
      ['a', 'waiting'],
      ['b', 'waiting'],
    ]);
    // Signed in again, the entry goes at once: a 401 is no reason to back off.
    expect((await stored('a'))?.next_try_at).toBe(T0);
  });

  it('keeps an entry waiting on a stale CSRF token, for a flush with a fresh one', async () => {
    await enqueue(db, patrolEntry('a'), T0);
    const result = await flush(db, options(fakeFetch(problem(403, 'csrf-failed'))));
    expect(result.stopped).toBe('refresh_token');
    expect((await stored('a'))?.state).toBe('waiting');
  });

  it('marks a 409 as a conflict, nothing overwritten, and goes on with the next entry', async () => {
    await enqueue(db, patrolEntry('a', { base_version: 2 }), T0 - 1);
    await enqueue(db, patrolEntry('b'), T0);
    const fetchMock = fakeFetch(problem(409, 'conflict'), jsonResponse(201, { outcome: 'inserted' }));
    const result = await flush(db, options(fetchMock));
    expect(result.conflicts.map((e) => e.id)).toEqual(['a']);
    expect(await stored('a')).toMatchObject({ state: 'conflict', base_version: 2, last_error: { status: 409 } });
    expect(await stored('b')).toBeUndefined();
    expect(await count(db, ME)).toEqual({ waiting: 0, conflict: 1, rejected: 0 });
  });

  it('sends a conflict again on the server\'s version once the member chooses theirs', async () => {
    await enqueue(db, patrolEntry('a', { base_version: 2 }), T0);
    await flush(db, options(fakeFetch(problem(409, 'conflict'))));
    expect((await flush(db, options(fakeFetch()))).sent).toEqual([]); // a conflict is not sent again by itself

    clock = T0 + 60_000;
    await retry(db, 'a', ME, clock, { base_version: 3 });
    expect(await stored('a')).toMatchObject({ state: 'waiting', attempts: 0, base_version: 3, next_try_at: clock });
    expect((await stored('a'))?.last_error).toBeUndefined();
    const fetchMock = fakeFetch(jsonResponse(200, { outcome: 'updated' }));
    await flush(db, options(fetchMock));
    expect(JSON.parse(String(fetchMock.mock.calls[0]![1]!.body)).base_version).toBe(3);
    expect(await stored('a')).toBeUndefined();
  });

  it('rejects a 422 with the problem\'s field errors, and a 404 too', async () => {
    await enqueue(db, patrolEntry('a'), T0 - 1);
    await enqueue(db, patrolEntry('b'), T0);
    const fieldErrors = [{ field: 'patrol_on', code: 'after_dissolved', message: 'Sau ngày giải thể' }];
    const fetchMock = fakeFetch(validationProblem(fieldErrors), problem(404, 'not-found'));
    const result = await flush(db, options(fetchMock));
    expect(result.rejected.map((e) => e.id)).toEqual(['a', 'b']);
    expect(await stored('a')).toMatchObject({ state: 'rejected', errors: fieldErrors });
    expect(await stored('b')).toMatchObject({ state: 'rejected', errors: [], last_error: { status: 404 } });
    expect((await flush(db, options(fakeFetch()))).sent).toEqual([]); // not sent again as it is

    await retry(db, 'a', ME, clock, { body: { findings: 'sửa' } });
    expect(await stored('a')).toMatchObject({ state: 'waiting', body: { findings: 'sửa' } });
    expect((await stored('a'))?.errors).toBeUndefined();
  });

  it('never sends nor touches another user\'s entries', async () => {
    await enqueue(db, patrolEntry('theirs', { user_id: COLLEAGUE }), T0 - 1000);
    await enqueue(db, patrolEntry('mine'), T0);
    const before = await stored('theirs');
    const fetchMock = fakeFetch(jsonResponse(201, {}));
    await flush(db, options(fetchMock));
    expect(urlsOf(fetchMock)).toEqual(['/api/v1/community/patrols/mine']);
    expect(await stored('theirs')).toEqual(before);

    await retry(db, 'theirs', ME, clock, { base_version: 9 });
    expect(await stored('theirs')).toEqual(before);
  });

  it('keeps a record changed again while it was on its way, to send the new content', async () => {
    await enqueue(db, patrolEntry('a'), T0);
    const fetchMock = fakeFetch();
    fetchMock.mockImplementationOnce(async () => {
      await enqueue(db, patrolEntry('a', { body: { findings: 'thêm' } }), T0 + 1);
      return jsonResponse(201, { outcome: 'inserted' });
    });
    await flush(db, options(fetchMock));
    expect(await stored('a')).toMatchObject({ state: 'waiting', body: { findings: 'thêm' } });
  });

  it('sends an entry left `sending` by a closed page again', async () => {
    await enqueue(db, patrolEntry('a'), T0);
    await putValue(db, 'outbox', { ...(await stored('a'))!, state: 'sending' });
    const fetchMock = fakeFetch(jsonResponse(200, { outcome: 'replayed' }));
    await flush(db, options(fetchMock));
    expect(fetchMock).toHaveBeenCalledOnce();
    expect(await stored('a')).toBeUndefined();
  });

  it('sends an entry queued before the phone\'s clock was set back', async () => {
    await enqueue(db, patrolEntry('a'), T0 + 3 * 60 * 60_000); // the clock ran 3 hours fast
    const fetchMock = fakeFetch(jsonResponse(201, {}));
    await flush(db, options(fetchMock));
    expect(fetchMock).toHaveBeenCalledOnce();
    expect(await stored('a')).toBeUndefined();
  });

  it('runs one flush at a time: a second call while one runs sends nothing twice', async () => {
    await enqueue(db, patrolEntry('a'), T0);
    const fetchMock = fakeFetch(jsonResponse(201, {}), jsonResponse(201, {}));
    const [one, two] = await Promise.all([flush(db, options(fetchMock)), flush(db, options(fetchMock))]);
    expect(fetchMock).toHaveBeenCalledOnce();
    expect(two).toBe(one);
  });
});
