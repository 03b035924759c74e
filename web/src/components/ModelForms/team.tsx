// #model-team-new / #model-team-edit-<id>: a team (tổ) of a site with its whole member list
// (who, their role, the day they joined and, if so, left), or a change to one with the
// team's version (a 409 reloads the site and says so). One leader at a time, as many
// members as the site's `limits.team_members`; a refusal of one member shows on its row.
import { useState } from 'preact/hooks';
import { RowsEditor } from './rows';
import { SelectField, TextField } from '../Field';
import { ErrorMessage } from '../Notice';
import { SubmitActions } from '../SubmitActions';
import { ApiError, models } from '../../lib/api';
import { MODEL_TEAM_ROLES } from '../../lib/enums';
import { todayIso } from '../../lib/format';
import { fieldErrors } from '../../lib/i18n';
import { filledIndexes, listErrors, type Row, rowErrors, teamRoleLabel } from '../../lib/models';
import type { ModelSiteDetail, ModelTeam, ModelTeamRole } from '../../lib/schema';
import { useAction } from '../../lib/use-action';
import { useI18n } from '../../lib/use-i18n';

type Key = 'full_name' | 'role' | 'joined_on' | 'left_on';
// joined_on starts filled in: a row counts once a name or a leaving day is typed.
const KEYS: readonly Key[] = ['full_name', 'left_on'];

export function ModelTeamForm({
  site,
  team,
  onDone,
  onStale,
  onCancel,
}: {
  site: ModelSiteDetail;
  /** The team changed; absent for a new one. */
  team?: ModelTeam;
  onDone: (confirmation: string) => void;
  onStale: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [f, setF] = useState({ name: team?.name ?? '', founded_on: team?.founded_on ?? todayIso(), ended_on: team?.ended_on ?? '' });
  const set = (key: keyof typeof f) => (value: string) => setF({ ...f, [key]: value });
  // A new member joins on the team's founding day unless told otherwise.
  const blank = (): Row<Key> => ({ full_name: '', role: 'member', joined_on: f.founded_on, left_on: '' });
  const [rows, setRows] = useState<Row<Key>[]>(() =>
    team ? team.members.map((m) => ({ full_name: m.full_name, role: m.role, joined_on: m.joined_on, left_on: m.left_on ?? '' })) : [blank()],
  );
  // A new founding day moves the members who joined on the old one (those not told otherwise).
  const found = (founded_on: string) => {
    setRows(rows.map((row) => (row.joined_on === f.founded_on ? { ...row, joined_on: founded_on } : row)));
    setF({ ...f, founded_on });
  };
  // Where the rows sent stood in the form, for the server's `index` of a refusal.
  const [sent, setSent] = useState<number[]>([]);
  const { error, busy, run } = useAction();
  const fe = fieldErrors(t, error);
  const byRow = rowErrors(t, error, 'members', sent);
  const rowLabel = (i: number) => t('models.team_member_row', { n: i + 1 });
  const id = team ? `model-team-edit-${team.id}` : 'model-team-new';
  const fields = {
    name: t('models.team_name'),
    founded_on: t('models.team_founded_on'),
    ended_on: t('models.team_ended_on'),
    members: t('models.team_members'),
    'members.full_name': t('models.member_name'),
    'members.role': t('models.team_role'),
    'members.joined_on': t('models.member_joined_on'),
    'members.left_on': t('models.left_on'),
    version: t('models.version'),
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const filled = filledIndexes(rows, KEYS);
    setSent(filled);
    const input = {
      name: f.name.trim(),
      founded_on: f.founded_on,
      ended_on: f.ended_on || null,
      members: filled.map((i) => rows[i] as Row<Key>).map((r) => ({
        full_name: r.full_name.trim(),
        role: r.role as ModelTeamRole,
        joined_on: r.joined_on,
        left_on: r.left_on || null,
      })),
    };
    void run(async () => {
      try {
        if (team) await models.updateTeam(team.id, { ...input, version: team.version });
        else await models.addTeam(site.id, input);
        onDone(team ? t('models.team_saved', { name: input.name }) : t('models.team_added', { name: input.name, count: input.members.length }));
      } catch (caught) {
        if (team && caught instanceof ApiError && caught.status === 409) {
          onStale();
          return;
        }
        throw caught;
      }
    });
  };

  return (
    <form class="panel" id={id} noValidate onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{team ? t('models.team_edit_title', { name: team.name }) : t('models.team_new_title')}</h3>
      <ErrorMessage error={error} fields={fields} rowLabel={(e) => (e.index !== undefined && sent[e.index] !== undefined ? rowLabel(sent[e.index] as number) : undefined)} />
      <TextField id={`${id}-name`} label={fields.name} required hint={t('models.team_name_hint')} maxLength={200} value={f.name} onValue={set('name')} error={fe.name} autocomplete="off" />
      <div class="form-grid">
        <TextField id={`${id}-founded`} type="date" label={fields.founded_on} required value={f.founded_on} onValue={found} error={fe.founded_on} />
        {team ? (
          <TextField id={`${id}-ended`} type="date" label={fields.ended_on} hint={t('models.team_ended_hint')} value={f.ended_on} onValue={set('ended_on')} error={fe.ended_on} />
        ) : null}
      </div>
      <RowsEditor
        id={`${id}-members`}
        legend={fields.members}
        rows={rows}
        onRows={setRows}
        blank={blank}
        max={site.limits.team_members}
        addLabel={t('models.team_member_add')}
        rowLabel={rowLabel}
        rowInvalid={(i) => byRow.has(i)}
        error={listErrors(fe, 'members', fields)}
      >
        {(row, i, setRow) => (
          <>
            <TextField id={`${id}-${i}-name`} label={fields['members.full_name']} required maxLength={200} value={row.full_name} onValue={(v) => setRow('full_name', v)} error={byRow.get(i)?.full_name} autocomplete="off" />
            <SelectField
              id={`${id}-${i}-role`}
              label={fields['members.role']}
              required
              value={row.role}
              onValue={(v) => setRow('role', v)}
              options={MODEL_TEAM_ROLES.map((r) => ({ value: r, label: teamRoleLabel(t, r) }))}
              error={byRow.get(i)?.role}
            />
            <TextField id={`${id}-${i}-joined`} type="date" label={fields['members.joined_on']} required value={row.joined_on} onValue={(v) => setRow('joined_on', v)} error={byRow.get(i)?.joined_on} />
            <TextField id={`${id}-${i}-left`} type="date" label={fields['members.left_on']} value={row.left_on} onValue={(v) => setRow('left_on', v)} error={byRow.get(i)?.left_on} />
          </>
        )}
      </RowsEditor>
      <SubmitActions busy={busy} label={team ? t('models.save') : t('models.team_add')}>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </SubmitActions>
    </form>
  );
}
