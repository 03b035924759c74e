// The outbox: records entered with no signal (a patrol, a drill, a registration tick…) wait
// on the phone until they can be sent (docs/architecture.md, "Community", plan D4 and D7).
// Every record is a PUT by the id the phone made, with the version it was seen at, so the
// server decides whether it is new, a repeat (`replayed`: sent twice, stored once), an update
// or a conflict: sending an entry again is always harmless, losing one never is.
//
// Entries belong to the user who made them: a flush sends the signed-in user's entries only,
// and never reads or changes another user's (a shared phone, a colleague signed in since).
import { problemFrom, type FieldError } from './api';
import { listValues, modifyValue } from './idb';
import type { Locale } from './schema';

export type OutboxKind =
  | 'registration'
  | 'patrol'
  | 'drill'
  | 'meeting'
  | 'extinguisher_check'
  | 'model_activity';

/**
 * waiting: to be sent (again); sending: on its way (a flush cut short leaves it so, and the
 * next one sends it again); conflict: the server's record changed since it was seen (409),
 * the member chooses; rejected: refused as it is (422, 403, 404…), the member edits or drops it.
 */
export type OutboxState = 'waiting' | 'sending' | 'conflict' | 'rejected';

/** What the last answer said, kept for the page: a problem's status, slug and words. */
export interface OutboxError {
  status: number;
  slug: string;
  title: string;
  detail: string;
}

export interface OutboxEntry {
  /** The record's UUID (newRecordId), or one made for the entry (a registration tick). */
  id: string;
  user_id: number;
  kind: OutboxKind;
  method: 'PUT';
  /** The request's path, under /api/v1/. */
  url: string;
  /** The JSON body (with the phone's `device_at`), sent with `base_version` set in it. */
  body: Record<string, unknown>;
  /**
   * The server's version the record was changed from (0 for a new one). Kept apart from the
   * body so that "Gửi bản của tôi" after a conflict changes this one number.
   */
  base_version: number;
  /** The village whose offline pack shows the record (lib/offline-records.ts), when it has one. */
  village_id?: number;
  /** When it was queued (ms): the outbox sends oldest first. */
  created_at: number;
  state: OutboxState;
  /** How many times it was sent. */
  attempts: number;
  last_error?: OutboxError;
  /** A 422's field errors, to show on the form it is opened in again. */
  errors?: FieldError[];
  /** Not sent again before this instant (ms): the back-off after a network error or a 5xx. */
  next_try_at: number;
}

export type NewOutboxEntry = Pick<OutboxEntry, 'id' | 'user_id' | 'kind' | 'url' | 'body' | 'base_version' | 'village_id'>;

const API_PREFIX = '/api/v1/';

// ---- Record ids ----------------------------------------------------------------------

/**
 * A new record id: a random (version 4) UUID in lowercase, the only form the server takes
 * (`valid_record_id`). From crypto.getRandomValues, because crypto.randomUUID needs a secure
 * context and a newer Chrome than some phones have. `fill` is for tests.
 */
export function newRecordId(fill: (bytes: Uint8Array) => void = (bytes) => crypto.getRandomValues(bytes)): string {
  const bytes = new Uint8Array(16);
  fill(bytes);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40; // version 4
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // variant 10xx (RFC 4122)
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
}

// ---- The rule: what an answer does to an entry ---------------------------------------

export interface AnswerRule {
  /** What becomes of the entry: gone (the server holds the record), or its new state. */
  entry: 'delete' | 'waiting' | 'conflict' | 'rejected';
  /** Whether the flush goes on with the next entry, or stops and why. */
  flush: 'next' | 'back_off' | 'sign_in' | 'refresh_token';
}

/**
 * The one rule of the outbox: what an answer (`status` 0 when none arrived) does to the
 * entry and to the flush. Tested as a table (outbox.test.ts).
 */
export function answerRule(status: number, slug: string): AnswerRule {
  // Taken: inserted, updated, or `replayed` (the same content was stored already).
  if (status >= 200 && status < 300) return { entry: 'delete', flush: 'next' };
  // Nothing will get through now (no network, the server down or busy): wait, and try the
  // same entry first later, so that none overtakes another.
  if (status === 0 || status >= 500 || status === 408 || status === 429) {
    return { entry: 'waiting', flush: 'back_off' };
  }
  // The session ended: every entry would meet the same; they wait for a new sign-in.
  if (status === 401) return { entry: 'waiting', flush: 'sign_in' };
  // A stale CSRF token is not the record's fault: a fresh auth.me() and a new flush send it.
  if (status === 403 && slug === 'csrf-failed') return { entry: 'waiting', flush: 'refresh_token' };
  // Someone changed the record since the phone saw it: never overwritten silently.
  if (status === 409) return { entry: 'conflict', flush: 'next' };
  // Refused as it is (422 invalid, 403 not allowed, 404 out of scope or gone, any other 4xx):
  // sending it again would meet the same answer, so it waits for the member's decision.
  return { entry: 'rejected', flush: 'next' };
}

