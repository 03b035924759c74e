import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extinguisher, fireDue, fireGroupDetail, fireHouse, household, testUser } from '../test/fixtures';
import { bodyOf, choose, click, jsonResponse, renderWithApp, settle, type, validationProblem } from '../test/render';
import type { CommunityFile, FireIncident } from '../lib/api';
import type { Drill, FireGroupDetail } from '../lib/schema';
import { FireGroupPage } from './fire-group';

const OFFICER = testUser({ id: 2, role: 'officer', unit_id: 12 });
const TEAM = testUser({ id: 3, role: 'team_member', unit_id: 20 });
const REVIEWER = testUser({ id: 4, role: 'reviewer', unit_id: 2 });

const CONFLICT = { type: '/problems/conflict', status: 409, title: 'Xung đột dữ liệu' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const DRILL: Drill = {
  id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  group_id: 3,
  held_on: '2026-06-20',
  scenario: 'Cháy bếp nhà ông Khuôn',
  participants: 14,
  observers: 'Công an xã',
  evaluation: 'good',
  evaluation_note: '',
  version: 1,
};

const PHOTO: CommunityFile = {
  id: 12,
  name: 'IMG_2041.jpg',
  mime: 'image/jpeg',
  size: 184320,
  sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
};

const INCIDENT: FireIncident = {
  id: 4,
  group_id: 3,
  occurred_at: '2026-06-02T01:15:00.000Z',
  place: 'Kho rơm nhà ông Hản',
  kind: 'fire',
  description: 'Cháy kho rơm',
  damage: 'Mất 2 tấn rơm',
  response: 'Tổ dập bằng nước giếng',
};

/** A drill's photos and the group's incidents as the server holds them (a test changes them). */
interface Records {
  photos?: Record<string, CommunityFile[]>;
  incidents?: FireIncident[];
}

/** The group's answers in turn (the last one again after that), and the other requests' answers. */
function fakeServer(
  answers: FireGroupDetail[],
  writes: Record<string, (init: RequestInit) => Response> = {},
  drills: Drill[] = [],
  records: Records = {},
) {
  let reads = 0;
  return vi.fn(async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const path = url.split('?')[0] ?? '';
    const drillPath = path.startsWith('/api/v1/community/drills/') && !path.endsWith('/photos');
    const write = writes[`${method} ${path}`] ?? (drillPath ? writes[`${method} drill`] : undefined);
    if (write) return write(init);
    const photos = /^\/api\/v1\/community\/drills\/([0-9a-f-]+)\/photos$/.exec(path);
    if (photos && method === 'GET') return jsonResponse(200, { items: records.photos?.[photos[1] ?? ''] ?? [] });
    if (url === '/api/v1/community/fire-groups/3/incidents' && method === 'GET') return jsonResponse(200, { items: records.incidents ?? [] });
    if (url === '/api/v1/community/fire-groups/3' && method === 'GET') {
      const answer = answers[Math.min(reads, answers.length - 1)];
      reads += 1;
      return jsonResponse(200, answer);
    }
    if (url === '/api/v1/community/fire-groups/3/drills') return jsonResponse(200, { items: drills });
    if (url === '/api/v1/community/fire-due?unit_id=20')
      return jsonResponse(200, fireDue({
        expiring: {
          total: 1,
          items: [{ id: 7, household_id: 42, household_code: 'TT-HO-00042', head_name: 'Hoàng Văn Khuôn', group_id: 3, kind: 'abc_powder', capacity_kg: 4, count: 1, expires_on: '2026-12-12' }],
        },
      }));
    if (url.startsWith('/api/v1/community/households?')) {
      return jsonResponse(200, { items: [household(), household({ id: 43, code: 'TT-HO-00043', head_name: 'Nông Thị Hản' })], total: 2 });
    }
    return jsonResponse(404, { type: '/problems/not-found', status: 404 });
  });
}

const callsOf = (fetchMock: ReturnType<typeof vi.fn>, method: string) =>
  fetchMock.mock.calls.flatMap((call, index) => ((call[1] as RequestInit | undefined)?.method === method ? [index] : []));

