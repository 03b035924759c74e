import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Capability, GradingSheet } from '../lib/schema';
import { resetTaxonomies } from '../lib/taxonomies';
import { fireDue, gradingSheet, TAXONOMIES, testUser, tip } from '../test/fixtures';
import { jsonResponse, renderWithApp, settle } from '../test/render';
import { DashboardPage } from './dashboard';

const OFFICER = testUser({ role: 'officer', unit_id: 7, unit_name: 'Tân Trào' });

const FIRE_DUE = fireDue({
  expired: {
    total: 1,
    items: [{ id: 8, household_id: 43, household_code: 'TT-HO-00043', head_name: 'Nông Thị Hản', group_id: null, kind: 'co2', capacity_kg: 3, count: 2, expires_on: '2026-11-30' }],
  },
  expiring: {
    total: 7,
    items: [1, 2, 3, 4, 5, 6, 7].map((n) => ({
      id: n,
      household_id: 40 + n,
      household_code: `TT-HO-0004${n}`,
      head_name: `Chủ hộ ${n}`,
      group_id: 3,
      kind: 'abc_powder' as const,
      capacity_kg: 4,
      count: 1,
      expires_on: '2026-12-12',
    })),
  },
  without_drill: { total: 1, items: [{ id: 3, code: 'TT-LG-00003', name: 'Tổ liên gia số 3', village_id: 20, last_drill_on: '2025-09-14' }] },
  without_extinguisher: { total: 1, items: [{ household_id: 44, code: 'TT-HO-00044', head_name: 'Lý Văn Tân', village_id: 20, group_id: 3 }] },
});

function fakeServer() {
  return vi.fn(async (url: string) => {
    if (url === '/api/v1/mailbox/taxonomies') return jsonResponse(200, TAXONOMIES);
    if (url.includes('/units')) return jsonResponse(200, { items: [], total: 3 });
    if (url === '/api/v1/cameras/maintenance') return jsonResponse(200, { faulty: 4, check_due: 11, reconfirm_due: 0 });
    if (url === '/api/v1/community/fire-due') return jsonResponse(200, FIRE_DUE);
    return jsonResponse(200, {
      items: [tip({ id: 5, status: 'closed' }), tip({ id: 4, deadline_at: null })],
      total: 2,
      counts: { received: 1, closed: 1 },
      running: 1,
    });
  });
}

const tipRequests = (fetchMock: ReturnType<typeof vi.fn>) =>
  fetchMock.mock.calls.map((call) => String(call[0])).filter((url) => url.includes('/tips'));

afterEach(() => {
  vi.unstubAllGlobals();
  resetTaxonomies();
  document.body.innerHTML = '';
});

