import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMUNE, gradingSheet, memberGrade, testUser, treeUnit } from '../test/fixtures';
import { bodyOf, choose, click, jsonResponse, pickUnit, renderWithApp, settle, type, validationProblem } from '../test/render';
import { useLocation } from '../lib/use-location';
import type { GradingSheet } from '../lib/schema';
import { GradingPage } from './grading';

const OFFICER = testUser({ id: 2, role: 'officer', unit_id: 12 });
const REVIEWER = testUser({ id: 4, role: 'reviewer', unit_id: 2 });

const TREE = { roots: [{ ...COMMUNE, children: [] }] };
const PROVINCE = {
  roots: [{ ...treeUnit(2, 'province', 'Tuyên Quang'), children: [{ ...COMMUNE, children: [] }, { ...treeUnit(13, 'commune', 'Kiến Thiết'), parent_id: 2 }] }],
};
const CONFLICT = { type: '/problems/conflict', status: 409, title: 'Xung đột dữ liệu' };

/** Ma Thị Hoa (8) raised to "xuất sắc": two of six good or better, one allowed. */
const BROKEN = gradingSheet({
  version: 7,
  members: gradingSheet().members.map((m) => (m.member_id === 8 ? { ...m, grade: 'excellent' as const } : m)),
  excellent: 2,
  good: 3,
  max_excellent: 1,
  quota_ok: false,
});

/** The grading's answers: GETs in turn (the last one again after), writes by "METHOD path". */
function fakeServer(reads: GradingSheet[], writes: Record<string, ((init: RequestInit) => Response)[]> = {}, tree: unknown = TREE) {
  let read = 0;
  const written: Record<string, number> = {};
  return vi.fn(async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const path = url.split('?')[0] ?? '';
    const answers = writes[`${method} ${path}`];
    if (answers) {
      const n = written[path] ?? 0;
      written[path] = n + 1;
      const answer = answers[Math.min(n, answers.length - 1)];
      if (answer) return answer(init);
    }
    if (path === '/api/v1/units/tree') return jsonResponse(200, tree);
    if (path === '/api/v1/community/gradings' && method === 'GET') {
      const answer = reads[Math.min(read, reads.length - 1)];
      read += 1;
      return jsonResponse(200, answer);
    }
    return jsonResponse(404, { type: '/problems/not-found', status: 404 });
  });
}

function Page() {
  useLocation(); // re-render on navigation, as the app does
  return <GradingPage params={{}} />;
}

const urls = (fetchMock: ReturnType<typeof vi.fn>) => fetchMock.mock.calls.map((call) => String(call[0]));
const callOf = (fetchMock: ReturnType<typeof vi.fn>, method: string, path: string) =>
  fetchMock.mock.calls.findIndex((call) => (call[1] as RequestInit | undefined)?.method === method && String(call[0]) === path);
const row = (container: HTMLElement, id: number) => container.querySelector(`#grading-table tr[data-member-id="${id}"]`);
/** The tree first, then the sheet of its commune. */
const loaded = async () => {
  await settle();
  await settle();
};
const text = (container: HTMLElement, selector: string) => container.querySelector(selector)?.textContent ?? null;

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
  window.history.replaceState(null, '', '/');
});