const FIRST_BACK_OFF_MS = 5_000;
const MAX_BACK_OFF_MS = 5 * 60_000;

/** The wait after the `attempts`-th failed send: 5 s, doubling, at most 5 min. */
export function backOffMs(attempts: number): number {
  return Math.min(FIRST_BACK_OFF_MS * 2 ** Math.max(0, attempts - 1), MAX_BACK_OFF_MS);
}

// ---- The store -----------------------------------------------------------------------

/**
 * Whether an entry's back-off is over at `now`. A wait longer than any back-off means the
 * phone's clock was set back since (phones often run hours fast until they sync): the
 * entry is due rather than stuck until the clock catches up.
 */
function isDue(entry: OutboxEntry, now: number): boolean {
  return entry.next_try_at <= now || entry.next_try_at - now > MAX_BACK_OFF_MS;
}

/** Whether a flush should send the entry: not yet refused, not in conflict. */
function isPending(entry: OutboxEntry): boolean {
  return entry.state === 'waiting' || entry.state === 'sending';
}

/**
 * Queues a record to send. An entry with the same id (the record changed again before it
 * was sent) is replaced by this one, keeping its place in the line; one of another user
 * is refused, never overwritten.
 */
export async function enqueue(db: IDBDatabase, input: NewOutboxEntry, now: number): Promise<OutboxEntry> {
  if (!input.url.startsWith(API_PREFIX)) throw new Error(`outbox: not an API path: ${input.url}`);
  const queued = await modifyValue<OutboxEntry>(db, 'outbox', input.id, (current) => {
    if (current && current.user_id !== input.user_id) return undefined;
    return {
      ...input,
      method: 'PUT',
      created_at: current?.created_at ?? now,
      state: 'waiting',
      attempts: 0,
      next_try_at: now,
    };
  });
  if (!queued) throw new Error(`outbox: entry ${input.id} belongs to another user`);
  return queued;
}

/** The user's entries, oldest first (whatever their state). */
export async function list(db: IDBDatabase, userId: number): Promise<OutboxEntry[]> {
  const all = await listValues<OutboxEntry>(db, 'outbox', 'created_at');
  return all.filter((entry) => entry.user_id === userId);
}

export interface OutboxCounts {
  /** Still to send (waiting or on its way). */
  waiting: number;
  conflict: number;
  rejected: number;
}

/** How many of the user's entries are in each state: the badge's numbers. */
export async function count(db: IDBDatabase, userId: number): Promise<OutboxCounts> {
  const counts: OutboxCounts = { waiting: 0, conflict: 0, rejected: 0 };
  for (const entry of await list(db, userId)) {
    if (entry.state === 'conflict') counts.conflict += 1;
    else if (entry.state === 'rejected') counts.rejected += 1;
    else counts.waiting += 1;
  }
  return counts;
}

/** Drops the user's entry (a conflict settled with the server's version, a refusal given up). */
export async function discard(db: IDBDatabase, id: string, userId: number): Promise<void> {
  await modifyValue<OutboxEntry>(db, 'outbox', id, (current) => (current?.user_id === userId ? null : undefined));
}

/**
 * Puts the user's entry back in line, due now, with `change` when given: "Gửi bản của tôi"
 * after a conflict (the body on the server's version) or a refused record edited.
 */
export async function retry(
  db: IDBDatabase,
  id: string,
  userId: number,
  now: number,
  change?: Partial<Pick<OutboxEntry, 'body' | 'base_version'>>,
): Promise<void> {
  await modifyValue<OutboxEntry>(db, 'outbox', id, (current) => {
    if (current?.user_id !== userId) return undefined;
    const next: OutboxEntry = { ...current, ...change, state: 'waiting', attempts: 0, next_try_at: now };
    // What the server said of the content it refused no longer applies to the one sent next.
    delete next.last_error;
    delete next.errors;
    return next;
  });
}

// ---- Sending -------------------------------------------------------------------------

export interface FlushOptions {
  userId: number;
  /** The session's CSRF token, from a fresh auth.me(). */
  csrf: string;
  fetch: typeof fetch;
  /** The clock (ms), injected so that tests decide the back-off. */
  now: () => number;
  /** Send even entries still backing off ("Gửi ngay", the phone back online). */
  force?: boolean;
  /** For the words of the problems kept with refused entries. */
  locale?: Locale;
  /** A request that hangs this long counts as a network error. */
  timeoutMs?: number;
}

export interface FlushResult {
  /** The entries the server took, with its answer (the record as stored) to update the pack. */
  sent: { entry: OutboxEntry; answer: unknown }[];
  conflicts: OutboxEntry[];
  rejected: OutboxEntry[];
  /** Why the flush stopped before the end of the line; null when it reached it. */
  stopped: null | 'backing_off' | 'unreachable' | 'sign_in' | 'refresh_token';
  /** The session ended: "Đăng nhập lại để gửi N bản ghi". */
  needsSignIn: boolean;
}

interface Answer {
  status: number;
  slug: string;
  body: unknown;
  error?: OutboxError;
  errors?: FieldError[];
}

