import styles from './style.module.css';
import { Link } from '../Link';
import { formatDateTime } from '../../lib/format';
import type { TipEvent } from '../../lib/schema';
import { useI18n } from '../../lib/use-i18n';

/** The changes of status of a tip, oldest first: from → to, who, when, why, where to. */
export function TipHistory({ events }: { events: readonly TipEvent[] }) {
  const { t } = useI18n();
  if (events.length === 0) return <p id="tip-events-none">{t('tip.history_none')}</p>;
  return (
    <ol id="tip-events" class={styles.events}>
      {events.map((event, index) => (
        <li key={index} data-to={event.to}>
          <p class={styles.head}>
            <strong>
              {t(`tip_status.${event.from}`)}
              <span aria-hidden="true"> → </span>
              <span class="visually-hidden"> — </span>
              {t(`tip_status.${event.to}`)}
            </strong>
          </p>
          <p class={styles.meta}>
            <time dateTime={event.at}>{formatDateTime(event.at)}</time>
            {' · '}
            {t('tip.event_by', { name: event.actor_name })}
          </p>
          <dl class={styles.details}>
            {event.reason ? (
              <>
                <dt>{t('tip.event_reason')}</dt>
                <dd class={styles.text}>{event.reason}</dd>
              </>
            ) : null}
            {event.transferred_to ? (
              <>
                <dt>{t('tip.event_transferred_to')}</dt>
                <dd>{event.transferred_to}</dd>
              </>
            ) : null}
            {event.minutes_number ? (
              <>
                <dt>{t('tip.event_minutes')}</dt>
                <dd>{event.minutes_number}</dd>
              </>
            ) : null}
            {event.duplicate_of !== null ? (
              <>
                <dt>{t('tip.event_duplicate_of')}</dt>
                <dd>
                  <Link href={`/mailbox/${event.duplicate_of}`}>
                    {t('mailbox.open_tip', { id: event.duplicate_of })}
                  </Link>
                </dd>
              </>
            ) : null}
          </dl>
        </li>
      ))}
    </ol>
  );
}
