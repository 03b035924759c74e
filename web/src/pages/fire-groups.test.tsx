import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMUNE, fireGroup, household, testUser, treeUnit } from '../test/fixtures';
import { bodyOf, click, jsonResponse, renderWithApp, settle, type, validationProblem } from '../test/render';
import { useLocation } from '../lib/use-location';
import { FireGroupsPage } from './fire-groups';

const OFFICER = testUser({ id: 2, role: 'officer', unit_id: 12 });
const REVIEWER = testUser({ id: 4, role: 'reviewer', unit_id: 2 });

const VILLAGE = { ...treeUnit(20, 'residential_area', 'Khuôn Điển'), designation: 'thôn', parent_id: 12 };
const TREE = { roots: [{ ...COMMUNE, children: [VILLAGE] }] };

const GROUPS = [
  fireGroup({ last_drill_on: '2026-06-20' }),
  fireGroup({ id: 4, code: 'TT-LG-00004', name: 'Tổ liên gia Đình', members: 4, size_reason: 'Xóm chỉ có 4 hộ' }),
];
const HOUSEHOLDS = [42, 43, 44, 45].map((id) =>
  household({ id, code: `TT-HO-000${id}`, head_name: `Chủ hộ ${id}` }),
);
const COVERAGE = {
  households: 40,
  in_group: 10,
  share: 0.25,
  villages: [{ village_id: 20, village_name: 'Khuôn Điển', historic: false, households: 40, in_group: 10, share: 0.25 }],
};

const SIZE = 'Tổ liên gia ngoài số hộ quy định, cần ghi rõ lý do; số hộ quy định: 5–15';

/** The server; `creates` answers the POSTs in turn. */
function fakeServer(creates: (() => Response)[] = []) {
  let posts = 0;
  return vi.fn(async (url: string, init?: RequestInit) => {
    if (url.startsWith('/api/v1/units/tree')) return jsonResponse(200, TREE);
    if (url === '/api/v1/community/fire-groups' && init?.method === 'POST') {
      const answer = creates[Math.min(posts, creates.length - 1)];
      posts += 1;
      if (answer) return answer();
    }
    if (url.startsWith('/api/v1/community/fire-groups')) return jsonResponse(200, { items: GROUPS, total: GROUPS.length });
    if (url.startsWith('/api/v1/community/fire-coverage')) return jsonResponse(200, COVERAGE);
    if (url.startsWith('/api/v1/community/households')) return jsonResponse(200, { items: HOUSEHOLDS, total: HOUSEHOLDS.length });
    return jsonResponse(404, { type: '/problems/not-found', status: 404 });
  });
}

function Page() {
  useLocation(); // re-render on navigation, as the app does
  return <FireGroupsPage params={{}} />;
}

const posts = (fetchMock: ReturnType<typeof vi.fn>) =>
  fetchMock.mock.calls.flatMap((call, index) => ((call[1] as RequestInit | undefined)?.method === 'POST' ? [index] : []));

/** Opens the form (the officer's only village is chosen for them) and ticks households 42–45. */
async function fillForm(container: HTMLElement) {
  click(container.querySelector('#fire-group-add-toggle'));
  await settle();
  expect((container.querySelector('#fire-group-new-village') as HTMLInputElement).value).toBe('Thôn Khuôn Điển');
  type(container.querySelector('#fire-group-new-name'), 'Tổ liên gia Suối');
  for (const id of [42, 43, 44, 45]) click(container.querySelector(`#fire-group-new-households-${id}`));
  expect(container.querySelector('#fire-group-new-households-count')?.textContent).toBe('Đã chọn 4 hộ.');
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
  window.history.replaceState(null, '', '/');
});

