import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Layout } from '../../components/Layout';
import { offlineDb, putValue, wipeOfflineData } from '../../lib/idb';
import { readPack, type OfflinePack, type StoredPack } from '../../lib/offline-pack';
import { refreshOutboxStatus } from '../../lib/offline-sync';
import { enqueue, list, type NewOutboxEntry, type OutboxEntry } from '../../lib/outbox';
import { offlinePack, sessionOf, testUser } from '../../test/fixtures';
import { choose, click, jsonResponse, renderWithApp, settle, type } from '../../test/render';
import { OfflineDrillPage } from './drill';
import { OfflineCheckPage } from './extinguisher-check';
import { OfflinePage } from '.';
import { OfflinePatrolPage } from './patrol';
import { OfflineRegistrationPage } from './registration';

const MEMBER = testUser({ id: 3, role: 'team_member', unit_id: 40, username: 'team.khuondien' });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const PATROL_ID = '3d9a7c1e-52b4-4f0a-8e61-0b7f2c9d4a15';

let online = false;

beforeEach(async () => {
  await wipeOfflineData(await offlineDb());
  localStorage.clear();
  online = false;
  vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
  // With no network every request fails as it would on the phone.
  vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
});

const mounted: (() => void)[] = [];

afterEach(() => {
  // Unmounted, so that no page of a test still listens for `online` in the next.
  for (const unmount of mounted.splice(0)) unmount();
  document.body.innerHTML = '';
  window.history.replaceState(null, '', '/');
  vi.unstubAllGlobals();
});

async function storePack(pack: OfflinePack = offlinePack(), fetchedAt = Date.now()): Promise<void> {
  const stored: StoredPack = { village_id: pack.village.id, etag: '"e1"', fetched_at: fetchedAt, pack };
  await putValue(await offlineDb(), 'packs', stored);
}

/** Lets IndexedDB's transactions and the re-renders they cause run. */
async function idle(rounds = 6): Promise<void> {
  for (let i = 0; i < rounds; i += 1) await settle();
}

function render(node: preact.ComponentChildren) {
  const rendered = renderWithApp(node, { session: { user: MEMBER } });
  mounted.push(rendered.unmount);
  return rendered;
}

async function entries(): Promise<OutboxEntry[]> {
  return list(await offlineDb(), MEMBER.id);
}

async function queue(over: Partial<NewOutboxEntry> & Partial<OutboxEntry> = {}): Promise<void> {
  const db = await offlineDb();
  const input: NewOutboxEntry = {
    id: PATROL_ID,
    user_id: MEMBER.id,
    village_id: 40,
    kind: 'patrol',
    url: `/api/v1/community/patrols/${PATROL_ID}`,
    body: { team_id: 1, patrol_on: '2026-11-28', shift: 'night', member_ids: [11, 12], route: [], findings: 'Yên tĩnh', tip_refs: '', device_at: 1 },
    base_version: 0,
    ...over,
  };
  const queued = await enqueue(db, input, Date.now());
  const { state, errors, last_error } = over;
  if (state) await putValue(db, 'outbox', { ...queued, state, errors, last_error });
}

