import styles from './style.module.css';
import { formatDateTime } from '../../lib/format';
import type { Translator } from '../../lib/i18n';
import { deadlineState, overdueBy } from '../../lib/mailbox';
import type { Tip } from '../../lib/schema';
import { useI18n } from '../../lib/use-i18n';

type DeadlineTip = Pick<Tip, 'deadline_at' | 'deadline_running' | 'overdue'>;

/** "còn 5 giờ", "Quá hạn", "Không có hạn luật định"… for a tip at `now`. */
export function deadlineText(t: Translator, tip: DeadlineTip, now: number): string {
  const state = deadlineState(tip, now);
  switch (state.kind) {
    case 'none':
      return t('deadline.none');
    case 'stopped':
      return t('deadline.stopped');
    case 'overdue':
      return t('deadline.overdue');
    case 'left':
      return state.hours > 0
        ? t('deadline.hours_left', { hours: state.hours })
        : t('deadline.minutes_left', { minutes: state.minutes });
  }
}

/** "Quá hạn 2 ngày", "Quá hạn 3 giờ", "Quá hạn 20 phút" — or "Quá hạn" when the clock cannot tell. */
export function overdueText(t: Translator, tip: Pick<Tip, 'deadline_at'>, now: number): string {
  const by = overdueBy(tip, now);
  if (!by) return t('deadline.overdue');
  if (by.days >= 2) return t('deadline.overdue_days', { days: by.days });
  if (by.hours > 0) return t('deadline.overdue_hours', { hours: by.hours });
  return t('deadline.overdue_minutes', { minutes: by.minutes });
}

/**
 * The deadline of a tip and where it stands: the date, then the time left, or
 * "Quá hạn" in words (red and bold as well, never colour alone).
 */
export function TipDeadline({ tip, now }: { tip: DeadlineTip; now: number }) {
  const { t } = useI18n();
  const state = deadlineState(tip, now);
  const text = deadlineText(t, tip, now);
  return (
    <span class={styles.deadline} data-deadline={state.kind}>
      {tip.deadline_at ? <span class={styles.date}>{formatDateTime(tip.deadline_at)}</span> : null}
      <span
        class={
          state.kind === 'overdue'
            ? styles.overdue
            : state.kind === 'left'
              ? styles.left
              : styles.muted
        }
      >
        {state.kind === 'overdue' ? <span aria-hidden="true">⚠ </span> : null}
        {text}
      </span>
    </span>
  );
}
