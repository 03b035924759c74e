import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { directoryUnit, modelSiteDetail, testUser } from '../test/fixtures';
import { bodyOf, choose, click, findUnit, jsonResponse, renderWithApp, settle, type, validationProblem } from '../test/render';
import type { ModelSiteDetail } from '../lib/schema';
import { ModelSitePage } from './model-site';

const OFFICER = testUser({ id: 2, role: 'officer', unit_id: 12 });
const REVIEWER = testUser({ id: 4, role: 'reviewer', unit_id: 2 });
const TEAM_MEMBER = testUser({ id: 6, role: 'team_member', unit_id: 12 });
// A village of Kiến Thiết, outside Tân Trào's officer's scope.
const KHUON_HAU = directoryUnit({ id: 452, code: '0254801', name: 'Khuôn Hấu', kind: 'residential_area', designation: 'thôn', parent_id: 451, within: ['Kiến Thiết', 'Tuyên Quang'] });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const CONFLICT = { type: '/problems/conflict', status: 409, title: 'Xung đột dữ liệu' };

/** The site's answers in turn (the last one again after that), its activities, and the writes' answers by "METHOD path". */
function fakeServer(answers: ModelSiteDetail[], writes: Record<string, (init: RequestInit) => Response> = {}) {
  let reads = 0;
  return vi.fn(async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const path = url.split('?')[0] ?? '';
    const activity = path.startsWith('/api/v1/community/model-activities/');
    const write = writes[`${method} ${activity ? 'activity' : path}`];
    if (write) return write(init);
    if (path === '/api/v1/community/model-sites/1' && method === 'GET') {
      const answer = answers[Math.min(reads, answers.length - 1)];
      reads += 1;
      return jsonResponse(200, answer);
    }
    if (path === '/api/v1/community/model-sites/1/activities') return jsonResponse(200, { items: [] });
    if (path === '/api/v1/units/directory') return jsonResponse(200, { items: [KHUON_HAU], total: 1 });
    return jsonResponse(404, { type: '/problems/not-found', status: 404 });
  });
}

/** A team of the site with two members. */
const TEAM = {
  id: 4,
  site_id: 1,
  name: 'Tổ liên kết tuần tra giáp ranh',
  founded_on: '2024-04-01',
  ended_on: null,
  version: 3,
  members: [
    { id: 31, full_name: 'Ma Văn Toàn', role: 'leader' as const, joined_on: '2024-04-01', left_on: null },
    { id: 32, full_name: 'Hà Thị Dung', role: 'member' as const, joined_on: '2024-04-01', left_on: null },
  ],
};

