import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp, settle, TEST_USER } from '../../test/render';
import type { Tip } from '../../lib/types';
import { DeadlinesPanel } from '.';

const NOW = Date.parse('2026-11-28T10:00:00Z');
const OFFICER = { ...TEST_USER, id: 2, role: 'officer' as const, unit_id: 7 };

const TIP: Tip = {
  id: 1,
  unit_id: 7,
  unit_name: 'Tân Trào',
  village_id: null,
  kind: 'denunciation',
  channel: 'web',
  status: 'received',
  identity_mode: 'anonymous',
  wants_outcome: false,
  received_at: '2026-11-27T12:00:00Z',
  deadline_at: '2026-11-28T12:00:00Z',
  transferred_at: null,
  closed_at: null,
  duplicate_of: null,
  assignee_id: null,
  overdue: false,
  readable: true,
  description: 'Tố giác',
};

const tip = (id: number, change: Partial<Tip>): Tip => ({ ...TIP, id, ...change });

interface Lists {
  overdue?: Tip[];
  overdueTotal?: number;
  received?: Tip[];
  verifying?: Tip[];
}

function fakeServer(lists: Lists) {
  return vi.fn(async (url: string) => {
    const query = new URL(url, 'http://x').searchParams;
    if (query.get('overdue') === '1') {
      const items = lists.overdue ?? [];
      return jsonResponse(200, { items, total: lists.overdueTotal ?? items.length });
    }
    const items = query.get('status') === 'verifying' ? lists.verifying : lists.received;
    return jsonResponse(200, { items: items ?? [], total: items?.length ?? 0 });
  });
}

async function show(lists: Lists, locale: 'vi' | 'en' = 'vi') {
  const fetchMock = fakeServer(lists);
  vi.stubGlobal('fetch', fetchMock);
  const rendered = renderWithApp(<DeadlinesPanel now={NOW} />, {
    locale,
    session: { user: OFFICER },
  });
  await settle();
  return { ...rendered, fetchMock };
}

