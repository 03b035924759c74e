// A member house's equipment: its lines of alike extinguishers (added, changed with the
// version edited, retired on a day), and its other gear (forcing tools, the alarm bell and
// push-buttons, whether the alarm is interlinked with the neighbours'), written whole.
import { useState } from 'preact/hooks';
import { CheckboxField, SelectField, TextField } from '../Field';
import { ErrorMessage } from '../Notice';
import { SubmitActions } from '../SubmitActions';
import { ApiError, fire } from '../../lib/api';
import { EXTINGUISHER_KINDS, kindLabel } from '../../lib/fire';
import { formatDate, todayIso } from '../../lib/format';
import { fieldErrors } from '../../lib/i18n';
import type { Extinguisher, ExtinguisherKind, FireHouse } from '../../lib/schema';
import { useAction } from '../../lib/use-action';
import { useI18n } from '../../lib/use-i18n';

interface Done {
  onDone: (confirmation: string) => void;
  /** The line changed since the page loaded it (409): load the group again. */
  onStale: () => void;
  onCancel: () => void;
}

const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

/** #fire-extinguisher-…: a new line of a house, or a change to one. */
export function ExtinguisherForm({
  house,
  extinguisher,
  onDone,
  onStale,
  onCancel,
}: Done & { house: FireHouse; extinguisher?: Extinguisher }) {
  const { t } = useI18n();
  const [f, setF] = useState({
    kind: extinguisher?.kind ?? 'abc_powder',
    kind_note: extinguisher?.kind_note ?? '',
    capacity_kg: text(extinguisher?.capacity_kg ?? (extinguisher ? null : 4)),
    count: text(extinguisher?.count ?? 1),
    manufactured_on: extinguisher?.manufactured_on ?? '',
    last_refill_on: extinguisher?.last_refill_on ?? '',
    expires_on: extinguisher?.expires_on ?? '',
  });
  const set = (key: keyof typeof f) => (value: string) => setF({ ...f, [key]: value });
  const { error, busy, run } = useAction();
  const fe = fieldErrors(t, error);
  const id = extinguisher ? `fire-extinguisher-${extinguisher.id}` : `fire-extinguisher-new-${house.household_id}`;
  const fields = {
    kind: t('fire.kind'),
    kind_note: t('fire.kind_note'),
    capacity_kg: t('fire.capacity'),
    count: t('fire.count'),
    manufactured_on: t('fire.manufactured_on'),
    last_refill_on: t('fire.last_refill_on'),
    expires_on: t('fire.expires_on'),
  };
  const number = (value: string) => (value.trim() === '' ? null : Number(value.replace(',', '.')));

  const submit = (event: Event) => {
    event.preventDefault();
    const input = {
      kind: f.kind as ExtinguisherKind,
      kind_note: f.kind_note.trim(),
      capacity_kg: number(f.capacity_kg),
      count: number(f.count) ?? 1,
      manufactured_on: f.manufactured_on || null,
      last_refill_on: f.last_refill_on || null,
      expires_on: f.expires_on,
    };
    void run(async () => {
      try {
        if (extinguisher) {
          await fire.updateExtinguisher(extinguisher.id, { ...input, version: extinguisher.version });
          onDone(t('fire.extinguisher_saved', { code: house.code }));
        } else {
          await fire.addExtinguisher(house.household_id, input);
          onDone(t('fire.extinguisher_added', { code: house.code, date: formatDate(input.expires_on) }));
        }
      } catch (caught) {
        if (extinguisher && caught instanceof ApiError && caught.status === 409) {
          onStale();
          return;
        }
        throw caught;
      }
    });
  };

  return (
    <form class="panel" id={id} noValidate onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>
        {extinguisher ? t('fire.extinguisher_edit_title', { code: house.code }) : t('fire.extinguisher_new_title', { code: house.code })}
      </h4>
      <ErrorMessage error={error} fields={fields} />
      <div class="form-grid">
        <SelectField
          id={`${id}-kind`}
          label={fields.kind}
          required
          value={f.kind}
          onValue={set('kind')}
          options={EXTINGUISHER_KINDS.map((k) => ({ value: k, label: kindLabel(t, k) }))}
          error={fe.kind}
        />
        {f.kind === 'other' ? (
          <TextField id={`${id}-kind-note`} label={fields.kind_note} maxLength={200} value={f.kind_note} onValue={set('kind_note')} error={fe.kind_note} />
        ) : null}
        <TextField id={`${id}-capacity`} type="number" min={0.1} max={100} step={0.1} inputMode="decimal" label={fields.capacity_kg} value={f.capacity_kg} onValue={set('capacity_kg')} error={fe.capacity_kg} />
        <TextField id={`${id}-count`} type="number" min={1} max={20} inputMode="numeric" label={fields.count} value={f.count} onValue={set('count')} error={fe.count} />
        <TextField id={`${id}-manufactured`} type="date" label={fields.manufactured_on} value={f.manufactured_on} onValue={set('manufactured_on')} error={fe.manufactured_on} />
        <TextField id={`${id}-refill`} type="date" label={fields.last_refill_on} value={f.last_refill_on} onValue={set('last_refill_on')} error={fe.last_refill_on} />
        <TextField id={`${id}-expires`} type="date" label={fields.expires_on} required value={f.expires_on} onValue={set('expires_on')} error={fe.expires_on} />
      </div>
      <SubmitActions busy={busy} label={extinguisher ? t('fire.save') : t('fire.extinguisher_add')}>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </SubmitActions>
    </form>
  );
}

