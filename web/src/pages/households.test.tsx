import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMUNE, household, testUser, treeUnit } from '../test/fixtures';
import {
  bodyOf,
  choose,
  click,
  jsonResponse,
  pickUnit,
  renderWithApp,
  settle,
  type,
  validationProblem,
} from '../test/render';
import type { Household } from '../lib/schema';
import { useLocation } from '../lib/use-location';
import { HouseholdsPage } from './households';

const OFFICER = testUser({ id: 2, role: 'officer', unit_id: 12 });
const REVIEWER = testUser({ id: 4, role: 'reviewer', unit_id: 2 });

const VILLAGE = { ...treeUnit(20, 'residential_area', 'Khuôn Điển'), designation: 'thôn', parent_id: 12 };
const TREE = { roots: [{ ...COMMUNE, children: [VILLAGE] }] };

const REGISTERED = household({
  registration: { year: 2027, registered_on: '2026-11-15', signed: true, note: '', version: 1 },
});
const MISSING = household({
  id: 43,
  code: 'TT-HO-00043',
  head_name: 'Nông Thị Hản',
  address: '',
  members: 2,
  has_phone: false,
  consent: null,
});

function fakeServer(items: Household[] = [REGISTERED, MISSING]) {
  return vi.fn(async (url: string, init?: RequestInit) => {
    if (url.startsWith('/api/v1/units/tree')) return jsonResponse(200, TREE);
    if (url === '/api/v1/community/households' && init?.method === 'POST')
      return validationProblem([{ field: 'phone', code: 'invalid_length' }]);
    if (url.startsWith('/api/v1/community/households')) return jsonResponse(200, { items, total: items.length });
    return jsonResponse(404, { type: '/problems/not-found', status: 404 });
  });
}

function Page() {
  useLocation(); // re-render on navigation, as the app does
  return <HouseholdsPage params={{}} />;
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
  window.history.replaceState(null, '', '/');
});

describe('HouseholdsPage', () => {
  it('lists the households with their village, members, this year\'s registration and whether they have a phone', async () => {
    window.history.replaceState(null, '', '/households');
    vi.stubGlobal('fetch', fakeServer());
    const { container } = renderWithApp(<Page />, { session: { user: OFFICER } });
    await settle();
    expect(container.querySelector('h1')?.textContent).toBe('Hộ gia đình');
    expect(container.querySelector('#households-count')?.textContent).toBe('2 hộ');
    const first = container.querySelector('tr[data-household-id="42"]');
    expect(first?.querySelector('a')?.getAttribute('href')).toBe('/households/42');
    expect(first?.textContent).toContain('TT-HO-00042');
    expect(first?.textContent).toContain('Hoàng Văn Khuôn');
    expect(first?.textContent).toContain('Khuôn Điển');
    expect(first?.textContent).toContain('✓ Đã đăng ký ngày 15/11/2026');
    expect(first?.querySelector('td[data-label="Số điện thoại"]')?.textContent).toBe('Có');
    const second = container.querySelector('tr[data-household-id="43"]');
    expect(second?.getAttribute('data-registered')).toBe('0');
    expect(second?.querySelector('td[data-label="Đăng ký năm nay"]')?.textContent).toBe('Chưa');
    expect(second?.querySelector('td[data-label="Số điện thoại"]')?.textContent).toBe('Không');
    // Officers keep the commune's sheet: downloads and the import, for their commune.
    expect(container.querySelector('#household-export-xlsx')?.getAttribute('href')).toBe(
      '/api/v1/community/households/export.xlsx',
    );
    expect(container.querySelector('#household-export-phones')).not.toBeNull();
    expect(container.querySelector('#household-import-form h3')?.textContent).toBe(
      'Nhập bảng hộ gia đình của Xã Tân Trào',
    );
  });

  it('puts the filters in the address and asks the server with them', async () => {
    window.history.replaceState(null, '', '/households');
    const fetchMock = fakeServer();
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<Page />, { session: { user: OFFICER } });
    await settle();
    choose(container.querySelector('#households-registered'), '0');
    await settle();
    type(container.querySelector('#households-q'), 'hoang van');
    click(container.querySelector('form[role="search"] button[type="submit"]'));
    await settle();
    pickUnit(container.querySelector('#households-unit'), 'khuon', 20);
    await settle();
    expect(window.location.search).toBe('?unit_id=20&q=hoang+van&registered=0');
    const urls = fetchMock.mock.calls.map((call) => String(call[0]));
    expect(urls).toContain('/api/v1/community/households?registered=0&page=1&page_size=50');
    expect(urls).toContain('/api/v1/community/households?q=hoang+van&registered=0&page=1&page_size=50');
    expect(urls).toContain('/api/v1/community/households?unit_id=20&q=hoang+van&registered=0&page=1&page_size=50');
    // The download follows the unit chosen; the import stays the commune's.
    expect(container.querySelector('#household-export')?.getAttribute('href')).toBe(
      '/api/v1/community/households/export.csv?unit_id=20',
    );
    expect(container.querySelector('#household-import-form h3')?.textContent).toBe(
      'Nhập bảng hộ gia đình của Xã Tân Trào',
    );
  });

  it('asks for the consent once a phone is typed and shows the server\'s refusal by the field', async () => {
    window.history.replaceState(null, '', '/households');
    const fetchMock = fakeServer();
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<Page />, { session: { user: OFFICER } });
    await settle();
    click(container.querySelector('#household-add-toggle'));
    await settle();
    expect(container.querySelector('#household-add-toggle')?.getAttribute('aria-expanded')).toBe('true');
    // The officer's commune has one village: it is chosen already.
    expect((container.querySelector('#household-new-village') as HTMLInputElement).value).toBe('Thôn Khuôn Điển');
    type(container.querySelector('#household-new-head'), 'Lý Văn Tân');
    expect(container.querySelector('#household-new-consent')).toBeNull();
    type(container.querySelector('#household-new-phone'), '0912 345 67');
    expect(container.querySelector('#household-new-consent')).not.toBeNull();
    expect((container.querySelector('#household-new-consent-channel') as HTMLSelectElement).value).toBe('officer');
    type(container.querySelector('#household-new-consent-text'), 'M01');
    click(container.querySelector('#household-form button[type="submit"]'));
    await settle();

    const post = fetchMock.mock.calls.findIndex((call) => (call[1] as RequestInit | undefined)?.method === 'POST');
    const body = bodyOf(fetchMock, post) as Record<string, unknown>;
    expect(body).toMatchObject({
      village_id: 20,
      head_name: 'Lý Văn Tân',
      members: 1,
      phone: '0912 345 67',
      consent: { channel: 'officer', text_version: 'M01' },
    });
    expect(container.querySelector('#household-new-phone-error')?.textContent).toBe(
      'Số điện thoại thiếu hoặc thừa chữ số',
    );
    expect(container.querySelector('#household-new-phone')?.getAttribute('aria-invalid')).toBe('true');
    expect(container.querySelector('#household-form [role="alert"]')?.textContent).toContain(
      'Số điện thoại: Số điện thoại thiếu hoặc thừa chữ số',
    );
  });

  it('shows a reviewer the list without the form or the sheet', async () => {
    window.history.replaceState(null, '', '/households');
    vi.stubGlobal('fetch', fakeServer());
    const { container } = renderWithApp(<Page />, { session: { user: REVIEWER } });
    await settle();
    expect(container.querySelector('tr[data-household-id="42"]')).not.toBeNull();
    expect(container.querySelector('#household-add-toggle')).toBeNull();
    expect(container.querySelector('#household-sheet-heading')).toBeNull();
  });
});
