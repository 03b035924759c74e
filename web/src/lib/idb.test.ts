import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  clearStore,
  deleteValue,
  getValue,
  listValues,
  modifyValue,
  openOfflineDb,
  PROFILE_KEY,
  putValue,
  wipeOfflineData,
} from './idb';

let factory: IDBFactory;
let db: IDBDatabase;

beforeEach(async () => {
  factory = new IDBFactory(); // a fresh, empty IndexedDB for every test
  db = await openOfflineDb(factory);
});

afterEach(() => db.close());

describe('idb', () => {
  it('creates the three stores of antq-offline, the outbox indexed by created_at', () => {
    expect(db.name).toBe('antq-offline');
    expect(db.version).toBe(1);
    expect(Array.from(db.objectStoreNames).sort()).toEqual(['outbox', 'packs', 'profile']);
    const outbox = db.transaction('outbox').objectStore('outbox');
    expect(outbox.keyPath).toBe('id');
    expect(Array.from(outbox.indexNames)).toEqual(['created_at']);
    expect(db.transaction('packs').objectStore('packs').keyPath).toBe('village_id');
  });

  it('keeps what was stored for the next connection', async () => {
    await putValue(db, 'profile', { id: 7, username: 'team.khuondien' }, PROFILE_KEY);
    await putValue(db, 'packs', { village_id: 40, etag: '"a"' });
    db.close();
    db = await openOfflineDb(factory);
    expect(await getValue(db, 'profile', PROFILE_KEY)).toEqual({ id: 7, username: 'team.khuondien' });
    expect(await getValue(db, 'packs', 40)).toEqual({ village_id: 40, etag: '"a"' });
    expect(await getValue(db, 'packs', 41)).toBeUndefined();
  });

  it('lists a store by key, or by an index', async () => {
    await putValue(db, 'outbox', { id: 'b', created_at: 1 });
    await putValue(db, 'outbox', { id: 'a', created_at: 2 });
    expect((await listValues<{ id: string }>(db, 'outbox')).map((e) => e.id)).toEqual(['a', 'b']);
    expect((await listValues<{ id: string }>(db, 'outbox', 'created_at')).map((e) => e.id)).toEqual(['b', 'a']);
  });

  it('deletes one value, or clears one store', async () => {
    await putValue(db, 'outbox', { id: 'a', created_at: 1 });
    await putValue(db, 'outbox', { id: 'b', created_at: 2 });
    await putValue(db, 'packs', { village_id: 40 });
    await deleteValue(db, 'outbox', 'a');
    expect(await listValues(db, 'outbox')).toEqual([{ id: 'b', created_at: 2 }]);
    await clearStore(db, 'outbox');
    expect(await listValues(db, 'outbox')).toEqual([]);
    expect(await listValues(db, 'packs')).toHaveLength(1);
  });

  it('modifies a value in one transaction: stores, deletes or leaves what the change says', async () => {
    await putValue(db, 'outbox', { id: 'a', n: 1 });
    expect(await modifyValue<{ id: string; n: number }>(db, 'outbox', 'a', (v) => v && { ...v, n: v.n + 1 })).toEqual({
      id: 'a',
      n: 2,
    });
    expect(await getValue(db, 'outbox', 'a')).toEqual({ id: 'a', n: 2 });
    await modifyValue(db, 'outbox', 'a', () => undefined);
    expect(await getValue(db, 'outbox', 'a')).toEqual({ id: 'a', n: 2 });
    await modifyValue(db, 'profile', PROFILE_KEY, () => ({ id: 9 }));
    expect(await getValue(db, 'profile', PROFILE_KEY)).toEqual({ id: 9 });
    await modifyValue(db, 'outbox', 'a', () => null);
    expect(await getValue(db, 'outbox', 'a')).toBeUndefined();
  });

  it('wipes every store at sign-out', async () => {
    await putValue(db, 'profile', { id: 7 }, PROFILE_KEY);
    await putValue(db, 'packs', { village_id: 40 });
    await putValue(db, 'outbox', { id: 'a', created_at: 1 });
    await wipeOfflineData(db);
    expect(await getValue(db, 'profile', PROFILE_KEY)).toBeUndefined();
    expect(await listValues(db, 'packs')).toEqual([]);
    expect(await listValues(db, 'outbox')).toEqual([]);
  });

  it('rejects a write the store refuses instead of resolving', async () => {
    // The outbox takes its key from the value: one without an id cannot be stored.
    await expect(putValue(db, 'outbox', { created_at: 1 })).rejects.toBeDefined();
  });
});
