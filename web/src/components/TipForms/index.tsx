// The officer's actions on one tip: write to the tipster, add an internal note, change the
// status, take or drop the tip, and reveal the tipster's identity with a reason.
import { useEffect, useRef, useState } from 'preact/hooks';
import styles from './style.module.css';
import { SelectField, TextAreaField, TextField, type Option } from '../Field';
import { AlertMessage, ErrorMessage } from '../Notice';
import { SubmitActions } from '../SubmitActions';
import { ApiError, localValidation, tips, type TipTransitionInput } from '../../lib/api';
import { fieldErrors } from '../../lib/i18n';
import type { RevealedIdentity, Tip, TipDetail, TipMessage, TipStatus } from '../../lib/schema';
import { useAction } from '../../lib/use-action';
import { useI18n } from '../../lib/use-i18n';

const MAX_MESSAGE = 5000;
const MAX_REVEAL_REASON = 1000;

function hasField(error: unknown, field: string): boolean {
  return error instanceof ApiError && error.errors.some((entry) => entry.field === field);
}

interface MessageProps {
  tipId: number;
  /** An internal note (only officers see it) instead of a message to the tipster. */
  internal: boolean;
  onSent: (message: TipMessage, confirmation: string) => void;
}

/** #message-form (to the tipster) or #note-form (internal note). */
export function MessageForm({ tipId, internal, onSent }: MessageProps) {
  const { t } = useI18n();
  const prefix = internal ? 'note' : 'message';
  const [body, setBody] = useState('');
  const { error, setError, busy, run } = useAction();
  const fe = fieldErrors(t, error);
  const label = internal ? t('tip.note_body') : t('tip.message_body');

  const submit = (event: Event) => {
    event.preventDefault();
    if (!body.trim()) {
      setError(localValidation([{ field: 'body', code: 'required' }]));
      return;
    }
    void run(async () => {
      const message = await tips.addMessage(tipId, body.trim(), internal);
      setBody('');
      onSent(message, internal ? t('tip.note_added') : t('tip.message_sent'));
    });
  };

  return (
    <form
      class={`panel ${internal ? styles.note : ''}`}
      id={`${prefix}-form`}
      onSubmit={submit}
      noValidate
      aria-labelledby={`${prefix}-heading`}
    >
      <h3 id={`${prefix}-heading`}>{internal ? t('tip.note') : t('tip.message')}</h3>
      {!internal && hasField(error, 'internal') ? (
        <AlertMessage title={t('tip.no_tipster')} />
      ) : (
        <ErrorMessage error={error} fields={{ body: label }} />
      )}
      <TextAreaField
        id={`${prefix}-body`}
        label={label}
        hint={internal ? t('tip.note_hint') : t('tip.message_hint')}
        value={body}
        onValue={setBody}
        error={fe.body}
        required
        rows={4}
        maxLength={MAX_MESSAGE}
      />
      <SubmitActions
        busy={busy}
        label={internal ? t('tip.note_submit') : t('tip.message_submit')}
      />
    </form>
  );
}

interface TipActionProps {
  tip: TipDetail;
  onDone: (updated: TipDetail, confirmation: string) => void;
}

/** #transition-form: only the statuses the workflow allows next, always with a reason. */
export function TransitionForm({ tip, onDone }: TipActionProps) {
  const { t } = useI18n();
  const next = tip.next_statuses;
  const [status, setStatus] = useState<string>(next.length === 1 ? (next[0] ?? '') : '');
  const [reason, setReason] = useState('');
  const [transferredTo, setTransferredTo] = useState('');
  const [minutes, setMinutes] = useState('');
  const [duplicateOf, setDuplicateOf] = useState('');
  const { error, setError, busy, run } = useAction();
  const fe = fieldErrors(t, error);

  if (next.length === 0) return <p id="transition-closed">{t('tip.transition_closed')}</p>;

  const options: Option[] = next.map((s) => ({ value: s, label: t(`tip_status.${s}`) }));
  const labels = {
    status: t('tip.transition_status'),
    reason: t('tip.transition_reason'),
    transferred_to: t('tip.transition_transferred_to'),
    minutes_number: t('tip.transition_minutes'),
    duplicate_of: t('tip.transition_duplicate_of'),
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const missing: { field: string; code: string }[] = [];
    if (!status) missing.push({ field: 'status', code: 'required' });
    if (!reason.trim()) missing.push({ field: 'reason', code: 'required' });
    if (status === 'transferred') {
      if (!transferredTo.trim()) missing.push({ field: 'transferred_to', code: 'required' });
      if (!minutes.trim()) missing.push({ field: 'minutes_number', code: 'required' });
    }
    if (status === 'duplicate') {
      if (!duplicateOf.trim()) missing.push({ field: 'duplicate_of', code: 'required' });
      else if (!/^\d+$/.test(duplicateOf.trim()))
        missing.push({ field: 'duplicate_of', code: 'invalid_format' });
    }
    if (missing.length) {
      setError(localValidation(missing));
      return;
    }
    const input: TipTransitionInput = { status: status as TipStatus, reason: reason.trim() };
    if (status === 'transferred') {
      input.transferred_to = transferredTo.trim();
      input.minutes_number = minutes.trim();
    }
    if (status === 'duplicate') input.duplicate_of = Number(duplicateOf.trim());
    void run(async () => {
      const updated = await tips.transition(tip.id, input);
      onDone(
        updated,
        t('tip.transitioned', { id: tip.id, status: t(`tip_status.${updated.status}`) }),
      );
    });
  };

  return (
    <form id="transition-form" onSubmit={submit} noValidate aria-label={t('tip.transition')}>
      <ErrorMessage error={error} fields={labels} />
      <div class="form-grid">
        <SelectField
          id="transition-status"
          label={labels.status}
          value={status}
          onValue={setStatus}
          options={options}
          placeholder={next.length === 1 ? undefined : t('tip.transition_choose')}
          error={fe.status}
          required
        />
      </div>
      <TextAreaField
        id="transition-reason"
        label={labels.reason}
        value={reason}
        onValue={setReason}
        error={fe.reason}
        required
        rows={3}
        maxLength={MAX_MESSAGE}
      />
      {status === 'transferred' ? (
        <div class="form-grid">
          <TextField
            id="transition-transferred-to"
            label={labels.transferred_to}
            value={transferredTo}
            onValue={setTransferredTo}
            error={fe.transferred_to}
            required
            maxLength={300}
            autocomplete="off"
          />
          <TextField
            id="transition-minutes"
            label={labels.minutes_number}
            value={minutes}
            onValue={setMinutes}
            error={fe.minutes_number}
            required
            maxLength={100}
            autocomplete="off"
          />
        </div>
      ) : null}
      {status === 'duplicate' ? (
        <div class="form-grid">
          <TextField
            id="transition-duplicate-of"
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            label={labels.duplicate_of}
            hint={t('tip.transition_duplicate_hint')}
            value={duplicateOf}
            onValue={setDuplicateOf}
            error={fe.duplicate_of}
            required
            autocomplete="off"
          />
        </div>
      ) : null}
      <SubmitActions busy={busy} label={t('tip.transition_submit')} />
    </form>
  );
}

