// #fire-group-form: a new group of a village with its member households (the size warning
// and its reason as the member list has them), or a change to a group's own fields with
// the version edited (a 409 reloads the group and says so).
import { useState } from 'preact/hooks';
import { SelectField, TextAreaField, TextField } from '../Field';
import { ErrorMessage } from '../Notice';
import { SubmitActions } from '../SubmitActions';
import { UnitPicker } from '../UnitPicker';
import { HouseholdChooser, MemberWarnings, REASON_REQUIRED, sizeWarningOf } from './members';
import { ApiError, fire, localValidation } from '../../lib/api';
import { memberProblems } from '../../lib/fire';
import { isActiveVillage, onlyVillage } from '../../lib/households';
import { fieldErrors } from '../../lib/i18n';
import type { FireGroup, FireGroupDetail, UnitNode } from '../../lib/schema';
import { useAction } from '../../lib/use-action';
import { useI18n } from '../../lib/use-i18n';

/** A new group: its village, name, founding day and member households. */
export function NewFireGroupForm({
  roots,
  loading,
  onDone,
}: {
  /** The user's scoped unit tree: the villages offered. */
  roots: readonly UnitNode[];
  loading?: boolean;
  onDone: (group: FireGroup, confirmation: string) => void;
}) {
  const { t } = useI18n();
  const [village, setVillage] = useState<number | null>(null);
  const [name, setName] = useState('');
  const [foundedOn, setFoundedOn] = useState('');
  const [note, setNote] = useState('');
  const [chosen, setChosen] = useState<Set<number>>(() => new Set());
  const [sizeWarning, setSizeWarning] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const { error, setError, busy, run } = useAction();
  const fe = fieldErrors(t, error);
  const villageId = village ?? onlyVillage(roots);
  const fields = {
    village_id: t('fire.village'),
    name: t('fire.name'),
    founded_on: t('fire.founded_on'),
    note: t('fire.note'),
    household_ids: t('fire.members_legend'),
    members: t('fire.members_legend'),
    size_reason: t('fire.size_reason'),
  };

  const submit = (event: Event) => {
    event.preventDefault();
    if (villageId === null) {
      setError(localValidation([{ field: 'village_id', code: 'required' }]));
      return;
    }
    if (sizeWarning !== null && reason.trim() === '') {
      setError(REASON_REQUIRED());
      return;
    }
    void run(async () => {
      try {
        const saved = await fire.create({
          village_id: villageId,
          name: name.trim(),
          founded_on: foundedOn || null,
          note: note.trim(),
          household_ids: [...chosen].sort((a, b) => a - b),
          ...(sizeWarning !== null ? { size_reason: reason.trim() } : {}),
        });
        onDone(saved, t('fire.created', { code: saved.code, name: saved.name }));
      } catch (caught) {
        setSizeWarning(sizeWarningOf(t, caught, sizeWarning));
        throw caught;
      }
    });
  };

  return (
    <form class="panel" id="fire-group-form" noValidate onSubmit={submit} aria-labelledby="fire-group-form-heading">
      <h2 id="fire-group-form-heading">{t('fire.new_title')}</h2>
      <ErrorMessage error={memberProblems(t, error).rest} fields={fields} />
      <div class="form-grid">
        <UnitPicker
          id="fire-group-new-village"
          label={fields.village_id}
          roots={roots}
          loading={loading}
          accept={isActiveVillage}
          value={villageId}
          onValue={(id) => {
            setVillage(id);
            setChosen(new Set());
          }}
          placeholder={t('fire.choose_village')}
          error={fe.village_id}
          required
        />
        <TextField id="fire-group-new-name" label={fields.name} required maxLength={200} value={name} onValue={setName} error={fe.name} autocomplete="off" />
        <TextField id="fire-group-new-founded" type="date" label={fields.founded_on} value={foundedOn} onValue={setFoundedOn} error={fe.founded_on} />
      </div>
      <TextField id="fire-group-new-note" label={fields.note} maxLength={2000} value={note} onValue={setNote} error={fe.note} />
      {villageId !== null ? (
        <HouseholdChooser id="fire-group-new-households" villageId={villageId} chosen={chosen} onChosen={setChosen} />
      ) : (
        <p class="muted" id="fire-group-new-households-later">{t('fire.members_after_village')}</p>
      )}
      <MemberWarnings id="fire-group-new" error={error} sizeWarning={sizeWarning} reason={reason} onReason={setReason} />
      <SubmitActions busy={busy} label={t('fire.add')} />
    </form>
  );
}

/** A group's own fields: name, leader (one of its houses), founding and dissolution days, note. */
export function FireGroupEditForm({
  group,
  onDone,
  onStale,
}: {
  group: FireGroupDetail;
  onDone: (group: FireGroup, confirmation: string) => void;
  /** Someone else changed the group since it was loaded (409): load it again. */
  onStale: () => void;
}) {
  const { t } = useI18n();
  const [f, setF] = useState({
    name: group.name,
    leader: group.leader_household_id === null ? '' : String(group.leader_household_id),
    founded_on: group.founded_on ?? '',
    dissolved_on: group.dissolved_on ?? '',
    note: group.note,
  });
  const set = (key: keyof typeof f) => (value: string) => setF({ ...f, [key]: value });
  const { error, busy, run } = useAction();
  const fe = fieldErrors(t, error);
  const fields = {
    name: t('fire.name'),
    leader_household_id: t('fire.leader'),
    founded_on: t('fire.founded_on'),
    dissolved_on: t('fire.dissolved_on'),
    note: t('fire.note'),
    village_id: t('fire.village'),
  };

  const submit = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      try {
        const saved = await fire.update(group.id, {
          village_id: group.village_id,
          name: f.name.trim(),
          leader_household_id: f.leader ? Number(f.leader) : null,
          founded_on: f.founded_on || null,
          dissolved_on: f.dissolved_on || null,
          note: f.note.trim(),
          version: group.version,
        });
        onDone(saved, t('fire.saved', { code: saved.code }));
      } catch (caught) {
        if (caught instanceof ApiError && caught.status === 409) {
          onStale();
          return;
        }
        throw caught;
      }
    });
  };

  return (
    <form class="panel" id="fire-group-edit" noValidate onSubmit={submit} aria-labelledby="fire-group-edit-heading">
      <h2 id="fire-group-edit-heading">{t('fire.edit_title', { code: group.code })}</h2>
      <ErrorMessage error={error} fields={fields} />
      <div class="form-grid">
        <TextField id="fire-group-edit-name" label={fields.name} required maxLength={200} value={f.name} onValue={set('name')} error={fe.name} autocomplete="off" />
        <SelectField
          id="fire-group-edit-leader"
          label={fields.leader_household_id}
          value={f.leader}
          onValue={set('leader')}
          placeholder={t('fire.leader_none')}
          options={group.houses.map((h) => ({ value: String(h.household_id), label: `${h.head_name} (${h.code})` }))}
          error={fe.leader_household_id}
        />
        <TextField id="fire-group-edit-founded" type="date" label={fields.founded_on} value={f.founded_on} onValue={set('founded_on')} error={fe.founded_on} />
        <TextField id="fire-group-edit-dissolved" type="date" label={fields.dissolved_on} hint={t('fire.dissolved_hint')} value={f.dissolved_on} onValue={set('dissolved_on')} error={fe.dissolved_on} />
      </div>
      <TextAreaField id="fire-group-edit-note" label={fields.note} maxLength={2000} rows={2} value={f.note} onValue={set('note')} error={fe.note} />
      <SubmitActions busy={busy} label={t('fire.save')} />
    </form>
  );
}