function chooseFiles(input: Element | null, files: File[]) {
  if (!(input instanceof HTMLInputElement)) throw new Error('not an input');
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const optionsOf = (select: Element | null) => Array.from(select?.querySelectorAll('option') ?? []).map((o) => o.getAttribute('value'));

const callsOf = (fetchMock: ReturnType<typeof vi.fn>, method: string) =>
  fetchMock.mock.calls.flatMap((call, index) => ((call[1] as RequestInit | undefined)?.method === method ? [index] : []));

async function open(user: typeof OFFICER, fetchMock: ReturnType<typeof fakeServer>) {
  vi.stubGlobal('fetch', fetchMock);
  const rendered = renderWithApp(<ModelSitePage params={{ id: '1' }} />, { session: { user } });
  await settle();
  await settle();
  return rendered.container;
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('ModelSitePage', () => {
  it('shows the site, its other units, its board, teams and assessments, with no write for a reader', async () => {
    const site = modelSiteDetail({
      may_keep: false,
      may_record: false,
      standing: [{ year: 2026, unit_id: 451, unit_name: 'Kiến Thiết' }],
      board: [{ id: 11, full_name: 'Hoàng Văn Thắng', title: 'Phó Chủ tịch UBND xã', role: 'head' }],
      teams: [
        {
          id: 4,
          site_id: 1,
          name: 'Tổ liên kết tuần tra giáp ranh',
          founded_on: '2024-04-01',
          ended_on: null,
          version: 1,
          members: [{ id: 31, full_name: 'Ma Văn Toàn', role: 'leader', joined_on: '2024-04-01', left_on: null }],
        },
      ],
      assessments: [{ year: 2025, rating: 'effective', note: 'Tốt', assessed_on: '2025-12-15' }],
      regulation: { id: 21, name: 'quy-che.pdf', mime: 'application/pdf', size: 2048, sha256: 'a'.repeat(64) },
    });
    const container = await open(REVIEWER, fakeServer([site]));
    expect(container.querySelector('h1')?.textContent).toBe('Liên kết ANTT Tân Trào – Kiến Thiết (02545-MH-001)');
    expect(container.querySelector('#model-participants td')?.textContent).toBe('Kiến Thiết');
    expect(container.querySelector('#model-standing tr[data-year="2026"] td[data-label="Đơn vị thường trực"]')?.textContent).toBe('Kiến Thiết');
    expect(container.querySelector('#model-board-table td[data-label="Vai trò trong ban"]')?.textContent).toBe('Trưởng ban');
    expect(container.querySelector('#model-team-4-members td[data-label="Vai trò"]')?.textContent).toBe('Tổ trưởng');
    expect(container.querySelector('#model-assessments-table td[data-label="Kết quả đánh giá"]')?.textContent).toBe('Hiệu quả');
    expect(container.querySelector('#model-regulation-download')?.getAttribute('href')).toBe('/api/v1/community/model-sites/1/regulation');
    for (const control of ['#model-site-edit-toggle', '#model-standing-toggle', '#model-board-toggle', '#model-team-add', '#model-team-4-edit', '#model-team-4-delete', '#model-activity-toggle', '#model-assessment-toggle', '#model-regulation-toggle']) {
      expect(container.querySelector(control), control).toBeNull();
    }
  });

  it('offers the activity form to whoever may write in the log (may_record), the other writes to the keepers only', async () => {
    const container = await open(TEAM_MEMBER, fakeServer([modelSiteDetail({ may_keep: false, may_record: true })]));
    expect(container.querySelector('#model-activity-toggle')).not.toBeNull();
    for (const control of ['#model-site-edit-toggle', '#model-board-toggle', '#model-team-add', '#model-assessment-toggle']) {
      expect(container.querySelector(control), control).toBeNull();
    }
    document.body.innerHTML = '';
    const keeper = await open(OFFICER, fakeServer([modelSiteDetail({ may_keep: true, may_record: false })]));
    expect(keeper.querySelector('#model-site-edit-toggle')).not.toBeNull();
    expect(keeper.querySelector('#model-activity-toggle')).toBeNull();
  });

  it('changes the site\'s other units: one taken out, one found in the whole country added', async () => {
    const fetchMock = fakeServer([modelSiteDetail({ version: 2 })], {
      'PUT /api/v1/community/model-sites/1': () => jsonResponse(200, modelSiteDetail({ version: 3 })),
    });
    const container = await open(OFFICER, fetchMock);
    click(container.querySelector('#model-site-edit-toggle'));
    await settle();
    // The site keeps its unit: no tree is loaded for the form.
    expect(fetchMock.mock.calls.filter((call) => String(call[0]).startsWith('/api/v1/units/tree'))).toEqual([]);
    expect(container.querySelector('#model-site-edit-participants-0-unit')?.textContent).toBe('Kiến Thiết');
    await findUnit(container.querySelector('#model-site-edit-participants-search'), 'khuon hau', 452);
    expect(container.querySelector('#model-site-edit-participants-1-unit')?.textContent).toBe('Thôn Khuôn Hấu — Kiến Thiết, Tuyên Quang');
    type(container.querySelector('#model-site-edit-participants-1-joined'), '2026-02-01');
    click(container.querySelector('#model-site-edit-participants-0-remove'));
    click(container.querySelector('#model-site-edit button[type="submit"]'));
    await settle();
    await settle();
    expect(bodyOf(fetchMock, callsOf(fetchMock, 'PUT')[0])).toEqual({
      type_id: 3,
      unit_id: 12,
      name: 'Liên kết ANTT Tân Trào – Kiến Thiết',
      launched_on: '2024-03-26',
      ended_on: null,
      note: '',
      participants: [{ unit_id: 452, joined_on: '2026-02-01' }],
      version: 2,
    });
  });

  it('replaces the board with the rows typed and the site\'s version; a stale version reloads and says so', async () => {
    let answered = 0;
    const fetchMock = fakeServer([modelSiteDetail({ version: 3 }), modelSiteDetail({ version: 4 })], {
      'PUT /api/v1/community/model-sites/1/board': () => {
        answered += 1;
        if (answered === 1) return validationProblem([{ field: 'members', code: 'two_heads' }]);
        if (answered === 2) return jsonResponse(409, CONFLICT);
        return jsonResponse(200, modelSiteDetail({ version: 5 }));
      },
    });
    const container = await open(OFFICER, fetchMock);
    click(container.querySelector('#model-board-toggle'));
    type(container.querySelector('#model-board-form-0-name'), 'Hoàng Văn Thắng');
    type(container.querySelector('#model-board-form-0-title'), 'Phó Chủ tịch UBND xã Tân Trào');
    choose(container.querySelector('#model-board-form-0-role'), 'head');
    click(container.querySelector('#model-board-form-members-add'));
    click(container.querySelector('#model-board-form-members-add'));
    type(container.querySelector('#model-board-form-1-name'), 'Lý Thị Mai');
    choose(container.querySelector('#model-board-form-1-role'), 'head');
    click(container.querySelector('#model-board-form button[type="submit"]'));
    await settle();
    // The unused third row is not sent.
    expect(bodyOf(fetchMock, callsOf(fetchMock, 'PUT')[0])).toEqual({
      version: 3,
      members: [
        { full_name: 'Hoàng Văn Thắng', title: 'Phó Chủ tịch UBND xã Tân Trào', role: 'head' },
        { full_name: 'Lý Thị Mai', title: '', role: 'head' },
      ],
    });
    expect(container.querySelector('#model-board-form-members-error')?.textContent).toBe('Ban chỉ đạo chỉ có một trưởng ban');
    choose(container.querySelector('#model-board-form-1-role'), 'member');
    click(container.querySelector('#model-board-form button[type="submit"]'));
    await settle();
    await settle();
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('Điểm mô hình đã được người khác sửa');
    expect(container.querySelector('#model-board-form')).toBeNull();
  });

  it('adds a team with its members, each joining on the founding day unless told', async () => {
    const fetchMock = fakeServer([modelSiteDetail()], {
      'POST /api/v1/community/model-sites/1/teams': () => jsonResponse(201, modelSiteDetail()),
    });
    const container = await open(OFFICER, fetchMock);
    click(container.querySelector('#model-team-add'));
    type(container.querySelector('#model-team-new-name'), 'Tổ liên kết tuần tra giáp ranh');
    type(container.querySelector('#model-team-new-founded'), '2026-02-01');
    type(container.querySelector('#model-team-new-0-name'), 'Ma Văn Toàn');
    choose(container.querySelector('#model-team-new-0-role'), 'leader');
    click(container.querySelector('#model-team-new-members-add'));
    type(container.querySelector('#model-team-new-1-name'), 'Hà Thị Dung');
    type(container.querySelector('#model-team-new-1-joined'), '2026-03-01');
    click(container.querySelector('#model-team-new button[type="submit"]'));
    await settle();
    await settle();
    expect(bodyOf(fetchMock, callsOf(fetchMock, 'POST')[0])).toEqual({
      name: 'Tổ liên kết tuần tra giáp ranh',
      founded_on: '2026-02-01',
      ended_on: null,
      members: [
        { full_name: 'Ma Văn Toàn', role: 'leader', joined_on: '2026-02-01', left_on: null },
        { full_name: 'Hà Thị Dung', role: 'member', joined_on: '2026-03-01', left_on: null },
      ],
    });
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Đã thêm tổ Tổ liên kết tuần tra giáp ranh (2 thành viên).');
  });

  it('records an activity under an id made in the browser, base version 0, the same id when sent again', async () => {
    let sent = 0;
    const fetchMock = fakeServer([modelSiteDetail()], {
      'PUT activity': (init) => {
        sent += 1;
        if (sent === 1) return jsonResponse(503, { type: '/problems/overloaded', status: 503 });
        const body = JSON.parse(String(init.body)) as Record<string, unknown>;
        return jsonResponse(201, { activity: { id: 'x', ...body, version: 1, recorded_by: 2, device_at: null, received_at: '2026-11-12T13:05:00Z' }, outcome: 'inserted' });
      },
    });
    const container = await open(OFFICER, fetchMock);
    click(container.querySelector('#model-activity-toggle'));
    type(container.querySelector('#model-activity-form-held'), '2026-11-12');
    choose(container.querySelector('#model-activity-form-kind'), 'patrol');
    type(container.querySelector('#model-activity-form-participants'), '12');
    type(container.querySelector('#model-activity-form-content'), 'Tuần tra chung tuyến giáp ranh');
    click(container.querySelector('#model-activity-form button[type="submit"]'));
    await settle();
    click(container.querySelector('#model-activity-form button[type="submit"]'));
    await settle();
    await settle();
    const puts = callsOf(fetchMock, 'PUT');
    const urls = puts.map((i) => String(fetchMock.mock.calls[i]?.[0]));
    expect(urls[0]).toBe(urls[1]);
    expect(urls[0]?.replace('/api/v1/community/model-activities/', '')).toMatch(UUID);
    expect(bodyOf(fetchMock, puts[1])).toEqual({
      site_id: 1,
      held_on: '2026-11-12',
      kind: 'patrol',
      participants: 12,
      content: 'Tuần tra chung tuyến giáp ranh',
      base_version: 0,
    });
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Đã ghi hoạt động ngày 12/11/2026 của điểm mô hình 02545-MH-001.');
  });

  it('offers the years the site gives for its standing unit and its assessment, and assesses with the site\'s version', async () => {
    let answered = 0;
    const fetchMock = fakeServer([modelSiteDetail({ version: 7, standing_years: [2026, 2025], assessable_years: [2025, 2024] }), modelSiteDetail({ version: 9 })], {
      'PUT /api/v1/community/model-sites/1/assessments/2024': () => {
        answered += 1;
        return answered === 1 ? jsonResponse(409, CONFLICT) : jsonResponse(200, modelSiteDetail({ version: 10 }));
      },
    });
    const container = await open(OFFICER, fetchMock);
    click(container.querySelector('#model-standing-toggle'));
    expect(optionsOf(container.querySelector('#model-standing-form-year'))).toEqual(['2026', '2025']);
    click(container.querySelector('#model-assessment-toggle'));
    // What the server reckons, not the browser: no 2026 here.
    expect(optionsOf(container.querySelector('#model-assessment-form-year'))).toEqual(['2025', '2024']);
    choose(container.querySelector('#model-assessment-form-year'), '2024');
    choose(container.querySelector('#model-assessment-form-rating'), 'effective');
    type(container.querySelector('#model-assessment-form-on'), '2024-12-20');
    click(container.querySelector('#model-assessment-form button[type="submit"]'));
    await settle();
    await settle();
    expect(bodyOf(fetchMock, callsOf(fetchMock, 'PUT')[0])).toEqual({ version: 7, rating: 'effective', note: '', assessed_on: '2024-12-20' });
    // Someone changed the site meanwhile: it is loaded again and the page says so.
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('Điểm mô hình đã được người khác sửa');
    expect(container.querySelector('#model-assessment-form')).toBeNull();
  });

  it('deletes a team entered by mistake once asked, with the team\'s version, and shows the site the server answers', async () => {
    const fetchMock = fakeServer([modelSiteDetail({ teams: [TEAM] })], {
      'DELETE /api/v1/community/model-teams/4': () => jsonResponse(200, modelSiteDetail({ teams: [] })),
    });
    const container = await open(OFFICER, fetchMock);
    const toggle = container.querySelector('#model-team-4-delete');
    expect(toggle?.textContent).toBe('Xóa tổ (Tổ liên kết tuần tra giáp ranh)');
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    click(toggle);
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    const form = container.querySelector('#model-team-4-delete-form');
    expect(form?.querySelector('h4')?.textContent).toBe('Xóa tổ Tổ liên kết tuần tra giáp ranh?');
    expect(form?.querySelector('p')?.textContent).toContain('tổ cùng 2 thành viên của tổ bị xóa hẳn');
    // Cancelled: nothing sent.
    click(form?.querySelector('button[type="button"]') ?? null);
    expect(container.querySelector('#model-team-4-delete-form')).toBeNull();
    expect(callsOf(fetchMock, 'DELETE')).toEqual([]);
    click(container.querySelector('#model-team-4-delete'));
    const reads = fetchMock.mock.calls.length;
    click(container.querySelector('#model-team-4-delete-form button[type="submit"]'));
    await settle();
    await settle();
    const [deleted] = callsOf(fetchMock, 'DELETE');
    expect(String(fetchMock.mock.calls[deleted ?? -1]?.[0])).toBe('/api/v1/community/model-teams/4?version=3');
    // The site the server answered with, shown as it is: no second request.
    expect(fetchMock.mock.calls.length).toBe(reads + 1);
    expect(container.querySelector('section[data-team-id="4"]')).toBeNull();
    expect(container.querySelector('#model-teams-none')).not.toBeNull();
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Đã xóa tổ Tổ liên kết tuần tra giáp ranh.');
  });

  it('reloads the site and says so when the team changed before it was deleted', async () => {
    const fetchMock = fakeServer([modelSiteDetail({ teams: [TEAM] }), modelSiteDetail({ teams: [{ ...TEAM, version: 4 }] })], {
      'DELETE /api/v1/community/model-teams/4': () => jsonResponse(409, CONFLICT),
    });
    const container = await open(OFFICER, fetchMock);
    click(container.querySelector('#model-team-4-delete'));
    click(container.querySelector('#model-team-4-delete-form button[type="submit"]'));
    await settle();
    await settle();
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('Điểm mô hình đã được người khác sửa');
    expect(container.querySelector('section[data-team-id="4"]')).not.toBeNull();
    expect(container.querySelector('#model-team-4-delete-form')).toBeNull();
  });

  it('shows a member the server refused on the form\'s own row, its field marked and described, blank rows not counted', async () => {
    const fetchMock = fakeServer([modelSiteDetail()], {
      'POST /api/v1/community/model-sites/1/teams': () =>
        validationProblem([
          { field: 'members.joined_on', code: 'after_ended', index: 1 },
          { field: 'members', code: 'two_leaders' },
        ]),
    });
    const container = await open(OFFICER, fetchMock);
    click(container.querySelector('#model-team-add'));
    type(container.querySelector('#model-team-new-name'), 'Tổ tự quản');
    type(container.querySelector('#model-team-new-founded'), '2026-02-01');
    type(container.querySelector('#model-team-new-0-name'), 'Ma Văn Toàn');
    click(container.querySelector('#model-team-new-members-add'));
    click(container.querySelector('#model-team-new-members-add'));
    // Row 1 left blank; row 2 is the second sent.
    type(container.querySelector('#model-team-new-2-name'), 'Hà Thị Dung');
    click(container.querySelector('#model-team-new button[type="submit"]'));
    await settle();
    await settle();
    expect((bodyOf(fetchMock, callsOf(fetchMock, 'POST')[0]) as { members: unknown[] }).members).toHaveLength(2);
    const joined = container.querySelector('#model-team-new-2-joined');
    expect(joined?.getAttribute('aria-invalid')).toBe('true');
    expect(joined?.getAttribute('aria-describedby')?.split(' ')).toContain('model-team-new-2-joined-error');
    expect(container.querySelector('#model-team-new-2-joined-error')?.textContent).toBe('Từ ngày dừng hoạt động trở đi');
    expect(container.querySelector('li[data-row="2"]')?.getAttribute('data-invalid')).toBe('true');
    for (const other of ['#model-team-new-0-joined', '#model-team-new-1-joined', '#model-team-new-2-name']) {
      expect(container.querySelector(other)?.getAttribute('aria-invalid'), other).toBeNull();
    }
    // Under the list, only the list's own refusal; the summary names the row.
    expect(container.querySelector('#model-team-new-members-error')?.textContent).toBe('Hai tổ trưởng trong cùng thời gian: mỗi lúc tổ chỉ có một tổ trưởng');
    expect(container.querySelector('#model-team-new [role="alert"]')?.textContent).toContain('Thành viên 3 — Ngày vào tổ: Từ ngày dừng hoạt động trở đi');
  });

  it('holds the board and the regulation document to the limits the site gives', async () => {
    const fetchMock = fakeServer([modelSiteDetail({ limits: { board: 2, team_members: 100, participants: 50, regulation_bytes: 5 * 1024 * 1024 } })]);
    const container = await open(OFFICER, fetchMock);
    click(container.querySelector('#model-board-toggle'));
    click(container.querySelector('#model-board-form-members-add'));
    expect(container.querySelector('#model-board-form-members-add')).toHaveProperty('disabled', true);
    click(container.querySelector('#model-regulation-toggle'));
    expect(container.querySelector('#model-regulation-form-file-hint')?.textContent).toContain('tối đa 5 MB');
    chooseFiles(container.querySelector('#model-regulation-form-file'), [new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'quy-che.pdf', { type: 'application/pdf' })]);
    click(container.querySelector('#model-regulation-form button[type="submit"]'));
    await settle();
    expect(container.querySelector('#model-regulation-form-file-error')?.textContent).toBe('Tệp quá lớn');
    expect(callsOf(fetchMock, 'PUT')).toEqual([]);
  });
});
