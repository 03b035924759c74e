// What the phone keeps to work with no signal (docs/architecture.md, "Community"): one
// IndexedDB database, `antq-offline`, with three stores. IndexedDB rather than the service
// worker's Cache Storage because pages query these records and change them one by one.
//   profile  the last signed-in user under the key 'me', for a boot with no network
//   packs    a village's offline pack, keyed by `village_id` (lib/offline-pack.ts)
//   outbox   the records waiting to be sent, keyed by `id`, indexed by `created_at` (lib/outbox.ts)
// A tiny promise wrapper, no library: every call is one transaction, settled when the
// transaction completes, so a resolved write is a stored write.

export const OFFLINE_DB_NAME = 'antq-offline';
export const OFFLINE_DB_VERSION = 1;
export const PROFILE_KEY = 'me';

export type StoreName = 'profile' | 'packs' | 'outbox';
const STORES: readonly StoreName[] = ['profile', 'packs', 'outbox'];

function createStores(db: IDBDatabase, oldVersion: number): void {
  // One branch per version, so that a later version adds to a phone's data instead of losing it.
  if (oldVersion < 1) {
    db.createObjectStore('profile');
    db.createObjectStore('packs', { keyPath: 'village_id' });
    const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
    outbox.createIndex('created_at', 'created_at');
  }
}

/** Opens (creating or upgrading) the database; tests pass fake-indexeddb's factory. */
export function openOfflineDb(factory: IDBFactory = globalThis.indexedDB): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(OFFLINE_DB_NAME, OFFLINE_DB_VERSION);
    request.onupgradeneeded = (event) => createStores(request.result, event.oldVersion);
    request.onsuccess = () => {
      const db = request.result;
      // A newer version of the app opened in another tab: let it upgrade instead of blocking it.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => reject(request.error);
  });
}

let shared: Promise<IDBDatabase> | null = null;

/** The app's one connection, opened on first use; opened again after a failure or a close. */
export function offlineDb(): Promise<IDBDatabase> {
  shared ??= openOfflineDb().then(
    (db) => {
      db.addEventListener('versionchange', () => (shared = null));
      return db;
    },
    (error: unknown) => {
      shared = null;
      throw error;
    },
  );
  return shared;
}

/** Runs `work` in one transaction; resolves with its request's result once the transaction commits. */
function run<T>(
  db: IDBDatabase,
  stores: StoreName | StoreName[],
  mode: IDBTransactionMode,
  work: (tx: IDBTransaction) => IDBRequest<T> | void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(stores, mode);
    const request = work(tx);
    tx.oncomplete = () => resolve(request ? request.result : (undefined as T));
    tx.onerror = (event) => reject((event.target as IDBRequest).error);
    tx.onabort = () => reject(tx.error ?? new DOMException('Transaction aborted', 'AbortError'));
  });
}

export function getValue<T>(db: IDBDatabase, store: StoreName, key: IDBValidKey): Promise<T | undefined> {
  return run<T | undefined>(db, store, 'readonly', (tx) => tx.objectStore(store).get(key));
}

/** Stores `value`; `key` only for `profile`, whose keys are not in the value. */
export async function putValue<T>(db: IDBDatabase, store: StoreName, value: T, key?: IDBValidKey): Promise<void> {
  await run(db, store, 'readwrite', (tx) => putInto(tx.objectStore(store), value, key));
}

// put(value, undefined) is not put(value) everywhere: a store with a key path refuses any key.
function putInto(objects: IDBObjectStore, value: unknown, key?: IDBValidKey): IDBRequest<IDBValidKey> {
  return key === undefined ? objects.put(value) : objects.put(value, key);
}

export async function deleteValue(db: IDBDatabase, store: StoreName, key: IDBValidKey): Promise<void> {
  await run(db, store, 'readwrite', (tx) => tx.objectStore(store).delete(key));
}

/** Every value of a store, in key order, or in the order of `index` when named. */
export function listValues<T>(db: IDBDatabase, store: StoreName, index?: string): Promise<T[]> {
  return run<T[]>(db, store, 'readonly', (tx) => {
    const source = tx.objectStore(store);
    return (index ? source.index(index) : source).getAll();
  });
}

/**
 * Reads a value and writes what `change` makes of it in one transaction, so that nothing
 * slips in between: a value to store it, null to delete it, undefined to leave it as it is.
 * Resolves, once stored, with what `change` returned.
 */
export async function modifyValue<T>(
  db: IDBDatabase,
  store: StoreName,
  key: IDBValidKey,
  change: (current: T | undefined) => T | null | undefined,
): Promise<T | null | undefined> {
  let next: T | null | undefined;
  await run(db, store, 'readwrite', (tx) => {
    const objects = tx.objectStore(store);
    const read = objects.get(key);
    read.onsuccess = () => {
      next = change(read.result as T | undefined);
      if (next === null) objects.delete(key);
      else if (next !== undefined) putInto(objects, next, objects.keyPath === null ? key : undefined);
    };
  });
  return next;
}

export async function clearStore(db: IDBDatabase, store: StoreName): Promise<void> {
  await run(db, store, 'readwrite', (tx) => tx.objectStore(store).clear());
}

/** Forgets everything the phone keeps (sign-out): the profile, every pack and the outbox. */
export async function wipeOfflineData(db: IDBDatabase): Promise<void> {
  await run(db, [...STORES], 'readwrite', (tx) => {
    for (const store of STORES) tx.objectStore(store).clear();
  });
}