describe('FireGroupsPage', () => {
  it('lists the groups with their village, households, last drill and the size marker, and the coverage per village', async () => {
    window.history.replaceState(null, '', '/fire-groups');
    const fetchMock = fakeServer();
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<Page />, { session: { user: OFFICER } });
    await settle();
    expect(container.querySelector('h1')?.textContent).toBe('Tổ liên gia an toàn PCCC');
    expect(container.querySelector('#fire-groups-count')?.textContent).toBe('2 tổ');
    const first = container.querySelector('tr[data-group-id="3"]');
    expect(first?.querySelector('a')?.getAttribute('href')).toBe('/fire-groups/3');
    expect(first?.textContent).toContain('TT-LG-00003');
    expect(first?.textContent).toContain('Tổ liên gia số 3');
    expect(first?.textContent).toContain('Khuôn Điển');
    expect(first?.querySelector('td[data-label="Diễn tập gần nhất"]')?.textContent).toBe('20/06/2026');
    expect(first?.querySelector('td[data-label="Số hộ"]')?.textContent).toBe('6');
    const second = container.querySelector('tr[data-group-id="4"]');
    expect(second?.getAttribute('data-size-reason')).toBe('1');
    expect(second?.querySelector('td[data-label="Số hộ"]')?.textContent).toBe('4 ⚠ ngoài số hộ quy định (có lý do)');
    expect(second?.querySelector('td[data-label="Diễn tập gần nhất"]')?.textContent).toBe('Chưa diễn tập');
    expect(container.querySelector('#fire-coverage-total')?.textContent).toBe('Toàn bộ: 10/40 hộ trong tổ liên gia (25%).');
    expect(container.querySelector('#fire-coverage-table tr[data-village-id="20"]')?.textContent).toContain('25%');
    const urls = fetchMock.mock.calls.map((call) => String(call[0]));
    expect(urls).toContain('/api/v1/community/fire-groups?page=1&page_size=50');
    expect(urls).toContain('/api/v1/community/fire-coverage');
  });

  it('names the 5–15 rule when the server warns, asks why, and sends the same households again with the reason', async () => {
    window.history.replaceState(null, '', '/fire-groups');
    const fetchMock = fakeServer([
      () => validationProblem([{ field: 'members', code: 'group_size', message: SIZE }]),
      () => jsonResponse(201, fireGroup({ id: 9, code: 'TT-LG-00009', name: 'Tổ liên gia Suối', members: 4, size_reason: 'Xóm chỉ có 4 hộ' })),
    ]);
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<Page />, { session: { user: OFFICER } });
    await settle();
    await fillForm(container);
    await settle();
    expect(String(fetchMock.mock.calls.find((call) => String(call[0]).startsWith('/api/v1/community/households'))?.[0])).toBe(
      '/api/v1/community/households?unit_id=20&page_size=500',
    );
    expect(container.querySelector('#fire-group-new-reason')).toBeNull();
    click(container.querySelector('#fire-group-form button[type="submit"]'));
    await settle();

    const first = bodyOf(fetchMock, posts(fetchMock)[0]) as Record<string, unknown>;
    expect(first).toEqual({
      village_id: 20,
      name: 'Tổ liên gia Suối',
      founded_on: null,
      note: '',
      household_ids: [42, 43, 44, 45],
    });
    const warning = container.querySelector('#fire-group-new-size')?.textContent ?? '';
    expect(warning).toContain('Số hộ ngoài quy định');
    expect(warning).toContain('5–15');
    // Sent again without a reason: refused here, the warning stays.
    click(container.querySelector('#fire-group-form button[type="submit"]'));
    await settle();
    expect(posts(fetchMock)).toHaveLength(1);
    expect(container.querySelector('#fire-group-new-reason-error')?.textContent).toBe('Bắt buộc nhập');
    expect(container.querySelector('#fire-group-new-size')?.textContent).toContain('5–15');

    type(container.querySelector('#fire-group-new-reason'), 'Xóm chỉ có 4 hộ');
    click(container.querySelector('#fire-group-form button[type="submit"]'));
    await settle();
    await settle();
    const second = bodyOf(fetchMock, posts(fetchMock)[1]) as Record<string, unknown>;
    expect(second).toMatchObject({ household_ids: [42, 43, 44, 45], size_reason: 'Xóm chỉ có 4 hộ' });
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Đã thêm tổ TT-LG-00009 (Tổ liên gia Suối).');
    expect(container.querySelector('#fire-group-form')).toBeNull();
  });

  it('names the other group a household is already in, in the server\'s words', async () => {
    window.history.replaceState(null, '', '/fire-groups');
    const fetchMock = fakeServer([
      () =>
        validationProblem([
          {
            field: 'household_ids',
            code: 'in_other_group',
            message: 'Hộ đã thuộc tổ liên gia khác: TT-HO-00043 → TT-LG-00003 Tổ liên gia số 3',
          },
          { field: 'members', code: 'group_size', message: SIZE },
        ]),
    ]);
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<Page />, { session: { user: OFFICER } });
    await settle();
    await fillForm(container);
    await settle();
    click(container.querySelector('#fire-group-form button[type="submit"]'));
    await settle();
    const taken = container.querySelector('#fire-group-new-taken')?.textContent ?? '';
    expect(taken).toContain('Có hộ đã thuộc tổ liên gia khác');
    expect(taken).toContain('TT-HO-00043 → TT-LG-00003 Tổ liên gia số 3');
    expect(container.querySelector('#fire-group-new-size')?.textContent).toContain('5–15');
  });

  it('puts the filters in the address and asks the server with them', async () => {
    window.history.replaceState(null, '', '/fire-groups');
    const fetchMock = fakeServer();
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<Page />, { session: { user: OFFICER } });
    await settle();
    click(container.querySelector('#fire-groups-dissolved'));
    await settle();
    type(container.querySelector('#fire-groups-q'), 'dinh');
    click(container.querySelector('form[role="search"] button[type="submit"]'));
    await settle();
    expect(window.location.search).toBe('?q=dinh&dissolved=1');
    const urls = fetchMock.mock.calls.map((call) => String(call[0]));
    expect(urls).toContain('/api/v1/community/fire-groups?q=dinh&include_dissolved=1&page=1&page_size=50');
  });

  it('shows a reviewer the list and the coverage without the form', async () => {
    window.history.replaceState(null, '', '/fire-groups');
    vi.stubGlobal('fetch', fakeServer());
    const { container } = renderWithApp(<Page />, { session: { user: REVIEWER } });
    await settle();
    expect(container.querySelector('tr[data-group-id="3"]')).not.toBeNull();
    expect(container.querySelector('#fire-coverage-table')).not.toBeNull();
    expect(container.querySelector('#fire-group-add-toggle')).toBeNull();
  });
});
