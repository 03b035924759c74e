// The mailbox as the web app shows it: deadline state, counts, snippets. The workflow itself
// (moves allowed next, when a deadline runs) comes from the server with each tip.
import type { Tip, TipCounts, TipStatus } from './schema';

/** How many tips the counts give for these statuses (all of them by default). */
export function countOf(counts: TipCounts, statuses?: readonly TipStatus[]): number {
  const values = statuses ? statuses.map((status) => counts[status] ?? 0) : Object.values(counts);
  return values.reduce((sum, count) => sum + count, 0);
}

export type DeadlineState =
  /** The kind has no legal deadline. */
  | { kind: 'none' }
  /** The tip has left receipt and verification: the deadline no longer applies. */
  | { kind: 'stopped' }
  | { kind: 'overdue' }
  /** Time left, rounded down: whole hours, or minutes (at least 1) under an hour. */
  | { kind: 'left'; hours: number; minutes: number };

/**
 * Where a tip stands against its deadline at `now` (ms since the epoch). The server's
 * `overdue` wins; the clock only matters for tips that pass the deadline while shown.
 */
export function deadlineState(
  tip: Pick<Tip, 'deadline_at' | 'deadline_running' | 'overdue'>,
  now: number,
): DeadlineState {
  if (tip.overdue) return { kind: 'overdue' };
  if (!tip.deadline_at) return { kind: 'none' };
  if (!tip.deadline_running) return { kind: 'stopped' };
  const deadline = Date.parse(tip.deadline_at);
  if (Number.isNaN(deadline)) return { kind: 'none' };
  const left = deadline - now;
  if (left <= 0) return { kind: 'overdue' };
  const totalMinutes = Math.max(1, Math.floor(left / 60000));
  return { kind: 'left', hours: Math.floor(totalMinutes / 60), minutes: totalMinutes };
}

/** How long ago a deadline passed at `now`, rounded down; null when it has not (or is unknown). */
export function overdueBy(
  tip: Pick<Tip, 'deadline_at'>,
  now: number,
): { days: number; hours: number; minutes: number } | null {
  if (!tip.deadline_at) return null;
  const deadline = Date.parse(tip.deadline_at);
  if (Number.isNaN(deadline) || deadline >= now) return null;
  const minutes = Math.max(1, Math.floor((now - deadline) / 60000));
  const hours = Math.floor(minutes / 60);
  return { days: Math.floor(hours / 24), hours, minutes };
}

/** A tip whose legal deadline still runs and falls within `withinMs` of `now` (not yet passed). */
export function dueSoon(
  tip: Pick<Tip, 'deadline_at' | 'deadline_running' | 'overdue'>,
  now: number,
  withinMs: number,
): boolean {
  if (deadlineState(tip, now).kind !== 'left' || !tip.deadline_at) return false;
  return Date.parse(tip.deadline_at) - now <= withinMs;
}

/** The first `max` characters of a text on one line, with "…" when cut. */
export function snippet(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  if (chars.length <= max) return flat;
  return (
    chars
      .slice(0, max - 1)
      .join('')
      .trimEnd() + '…'
  );
}
