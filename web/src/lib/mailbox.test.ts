import { describe, expect, it } from 'vitest';
import {
  countOf,
  deadlineState,
  dueSoon,
  overdueBy,
  snippet,
} from './mailbox';

const NOW = Date.parse('2026-11-28T10:00:00Z');

describe('deadlineState', () => {
  const tip = { deadline_running: true, overdue: false, deadline_at: '2026-11-28T15:40:00Z' };

  it('counts whole hours left, rounding down', () => {
    expect(deadlineState(tip, NOW)).toEqual({ kind: 'left', hours: 5, minutes: 340 });
  });

  it('counts minutes in the last hour, never zero', () => {
    expect(deadlineState(tip, Date.parse('2026-11-28T15:39:30Z'))).toEqual({
      kind: 'left',
      hours: 0,
      minutes: 1,
    });
  });

  it('is overdue once the deadline has passed, or when the server says so', () => {
    expect(deadlineState(tip, Date.parse('2026-11-28T15:40:00Z')).kind).toBe('overdue');
    expect(deadlineState({ ...tip, overdue: true }, NOW).kind).toBe('overdue');
  });

  it('stops after the tip moved on, and is absent for kinds without a deadline', () => {
    expect(deadlineState({ ...tip, deadline_running: false }, NOW).kind).toBe('stopped');
    expect(deadlineState({ ...tip, deadline_at: null }, NOW).kind).toBe('none');
  });
});

describe('overdueBy', () => {
  it('counts the time since the deadline, rounding down, never zero', () => {
    expect(overdueBy({ deadline_at: '2026-11-28T06:59:00Z' }, NOW)).toEqual({
      days: 0,
      hours: 3,
      minutes: 181,
    });
    expect(overdueBy({ deadline_at: '2026-11-28T09:59:50Z' }, NOW)).toEqual({
      days: 0,
      hours: 0,
      minutes: 1,
    });
    expect(overdueBy({ deadline_at: '2026-11-26T09:00:00Z' }, NOW)?.days).toBe(2);
  });

  it('is null before the deadline and without one', () => {
    expect(overdueBy({ deadline_at: '2026-11-28T10:00:00Z' }, NOW)).toBeNull();
    expect(overdueBy({ deadline_at: null }, NOW)).toBeNull();
  });
});

describe('dueSoon', () => {
  const tip = { deadline_running: true, overdue: false, deadline_at: '2026-11-28T16:00:00Z' };
  const SIX_HOURS = 6 * 3600000;

  it('takes running tips due within the window, up to its end', () => {
    expect(dueSoon(tip, NOW, SIX_HOURS)).toBe(true);
    expect(dueSoon({ ...tip, deadline_at: '2026-11-28T16:01:00Z' }, NOW, SIX_HOURS)).toBe(false);
  });

  it('leaves out overdue, stopped and deadline-free tips', () => {
    expect(dueSoon({ ...tip, overdue: true }, NOW, SIX_HOURS)).toBe(false);
    expect(dueSoon({ ...tip, deadline_at: '2026-11-28T09:00:00Z' }, NOW, SIX_HOURS)).toBe(false);
    expect(dueSoon({ ...tip, deadline_running: false }, NOW, SIX_HOURS)).toBe(false);
    expect(dueSoon({ ...tip, deadline_at: null }, NOW, SIX_HOURS)).toBe(false);
  });
});

describe('snippet', () => {
  it('keeps a short text on one line and cuts a long one with an ellipsis', () => {
    expect(snippet('Tố giác\n  đánh bạc')).toBe('Tố giác đánh bạc');
    const cut = snippet('Có nhóm người lạ tụ tập đánh bạc', 12);
    expect(cut).toBe('Có nhóm ngư…');
    expect(Array.from(cut)).toHaveLength(12);
  });
});

describe('countOf', () => {
  it('adds the counts of the statuses asked for; a status left out counts 0', () => {
    const counts = { received: 12, verifying: 3, closed: 40 };
    expect(countOf(counts)).toBe(55);
    expect(countOf(counts, ['received', 'verifying'])).toBe(15);
    expect(countOf({}, ['received', 'verifying'])).toBe(0);
  });
});