interface AssignProps extends TipActionProps {
  /** The signed-in officer. */
  userId: number;
}

/** #assign-me takes the tip; #unassign leaves it to nobody. */
export function AssignControl({ tip, userId, onDone }: AssignProps) {
  const { t } = useI18n();
  const { error, busy, run } = useAction();
  const assign = (assignee: number | null) =>
    void run(async () => {
      const updated = await tips.assign(tip.id, assignee);
      onDone(
        updated,
        assignee === null
          ? t('tip.unassigned', { id: tip.id })
          : t('tip.assigned_me', { id: tip.id }),
      );
    });
  return (
    <div>
      <ErrorMessage error={error} />
      <div class="actions">
        {tip.assignee_id !== userId ? (
          <button type="button" id="assign-me" disabled={busy} onClick={() => assign(userId)}>
            {t('tip.assign_me')}
          </button>
        ) : null}
        {tip.assignee_id !== null ? (
          <button
            type="button"
            id="unassign"
            class="secondary"
            disabled={busy}
            onClick={() => assign(null)}
          >
            {t('tip.unassign')}
          </button>
        ) : null}
      </div>
    </div>
  );
}

interface RevealProps {
  tip: Tip;
  onDone: (confirmation: string) => void;
}

/**
 * #reveal-form asks for a reason and shows #identity until the page is left (the
 * identity lives only in this component's state). Render it with key={tip.id}.
 */
export function RevealForm({ tip, onDone }: RevealProps) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [identity, setIdentity] = useState<RevealedIdentity | null>(null);
  const { error, setError, busy, run } = useAction();
  const identityRef = useRef<HTMLDivElement>(null);
  const fe = fieldErrors(t, error);

  useEffect(() => {
    if (identity) identityRef.current?.focus();
  }, [identity]);

  if (tip.identity_mode === 'anonymous')
    return <p id="identity-anonymous">{t('tip.identity_anonymous')}</p>;

  const forbidden =
    tip.readable && error instanceof ApiError && error.status === 403 && error.slug === 'forbidden';

  const submit = (event: Event) => {
    event.preventDefault();
    if (!reason.trim()) {
      setError(localValidation([{ field: 'reason', code: 'required' }]));
      return;
    }
    void run(async () => {
      const shown = await tips.revealIdentity(tip.id, reason.trim());
      setReason('');
      setIdentity(shown);
      onDone(t('tip.revealed'));
    });
  };

  if (identity) {
    const value = (text: string) => text || t('tip.not_given');
    return (
      <div id="identity" ref={identityRef} tabIndex={-1} class={styles.identity}>
        <dl class="facts">
          <dt>{t('tip.identity_name')}</dt>
          <dd id="identity-name">{value(identity.name)}</dd>
          <dt>{t('tip.identity_phone')}</dt>
          <dd id="identity-phone">{value(identity.phone)}</dd>
          <dt>{t('tip.identity_address')}</dt>
          <dd id="identity-address">{value(identity.address)}</dd>
        </dl>
        <p class="muted">{t('tip.identity_note')}</p>
        <div class="actions">
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setIdentity(null);
              onDone(t('tip.identity_hidden'));
            }}
          >
            {t('tip.identity_hide')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form id="reveal-form" onSubmit={submit} noValidate aria-label={t('tip.identity')}>
      <p>{t('tip.identity_help')}</p>
      {forbidden ? (
        <AlertMessage title={t('tip.reveal_forbidden')}>
          {t('tip.reveal_forbidden_help')}
        </AlertMessage>
      ) : (
        <ErrorMessage error={error} fields={{ reason: t('tip.reveal_reason') }} />
      )}
      <TextAreaField
        id="reveal-reason"
        label={t('tip.reveal_reason')}
        value={reason}
        onValue={setReason}
        error={fe.reason}
        required
        rows={2}
        maxLength={MAX_REVEAL_REASON}
      />
      <SubmitActions busy={busy} label={t('tip.reveal_submit')} />
    </form>
  );
}
