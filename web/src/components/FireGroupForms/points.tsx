// A group's firefighting points (điểm chữa cháy công cộng): the point typed as people copy
// it from a map, latitude first; one outside the commune (or Vietnam) comes back as a
// warning naming where it lies, to confirm before it is saved. A point is deleted after
// a second click.
import { useState } from 'preact/hooks';
import { CheckboxField, TextField } from '../Field';
import { ErrorMessage } from '../Notice';
import { SubmitActions } from '../SubmitActions';
import { ApiError, fire } from '../../lib/api';
import { fieldErrors } from '../../lib/i18n';
import type { FirePoint } from '../../lib/schema';
import { useAction } from '../../lib/use-action';
import { useI18n } from '../../lib/use-i18n';

const LOCATION_WARNINGS = new Set(['outside_vietnam', 'outside_commune']);

/** The location warning of a failed save, if that is all that stopped it (in the server's words). */
function locationWarning(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.errors.length === 0) return null;
  if (!error.errors.every((e) => e.field === 'point' && LOCATION_WARNINGS.has(e.code))) return null;
  return error.errors[0]?.message || null;
}

/** #fire-point-form: a new point of the group, or a change to one. */
export function PointForm({
  groupId,
  point,
  onDone,
  onCancel,
}: {
  groupId: number;
  point?: FirePoint;
  onDone: (confirmation: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [f, setF] = useState({
    name: point?.name ?? '',
    point: point ? `${point.lat}, ${point.lon}` : '',
    equipment: point?.equipment ?? '',
    note: point?.note ?? '',
  });
  const [confirm, setConfirm] = useState(false);
  const set = (key: keyof typeof f) => (value: string) => setF({ ...f, [key]: value });
  const { error, busy, run } = useAction();
  const fe = fieldErrors(t, error);
  const warning = locationWarning(error);
  const id = point ? `fire-point-edit-${point.id}` : 'fire-point-new';
  const fields = { name: t('fire.point_name'), point: t('fire.point'), equipment: t('fire.point_equipment'), note: t('fire.note') };

  const submit = (event: Event) => {
    event.preventDefault();
    const input = {
      name: f.name.trim(),
      point: f.point.trim(),
      equipment: f.equipment.trim(),
      note: f.note.trim(),
      confirm_location: warning !== null && confirm,
    };
    void run(async () => {
      const saved = point ? await fire.updatePoint(point.id, input) : await fire.addPoint(groupId, input);
      onDone(t('fire.point_saved', { name: saved.name }));
    });
  };

  return (
    <form class="panel" id="fire-point-form" noValidate onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{point ? t('fire.point_edit_title', { name: point.name }) : t('fire.point_new_title')}</h3>
      {warning ? (
        <div class="panel" role="alert" id="fire-point-warning">
          <p>
            <strong>{t('fire.point_warning')}</strong>: {warning}
          </p>
          <CheckboxField id="fire-point-confirm" label={t('fire.point_confirm')} checked={confirm} onChecked={setConfirm} />
        </div>
      ) : (
        <ErrorMessage error={error} fields={fields} />
      )}
      <div class="form-grid">
        <TextField id={`${id}-name`} label={fields.name} required maxLength={200} value={f.name} onValue={set('name')} error={fe.name} autocomplete="off" />
        <TextField id={`${id}-point`} label={fields.point} required hint={t('fire.point_hint')} maxLength={100} value={f.point} onValue={set('point')} error={warning ? undefined : fe.point} autocomplete="off" />
      </div>
      <TextField id={`${id}-equipment`} label={fields.equipment} maxLength={2000} value={f.equipment} onValue={set('equipment')} error={fe.equipment} />
      <TextField id={`${id}-note`} label={fields.note} maxLength={2000} value={f.note} onValue={set('note')} error={fe.note} />
      <SubmitActions busy={busy} label={point ? t('fire.save') : t('fire.point_add')}>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </SubmitActions>
    </form>
  );
}

/** "Xóa", then "Xóa điểm …" to be sure. */
export function DeletePoint({ point, onDone }: { point: FirePoint; onDone: (confirmation: string) => void }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const { error, busy, run } = useAction();
  if (!asking) {
    return (
      <button type="button" class="secondary" id={`fire-point-delete-${point.id}`} onClick={() => setAsking(true)}>
        {t('fire.point_delete')}
        <span class="visually-hidden"> ({point.name})</span>
      </button>
    );
  }
  return (
    <div class="actions">
      <ErrorMessage error={error} />
      <button
        type="button"
        class="danger"
        id={`fire-point-delete-confirm-${point.id}`}
        disabled={busy}
        onClick={() =>
          void run(async () => {
            await fire.deletePoint(point.id);
            onDone(t('fire.point_deleted', { name: point.name }));
          })
        }
      >
        {busy ? t('common.sending') : t('fire.point_delete_confirm', { name: point.name })}
      </button>
      <button type="button" class="secondary" onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
