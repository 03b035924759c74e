// What the offline pages and the outbox badge read: the outbox's numbers and entries, the
// sends' triggers (one hook, mounted once by the Layout's badge), and the village's pack.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { SessionUser } from './capabilities';
import { listValues, offlineDb } from './idb';
import { loadPack, refreshPack, type PackState, type StoredPack } from './offline-pack';
import { outboxStatus, refreshOutboxStatus, subscribeOutbox, syncOutbox, type OutboxStatus } from './offline-sync';
import { list, type OutboxEntry } from './outbox';
import type { Locale } from './schema';

/** While entries wait, a send is tried this often (the outbox's own back-off still applies). */
export const SYNC_INTERVAL_MS = 30_000;

/** The outbox's numbers, kept current. */
export function useOutboxStatus(): OutboxStatus {
  const [current, setCurrent] = useState(outboxStatus);
  useEffect(() => subscribeOutbox(setCurrent), []);
  return current;
}

/**
 * The sends' triggers, for the signed-in user's entries: at start, when the network returns
 * (forced: the back-off was the network's), and every 30 s while any wait.
 */
export function useOutboxSync(userId: number | null, locale: Locale): void {
  const status = useOutboxStatus();
  const waiting = status.userId === userId ? status.counts.waiting : 0;
  useEffect(() => {
    if (userId === null) return;
    const send = (force: boolean) => void syncOutbox(userId, { force, locale }).catch(() => undefined);
    send(false);
    const back = () => send(true);
    window.addEventListener('online', back);
    return () => window.removeEventListener('online', back);
  }, [userId, locale]);
  useEffect(() => {
    if (userId === null || waiting === 0) return;
    const timer = setInterval(() => void syncOutbox(userId, { locale }).catch(() => undefined), SYNC_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [userId, locale, waiting > 0]);
}

/** The user's outbox entries, oldest first, read again whenever the outbox changes. */
export function useOutboxEntries(userId: number): { entries: OutboxEntry[] | null; reload: () => void } {
  const [entries, setEntries] = useState<OutboxEntry[] | null>(null);
  const status = useOutboxStatus();
  const reload = useCallback(() => {
    offlineDb()
      .then((db) => list(db, userId))
      .then(setEntries, () => setEntries([]));
  }, [userId]);
  useEffect(reload, [reload, status]);
  useEffect(() => void refreshOutboxStatus(userId).catch(() => undefined), [userId]);
  return { entries, reload };
}

const VILLAGE_KEY = 'antq.offline.village';

/**
 * The village the offline pages work on: the one chosen on /offline (an officer's scope has
 * several), else the user's own unit (a team member's is their village).
 */
export function chosenVillage(user: Pick<SessionUser, 'role' | 'unit_id'>): number | null {
  try {
    const stored = Number(localStorage.getItem(VILLAGE_KEY));
    if (Number.isInteger(stored) && stored > 0) return stored;
  } catch {
    // storage refused: fall back to the user's unit
  }
  return user.role === 'team_member' ? user.unit_id : null;
}

export function chooseVillage(villageId: number): void {
  try {
    localStorage.setItem(VILLAGE_KEY, String(villageId));
  } catch {
    // storage refused: the choice lasts for this page only
  }
}

/** The packs on this phone (their villages, for the chooser). */
export async function storedPacks(): Promise<StoredPack[]> {
  return listValues<StoredPack>(await offlineDb(), 'packs');
}

export interface VillagePack {
  villageId: number | null;
  /** Null while it is read. */
  state: PackState | null;
  /** Read the stored pack again (after a record was queued). */
  reload: () => void;
  /** Fetch it from the server (ETag: an unchanged pack costs a 304); whether it changed. */
  refresh: (locale: Locale) => Promise<boolean>;
}

/** The stored pack of `villageId`, read again whenever the outbox changes (a record queued or sent). */
export function useVillagePack(villageId: number | null): VillagePack {
  const [state, setState] = useState<PackState | null>(null);
  const status = useOutboxStatus();
  const reload = useCallback(() => {
    if (villageId === null) {
      setState({ kind: 'missing' });
      return;
    }
    offlineDb()
      .then((db) => loadPack(db, villageId, Date.now()))
      .then(setState, () => setState({ kind: 'missing' }));
  }, [villageId]);
  useEffect(reload, [reload, status]);
  const refresh = useCallback(
    async (locale: Locale) => {
      if (villageId === null) return false;
      const { changed } = await refreshPack(await offlineDb(), villageId, {
        fetch: (input, init) => globalThis.fetch(input, init),
        now: () => Date.now(),
        locale,
      });
      reload();
      return changed;
    },
    [villageId, reload],
  );
  return { villageId, state, reload, refresh };
}

/** Whether the browser says it has a network (navigator.onLine), kept current. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => typeof navigator === 'undefined' || navigator.onLine !== false);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}
