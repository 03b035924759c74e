import { useMemo, useState } from 'preact/hooks';
import type { PageProps } from '../app';
import { BackLink, Link } from '../components/Link';
import { ErrorMessage, InfoMessage, StatusMessage } from '../components/Notice';
import { TipConversation } from '../components/TipConversation';
import { TipDeadline } from '../components/TipDeadline';
import { TipFiles } from '../components/TipFiles';
import { AssignControl, MessageForm, RevealForm, TransitionForm } from '../components/TipForms';
import { TipHistory } from '../components/TipHistory';
import { ApiError, boxes, tips, units } from '../lib/api';
import { formatDateTime } from '../lib/format';
import type { TipDetail, TipMessage } from '../lib/schema';
import { indexUnits } from '../lib/unit-index';
import { useAsync } from '../lib/use-async';
import { useI18n } from '../lib/use-i18n';
import { useNow } from '../lib/use-now';
import { useUser } from '../lib/use-session';
import { useTip } from '../lib/use-tip';
import { useTitle } from '../lib/use-title';
import styles from './mailbox.module.css';

/** /mailbox/:id (officers): one tip, its history and conversation, and what to do with it. */
export function TipPage({ params }: PageProps) {
  const { t } = useI18n();
  const user = useUser();
  const id = params.id !== undefined && /^\d+$/.test(params.id) ? Number(params.id) : null;
  useTitle(id === null ? t('mailbox.title') : t('tip.title', { id }));
  const state = useTip(id);
  const [status, setStatus] = useState('');
  const tip = state.tip;

  const changed = (updated: TipDetail, confirmation: string) => {
    state.replace(updated);
    setStatus(confirmation);
  };
  const sent = (message: TipMessage, confirmation: string) => {
    state.replace((shown) => ({ ...shown, messages: [...shown.messages, message] }));
    setStatus(confirmation);
  };

  return (
    <>
      <BackLink href="/mailbox" label={t('tip.back')} />
      <h1>{id === null ? t('mailbox.title') : t('tip.title', { id })}</h1>
      <StatusMessage>{status}</StatusMessage>
      {id === null ? (
        <ErrorMessage error={new ApiError({ status: 404, slug: 'not-found' })} />
      ) : null}
      {state.loading && !tip ? <p role="status">{t('common.loading')}</p> : null}
      {!tip ? <ErrorMessage error={state.error} /> : null}
      {tip ? (
        <TipView
          key={tip.id}
          tip={tip}
          userId={user.id}
          onChanged={changed}
          onSent={sent}
          onStatus={setStatus}
        />
      ) : null}
    </>
  );
}

/** Kinds with a "Biên bản tiếp nhận nguồn tin về tội phạm" (information about a crime). */

interface ViewProps {
  tip: TipDetail;
  userId: number;
  onChanged: (updated: TipDetail, confirmation: string) => void;
  onSent: (message: TipMessage, confirmation: string) => void;
  onStatus: (confirmation: string) => void;
}

