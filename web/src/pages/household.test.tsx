import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMUNE, householdDetail, testUser, treeUnit } from '../test/fixtures';
import { bodyOf, click, jsonResponse, renderWithApp, settle, type } from '../test/render';
import type { HouseholdDetail } from '../lib/schema';
import { HouseholdPage } from './household';

const OFFICER = testUser({ id: 2, role: 'officer', unit_id: 12 });
const TEAM = testUser({ id: 3, role: 'team_member', unit_id: 20 });
const REVIEWER = testUser({ id: 4, role: 'reviewer', unit_id: 2 });

const VILLAGE = { ...treeUnit(20, 'residential_area', 'Khuôn Điển'), designation: 'thôn', parent_id: 12 };
const TREE = { roots: [{ ...COMMUNE, children: [VILLAGE] }] };

const REGISTRATION = { year: 2027, registered_on: '2026-11-15', signed: true, note: '', version: 1 };

const CONFLICT = { type: '/problems/conflict', status: 409, title: 'Xung đột dữ liệu' };

/** The household's answers in turn (the last one again after that) and the writes' answers. */
function fakeServer(answers: HouseholdDetail[], writes: Record<string, () => Response> = {}) {
  let reads = 0;
  return vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    if (url.startsWith('/api/v1/units/tree')) return jsonResponse(200, TREE);
    const write = writes[`${method} ${url.split('?')[0]}`];
    if (write) return write();
    if (url === '/api/v1/community/households/42' && method === 'GET') {
      const answer = answers[Math.min(reads, answers.length - 1)];
      reads += 1;
      return jsonResponse(200, answer);
    }
    return jsonResponse(404, { type: '/problems/not-found', status: 404 });
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('HouseholdPage', () => {
  it('shows the household, and after a 409 on a change loads it again and says someone else changed it', async () => {
    const first = householdDetail();
    const theirs = householdDetail({ head_name: 'Hoàng Văn Điển', version: 2 });
    const fetchMock = fakeServer([first, theirs], {
      'PUT /api/v1/community/households/42': () => jsonResponse(409, CONFLICT),
    });
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<HouseholdPage params={{ id: '42' }} />, { session: { user: OFFICER } });
    await settle();
    expect(container.querySelector('h1')?.textContent).toBe('Hộ Hoàng Văn Khuôn (TT-HO-00042)');
    const facts = container.querySelector('#household-facts')?.textContent ?? '';
    expect(facts).toContain('Khuôn Điển');
    expect(facts).toContain('ngày 20/11/2026, Trực tiếp với cán bộ Công an xã, mẫu: M01');
    expect(facts).toContain('Đã lưu (được mã hóa)');

    click(container.querySelector('#household-edit-toggle'));
    await settle();
    const head = container.querySelector('#household-edit-head') as HTMLInputElement;
    expect(head.value).toBe('Hoàng Văn Khuôn');
    type(head, 'Hoàng Văn Khuôn Mới');
    click(container.querySelector('#household-form button[type="submit"]'));
    await settle();
    await settle();

    const put = fetchMock.mock.calls.findIndex((call) => (call[1] as RequestInit | undefined)?.method === 'PUT');
    const body = bodyOf(fetchMock, put) as Record<string, unknown>;
    expect(body).toMatchObject({ version: 1, head_name: 'Hoàng Văn Khuôn Mới', village_id: 20 });
    // No phone typed: the stored phone and consent are kept (left out).
    expect(body).not.toHaveProperty('phone');
    expect(body).not.toHaveProperty('consent');
    expect(container.querySelector('[role="alert"]')?.textContent).toContain(
      'Hộ gia đình đã được người khác sửa trong lúc bạn sửa.',
    );
    // The page shows the household as it is now, and the form starts over from it.
    expect(container.querySelector('h1')?.textContent).toBe('Hộ Hoàng Văn Điển (TT-HO-00042)');
    expect((container.querySelector('#household-edit-head') as HTMLInputElement).value).toBe('Hoàng Văn Điển');
  });

  it('says a registration sent twice was stored once ("gửi trùng")', async () => {
    const detail = householdDetail({ registration: REGISTRATION, registrations: [REGISTRATION] });
    const fetchMock = fakeServer([detail], {
      'PUT /api/v1/community/households/42/registrations/2027': () =>
        jsonResponse(200, { registration: REGISTRATION, outcome: 'replayed' }),
    });
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<HouseholdPage params={{ id: '42' }} />, { session: { user: TEAM } });
    await settle();
    await settle();
    // The year is the server's (the household's registration_year), not worked out here nor asked again.
    expect(fetchMock.mock.calls.map((call) => String(call[0]))).toEqual(['/api/v1/community/households/42']);
    expect(container.querySelector('#household-tick-heading')?.textContent).toBe('Ghi nhận đăng ký năm 2027');
    expect((container.querySelector('#household-tick-day') as HTMLInputElement).value).toBe('2026-11-15');
    expect((container.querySelector('#household-tick-signed') as HTMLInputElement).checked).toBe(true);
    expect(container.querySelector('#household-registrations tr[data-year="2027"]')?.textContent).toContain('15/11/2026');
    // A team member neither reads the phone nor keeps the sheet.
    expect(container.querySelector('#household-phone')).toBeNull();

    click(container.querySelector('#household-tick button[type="submit"]'));
    await settle();
    const put = fetchMock.mock.calls.findIndex((call) => (call[1] as RequestInit | undefined)?.method === 'PUT');
    expect(bodyOf(fetchMock, put)).toEqual({ registered_on: '2026-11-15', signed: true, note: '', base_version: 1 });
    expect(container.querySelector('[role="status"]')?.textContent).toBe(
      'Đã có (gửi trùng): đăng ký năm 2027 của hộ TT-HO-00042 đã được lưu đúng như vậy, không ghi thêm.',
    );
  });

  it('shows the server\'s registration after a conflict and lets the member keep it or send theirs', async () => {
    const before = householdDetail();
    const theirs = { ...REGISTRATION, registered_on: '2026-11-10', signed: false, note: 'Trưởng thôn ghi', version: 1 };
    const after = householdDetail({ registration: theirs, registrations: [theirs] });
    const fetchMock = fakeServer([before, after], {
      'PUT /api/v1/community/households/42/registrations/2027': () => jsonResponse(409, CONFLICT),
    });
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<HouseholdPage params={{ id: '42' }} />, { session: { user: OFFICER } });
    await settle();
    await settle();
    expect(container.querySelector('#household-tick p')?.textContent).toBe('Hộ chưa đăng ký năm 2027.');
    click(container.querySelector('#household-tick button[type="submit"]'));
    await settle();
    await settle();
    const put = fetchMock.mock.calls.findIndex((call) => (call[1] as RequestInit | undefined)?.method === 'PUT');
    expect((bodyOf(fetchMock, put) as { base_version: number }).base_version).toBe(0);
    const conflict = container.querySelector('#household-tick-conflict')?.textContent ?? '';
    expect(conflict).toContain('Đăng ký năm 2027 vừa được người khác ghi nhận hoặc sửa');
    expect(conflict).toContain('Bản trên máy chủ: ngày 10/11/2026, đã ký: Không, ghi chú: Trưởng thôn ghi.');
    expect(container.querySelector('#household-tick button[type="submit"]')?.textContent).toBe('Gửi bản của tôi');
    click(container.querySelector('#household-tick-keep'));
    expect((container.querySelector('#household-tick-day') as HTMLInputElement).value).toBe('2026-11-10');
    expect((container.querySelector('#household-tick-note') as HTMLInputElement).value).toBe('Trưởng thôn ghi');
    expect(container.querySelector('#household-tick-conflict')).toBeNull();
  });

  it('shows an officer the phone once a reason is given', async () => {
    const fetchMock = fakeServer([householdDetail()], {
      'GET /api/v1/community/households/42/phone': () => jsonResponse(200, { phone: '+84912345678' }),
    });
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<HouseholdPage params={{ id: '42' }} />, { session: { user: OFFICER } });
    await settle();
    click(container.querySelector('#household-phone button[type="submit"]'));
    expect(container.querySelector('#household-phone-reason-error')?.textContent).toBe('Bắt buộc nhập');
    expect(fetchMock.mock.calls.some((call) => String(call[0]).includes('/phone'))).toBe(false);
    type(container.querySelector('#household-phone-reason'), 'Xác minh tin báo số 12');
    click(container.querySelector('#household-phone button[type="submit"]'));
    await settle();
    const urls = fetchMock.mock.calls.map((call) => String(call[0]));
    expect(urls).toContain('/api/v1/community/households/42/phone?reason=X%C3%A1c+minh+tin+b%C3%A1o+s%E1%BB%91+12');
    expect(container.querySelector('#household-phone-number a')?.getAttribute('href')).toBe('tel:+84912345678');
  });

  it('lets a reviewer read the household only', async () => {
    const fetchMock = fakeServer([householdDetail({ registration: REGISTRATION, registrations: [REGISTRATION] })]);
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<HouseholdPage params={{ id: '42' }} />, { session: { user: REVIEWER } });
    await settle();
    expect(container.querySelector('#household-facts')).not.toBeNull();
    expect(container.querySelector('#household-registrations')).not.toBeNull();
    expect(container.querySelector('form')).toBeNull();
    expect(container.querySelector('#household-edit-toggle')).toBeNull();
    expect(fetchMock.mock.calls.map((call) => String(call[0]))).toEqual(['/api/v1/community/households/42']);
  });

  it('ticks the registration year the server names, not the calendar year', async () => {
    // From 1 November the server counts the next year: its registration_year says which.
    const detail = householdDetail({ registration_year: 2028, registrations: [REGISTRATION] });
    const fetchMock = fakeServer([detail], {
      'PUT /api/v1/community/households/42/registrations/2028': () =>
        jsonResponse(201, { registration: { ...REGISTRATION, year: 2028, registered_on: '2027-11-02' }, outcome: 'inserted' }),
    });
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<HouseholdPage params={{ id: '42' }} />, { session: { user: TEAM } });
    await settle();
    expect(container.querySelector('#household-tick-heading')?.textContent).toBe('Ghi nhận đăng ký năm 2028');
    // 2027's registration is another year's: this one is still to be ticked, from version 0.
    expect(container.querySelector('#household-tick p')?.textContent).toBe('Hộ chưa đăng ký năm 2028.');
    type(container.querySelector('#household-tick-day'), '2027-11-02');
    click(container.querySelector('#household-tick button[type="submit"]'));
    await settle();
    const put = fetchMock.mock.calls.findIndex((call) => (call[1] as RequestInit | undefined)?.method === 'PUT');
    expect(String(fetchMock.mock.calls[put][0])).toBe('/api/v1/community/households/42/registrations/2028');
    expect((bodyOf(fetchMock, put) as { base_version: number }).base_version).toBe(0);
  });
});
