// A boot with no network (plan D7): the phone keeps the last signed-in user in IndexedDB's
// `profile` store, and when /auth/me cannot reach the server the app opens with that user,
// only on the pages that work offline (routes.ts `offline`). An answer from the server,
// even a 401, is never offline: the app then behaves as it always did.
import { ApiError } from './api';
import type { SessionUser } from './capabilities';
import { deleteValue, getValue, offlineDb, PROFILE_KEY, putValue } from './idb';
import type { Session } from './schema';

export type Boot =
  /** The server answered with a session. */
  | { mode: 'online'; session: Session }
  /** No answer, and this phone's last user: the offline pages open for them. */
  | { mode: 'offline'; user: SessionUser }
  /** No session (a 401 or any other answer), or no answer and no user kept: the sign-in page. */
  | { mode: 'signed-out' };

/** Whether `error` says no answer came (lib/api.ts), not that the server refused. */
export function isNetworkError(error: unknown): boolean {
  return error instanceof ApiError && error.slug === 'network';
}

/** How the app starts, from the session (`me`) or, with no network, the user kept (`lastUser`). */
export async function bootSession(
  me: () => Promise<Session>,
  lastUser: () => Promise<SessionUser | undefined>,
): Promise<Boot> {
  try {
    return { mode: 'online', session: await me() };
  } catch (error) {
    if (!isNetworkError(error)) return { mode: 'signed-out' };
    const user = await lastUser().catch(() => undefined);
    return user ? { mode: 'offline', user } : { mode: 'signed-out' };
  }
}

// IndexedDB may be missing or refused (private mode): the app then works online only, so
// these never fail.

/** Keeps the signed-in user for the next boot with no network. */
export async function rememberUser(user: SessionUser): Promise<void> {
  await offlineDb()
    .then((db) => putValue(db, 'profile', user, PROFILE_KEY))
    .catch(() => undefined);
}

export async function lastUser(): Promise<SessionUser | undefined> {
  return offlineDb()
    .then((db) => getValue<SessionUser>(db, 'profile', PROFILE_KEY))
    .catch(() => undefined);
}

/** Forgets the user (sign-out): the next boot with no network opens no page. */
export async function forgetUser(): Promise<void> {
  await offlineDb()
    .then((db) => deleteValue(db, 'profile', PROFILE_KEY))
    .catch(() => undefined);
}
