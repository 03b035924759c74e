// #model-site-new / #model-site-edit: a site of a self-management model, or a change to one
// with the version edited (a 409 reloads the site and says so). A new site takes a manual,
// active type and a commune, village or body of the user's scope; both stay afterwards. A
// linked site ("Liên kết về ANTT") lists its other units, found anywhere in the country, each
// with the day it joined.
import { useMemo, useState } from 'preact/hooks';
import { type ParticipantKey, ParticipantsEditor } from './participants';
import styles from './style.module.css';
import { FactList } from '../DetailFrame';
import { SelectField, TextAreaField, TextField } from '../Field';
import { ErrorMessage } from '../Notice';
import { SubmitActions } from '../SubmitActions';
import { NO_UNITS, UnitPicker } from '../UnitPicker';
import { ApiError, models } from '../../lib/api';
import { todayIso } from '../../lib/format';
import { fieldErrors } from '../../lib/i18n';
import { filledRows, listErrors, manualTypes, type Row } from '../../lib/models';
import type { ModelSiteDetail, ModelType, UnitNode } from '../../lib/schema';
import { useAction } from '../../lib/use-action';
import { useI18n } from '../../lib/use-i18n';

const NO_TYPES: readonly ModelType[] = [];

/** A unit of the user's tree in force today; which kinds a site may stand on, the server says
 *  (`unit_id: not_found` for another kind). */
const inForce = (unit: UnitNode) => unit.active;

export function SiteForm({
  types = NO_TYPES,
  roots = NO_UNITS,
  loading,
  site,
  onDone,
  onStale,
  onCancel,
}: {
  /** Every type: a new site offers the manual, active ones (a change keeps its type). */
  types?: readonly ModelType[];
  /** The user's scoped unit tree, where a new site's unit is chosen (a change keeps its unit). */
  roots?: readonly UnitNode[];
  loading?: boolean;
  /** The site changed; absent for a new one. */
  site?: ModelSiteDetail;
  onDone: (site: ModelSiteDetail, confirmation: string) => void;
  onStale?: () => void;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const offered = useMemo(() => manualTypes(types), [types]);
  const [f, setF] = useState({
    type_id: site ? String(site.type_id) : '',
    name: site?.name ?? '',
    launched_on: site?.launched_on ?? todayIso(),
    ended_on: site?.ended_on ?? '',
    note: site?.note ?? '',
  });
  const set = (key: keyof typeof f) => (value: string) => setF({ ...f, [key]: value });
  const [unitId, setUnitId] = useState<number | null>(site?.unit_id ?? null);
  const [rows, setRows] = useState<Row<ParticipantKey>[]>(() =>
    (site?.participants ?? []).map((p) => ({ unit_id: String(p.unit_id), unit_name: p.unit_name, joined_on: p.joined_on })),
  );
  const linked = site ? site.linked : (types.find((type) => String(type.id) === f.type_id)?.linked ?? false);
  const { error, busy, run } = useAction();
  const fe = fieldErrors(t, error);
  const id = site ? 'model-site-edit' : 'model-site-new';
  const fields = {
    type_id: t('models.type'),
    unit_id: t('models.site_unit'),
    name: t('models.site_name'),
    launched_on: t('models.launched_on'),
    ended_on: t('models.ended_on'),
    note: t('models.note'),
    participants: t('models.participants'),
    'participants.joined_on': t('models.joined_on'),
    version: t('models.version'),
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const input = {
      type_id: Number(f.type_id) || 0,
      unit_id: unitId ?? 0,
      name: f.name.trim(),
      launched_on: f.launched_on,
      ended_on: f.ended_on || null,
      note: f.note.trim(),
      participants: linked ? filledRows<ParticipantKey>(rows, ['unit_id']).map((r) => ({ unit_id: Number(r.unit_id), joined_on: r.joined_on })) : [],
    };
    void run(async () => {
      try {
        const saved = site ? await models.updateSite(site.id, { ...input, version: site.version }) : await models.createSite(input);
        onDone(saved, site ? t('models.site_saved', { code: saved.code }) : t('models.site_created', { code: saved.code, name: saved.name }));
      } catch (caught) {
        if (site && onStale && caught instanceof ApiError && caught.status === 409) {
          onStale();
          return;
        }
        throw caught;
      }
    });
  };

  return (
    <form class="panel" id={id} noValidate onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{site ? t('models.site_edit_title', { code: site.code }) : t('models.site_new_title')}</h2>
      <ErrorMessage error={error} fields={fields} />
      {site ? (
        <div class={styles.fixed}>
          <FactList facts={[[fields.type_id, site.type_name], [fields.unit_id, site.unit_name]]} />
        </div>
      ) : (
        <div class="form-grid">
          <SelectField
            id={`${id}-type`}
            label={fields.type_id}
            required
            hint={t('models.type_hint')}
            value={f.type_id}
            onValue={set('type_id')}
            placeholder={t('models.choose_type')}
            options={offered.map((type) => ({ value: String(type.id), label: type.name }))}
            error={fe.type_id}
          />
          <UnitPicker
            id={`${id}-unit`}
            label={fields.unit_id}
            roots={roots}
            loading={loading}
            accept={inForce}
            value={unitId}
            onValue={setUnitId}
            placeholder={t('models.choose_unit')}
            hint={t('models.site_unit_hint')}
            error={fe.unit_id}
            required
          />
        </div>
      )}
      <TextField id={`${id}-name`} label={fields.name} required maxLength={200} value={f.name} onValue={set('name')} error={fe.name} autocomplete="off" />
      <div class="form-grid">
        <TextField id={`${id}-launched`} type="date" label={fields.launched_on} required value={f.launched_on} onValue={set('launched_on')} error={fe.launched_on} />
        {site ? (
          <TextField id={`${id}-ended`} type="date" label={fields.ended_on} hint={t('models.ended_hint')} value={f.ended_on} onValue={set('ended_on')} error={fe.ended_on} />
        ) : null}
      </div>
      <TextAreaField id={`${id}-note`} label={fields.note} maxLength={2000} rows={2} value={f.note} onValue={set('note')} error={fe.note} />
      {linked ? (
        <ParticipantsEditor
          id={`${id}-participants`}
          rows={rows}
          onRows={setRows}
          ownUnitId={unitId}
          joinedOn={f.launched_on}
          max={site?.limits.participants}
          labels={{ legend: fields.participants, joined_on: fields['participants.joined_on'] }}
          error={listErrors(fe, 'participants', fields)}
        />
      ) : null}
      <SubmitActions busy={busy} label={site ? t('models.save') : t('models.site_add')}>
        {onCancel ? (
          <button type="button" class="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </SubmitActions>
    </form>
  );
}
