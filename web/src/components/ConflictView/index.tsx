// An outbox entry in conflict (409: someone changed the record after the phone saw it): the
// server's copy is read again (the GET of the record's kind) and shown beside the phone's,
// field by field. "Giữ bản trên máy chủ" drops the phone's; "Gửi bản của tôi" sends it again
// on the server's version. Nothing is overwritten without one of the two (plan D4).
import { useState } from 'preact/hooks';
import styles from './style.module.css';
import { LoadStatus } from '../LoadStatus';
import { ErrorMessage } from '../Notice';
import type { OfflinePack } from '../../lib/offline-pack';
import { compareFields, serverRecord } from '../../lib/offline-records';
import { keepServerCopy, sendMine } from '../../lib/offline-sync';
import { fieldLabel, fieldValue } from '../../lib/offline-words';
import type { OutboxEntry } from '../../lib/outbox';
import { useAction } from '../../lib/use-action';
import { useAsync } from '../../lib/use-async';
import { useI18n } from '../../lib/use-i18n';

interface Props {
  entry: OutboxEntry;
  userId: number;
  /** The village's pack, to name members, teams and groups; null when none is held. */
  pack: OfflinePack | null;
  onDone: (confirmation: string) => void;
}

export function ConflictView({ entry, userId, pack, onDone }: Props) {
  const { t, locale } = useI18n();
  const server = useAsync((signal) => serverRecord(entry, signal), [entry.id, entry.attempts]);
  const { error, busy, run } = useAction();
  const [done, setDone] = useState(false);
  const id = `conflict-${entry.id}`;
  const fields = server.data !== undefined ? compareFields(entry.body, server.data) : [];

  const keep = () =>
    void run(async () => {
      await keepServerCopy(userId, entry, server.data ?? null);
      setDone(true);
      onDone(t('offline.kept_server'));
    });
  const mine = () =>
    void run(async () => {
      const version = typeof server.data?.version === 'number' ? server.data.version : 0;
      await sendMine(userId, entry, version, locale);
      setDone(true);
      onDone(t('offline.sent_mine'));
    });

  return (
    <section class={styles.conflict} id={id} aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>{t('offline.conflict_title')}</h4>
      <p>{t('offline.conflict_intro')}</p>
      {server.data === undefined ? (
        <LoadStatus state={server} />
      ) : (
        <>
          {server.data === null ? <p id={`${id}-none`}>{t('offline.conflict_server_none')}</p> : null}
          <table class={styles.table} id={`${id}-table`}>
            <thead>
              <tr>
                <th scope="col">{t('offline.conflict_field')}</th>
                <th scope="col">{t('offline.conflict_mine')}</th>
                <th scope="col">{t('offline.conflict_server')}</th>
              </tr>
            </thead>
            <tbody>
              {fields.map((f) => (
                <tr key={f.field} data-field={f.field} data-same={f.same ? 'true' : 'false'} class={f.same ? undefined : styles.differs}>
                  <th scope="row">
                    {fieldLabel(t, f.field)}
                    {f.same ? null : <span class={styles.mark}> ({t('offline.conflict_differs')})</span>}
                  </th>
                  <td data-label={t('offline.conflict_mine')} data-side="mine">
                    {fieldValue(t, f.field, f.mine, pack)}
                  </td>
                  <td data-label={t('offline.conflict_server')} data-side="server">
                    {server.data === null ? '—' : fieldValue(t, f.field, f.theirs, pack)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ErrorMessage error={error} />
          <div class="actions">
            <button type="button" class="secondary" id={`${id}-keep`} disabled={busy || done} onClick={keep}>
              {t('offline.keep_server')}
            </button>
            <button type="button" id={`${id}-mine`} disabled={busy || done} onClick={mine}>
              {t('offline.send_mine')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
