import { afterEach, describe, expect, it, vi } from 'vitest';
import { CAMERA_TYPE, COMMUNE, directoryUnit, modelSiteDetail, modelType, testUser, treeUnit } from '../test/fixtures';
import { bodyOf, choose, click, findUnit, jsonResponse, pickUnit, renderWithApp, settle, type } from '../test/render';
import { useLocation } from '../lib/use-location';
import { ModelSitesPage } from './model-sites';

const OFFICER = testUser({ id: 2, role: 'officer', unit_id: 12 });
const REVIEWER = testUser({ id: 4, role: 'reviewer', unit_id: 2 });
const village = (id: number, name: string) => ({ ...treeUnit(id, 'residential_area', name), designation: 'thôn', parent_id: 12 });
const TREE = { roots: [{ ...COMMUNE, children: [village(20, 'Khuôn Điển'), village(21, 'Làng Hản')] }] };
const TWO_Q = modelType({ id: 1, code: '2Q2TC', name: '2 quản, 2 tích cực về ANTT', linked: false, sort: 10 });
const OLD = modelType({ id: 9, code: 'CU', name: 'Mô hình cũ', linked: false, builtin: false, active: false, sort: 90 });
const TYPES = [TWO_Q, modelType(), CAMERA_TYPE, OLD];
// Another commune, outside the officer's scope: found in the directory of the whole country.
const KIEN_THIET = directoryUnit({ id: 451, code: '02548', name: 'Kiến Thiết', kind: 'commune', designation: 'xã', parent_id: 2, within: ['Tuyên Quang'] });

function fakeServer() {
  return vi.fn(async (url: string, init: RequestInit = {}) => {
    const path = url.split('?')[0] ?? '';
    if (path === '/api/v1/units/tree') return jsonResponse(200, TREE);
    if (path === '/api/v1/units/directory') return jsonResponse(200, { items: [KIEN_THIET], total: 1 });
    if (path === '/api/v1/community/model-types') return jsonResponse(200, { items: TYPES });
    if (path === '/api/v1/community/model-sites' && init.method === 'POST') return jsonResponse(201, modelSiteDetail({ id: 2, code: '02545-MH-002' }));
    if (path === '/api/v1/community/model-sites') return jsonResponse(200, { items: [modelSiteDetail()], total: 1 });
    return jsonResponse(404, { type: '/problems/not-found', status: 404 });
  });
}

function Page() {
  useLocation(); // re-render on navigation, as the app does
  return <ModelSitesPage params={{}} />;
}

async function open(user: typeof OFFICER, fetchMock: ReturnType<typeof fakeServer>) {
  window.history.replaceState(null, '', '/models/sites');
  vi.stubGlobal('fetch', fetchMock);
  const { container } = renderWithApp(<Page />, { session: { user } });
  await settle();
  await settle();
  return container;
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
  window.history.replaceState(null, '', '/');
});

describe('ModelSitesPage', () => {
  it('lists the sites with their type, unit and other units, filtered by a manual type', async () => {
    const fetchMock = fakeServer();
    const container = await open(REVIEWER, fetchMock);
    const row = container.querySelector('tr[data-site-id="1"]');
    expect(row?.querySelector('a')?.getAttribute('href')).toBe('/models/sites/1');
    expect(row?.querySelector('td[data-label="Loại mô hình"]')?.textContent).toBe('Liên kết về ANTT');
    expect(row?.querySelector('td[data-label="Đơn vị tham gia"]')?.textContent).toBe('Kiến Thiết');
    // Automatic types have no manual site to filter by.
    const offered = Array.from(container.querySelectorAll('#model-sites-type option')).map((o) => o.textContent);
    expect(offered).toEqual(['Mọi loại mô hình', '2 quản, 2 tích cực về ANTT', 'Liên kết về ANTT', 'Mô hình cũ']);
    expect(container.querySelector('#model-site-add-toggle')).toBeNull();
    choose(container.querySelector('#model-sites-type'), '3');
    await settle();
    expect(window.location.search).toBe('?type_id=3');
    const urls = fetchMock.mock.calls.map((call) => String(call[0]));
    expect(urls).toContain('/api/v1/community/model-sites?type_id=3&page=1&page_size=50');
  });

  it('adds a linked site of an active manual type with its other units, another commune\'s found in the whole country', async () => {
    const fetchMock = fakeServer();
    const container = await open(OFFICER, fetchMock);
    click(container.querySelector('#model-site-add-toggle'));
    await settle();
    const types = Array.from(container.querySelectorAll('#model-site-new-type option')).map((o) => o.textContent);
    expect(types).toEqual(['— Chọn loại mô hình —', '2 quản, 2 tích cực về ANTT', 'Liên kết về ANTT']);
    expect(container.querySelector('#model-site-new-participants')).toBeNull();
    choose(container.querySelector('#model-site-new-type'), '3');
    pickUnit(container.querySelector('#model-site-new-unit'), 'tan trao', 12);
    type(container.querySelector('#model-site-new-name'), 'Liên kết ANTT Tân Trào – Kiến Thiết');
    type(container.querySelector('#model-site-new-launched'), '2026-03-26');
    expect(container.querySelector('#model-site-new-participants-none')).not.toBeNull();
    await findUnit(container.querySelector('#model-site-new-participants-search'), 'kien thiet', 451);
    // The server says which units a site may take.
    expect(fetchMock.mock.calls.map((call) => String(call[0]))).toContain('/api/v1/units/directory?q=kien+thiet&page_size=20&for=model_site');
    expect(container.querySelector('#model-site-new-participants-0-unit')?.textContent).toBe('Xã Kiến Thiết — Tuyên Quang');
    // A new site's limits are not known yet: the server's refusal will say.
    expect(container.querySelector('#model-site-new-participants-search')).toHaveProperty('disabled', false);
    expect(container.querySelector('#model-site-new-participants-0-joined')).toHaveProperty('value', '2026-03-26');
    click(container.querySelector('#model-site-new button[type="submit"]'));
    await settle();
    await settle();
    const post = fetchMock.mock.calls.findIndex((call) => (call[1] as RequestInit | undefined)?.method === 'POST');
    expect(bodyOf(fetchMock, post)).toEqual({
      type_id: 3,
      unit_id: 12,
      name: 'Liên kết ANTT Tân Trào – Kiến Thiết',
      launched_on: '2026-03-26',
      ended_on: null,
      note: '',
      participants: [{ unit_id: 451, joined_on: '2026-03-26' }],
    });
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Đã thêm điểm mô hình 02545-MH-002 – Liên kết ANTT Tân Trào – Kiến Thiết.');
  });
});
