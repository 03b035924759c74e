// The outbox badge in the Layout, on every page of a user who works offline (`offline.pack`):
// "N đang chờ gửi" linking to /offline, the conflicts and refusals apart, "Đăng nhập lại để
// gửi N bản ghi" when the session ended; nothing at 0. It also mounts the sends' triggers
// (lib/use-offline.ts useOutboxSync), so that they run once, whatever the page.
import styles from './style.module.css';
import { Link } from '../Link';
import { formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/use-i18n';
import { useOutboxStatus, useOutboxSync } from '../../lib/use-offline';

export function OutboxStatus({ userId }: { userId: number }) {
  const { t, locale } = useI18n();
  useOutboxSync(userId, locale);
  const status = useOutboxStatus();
  if (status.userId !== userId) return null;
  const { waiting, conflict, rejected } = status.counts;
  if (waiting + conflict + rejected === 0) return null;
  return (
    <Link href="/offline" id="outbox-status" class={styles.badge}>
      {waiting > 0 ? (
        <span id="outbox-waiting" class={styles.waiting}>
          {status.needsSignIn
            ? t('offline.sign_in_to_send', { count: formatNumber(waiting) })
            : t('offline.badge_waiting', { count: formatNumber(waiting) })}
        </span>
      ) : null}
      {conflict > 0 ? (
        <span id="outbox-conflicts" class={styles.problem}>
          {t('offline.badge_conflict', { count: formatNumber(conflict) })}
        </span>
      ) : null}
      {rejected > 0 ? (
        <span id="outbox-rejected" class={styles.problem}>
          {t('offline.badge_rejected', { count: formatNumber(rejected) })}
        </span>
      ) : null}
    </Link>
  );
}
