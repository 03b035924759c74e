// /offline/patrol: a patrol entered on the phone, from the village's pack: the team and its
// members in it today, the route clicked on the village's boundary (plain SVG, no base map)
// or typed, as the online form takes it (lib/teams). Saved into the outbox under an id made
// when the form opens; a refused patrol comes back here (`?entry=`) with the server's reasons.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PageProps } from '../../app';
import { BoundarySketch } from '../../components/BoundarySketch';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/Field';
import { ErrorMessage } from '../../components/Notice';
import { SubmitActions } from '../../components/SubmitActions';
import choices from '../../components/FireGroupForms/style.module.css';
import { localValidation } from '../../lib/api';
import { formatDate, formatNumber, todayIso } from '../../lib/format';
import { fieldErrors } from '../../lib/i18n';
import { queueRecord } from '../../lib/offline-sync';
import { entryProblem, fieldLabels } from '../../lib/offline-words';
import { newRecordId } from '../../lib/outbox';
import type { PatrolShift } from '../../lib/schema';
import {
  drawablePoints,
  positionLabel,
  routeLine,
  routeLines,
  routeOf,
  routeWarning,
  SHIFTS,
  shiftLabel,
} from '../../lib/teams';
import { useAction } from '../../lib/use-action';
import { useI18n } from '../../lib/use-i18n';
import { useTitle } from '../../lib/use-title';
import styles from './offline.module.css';
import { afterQueued, deviceAt, OfflineFormTop, OfflineHeading, PackNeeded, PendingMark, useOfflinePage } from './shared';

const EMPTY = { patrol_on: '', shift: '' as PatrolShift | '', findings: '', tip_refs: '' };

