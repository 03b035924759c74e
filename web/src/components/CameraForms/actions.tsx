// What is done to one camera from its page: record a status or a check, the owner's
// yearly reconfirmation, reading the owner's contact (with a reason), and erasing the
// camera when its owner withdraws consent.
import { useState } from 'preact/hooks';
import { CheckboxField, SelectField, TextField } from '../Field';
import { AlertMessage, ErrorMessage } from '../Notice';
import { SubmitActions } from '../SubmitActions';
import { ApiError, cameras, localValidation } from '../../lib/api';
import { cameraLabel } from '../../lib/cameras';
import { cameraCodes, useCameraTaxonomies } from '../../lib/taxonomies';
import { formatDate } from '../../lib/format';
import { fieldErrors } from '../../lib/i18n';
import type { Camera, CameraCheckInput, CameraDetail, CameraOwner, CameraStatus } from '../../lib/schema';
import { useAction } from '../../lib/use-action';
import { useI18n } from '../../lib/use-i18n';


interface Done {
  camera: Camera;
  onDone: (confirmation: string) => void;
}

/** #camera-status: a new status from now or from a past moment. */
export function StatusForm({ camera, onDone }: Done) {
  const { t } = useI18n();
  const taxonomies = useCameraTaxonomies().data;
  const [status, setStatus] = useState<string>(camera.status === 'working' ? 'faulty' : 'working');
  const [since, setSince] = useState('');
  const [reason, setReason] = useState('');
  const { error, busy, run } = useAction();
  const fe = fieldErrors(t, error);
  const labels = { status: t('cameras.status_new'), since: t('cameras.status_since'), reason: t('cameras.status_reason') };
  return (
    <form
      class="panel"
      id="camera-status"
      noValidate
      aria-labelledby="camera-status-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => {
          await cameras.changeStatus(camera.id, {
            status: status as CameraStatus,
            ...(since ? { since } : {}),
            reason: reason.trim(),
          });
          setReason('');
          onDone(t('cameras.status_done'));
        });
      }}
    >
      <h2 id="camera-status-heading">{t('cameras.status_form')}</h2>
      <ErrorMessage error={error} fields={labels} />
      <div class="form-grid">
        <SelectField
          id="camera-status-new"
          label={labels.status}
          value={status}
          onValue={setStatus}
          options={cameraCodes(taxonomies, 'statuses').map((s) => ({ value: s, label: cameraLabel(t, 'status', s) }))}
          error={fe.status}
        />
        <TextField id="camera-status-since" type="datetime-local" label={labels.since} value={since} onValue={setSince} error={fe.since} />
      </div>
      <TextField id="camera-status-reason" label={labels.reason} maxLength={500} value={reason} onValue={setReason} error={fe.reason} />
      <SubmitActions busy={busy} label={t('cameras.status_submit')} />
    </form>
  );
}

/** #camera-check: what a look at the camera found. */
export function CheckForm({ camera, onDone }: Done) {
  const { t } = useI18n();
  const taxonomies = useCameraTaxonomies().data;
  const [result, setResult] = useState<string>('ok');
  const [note, setNote] = useState('');
  const { error, busy, run } = useAction();
  const fe = fieldErrors(t, error);
  const labels = { result: t('cameras.check_result'), note: t('cameras.check_note') };
  return (
    <form
      class="panel"
      id="camera-check"
      noValidate
      aria-labelledby="camera-check-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => {
          await cameras.recordCheck(camera.id, { result: result as CameraCheckInput['result'], note: note.trim() });
          setNote('');
          onDone(t('cameras.check_done'));
        });
      }}
    >
      <h2 id="camera-check-heading">{t('cameras.check_form')}</h2>
      <ErrorMessage error={error} fields={labels} />
      <SelectField
        id="camera-check-result"
        label={labels.result}
        value={result}
        onValue={setResult}
        options={cameraCodes(taxonomies, 'check_results').map((r) => ({ value: r, label: cameraLabel(t, 'check', r) }))}
        error={fe.result}
      />
      <TextField id="camera-check-note" label={labels.note} maxLength={1000} value={note} onValue={setNote} error={fe.note} />
      <SubmitActions busy={busy} label={t('cameras.check_submit')} />
    </form>
  );
}

/** The owner confirmed the camera and its sharing again. */
export function ReconfirmButton({ camera, onDone }: Done) {
  const { t } = useI18n();
  const { error, busy, run } = useAction();
  return (
    <div>
      <ErrorMessage error={error} />
      <button
        type="button"
        id="camera-reconfirm"
        disabled={busy}
        onClick={() =>
          void run(async () => {
            const updated = await cameras.reconfirm(camera.id);
            onDone(t('cameras.reconfirm_done', { date: formatDate(updated.reconfirm_due) }));
          })
        }
      >
        {t('cameras.reconfirm')}
      </button>
    </div>
  );
}