const ids = (container: HTMLElement, list: string) =>
  Array.from(container.querySelectorAll(`#${list} li[data-tip-id]`)).map((li) =>
    li.getAttribute('data-tip-id'),
  );

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('DeadlinesPanel', () => {
  it('asks for the overdue tips and for the running ones', async () => {
    const { fetchMock } = await show({});
    const urls = fetchMock.mock.calls.map((call) => String(call[0]));
    expect(urls).toEqual([
      '/api/v1/tips?overdue=1&page_size=20',
      '/api/v1/tips?status=received&page_size=200',
      '/api/v1/tips?status=verifying&page_size=200',
    ]);
  });

  it('says so in a plain sentence when nothing is overdue or due soon', async () => {
    const { container } = await show({
      received: [tip(5, { deadline_at: '2026-11-29T09:00:00Z' })],
      verifying: [tip(6, { status: 'verifying', deadline_at: null, kind: 'suggestion' })],
    });
    expect(container.querySelector('#deadlines-empty')?.textContent).toBe(
      'Không có tin nào quá hạn hay sắp đến hạn.',
    );
    expect(container.querySelector('#deadlines-overdue')).toBeNull();
    expect(container.querySelector('#deadlines-soon')).toBeNull();
    expect(container.querySelector('#deadlines-heading')?.textContent).toBe(
      'Hạn xử lý (0 quá hạn, 0 sắp đến hạn)',
    );
    const panel = container.querySelector('#deadlines-panel');
    expect(panel?.getAttribute('data-overdue-count')).toBe('0');
    expect(panel?.getAttribute('data-soon-count')).toBe('0');
  });

  it('lists overdue tips in words, most overdue first, each linking to the tip', async () => {
    const { container } = await show({
      overdue: [
        tip(3, { overdue: true, deadline_at: '2026-11-28T07:00:00Z' }),
        tip(2, { overdue: true, status: 'verifying', deadline_at: '2026-11-25T09:00:00Z' }),
      ],
    });
    expect(ids(container, 'deadlines-overdue')).toEqual(['2', '3']);
    const items = container.querySelectorAll('#deadlines-overdue li');
    expect(items[0]?.textContent).toContain('Quá hạn 3 ngày');
    expect(items[1]?.textContent).toContain('Tin số 3');
    expect(items[1]?.textContent).toContain('Tố giác tội phạm');
    expect(items[1]?.textContent).toContain('Quá hạn 3 giờ');
    expect(items[1]?.querySelector('a')?.getAttribute('href')).toBe('/mailbox/3');
    expect(container.querySelector('#deadlines-empty')).toBeNull();
    expect(container.querySelector('#deadlines-heading')?.textContent).toBe(
      'Hạn xử lý (2 quá hạn, 0 sắp đến hạn)',
    );
  });

  it('lists running tips due within 6 hours, soonest first, and leaves the others out', async () => {
    const { container } = await show({
      received: [
        tip(7, { deadline_at: '2026-11-28T15:00:00Z' }),
        tip(8, { deadline_at: '2026-11-28T16:30:00Z' }), // 6 h 30 left
        tip(9, { deadline_at: '2026-11-29T10:00:00Z' }), // a new denunciation: 24 h
      ],
      verifying: [tip(10, { status: 'verifying', deadline_at: '2026-11-28T12:10:00Z' })],
    });
    expect(ids(container, 'deadlines-soon')).toEqual(['10', '7']);
    const items = container.querySelectorAll('#deadlines-soon li');
    expect(items[0]?.textContent).toContain('Sắp đến hạn: còn 2 giờ');
    expect(items[1]?.textContent).toContain('Sắp đến hạn: còn 5 giờ');
    expect(items[0]?.querySelector('a')?.getAttribute('href')).toBe('/mailbox/10');
    expect(container.querySelector('#deadlines-soon-heading')?.textContent).toBe(
      'Sắp đến hạn trong 6 giờ tới (2)',
    );
    expect(container.querySelector('#deadlines-counts')?.textContent).toBe(
      ' (0 quá hạn, 2 sắp đến hạn)',
    );
  });

  it('counts every overdue tip, links to the rest, and adds those that lapsed meanwhile', async () => {
    const overdue = Array.from({ length: 20 }, (_, i) =>
      tip(100 + i, { overdue: true, deadline_at: '2026-11-28T09:00:00Z' }),
    );
    const { container } = await show({
      overdue,
      overdueTotal: 23,
      received: [
        overdue[0] as Tip,
        tip(50, { overdue: true, deadline_at: '2026-11-28T08:00:00Z' }), // counted, not listed
        tip(51, { deadline_at: '2026-11-28T09:50:00Z' }), // passed after the server answered
      ],
    });
    expect(ids(container, 'deadlines-overdue')).toHaveLength(21);
    expect(ids(container, 'deadlines-overdue')[20]).toBe('51');
    expect(container.querySelector('#deadlines-overdue li:last-child')?.textContent).toContain(
      'Quá hạn 10 phút',
    );
    expect(container.querySelector('#deadlines-panel')?.getAttribute('data-overdue-count')).toBe(
      '24',
    );
    const more = container.querySelector('#deadlines-more');
    expect(more?.getAttribute('href')).toBe('/mailbox?overdue=1');
    expect(more?.textContent).toBe('Xem tất cả 24 tin quá hạn');
  });

  it('speaks English', async () => {
    const { container } = await show(
      {
        overdue: [tip(3, { overdue: true, deadline_at: '2026-11-28T07:00:00Z' })],
        received: [tip(7, { deadline_at: '2026-11-28T10:20:00Z' })],
      },
      'en',
    );
    expect(container.querySelector('#deadlines-heading')?.textContent).toBe(
      'Deadlines (1 overdue, 1 due soon)',
    );
    expect(container.querySelector('#deadlines-overdue li')?.textContent).toContain(
      'Overdue by 3 h',
    );
    expect(container.querySelector('#deadlines-soon li')?.textContent).toContain(
      'Due soon: 20 min left',
    );
  });

  it('shows the error with a retry button', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse(503, { type: 'https://antq/problems/unavailable', title: 'Bận' }),
      ),
    );
    const { container } = renderWithApp(<DeadlinesPanel now={NOW} />, {
      session: { user: OFFICER },
    });
    await settle();
    expect(container.querySelector('#deadlines-panel [role=alert]')).not.toBeNull();
    expect(container.querySelector('#deadlines-panel button')?.textContent).toBe('Thử lại');
    expect(container.querySelector('#deadlines-empty')).toBeNull();
  });
});