export function OfflinePatrolPage(_: PageProps) {
  const { t } = useI18n();
  useTitle(t('offline.patrol_link'));
  const page = useOfflinePage();
  const { pack, editing, user } = page;
  const [id, setId] = useState(newRecordId);
  const [teamId, setTeamId] = useState<number | null>(null);
  const [f, setF] = useState({ ...EMPTY, patrol_on: todayIso() });
  const set = (key: keyof typeof f) => (value: string) => setF({ ...f, [key]: value });
  const [chosen, setChosen] = useState<Set<number>>(() => new Set());
  const [routeText, setRouteText] = useState('');
  const [confirm, setConfirm] = useState(false);
  const [said, setSaid] = useState('');
  const { error, setError, busy, run } = useAction();
  const problem = error ?? (editing ? entryProblem(editing) : null);
  const fe = fieldErrors(t, problem);
  const warning = routeWarning(t, problem);
  const labels = fieldLabels(t);

  // A refused patrol opened again: its content as it was queued.
  useEffect(() => {
    if (!editing || editing.kind !== 'patrol') return;
    const b = editing.body;
    setId(editing.id);
    setTeamId(Number(b.team_id));
    setF({
      patrol_on: String(b.patrol_on ?? ''),
      shift: (b.shift ?? '') as PatrolShift | '',
      findings: String(b.findings ?? ''),
      tip_refs: String(b.tip_refs ?? ''),
    });
    setChosen(new Set(Array.isArray(b.member_ids) ? (b.member_ids as number[]) : []));
    const route = Array.isArray(b.route) ? (b.route as (number[] | string)[]) : [];
    setRouteText(route.map((p) => (typeof p === 'string' ? p : routeLine(p[0] ?? 0, p[1] ?? 0))).join('\n'));
    setConfirm(b.confirm_route === true);
  }, [editing?.id]);

  const teams = pack?.teams ?? [];
  const team = teams.find((x) => x.id === teamId) ?? (teams.length === 1 ? teams[0] : undefined);
  const lines = routeLines(routeText);
  const route = useMemo(() => drawablePoints(routeOf(routeText)), [routeText]);
  const memberIds = (team?.members ?? []).filter((m) => chosen.has(m.id)).map((m) => m.id);
  const recent = pack ? pack.patrols.filter((p) => teams.some((x) => x.id === p.team_id)) : [];

  if (!pack) {
    return (
      <>
        <OfflineHeading title={t('offline.patrol_link')} />
        <PackNeeded state={page} />
      </>
    );
  }

  const toggle = (memberId: number, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(memberId);
    else next.delete(memberId);
    setChosen(next);
  };

  const submit = (event: Event) => {
    event.preventDefault();
    // As the online form: a shift must be chosen before anything is sent.
    if (!f.shift || !team) {
      setError(localValidation([{ field: f.shift ? 'team_id' : 'shift', code: 'required' }]));
      return;
    }
    const shift = f.shift;
    void run(async () => {
      await queueRecord(user.id, pack.village.id, {
        kind: 'patrol',
        id,
        base_version: editing?.base_version ?? 0,
        body: {
          team_id: team.id,
          patrol_on: f.patrol_on,
          shift,
          member_ids: memberIds,
          route: routeOf(routeText),
          confirm_route: warning !== null && confirm,
          findings: f.findings.trim(),
          tip_refs: f.tip_refs.trim(),
          device_at: deviceAt(editing),
        },
      });
      afterQueued(
        editing,
        () => setSaid(t('offline.queued', { what: t('offline.patrol_what', { date: formatDate(f.patrol_on) }) })),
        () => {
          setId(newRecordId());
          setF({ ...EMPTY, patrol_on: f.patrol_on });
          setChosen(new Set());
          setRouteText('');
          setConfirm(false);
        },
      );
    });
  };

  const members = teams.flatMap((x) => x.members);
  const names = (ids: readonly number[]) => ids.map((mid) => members.find((m) => m.id === mid)?.full_name ?? `#${mid}`).join(', ');

  return (
    <>
      <OfflineFormTop title={t('offline.patrol_link')} state={page} said={said} />
      {teams.length === 0 ? (
        <p id="offline-no-team">{t('offline.no_team')}</p>
      ) : (
        <form class="panel" id="offline-patrol" noValidate onSubmit={submit} aria-labelledby="offline-patrol-heading" data-patrol-id={id}>
          <h2 id="offline-patrol-heading" class="visually-hidden">
            {t('offline.patrol_link')}
          </h2>
          {warning ? (
            <div class="panel" role="alert" id="offline-patrol-route-warning">
              <p>
                <strong>{t('teams.route_warning')}</strong>: {warning}
              </p>
              <CheckboxField id="offline-patrol-route-confirm" label={t('teams.route_confirm')} checked={confirm} onChecked={setConfirm} />
            </div>
          ) : (
            <ErrorMessage error={problem} fields={labels} />
          )}
          <div class="form-grid">
            {teams.length > 1 ? (
              <SelectField
                id="offline-patrol-team"
                label={labels.team_id ?? ''}
                required
                value={team ? String(team.id) : ''}
                placeholder={t('offline.team_choose')}
                options={teams.map((x) => ({ value: String(x.id), label: x.name }))}
                onValue={(value) => setTeamId(Number(value) || null)}
                error={fe.team_id}
              />
            ) : null}
            <TextField id="offline-patrol-on" type="date" label={labels.patrol_on ?? ''} required value={f.patrol_on} onValue={set('patrol_on')} error={fe.patrol_on} />
            <SelectField
              id="offline-patrol-shift"
              label={labels.shift ?? ''}
              required
              value={f.shift}
              onValue={set('shift')}
              placeholder={t('teams.shift_choose')}
              options={SHIFTS.map((s) => ({ value: s, label: shiftLabel(t, s) }))}
              error={fe.shift}
            />
          </div>
          {team ? (
            <fieldset id="offline-patrol-members" aria-describedby="offline-patrol-members-count">
              <legend>{labels.member_ids}</legend>
              <ul class={choices.choices}>
                {team.members.map((m) => (
                  <li key={m.id} data-member-id={m.id}>
                    <CheckboxField
                      id={`offline-patrol-member-${m.id}`}
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
              <p id="offline-patrol-members-count" class={choices.count}>
                {t('teams.patrol_members_chosen', { count: formatNumber(memberIds.length) })}
              </p>
              {fe.member_ids ? <p class={choices.error}>{fe.member_ids}</p> : null}
            </fieldset>
          ) : null}
          {pack.boundary ? (
            <>
              <p id="offline-patrol-map-hint">{t('offline.map_hint')}</p>
              <BoundarySketch
                id="offline-patrol-map"
                label={t('offline.map_label')}
                boundary={pack.boundary}
                route={route}
                onPoint={(lat, lon) => setRouteText((text) => (text.trim() ? `${text.trimEnd()}\n` : '') + routeLine(lat, lon))}
              />
            </>
          ) : (
            <p id="offline-patrol-map-none">{t('offline.map_none')}</p>
          )}
          <TextAreaField id="offline-patrol-route" label={labels.route ?? ''} hint={t('teams.route_hint')} rows={3} value={routeText} onValue={setRouteText} error={warning ? undefined : fe.route} />
          <div class="actions">
            <button type="button" class="secondary" id="offline-patrol-route-undo" disabled={lines.length === 0} onClick={() => setRouteText(lines.slice(0, -1).join('\n'))}>
              {t('teams.route_undo')}
            </button>
            <button type="button" class="secondary" id="offline-patrol-route-clear" disabled={lines.length === 0} onClick={() => setRouteText('')}>
              {t('teams.route_clear')}
            </button>
          </div>
          <p id="offline-patrol-route-count" aria-live="polite">
            {lines.length === 0 ? t('teams.route_none') : t('teams.route_points', { count: formatNumber(lines.length) })}
          </p>
          <TextAreaField id="offline-patrol-findings" label={labels.findings ?? ''} hint={t('teams.findings_hint')} maxLength={2000} rows={3} value={f.findings} onValue={set('findings')} error={fe.findings} />
          <TextField id="offline-patrol-tips" label={labels.tip_refs ?? ''} hint={t('teams.tip_refs_hint')} maxLength={2000} value={f.tip_refs} onValue={set('tip_refs')} error={fe.tip_refs} autocomplete="off" />
          <SubmitActions busy={busy} label={t('offline.save')} />
        </form>
      )}
      <section aria-labelledby="offline-patrols-heading">
        <h2 id="offline-patrols-heading">{t('offline.recent_patrols')}</h2>
        {recent.length === 0 ? <p>{t('offline.recent_none')}</p> : null}
        <ul class={styles.records} id="offline-patrols">
          {recent.map((p) => (
            <li key={p.id} data-patrol-id={p.id} data-pending={page.pending.ids.has(p.id) ? 'true' : 'false'}>
              <p>
                <strong>
                  {formatDate(p.patrol_on)}, {shiftLabel(t, p.shift)}
                </strong>
                {page.pending.ids.has(p.id) ? <PendingMark /> : null}
              </p>
              <p>{names(p.member_ids) || '—'}</p>
              {p.findings ? <p class="muted">{p.findings}</p> : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