describe('DashboardPage', () => {
  it('shows a commune officer the deadlines and the tips per status from one request', async () => {
    const fetchMock = fakeServer();
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<DashboardPage params={{}} />, {
      session: { user: OFFICER },
    });
    await settle(); // the taxonomies, then what needs them
    await settle();
    expect(tipRequests(fetchMock)).toEqual(['/api/v1/tips?page_size=200']);
    expect(container.querySelector('#deadlines-panel h2')?.textContent).toContain('Hạn xử lý');
    expect(container.querySelector('#deadlines-empty')).not.toBeNull();
    expect(container.querySelector('#status-counts-heading')?.textContent).toBe(
      'Số tin theo tình trạng',
    );
    expect(container.querySelector('#status-counts')?.getAttribute('aria-labelledby')).toBe(
      'status-counts-heading',
    );
    const chips = Array.from(container.querySelectorAll('#status-counts a'));
    expect(chips.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Mọi tình trạng 2', '/mailbox'],
      ['Mới tiếp nhận 1', '/mailbox?status=received'],
      ['Đã đóng 1', '/mailbox?status=closed'],
    ]);
    expect(container.querySelector('#dashboard-unit-count')?.textContent).toBe('3');
    const due = Array.from(container.querySelectorAll('#camera-maintenance [data-due]'));
    expect(due.map((d) => [d.getAttribute('data-due'), d.querySelector('a')?.textContent, d.querySelector('a')?.getAttribute('href')])).toEqual([
      ['faulty', '4', '/cameras?status=faulty'],
      ['check', '11', '/cameras?due=check'],
      ['reconfirm', '0', '/cameras?due=reconfirm'],
    ]);
  });

  it('says so when the mailbox has no tip yet', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        url === '/api/v1/community/fire-due'
          ? jsonResponse(200, fireDue())
          : jsonResponse(200, { items: [], total: 0, counts: {}, running: 0 }),
      ),
    );
    const { container } = renderWithApp(<DashboardPage params={{}} />, {
      session: { user: OFFICER },
    });
    await settle(); // the taxonomies, then what needs them
    await settle();
    expect(container.querySelector('#status-counts')).toBeNull();
    expect(container.querySelector('#status-counts-empty')?.textContent).toBe(
      'Hòm thư chưa có tin nào.',
    );
  });

  it('shows an officer the fire-safety lists, each with its count and first items linked to the group or household', async () => {
    vi.stubGlobal('fetch', fakeServer());
    const { container } = renderWithApp(<DashboardPage params={{}} />, { session: { user: OFFICER } });
    await settle();
    await settle();
    const panel = container.querySelector('#fire-due');
    expect(panel?.querySelector('h2')?.textContent).toBe('Phòng cháy, chữa cháy: việc cần làm');
    const heading = (key: string) => panel?.querySelector(`[data-due="${key}"] h3`)?.textContent;
    const links = (key: string) =>
      Array.from(panel?.querySelectorAll(`[data-due="${key}"] a`) ?? []).map((a) => [a.textContent, a.getAttribute('href')]);
    expect(heading('expired')).toBe('Bình chữa cháy đã hết hạn: 1');
    // Out of any group: to the household's page.
    expect(links('expired')).toEqual([['TT-HO-00043', '/households/43']]);
    expect(panel?.querySelector('[data-due="expired"] li')?.textContent).toBe('TT-HO-00043 Nông Thị Hản · Bình khí CO2 × 2 · hạn 30/11/2026');
    expect(heading('expiring')).toBe('Bình sắp hết hạn (đến ngày 01/01/2027): 7');
    expect(links('expiring')).toHaveLength(5);
    expect(links('expiring')[0]).toEqual(['TT-HO-00041', '/fire-groups/3']);
    expect(panel?.querySelector('[data-due="expiring"] p')?.textContent).toBe('và 2 mục khác.');
    expect(heading('without_drill')).toBe('Tổ chưa diễn tập năm nay: 1');
    expect(links('without_drill')).toEqual([['TT-LG-00003', '/fire-groups/3']]);
    expect(heading('without_extinguisher')).toBe('Hộ thành viên chưa có bình chữa cháy: 1');
    expect(links('without_extinguisher')).toEqual([
      ['TT-HO-00044', '/households/44'],
      ['Xem tổ liên gia', '/fire-groups/3'],
    ]);
  });

  it('shows a reviewer the fire-safety counts only, and an administrator or auditor nothing of it', async () => {
    const fetchMock = fakeServer();
    vi.stubGlobal('fetch', fetchMock);
    const reviewer = renderWithApp(<DashboardPage params={{}} />, { session: { user: testUser({ role: 'reviewer' }) } });
    await settle();
    const counts = Array.from(reviewer.container.querySelectorAll('#fire-due-counts [data-due]'));
    expect(counts.map((c) => [c.getAttribute('data-due'), c.querySelector('dd')?.textContent])).toEqual([
      ['expired', '1'],
      ['expiring', '7'],
      ['without_drill', '1'],
      ['without_extinguisher', '1'],
    ]);
    expect(reviewer.container.querySelector('#fire-due li')).toBeNull();
    reviewer.unmount();
    for (const role of ['admin', 'auditor'] as const) {
      const other = renderWithApp(<DashboardPage params={{}} />, { session: { user: testUser({ role }) } });
      await settle();
      expect(other.container.querySelector('#fire-due')).toBeNull();
      other.unmount();
    }
    expect(fetchMock.mock.calls.filter((call) => String(call[0]).includes('fire-due'))).toHaveLength(1);
  });

  it('decides the fire-safety section by the session\'s capabilities, not the role', async () => {
    vi.stubGlobal('fetch', fakeServer());
    const shown = async (user: ReturnType<typeof testUser>) => {
      const r = renderWithApp(<DashboardPage params={{}} />, { session: { user } });
      await settle();
      const lists = r.container.querySelector('#fire-due li');
      const what = lists ? 'lists' : r.container.querySelector('#fire-due-counts') ? 'counts' : null;
      r.unmount();
      return what;
    };
    // Those who witness get the lists; who reads without keeping gets the counts; who reads
    // and keeps (but does not witness: the administrators) nothing, nor who does not read.
    const reviewer = (capabilities: Capability[]) => testUser({ role: 'reviewer', capabilities });
    expect(await shown(reviewer(['households.read', 'households.witness']))).toBe('lists');
    expect(await shown(testUser({ role: 'admin', capabilities: ['households.read'] }))).toBe('counts');
    expect(await shown(reviewer(['households.read', 'households.write']))).toBeNull();
    expect(await shown(reviewer([]))).toBeNull();
  });

  it('neither shows the panels nor asks for tips for other roles', async () => {
    for (const role of ['admin', 'team_member', 'reviewer', 'auditor'] as const) {
      const fetchMock = fakeServer();
      vi.stubGlobal('fetch', fetchMock);
      const { container, unmount } = renderWithApp(<DashboardPage params={{}} />, {
        session: { user: testUser({ role }) },
      });
      await settle(); // the taxonomies, then what needs them
      await settle();
      expect(container.querySelector('#deadlines-panel')).toBeNull();
      expect(container.querySelector('#status-counts')).toBeNull();
      expect(tipRequests(fetchMock)).toEqual([]);
      unmount();
    }
  });

  it('reminds an officer of the grading while its window is open and the year not final', async () => {
    const sheet = (over: Partial<GradingSheet>) =>
      gradingSheet({ year: 2026, window_open: true, status: 'draft', ungraded: 4, window_to: '2027-01-31', ...over });
    const rendered = async (answer: GradingSheet | null) => {
      const base = fakeServer();
      const fetchMock = vi.fn(async (url: string) =>
        url.startsWith('/api/v1/community/gradings')
          ? answer ? jsonResponse(200, answer) : jsonResponse(404, { type: '/problems/not-found', status: 404 })
          : base(url),
      );
      vi.stubGlobal('fetch', fetchMock);
      const r = renderWithApp(<DashboardPage params={{}} />, { session: { user: OFFICER } });
      await settle();
      await settle();
      const text = r.container.querySelector('#grading-due')?.textContent ?? null;
      const asked = fetchMock.mock.calls.map((call) => String(call[0])).find((url) => url.includes('/gradings'));
      r.unmount();
      return { text, asked };
    };
    const open = await rendered(sheet({}));
    expect(open.asked).toBe('/api/v1/community/gradings?commune_id=7');
    expect(open.text).toContain('Xếp loại Tổ bảo vệ ANTT năm 2026 chưa chốt');
    expect(open.text).toContain('Còn 4 thành viên chưa xếp loại; hạn xếp loại đến ngày 31/01/2027.');
    expect((await rendered(sheet({ status: 'final' }))).text).toBeNull();
    expect((await rendered(sheet({ window_open: false }))).text).toBeNull();
    expect((await rendered(null)).text).toBeNull();
  });
});