/** Files chosen in a file input, as a person would. */
function chooseFiles(input: Element | null, files: File[]) {
  if (!(input instanceof HTMLInputElement)) throw new Error('not an input');
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('FireGroupPage', () => {
  it('shows the group with each house\'s extinguishers, marked as the server\'s due lists have them', async () => {
    const detail = fireGroupDetail({
      houses: [
        fireHouse({
          extinguishers: [extinguisher(), extinguisher({ id: 8, expires_on: '2030-01-01', kind: 'co2', capacity_kg: 3, count: 2 })],
          gear: { household_id: 42, forcing_tools: 'Búa, xà beng', forcing_tool_count: 2, bell: true, push_buttons: 1, interlinked: false, checked_on: null },
        }),
        fireHouse({ household_id: 43, code: 'TT-HO-00043', head_name: 'Nông Thị Hản', extinguishers: [] }),
      ],
      points: [{ id: 5, group_id: 3, name: 'Bể nước đầu xóm', lat: 21.8123, lon: 105.2456, equipment: 'Máy bơm', note: '' }],
    });
    const fetchMock = fakeServer([detail], {}, [DRILL]);
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<FireGroupPage params={{ id: '3' }} />, { session: { user: OFFICER } });
    await settle();
    await settle();
    expect(container.querySelector('h1')?.textContent).toBe('Tổ liên gia số 3 (TT-LG-00003)');
    expect(container.querySelector('#fire-group-facts')?.textContent).toContain('Khuôn Điển');
    const soon = container.querySelector('tr[data-extinguisher-id="7"]');
    expect(soon?.querySelector('td[data-label="Hạn sử dụng"]')?.textContent).toBe('12/12/2026 ⚠ Sắp hết hạn');
    const later = container.querySelector('tr[data-extinguisher-id="8"]');
    expect(later?.querySelector('td[data-label="Hạn sử dụng"]')?.textContent).toBe('01/01/2030');
    expect(later?.textContent).toContain('Bình khí CO2');
    expect(container.querySelector('#fire-house-42-gear')?.textContent).toContain('Búa, xà beng (2)');
    expect(container.querySelector('#fire-house-43-none')?.textContent).toBe('Hộ chưa có bình chữa cháy.');
    expect(container.querySelector('#fire-points li[data-point-id="5"]')?.textContent).toContain('21.8123, 105.2456');
    expect(container.querySelector(`#fire-drills-table tr[data-drill-id="${DRILL.id}"]`)?.textContent).toContain('Cháy bếp nhà ông Khuôn');
  });

  it('loads the group again after a 409 on a change and says someone else changed it', async () => {
    const first = fireGroupDetail();
    const theirs = fireGroupDetail({ name: 'Xóm Đình', version: 2 });
    const fetchMock = fakeServer([first, theirs], { 'PUT /api/v1/community/fire-groups/3': () => jsonResponse(409, CONFLICT) });
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<FireGroupPage params={{ id: '3' }} />, { session: { user: OFFICER } });
    await settle();
    click(container.querySelector('#fire-group-edit-toggle'));
    const name = container.querySelector('#fire-group-edit-name') as HTMLInputElement;
    expect(name.value).toBe('Tổ liên gia số 3');
    type(name, 'Tổ liên gia Suối');
    choose(container.querySelector('#fire-group-edit-leader'), '42');
    click(container.querySelector('#fire-group-edit button[type="submit"]'));
    await settle();
    await settle();
    const body = bodyOf(fetchMock, callsOf(fetchMock, 'PUT')[0]) as Record<string, unknown>;
    expect(body).toMatchObject({ version: 1, village_id: 20, name: 'Tổ liên gia Suối', leader_household_id: 42 });
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('Tổ liên gia đã được người khác sửa trong lúc bạn sửa.');
    expect(container.querySelector('h1')?.textContent).toBe('Tổ liên gia Xóm Đình (TT-LG-00003)');
    expect((container.querySelector('#fire-group-edit-name') as HTMLInputElement).value).toBe('Xóm Đình');
  });

  it('sends the member list with the group\'s version, shows the other group named and asks why when outside 5–15', async () => {
    const fetchMock = fakeServer([fireGroupDetail()], {
      'PUT /api/v1/community/fire-groups/3/members': () =>
        validationProblem([
          { field: 'household_ids', code: 'in_other_group', message: 'Hộ đã thuộc tổ liên gia khác: TT-HO-00043 → TT-LG-00001 Tổ liên gia số 1' },
          { field: 'members', code: 'group_size', message: 'Tổ liên gia ngoài số hộ quy định, cần ghi rõ lý do; số hộ quy định: 5–15' },
        ]),
    });
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<FireGroupPage params={{ id: '3' }} />, { session: { user: TEAM } });
    await settle();
    click(container.querySelector('#fire-members-toggle'));
    await settle();
    // The members are ticked; another household of the village joins.
    expect((container.querySelector('#fire-members-households-42') as HTMLInputElement).checked).toBe(true);
    click(container.querySelector('#fire-members-households-43'));
    click(container.querySelector('#fire-members button[type="submit"]'));
    await settle();
    expect(bodyOf(fetchMock, callsOf(fetchMock, 'PUT')[0])).toEqual({ household_ids: [42, 43], version: 1 });
    expect(container.querySelector('#fire-members-taken')?.textContent).toContain('TT-HO-00043 → TT-LG-00001 Tổ liên gia số 1');
    expect(container.querySelector('#fire-members-size')?.textContent).toContain('5–15');
    type(container.querySelector('#fire-members-reason'), 'Hai hộ ở tách xa');
    click(container.querySelector('#fire-members button[type="submit"]'));
    await settle();
    expect(bodyOf(fetchMock, callsOf(fetchMock, 'PUT')[1])).toEqual({ household_ids: [42, 43], size_reason: 'Hai hộ ở tách xa', version: 1 });
  });

  it('records a drill under the id made when the form opened, and says when it was sent twice ("gửi trùng")', async () => {
    const fetchMock = fakeServer([fireGroupDetail()], {
      'PUT drill': (init) => {
        const body = JSON.parse(String(init.body)) as Drill;
        return jsonResponse(200, { drill: { ...DRILL, ...body, version: 1 }, outcome: 'replayed' });
      },
    });
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<FireGroupPage params={{ id: '3' }} />, { session: { user: TEAM } });
    await settle(); // the group, then its drills
    await settle();
    expect(container.querySelector('#fire-drills-none')?.textContent).toBe('Tổ chưa có buổi diễn tập nào được ghi nhận.');
    click(container.querySelector('#fire-drill-toggle'));
    const id = container.querySelector('#fire-drill')?.getAttribute('data-drill-id') ?? '';
    expect(id).toMatch(UUID);
    type(container.querySelector('#fire-drill-held'), '2026-11-30');
    type(container.querySelector('#fire-drill-scenario'), 'Cháy bếp nhà ông Khuôn');
    type(container.querySelector('#fire-drill-participants'), '14');
    choose(container.querySelector('#fire-drill-evaluation'), 'fair');
    click(container.querySelector('#fire-drill button[type="submit"]'));
    await settle();
    const put = callsOf(fetchMock, 'PUT')[0] ?? -1;
    expect(String(fetchMock.mock.calls[put]?.[0])).toBe(`/api/v1/community/drills/${id}`);
    expect(bodyOf(fetchMock, put)).toEqual({
      group_id: 3,
      held_on: '2026-11-30',
      scenario: 'Cháy bếp nhà ông Khuôn',
      participants: 14,
      observers: '',
      evaluation: 'fair',
      evaluation_note: '',
      base_version: 0,
    });
    expect(container.querySelector('[role="status"]')?.textContent).toBe(
      'Đã có (gửi trùng): buổi diễn tập ngày 30/11/2026 của tổ TT-LG-00003 đã được lưu đúng như vậy, không ghi thêm.',
    );
    // A new drill gets a new id.
    click(container.querySelector('#fire-drill-toggle'));
    expect(container.querySelector('#fire-drill')?.getAttribute('data-drill-id')).not.toBe(id);
  });

  it('shows the server\'s drill after a conflict and sends over it with its version', async () => {
    let puts = 0;
    const fetchMock = fakeServer([fireGroupDetail()], {
      'PUT drill': () => (puts++ === 0 ? jsonResponse(409, CONFLICT) : jsonResponse(200, { drill: { ...DRILL, version: 2 }, outcome: 'updated' })),
      'GET drill': () => jsonResponse(200, { ...DRILL, scenario: 'Cháy kho rơm', participants: 9 }),
    });
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<FireGroupPage params={{ id: '3' }} />, { session: { user: OFFICER } });
    await settle();
    click(container.querySelector('#fire-drill-toggle'));
    type(container.querySelector('#fire-drill-scenario'), 'Cháy bếp');
    click(container.querySelector('#fire-drill button[type="submit"]'));
    await settle();
    await settle();
    const conflict = container.querySelector('#fire-drill-conflict')?.textContent ?? '';
    expect(conflict).toContain('Buổi diễn tập này vừa được người khác ghi nhận hoặc sửa');
    expect(conflict).toContain('tình huống: Cháy kho rơm, 9 người tham gia, đánh giá: Tốt');
    expect(container.querySelector('#fire-drill button[type="submit"]')?.textContent).toBe('Gửi bản của tôi');
    click(container.querySelector('#fire-drill button[type="submit"]'));
    await settle();
    expect((bodyOf(fetchMock, callsOf(fetchMock, 'PUT')[1]) as { base_version: number }).base_version).toBe(1);
    expect(container.querySelector('[role="status"]')?.textContent).toContain('Đã ghi nhận thay đổi buổi diễn tập ngày 20/06/2026');
  });

  it('asks to confirm a point outside the commune and sends it again with confirm_location', async () => {
    let posts = 0;
    const fetchMock = fakeServer([fireGroupDetail()], {
      'POST /api/v1/community/fire-groups/3/points': () =>
        posts++ === 0
          ? validationProblem([{ field: 'point', code: 'outside_commune', message: 'Điểm nằm ngoài địa giới xã đã chọn (xác nhận để vẫn lưu); điểm này thuộc: Xã Kim Quan' }])
          : jsonResponse(201, { id: 6, group_id: 3, name: 'Bể nước', lat: 21.9, lon: 105.3, equipment: '', note: '' }),
    });
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<FireGroupPage params={{ id: '3' }} />, { session: { user: OFFICER } });
    await settle();
    click(container.querySelector('#fire-point-add'));
    type(container.querySelector('#fire-point-new-name'), 'Bể nước');
    type(container.querySelector('#fire-point-new-point'), '21.9, 105.3');
    click(container.querySelector('#fire-point-form button[type="submit"]'));
    await settle();
    expect(container.querySelector('#fire-point-warning')?.textContent).toContain('điểm này thuộc: Xã Kim Quan');
    click(container.querySelector('#fire-point-confirm'));
    click(container.querySelector('#fire-point-form button[type="submit"]'));
    await settle();
    const [first, second] = callsOf(fetchMock, 'POST');
    expect(bodyOf(fetchMock, first)).toMatchObject({ name: 'Bể nước', point: '21.9, 105.3', confirm_location: false });
    expect(bodyOf(fetchMock, second)).toMatchObject({ confirm_location: true });
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Đã lưu điểm chữa cháy Bể nước.');
  });

  it('lets a reviewer read the group only', async () => {
    const fetchMock = fakeServer([fireGroupDetail()], {}, [DRILL], { photos: { [DRILL.id]: [PHOTO] }, incidents: [INCIDENT] });
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<FireGroupPage params={{ id: '3' }} />, { session: { user: REVIEWER } });
    await settle(); // the group, then its drills, then their photos
    await settle();
    await settle();
    expect(container.querySelector('#fire-group-facts')).not.toBeNull();
    expect(container.querySelector('#fire-drills-table')).not.toBeNull();
    expect(container.querySelector(`#fire-drill-${DRILL.id}-photos img`)?.getAttribute('src')).toBe('/api/v1/community/files/12');
    expect(container.querySelector('#fire-incidents-table tr[data-incident-id="4"]')).not.toBeNull();
    expect(container.querySelector('button')).toBeNull();
    expect(container.querySelector('form')).toBeNull();
  });

  it('shows each drill\'s photos and uploads one more, the file as chosen; a photo over 4 MB is not sent', async () => {
    const photos: Record<string, CommunityFile[]> = { [DRILL.id]: [PHOTO] };
    const added: CommunityFile = { ...PHOTO, id: 13, name: 'dien-tap.jpg', size: 2048 };
    const fetchMock = fakeServer(
      [fireGroupDetail()],
      {
        [`POST /api/v1/community/drills/${DRILL.id}/photos`]: () => {
          photos[DRILL.id] = [PHOTO, added];
          return jsonResponse(201, added);
        },
      },
      [DRILL],
      { photos },
    );
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<FireGroupPage params={{ id: '3' }} />, { session: { user: TEAM } });
    await settle(); // the group, then its drills, then their photos
    await settle();
    await settle();
    const cell = `#fire-drill-${DRILL.id}-photos`;
    const image = container.querySelector(`${cell} li[data-file-id="12"] img`);
    expect(image?.getAttribute('src')).toBe('/api/v1/community/files/12');
    expect(image?.getAttribute('alt')).toBe('Ảnh 1 buổi diễn tập ngày 20/06/2026');
    expect(image?.closest('a')?.getAttribute('href')).toBe('/api/v1/community/files/12');
    const input = container.querySelector(`#fire-drill-${DRILL.id}-photo`);
    expect(container.querySelector(`label[for="fire-drill-${DRILL.id}-photo"]`)?.textContent).toContain('Thêm ảnh buổi diễn tập ngày 20/06/2026');
    expect(input?.getAttribute('accept')).toBe('image/jpeg,image/png,image/webp');

    // Too large: said at once, not sent.
    chooseFiles(input, [new File([new Uint8Array(4 * 1024 * 1024 + 1)], 'lon.jpg', { type: 'image/jpeg' })]);
    click(container.querySelector(`#fire-drill-${DRILL.id}-photo-form button[type="submit"]`));
    await settle();
    expect(container.querySelector(`#fire-drill-${DRILL.id}-photo-error`)?.textContent).toContain('Ảnh lớn hơn 4 MB');
    expect(callsOf(fetchMock, 'POST')).toEqual([]);

    const photo = new File(['\xff\xd8\xff'], 'dien-tap.jpg', { type: 'image/jpeg' });
    chooseFiles(input, [photo]);
    click(container.querySelector(`#fire-drill-${DRILL.id}-photo-form button[type="submit"]`));
    await settle();
    await settle();
    const post = callsOf(fetchMock, 'POST')[0] ?? -1;
    expect(String(fetchMock.mock.calls[post]?.[0])).toBe(`/api/v1/community/drills/${DRILL.id}/photos`);
    const form = (fetchMock.mock.calls[post]?.[1] as RequestInit).body as FormData;
    expect(form).toBeInstanceOf(FormData);
    expect((form.get('file') as File).name).toBe('dien-tap.jpg');
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Đã lưu ảnh dien-tap.jpg của buổi diễn tập ngày 20/06/2026.');
    expect([...container.querySelectorAll(`${cell} img`)].map((i) => i.getAttribute('alt'))).toEqual([
      'Ảnh 1 buổi diễn tập ngày 20/06/2026',
      'Ảnh 2 buổi diễn tập ngày 20/06/2026',
    ]);
  });

  it('records an incident, says a refusal in Vietnamese, and lists it first once recorded', async () => {
    const incidents: FireIncident[] = [INCIDENT];
    let posts = 0;
    const fetchMock = fakeServer([fireGroupDetail()], {
      'POST /api/v1/community/fire-groups/3/incidents': (init) => {
        if (posts++ === 0) return validationProblem([{ field: 'occurred_at', code: 'in_future' }]);
        const body = JSON.parse(String(init.body)) as FireIncident;
        const saved = { ...INCIDENT, ...body, id: 5, occurred_at: '2026-11-28T12:40:00.000Z' };
        incidents.unshift(saved);
        return jsonResponse(201, saved);
      },
    }, [], { incidents });
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<FireGroupPage params={{ id: '3' }} />, { session: { user: OFFICER } });
    await settle();
    await settle();
    expect(container.querySelector('#fire-incidents-heading')?.textContent).toBe('Cháy, sự cố đã tham gia');
    expect(container.querySelector('#fire-incidents-table tr[data-incident-id="4"]')?.textContent).toContain('Cháy kho rơm');
    click(container.querySelector('#fire-incident-toggle'));
    type(container.querySelector('#fire-incident-at'), '2026-11-28T19:40');
    choose(container.querySelector('#fire-incident-kind'), 'rescue');
    type(container.querySelector('#fire-incident-place'), 'Nhà ông Khuôn, xóm Đình');
    type(container.querySelector('#fire-incident-description'), 'Cứu người mắc kẹt trên gác');
    click(container.querySelector('#fire-incident button[type="submit"]'));
    await settle();
    expect(bodyOf(fetchMock, callsOf(fetchMock, 'POST')[0])).toEqual({
      occurred_at: '2026-11-28T19:40',
      kind: 'rescue',
      place: 'Nhà ông Khuôn, xóm Đình',
      description: 'Cứu người mắc kẹt trên gác',
      damage: '',
      response: '',
    });
    expect(container.querySelector('#fire-incident [role="alert"]')?.textContent).toContain('Thời điểm xảy ra: Thời điểm ở tương lai');
    expect(container.querySelector('#fire-incident-at-error')?.textContent).toContain('Thời điểm ở tương lai');
    expect(container.querySelector('#fire-incidents-table tr[data-incident-id="5"]')).toBeNull();

    click(container.querySelector('#fire-incident button[type="submit"]'));
    await settle();
    await settle();
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Đã ghi nhận vụ việc lúc 28/11/2026 19:40 của tổ TT-LG-00003.');
    expect(container.querySelector('#fire-incident')).toBeNull();
    const rows = [...container.querySelectorAll('#fire-incidents-table tbody tr')].map((r) => r.getAttribute('data-incident-id'));
    expect(rows).toEqual(['5', '4']);
    const first = container.querySelector('#fire-incidents-table tr[data-incident-id="5"]');
    expect(first?.querySelector('td[data-label="Thời điểm xảy ra"]')?.textContent).toBe('28/11/2026 19:40');
    expect(first?.querySelector('td[data-label="Loại vụ việc"]')?.textContent).toBe('Cứu nạn, cứu hộ');
  });
});
