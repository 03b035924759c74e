// #patrol-form: a team's patrol, recorded by the offline rule under an id made when the form
// opens (pressing again after a lost answer stores it once). The members offered are those
// in the team on the day chosen; the route is drawn by clicks on the map (the page's), one
// point a line, or typed. A route leaving the commune comes back as a warning naming where
// it lies, to confirm before it is saved; a patrol changed meanwhile (409) shows the
// server's copy and sends over it.
import { useMemo, useState } from 'preact/hooks';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../Field';
import { AlertMessage, ErrorMessage } from '../Notice';
import { SubmitActions } from '../SubmitActions';
import choices from '../FireGroupForms/style.module.css';
import { ApiError, localValidation, teams } from '../../lib/api';
import { formatDate, formatNumber, todayIso } from '../../lib/format';
import type { Patrol, PatrolShift, SecurityTeamDetail } from '../../lib/schema';
import {
  inTeamOn,
  namedFieldErrors,
  newPatrolId,
  patrolOutcomeMessage,
  positionLabel,
  routeLines,
  routeOf,
  routeWarning,
  SHIFTS,
  shiftLabel,
} from '../../lib/teams';
import { useAction } from '../../lib/use-action';
import { useI18n } from '../../lib/use-i18n';

interface Props {
  team: SecurityTeamDetail;
  /** The route's points, one a line (the page's map adds lines as it is clicked). */
  routeText: string;
  onRouteText: (text: string) => void;
  onDone: (patrol: Patrol, confirmation: string) => void;
  onCancel: () => void;
}

