import styles from './style.module.css';
import { Link } from '../Link';
import { LoadStatus } from '../LoadStatus';
import { deadlineText, overdueText } from '../TipDeadline';
import { formatDateTime, formatNumber } from '../../lib/format';
import { deadlineState, dueSoon } from '../../lib/mailbox';
import type { TipOverview } from '../../lib/tip-overview';
import type { Tip } from '../../lib/schema';
import type { AsyncState } from '../../lib/use-async';
import { useI18n } from '../../lib/use-i18n';
import { useNow } from '../../lib/use-now';

/** "Sắp đến hạn" means a legal deadline within this many hours. */
export const SOON_HOURS = 6;

type Loaded = Pick<TipOverview, 'overdue' | 'overdueTotal' | 'running'>;

const byDeadline = (a: Tip, b: Tip) =>
  (a.deadline_at ? Date.parse(a.deadline_at) : Infinity) -
  (b.deadline_at ? Date.parse(b.deadline_at) : Infinity);

/** Splits what the server sent at `now`: tips past their deadline and tips due soon. */
export function sortDeadlines(data: Loaded, now: number) {
  const listed = new Set(data.overdue.map((tip) => tip.id));
  // Tips that passed their deadline since the server answered join the overdue ones.
  // (Those the server already called overdue are in its count, listed here or not.)
  const lapsed = data.running.filter(
    (tip) => !tip.overdue && !listed.has(tip.id) && deadlineState(tip, now).kind === 'overdue',
  );
  const soon = data.running.filter((tip) => dueSoon(tip, now, SOON_HOURS * 3600000));
  return {
    overdue: [...data.overdue, ...lapsed].sort(byDeadline),
    overdueTotal: data.overdueTotal + lapsed.length,
    soon: soon.sort(byDeadline),
  };
}

interface Props {
  /** The overview's tips (loadTipOverview), shared with the counts per status. */
  overview: AsyncState<TipOverview>;
  /** The clock (ms since the epoch); now, ticking, by default. */
  now?: number;
}

/**
 * "Hạn xử lý" on the overview of a commune officer: tips past their legal deadline
 * ("Quá hạn 3 giờ", in red and in words) and tips due within the next 6 hours, each
 * linking to the tip. Only officers may read tips: render it for them alone.
 */
export function DeadlinesPanel({ overview, now: fixedNow }: Props) {
  const { t } = useI18n();
  const clock = useNow();
  const now = fixedNow ?? clock;
  const lists = overview.data ? sortDeadlines(overview.data, now) : null;

  return (
    <section
      class={`panel ${styles.panel}`}
      id="deadlines-panel"
      aria-labelledby="deadlines-heading"
      aria-busy={overview.loading ? 'true' : 'false'}
      data-overdue-count={lists ? lists.overdueTotal : undefined}
      data-soon-count={lists ? lists.soon.length : undefined}
    >
      <h2 id="deadlines-heading">
        {t('deadlines.title')}
        {lists ? (
          <span class={styles.counts} id="deadlines-counts">
            {` (${t('deadlines.counts', {
              overdue: formatNumber(lists.overdueTotal),
              soon: formatNumber(lists.soon.length),
            })})`}
          </span>
        ) : null}
      </h2>
      <LoadStatus state={overview} />
      {lists && lists.overdueTotal === 0 && lists.soon.length === 0 ? (
        <p id="deadlines-empty">{t('deadlines.empty')}</p>
      ) : null}
      {lists && lists.overdue.length > 0 ? (
        <>
          <h3 id="deadlines-overdue-heading" class={styles.overdueHeading}>
            {t('deadlines.overdue', { count: formatNumber(lists.overdueTotal) })}
          </h3>
          <ul
            id="deadlines-overdue"
            class={styles.list}
            aria-labelledby="deadlines-overdue-heading"
          >
            {lists.overdue.map((tip) => (
              <li key={tip.id} data-tip-id={tip.id} class={styles.overdueItem}>
                <Link href={`/mailbox/${tip.id}`} class={styles.tipLink}>
                  {t('mailbox.open_tip', { id: tip.id })}
                </Link>
                <span class={styles.kind}>{t(`tip_kind.${tip.kind}`)}</span>
                <span class={styles.overdue}>
                  <span aria-hidden="true">⚠ </span>
                  {overdueText(t, tip, now)}
                </span>
              </li>
            ))}
          </ul>
          {lists.overdueTotal > lists.overdue.length ? (
            <p>
              <Link href="/mailbox?overdue=1" id="deadlines-more">
                {t('deadlines.more_overdue', { count: formatNumber(lists.overdueTotal) })}
              </Link>
            </p>
          ) : null}
        </>
      ) : null}
      {lists && lists.soon.length > 0 ? (
        <>
          <h3 id="deadlines-soon-heading">
            {t('deadlines.soon', { hours: SOON_HOURS, count: formatNumber(lists.soon.length) })}
          </h3>
          <ul id="deadlines-soon" class={styles.list} aria-labelledby="deadlines-soon-heading">
            {lists.soon.map((tip) => (
              <li key={tip.id} data-tip-id={tip.id}>
                <Link href={`/mailbox/${tip.id}`} class={styles.tipLink}>
                  {t('mailbox.open_tip', { id: tip.id })}
                </Link>
                <span class={styles.kind}>{t(`tip_kind.${tip.kind}`)}</span>
                <span class={styles.soon}>
                  {t('deadlines.soon_item', { left: deadlineText(t, tip, now) })}
                </span>
                <span class={styles.date}>
                  {t('deadlines.due_at', { date: formatDateTime(tip.deadline_at) })}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
