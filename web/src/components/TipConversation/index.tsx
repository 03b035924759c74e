import styles from './style.module.css';
import { formatDateTime } from '../../lib/format';
import type { TipMessage } from '../../lib/schema';
import { useI18n } from '../../lib/use-i18n';

function Author({ message }: { message: TipMessage }) {
  const { t } = useI18n();
  if (message.internal)
    return (
      <>
        <strong class={styles.internalLabel}>{t('tip.internal_note')}</strong>
        {' · '}
        {t('tip.note_by', { name: message.author_name })}
      </>
    );
  if (message.author === 'tipster') return <strong>{t('tip.from_tipster')}</strong>;
  return <strong>{t('tip.from_officer', { name: message.author_name })}</strong>;
}

/**
 * Messages with the tipster and internal notes, oldest first. Who wrote each one and
 * whether the tipster sees it are said in words, not only by colour or position.
 */
export function TipConversation({ messages }: { messages: readonly TipMessage[] }) {
  const { t } = useI18n();
  return (
    <div id="tip-messages">
      {messages.length === 0 ? (
        <p>{t('tip.conversation_none')}</p>
      ) : (
        <ol class={styles.messages}>
          {messages.map((message) => {
            const kind = message.internal
              ? 'internal'
              : message.author === 'tipster'
                ? 'tipster'
                : 'officer';
            return (
              <li
                key={message.id}
                data-message-id={message.id}
                data-kind={kind}
                class={`${styles.message} ${styles[kind] ?? ''}`}
              >
                <p class={styles.meta}>
                  <Author message={message} />
                  {' · '}
                  <time dateTime={message.created_at}>{formatDateTime(message.created_at)}</time>
                </p>
                {message.body ? (
                  <p class={styles.body}>{message.body}</p>
                ) : (
                  <p class={`${styles.body} muted`}>{t('tip.body_unreadable')}</p>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
