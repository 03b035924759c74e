import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CAMERA_TYPE, COMMUNE, modelType, testUser, treeUnit } from '../test/fixtures';
import { choose, click, jsonResponse, renderWithApp, settle, type } from '../test/render';
import { useLocation } from '../lib/use-location';
import type { ModelCounts } from '../lib/schema';
import { ModelsPage } from './models';

const OFFICER = testUser({ id: 2, role: 'officer', unit_id: 12 });
const village = (id: number, name: string) => ({ ...treeUnit(id, 'residential_area', name), designation: 'thôn', parent_id: 12 });
const TREE = { roots: [{ ...COMMUNE, children: [village(20, 'Khuôn Điển'), village(21, 'Làng Hản')] }] };

/** Tân Trào's counts as the server gives them for the period asked. */
function countsFor(url: URL): ModelCounts {
  return {
    unit_id: 12,
    from: url.searchParams.get('from') ?? '2026-01-01',
    to: url.searchParams.get('to') ?? '2026-12-02',
    types: [modelType(), CAMERA_TYPE],
    children: [
      { id: 21, name: 'Làng Hản' },
      { id: 20, name: 'Khuôn Điển' },
    ],
    by_child: [
      { type_id: 4, unit_id: 20, sites: 1, teams: 0, new_sites: 0 },
      { type_id: 4, unit_id: 21, sites: 1, teams: 0, new_sites: 1 },
    ],
    totals: [
      { type_id: 3, unit_id: 12, sites: 1, teams: 1, new_sites: 1 },
      { type_id: 4, unit_id: 12, sites: 2, teams: 0, new_sites: 1 },
    ],
  };
}

function fakeServer() {
  return vi.fn(async (url: string) => {
    if (url.startsWith('/api/v1/units/tree')) return jsonResponse(200, TREE);
    if (url.startsWith('/api/v1/community/model-counts')) return jsonResponse(200, countsFor(new URL(url, 'http://x')));
    return jsonResponse(404, { type: '/problems/not-found', status: 404 });
  });
}

function Page() {
  useLocation(); // re-render on navigation, as the app does
  return <ModelsPage params={{}} />;
}

const countUrls = (fetchMock: ReturnType<typeof vi.fn>) =>
  fetchMock.mock.calls.map((call) => String(call[0])).filter((u) => u.startsWith('/api/v1/community/model-counts'));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-02T03:00:00Z'));
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
  window.history.replaceState(null, '', '/');
});

