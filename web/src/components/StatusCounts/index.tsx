// The number of tips in each status, as chips that open the inbox filtered by that status.
import styles from './style.module.css';
import { Link } from '../Link';
import { LoadStatus } from '../LoadStatus';
import { formatNumber } from '../../lib/format';
import { countOf } from '../../lib/mailbox';
import type { TipCounts, TipStatus } from '../../lib/schema';
import { statusCodes, useTaxonomies } from '../../lib/taxonomies';
import { useI18n } from '../../lib/use-i18n';

interface Props {
  /** Tips in the officer's scope per status (GET /tips answers them with every page). */
  counts: TipCounts;
  /** Where a chip leads: the inbox showing that status ('' for every status). */
  href: (status: TipStatus | '') => string;
  /** The status the inbox shows now ('' for every status); none on the overview. */
  current?: TipStatus | '' | undefined;
  /** The id of a heading naming the chips; without one they are named "Số tin theo tình trạng". */
  labelledBy?: string;
}

/**
 * "Mọi tình trạng 55 · Mới tiếp nhận 12 · Đang xác minh 3 …": the statuses that have tips,
 * in the workflow's order (the server's taxonomies: "loading", or the error with a retry
 * button, until they arrive), and the one
 * shown now even without tips.
 */
export function StatusCounts({ counts, href, current, labelledBy }: Props) {
  const { t } = useI18n();
  const taxonomies = useTaxonomies();
  const total = countOf(counts);
  if (!taxonomies.data) return <LoadStatus state={taxonomies} />;
  const statuses = statusCodes(taxonomies.data);
  const shown = statuses.filter((status) => (counts[status] ?? 0) > 0 || status === current);
  if (shown.length === 0) return null;
  const chip = (status: TipStatus | '', label: string, count: number) => (
    <li key={status || 'all'}>
      <Link
        href={href(status)}
        class={styles.chip}
        data-status={status}
        aria-current={current === status ? 'true' : undefined}
      >
        {label} <span class={styles.count}>{formatNumber(count)}</span>
      </Link>
    </li>
  );
  return (
    <nav
      aria-label={labelledBy ? undefined : t('mailbox.by_status')}
      aria-labelledby={labelledBy}
      class={styles.counts}
      id="status-counts"
    >
      <ul class={styles.chips}>
        {chip('', t('mailbox.all_statuses'), total)}
        {shown.map((status) => chip(status, t(`tip_status.${status}`), counts[status] ?? 0))}
      </ul>
    </nav>
  );
}
