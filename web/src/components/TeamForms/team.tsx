// #team-new / #team-edit: a security team over one or more villages of a commune, by the
// commune People's Committee's decision (number, day, signer); or a change to one with the
// version edited (a 409 reloads the team and says so). The commune is chosen first (an
// officer's only one is chosen for them), then its villages are ticked.
import { useMemo, useState } from 'preact/hooks';
import { CheckboxField, TextAreaField, TextField } from '../Field';
import { ErrorMessage } from '../Notice';
import { SubmitActions } from '../SubmitActions';
import { UnitPicker } from '../UnitPicker';
import choices from '../FireGroupForms/style.module.css';
import { ApiError, localValidation, teams } from '../../lib/api';
import { communesOf, villagesOf } from '../../lib/boxes';
import { formatNumber } from '../../lib/format';
import { fieldErrors } from '../../lib/i18n';
import type { SecurityTeam, SecurityTeamDetail, TeamVillage, UnitNode } from '../../lib/schema';
import { useAction } from '../../lib/use-action';
import { useI18n } from '../../lib/use-i18n';

/** The commune's villages as checkboxes; `chosen` are ticked. */
function VillageChooser({
  id,
  villages,
  chosen,
  onChosen,
  error,
}: {
  id: string;
  villages: readonly TeamVillage[];
  chosen: ReadonlySet<number>;
  onChosen: (chosen: Set<number>) => void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  const toggle = (villageId: number, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(villageId);
    else next.delete(villageId);
    onChosen(next);
  };
  return (
    <fieldset id={id} aria-describedby={`${id}-count`}>
      <legend>{t('teams.villages')}</legend>
      <p class="muted">{t('teams.villages_hint')}</p>
      <ul class={choices.choices}>
        {villages.map((v) => (
          <li key={v.id} data-village-id={v.id}>
            <CheckboxField id={`${id}-${v.id}`} label={v.name} checked={chosen.has(v.id)} onChecked={(on) => toggle(v.id, on)} />
          </li>
        ))}
      </ul>
      <p id={`${id}-count`} class={choices.count}>
        {t('teams.villages_chosen', { count: formatNumber(chosen.size) })}
      </p>
      {error ? <p class={choices.error}>{error}</p> : null}
    </fieldset>
  );
}

const isActiveCommune = (ids: ReadonlySet<number>) => (unit: UnitNode) => ids.has(unit.id);

/**
 * A new team (`team` absent) or a change to one. `roots` is the user's scoped unit tree: the
 * communes and their villages offered. A team keeps its commune and any village merged away since.
 */
export function TeamForm({
  roots,
  loading,
  team,
  onDone,
  onStale,
}: {
  roots: readonly UnitNode[];
  loading?: boolean;
  team?: SecurityTeamDetail;
  onDone: (team: SecurityTeam, confirmation: string) => void;
  /** Someone else changed the team since it was loaded (409): load it again. */
  onStale?: () => void;
}) {
  const { t } = useI18n();
  const communes = useMemo(() => communesOf(roots), [roots]);
  const communeIds = useMemo(() => new Set(communes.map((c) => c.id)), [communes]);
  const [picked, setPicked] = useState<number | null>(null);
  const communeId = team ? team.commune_id : (picked ?? (communes.length === 1 ? (communes[0]?.id ?? null) : null));
  const commune = communes.find((c) => c.id === communeId);
  // The commune's villages today, and those the team keeps (merged away since).
  const villages = useMemo(() => {
    const today: TeamVillage[] = villagesOf(commune).map((v) => ({ id: v.id, name: v.name }));
    const kept = (team?.villages ?? []).filter((v) => !today.some((d) => d.id === v.id));
    return [...today, ...kept];
  }, [commune, team]);
  const [chosen, setChosen] = useState<Set<number>>(() => new Set(team?.villages.map((v) => v.id) ?? []));
  const [f, setF] = useState({
    name: team?.name ?? '',
    decision_number: team?.decision_number ?? '',
    decision_on: team?.decision_on ?? '',
    decision_signer: team?.decision_signer ?? '',
    founded_on: team?.founded_on ?? '',
    dissolved_on: team?.dissolved_on ?? '',
    note: team?.note ?? '',
  });
  const set = (key: keyof typeof f) => (value: string) => setF({ ...f, [key]: value });
  const { error, setError, busy, run } = useAction();
  const fe = fieldErrors(t, error);
  const id = team ? 'team-edit' : 'team-new';
  const fields = {
    commune: t('teams.commune'),
    village_ids: t('teams.villages'),
    name: t('teams.name'),
    decision_number: t('teams.decision_number'),
    decision_on: t('teams.decision_on'),
    decision_signer: t('teams.decision_signer'),
    founded_on: t('teams.founded_on'),
    dissolved_on: t('teams.dissolved_on'),
    note: t('teams.note'),
    version: t('teams.version'),
  };

  const submit = (event: Event) => {
    event.preventDefault();
    if (communeId === null) {
      setError(localValidation([{ field: 'commune', code: 'required' }]));
      return;
    }
    const input = {
      // Only the commune's villages: a village ticked before another commune was chosen is not sent.
      village_ids: villages.filter((v) => chosen.has(v.id)).map((v) => v.id),
      name: f.name.trim(),
      decision_number: f.decision_number.trim(),
      decision_on: f.decision_on || null,
      decision_signer: f.decision_signer.trim(),
      founded_on: f.founded_on || null,
      dissolved_on: f.dissolved_on || null,
      note: f.note.trim(),
    };
    void run(async () => {
      try {
        const saved = team ? await teams.update(team.id, { ...input, version: team.version }) : await teams.create(input);
        onDone(saved, team ? t('teams.saved', { code: saved.code }) : t('teams.created', { code: saved.code, name: saved.name }));
      } catch (caught) {
        if (team && onStale && caught instanceof ApiError && caught.status === 409) {
          onStale();
          return;
        }
        throw caught;
      }
    });
  };

  return (
    <form class="panel" id={id} noValidate onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{team ? t('teams.edit_title', { code: team.code }) : t('teams.new_title')}</h2>
      <ErrorMessage error={error} fields={fields} />
      {team ? null : (
        <div class="form-grid">
          <UnitPicker
            id={`${id}-commune`}
            label={fields.commune}
            roots={roots}
            loading={loading}
            accept={isActiveCommune(communeIds)}
            value={communeId}
            onValue={(value) => {
              setPicked(value);
              setChosen(new Set());
            }}
            placeholder={t('teams.choose_commune')}
            error={fe.commune}
            required
          />
        </div>
      )}
      {communeId !== null ? (
        <VillageChooser id={`${id}-villages`} villages={villages} chosen={chosen} onChosen={setChosen} error={fe.village_ids} />
      ) : (
        <p class="muted" id={`${id}-villages-later`}>{t('teams.villages_after_commune')}</p>
      )}
      <TextField id={`${id}-name`} label={fields.name} required hint={t('teams.name_hint')} maxLength={200} value={f.name} onValue={set('name')} error={fe.name} autocomplete="off" />
      <fieldset>
        <legend>{t('teams.decision')}</legend>
        <div class="form-grid">
          <TextField id={`${id}-decision-number`} label={fields.decision_number} hint={t('teams.decision_number_hint')} maxLength={50} value={f.decision_number} onValue={set('decision_number')} error={fe.decision_number} autocomplete="off" />
          <TextField id={`${id}-decision-on`} type="date" label={fields.decision_on} value={f.decision_on} onValue={set('decision_on')} error={fe.decision_on} />
          <TextField id={`${id}-decision-signer`} label={fields.decision_signer} maxLength={200} value={f.decision_signer} onValue={set('decision_signer')} error={fe.decision_signer} autocomplete="off" />
        </div>
      </fieldset>
      <div class="form-grid">
        <TextField id={`${id}-founded`} type="date" label={fields.founded_on} value={f.founded_on} onValue={set('founded_on')} error={fe.founded_on} />
        {team ? (
          <TextField id={`${id}-dissolved`} type="date" label={fields.dissolved_on} hint={t('teams.dissolved_hint')} value={f.dissolved_on} onValue={set('dissolved_on')} error={fe.dissolved_on} />
        ) : null}
      </div>
      <TextAreaField id={`${id}-note`} label={fields.note} maxLength={2000} rows={2} value={f.note} onValue={set('note')} error={fe.note} />
      <SubmitActions busy={busy} label={team ? t('teams.save') : t('teams.add')} />
    </form>
  );
}
