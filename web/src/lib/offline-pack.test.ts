import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../test/render';
import { ApiError } from './api';
import { openOfflineDb } from './idb';
import {
  loadPack,
  packAgeDays,
  packState,
  readPack,
  refreshPack,
  type OfflinePack,
  type PackFetchOptions,
  type StoredPack,
} from './offline-pack';

const VILLAGE = 40;
const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 11, 2, 3, 0, 0);

let db: IDBDatabase;
let clock: number;

beforeEach(async () => {
  db = await openOfflineDb(new IDBFactory());
  clock = T0;
});

afterEach(() => db.close());

/** A pack as the server renders it, with the households a test names. */
function villagePack(over: Partial<OfflinePack> = {}): OfflinePack {
  return {
    village: {
      id: VILLAGE,
      code: 'DEMO-KQ-KHUONDIEN',
      name: 'Khuôn Điển',
      name_en: '',
      kind: 'residential_area',
      designation: 'thôn',
      parent_id: 12,
      valid_from: null,
      valid_to: null,
      remote: false,
      merged_into: null,
      demo: true,
      note: '',
      hotline: '',
      active: true,
    },
    commune: { id: 12, code: '02545', name: 'Tân Trào' },
    today: '2026-12-02',
    year: 2027,
    recent_from: '2026-11-02',
    boundary: null,
    boundary_of: null,
    households: [],
    fire_groups: [],
    extinguishers: [],
    extinguisher_checks: [],
    gear: [],
    teams: [],
    patrols: [],
    drills: [],
    meetings: [],
    ...over,
  };
}

function household(code: string) {
  return {
    id: 1,
    code,
    head_name: 'Nguyễn Văn A',
    address: 'Khuôn Điển',
    members: 4,
    fire_group_id: null,
    version: 1,
    registration: null,
  };
}

function packAnswer(pack: OfflinePack, etag: string): Response {
  return jsonResponse(200, pack, { ETag: etag, 'Cache-Control': 'private, no-cache' });
}

function notModified(etag: string): Response {
  return new Response(null, { status: 304, headers: { ETag: etag } });
}

function fakeFetch(...answers: (Response | Error)[]) {
  return vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => {
    const next = answers.shift();
    if (!next) throw new Error('no answer left for this request');
    if (next instanceof Error) throw next;
    return next;
  });
}

function options(fetchMock: ReturnType<typeof fakeFetch>): PackFetchOptions {
  return { fetch: fetchMock as unknown as typeof fetch, now: () => clock };
}

function headersOf(fetchMock: ReturnType<typeof fakeFetch>, call: number): Record<string, string> {
  return fetchMock.mock.calls[call]![1]!.headers as Record<string, string>;
}

describe('refreshPack', () => {
  it('fetches the village\'s pack and stores it with its ETag and the time', async () => {
    const pack = villagePack({ households: [household('02545-HO-00001')] });
    const fetchMock = fakeFetch(packAnswer(pack, '"e1"'));
    const { stored, changed } = await refreshPack(db, VILLAGE, options(fetchMock));
    expect(changed).toBe(true);
    expect(String(fetchMock.mock.calls[0]![0])).toBe('/api/v1/community/offline-pack?village_id=40');
    expect(headersOf(fetchMock, 0)['If-None-Match']).toBeUndefined();
    expect(fetchMock.mock.calls[0]![1]!.cache).toBe('no-store');
    expect(stored).toEqual({ village_id: VILLAGE, etag: '"e1"', fetched_at: T0, pack });
    expect(await readPack(db, VILLAGE)).toEqual(stored);
  });

  it('keeps the stored pack on a 304 and counts its age from now', async () => {
    const pack = villagePack({ households: [household('02545-HO-00001')] });
    const fetchMock = fakeFetch(packAnswer(pack, '"e1"'), notModified('"e1"'));
    await refreshPack(db, VILLAGE, options(fetchMock));
    clock = T0 + 3 * DAY;
    const { stored, changed } = await refreshPack(db, VILLAGE, options(fetchMock));
    expect(headersOf(fetchMock, 1)['If-None-Match']).toBe('"e1"');
    expect(changed).toBe(false);
    expect(stored).toEqual({ village_id: VILLAGE, etag: '"e1"', fetched_at: T0 + 3 * DAY, pack });
    expect(await readPack(db, VILLAGE)).toEqual(stored);
  });

  it('replaces the stored pack when the server has a newer one', async () => {
    const newer = villagePack({ households: [household('02545-HO-00002')] });
    const fetchMock = fakeFetch(packAnswer(villagePack(), '"e1"'), packAnswer(newer, '"e2"'));
    await refreshPack(db, VILLAGE, options(fetchMock));
    await refreshPack(db, VILLAGE, options(fetchMock));
    expect(await readPack(db, VILLAGE)).toMatchObject({ etag: '"e2"', pack: newer });
  });

  it('throws on no network or a refusal and leaves the stored pack as it was', async () => {
    const fetchMock = fakeFetch(
      packAnswer(villagePack(), '"e1"'),
      new TypeError('Failed to fetch'),
      jsonResponse(403, { type: '/problems/forbidden', title: 'Không có quyền', status: 403 }),
    );
    const { stored } = await refreshPack(db, VILLAGE, options(fetchMock));
    clock = T0 + DAY;
    const offline = await refreshPack(db, VILLAGE, options(fetchMock)).catch((e: unknown) => e);
    expect(offline).toBeInstanceOf(ApiError);
    expect((offline as ApiError).slug).toBe('network');
    const refused = await refreshPack(db, VILLAGE, options(fetchMock)).catch((e: unknown) => e);
    expect((refused as ApiError).status).toBe(403);
    expect(await readPack(db, VILLAGE)).toEqual(stored);
  });
});

describe('packAgeDays', () => {
  it.each([
    [0, 0],
    [DAY - 1, 0],
    [DAY, 1],
    [30 * DAY + 1, 30],
    [-5 * DAY, 0], // the phone's clock set back
  ])('is %i ms → %i days', (elapsed, days) => {
    expect(packAgeDays({ fetched_at: T0 }, T0 + elapsed)).toBe(days);
  });
});

describe('packState', () => {
  const stored: StoredPack = { village_id: VILLAGE, etag: '"e1"', fetched_at: T0, pack: villagePack() };

  it('uses a pack up to 30 days old and refuses it after, without its data', () => {
    expect(packState(stored, T0 + 30 * DAY)).toEqual({ kind: 'ready', stored, ageDays: 30 });
    const expired = packState(stored, T0 + 30 * DAY + 1);
    expect(expired).toEqual({ kind: 'expired', fetchedAt: T0, ageDays: 30 });
    expect(expired).not.toHaveProperty('stored');
  });

  it('says when the phone has no pack of the village', () => {
    expect(packState(undefined, T0)).toEqual({ kind: 'missing' });
  });
});

describe('loadPack', () => {
  it('refuses a pack 31 days old until a refresh confirms it, even by a 304', async () => {
    const fetchMock = fakeFetch(packAnswer(villagePack(), '"e1"'), notModified('"e1"'));
    await refreshPack(db, VILLAGE, options(fetchMock));
    clock = T0 + 31 * DAY;
    expect((await loadPack(db, VILLAGE, clock)).kind).toBe('expired');
    await refreshPack(db, VILLAGE, options(fetchMock));
    expect(await loadPack(db, VILLAGE, clock)).toMatchObject({ kind: 'ready', ageDays: 0 });
    expect((await loadPack(db, 41, clock)).kind).toBe('missing');
  });
});