describe('ModelsPage', () => {
  it('counts every type per village and in total, "sites / teams", the new sites marked', async () => {
    window.history.replaceState(null, '', '/models');
    const fetchMock = fakeServer();
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<Page />, { session: { user: OFFICER } });
    await settle();
    expect(container.querySelector('h1')?.textContent).toBe('Mô hình tự quản về ANTT');
    expect(countUrls(fetchMock)).toEqual(['/api/v1/community/model-counts']);
    expect(container.querySelector('#models-heading')?.textContent).toBe('Từ 01/01/2026 đến 02/12/2026');
    expect((container.querySelector('#models-period') as HTMLSelectElement).value).toBe('year');
    expect((container.querySelector('#models-from') as HTMLInputElement).value).toBe('2026-01-01');
    const headings = Array.from(container.querySelectorAll('#models-table thead th')).map((th) => th.textContent);
    expect(headings).toEqual(['Loại mô hình', 'Khuôn Điển', 'Làng Hản', 'Tổng cộng']);
    // What the eye reads: "sites / teams".
    const shown = (td: Element) => {
      const copy = td.cloneNode(true) as Element;
      copy.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
      return copy.textContent;
    };
    const rows = Array.from(container.querySelectorAll('#models-table tbody tr')).map((tr) => Array.from(tr.querySelectorAll('td')).map(shown));
    expect(rows).toEqual([
      ['Liên kết về ANTT', '0 / 0', '0 / 0', '1 / 1+1 mới'],
      ['Camera an ninh (tự động)', '1 / 0', '1 / 0+1 mới', '2 / 0+1 mới'],
    ]);
    // What a screen reader says: which number is which ("2 / 0" alone says neither).
    const total = container.querySelector('#models-table tr[data-type-id="4"] td[data-total="true"]');
    expect(total?.querySelector('[aria-hidden="true"]')?.textContent).toBe('2 / 0');
    expect(total?.querySelector('.visually-hidden')?.textContent).toBe('2 điểm mô hình, 0 tổ');
    expect(container.querySelector('#models-sites-link')?.getAttribute('href')).toBe('/models/sites');
    expect(container.querySelector('#models-types-link')?.getAttribute('href')).toBe('/models/types');
  });

  it('asks for the period of a preset at once, and for dates with the button', async () => {
    window.history.replaceState(null, '', '/models');
    const fetchMock = fakeServer();
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<Page />, { session: { user: OFFICER } });
    await settle();
    choose(container.querySelector('#models-period'), 'half');
    await settle();
    expect(window.location.search).toBe('?from=2026-01-01&to=2026-06-30');
    expect(countUrls(fetchMock).at(-1)).toBe('/api/v1/community/model-counts?from=2026-01-01&to=2026-06-30');
    expect(container.querySelector('#models-heading')?.textContent).toBe('Từ 01/01/2026 đến 30/06/2026');
    choose(container.querySelector('#models-period'), 'teams');
    await settle();
    expect(window.location.search).toBe('?from=2025-11-15&to=2026-11-14');
    // Dates typed: "Chọn ngày" until shown.
    type(container.querySelector('#models-from'), '2026-03-01');
    expect((container.querySelector('#models-period') as HTMLSelectElement).value).toBe('custom');
    click(container.querySelector('form[role="search"] button[type="submit"]'));
    await settle();
    expect(countUrls(fetchMock).at(-1)).toBe('/api/v1/community/model-counts?from=2026-03-01&to=2026-11-14');
  });

  it('keeps "Chọn ngày" chosen once chosen, even when the dates picked are a preset\'s', async () => {
    window.history.replaceState(null, '', '/models');
    const fetchMock = fakeServer();
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<Page />, { session: { user: OFFICER } });
    await settle();
    const period = () => (container.querySelector('#models-period') as HTMLSelectElement).value;
    // Choosing it asks nothing yet: the dates are the user's to type.
    const asked = countUrls(fetchMock).length;
    choose(container.querySelector('#models-period'), 'custom');
    await settle();
    expect(period()).toBe('custom');
    expect(countUrls(fetchMock).length).toBe(asked);
    // The first half-year typed by hand and shown: still the user's dates.
    type(container.querySelector('#models-from'), '2026-01-01');
    type(container.querySelector('#models-to'), '2026-06-30');
    expect(period()).toBe('custom');
    click(container.querySelector('form[role="search"] button[type="submit"]'));
    await settle();
    expect(countUrls(fetchMock).at(-1)).toBe('/api/v1/community/model-counts?from=2026-01-01&to=2026-06-30');
    expect(container.querySelector('#models-heading')?.textContent).toBe('Từ 01/01/2026 đến 30/06/2026');
    expect(period()).toBe('custom');
    // A preset chosen again is a preset.
    choose(container.querySelector('#models-period'), 'year');
    await settle();
    expect(period()).toBe('year');
    expect(window.location.search).toBe('?from=2026-01-01&to=2026-12-02');
  });

  it('shows the preset whose dates an address holds', async () => {
    window.history.replaceState(null, '', '/models?from=2026-01-01&to=2026-06-30');
    vi.stubGlobal('fetch', fakeServer());
    const { container } = renderWithApp(<Page />, { session: { user: OFFICER } });
    await settle();
    expect((container.querySelector('#models-period') as HTMLSelectElement).value).toBe('half');
  });
});