/** No answer from the server: the network's fault, whatever the phone got instead. */
const NO_ANSWER: Answer = {
  status: 0,
  slug: 'network',
  body: null,
  error: { status: 0, slug: 'network', title: '', detail: '' },
};

async function sendEntry(entry: OutboxEntry, options: FlushOptions): Promise<Answer> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), options.timeoutMs ?? 30_000);
  // Called apart from `options`: window.fetch called as a method of another object throws.
  const send = options.fetch;
  let response: Response;
  try {
    response = await send(entry.url, {
      method: entry.method,
      headers: {
        Accept: 'application/json, application/problem+json',
        'Accept-Language': options.locale ?? 'vi',
        'Content-Type': 'application/json',
        'X-CSRF-Token': options.csrf,
      },
      body: JSON.stringify({ ...entry.body, base_version: entry.base_version }),
      credentials: 'same-origin',
      signal: abort.signal,
    });
  } catch {
    return NO_ANSWER; // offline, refused, reset, or the timeout
  } finally {
    clearTimeout(timer);
  }
  // Our API answers JSON and never redirects: a 2xx page of anything else is a captive
  // portal's (hotel or café Wi-Fi), and the record has not reached the server.
  const type = response.headers.get('Content-Type') ?? '';
  if (response.ok && (response.redirected || !type.includes('json'))) return NO_ANSWER;
  if (response.ok) return { status: response.status, slug: '', body: await response.json().catch(() => null) };
  const problem = await problemFrom(response);
  return {
    status: problem.status,
    slug: problem.slug,
    body: null,
    error: { status: problem.status, slug: problem.slug, title: problem.title, detail: problem.detail },
    errors: problem.errors,
  };
}

/** The entry as `rule` leaves it (null: deleted), counting the attempt it was. */
function afterAnswer(entry: OutboxEntry, rule: AnswerRule, answer: Answer, now: number): OutboxEntry | null {
  if (rule.entry === 'delete') return null;
  const attempts = entry.attempts + 1;
  const next: OutboxEntry = {
    ...entry,
    state: rule.entry,
    attempts,
    next_try_at: rule.flush === 'back_off' ? now + backOffMs(attempts) : now,
  };
  if (answer.error) next.last_error = answer.error;
  if (rule.entry === 'rejected') next.errors = answer.errors ?? [];
  return next;
}

/** Whether the stored entry is still the one sent (not changed again, dropped or retried meanwhile). */
function sameEntry(stored: OutboxEntry | undefined, sent: OutboxEntry): boolean {
  return (
    stored !== undefined &&
    stored.state === 'sending' &&
    stored.user_id === sent.user_id &&
    JSON.stringify(stored.body) === JSON.stringify(sent.body)
  );
}

let running: Promise<FlushResult> | null = null;

/**
 * Sends the user's pending entries, oldest first, one at a time, and records each answer
 * (answerRule). It stops at the first entry still backing off (unless `force`), and at the
 * first answer that every later entry would meet too (no network, 5xx, 401, a stale token).
 * A flush asked for while one runs gets that one's result: no entry goes twice at once.
 */
export function flush(db: IDBDatabase, options: FlushOptions): Promise<FlushResult> {
  running ??= flushOnce(db, options).finally(() => (running = null));
  return running;
}

async function flushOnce(db: IDBDatabase, options: FlushOptions): Promise<FlushResult> {
  const result: FlushResult = { sent: [], conflicts: [], rejected: [], stopped: null, needsSignIn: false };
  const line = (await list(db, options.userId)).filter(isPending);
  for (const queued of line) {
    if (!options.force && !isDue(queued, options.now())) {
      result.stopped = 'backing_off';
      break;
    }
    const entry = await markSending(db, queued);
    if (!entry) continue; // dropped or settled since the line was read
    const answer = await sendEntry(entry, options);
    const rule = answerRule(answer.status, answer.slug);
    const after = afterAnswer(entry, rule, answer, options.now());
    await modifyValue<OutboxEntry>(db, 'outbox', entry.id, (stored) => {
      // Changed again while on its way: the newer content stays in line as it was queued.
      if (!sameEntry(stored, entry)) return undefined;
      return after;
    });
    if (after === null) result.sent.push({ entry, answer: answer.body });
    else if (after.state === 'conflict') result.conflicts.push(after);
    else if (after.state === 'rejected') result.rejected.push(after);
    if (rule.flush !== 'next') {
      result.stopped = rule.flush === 'back_off' ? 'unreachable' : rule.flush;
      result.needsSignIn = rule.flush === 'sign_in';
      break;
    }
  }
  return result;
}

/** The entry as stored now, marked as on its way; null when it is no longer the user's to send. */
async function markSending(db: IDBDatabase, queued: OutboxEntry): Promise<OutboxEntry | null> {
  const marked = await modifyValue<OutboxEntry>(db, 'outbox', queued.id, (stored) => {
    if (!stored || stored.user_id !== queued.user_id || !isPending(stored)) return undefined;
    return { ...stored, state: 'sending' };
  });
  return marked ?? null;
}