/** #camera-waiting: a camera its owner registered on the portal, waiting for an officer. */
export function WaitingPanel({
  camera,
  canConfirm,
  onDone,
  onStale,
}: Done & { canConfirm: boolean; /** The camera changed since the page loaded: load it again. */ onStale: () => void }) {
  const { t } = useI18n();
  const { error, busy, run } = useAction();
  if (camera.confirmed) return null;
  // What the officer confirms is the camera as shown: the server refuses it (409) when the
  // owner changed it since, and the page then shows the camera as it is now.
  const stale = error instanceof ApiError && error.status === 409;
  return (
    <section class="panel" id="camera-waiting" aria-labelledby="camera-waiting-heading">
      <h2 id="camera-waiting-heading">{t('cameras.waiting')}</h2>
      <p>{t('cameras.waiting_intro')}</p>
      {stale ? <AlertMessage title={t('cameras.confirm_stale')} /> : <ErrorMessage error={error} />}
      {canConfirm ? (
        <button
          type="button"
          id="camera-confirm"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              try {
                await cameras.confirm(camera.id, camera.version);
              } catch (caught) {
                if (caught instanceof ApiError && caught.status === 409) onStale();
                throw caught;
              }
              onDone(t('cameras.confirm_done', { code: camera.code }));
            })
          }
        >
          {t('cameras.confirm')}
        </button>
      ) : null}
    </section>
  );
}

/** #camera-owner: the owner's contact, shown after a reason is given (audited). */
export function OwnerPanel({ camera }: { camera: Camera }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [owner, setOwner] = useState<CameraOwner | null>(null);
  const { error, setError, busy, run } = useAction();
  const fe = fieldErrors(t, error);
  const empty = owner && !owner.name && !owner.phone && !owner.address;
  return (
    <section class="panel" aria-labelledby="camera-owner-heading">
      <h2 id="camera-owner-heading">{t('cameras.owner_title')}</h2>
      <p>{t('cameras.owner_intro')}</p>
      <form
        id="camera-owner"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!reason.trim()) {
            setError(localValidation([{ field: 'reason', code: 'required' }]));
            return;
          }
          void run(async () => setOwner(await cameras.owner(camera.id, reason.trim())));
        }}
      >
        <ErrorMessage error={error} fields={{ reason: t('cameras.owner_reason') }} />
        <TextField id="camera-owner-reason" label={t('cameras.owner_reason')} required maxLength={500} value={reason} onValue={setReason} error={fe.reason} />
        <SubmitActions busy={busy} label={t('cameras.owner_show')} />
      </form>
      {owner && empty ? <p id="camera-owner-none">{t('cameras.owner_none')}</p> : null}
      {owner && !empty ? (
        <dl class="facts" id="camera-owner-contact">
          <dt>{t('cameras.owner_name')}</dt>
          <dd>{owner.name}</dd>
          <dt>{t('cameras.owner_phone')}</dt>
          <dd>{owner.phone}</dd>
          <dt>{t('cameras.owner_address')}</dt>
          <dd>{owner.address}</dd>
        </dl>
      ) : null}
    </section>
  );
}

/** #camera-erase: the owner withdrew consent; the camera and its personal data go. */
export function EraseForm({ detail, onDone }: { detail: CameraDetail; onDone: (confirmation: string) => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [sure, setSure] = useState(false);
  const { error, setError, busy, run } = useAction();
  const fe = fieldErrors(t, error);
  return (
    <form
      class="panel"
      id="camera-erase"
      noValidate
      aria-labelledby="camera-erase-heading"
      onSubmit={(event) => {
        event.preventDefault();
        const missing: { field: string; code: string }[] = [];
        if (!reason.trim()) missing.push({ field: 'reason', code: 'required' });
        if (!sure) missing.push({ field: 'confirm', code: 'required' });
        if (missing.length) {
          setError(localValidation(missing));
          return;
        }
        void run(async () => {
          await cameras.erase(detail.id, reason.trim());
          onDone(t('cameras.erased', { code: detail.code }));
        });
      }}
    >
      <h2 id="camera-erase-heading">{t('cameras.erase_title')}</h2>
      <p>{t('cameras.erase_intro')}</p>
      <ErrorMessage error={error} fields={{ reason: t('cameras.erase_reason'), confirm: t('cameras.erase_confirm') }} />
      <TextField id="camera-erase-reason" label={t('cameras.erase_reason')} required maxLength={500} value={reason} onValue={setReason} error={fe.reason} />
      <CheckboxField id="camera-erase-confirm" label={t('cameras.erase_confirm')} checked={sure} onChecked={setSure} error={fe.confirm} />
      <SubmitActions busy={busy} label={t('cameras.erase_submit')} />
    </form>
  );
}
