import { useState } from 'preact/hooks';
import styles from './style.module.css';
import { TextField } from '../Field';
import { AlertMessage, ErrorMessage } from '../Notice';
import { SubmitActions } from '../SubmitActions';
import { ApiError, localValidation, mailboxKeys } from '../../lib/api';
import { fieldErrors } from '../../lib/i18n';
import type { MailboxKeyStatus } from '../../lib/schema';
import { useAction } from '../../lib/use-action';
import { useI18n } from '../../lib/use-i18n';

interface HoldersProps {
  status: MailboxKeyStatus;
  /** The signed-in officer. */
  userId: number;
  unitName: string;
}

/** The commune key's version and #key-holders, with whether the signed-in officer holds it. */
export function KeyHolders({ status, userId, unitName }: HoldersProps) {
  const { t } = useI18n();
  const mine = status.holders.some((holder) => holder.user_id === userId && holder.usable);
  return (
    <>
      <dl class="facts">
        <dt>{t('mailbox_keys.unit')}</dt>
        <dd>{unitName}</dd>
        <dt>{t('mailbox_keys.version')}</dt>
        <dd id="key-version">{status.version}</dd>
      </dl>
      {status.version === 0 ? (
        <p id="key-none">{t('mailbox_keys.no_key')}</p>
      ) : (
        <>
          <p id="key-mine" data-holds={mine ? 'true' : 'false'}>
            {mine ? t('mailbox_keys.you_hold') : t('mailbox_keys.you_dont')}
          </p>
          <h3>{t('mailbox_keys.holders')}</h3>
          {status.holders.length === 0 ? (
            <p>{t('mailbox_keys.holders_none')}</p>
          ) : (
            <ul id="key-holders" class={styles.holders}>
              {status.holders.map((holder) => (
                <li key={holder.user_id} data-user-id={holder.user_id}>
                  <strong>{holder.username}</strong>
                  {holder.user_id === userId ? ` ${t('mailbox_keys.holder_you')}` : null}{' '}
                  <span class="muted">({t('mailbox_keys.holder_id', { id: holder.user_id })})</span>
                  {' — '}
                  <span class={holder.usable ? undefined : styles.unusable}>
                    {holder.usable ? t('mailbox_keys.usable') : t('mailbox_keys.unusable')}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}

interface GrantProps {
  unitId: number;
  onDone: (confirmation: string) => void;
}

/** #grant-form: give the commune key to another officer by user id (officers cannot list users). */
export function KeyGrantForm({ unitId, onDone }: GrantProps) {
  const { t } = useI18n();
  const [userId, setUserId] = useState('');
  const { error, setError, busy, run } = useAction();
  const fe = fieldErrors(t, error);
  const label = t('mailbox_keys.grant_user_id');

  const submit = (event: Event) => {
    event.preventDefault();
    const value = userId.trim();
    if (!/^\d+$/.test(value) || Number(value) < 1) {
      setError(
        localValidation([{ field: 'user_id', code: value ? 'invalid_format' : 'required' }]),
      );
      return;
    }
    void run(async () => {
      await mailboxKeys.grant(unitId, Number(value));
      setUserId('');
      onDone(t('mailbox_keys.granted', { id: Number(value) }));
    });
  };

  const forbidden = error instanceof ApiError && error.status === 403 && error.slug === 'forbidden';

  return (
    <form
      class="panel"
      id="grant-form"
      onSubmit={submit}
      noValidate
      aria-labelledby="grant-heading"
    >
      <h2 id="grant-heading">{t('mailbox_keys.grant')}</h2>
      {forbidden ? (
        <AlertMessage title={t('mailbox_keys.grant_forbidden')} />
      ) : (
        <ErrorMessage error={error} fields={{ user_id: label }} />
      )}
      <div class={styles.narrow}>
        <TextField
          id="grant-user-id"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          label={label}
          hint={t('mailbox_keys.grant_hint')}
          value={userId}
          onValue={setUserId}
          error={fe.user_id}
          required
          autocomplete="off"
        />
      </div>
      <SubmitActions busy={busy} label={t('mailbox_keys.grant_submit')} />
    </form>
  );
}