function TipView({ tip, userId, onChanged, onSent, onStatus }: ViewProps) {
  const { t } = useI18n();
  const now = useNow();
  const tree = useAsync(
    (signal) => (tip.village_id === null ? Promise.resolve(null) : units.tree(true, signal)),
    [tip.village_id],
  );
  const index = useMemo(() => indexUnits(tree.data?.roots ?? []), [tree.data]);
  const openingId = tip.box_opening_id ?? null;
  // The box the letter came from, for a link to it (the number shows without it).
  const opening = useAsync(
    (signal) => (openingId === null ? Promise.resolve(null) : boxes.opening(openingId, signal)),
    [openingId],
  );
  const assignee =
    tip.assignee_id === null
      ? t('tip.assignee_none')
      : tip.assignee_id === userId
        ? t('tip.assignee_me')
        : t('tip.assignee_other', { id: tip.assignee_id });
  const notGiven = <span class="muted">{t('tip.not_given')}</span>;

  return (
    <>
      <p class={styles.subtitle}>
        {t(`tip_kind.${tip.kind}`)} · {tip.unit_name}
      </p>

      <section class="panel" aria-labelledby="tip-facts-heading">
        <h2 id="tip-facts-heading">{t('tip.facts')}</h2>
        <dl class="facts">
          <dt>{t('tip.status')}</dt>
          <dd>
            <strong id="tip-status-label" data-status={tip.status}>
              {t(`tip_status.${tip.status}`)}
            </strong>
          </dd>
          <dt>{t('tip.kind')}</dt>
          <dd id="tip-kind-label">{t(`tip_kind.${tip.kind}`)}</dd>
          <dt>{t('tip.received')}</dt>
          <dd>
            <time dateTime={tip.received_at}>{formatDateTime(tip.received_at)}</time>
          </dd>
          <dt>{t('tip.deadline')}</dt>
          <dd id="tip-deadline">
            <TipDeadline tip={tip} now={now} />
          </dd>
          {tip.transferred_at ? (
            <>
              <dt>{t('tip.transferred_at')}</dt>
              <dd>{formatDateTime(tip.transferred_at)}</dd>
            </>
          ) : null}
          {tip.closed_at ? (
            <>
              <dt>{t('tip.closed_at')}</dt>
              <dd>{formatDateTime(tip.closed_at)}</dd>
            </>
          ) : null}
          {tip.duplicate_of !== null ? (
            <>
              <dt>{t('tip.duplicate_of')}</dt>
              <dd>
                <Link href={`/mailbox/${tip.duplicate_of}`}>
                  {t('mailbox.open_tip', { id: tip.duplicate_of })}
                </Link>
              </dd>
            </>
          ) : null}
          <dt>{t('tip.unit')}</dt>
          <dd>{tip.unit_name}</dd>
          <dt>{t('tip.village')}</dt>
          <dd>{tip.village_id === null ? notGiven : index.nameOf(tip.village_id)}</dd>
          <dt>{t('tip.channel')}</dt>
          <dd>{t(`tip_channel.${tip.channel}`)}</dd>
          {openingId !== null ? (
            <>
              <dt>{t('tip.source')}</dt>
              <dd id="tip-box-opening">
                {t('tip.from_box', { id: openingId })}
                {opening.data ? (
                  <>
                    {' — '}
                    <Link href={`/mailbox/boxes/${opening.data.box_id}`}>
                      {t('tip.from_box_place', { place: opening.data.box_place })}
                    </Link>
                  </>
                ) : null}
              </dd>
            </>
          ) : null}
          <dt>{t('tip.identity_mode')}</dt>
          <dd id="tip-identity-mode">{t(`identity_mode.${tip.identity_mode}`)}</dd>
          <dt>{t('tip.wants_outcome')}</dt>
          <dd>{tip.wants_outcome ? t('common.yes') : t('common.no')}</dd>
          <dt>{t('tip.assignee')}</dt>
          <dd id="tip-assignee">{assignee}</dd>
        </dl>
        <AssignControl tip={tip} userId={userId} onDone={onChanged} />
        {/* The record quotes the content: only with the commune key. */}
        {tip.readable && tip.receipt_record ? (
          <p class={styles.record}>
            <a
              href={tips.receiptRecordUrl(tip.id)}
              download
              class="button secondary"
              id="tip-receipt-record"
              aria-describedby="tip-receipt-record-hint"
            >
              {t('tip.receipt_record')}
            </a>
            <span id="tip-receipt-record-hint" class="muted">
              {t('tip.receipt_record_hint')}
            </span>
          </p>
        ) : null}
      </section>

      <section class={styles.section} aria-labelledby="tip-content-heading">
        <h2 id="tip-content-heading">{t('tip.content')}</h2>
        {tip.readable ? (
          <dl class="facts">
            <dt>{t('tip.description')}</dt>
            <dd>
              <p id="tip-description" class={styles.description}>
                {tip.description}
              </p>
            </dd>
            <dt>{t('tip.when')}</dt>
            <dd id="tip-when">{tip.when || notGiven}</dd>
            <dt>{t('tip.where')}</dt>
            <dd id="tip-where">{tip.where || notGiven}</dd>
            {tip.latitude !== null &&
            tip.latitude !== undefined &&
            tip.longitude !== null &&
            tip.longitude !== undefined ? (
              <>
                <dt>{t('tip.location')}</dt>
                <dd id="tip-location">
                  {tip.latitude}, {tip.longitude}
                </dd>
              </>
            ) : null}
          </dl>
        ) : (
          <InfoMessage>
            <span id="tip-unreadable">{t('tip.unreadable')}</span>{' '}
            <Link href="/mailbox/keys">{t('mailbox.keys_link')}</Link>
          </InfoMessage>
        )}
      </section>

      <section class={styles.section} aria-labelledby="tip-files-heading">
        <h2 id="tip-files-heading">{t('files.title')}</h2>
        <TipFiles tipId={tip.id} files={tip.files ?? []} readable={tip.readable} />
      </section>

      <section class="panel" aria-labelledby="tip-identity-heading">
        <h2 id="tip-identity-heading">{t('tip.identity')}</h2>
        <RevealForm tip={tip} onDone={onStatus} />
      </section>

      <section class={styles.section} aria-labelledby="tip-history-heading">
        <h2 id="tip-history-heading">{t('tip.history')}</h2>
        <TipHistory events={tip.events} />
      </section>

      {tip.readable ? (
        <section class="panel" aria-labelledby="tip-transition-heading">
          <h2 id="tip-transition-heading">{t('tip.transition')}</h2>
          <TransitionForm key={tip.status} tip={tip} onDone={onChanged} />
        </section>
      ) : null}

      <section class={styles.section} aria-labelledby="tip-conversation-heading">
        <h2 id="tip-conversation-heading">{t('tip.conversation')}</h2>
        <TipConversation messages={tip.messages} />
        {tip.readable ? (
          <div class={styles.messageForms}>
            <MessageForm tipId={tip.id} internal={false} onSent={onSent} />
            <MessageForm tipId={tip.id} internal onSent={onSent} />
          </div>
        ) : null}
      </section>
    </>
  );
}
