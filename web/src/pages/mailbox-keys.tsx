import { useState } from 'preact/hooks';
import type { PageProps } from '../app';
import { BackLink } from '../components/Link';
import { KeyGrantForm, KeyHolders } from '../components/MailboxKeys';
import { LoadStatus } from '../components/LoadStatus';
import { StatusMessage } from '../components/Notice';
import { mailboxKeys } from '../lib/api';
import { useAsync } from '../lib/use-async';
import { useI18n } from '../lib/use-i18n';
import { useUser } from '../lib/use-session';
import { useTitle } from '../lib/use-title';

/** /mailbox/keys (officers): who holds the commune's mailbox key, and giving it to a colleague. */
export function MailboxKeysPage(_: PageProps) {
  const { t } = useI18n();
  const user = useUser();
  useTitle(t('mailbox_keys.title'));
  const [status, setStatus] = useState('');
  const keys = useAsync((signal) => mailboxKeys.status(user.unit_id, signal), [user.unit_id]);

  const granted = (message: string) => {
    setStatus(message);
    keys.reload();
  };

  return (
    <>
      <BackLink href="/mailbox" label={t('mailbox_keys.back')} />
      <h1>{t('mailbox_keys.title')}</h1>
      <p>{t('mailbox_keys.intro')}</p>
      <StatusMessage>{status}</StatusMessage>
      <section class="panel" aria-labelledby="key-status-heading">
        <h2 id="key-status-heading">{t('mailbox_keys.status')}</h2>
        <LoadStatus state={keys} />
        {keys.data ? (
          <KeyHolders status={keys.data} userId={user.id} unitName={user.unit_name} />
        ) : null}
        <p id="my-user-id">{t('mailbox_keys.your_id', { id: user.id })}</p>
      </section>
      {keys.data && keys.data.version > 0 ? (
        <KeyGrantForm unitId={user.unit_id} onDone={granted} />
      ) : null}
    </>
  );
}
