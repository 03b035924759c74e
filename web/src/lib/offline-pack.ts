// A village's offline pack on the phone (docs/architecture.md, "The offline pack"): fetched
// from GET /api/v1/community/offline-pack with the ETag of the copy held, so that an
// unchanged pack costs a 304 and no body, kept in IndexedDB (lib/idb.ts, store `packs`), and
// refused once older than 30 days without a refresh: households move, teams change, and a
// pack lost with a phone should not be read for ever.
import { ApiError, problemFrom } from './api';
import type { components } from './api-schema';
import { getValue, putValue } from './idb';
import type { Locale } from './schema';

/** The pack as the server renders it (src/api/offline_api.cpp). */
export type OfflinePack = components['schemas']['OfflinePack'];

/** A pack as the phone keeps it: the body, its ETag and when it was last confirmed current. */
export interface StoredPack {
  village_id: number;
  etag: string;
  /** When the server last sent it or said it is unchanged (ms, the phone's clock). */
  fetched_at: number;
  pack: OfflinePack;
}

export const PACK_MAX_AGE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface PackFetchOptions {
  fetch: typeof fetch;
  /** The clock (ms), injected for tests. */
  now: () => number;
  locale?: Locale;
}

export function readPack(db: IDBDatabase, villageId: number): Promise<StoredPack | undefined> {
  return getValue<StoredPack>(db, 'packs', villageId);
}

async function fetchPack(villageId: number, etag: string | null, options: PackFetchOptions): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': options.locale ?? 'vi',
  };
  if (etag) headers['If-None-Match'] = etag;
  // Called apart from `options`: window.fetch called as a method of another object throws.
  const send = options.fetch;
  try {
    return await send(`/api/v1/community/offline-pack?village_id=${villageId}`, {
      headers,
      credentials: 'same-origin',
      // The copy that counts is the one in IndexedDB: the browser's HTTP cache must neither
      // answer for the server nor turn its 304 into a 200.
      cache: 'no-store',
    });
  } catch {
    throw new ApiError({ status: 0, slug: 'network' });
  }
}

/**
 * Brings the village's pack up to date and stores it: a new body when the server has one, or
 * the copy held (confirmed now) on a 304. `changed` says which. Throws ApiError when the
 * server cannot be reached or refuses (the copy held, if any, stays as it was).
 */
export async function refreshPack(
  db: IDBDatabase,
  villageId: number,
  options: PackFetchOptions,
): Promise<{ stored: StoredPack; changed: boolean }> {
  const held = await readPack(db, villageId);
  const response = await fetchPack(villageId, held?.etag ?? null, options);
  if (response.status === 304 && held) {
    const stored: StoredPack = { ...held, fetched_at: options.now() };
    await putValue(db, 'packs', stored);
    return { stored, changed: false };
  }
  if (!response.ok) throw await problemFrom(response);
  const stored: StoredPack = {
    village_id: villageId,
    etag: response.headers.get('ETag') ?? '',
    fetched_at: options.now(),
    pack: (await response.json()) as OfflinePack,
  };
  await putValue(db, 'packs', stored);
  return { stored, changed: true };
}

/** Whole days since the pack was last confirmed current (0 when the clock went back). */
export function packAgeDays(stored: Pick<StoredPack, 'fetched_at'>, now: number): number {
  return Math.max(0, Math.floor((now - stored.fetched_at) / DAY_MS));
}

export type PackState =
  /** No pack of this village on the phone. */
  | { kind: 'missing' }
  /** Older than PACK_MAX_AGE_DAYS: not to be used until refreshed; the data is withheld. */
  | { kind: 'expired'; fetchedAt: number; ageDays: number }
  | { kind: 'ready'; stored: StoredPack; ageDays: number };

/** Whether a stored pack may be used at `now`: up to exactly 30 days after it was confirmed. */
export function packState(stored: StoredPack | undefined, now: number): PackState {
  if (!stored) return { kind: 'missing' };
  const ageDays = packAgeDays(stored, now);
  if (now - stored.fetched_at > PACK_MAX_AGE_DAYS * DAY_MS) {
    return { kind: 'expired', fetchedAt: stored.fetched_at, ageDays };
  }
  return { kind: 'ready', stored, ageDays };
}

/** The village's pack as the offline pages may use it (see packState). */
export async function loadPack(db: IDBDatabase, villageId: number, now: number): Promise<PackState> {
  return packState(await readPack(db, villageId), now);
}