export function PatrolForm({ team, routeText, onRouteText, onDone, onCancel }: Props) {
  const { t } = useI18n();
  // Made once, when the form opens: every send of this form is the same patrol.
  const [id] = useState(newPatrolId);
  const [f, setF] = useState({ patrol_on: todayIso(), shift: '' as PatrolShift | '', findings: '', tip_refs: '' });
  const set = (key: keyof typeof f) => (value: string) => setF({ ...f, [key]: value });
  const [chosen, setChosen] = useState<Set<number>>(() => new Set());
  const [confirm, setConfirm] = useState(false);
  // The stored patrol's version this form writes over (0: none yet).
  const [baseVersion, setBaseVersion] = useState(0);
  const [server, setServer] = useState<Patrol | null>(null);
  const { error, setError, busy, run } = useAction();
  const fe = namedFieldErrors(t, error);
  const warning = routeWarning(t, error);
  const present = useMemo(() => team.member_list.filter((m) => inTeamOn(m, f.patrol_on)), [team.member_list, f.patrol_on]);
  // Only those in the team that day are sent, whoever was ticked before the day changed.
  const memberIds = present.filter((m) => chosen.has(m.id)).map((m) => m.id);
  const lines = routeLines(routeText);
  const fields = {
    patrol_on: t('teams.patrol_on'),
    shift: t('teams.shift'),
    member_ids: t('teams.patrol_members'),
    route: t('teams.route'),
    findings: t('teams.findings'),
    tip_refs: t('teams.tip_refs'),
  };
  const names = (ids: readonly number[]) =>
    ids.map((mid) => team.member_list.find((m) => m.id === mid)?.full_name ?? `#${mid}`).join(', ');

  const toggle = (memberId: number, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(memberId);
    else next.delete(memberId);
    setChosen(next);
  };

  const submit = (event: Event) => {
    event.preventDefault();
    if (!f.shift) {
      setError(localValidation([{ field: 'shift', code: 'required' }]));
      return;
    }
    const shift = f.shift;
    void run(async () => {
      try {
        const written = await teams.recordPatrol(id, {
          team_id: team.id,
          patrol_on: f.patrol_on,
          shift,
          member_ids: memberIds,
          route: routeOf(routeText),
          confirm_route: warning !== null && confirm,
          findings: f.findings.trim(),
          tip_refs: f.tip_refs.trim(),
          base_version: baseVersion,
        });
        setServer(null);
        const values = { date: formatDate(written.patrol.patrol_on), shift: shiftLabel(t, written.patrol.shift).toLocaleLowerCase('vi'), code: team.code };
        onDone(written.patrol, patrolOutcomeMessage(t, written.outcome, values));
      } catch (caught) {
        if (caught instanceof ApiError && caught.status === 409) {
          const stored = await teams.patrol(id);
          setServer(stored);
          setBaseVersion(stored.version);
          return;
        }
        throw caught;
      }
    });
  };

  return (
    <form class="panel" id="patrol-form" noValidate onSubmit={submit} aria-labelledby="patrol-form-heading" data-patrol-id={id}>
      <h3 id="patrol-form-heading">{t('teams.patrol_title', { code: team.code })}</h3>
      {server ? (
        <div id="patrol-conflict">
          <AlertMessage title={t('teams.patrol_conflict')}>
            {t('teams.patrol_server', {
              date: formatDate(server.patrol_on),
              shift: shiftLabel(t, server.shift),
              members: names(server.member_ids),
              findings: server.findings || '—',
            })}
          </AlertMessage>
        </div>
      ) : warning ? (
        <div class="panel" role="alert" id="patrol-route-warning">
          <p>
            <strong>{t('teams.route_warning')}</strong>: {warning}
          </p>
          <CheckboxField id="patrol-route-confirm" label={t('teams.route_confirm')} checked={confirm} onChecked={setConfirm} />
        </div>
      ) : (
        <ErrorMessage error={error} fields={fields} />
      )}
      <div class="form-grid">
        <TextField id="patrol-on" type="date" label={fields.patrol_on} required value={f.patrol_on} onValue={set('patrol_on')} error={fe.patrol_on} />
        <SelectField
          id="patrol-shift"
          label={fields.shift}
          required
          value={f.shift}
          onValue={set('shift')}
          placeholder={t('teams.shift_choose')}
          options={SHIFTS.map((s) => ({ value: s, label: shiftLabel(t, s) }))}
          error={fe.shift}
        />
      </div>
      <fieldset id="patrol-members" aria-describedby="patrol-members-count">
        <legend>{fields.member_ids}</legend>
        {present.length === 0 ? <p id="patrol-members-none">{t('teams.patrol_members_none')}</p> : null}
        <ul class={choices.choices}>
          {present.map((m) => (
            <li key={m.id} data-member-id={m.id}>
              <CheckboxField
                id={`patrol-member-${m.id}`}
                label={
                  <>
                    {m.full_name} <span class="muted">· {positionLabel(t, m.position)}</span>
                  </>
                }
                checked={chosen.has(m.id)}
                onChecked={(on) => toggle(m.id, on)}
              />
            </li>
          ))}
        </ul>
        <p id="patrol-members-count" class={choices.count}>
          {t('teams.patrol_members_chosen', { count: formatNumber(memberIds.length) })}
        </p>
        {fe.member_ids ? <p class={choices.error}>{fe.member_ids}</p> : null}
      </fieldset>
      <TextAreaField id="patrol-route" label={fields.route} hint={t('teams.route_hint')} rows={3} value={routeText} onValue={onRouteText} error={warning ? undefined : fe.route} />
      <div class="actions">
        <button type="button" class="secondary" id="patrol-route-undo" disabled={lines.length === 0} onClick={() => onRouteText(lines.slice(0, -1).join('\n'))}>
          {t('teams.route_undo')}
        </button>
        <button type="button" class="secondary" id="patrol-route-clear" disabled={lines.length === 0} onClick={() => onRouteText('')}>
          {t('teams.route_clear')}
        </button>
      </div>
      <p id="patrol-route-count" aria-live="polite">
        {lines.length === 0 ? t('teams.route_none') : t('teams.route_points', { count: formatNumber(lines.length) })}
      </p>
      <TextAreaField id="patrol-findings" label={fields.findings} hint={t('teams.findings_hint')} maxLength={2000} rows={3} value={f.findings} onValue={set('findings')} error={fe.findings} />
      <TextField id="patrol-tips" label={fields.tip_refs} hint={t('teams.tip_refs_hint')} maxLength={2000} value={f.tip_refs} onValue={set('tip_refs')} error={fe.tip_refs} autocomplete="off" />
      <SubmitActions busy={busy} label={server ? t('teams.patrol_send_mine') : t('teams.patrol_submit')}>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </SubmitActions>
    </form>
  );
}
