// Footage requests for officers: asking the owners of the cameras a search found, a
// one-time link per camera for its owner, and an outcome per camera.
import { useState } from 'preact/hooks';
import { CheckboxField, SelectField, TextField } from '../Field';
import { ErrorMessage } from '../Notice';
import { SubmitActions } from '../SubmitActions';
import { footage, localValidation } from '../../lib/api';
import { vietnamLocalInput } from '../../lib/format';
import { fieldErrors } from '../../lib/i18n';
import type { CameraSighting, FootageRequest, FootageTask } from '../../lib/schema';
import { useAction } from '../../lib/use-action';
import { useI18n } from '../../lib/use-i18n';

interface CreateProps {
  /** The cameras the search found. */
  sightings: readonly CameraSighting[];
  /** The search: when (ISO) and why, and where. */
  at: string;
  reason: string;
  point: { lat: number; lon: number };
  onDone: (request: FootageRequest) => void;
}

/** #footage-create: a request to the owners of the cameras found, for a window around the time searched. */
export function FootageCreateForm({ sightings, at, reason, point, onDone }: CreateProps) {
  const { t } = useI18n();
  const when = Date.parse(at);
  const [from, setFrom] = useState(vietnamLocalInput(when - 30 * 60 * 1000));
  // Half an hour either side of the time searched, never past now.
  const [to, setTo] = useState(vietnamLocalInput(Math.min(when + 30 * 60 * 1000, Date.now())));
  const [caseRef, setCaseRef] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set(sightings.map((s) => s.camera.id)));
  const { error, setError, busy, run } = useAction();
  const fe = fieldErrors(t, error);
  const labels = { from: t('footage.from'), to: t('footage.to'), case_ref: t('footage.case_ref'), camera_ids: t('footage.cameras_chosen') };
  const toggle = (id: number, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };
  return (
    <form
      class="panel"
      id="footage-create"
      noValidate
      aria-labelledby="footage-create-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen.size === 0) {
          setError(localValidation([{ field: 'camera_ids', code: 'required' }]));
          return;
        }
        void run(async () => {
          const created = await footage.create({
            origin: 'search',
            lat: point.lat,
            lon: point.lon,
            from,
            to,
            reason,
            case_ref: caseRef.trim(),
            camera_ids: [...chosen],
          });
          onDone(created);
        });
      }}
    >
      <h3 id="footage-create-heading">{t('footage.create_title')}</h3>
      <p>{t('footage.create_intro')}</p>
      <ErrorMessage error={error} fields={labels} />
      <div class="form-grid">
        <TextField id="footage-from" type="datetime-local" label={labels.from} required value={from} onValue={setFrom} error={fe.from} />
        <TextField id="footage-to" type="datetime-local" label={labels.to} required value={to} onValue={setTo} error={fe.to} />
        <TextField id="footage-case" label={labels.case_ref} maxLength={100} value={caseRef} onValue={setCaseRef} error={fe.case_ref} />
      </div>
      <fieldset>
        <legend>{labels.camera_ids}</legend>
        {sightings.map((s) => (
          <CheckboxField
            key={s.camera.id}
            id={`footage-camera-${s.camera.id}`}
            label={`${s.camera.code} — ${s.camera.place}`}
            checked={chosen.has(s.camera.id)}
            onChecked={(on) => toggle(s.camera.id, on)}
          />
        ))}
      </fieldset>
      <SubmitActions busy={busy} label={t('footage.create_submit')} />
    </form>
  );
}

/** The link of a task, shown once after it is made, with the address to copy. */
export function LinkButton({ task, onIssued }: { task: FootageTask; onIssued: () => void }) {
  const { t } = useI18n();
  const [url, setUrl] = useState('');
  const { error, busy, run } = useAction();
  return (
    <div>
      <ErrorMessage error={error} />
      <button
        type="button"
        class="link-issue"
        disabled={busy}
        onClick={() =>
          void run(async () => {
            const link = await footage.link(task.id);
            setUrl(`${window.location.origin}${link.path}`);
            onIssued();
          })
        }
      >
        {task.link_active ? t('footage.link_new') : t('footage.link_issue')}
      </button>
      {url ? (
        <p role="status">
          {t('footage.link_shown')} <output class="link-url">{url}</output>
        </p>
      ) : null}
    </div>
  );
}

const OUTCOMES = ['provided', 'none', 'declined', 'overwritten'] as const;

/** An officer records what the owner said or gave. */
export function OutcomeForm({ task, onDone }: { task: FootageTask; onDone: (request: FootageRequest) => void }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<string>('provided');
  const [reference, setReference] = useState('');
  const [sha256, setSha256] = useState('');
  const [note, setNote] = useState('');
  const { error, busy, run } = useAction();
  const fe = fieldErrors(t, error);
  const id = `outcome-${task.id}`;
  return (
    <form
      id={id}
      class="outcome"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () =>
          onDone(
            await footage.outcome(task.id, {
              status: status as (typeof OUTCOMES)[number],
              reference: reference.trim(),
              ...(sha256.trim() ? { sha256: sha256.trim() } : {}),
              note: note.trim(),
            }),
          ),
        );
      }}
    >
      <ErrorMessage error={error} fields={{ reference: t('footage.reference'), sha256: t('footage.sha256') }} />
      <SelectField
        id={`${id}-status`}
        label={t('footage.outcome')}
        value={status}
        onValue={setStatus}
        options={OUTCOMES.map((o) => ({ value: o, label: t.dynamic(`web.footage_status.${o}`, o) }))}
      />
      <TextField id={`${id}-reference`} label={t('footage.reference')} maxLength={500} value={reference} onValue={setReference} error={fe.reference} />
      <TextField id={`${id}-sha256`} label={t('footage.sha256')} maxLength={64} value={sha256} onValue={setSha256} error={fe.sha256} autocomplete="off" />
      <TextField id={`${id}-note`} label={t('footage.note')} maxLength={1000} value={note} onValue={setNote} />
      <SubmitActions busy={busy} label={t('footage.outcome_submit')} />
    </form>
  );
}