/** #fire-retire-…: a line out of service from a day (today by default): it leaves the due lists. */
export function RetireForm({ house, extinguisher, onDone, onStale, onCancel }: Done & { house: FireHouse; extinguisher: Extinguisher }) {
  const { t } = useI18n();
  const [day, setDay] = useState(todayIso());
  const { error, busy, run } = useAction();
  const fe = fieldErrors(t, error);
  const id = `fire-retire-${extinguisher.id}`;
  return (
    <form
      class="panel"
      id={id}
      noValidate
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => {
          try {
            await fire.retireExtinguisher(extinguisher.id, { retired_on: day || null, version: extinguisher.version });
            onDone(t('fire.retired', { code: house.code }));
          } catch (caught) {
            if (caught instanceof ApiError && caught.status === 409) {
              onStale();
              return;
            }
            throw caught;
          }
        });
      }}
    >
      <h4 id={`${id}-heading`}>{t('fire.retire_title', { kind: kindLabel(t, extinguisher.kind), date: formatDate(extinguisher.expires_on) })}</h4>
      <p>{t('fire.retire_intro')}</p>
      <ErrorMessage error={error} fields={{ retired_on: t('fire.retired_on') }} />
      <TextField id={`${id}-day`} type="date" label={t('fire.retired_on')} value={day} onValue={setDay} error={fe.retired_on} />
      <SubmitActions busy={busy} class="danger" label={t('fire.retire_submit')}>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </SubmitActions>
    </form>
  );
}

/** #fire-gear-…: the house's other gear, the whole of it (what is left empty is none). */
export function GearForm({ house, onDone, onCancel }: Omit<Done, 'onStale'> & { house: FireHouse }) {
  const { t } = useI18n();
  const gear = house.gear;
  const [f, setF] = useState({
    forcing_tools: gear?.forcing_tools ?? '',
    forcing_tool_count: text(gear?.forcing_tool_count ?? 0),
    push_buttons: text(gear?.push_buttons ?? 0),
    checked_on: gear?.checked_on ?? '',
  });
  const [bell, setBell] = useState(gear?.bell ?? false);
  const [interlinked, setInterlinked] = useState(gear?.interlinked ?? false);
  const set = (key: keyof typeof f) => (value: string) => setF({ ...f, [key]: value });
  const { error, busy, run } = useAction();
  const fe = fieldErrors(t, error);
  const id = `fire-gear-${house.household_id}`;
  const fields = {
    forcing_tools: t('fire.forcing_tools'),
    forcing_tool_count: t('fire.forcing_tool_count'),
    bell: t('fire.bell'),
    push_buttons: t('fire.push_buttons'),
    interlinked: t('fire.interlinked'),
    checked_on: t('fire.checked_on'),
  };
  const count = (value: string) => (value.trim() === '' ? 0 : Number(value));
  return (
    <form
      class="panel"
      id={id}
      noValidate
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => {
          await fire.putGear(house.household_id, {
            forcing_tools: f.forcing_tools.trim(),
            forcing_tool_count: count(f.forcing_tool_count),
            bell,
            push_buttons: count(f.push_buttons),
            interlinked,
            checked_on: f.checked_on || null,
          });
          onDone(t('fire.gear_saved', { code: house.code }));
        });
      }}
    >
      <h4 id={`${id}-heading`}>{t('fire.gear_title', { code: house.code })}</h4>
      <ErrorMessage error={error} fields={fields} />
      <div class="form-grid">
        <TextField id={`${id}-tools`} label={fields.forcing_tools} hint={t('fire.forcing_tools_hint')} maxLength={200} value={f.forcing_tools} onValue={set('forcing_tools')} error={fe.forcing_tools} />
        <TextField id={`${id}-tool-count`} type="number" min={0} max={50} inputMode="numeric" label={fields.forcing_tool_count} value={f.forcing_tool_count} onValue={set('forcing_tool_count')} error={fe.forcing_tool_count} />
        <TextField id={`${id}-push-buttons`} type="number" min={0} max={20} inputMode="numeric" label={fields.push_buttons} value={f.push_buttons} onValue={set('push_buttons')} error={fe.push_buttons} />
        <TextField id={`${id}-checked`} type="date" label={fields.checked_on} value={f.checked_on} onValue={set('checked_on')} error={fe.checked_on} />
      </div>
      <CheckboxField id={`${id}-bell`} label={fields.bell} checked={bell} onChecked={setBell} error={fe.bell} />
      <CheckboxField id={`${id}-interlinked`} label={fields.interlinked} checked={interlinked} onChecked={setInterlinked} error={fe.interlinked} />
      <SubmitActions busy={busy} label={t('fire.save')}>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </SubmitActions>
    </form>
  );
}
