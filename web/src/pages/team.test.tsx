import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMUNE, patrol, securityTeamDetail, testUser, treeUnit } from '../test/fixtures';
import { bodyOf, choose, click, jsonResponse, renderWithApp, settle, type, validationProblem } from '../test/render';
import { todayIso } from '../lib/format';
import type { Patrol, SecurityTeamDetail } from '../lib/schema';
import { TeamPage } from './team';

const OFFICER = testUser({ id: 2, role: 'officer', unit_id: 12 });
const TEAM = testUser({ id: 3, role: 'team_member', unit_id: 20 });
const REVIEWER = testUser({ id: 4, role: 'reviewer', unit_id: 2 });
const ADMIN = testUser({ role: 'admin' });

const village = (id: number, name: string) => ({ ...treeUnit(id, 'residential_area', name), designation: 'thôn', parent_id: 12 });
const TREE = { roots: [{ ...COMMUNE, children: [village(20, 'Khuôn Điển'), village(21, 'Làng Hản'), village(22, 'Tân Lập')] }] };

const CONFLICT = { type: '/problems/conflict', status: 409, title: 'Xung đột dữ liệu' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const ROUTED = patrol({
  id: '8b2e4f60-1c3d-4a7b-9e05-6d1f0a2c3b48',
  patrol_on: '2026-11-14',
  shift: 'evening',
  member_ids: [7, 9],
  route: [
    [21.80561, 105.45156],
    [21.80761, 105.45256],
  ],
  findings: 'Nhắc 2 hộ khóa cổng',
  tip_refs: '',
});

/** The team's answers in turn (the last one again after that), its patrols, and the writes' answers. */
function fakeServer(
  answers: SecurityTeamDetail[],
  writes: Record<string, (init: RequestInit) => Response> = {},
  patrols: Patrol[] = [],
) {
  let reads = 0;
  return vi.fn(async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const path = url.split('?')[0] ?? '';
    const patrolPath = path.startsWith('/api/v1/community/patrols/');
    const write = writes[`${method} ${path}`] ?? (patrolPath ? writes[`${method} patrol`] : undefined);
    if (write) return write(init);
    if (path === '/api/v1/community/teams/5' && method === 'GET') {
      const answer = answers[Math.min(reads, answers.length - 1)];
      reads += 1;
      return jsonResponse(200, answer);
    }
    if (path === '/api/v1/community/teams/5/patrols') return jsonResponse(200, { items: patrols });
    if (path === '/api/v1/units/tree') return jsonResponse(200, TREE);
    // The map: no basemap and no boundary (it says so and draws nothing).
    if (path === '/api/v1/map') return jsonResponse(200, { basemap: null, attribution: '' });
    if (path === '/api/v1/units/12/children/boundaries') return jsonResponse(200, { type: 'FeatureCollection', features: [] });
    return jsonResponse(404, { type: '/problems/not-found', status: 404 });
  });
}

const callsOf = (fetchMock: ReturnType<typeof vi.fn>, method: string) =>
  fetchMock.mock.calls.flatMap((call, index) => ((call[1] as RequestInit | undefined)?.method === method ? [index] : []));

