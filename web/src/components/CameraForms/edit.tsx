// #camera-form: a new camera or a change to one. The point is typed as people copy it from
// a map; the server reads it, and a point outside Vietnam or outside the commune comes back
// as a warning naming where it lies, to confirm before saving.
import { useState } from 'preact/hooks';
import { CommunePicker, useCommuneChoice, VillagePicker } from '../CommuneFields';
import { CheckboxField, SelectField, TextField } from '../Field';
import { ErrorMessage } from '../Notice';
import { SubmitActions } from '../SubmitActions';
import { ApiError, cameras } from '../../lib/api';
import { cameraLabel } from '../../lib/cameras';
import { cameraCodes, useCameraTaxonomies } from '../../lib/taxonomies';
import { fieldErrors } from '../../lib/i18n';
import type { Camera, CameraInput, UnitNode } from '../../lib/schema';
import { useAction } from '../../lib/use-action';
import { useI18n } from '../../lib/use-i18n';

const LOCATION_WARNINGS = new Set(['outside_vietnam', 'outside_commune']);

interface Props {
  communes: readonly UnitNode[];
  /** The camera being changed; absent for a new one. */
  camera?: Camera;
  /** Officers may give the owner's contact with a new camera. */
  withOwner: boolean;
  onDone: (camera: Camera, confirmation: string) => void;
}

const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

/** The location warning of a failed save, if that is all that stopped it. */
function locationWarning(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.errors.length === 0) return null;
  if (!error.errors.every((e) => e.field === 'point' && LOCATION_WARNINGS.has(e.code))) return null;
  return error.errors[0]?.message ?? null;
}