describe('/offline/patrol', () => {
  it('queues a patrol entered with no network, and shows it in the pack as waiting', async () => {
    await storePack();
    const { container } = render(<OfflinePatrolPage params={{}} />);
    await idle();
    type(container.querySelector('#offline-patrol-on'), '2026-11-30');
    choose(container.querySelector('#offline-patrol-shift'), 'night');
    click(container.querySelector('#offline-patrol-member-11'));
    click(container.querySelector('#offline-patrol-member-13'));
    type(container.querySelector('#offline-patrol-route'), '21.805, 105.445\n21.81, 105.45');
    type(container.querySelector('#offline-patrol-findings'), '  Nhắc nhở nhóm thanh niên  ');
    expect(container.querySelector('#offline-patrol-map')?.querySelectorAll('circle')).toHaveLength(2);
    click(container.querySelector('#offline-patrol button[type="submit"]'));
    await idle();

    const [entry, ...rest] = await entries();
    expect(rest).toEqual([]);
    expect(entry?.id).toMatch(UUID);
    expect(entry).toMatchObject({
      kind: 'patrol',
      url: `/api/v1/community/patrols/${entry?.id}`,
      base_version: 0,
      state: 'waiting',
      village_id: 40,
      body: {
        team_id: 1,
        patrol_on: '2026-11-30',
        shift: 'night',
        member_ids: [11, 13],
        route: [
          [21.805, 105.445],
          [21.81, 105.45],
        ],
        confirm_route: false,
        findings: 'Nhắc nhở nhóm thanh niên',
        tip_refs: '',
      },
    });
    expect(typeof entry?.body.device_at).toBe('number');
    const stored = await readPack(await offlineDb(), 40);
    expect(stored?.pack.patrols.map((p) => [p.id, p.version])).toEqual([[entry?.id, 0]]);
    const shown = container.querySelector(`#offline-patrols [data-patrol-id="${entry?.id}"]`);
    expect(shown?.getAttribute('data-pending')).toBe('true');
    expect(shown?.textContent).toContain('chờ gửi');
    expect(container.textContent).toContain('Đã lưu trên máy, chờ gửi: tuần tra ngày 30/11/2026.');
    // The form is ready for the next patrol, under a new id.
    expect(container.querySelector('#offline-patrol')?.getAttribute('data-patrol-id')).not.toBe(entry?.id);
  });

  it('asks for the shift before queuing, as the online form does', async () => {
    await storePack();
    const { container } = render(<OfflinePatrolPage params={{}} />);
    await idle();
    click(container.querySelector('#offline-patrol button[type="submit"]'));
    await idle();
    expect(await entries()).toEqual([]);
    expect(container.querySelector('#offline-patrol-shift')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('says the pack is needed when none may be used (older than 30 days)', async () => {
    await storePack(offlinePack(), Date.now() - 31 * 24 * 3600 * 1000);
    const { container } = render(<OfflinePatrolPage params={{}} />);
    await idle();
    expect(container.querySelector('#offline-needs-pack')).not.toBeNull();
    expect(container.querySelector('#offline-patrol')).toBeNull();
  });

  it('opens a refused patrol again with the server\'s reasons next to its fields', async () => {
    await storePack();
    await queue({
      state: 'rejected',
      last_error: { status: 422, slug: 'validation-failed', title: 'Dữ liệu không hợp lệ', detail: '' },
      errors: [{ field: 'patrol_on', code: 'in_future', message: '' }],
    });
    window.history.replaceState(null, '', `/offline/patrol?entry=${PATROL_ID}`);
    const { container } = render(<OfflinePatrolPage params={{}} />);
    await idle();
    expect((container.querySelector('#offline-patrol-on') as HTMLInputElement).value).toBe('2026-11-28');
    expect(container.querySelector('#offline-patrol-on')?.getAttribute('aria-invalid')).toBe('true');
    expect((container.querySelector('#offline-patrol-member-12') as HTMLInputElement).checked).toBe(true);
    type(container.querySelector('#offline-patrol-on'), '2026-11-27');
    click(container.querySelector('#offline-patrol button[type="submit"]'));
    await idle();
    const [entry] = await entries();
    expect(entry).toMatchObject({ id: PATROL_ID, state: 'waiting', body: { patrol_on: '2026-11-27', device_at: 1 } });
    expect(entry?.errors).toBeUndefined();
    expect(window.location.pathname).toBe('/offline');
  });
});

describe('/offline/registration', () => {
  it('finds "Nguyễn Văn Hùng" typed without tones, and queues the tick on the version held', async () => {
    await storePack();
    const { container } = render(<OfflineRegistrationPage params={{}} />);
    await idle();
    expect(container.querySelector('h1')?.textContent).toBe('Đăng ký xây dựng khu dân cư an toàn năm 2027');
    type(container.querySelector('#offline-household-search'), 'nguyen van hung');
    const found = Array.from(container.querySelectorAll('#offline-households li')).map((li) => li.getAttribute('data-household-id'));
    expect(found).toEqual(['7']);
    click(container.querySelector('#offline-household-7-tick'));
    type(container.querySelector('#offline-tick-day'), '2026-12-01');
    click(container.querySelector('#offline-tick-signed'));
    click(container.querySelector('#offline-tick button[type="submit"]'));
    await idle();

    const [entry] = await entries();
    expect(entry).toMatchObject({
      kind: 'registration',
      url: '/api/v1/community/households/7/registrations/2027',
      base_version: 0,
      body: { registered_on: '2026-12-01', signed: true, note: '' },
    });
    const stored = await readPack(await offlineDb(), 40);
    expect(stored?.pack.households.find((h) => h.id === 7)?.registration).toMatchObject({ registered_on: '2026-12-01', version: 0 });
    type(container.querySelector('#offline-household-search'), 'HUNG');
    expect(container.querySelector('#offline-households [data-household-id="7"]')?.textContent).toContain('Đã đăng ký ngày 01/12/2026chờ gửi');
  });

  it('sends a change of a registered household on the version the pack holds', async () => {
    await storePack();
    const { container } = render(<OfflineRegistrationPage params={{}} />);
    await idle();
    type(container.querySelector('#offline-household-search'), 'yen');
    click(container.querySelector('#offline-household-5-tick'));
    expect((container.querySelector('#offline-tick-day') as HTMLInputElement).value).toBe('2026-11-01');
    type(container.querySelector('#offline-tick-note'), 'Ký lại');
    click(container.querySelector('#offline-tick button[type="submit"]'));
    await idle();
    const [entry] = await entries();
    expect(entry).toMatchObject({ base_version: 1, body: { registered_on: '2026-11-01', signed: true, note: 'Ký lại' } });
  });
});

describe('/offline/drill and /offline/extinguisher-check', () => {
  it('queues a drill of the village\'s group', async () => {
    await storePack();
    const { container } = render(<OfflineDrillPage params={{}} />);
    await idle();
    type(container.querySelector('#offline-drill-held'), '2026-11-29');
    type(container.querySelector('#offline-drill-participants'), '9');
    type(container.querySelector('#offline-drill-scenario'), 'Cháy bếp');
    choose(container.querySelector('#offline-drill-evaluation'), 'fair');
    click(container.querySelector('#offline-drill button[type="submit"]'));
    await idle();
    const [entry] = await entries();
    expect(entry?.url).toBe(`/api/v1/community/drills/${entry?.id}`);
    expect(entry?.body).toMatchObject({ group_id: 1, held_on: '2026-11-29', participants: 9, scenario: 'Cháy bếp', evaluation: 'fair', observers: '' });
    expect(container.querySelector(`#offline-drills [data-drill-id="${entry?.id}"]`)?.getAttribute('data-pending')).toBe('true');
  });

  it('queues a check of an extinguisher in service, found by its household', async () => {
    await storePack();
    const { container } = render(<OfflineCheckPage params={{}} />);
    await idle();
    type(container.querySelector('#offline-check-search'), 'nguyen');
    // Only households with an extinguisher in service are offered.
    expect(Array.from(container.querySelectorAll('#offline-check-households li')).map((li) => li.getAttribute('data-household-id'))).toEqual(['7']);
    click(container.querySelector('#offline-check-household-7'));
    choose(container.querySelector('#offline-check-result'), 'refilled');
    type(container.querySelector('#offline-check-on'), '2026-11-30');
    type(container.querySelector('#offline-check-expires'), '2031-11-30');
    click(container.querySelector('#offline-check button[type="submit"]'));
    await idle();
    const [entry] = await entries();
    expect(entry?.url).toBe(`/api/v1/community/extinguisher-checks/${entry?.id}`);
    expect(entry?.body).toMatchObject({ extinguisher_id: 2, checked_on: '2026-11-30', result: 'refilled', new_expires_on: '2031-11-30', note: '' });
    expect(container.querySelector(`#offline-checks [data-check-id="${entry?.id}"]`)?.textContent).toContain('Đã nạp lạichờ gửi');
  });
});

describe('/offline', () => {
  it('shows the pack\'s age and every entry with its state; a refused one with its errors, to edit or drop', async () => {
    await storePack();
    await queue({
      state: 'rejected',
      last_error: { status: 422, slug: 'validation-failed', title: 'Dữ liệu không hợp lệ', detail: '' },
      errors: [{ field: 'member_ids', code: 'not_in_team', message: '' }],
    });
    const { container } = render(<OfflinePage params={{}} />);
    await idle();
    expect(container.querySelector('#pack-age')?.textContent).toMatch(/^Dữ liệu ngày \d\d\/\d\d\/\d{4} \(0 ngày trước\)\.$/);
    expect(container.querySelector('#pack-refresh')).toBeNull(); // no network
    const item = container.querySelector(`[data-entry-id="${PATROL_ID}"]`);
    expect(item?.getAttribute('data-state')).toBe('rejected');
    expect(item?.textContent).toContain('Tuần tra · 28/11/2026');
    expect(item?.textContent).toContain('Bị từ chối');
    expect(item?.querySelector('[role="alert"]')?.textContent).toContain('Thành viên tham gia');
    expect(item?.querySelector(`#entry-${PATROL_ID}-edit`)?.getAttribute('href')).toBe(`/offline/patrol?entry=${PATROL_ID}`);

    vi.stubGlobal('confirm', vi.fn(() => true));
    click(container.querySelector(`#entry-${PATROL_ID}-drop`));
    await idle();
    expect(await entries()).toEqual([]);
    expect(container.querySelector('#outbox-empty')).not.toBeNull();
  });

  it('refuses a pack older than 30 days and offers to reload it when online', async () => {
    online = true;
    await storePack(offlinePack(), Date.now() - 31 * 24 * 3600 * 1000);
    const fetchMock = vi.fn(async (_url: string) => jsonResponse(200, offlinePack(), { ETag: '"e2"' }));
    vi.stubGlobal('fetch', fetchMock);
    const { container } = render(<OfflinePage params={{}} />);
    await idle(10);
    // Opened online, the page refreshed it at once.
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/v1/community/offline-pack?village_id=40');
    expect(container.querySelector('#pack-expired')).toBeNull();
    expect(container.querySelector('#pack-age')?.textContent).toContain('(0 ngày trước)');
    expect(container.querySelector('#pack-refresh')?.textContent).toBe('Tải lại dữ liệu');
  });

  it('says why the app cannot be kept offline where no service worker may run, and nothing where one may', async () => {
    // jsdom, like a phone on http://192.168.x.x, has no service worker.
    const first = render(<OfflinePage params={{}} />);
    await idle();
    expect(first.container.querySelector('#offline-unsupported')?.textContent).toContain('cần mở antq qua HTTPS');
    first.unmount();
    document.body.innerHTML = '';
    vi.stubGlobal('isSecureContext', true);
    Object.defineProperty(navigator, 'serviceWorker', { value: {}, configurable: true });
    try {
      const second = render(<OfflinePage params={{}} />);
      await idle();
      expect(second.container.querySelector('#offline-unsupported')).toBeNull();
    } finally {
      Reflect.deleteProperty(navigator, 'serviceWorker');
    }
  });

  it('shows the warning when the pack is older than 30 days and there is no network', async () => {
    await storePack(offlinePack(), Date.now() - 31 * 24 * 3600 * 1000);
    const { container } = render(<OfflinePage params={{}} />);
    await idle();
    expect(container.querySelector('#pack-expired')?.textContent).toContain('đã quá 30 ngày');
    expect(container.querySelector('#offline-patrol-link')).toBeNull();
  });
});

describe('a conflict', () => {
  const SERVER = { id: PATROL_ID, team_id: 1, patrol_on: '2026-11-28', shift: 'night', member_ids: [11, 12], route: [], findings: 'Cán bộ xã sửa', tip_refs: '', version: 3 };

  async function openConflict(fetchMock: ReturnType<typeof vi.fn>) {
    vi.stubGlobal('fetch', fetchMock);
    await storePack();
    await queue({ state: 'conflict', last_error: { status: 409, slug: 'conflict', title: '', detail: '' } });
    const rendered = render(<OfflinePage params={{}} />);
    await idle();
    click(rendered.container.querySelector(`#entry-${PATROL_ID}-compare`));
    await idle();
    return rendered;
  }

  it('shows mine and the server\'s field by field; "Giữ bản trên máy chủ" drops mine', async () => {
    const fetchMock = vi.fn(async (url: string) =>
      url === `/api/v1/community/patrols/${PATROL_ID}` ? jsonResponse(200, SERVER) : Promise.reject(new TypeError('offline')),
    );
    const { container } = await openConflict(fetchMock);
    const row = (field: string) => container.querySelector(`#conflict-${PATROL_ID}-table tr[data-field="${field}"]`);
    expect(row('findings')?.getAttribute('data-same')).toBe('false');
    expect(row('findings')?.querySelector('[data-side="mine"]')?.textContent).toBe('Yên tĩnh');
    expect(row('findings')?.querySelector('[data-side="server"]')?.textContent).toBe('Cán bộ xã sửa');
    expect(row('shift')?.getAttribute('data-same')).toBe('true');
    expect(row('shift')?.querySelector('[data-side="mine"]')?.textContent).toBe('Ca đêm');
    expect(row('member_ids')?.querySelector('[data-side="server"]')?.textContent).toBe('Hoàng Văn Sơn, Ma Thị Hoa');

    click(container.querySelector(`#conflict-${PATROL_ID}-keep`));
    await idle();
    expect(await entries()).toEqual([]);
    const stored = await readPack(await offlineDb(), 40);
    expect(stored?.pack.patrols).toEqual([SERVER]);
    expect(container.textContent).toContain('Đã giữ bản trên máy chủ');
  });

  it('"Gửi bản của tôi" sends mine again on the server\'s version', async () => {
    online = true;
    const puts: RequestInit[] = [];
    const fetchMock = vi.fn(async (url: string, init: RequestInit = {}) => {
      if (url === '/api/v1/auth/me') return jsonResponse(200, sessionOf(MEMBER, 'csrf-2'));
      if (url === '/api/v1/community/offline-pack?village_id=40') return new Response(null, { status: 304, headers: { ETag: '"e1"' } });
      if (url === `/api/v1/community/patrols/${PATROL_ID}` && init.method === 'PUT') {
        puts.push(init);
        return jsonResponse(200, { patrol: { ...SERVER, findings: 'Yên tĩnh', version: 4 }, outcome: 'updated' });
      }
      if (url === `/api/v1/community/patrols/${PATROL_ID}`) return jsonResponse(200, SERVER);
      return Promise.reject(new TypeError('offline'));
    });
    const { container } = await openConflict(fetchMock);
    click(container.querySelector(`#conflict-${PATROL_ID}-mine`));
    await idle(10);
    expect(puts).toHaveLength(1);
    expect(JSON.parse(String(puts[0]?.body))).toMatchObject({ base_version: 3, findings: 'Yên tĩnh' });
    expect((puts[0]?.headers as Record<string, string>)['X-CSRF-Token']).toBe('csrf-2');
    expect(await entries()).toEqual([]);
    const stored = await readPack(await offlineDb(), 40);
    expect(stored?.pack.patrols.map((p) => [p.findings, p.version])).toEqual([['Yên tĩnh', 4]]);
  });
});

describe('the outbox badge', () => {
  it('counts the user\'s waiting entries, shows conflicts apart, links to /offline, and hides at 0', async () => {
    const { container } = render(<Layout>x</Layout>);
    await idle();
    expect(container.querySelector('#outbox-status')).toBeNull();

    await queue();
    await queue({ id: 'b1c2d3e4-0000-4000-8000-000000000001', url: '/api/v1/community/drills/b1c2d3e4-0000-4000-8000-000000000001', kind: 'drill' });
    await queue({ id: 'b1c2d3e4-0000-4000-8000-000000000002', url: '/api/v1/community/drills/b1c2d3e4-0000-4000-8000-000000000002', kind: 'drill', state: 'conflict' });
    // Another user's entry on this phone is not counted.
    await enqueue(await offlineDb(), { id: 'x', user_id: 99, kind: 'patrol', url: '/api/v1/community/patrols/x', body: {}, base_version: 0 }, Date.now());
    await refreshOutboxStatus(MEMBER.id);
    await idle();
    const badge = container.querySelector('#outbox-status');
    expect(badge?.getAttribute('href')).toBe('/offline');
    expect(container.querySelector('#outbox-waiting')?.textContent).toBe('2 đang chờ gửi');
    expect(container.querySelector('#outbox-conflicts')?.textContent).toBe('1 xung đột');
  });

  it('sends when the network returns, and empties', async () => {
    await queue();
    const fetchMock = vi.fn(async (url: string) => {
      if (url === '/api/v1/auth/me') return jsonResponse(200, sessionOf(MEMBER));
      return jsonResponse(201, { patrol: { id: PATROL_ID, version: 1 }, outcome: 'inserted' });
    });
    const { container } = render(<Layout>x</Layout>);
    await idle();
    expect(container.querySelector('#outbox-waiting')?.textContent).toBe('1 đang chờ gửi');
    vi.stubGlobal('fetch', fetchMock);
    online = true;
    window.dispatchEvent(new Event('online'));
    await idle(10);
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(['/api/v1/auth/me', `/api/v1/community/patrols/${PATROL_ID}`]);
    expect(container.querySelector('#outbox-status')).toBeNull();
  });

  it('asks for a sign-in when the session ended', async () => {
    await queue();
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(401, { type: '/problems/unauthenticated', status: 401 })));
    const { container } = render(<Layout>x</Layout>);
    await idle(10);
    expect(container.querySelector('#outbox-waiting')?.textContent).toBe('Đăng nhập lại để gửi 1 bản ghi');
  });
});
