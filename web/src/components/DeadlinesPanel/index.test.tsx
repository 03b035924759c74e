import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/api';
import type { TipOverview } from '../../lib/tip-overview';
import type { Tip } from '../../lib/schema';
import type { AsyncState } from '../../lib/use-async';
import { testUser, tip as tipOf } from '../../test/fixtures';
import { renderWithApp } from '../../test/render';
import { DeadlinesPanel } from '.';

const NOW = Date.parse('2026-11-28T10:00:00Z');
const OFFICER = testUser({ id: 2, role: 'officer', unit_id: 7 });

const tip = (id: number, change: Partial<Tip>): Tip =>
  tipOf({
    id,
    received_at: '2026-11-27T12:00:00Z',
    deadline_at: '2026-11-28T12:00:00Z',
    description: 'Tố giác',
    ...change,
  });

function loaded(data: Partial<TipOverview>): AsyncState<TipOverview> {
  const overdue = data.overdue ?? [];
  return {
    data: { overdue, overdueTotal: overdue.length, running: [], counts: {}, ...data },
    error: null,
    loading: false,
    reload: vi.fn(),
  };
}

function show(overview: AsyncState<TipOverview>, locale: 'vi' | 'en' = 'vi') {
  return renderWithApp(<DeadlinesPanel overview={overview} now={NOW} />, {
    locale,
    session: { user: OFFICER },
  });
}

const ids = (container: HTMLElement, list: string) =>
  Array.from(container.querySelectorAll(`#${list} li[data-tip-id]`)).map((li) =>
    li.getAttribute('data-tip-id'),
  );

afterEach(() => {
  document.body.innerHTML = '';
});

describe('DeadlinesPanel', () => {
  it('says so in a plain sentence when nothing is overdue or due soon', () => {
    const { container } = show(
      loaded({
        running: [
          tip(5, { deadline_at: '2026-11-29T09:00:00Z' }),
          tip(6, { status: 'verifying', deadline_at: null, kind: 'suggestion' }),
        ],
      }),
    );
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

  it('lists overdue tips in words, most overdue first, each linking to the tip', () => {
    const { container } = show(
      loaded({
        overdue: [
          tip(3, { overdue: true, deadline_at: '2026-11-28T07:00:00Z' }),
          tip(2, { overdue: true, status: 'verifying', deadline_at: '2026-11-25T09:00:00Z' }),
        ],
      }),
    );
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

  it('lists running tips due within 6 hours, soonest first, and leaves the others out', () => {
    const { container } = show(
      loaded({
        running: [
          tip(7, { deadline_at: '2026-11-28T15:00:00Z' }),
          tip(8, { deadline_at: '2026-11-28T16:30:00Z' }), // 6 h 30 left
          tip(9, { deadline_at: '2026-11-29T10:00:00Z' }), // a new denunciation: 24 h
          tip(10, { status: 'verifying', deadline_at: '2026-11-28T12:10:00Z' }),
        ],
      }),
    );
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

  it('counts every overdue tip, links to the rest, and adds those that lapsed meanwhile', () => {
    const overdue = Array.from({ length: 20 }, (_, i) =>
      tip(100 + i, { overdue: true, deadline_at: '2026-11-28T09:00:00Z' }),
    );
    const { container } = show(
      loaded({
        overdue,
        overdueTotal: 23,
        running: [
          overdue[0] as Tip,
          tip(50, { overdue: true, deadline_at: '2026-11-28T08:00:00Z' }), // counted, not listed
          tip(51, { deadline_at: '2026-11-28T09:50:00Z' }), // passed after the server answered
        ],
      }),
    );
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

  it('speaks English', () => {
    const { container } = show(
      loaded({
        overdue: [tip(3, { overdue: true, deadline_at: '2026-11-28T07:00:00Z' })],
        running: [tip(7, { deadline_at: '2026-11-28T10:20:00Z' })],
      }),
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

  it('says it is loading, then shows the error with a retry button', () => {
    const loading = show({ data: undefined, error: null, loading: true, reload: vi.fn() });
    expect(loading.container.querySelector('#deadlines-panel')?.getAttribute('aria-busy')).toBe(
      'true',
    );
    expect(loading.container.querySelector('#deadlines-panel [role=status]')?.textContent).toBe(
      'Đang tải…',
    );
    loading.unmount();
    const error = new ApiError({ status: 503, slug: 'unavailable', title: 'Bận' });
    const { container } = show({ data: undefined, error, loading: false, reload: vi.fn() });
    expect(container.querySelector('#deadlines-panel [role=alert]')).not.toBeNull();
    expect(container.querySelector('#deadlines-panel button')?.textContent).toBe('Thử lại');
    expect(container.querySelector('#deadlines-empty')).toBeNull();
  });
});
