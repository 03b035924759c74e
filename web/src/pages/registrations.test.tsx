import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMUNE, household, testUser, treeUnit } from '../test/fixtures';
import { click, jsonResponse, renderWithApp, settle, type } from '../test/render';
import type { RegistrationReport } from '../lib/schema';
import { useLocation } from '../lib/use-location';
import { RegistrationsPage } from './registrations';

const OFFICER = testUser({ id: 2, role: 'officer', unit_id: 12 });

const TREE = { roots: [{ ...COMMUNE, children: [treeUnit(20, 'residential_area', 'Khuôn Điển')] }] };

const MISSING = [
  household({ id: 43, code: 'TT-HO-00043', head_name: 'Nông Thị Hản', address: 'Xóm Trên' }),
  household({ id: 44, code: 'TT-HO-00044', head_name: 'Ma Văn Vải', address: '' }),
];

/** The report for `year`, its year the server's (2027) when none was asked. */
function report(year: number): RegistrationReport {
  return {
    year,
    day: year === 2027 ? '2026-12-02' : `${year}-10-31`,
    households: 40,
    registered: 38,
    share: 0.95,
    missing_truncated: true,
    villages: [
      { village_id: 20, village_name: 'Khuôn Điển', historic: false, households: 40, registered: 38, share: 0.95, missing: MISSING },
      { village_id: 21, village_name: 'Làng Hản', historic: false, households: 0, registered: 0, share: null, missing: [] },
      { village_id: 22, village_name: 'Kim Quan cũ', historic: true, households: 0, registered: 0, share: null, missing: [] },
    ],
  };
}

function fakeServer() {
  return vi.fn(async (url: string) => {
    if (url.startsWith('/api/v1/units/tree')) return jsonResponse(200, TREE);
    if (url.startsWith('/api/v1/community/registrations')) {
      const year = new URL(url, 'http://antq').searchParams.get('year');
      return jsonResponse(200, report(year ? Number(year) : 2027));
    }
    return jsonResponse(404, { type: '/problems/not-found', status: 404 });
  });
}

function Page() {
  useLocation(); // re-render on navigation, as the app does
  return <RegistrationsPage params={{}} />;
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
  window.history.replaceState(null, '', '/');
});

describe('RegistrationsPage', () => {
  it('shows each village\'s share as a bar, "—" without households, and the missing households linked', async () => {
    window.history.replaceState(null, '', '/households/registrations');
    const fetchMock = fakeServer();
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<Page />, { session: { user: OFFICER } });
    await settle();
    // No year asked: the server says which registration year it is.
    expect(fetchMock.mock.calls.map((call) => String(call[0]))).toContain('/api/v1/community/registrations');
    expect((container.querySelector('#registrations-year') as HTMLInputElement).value).toBe('2027');
    expect(container.querySelector('#registrations-heading')?.textContent).toBe('Năm 2027');
    expect(container.querySelector('#registrations-total')?.textContent).toBe('Toàn bộ: 38/40 hộ đã đăng ký (95%).');

    const khuonDien = container.querySelector('#registrations-table tr[data-village-id="20"]');
    expect(khuonDien?.querySelector('td[data-label="Tỷ lệ"]')?.textContent).toBe('95%');
    expect(khuonDien?.querySelector('[aria-hidden="true"] span')?.getAttribute('style')).toContain('width: 95%');
    const langHan = container.querySelector('#registrations-table tr[data-village-id="21"]');
    expect(langHan?.querySelector('td[data-label="Tỷ lệ"]')?.textContent).toBe('—');
    expect(langHan?.querySelector('[aria-hidden="true"]')).toBeNull();
    expect(container.querySelector('#registrations-table tr[data-village-id="22"]')?.textContent).toContain(
      'Kim Quan cũ (đã giải thể hoặc sáp nhập)',
    );

    const missing = container.querySelector('#registrations-missing section[data-village-id="20"]');
    expect(missing?.querySelector('h3')?.textContent).toBe('Khuôn Điển (2 hộ)');
    expect(Array.from(missing?.querySelectorAll('a') ?? []).map((a) => a.getAttribute('href'))).toEqual([
      '/households/43',
      '/households/44',
    ]);
    expect(missing?.textContent).toContain('TT-HO-00043 — Nông Thị Hản · Xóm Trên');
    expect(container.querySelector('#registrations-truncated')?.textContent).toContain('Chỉ liệt kê 500 hộ chưa đăng ký đầu tiên');
  });

  it('asks for another year and keeps it in the address', async () => {
    window.history.replaceState(null, '', '/households/registrations');
    const fetchMock = fakeServer();
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<Page />, { session: { user: OFFICER } });
    await settle();
    type(container.querySelector('#registrations-year'), '2026');
    click(container.querySelector('form[role="search"] button[type="submit"]'));
    await settle();
    expect(window.location.search).toBe('?year=2026');
    expect(fetchMock.mock.calls.map((call) => String(call[0]))).toContain('/api/v1/community/registrations?year=2026');
    expect(container.querySelector('#registrations-heading')?.textContent).toBe('Năm 2026');
    expect(container.querySelector('#registrations-missing')?.textContent).toContain('Nông Thị Hản');
  });
});