export function CameraForm({ communes, camera, withOwner, onDone }: Props) {
  const { t } = useI18n();
  const choice = useCommuneChoice(communes, camera?.unit_id ?? null, camera?.village_id ?? null);
  const [f, setF] = useState({
    owner_kind: camera?.owner_kind ?? 'household',
    place: camera?.place ?? '',
    point: camera ? `${camera.lat}, ${camera.lon}` : '',
    bearing: text(camera?.bearing ?? (camera ? null : 0)),
    fov: text(camera?.fov ?? 90),
    range_m: text(camera?.range_m ?? 30),
    camera_type: camera?.camera_type ?? '',
    resolution: camera?.resolution ?? '',
    retention_days: text(camera?.retention_days ?? 7),
    storage: camera?.storage ?? 'nvr',
    funding: camera?.funding ?? 'socialised',
    cost_vnd: text(camera?.cost_vnd),
    installed_on: camera?.installed_on ?? '',
    sharing: camera?.sharing ?? 'on_request',
    commitment_signed_on: camera?.commitment_signed_on ?? '',
    note: camera?.note ?? '',
    owner_name: '',
    owner_phone: '',
    owner_address: '',
  });
  const [night, setNight] = useState(camera?.night_vision ?? false);
  const [confirm, setConfirm] = useState(false);
  const set = (key: keyof typeof f) => (value: string) => setF({ ...f, [key]: value });
  const { error, busy, run } = useAction();
  const fe = fieldErrors(t, error);
  const warning = locationWarning(error);
  const labels = {
    unit_id: t('cameras.form_unit'),
    village_id: t('cameras.form_village'),
    owner_kind: t('cameras.owner_kind'),
    place: t('cameras.place'),
    point: t('cameras.point'),
    bearing: t('cameras.form_bearing'),
    fov: t('cameras.form_fov'),
    range_m: t('cameras.form_range'),
    retention_days: t('cameras.form_retention'),
    installed_on: t('cameras.installed_on'),
    commitment_signed_on: t('cameras.commitment'),
    cost_vnd: t('cameras.form_cost'),
    'owner.phone': t('cameras.owner_phone'),
  };
  const number = (value: string) => (value.trim() === '' ? undefined : Number(value));

  const submit = (event: Event) => {
    event.preventDefault();
    const owner = { name: f.owner_name.trim(), phone: f.owner_phone.trim(), address: f.owner_address.trim() };
    const input: CameraInput = {
      unit_id: Number(choice.unitId) || 0,
      village_id: choice.villageId ? Number(choice.villageId) : null,
      owner_kind: f.owner_kind as CameraInput['owner_kind'],
      place: f.place.trim(),
      point: f.point.trim(),
      bearing: number(f.bearing) ?? null,
      fov: number(f.fov) ?? 90,
      range_m: number(f.range_m) ?? 30,
      camera_type: f.camera_type.trim(),
      resolution: f.resolution.trim(),
      night_vision: night,
      retention_days: number(f.retention_days) ?? 7,
      storage: f.storage as CameraInput['storage'],
      funding: f.funding as CameraInput['funding'],
      cost_vnd: number(f.cost_vnd) ?? null,
      installed_on: f.installed_on || null,
      sharing: f.sharing as CameraInput['sharing'],
      commitment_signed_on: f.commitment_signed_on || null,
      note: f.note.trim(),
      confirm_location: warning !== null && confirm,
      ...(withOwner && !camera && (owner.name || owner.phone || owner.address) ? { owner } : {}),
    };
    void run(async () => {
      const saved = camera
        ? await cameras.update(camera.id, { ...input, version: camera.version })
        : await cameras.create(input);
      onDone(saved, t('cameras.saved', { code: saved.code }));
    });
  };

  // The codes from the server (GET /cameras/taxonomies), the labels from the catalog.
  const taxonomies = useCameraTaxonomies().data;
  const options = (codes: readonly string[], kind: 'owner' | 'sharing' | 'storage' | 'funding') =>
    codes.map((c) => ({ value: c, label: cameraLabel(t, kind, c) }));

  return (
    <form class="panel" id="camera-form" noValidate onSubmit={submit} aria-labelledby="camera-form-heading">
      <h2 id="camera-form-heading">{camera ? t('cameras.edit_title', { code: camera.code }) : t('cameras.new_title')}</h2>
      {warning ? (
        <div class="panel" role="alert" id="camera-form-warning">
          <p>
            <strong>{t('cameras.form_warning')}</strong>: {warning}
          </p>
          <CheckboxField id="camera-confirm-location" label={t('cameras.form_confirm_location')} checked={confirm} onChecked={setConfirm} />
        </div>
      ) : (
        <ErrorMessage error={error} fields={labels} />
      )}
      <div class="form-grid">
        <CommunePicker id="camera-unit" label={labels.unit_id} choice={choice} placeholder={t('cameras.form_choose_unit')} error={fe.unit_id} />
        <VillagePicker id="camera-village" label={labels.village_id} choice={choice} placeholder={t('cameras.form_village_none')} error={fe.village_id} />
      </div>
      <TextField id="camera-place" label={labels.place} maxLength={300} value={f.place} onValue={set('place')} error={fe.place} />
      <TextField id="camera-point" label={labels.point} required hint={t('cameras.form_point_hint')} value={f.point} onValue={set('point')} error={warning ? undefined : fe.point} autocomplete="off" />
      <div class="form-grid">
        <TextField id="camera-bearing" type="number" min={0} max={359} label={labels.bearing} value={f.bearing} onValue={set('bearing')} error={fe.bearing} />
        <TextField id="camera-fov" type="number" min={1} max={360} label={labels.fov} value={f.fov} onValue={set('fov')} error={fe.fov} />
        <TextField id="camera-range" type="number" min={1} max={1000} label={labels.range_m} value={f.range_m} onValue={set('range_m')} error={fe.range_m} />
        <TextField id="camera-retention" type="number" min={0} max={3650} label={labels.retention_days} value={f.retention_days} onValue={set('retention_days')} error={fe.retention_days} />
      </div>
      <div class="form-grid">
        <SelectField id="camera-owner-kind" label={labels.owner_kind} value={f.owner_kind} onValue={set('owner_kind')} options={options(cameraCodes(taxonomies, 'owner_kinds'), 'owner')} error={fe.owner_kind} />
        <SelectField id="camera-sharing" label={t('cameras.sharing')} value={f.sharing} onValue={set('sharing')} options={options(cameraCodes(taxonomies, 'sharings'), 'sharing')} error={fe.sharing} />
        <SelectField id="camera-storage" label={t('cameras.storage')} value={f.storage} onValue={set('storage')} options={options(cameraCodes(taxonomies, 'storages'), 'storage')} error={fe.storage} />
        <SelectField id="camera-funding" label={t('cameras.funding')} value={f.funding} onValue={set('funding')} options={options(cameraCodes(taxonomies, 'fundings'), 'funding')} error={fe.funding} />
      </div>
      <div class="form-grid">
        <TextField id="camera-type" label={t('cameras.camera_type')} maxLength={100} value={f.camera_type} onValue={set('camera_type')} />
        <TextField id="camera-resolution" label={t('cameras.resolution')} maxLength={50} value={f.resolution} onValue={set('resolution')} />
        <TextField id="camera-cost" type="number" min={0} label={labels.cost_vnd} value={f.cost_vnd} onValue={set('cost_vnd')} error={fe.cost_vnd} />
        <TextField id="camera-installed" type="date" label={labels.installed_on} value={f.installed_on} onValue={set('installed_on')} error={fe.installed_on} />
        <TextField id="camera-commitment" type="date" label={labels.commitment_signed_on} value={f.commitment_signed_on} onValue={set('commitment_signed_on')} error={fe.commitment_signed_on} />
      </div>
      <CheckboxField id="camera-night" label={t('cameras.night_vision')} checked={night} onChecked={setNight} />
      <TextField id="camera-note" label={t('cameras.note')} maxLength={2000} value={f.note} onValue={set('note')} />
      {withOwner && !camera ? (
        <fieldset>
          <legend>{t('cameras.form_owner')}</legend>
          <div class="form-grid">
            <TextField id="camera-owner-name" label={t('cameras.owner_name')} maxLength={200} value={f.owner_name} onValue={set('owner_name')} autocomplete="off" />
            <TextField id="camera-owner-phone" type="tel" label={labels['owner.phone']} maxLength={40} value={f.owner_phone} onValue={set('owner_phone')} error={fe['owner.phone']} autocomplete="off" />
            <TextField id="camera-owner-address" label={t('cameras.owner_address')} maxLength={300} value={f.owner_address} onValue={set('owner_address')} autocomplete="off" />
          </div>
        </fieldset>
      ) : null}
      <SubmitActions busy={busy} label={t('cameras.form_submit')} />
    </form>
  );
}
