// The one place the outbox is sent from and its numbers are kept (plan D7): the offline pages
// queue their records here, the badge in the Layout reads the counts, and every send (at
// start, when the network returns, every 30 s while entries wait, on "Gửi ngay") goes through
// syncOutbox, for the signed-in user's entries only. A record queued shows in its village's
// pack at once (lib/offline-records.ts); the server's answer replaces it once sent.
import { ApiError, auth, setCsrfToken } from './api';
import { clearStore, modifyValue, offlineDb } from './idb';
import type { StoredPack } from './offline-pack';
import { outboxEntry, withAnswer, withEntry, withoutEntry, withRecord, type OfflineRecord } from './offline-records';
import { count, discard, enqueue, flush, list, retry, type FlushResult, type OutboxCounts, type OutboxEntry } from './outbox';
import type { Locale } from './schema';

export interface OutboxStatus {
  /** Whose entries the numbers are (null before anyone's were counted). */
  userId: number | null;
  counts: OutboxCounts;
  /** The session ended: the entries wait for a sign-in ("Đăng nhập lại để gửi N bản ghi"). */
  needsSignIn: boolean;
}

const NONE: OutboxCounts = { waiting: 0, conflict: 0, rejected: 0 };
let status: OutboxStatus = { userId: null, counts: NONE, needsSignIn: false };
const listeners = new Set<(status: OutboxStatus) => void>();

export function outboxStatus(): OutboxStatus {
  return status;
}

/** Calls `listener` with every new status; returns the unsubscribe. */
export function subscribeOutbox(listener: (status: OutboxStatus) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function publish(next: OutboxStatus): void {
  status = next;
  for (const listener of listeners) listener(status);
}

/** Counts the user's entries again and tells the badge and the pages. */
export async function refreshOutboxStatus(userId: number, needsSignIn?: boolean): Promise<OutboxCounts> {
  const counts = await count(await offlineDb(), userId);
  const keepSignIn = status.userId === userId && status.needsSignIn;
  publish({ userId, counts, needsSignIn: counts.waiting > 0 && (needsSignIn ?? keepSignIn) });
  return counts;
}

/** How many of the user's entries have not reached the server (whatever their state): the sign-out's question. */
export async function unsentCount(userId: number): Promise<number> {
  try {
    return (await list(await offlineDb(), userId)).length;
  } catch {
    return 0; // no IndexedDB here: nothing was queued either
  }
}

/**
 * Forgets the villages' packs (sign-out: names and addresses of a village stay on no shared
 * phone). The outbox stays: each entry is its user's, sent after they sign in again.
 */
export async function forgetPacks(): Promise<void> {
  await offlineDb()
    .then((db) => clearStore(db, 'packs'))
    .catch(() => undefined);
}

async function changePack(villageId: number | undefined, change: (stored: StoredPack) => StoredPack): Promise<void> {
  if (villageId === undefined) return;
  await modifyValue<StoredPack>(await offlineDb(), 'packs', villageId, (stored) => (stored ? change(stored) : undefined));
}

export interface SyncOptions {
  /** Send even entries still backing off ("Gửi ngay", the network back). */
  force?: boolean;
  locale?: Locale;
}

/**
 * Sends the user's waiting entries (lib/outbox flush) after a fresh /auth/me, which gives
 * the CSRF token and says whether the session still stands; puts the server's answers in
 * the packs, and counts again. A 401 keeps the entries waiting for a sign-in. Null when
 * nothing was sent (nothing waits, no network, no session, another user signed in).
 */
export async function syncOutbox(userId: number, options: SyncOptions = {}): Promise<FlushResult | null> {
  const db = await offlineDb();
  if ((await count(db, userId)).waiting === 0) {
    await refreshOutboxStatus(userId);
    return null;
  }
  let result: FlushResult | null = null;
  // A stale token (403 csrf-failed) is fetched again once.
  for (let round = 0; round < 2; round += 1) {
    let csrf: string;
    try {
      const session = await auth.me(true);
      if (session.user.id !== userId) return null; // another user's session: their entries are not ours to send
      csrf = session.csrf_token;
      setCsrfToken(csrf);
    } catch (error) {
      const signedOut = error instanceof ApiError && error.status === 401;
      await refreshOutboxStatus(userId, signedOut);
      return null;
    }
    result = await flush(db, {
      userId,
      csrf,
      fetch: (input, init) => globalThis.fetch(input, init),
      now: () => Date.now(),
      force: options.force ?? false,
      locale: options.locale ?? 'vi',
    });
    for (const { entry, answer } of result.sent) {
      await changePack(entry.village_id, (stored) => ({ ...stored, pack: withAnswer(stored.pack, entry, answer) }));
    }
    if (result.stopped !== 'refresh_token') break;
  }
  await refreshOutboxStatus(userId, result?.needsSignIn ?? false);
  return result;
}

function online(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

/**
 * Queues a record the phone entered (a new one, or one edited after a refusal: the same id
 * replaces its entry), shows it in the village's pack at once, and sends it when online.
 */
export async function queueRecord(userId: number, villageId: number, record: OfflineRecord): Promise<OutboxEntry> {
  const db = await offlineDb();
  const queued = await enqueue(db, outboxEntry(userId, villageId, record), Date.now());
  await changePack(villageId, (stored) => ({ ...stored, pack: withEntry(stored.pack, queued) }));
  await refreshOutboxStatus(userId);
  if (online()) void syncOutbox(userId).catch(() => undefined);
  return queued;
}

/** "Bỏ": drops the user's entry; a new record it made leaves the pack with it. */
export async function dropEntry(userId: number, entry: OutboxEntry): Promise<void> {
  await discard(await offlineDb(), entry.id, userId);
  await changePack(entry.village_id, (stored) => ({ ...stored, pack: withoutEntry(stored.pack, entry) }));
  await refreshOutboxStatus(userId);
}

/** "Giữ bản trên máy chủ": drops the entry, and the pack takes the server's copy. */
export async function keepServerCopy(userId: number, entry: OutboxEntry, server: Record<string, unknown> | null): Promise<void> {
  await discard(await offlineDb(), entry.id, userId);
  await changePack(entry.village_id, (stored) => {
    if (!server) return { ...stored, pack: withoutEntry(stored.pack, { ...entry, base_version: 0 }) };
    const pack =
      entry.kind === 'registration'
        ? withAnswer(stored.pack, entry, { registration: server })
        : withRecord(stored.pack, entry.kind, server);
    return { ...stored, pack };
  });
  await refreshOutboxStatus(userId);
}

/** "Gửi bản của tôi": the entry again, on the server's version, sent now. */
export async function sendMine(userId: number, entry: OutboxEntry, serverVersion: number, locale?: Locale): Promise<void> {
  await retry(await offlineDb(), entry.id, userId, Date.now(), { base_version: serverVersion });
  await refreshOutboxStatus(userId);
  await syncOutbox(userId, { force: true, ...(locale ? { locale } : {}) });
}