async function open(user: typeof OFFICER | typeof TEAM | typeof REVIEWER | typeof ADMIN, fetchMock: ReturnType<typeof fakeServer>) {
  vi.stubGlobal('fetch', fetchMock);
  const rendered = renderWithApp(<TeamPage params={{ id: '5' }} />, { session: { user } });
  await settle(); // the team, then its patrols
  await settle();
  return rendered.container;
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('TeamPage', () => {
  it('shows the decision, the members in the team then those who left, the member list to print and the patrol log', async () => {
    const fetchMock = fakeServer([securityTeamDetail()], {}, [patrol(), ROUTED]);
    const container = await open(OFFICER, fetchMock);
    expect(container.querySelector('h1')?.textContent).toBe('Tổ bảo vệ ANTT thôn Khuôn Điển (TT-TBV-001)');
    const facts = container.querySelector('#team-facts')?.textContent ?? '';
    expect(facts).toContain('Khuôn Điển, Làng Hản');
    expect(facts).toContain('15/QĐ-UBND');
    expect(facts).toContain('Nguyễn Văn Bình');
    expect(container.querySelector('#team-members-heading')?.textContent).toBe('Thành viên (3 người đang trong tổ)');
    const current = [...container.querySelectorAll('#team-members-current tbody tr')].map((r) => r.getAttribute('data-member-id'));
    expect(current).toEqual(['7', '8', '9']);
    const deputy = container.querySelector('#team-members-current tr[data-member-id="8"]');
    expect(deputy?.querySelector('td[data-label="Chức danh"]')?.textContent).toBe('Tổ phó');
    expect(deputy?.querySelector('td[data-label="Số điện thoại"]')?.textContent).toBe('Có, công khai');
    const former = container.querySelector('#team-members-former tr[data-member-id="10"]');
    expect(former?.querySelector('td[data-label="Ngày ra khỏi tổ"]')?.textContent).toBe('31/03/2026');
    expect(former?.textContent).toContain('Chuyển công tác');
    const docx = container.querySelector('#team-members-docx');
    expect(docx?.textContent).toBe('Tải danh sách thành viên (.docx)');
    expect(docx?.getAttribute('href')).toBe('/api/v1/community/teams/5/members.docx');

    const night = container.querySelector(`#patrols-table tr[data-patrol-id="${patrol().id}"]`);
    expect(night?.querySelector('td[data-label="Ngày tuần tra"]')?.textContent).toBe('28/11/2026');
    expect(night?.querySelector('td[data-label="Ca tuần tra"]')?.textContent).toBe('Ca đêm');
    expect(night?.querySelector('td[data-label="Thành viên tham gia"]')?.textContent).toBe('Hoàng Văn Sơn, Ma Thị Hoa');
    expect(night?.querySelector('td[data-label="Tin báo đã xử lý"]')?.textContent).toBe('TG-2026-0042');
    expect(night?.querySelector('td[data-label="Lộ trình"]')?.textContent).toBe('Không vẽ');
    // The map shows only once a route is asked for.
    expect(container.querySelector('#patrol-map')).toBeNull();
    click(container.querySelector(`#patrol-${ROUTED.id}-show`));
    await settle();
    await settle();
    expect(container.querySelector(`#patrol-${ROUTED.id}-show`)?.getAttribute('aria-pressed')).toBe('true');
    expect(container.querySelector('#patrol-map-caption')?.textContent).toBe('Lộ trình lần tuần tra ngày 14/11/2026, ca tối.');
    expect(container.querySelector('#patrol-map')).not.toBeNull();
    await vi.waitFor(() => expect(container.querySelector('#patrol-map')?.getAttribute('data-status')).toBe('none'));
    expect(container.querySelector('#patrol-map-none')?.textContent).toBe('Đơn vị này và các đơn vị trực thuộc chưa có ranh giới trên bản đồ.');
  });

  it('says a second leader is refused in the server\'s words, naming the leader, then adds the member', async () => {
    let posts = 0;
    const fetchMock = fakeServer([securityTeamDetail(), securityTeamDetail({ members: 4 })], {
      'POST /api/v1/community/teams/5/members': (init) => {
        if (posts++ === 0) {
          return validationProblem([{ field: 'position', code: 'second_leader', message: 'Tổ đã có tổ trưởng trong thời gian này: Hoàng Văn Sơn' }]);
        }
        const body = JSON.parse(String(init.body)) as Record<string, unknown>;
        return jsonResponse(201, { ...body, id: 11, team_id: 5, has_phone: true, left_on: null, version: 1 });
      },
    });
    const container = await open(OFFICER, fetchMock);
    click(container.querySelector('#team-member-add'));
    type(container.querySelector('#team-member-new-name'), 'Triệu Văn Minh');
    type(container.querySelector('#team-member-new-birth'), '1988-06-30');
    choose(container.querySelector('#team-member-new-position'), 'leader');
    type(container.querySelector('#team-member-new-residence'), 'Thôn Khuôn Điển');
    type(container.querySelector('#team-member-new-phone'), '0912 345 678');
    click(container.querySelector('#team-member-new-phone-public'));
    type(container.querySelector('#team-member-new-joined'), '2026-11-01');
    click(container.querySelector('#team-member-new button[type="submit"]'));
    await settle();
    expect(bodyOf(fetchMock, callsOf(fetchMock, 'POST')[0])).toEqual({
      full_name: 'Triệu Văn Minh',
      birth_date: '1988-06-30',
      position: 'leader',
      residence: 'Thôn Khuôn Điển',
      phone: '0912 345 678',
      phone_public: true,
      joined_on: '2026-11-01',
      left_on: null,
      note: '',
    });
    expect(container.querySelector('#team-member-new-position-error')?.textContent).toBe('Tổ đã có tổ trưởng trong thời gian này: Hoàng Văn Sơn');
    expect(container.querySelector('#team-member-new-named')?.textContent).toContain('Chức danh: Tổ đã có tổ trưởng trong thời gian này: Hoàng Văn Sơn');

    choose(container.querySelector('#team-member-new-position'), 'member');
    click(container.querySelector('#team-member-new button[type="submit"]'));
    await settle();
    await settle();
    expect((bodyOf(fetchMock, callsOf(fetchMock, 'POST')[1]) as { position: string }).position).toBe('member');
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Đã thêm thành viên Triệu Văn Minh vào tổ TT-TBV-001.');
    expect(container.querySelector('#team-member-new')).toBeNull();
    expect(container.querySelector('#team-members-heading')?.textContent).toBe('Thành viên (4 người đang trong tổ)');
  });

  it('changes the team\'s villages and decision with its version; a 409 loads it again and says so', async () => {
    const theirs = securityTeamDetail({ name: 'Tổ bảo vệ ANTT liên thôn', version: 2 });
    const fetchMock = fakeServer([securityTeamDetail(), theirs], { 'PUT /api/v1/community/teams/5': () => jsonResponse(409, CONFLICT) });
    const container = await open(OFFICER, fetchMock);
    click(container.querySelector('#team-edit-toggle'));
    await settle();
    expect([...container.querySelectorAll('#team-edit-villages input:checked')].map((i) => i.id)).toEqual(['team-edit-villages-20', 'team-edit-villages-21']);
    click(container.querySelector('#team-edit-villages-21'));
    click(container.querySelector('#team-edit-villages-22'));
    type(container.querySelector('#team-edit-decision-number'), '27/QĐ-UBND');
    click(container.querySelector('#team-edit button[type="submit"]'));
    await settle();
    await settle();
    expect(bodyOf(fetchMock, callsOf(fetchMock, 'PUT')[0])).toEqual({
      village_ids: [20, 22],
      name: 'Tổ bảo vệ ANTT thôn Khuôn Điển',
      decision_number: '27/QĐ-UBND',
      decision_on: '2024-07-01',
      decision_signer: 'Nguyễn Văn Bình',
      founded_on: '2024-07-01',
      dissolved_on: null,
      note: '',
      version: 1,
    });
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('Tổ đã được người khác sửa trong lúc bạn sửa.');
    expect(container.querySelector('h1')?.textContent).toBe('Tổ bảo vệ ANTT liên thôn (TT-TBV-001)');
    expect((container.querySelector('#team-edit-name') as HTMLInputElement).value).toBe('Tổ bảo vệ ANTT liên thôn');
  });

  it('changes a member with the version edited, removing the phone; a 409 loads the team again', async () => {
    const fetchMock = fakeServer([securityTeamDetail()], { 'PUT /api/v1/community/team-members/8': () => jsonResponse(409, CONFLICT) });
    const container = await open(OFFICER, fetchMock);
    click(container.querySelector('#team-member-8-edit'));
    expect((container.querySelector('#team-member-edit-8-name') as HTMLInputElement).value).toBe('Ma Thị Hoa');
    expect(container.querySelector('#team-member-edit-8-phone-hint')?.textContent).toContain('để trống thì giữ số đã lưu');
    click(container.querySelector('#team-member-edit-8-phone-remove'));
    click(container.querySelector('#team-member-edit-8-phone-public'));
    type(container.querySelector('#team-member-edit-8-left'), '2026-11-30');
    click(container.querySelector('#team-member-edit-8 button[type="submit"]'));
    await settle();
    await settle();
    expect(bodyOf(fetchMock, callsOf(fetchMock, 'PUT')[0])).toEqual({
      full_name: 'Ma Thị Hoa',
      birth_date: '1982-09-21',
      position: 'deputy',
      residence: 'Xóm Đình, thôn Khuôn Điển',
      phone: '',
      phone_public: false,
      joined_on: '2024-07-01',
      left_on: '2026-11-30',
      note: '',
      version: 1,
    });
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('Tổ đã được người khác sửa trong lúc bạn sửa.');
  });

  it('records a patrol under the id made when the form opened, with the members of that day and the route', async () => {
    const patrols: Patrol[] = [patrol()];
    const fetchMock = fakeServer([securityTeamDetail()], {
      'PUT patrol': (init) => {
        const body = JSON.parse(String(init.body)) as Patrol;
        const stored = { ...patrol(), ...body, id: 'x', version: 1 };
        patrols.unshift(stored);
        return jsonResponse(201, { patrol: stored, outcome: 'inserted' });
      },
    }, patrols);
    const container = await open(TEAM, fetchMock);
    expect(container.querySelector('#team-member-add')).toBeNull(); // a team member records patrols only
    click(container.querySelector('#patrol-toggle'));
    await settle();
    const id = container.querySelector('#patrol-form')?.getAttribute('data-patrol-id') ?? '';
    expect(id).toMatch(UUID);
    expect((container.querySelector('#patrol-on') as HTMLInputElement).value).toBe(todayIso());
    // Today: the three in the team; the one who left is not offered.
    expect([...container.querySelectorAll('#patrol-members li')].map((li) => li.getAttribute('data-member-id'))).toEqual(['7', '8', '9']);
    click(container.querySelector('#patrol-member-7'));
    click(container.querySelector('#patrol-member-9'));
    // On 5 January 2025 member 9 had not joined yet and member 10 was still in the team.
    type(container.querySelector('#patrol-on'), '2025-01-05');
    expect([...container.querySelectorAll('#patrol-members li')].map((li) => li.getAttribute('data-member-id'))).toEqual(['7', '8', '10']);
    click(container.querySelector('#patrol-member-8'));
    expect(container.querySelector('#patrol-members-count')?.textContent).toBe('Đã chọn 2 người.');
    choose(container.querySelector('#patrol-shift'), 'night');
    // The route as the map's clicks write it, one point a line; the last one taken back.
    type(container.querySelector('#patrol-route'), '21.805610, 105.451560\n21.807610, 105.452560\n21.9, 105.9');
    expect(container.querySelector('#patrol-route-count')?.textContent).toBe('Lộ trình có 3 điểm.');
    click(container.querySelector('#patrol-route-undo'));
    expect((container.querySelector('#patrol-route') as HTMLTextAreaElement).value).toBe('21.805610, 105.451560\n21.807610, 105.452560');
    type(container.querySelector('#patrol-findings'), 'Không phát hiện vụ việc');
    type(container.querySelector('#patrol-tips'), 'TG-2026-0050');
    click(container.querySelector('#patrol-form button[type="submit"]'));
    await settle();
    await settle();
    const put = callsOf(fetchMock, 'PUT')[0] ?? -1;
    expect(String(fetchMock.mock.calls[put]?.[0])).toBe(`/api/v1/community/patrols/${id}`);
    expect(bodyOf(fetchMock, put)).toEqual({
      team_id: 5,
      patrol_on: '2025-01-05',
      shift: 'night',
      member_ids: [7, 8],
      route: [
        [21.80561, 105.45156],
        [21.80761, 105.45256],
      ],
      confirm_route: false,
      findings: 'Không phát hiện vụ việc',
      tip_refs: 'TG-2026-0050',
      base_version: 0,
    });
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Đã ghi nhận lần tuần tra ngày 05/01/2025, ca đêm, của tổ TT-TBV-001.');
    expect(container.querySelector('#patrol-form')).toBeNull();
    expect(container.querySelector('#patrols-table tr[data-patrol-id="x"]')?.textContent).toContain('Không phát hiện vụ việc');
    // A new patrol gets a new id.
    click(container.querySelector('#patrol-toggle'));
    expect(container.querySelector('#patrol-form')?.getAttribute('data-patrol-id')).not.toBe(id);
  });

  it('asks to confirm a route leaving the commune and sends the same patrol again with confirm_route', async () => {
    let puts = 0;
    const fetchMock = fakeServer([securityTeamDetail()], {
      'PUT patrol': (init) => {
        if (puts++ === 0) {
          return validationProblem([{ field: 'route', code: 'outside_commune', message: 'Điểm nằm ngoài địa giới xã đã chọn (xác nhận để vẫn lưu); điểm này thuộc: Xã Kim Quan' }]);
        }
        const body = JSON.parse(String(init.body)) as Patrol;
        return jsonResponse(201, { patrol: { ...patrol(), ...body, version: 1 }, outcome: 'inserted' });
      },
    });
    const container = await open(OFFICER, fetchMock);
    click(container.querySelector('#patrol-toggle'));
    await settle();
    click(container.querySelector('#patrol-member-7'));
    choose(container.querySelector('#patrol-shift'), 'evening');
    type(container.querySelector('#patrol-route'), '21.9, 105.3\n21.91, 105.31');
    click(container.querySelector('#patrol-form button[type="submit"]'));
    await settle();
    const warning = container.querySelector('#patrol-route-warning')?.textContent ?? '';
    expect(warning).toContain('Cảnh báo lộ trình');
    expect(warning).toContain('điểm này thuộc: Xã Kim Quan');
    click(container.querySelector('#patrol-route-confirm'));
    click(container.querySelector('#patrol-form button[type="submit"]'));
    await settle();
    await settle();
    const [first, second] = callsOf(fetchMock, 'PUT');
    expect(String(fetchMock.mock.calls[first ?? -1]?.[0])).toBe(String(fetchMock.mock.calls[second ?? -1]?.[0]));
    expect(bodyOf(fetchMock, first)).toMatchObject({ member_ids: [7], shift: 'evening', route: [[21.9, 105.3], [21.91, 105.31]], confirm_route: false });
    expect(bodyOf(fetchMock, second)).toMatchObject({ member_ids: [7], route: [[21.9, 105.3], [21.91, 105.31]], confirm_route: true });
    expect(container.querySelector('[role="status"]')?.textContent).toContain('Đã ghi nhận lần tuần tra ngày');
  });

  it('shows the server\'s patrol after a conflict and sends over it with its version', async () => {
    let puts = 0;
    const fetchMock = fakeServer([securityTeamDetail()], {
      'PUT patrol': (init) =>
        puts++ === 0
          ? jsonResponse(409, CONFLICT)
          : jsonResponse(200, { patrol: { ...patrol(), ...(JSON.parse(String(init.body)) as Patrol), version: 3 }, outcome: 'updated' }),
      'GET patrol': () => jsonResponse(200, patrol({ member_ids: [7, 9], findings: 'Nhắc 2 hộ khóa cổng', version: 2 })),
    });
    const container = await open(TEAM, fetchMock);
    click(container.querySelector('#patrol-toggle'));
    click(container.querySelector('#patrol-member-8'));
    choose(container.querySelector('#patrol-shift'), 'night');
    click(container.querySelector('#patrol-form button[type="submit"]'));
    await settle();
    await settle();
    const conflict = container.querySelector('#patrol-conflict')?.textContent ?? '';
    expect(conflict).toContain('Lần tuần tra này vừa được người khác ghi nhận hoặc sửa');
    expect(conflict).toContain('thành viên: Hoàng Văn Sơn, Nông Văn Tài; tình hình: Nhắc 2 hộ khóa cổng');
    expect(container.querySelector('#patrol-form button[type="submit"]')?.textContent).toBe('Gửi bản của tôi');
    click(container.querySelector('#patrol-form button[type="submit"]'));
    await settle();
    expect(bodyOf(fetchMock, callsOf(fetchMock, 'PUT')[1])).toMatchObject({ member_ids: [8], base_version: 2 });
    expect(container.querySelector('[role="status"]')?.textContent).toContain('Đã ghi nhận thay đổi lần tuần tra ngày');
  });

  it('says a shift is needed before sending, and the members refused in Vietnamese', async () => {
    const fetchMock = fakeServer([securityTeamDetail()], {
      'PUT patrol': () => validationProblem([{ field: 'member_ids', code: 'required' }]),
    });
    const container = await open(TEAM, fetchMock);
    click(container.querySelector('#patrol-toggle'));
    click(container.querySelector('#patrol-form button[type="submit"]'));
    await settle();
    expect(callsOf(fetchMock, 'PUT')).toEqual([]);
    expect(container.querySelector('#patrol-shift-error')?.textContent).toBe('Bắt buộc nhập');
    choose(container.querySelector('#patrol-shift'), 'morning');
    click(container.querySelector('#patrol-form button[type="submit"]'));
    await settle();
    expect(bodyOf(fetchMock, callsOf(fetchMock, 'PUT')[0])).toMatchObject({ shift: 'morning', member_ids: [], route: [] });
    expect(container.querySelector('#patrol-form [role="alert"]')?.textContent).toContain('Thành viên tham gia: Bắt buộc nhập');
  });

  it('lets a reviewer read the team only, and an administrator keep the members without recording patrols', async () => {
    const reviewer = await open(REVIEWER, fakeServer([securityTeamDetail()], {}, [patrol()]));
    expect(reviewer.querySelector('#team-facts')).not.toBeNull();
    expect(reviewer.querySelector('#patrols-table')).not.toBeNull();
    expect(reviewer.querySelector('#team-members-docx')).not.toBeNull();
    expect(reviewer.querySelector('button')).toBeNull();
    expect(reviewer.querySelector('form')).toBeNull();
    document.body.innerHTML = '';

    const admin = await open(ADMIN, fakeServer([securityTeamDetail()], {}, [patrol()]));
    expect(admin.querySelector('#team-edit-toggle')).not.toBeNull();
    expect(admin.querySelector('#team-member-add')).not.toBeNull();
    expect(admin.querySelector('#patrol-toggle')).toBeNull();
  });
});
