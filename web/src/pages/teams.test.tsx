import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMUNE, securityTeam, testUser, treeUnit } from '../test/fixtures';
import { bodyOf, click, jsonResponse, renderWithApp, settle, type, validationProblem } from '../test/render';
import { useLocation } from '../lib/use-location';
import { TeamsPage } from './teams';

const OFFICER = testUser({ id: 2, role: 'officer', unit_id: 12 });
const TEAM = testUser({ id: 3, role: 'team_member', unit_id: 20 });
const REVIEWER = testUser({ id: 4, role: 'reviewer', unit_id: 2 });

const village = (id: number, name: string) => ({ ...treeUnit(id, 'residential_area', name), designation: 'thôn', parent_id: 12 });
const TREE = { roots: [{ ...COMMUNE, children: [village(20, 'Khuôn Điển'), village(21, 'Làng Hản'), village(22, 'Tân Lập')] }] };

const TEAMS = [
  securityTeam(),
  securityTeam({
    id: 6,
    code: 'TT-TBV-002',
    name: 'Tổ bảo vệ ANTT thôn Tân Lập',
    decision_number: '',
    decision_on: null,
    villages: [{ id: 22, name: 'Tân Lập' }],
    members: 0,
    dissolved_on: '2026-06-30',
  }),
];

/** The server; `creates` answers the POSTs in turn. */
function fakeServer(creates: (() => Response)[] = []) {
  let posts = 0;
  return vi.fn(async (url: string, init?: RequestInit) => {
    if (url.startsWith('/api/v1/units/tree')) return jsonResponse(200, TREE);
    if (url === '/api/v1/community/teams' && init?.method === 'POST') {
      const answer = creates[Math.min(posts, creates.length - 1)];
      posts += 1;
      if (answer) return answer();
    }
    if (url.startsWith('/api/v1/community/teams')) return jsonResponse(200, { items: TEAMS, total: TEAMS.length });
    return jsonResponse(404, { type: '/problems/not-found', status: 404 });
  });
}

function Page() {
  useLocation(); // re-render on navigation, as the app does
  return <TeamsPage params={{}} />;
}

const posts = (fetchMock: ReturnType<typeof vi.fn>) =>
  fetchMock.mock.calls.flatMap((call, index) => ((call[1] as RequestInit | undefined)?.method === 'POST' ? [index] : []));

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
  window.history.replaceState(null, '', '/');
});

