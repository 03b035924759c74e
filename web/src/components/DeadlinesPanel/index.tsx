import styles from './style.module.css';
import { Link } from '../Link';
import { ErrorMessage } from '../Notice';
import { deadlineText, overdueText } from '../TipDeadline';
import { tips } from '../../lib/api';
import { formatDateTime, formatNumber } from '../../lib/format';
import { deadlineState, dueSoon } from '../../lib/mailbox';
import type { Tip } from '../../lib/types';
import { useAsync } from '../../lib/use-async';
import { useI18n } from '../../lib/use-i18n';
import { useNow } from '../../lib/use-now';

/** "Sắp đến hạn" means a legal deadline within this many hours. */
export const SOON_HOURS = 6;
/** Overdue tips listed on the panel; the count covers them all, the mailbox lists the rest. */
const OVERDUE_SHOWN = 20;
/** Running tips read per status to find those due soon (the server's largest page). */
const RUNNING_PAGE = 200;

interface Loaded {
  overdue: Tip[];
  overdueTotal: number;
  running: Tip[];
}

async function load(signal: AbortSignal): Promise<Loaded> {
  const [overdue, received, verifying] = await Promise.all([
    tips.list({ overdue: true, page_size: OVERDUE_SHOWN }, signal),
    tips.list({ status: 'received', page_size: RUNNING_PAGE }, signal),
    tips.list({ status: 'verifying', page_size: RUNNING_PAGE }, signal),
  ]);
  return {
    overdue: overdue.items,
    overdueTotal: overdue.total,
    running: [...received.items, ...verifying.items],
  };
}

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

/**
 * "Hạn xử lý" on the overview of a commune officer: tips past their legal deadline
 * ("Quá hạn 3 giờ", in red and in words) and tips due within the next 6 hours, each
 * linking to the tip. Only officers may read tips: render it for them alone.
 */
export function DeadlinesPanel({ now: fixedNow }: { now?: number }) {
  const { t } = useI18n();
  const clock = useNow();
  const now = fixedNow ?? clock;
  const data = useAsync(load, []);
  const lists = data.data ? sortDeadlines(data.data, now) : null;

  return (
    <section
      class={`panel ${styles.panel}`}
      id="deadlines-panel"
      aria-labelledby="deadlines-heading"
      aria-busy={data.loading ? 'true' : 'false'}
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
      {data.loading && !data.data ? <p role="status">{t('common.loading')}</p> : null}
      <ErrorMessage error={data.error} />
      {data.error ? (
        <button type="button" class="secondary" onClick={data.reload}>
          {t('common.retry')}
        </button>
      ) : null}
      {lists && lists.overdueTotal === 0 && lists.soon.length === 0 ? (
        <p id="deadlines-empty">{t('deadlines.empty')}</p>
      ) : null}
      {lists && lists.overdue.length > 0 ? (
        <>
          <h3 id="deadlines-overdue-heading" class={styles.overdueHeading}>
            {t('deadlines.overdue', { count: formatNumber(lists.overdueTotal) })}
          </h3>
          <ul id="deadlines-overdue" class={styles.list} aria-labelledby="deadlines-overdue-heading">
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
