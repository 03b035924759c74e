import { afterEach, describe, expect, it, vi } from 'vitest';
import { tip } from '../test/fixtures';
import { jsonResponse } from '../test/render';
import { loadTipOverview } from './tip-overview';
import type { Tip, TipCounts } from './schema';

interface Answers {
  newest: Tip[];
  counts: TipCounts;
  overdue?: Tip[];
  overdueTotal?: number;
}

function fakeServer({ newest, counts, overdue = [], overdueTotal }: Answers) {
  const running = (counts.received ?? 0) + (counts.verifying ?? 0);
  return vi.fn(async (url: string) => {
    const query = new URL(url, 'http://x').searchParams;
    if (query.get('overdue') === '1')
      return jsonResponse(200, {
        items: overdue,
        total: overdueTotal ?? overdue.length,
        counts,
        running,
      });
    return jsonResponse(200, { items: newest, total: newest.length, counts, running });
  });
}

const urls = (fetchMock: ReturnType<typeof vi.fn>) =>
  fetchMock.mock.calls.map((call) => String(call[0]));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('loadTipOverview', () => {
  it('reads the newest tips once when they hold every tip whose deadline runs', async () => {
    const newest = [
      tip({ id: 9, status: 'verifying', overdue: true }),
      tip({ id: 8, status: 'closed' }),
      tip({ id: 7 }),
      tip({ id: 6, overdue: true }),
    ];
    const counts = { received: 2, verifying: 1, closed: 1 };
    const fetchMock = fakeServer({ newest, counts });
    vi.stubGlobal('fetch', fetchMock);
    const overview = await loadTipOverview();
    expect(urls(fetchMock)).toEqual(['/api/v1/tips?page_size=200']);
    expect(overview.running.map((t) => t.id)).toEqual([9, 7, 6]);
    // Newest first, as GET /tips?overdue=1 lists them.
    expect(overview.overdue.map((t) => t.id)).toEqual([9, 6]);
    expect(overview.overdueTotal).toBe(2);
    expect(overview.counts).toEqual(counts);
  });

  it('lists 20 overdue tips and counts them all', async () => {
    const newest = Array.from({ length: 23 }, (_, i) => tip({ id: 100 - i, overdue: true }));
    const fetchMock = fakeServer({ newest, counts: { received: 23 } });
    vi.stubGlobal('fetch', fetchMock);
    const overview = await loadTipOverview();
    expect(urls(fetchMock)).toHaveLength(1);
    expect(overview.overdue).toHaveLength(20);
    expect(overview.overdue[0]?.id).toBe(100);
    expect(overview.overdueTotal).toBe(23);
  });

  it('asks for the overdue tips too when older tips still wait', async () => {
    const newest = [tip({ id: 300 }), tip({ id: 299, status: 'closed' })];
    const overdue = [tip({ id: 4, overdue: true }), tip({ id: 2, overdue: true })];
    const counts = { received: 5, closed: 1 };
    const fetchMock = fakeServer({ newest, counts, overdue, overdueTotal: 3 });
    vi.stubGlobal('fetch', fetchMock);
    const overview = await loadTipOverview();
    expect(urls(fetchMock)).toEqual([
      '/api/v1/tips?page_size=200',
      '/api/v1/tips?overdue=1&page_size=20',
    ]);
    expect(overview.running.map((t) => t.id)).toEqual([300]);
    expect(overview.overdue.map((t) => t.id)).toEqual([4, 2]);
    expect(overview.overdueTotal).toBe(3);
    expect(overview.counts).toEqual(counts);
  });
});