describe('TeamsPage', () => {
  it('lists the teams with their villages, founding decision and members today', async () => {
    window.history.replaceState(null, '', '/teams');
    const fetchMock = fakeServer();
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<Page />, { session: { user: OFFICER } });
    await settle();
    expect(container.querySelector('h1')?.textContent).toBe('Tổ bảo vệ an ninh, trật tự');
    expect(container.querySelector('#teams-count')?.textContent).toBe('2 tổ');
    const first = container.querySelector('tr[data-team-id="5"]');
    expect(first?.querySelector('a')?.getAttribute('href')).toBe('/teams/5');
    expect(first?.querySelector('td[data-label="Mã tổ"]')?.textContent).toBe('TT-TBV-001');
    expect(first?.querySelector('td[data-label="Tên tổ"]')?.textContent).toBe('Tổ bảo vệ ANTT thôn Khuôn Điển');
    expect(first?.querySelector('td[data-label="Thôn, tổ dân phố phụ trách"]')?.textContent).toBe('Khuôn Điển, Làng Hản');
    expect(first?.querySelector('td[data-label="Quyết định thành lập"]')?.textContent).toBe('Số 15/QĐ-UBND ngày 01/07/2024');
    expect(first?.querySelector('td[data-label="Thành viên hiện có"]')?.textContent).toBe('3');
    const second = container.querySelector('tr[data-team-id="6"]');
    expect(second?.querySelector('td[data-label="Tên tổ"]')?.textContent).toContain('Đã giải thể ngày 30/06/2026');
    expect(second?.querySelector('td[data-label="Quyết định thành lập"]')?.textContent).toBe('Chưa ghi quyết định');
    const urls = fetchMock.mock.calls.map((call) => String(call[0]));
    expect(urls).toContain('/api/v1/community/teams?page=1&page_size=50');
  });

  it('founds a team over the villages ticked, with its decision, and lists it', async () => {
    window.history.replaceState(null, '', '/teams');
    const fetchMock = fakeServer([
      () => validationProblem([{ field: 'village_ids', code: 'required' }]),
      () => jsonResponse(201, securityTeam({ id: 9, code: 'TT-TBV-003', name: 'Tổ bảo vệ ANTT liên thôn' })),
    ]);
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<Page />, { session: { user: OFFICER } });
    await settle();
    click(container.querySelector('#team-add-toggle'));
    await settle();
    // The officer's only commune is chosen for them; its villages are offered.
    expect((container.querySelector('#team-new-commune') as HTMLInputElement).value).toBe('Xã Tân Trào');
    expect([...container.querySelectorAll('#team-new-villages li')].map((li) => li.getAttribute('data-village-id'))).toEqual(['20', '21', '22']);
    type(container.querySelector('#team-new-name'), 'Tổ bảo vệ ANTT liên thôn');
    type(container.querySelector('#team-new-decision-number'), '27/QĐ-UBND');
    type(container.querySelector('#team-new-decision-on'), '2026-10-01');
    type(container.querySelector('#team-new-decision-signer'), 'Nguyễn Văn Bình');
    type(container.querySelector('#team-new-founded'), '2026-10-01');
    click(container.querySelector('#team-new button[type="submit"]'));
    await settle();
    // No village: the server's refusal, in Vietnamese, by the village list.
    expect(container.querySelector('#team-new [role="alert"]')?.textContent).toContain('Thôn, tổ dân phố phụ trách: Bắt buộc nhập');
    click(container.querySelector('#team-new-villages-20'));
    click(container.querySelector('#team-new-villages-21'));
    expect(container.querySelector('#team-new-villages-count')?.textContent).toBe('Đã chọn 2 thôn, tổ dân phố.');
    click(container.querySelector('#team-new button[type="submit"]'));
    await settle();
    await settle();
    expect(bodyOf(fetchMock, posts(fetchMock)[1])).toEqual({
      village_ids: [20, 21],
      name: 'Tổ bảo vệ ANTT liên thôn',
      decision_number: '27/QĐ-UBND',
      decision_on: '2026-10-01',
      decision_signer: 'Nguyễn Văn Bình',
      founded_on: '2026-10-01',
      dissolved_on: null,
      note: '',
    });
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Đã thành lập tổ TT-TBV-003 (Tổ bảo vệ ANTT liên thôn).');
    expect(container.querySelector('#team-new')).toBeNull();
    const lists = fetchMock.mock.calls.filter((call) => String(call[0]).startsWith('/api/v1/community/teams?'));
    expect(lists.length).toBe(2);
  });

  it('puts the filters in the address and asks the server with them', async () => {
    window.history.replaceState(null, '', '/teams');
    const fetchMock = fakeServer();
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<Page />, { session: { user: OFFICER } });
    await settle();
    click(container.querySelector('#teams-dissolved'));
    await settle();
    type(container.querySelector('#teams-q'), 'khuon dien');
    click(container.querySelector('form[role="search"] button[type="submit"]'));
    await settle();
    expect(window.location.search).toBe('?q=khuon+dien&dissolved=1');
    const urls = fetchMock.mock.calls.map((call) => String(call[0]));
    expect(urls).toContain('/api/v1/community/teams?q=khuon+dien&include_dissolved=1&page=1&page_size=50');
  });

  it('shows reviewers and team members the list without the form', async () => {
    for (const user of [REVIEWER, TEAM]) {
      window.history.replaceState(null, '', '/teams');
      vi.stubGlobal('fetch', fakeServer());
      const { container, unmount } = renderWithApp(<Page />, { session: { user } });
      await settle();
      expect(container.querySelector('tr[data-team-id="5"]')).not.toBeNull();
      expect(container.querySelector('#team-add-toggle')).toBeNull();
      expect(container.querySelector('#team-new')).toBeNull();
      unmount();
    }
  });
});
