// #outbox: every outbox entry of the signed-in user, oldest first, with its state: those
// waiting, those in conflict (ConflictView: the member chooses), and those refused with the
// server's reasons, to edit ("Sửa" opens the entry's form again) or to drop ("Bỏ").
// "Gửi ngay" sends now, even entries still backing off.
import { useState } from 'preact/hooks';
import styles from './style.module.css';
import { ConflictView } from '../ConflictView';
import { Link } from '../Link';
import { ErrorMessage, StatusMessage } from '../Notice';
import { formatDateTime, formatNumber } from '../../lib/format';
import type { OfflinePack } from '../../lib/offline-pack';
import { dropEntry, syncOutbox } from '../../lib/offline-sync';
import { entryProblem, entrySummary, fieldLabels, stateName } from '../../lib/offline-words';
import type { OutboxEntry, OutboxKind } from '../../lib/outbox';
import { useAction } from '../../lib/use-action';
import { useI18n } from '../../lib/use-i18n';
import { useOutboxEntries, useOutboxStatus } from '../../lib/use-offline';

/** The offline form each kind is entered in, to edit a refused entry; none for the others. */
const FORMS: Partial<Record<OutboxKind, string>> = {
  patrol: '/offline/patrol',
  drill: '/offline/drill',
  registration: '/offline/registration',
  extinguisher_check: '/offline/extinguisher-check',
};

interface Props {
  userId: number;
  pack: OfflinePack | null;
  /** Ask for a sign-in again (the session ended while entries wait). */
  onSignIn: () => void;
}

export function OutboxList({ userId, pack, onSignIn }: Props) {
  const { t, locale } = useI18n();
  const { entries } = useOutboxEntries(userId);
  const status = useOutboxStatus();
  const { error, busy, run } = useAction();
  const [said, setSaid] = useState('');
  const [opened, setOpened] = useState<string | null>(null);
  const pending = (entries ?? []).filter((e) => e.state === 'waiting' || e.state === 'sending').length;
  const online = typeof navigator === 'undefined' || navigator.onLine !== false;

  const sendNow = () =>
    void run(async () => {
      setSaid('');
      const result = await syncOutbox(userId, { force: true, locale });
      if (result && result.sent.length > 0) setSaid(t('offline.sent', { count: formatNumber(result.sent.length) }));
      else if (!result || result.stopped === 'unreachable') setSaid(t('offline.send_unreachable'));
    });

  const drop = (entry: OutboxEntry) => {
    if (!window.confirm(t('offline.drop_confirm'))) return;
    void run(async () => {
      await dropEntry(userId, entry);
      setSaid(t('offline.dropped'));
    });
  };

  return (
    <section aria-labelledby="outbox-heading" id="outbox">
      <h2 id="outbox-heading">{t('offline.outbox_title')}</h2>
      <StatusMessage>{said}</StatusMessage>
      <ErrorMessage error={error} />
      {status.userId === userId && status.needsSignIn ? (
        <p id="outbox-sign-in">
          <button type="button" onClick={onSignIn}>
            {t('offline.sign_in_to_send', { count: formatNumber(status.counts.waiting) })}
          </button>
        </p>
      ) : null}
      {entries && entries.length === 0 ? <p id="outbox-empty">{t('offline.outbox_empty')}</p> : null}
      {entries && entries.length > 0 ? (
        <>
          <div class="actions">
            <button type="button" id="outbox-send" disabled={busy || pending === 0 || !online} onClick={sendNow}>
              {busy ? t('common.sending') : t('offline.send_now')}
            </button>
          </div>
          <ul class={styles.list}>
            {entries.map((entry) => {
              const problem = entryProblem(entry);
              const form = FORMS[entry.kind];
              return (
                <li key={entry.id} class={styles.entry} data-entry-id={entry.id} data-state={entry.state}>
                  <p class={styles.head}>
                    <strong>{entrySummary(t, entry, pack)}</strong>
                    <span class={`${styles.state} ${styles[entry.state] ?? ''}`}>{stateName(t, entry.state)}</span>
                  </p>
                  <p class="muted">{t('offline.entry_created', { time: formatDateTime(new Date(entry.created_at).toISOString()) })}</p>
                  {entry.state === 'rejected' ? (
                    <>
                      <p>{t('offline.rejected_intro')}</p>
                      <ErrorMessage error={problem} fields={fieldLabels(t)} />
                      <div class="actions">
                        {form ? (
                          <Link href={`${form}?entry=${encodeURIComponent(entry.id)}`} class="button" id={`entry-${entry.id}-edit`}>
                            {t('offline.edit')}
                          </Link>
                        ) : null}
                        <button type="button" class="secondary" id={`entry-${entry.id}-drop`} disabled={busy} onClick={() => drop(entry)}>
                          {t('offline.drop')}
                        </button>
                      </div>
                    </>
                  ) : null}
                  {entry.state === 'conflict' ? (
                    opened === entry.id ? (
                      <ConflictView entry={entry} userId={userId} pack={pack} onDone={(message) => setSaid(message)} />
                    ) : (
                      <div class="actions">
                        <button type="button" id={`entry-${entry.id}-compare`} onClick={() => setOpened(entry.id)}>
                          {t('offline.conflict_open')}
                        </button>
                      </div>
                    )
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </section>
  );
}
