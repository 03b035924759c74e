// The mailbox as the officers' overview shows it (deadlines, counts per status), read with as
// few audited GET /tips as the answers allow: usually one.
import { tips } from './api';
import type { Tip, TipCounts } from './schema';

/** Overdue tips listed on the overview; the count covers them all, the inbox lists the rest. */
export const OVERDUE_SHOWN = 20;
/** The newest tips read (the server's largest page): tips due soon were received lately. */
const NEWEST_PAGE = 200;

export interface TipOverview {
  /** Tips past their deadline as the server said, newest first, at most OVERDUE_SHOWN. */
  overdue: Tip[];
  /** Every tip past its deadline, listed or not. */
  overdueTotal: number;
  /** The tips whose deadline still runs (received, verifying) among the newest. */
  running: Tip[];
  /** Tips in the officer's scope per status. */
  counts: TipCounts;
}

/**
 * The newest tips, with the counts per status. When they hold every tip whose deadline runs
 * (the counts say how many), the overdue ones are among them; otherwise older tips still
 * wait, and a second request lists and counts the overdue ones.
 */
export async function loadTipOverview(signal?: AbortSignal): Promise<TipOverview> {
  const newest = await tips.list({ page_size: NEWEST_PAGE }, signal);
  const running = newest.items.filter((tip) => tip.deadline_running);
  if (running.length >= newest.running) {
    // The same tips, in the same order (newest first), as GET /tips?overdue=1 would list.
    const overdue = running.filter((tip) => tip.overdue);
    return {
      overdue: overdue.slice(0, OVERDUE_SHOWN),
      overdueTotal: overdue.length,
      running,
      counts: newest.counts ?? {},
    };
  }
  const overdue = await tips.list({ overdue: true, page_size: OVERDUE_SHOWN }, signal);
  return {
    overdue: overdue.items,
    overdueTotal: overdue.total,
    running,
    counts: overdue.counts ?? newest.counts ?? {},
  };
}