describe('GradingPage', () => {
  it('shows an officer the commune\'s sheet of the year answered: window, status, numbers, members with their eligibility', async () => {
    window.history.replaceState(null, '', '/teams/grading');
    const fetchMock = fakeServer([gradingSheet()]);
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<Page />, { session: { user: OFFICER } });
    await loaded();
    expect(text(container, 'h1')).toBe('Xếp loại thành viên Tổ bảo vệ ANTT');
    expect(urls(fetchMock)).toContain('/api/v1/community/gradings?commune_id=12');
    expect(container.querySelector('#grading-commune-picker')).toBeNull();
    expect((container.querySelector('#grading-year') as HTMLInputElement).value).toBe('2026');
    expect(text(container, '#grading-heading')).toBe('Năm 2026');
    expect(text(container, '#grading-commune')).toBe('Tân Trào');
    expect(text(container, '#grading-window')).toBe('Từ 01/11/2026 đến 31/01/2027 (đang trong thời gian xếp loại)');
    expect(text(container, '#grading-status')).toBe('Dự thảo');
    expect(container.querySelector('#grading-reopen-reason')).toBeNull();
    expect(text(container, '#grading-excellent')).toBe('1');
    expect(text(container, '#grading-good')).toBe('4');
    expect(text(container, '#grading-ungraded')).toBe('0');
    expect(text(container, '#grading-max-excellent')).toBe('1');
    expect(text(container, '#grading-quota')).toBe(
      'Xuất sắc tối đa 20% số được xếp loại Tốt trở lên (làm tròn xuống). 1 xuất sắc; tối đa 1 = 20% của 5 người hoàn thành tốt trở lên.',
    );
    expect(container.querySelector('#grading-quota-warning')).toBeNull();
    expect(text(container, '#grading-members-heading')).toBe('Thành viên (6 người)');
    const leader = row(container, 7);
    expect(leader?.querySelector('td[data-label="Tổ"] a')?.getAttribute('href')).toBe('/teams/5');
    expect(leader?.querySelector('td[data-label="Thành viên"]')?.textContent).toBe('Hoàng Văn TuầnTổ trưởng');
    expect(leader?.querySelector('td[data-label="Điều kiện xếp loại"]')?.textContent).toBe('Đủ điều kiện');
    expect((leader?.querySelector('select') as HTMLSelectElement).value).toBe('excellent');
    expect(Array.from(leader?.querySelectorAll('option') ?? []).map((o) => o.textContent)).toEqual([
      '— (chưa xếp loại)',
      'Hoàn thành xuất sắc nhiệm vụ',
      'Hoàn thành tốt nhiệm vụ',
      'Hoàn thành nhiệm vụ',
      'Không hoàn thành nhiệm vụ',
    ]);
    expect((leader?.querySelector('input[name="note"]') as HTMLInputElement).value).toBe('Phát hiện, báo tin giúp bắt 2 vụ trộm trâu');
    const late = row(container, 10);
    expect(late?.querySelector('td[data-label="Điều kiện xếp loại"]')?.textContent).toBe('Chưa đủ 9 tháng tham gia');
    expect(Array.from(late?.querySelectorAll('option') ?? []).map((o) => o.getAttribute('value'))).toEqual(['']);
    expect(text(container, '#grading-finalise')).toBe('Chốt kết quả');
  });

  it('saves a grade and shows the sheet answered: the quota broken, with its numbers, in a draft kept', async () => {
    window.history.replaceState(null, '', '/teams/grading');
    const fetchMock = fakeServer([gradingSheet()], { 'PUT /api/v1/community/team-members/8/grade': [() => jsonResponse(200, BROKEN)] });
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<Page />, { session: { user: OFFICER } });
    await loaded();
    choose(row(container, 8)?.querySelector('select') ?? null, 'excellent');
    type(row(container, 8)?.querySelector('input[name="note"]') ?? null, '  Bắt quả tang trộm chó  ');
    click(row(container, 8)?.querySelector('button[type="submit"]') ?? null);
    await settle();
    const put = callOf(fetchMock, 'PUT', '/api/v1/community/team-members/8/grade');
    expect(bodyOf(fetchMock, put)).toEqual({ year: 2026, grade: 'excellent', note: 'Bắt quả tang trộm chó' });
    expect(text(container, '#grading-done')).toBe('Đã lưu xếp loại của Ma Thị Hoa: Hoàn thành xuất sắc nhiệm vụ.');
    expect(text(container, '#grading-excellent')).toBe('2');
    expect(text(container, '#grading-good')).toBe('3');
    expect(text(container, '#grading-quota-warning')).toBe(
      'Vượt tỷ lệ “Hoàn thành xuất sắc nhiệm vụ”2 xuất sắc; tối đa 1 = 20% của 5 người hoàn thành tốt trở lên. Bản dự thảo vẫn được lưu, nhưng không chốt được kết quả cho đến khi số xuất sắc không vượt quá số tối đa.',
    );
    expect(text(container, '#grading-status')).toBe('Dự thảo');
    expect(container.querySelector('#grading-sheet')?.getAttribute('data-version')).toBe('7');
    // The row shows the sheet answered (its note as stored: none here).
    expect((row(container, 8)?.querySelector('input[name="note"]') as HTMLInputElement).value).toBe('');
  });

  it('says a refused grade in the row, in the user\'s language', async () => {
    window.history.replaceState(null, '', '/teams/grading');
    const fetchMock = fakeServer([gradingSheet()], {
      'PUT /api/v1/community/team-members/9/grade': [() => validationProblem([{ field: 'year', code: 'outside_window' }])],
    });
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<Page />, { session: { user: OFFICER }, locale: 'en' });
    await loaded();
    choose(row(container, 9)?.querySelector('select') ?? null, 'complete');
    click(row(container, 9)?.querySelector('button[type="submit"]') ?? null);
    await settle();
    const select = row(container, 9)?.querySelector('select');
    expect(select?.getAttribute('aria-invalid')).toBe('true');
    expect(text(container, '#grading-row-9-error')).toBe('Outside the grading window (1 November to 31 January)');
    expect((select as HTMLSelectElement).value).toBe('complete');
  });

  it('refuses to finalise a broken quota with the numbers, then says a sheet changed meanwhile and reloads it', async () => {
    window.history.replaceState(null, '', '/teams/grading?commune_id=12&year=2026');
    const quota = {
      field: 'grade',
      code: 'quota_exceeded',
      message: 'Too many "excellent" grades (at most 20% of those graded good or better): 2 xuất sắc; tối đa 1 = 20% của 5 người hoàn thành tốt trở lên',
    };
    const fetchMock = fakeServer([BROKEN, gradingSheet({ version: 9 })], {
      'POST /api/v1/community/gradings/finalise': [() => validationProblem([quota]), () => jsonResponse(409, CONFLICT)],
    });
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<Page />, { session: { user: OFFICER }, locale: 'en' });
    await loaded();
    expect(urls(fetchMock)).toContain('/api/v1/community/gradings?commune_id=12&year=2026');
    expect(text(container, '#grading-quota-warning')).toContain('2 excellent; at most 1 = 20% of 5 graded good or better');
    click(container.querySelector('#grading-finalise'));
    await settle();
    expect(bodyOf(fetchMock, callOf(fetchMock, 'POST', '/api/v1/community/gradings/finalise'))).toEqual({ commune_id: 12, year: 2026, version: 7 });
    expect(text(container, '#grading-refusal')).toBe(
      'The grading was not finalisedToo many "excellent" grades: 2 excellent; at most 1 = 20% of 5 graded good or better.',
    );
    expect(text(container, '#grading-status')).toBe('Draft');
    click(container.querySelector('#grading-finalise'));
    await settle();
    expect(text(container, '#grading-stale')).toContain('Someone else changed the grading sheet');
    click(container.querySelector('#grading-reload'));
    await loaded();
    expect(container.querySelector('#grading-stale')).toBeNull();
    expect(container.querySelector('#grading-sheet')?.getAttribute('data-version')).toBe('9');
    expect(container.querySelector('#grading-quota-warning')).toBeNull();
  });

  it('finalises: the sheet final and read-only, reopened with a reason asked for', async () => {
    window.history.replaceState(null, '', '/teams/grading');
    const final = gradingSheet({ status: 'final', version: 8 });
    const reason = 'Xếp loại lại theo kết luận kiểm tra của Công an tỉnh';
    const fetchMock = fakeServer([gradingSheet({ version: 7 })], {
      'POST /api/v1/community/gradings/finalise': [() => jsonResponse(200, final)],
      'POST /api/v1/community/gradings/reopen': [
        () => validationProblem([{ field: 'reason', code: 'required' }]),
        () => jsonResponse(200, gradingSheet({ version: 9, reopen_reason: reason })),
      ],
    });
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<Page />, { session: { user: OFFICER } });
    await loaded();
    click(container.querySelector('#grading-finalise'));
    await settle();
    expect(text(container, '#grading-done')).toBe('Đã chốt kết quả xếp loại năm 2026.');
    expect(text(container, '#grading-status')).toBe('Chính thức (đã chốt)');
    expect(container.textContent).toContain('Kết quả đã chốt: không sửa được, trừ khi mở lại và nêu lý do.');
    expect(container.querySelector('#grading-finalise')).toBeNull();
    for (const control of container.querySelectorAll('#grading-table select, #grading-table input, #grading-table button')) {
      expect((control as HTMLInputElement).disabled).toBe(true);
    }
    click(container.querySelector('#grading-reopen-toggle'));
    click(container.querySelector('#grading-reopen button[type="submit"]'));
    await settle();
    expect(text(container, '#grading-reopen-reason-input-error')).toBe('Bắt buộc nhập');
    type(container.querySelector('#grading-reopen-reason-input'), reason);
    click(container.querySelector('#grading-reopen button[type="submit"]'));
    await settle();
    const calls = fetchMock.mock.calls.flatMap((call, index) => (String(call[0]) === '/api/v1/community/gradings/reopen' ? [index] : []));
    expect(bodyOf(fetchMock, calls[1])).toEqual({ commune_id: 12, year: 2026, version: 8, reason });
    expect(text(container, '#grading-done')).toBe('Đã mở lại kết quả xếp loại năm 2026; bảng trở lại dự thảo.');
    expect(text(container, '#grading-status')).toBe('Dự thảo');
    expect(text(container, '#grading-reopen-reason')).toBe(reason);
    expect(container.querySelector('#grading-reopen')).toBeNull();
    expect((row(container, 8)?.querySelector('select') as HTMLSelectElement).disabled).toBe(false);
  });

  it('lets a reviewer of the province pick a commune and read its sheet, without grading', async () => {
    window.history.replaceState(null, '', '/teams/grading');
    const closed = gradingSheet({
      year: 2025,
      window_from: '2025-11-01',
      window_to: '2026-01-31',
      window_open: false,
      status: 'final',
      members: [memberGrade({ grade: 'good', note: 'Tích cực tuần tra' }), memberGrade({ member_id: 13, full_name: 'Lò Văn Hải', position: 'member', eligible: false, not_eligible: 'left', grade: 'complete' })],
    });
    const fetchMock = fakeServer([closed], {}, PROVINCE);
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<Page />, { session: { user: REVIEWER } });
    await settle();
    expect(text(container, '#grading-choose')).toBe('Chọn một xã, phường để xem bảng xếp loại của xã đó.');
    expect(urls(fetchMock).some((u) => u.startsWith('/api/v1/community/gradings'))).toBe(false);
    pickUnit(container.querySelector('#grading-commune-picker'), 'Tân', 12);
    await loaded();
    expect(window.location.search).toBe('?commune_id=12');
    expect(urls(fetchMock)).toContain('/api/v1/community/gradings?commune_id=12');
    expect(text(container, '#grading-window')).toBe('Từ 01/11/2025 đến 31/01/2026 (ngoài thời gian xếp loại)');
    expect(container.querySelector('#grading-table select')).toBeNull();
    expect(container.querySelector('#grading-finalise')).toBeNull();
    expect(container.querySelector('#grading-reopen-toggle')).toBeNull();
    expect(text(container, '#grading-read-only')).toBe('Bạn chỉ xem bảng xếp loại; cán bộ Công an xã xếp loại và chốt kết quả.');
    expect(row(container, 7)?.querySelector('td[data-label="Xếp loại"]')?.textContent).toBe('Hoàn thành tốt nhiệm vụ');
    expect(row(container, 7)?.querySelector('td[data-label="Ghi chú"]')?.textContent).toBe('Tích cực tuần tra');
    expect(row(container, 13)?.querySelector('td[data-label="Điều kiện xếp loại"]')?.textContent).toBe('Đã ra khỏi tổ');
    expect(row(container, 13)?.querySelector('td[data-label="Xếp loại"]')?.textContent).toBe('Hoàn thành nhiệm vụ (không tính)');
    expect(row(container, 7)?.querySelectorAll('td').length).toBe(5);
  });
});
