import { useState } from 'preact/hooks';
import type { PageProps } from '../app';
import { CardTable } from '../components/CardTable';
import { SelectField } from '../components/Field';
import { LoadStatus } from '../components/LoadStatus';
import { ErrorMessage, StatusMessage } from '../components/Notice';
import { Pager } from '../components/Pager';
import { notifications, type NotificationStatus } from '../lib/api';
import { formatDateTime, formatNumber } from '../lib/format';
import type { Notification } from '../lib/schema';
import { useAction } from '../lib/use-action';
import { useAsync } from '../lib/use-async';
import { useI18n } from '../lib/use-i18n';
import { useTitle } from '../lib/use-title';

const PAGE_SIZE = 50;
const STATUSES: readonly NotificationStatus[] = ['pending', 'sent', 'dead'];

/**
 * /notifications (admin): the outbox of reminders to staff, newest first, with the counts
 * by status and the channels turned on; a given-up one can be sent again. Phone numbers
 * come masked from the server.
 */
export function NotificationsPage(_: PageProps) {
  const { t } = useI18n();
  useTitle(t('notifications.title'));
  const [status, setStatus] = useState<NotificationStatus | ''>('');
  const [page, setPage] = useState(1);
  const [done, setDone] = useState('');
  const list = useAsync(
    (signal) => notifications.list({ ...(status ? { status } : {}), page, page_size: PAGE_SIZE }, signal),
    [status, page],
  );
  const retrying = useAction();

  const retry = (n: Notification) => {
    setDone('');
    void retrying.run(async () => {
      await notifications.retry(n.id);
      setDone(t('notifications.retried', { id: String(n.id) }));
      list.reload();
    });
  };

  const data = list.data;
  const columns = [
    '#',
    t('notifications.created'),
    t('notifications.channel'),
    t('notifications.subject'),
    t('notifications.status'),
    t('notifications.attempts'),
    t('notifications.last_error'),
    '',
  ];
  return (
    <>
      <h1>{t('notifications.title')}</h1>
      <p class="muted">{t('notifications.intro')}</p>
      {data ? (
        <dl class="facts" id="notifications-counts">
          {STATUSES.map((s) => (
            <>
              <dt>{t(`notifications.status_${s}`)}</dt>
              <dd data-status={s}>{formatNumber(data.counts[s])}</dd>
            </>
          ))}
          <dt>{t('notifications.channels')}</dt>
          <dd id="notifications-channels">
            {data.channels.map((c) => t(`notifications.channel_${c}`)).join(', ')}
          </dd>
        </dl>
      ) : null}
      <StatusMessage>{done}</StatusMessage>
      <ErrorMessage error={retrying.error} />
      <SelectField
        id="notifications-status"
        label={t('notifications.status')}
        value={status}
        onValue={(value) => {
          setStatus(value as NotificationStatus | '');
          setPage(1);
        }}
        options={[
          { value: '', label: t('notifications.status_any') },
          ...STATUSES.map((s) => ({ value: s, label: t(`notifications.status_${s}`) })),
        ]}
      />
      <section aria-labelledby="notifications-list-heading">
        <h2 id="notifications-list-heading">{t('notifications.list')}</h2>
        <LoadStatus state={list} />
        {data && data.items.length === 0 ? <p>{t('notifications.empty')}</p> : null}
        {data && data.items.length > 0 ? (
          <CardTable id="notifications-table" labelledBy="notifications-list-heading" columns={columns}>
            {data.items.map((n) => (
              <tr key={n.id} data-notification-id={n.id} data-status={n.status}>
                <td data-label="#">{n.id}</td>
                <td data-label={columns[1]}>
                  <time dateTime={n.created_at}>{formatDateTime(n.created_at)}</time>
                </td>
                <td data-label={columns[2]}>
                  {t(`notifications.channel_${n.channel}`)}
                  {n.address ? ` (${n.address})` : ''}
                </td>
                <td data-label={columns[3]}>
                  <details>
                    <summary>{n.subject}</summary>
                    <pre class="wrap">{n.body}</pre>
                  </details>
                </td>
                <td data-label={columns[4]}>{t(`notifications.status_${n.status}`)}</td>
                <td data-label={columns[5]}>{formatNumber(n.attempts)}</td>
                <td data-label={columns[6]}>{n.last_error || t('common.none')}</td>
                <td data-label={columns[7]}>
                  {n.status === 'dead' ? (
                    <button type="button" class="secondary" disabled={retrying.busy} onClick={() => retry(n)}>
                      {t('notifications.retry')}
                      <span class="visually-hidden"> (#{n.id})</span>
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </CardTable>
        ) : null}
        {data ? <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} /> : null}
      </section>
    </>
  );
}
