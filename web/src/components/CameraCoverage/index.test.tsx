import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CameraCoverage as Coverage } from '../../lib/schema';
import type { AsyncState } from '../../lib/use-async';
import { testUser } from '../../test/fixtures';
import { renderWithApp } from '../../test/render';
import { CameraCoverage } from '.';

const OFFICER = testUser({ id: 2, role: 'officer', unit_id: 7 });

const gap = (road: string, length_m: number, village = '') => ({
  road,
  village,
  length_m,
  geometry: { type: 'LineString' as const, coordinates: [[105.45, 21.8], [105.45, 21.81]] },
});

const coverage = (change: Partial<Coverage> = {}): Coverage => ({
  unit_id: 7,
  unit_name: 'Tân Trào',
  basis: 'roads',
  roads: 4,
  road_m: 7766,
  covered_m: 901,
  road_share: 0.116,
  area_share: null,
  villages: [
    {
      village_id: 11,
      name: 'Khuôn Điển',
      former: false,
      cameras: { total: 4, by_status: { working: 3, faulty: 1 }, by_sharing: { live: 1, on_request: 3 } },
      road_m: 1200,
      covered_m: 300,
      road_share: 0.25,
      area_share: null,
    },
    {
      village_id: null,
      name: 'Tân Trào',
      former: false,
      cameras: { total: 2, by_status: { working: 2 }, by_sharing: { live: 2 } },
      road_m: null,
      covered_m: null,
      road_share: null,
      area_share: null,
    },
  ],
  gaps: [gap('Đường trục', 1495, 'Khuôn Điển'), gap('Đường vào chợ', 370)],
  ...change,
});

const loaded = (data: Coverage): AsyncState<Coverage | undefined> => ({ data, error: null, loading: false, reload: vi.fn() });

function show(data: Coverage, locale: 'vi' | 'en' = 'vi', roads = false) {
  return renderWithApp(
    <CameraCoverage state={loaded(data)} {...(roads ? { roadsUnitId: 7 } : {})} onRoadsImported={vi.fn()} />,
    { locale, session: { user: OFFICER } },
  );
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('CameraCoverage', () => {
  it('says how much road the working cameras see, in Vietnamese numbers', () => {
    const { container } = show(coverage());
    expect(container.querySelector('#coverage-summary')?.textContent).toBe(
      '0,9 km trong tổng số 7,8 km đường (4 tuyến) nằm trong vùng quan sát của ít nhất một camera đang hoạt động: 11,6%.',
    );
  });

  it("lists each village's cameras by status and sharing, the commune's own last", () => {
    const { container } = show(coverage());
    const rows = Array.from(container.querySelectorAll('#coverage-villages tbody tr'));
    expect(rows.map((r) => r.querySelector('td')?.textContent)).toEqual([
      'Khuôn Điển',
      'Tân Trào (camera không thuộc thôn nào)',
    ]);
    expect(rows[0]?.textContent).toContain('3 hoạt động, 1 hỏng, 0 đã tháo');
    expect(rows[0]?.textContent).toContain('1 trực tiếp, 3 theo yêu cầu, 0 không chia sẻ');
    expect(rows[0]?.textContent).toContain('25%');
    expect(rows[1]?.textContent).toContain('—');
  });

  it('names a dissolved village\'s cameras by the village, marked former, not by the commune', () => {
    const [village, own] = coverage().villages;
    const former = { ...village!, village_id: 12, name: 'Đồng Đa', former: true, road_m: null, covered_m: null, road_share: null };
    const { container } = show(coverage({ villages: [village!, former, own!] }));
    const rows = Array.from(container.querySelectorAll('#coverage-villages tbody tr'));
    expect(rows.map((r) => r.querySelector('td')?.textContent)).toEqual([
      'Khuôn Điển',
      'Đồng Đa (thôn cũ — đã giải thể hoặc sáp nhập)',
      'Tân Trào (camera không thuộc thôn nào)',
    ]);
  });

  it('lists the longest gaps with their village', () => {
    const { container } = show(coverage());
    const items = Array.from(container.querySelectorAll('#coverage-gaps li')).map((li) => li.textContent);
    expect(items).toEqual(['Đường trục: 1.495 m — Khuôn Điển', 'Đường vào chợ: 370 m']);
  });

  it('gives the share of the area without roads, and says so when there is neither', () => {
    const area = show(coverage({ basis: 'area', roads: 0, road_m: 0, covered_m: 0, road_share: null, area_share: 0.0004, gaps: [] }));
    expect(area.container.querySelector('#coverage-summary')?.textContent).toBe(
      'Chưa nhập đường giao thông: 0,04% diện tích nằm trong vùng quan sát của camera đang hoạt động.',
    );
    expect(area.container.querySelector('#coverage-gaps')).toBeNull();
    document.body.innerHTML = '';
    const none = show(coverage({ basis: 'none', gaps: [] }), 'en');
    expect(none.container.querySelector('#coverage-summary')?.textContent).toBe(
      'No share yet: no roads, or the village has no boundary.',
    );
  });

  it('offers the roads import to officers only', () => {
    expect(show(coverage(), 'vi', true).container.querySelector('#roads-import-form')).not.toBeNull();
    document.body.innerHTML = '';
    expect(show(coverage()).container.querySelector('#roads-import-form')).toBeNull();
  });
});
