// /offline/drill: a fire-safety group's drill entered on the phone, from the village's pack,
// with the fields of the online drill form (components/FireGroupForms/drill.tsx). Saved into
// the outbox under an id made when the form opens; a refused drill comes back here (`?entry=`).
import { useEffect, useState } from 'preact/hooks';
import type { PageProps } from '../../app';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { ErrorMessage } from '../../components/Notice';
import { SubmitActions } from '../../components/SubmitActions';
import { localValidation } from '../../lib/api';
import { DRILL_EVALUATIONS, evaluationLabel } from '../../lib/fire';
import { formatDate, formatNumber, todayIso } from '../../lib/format';
import { fieldErrors } from '../../lib/i18n';
import { queueRecord } from '../../lib/offline-sync';
import { entryProblem, fieldLabels } from '../../lib/offline-words';
import { newRecordId } from '../../lib/outbox';
import type { DrillEvaluation } from '../../lib/schema';
import { useAction } from '../../lib/use-action';
import { useI18n } from '../../lib/use-i18n';
import { useTitle } from '../../lib/use-title';
import styles from './offline.module.css';
import { afterQueued, deviceAt, OfflineFormTop, OfflineHeading, PackNeeded, PendingMark, useOfflinePage } from './shared';

const EMPTY = { held_on: '', scenario: '', participants: '', observers: '', evaluation: 'good' as DrillEvaluation, evaluation_note: '' };

export function OfflineDrillPage(_: PageProps) {
  const { t } = useI18n();
  useTitle(t('offline.drill_link'));
  const page = useOfflinePage();
  const { pack, editing, user } = page;
  const [id, setId] = useState(newRecordId);
  const [groupId, setGroupId] = useState('');
  const [f, setF] = useState({ ...EMPTY, held_on: todayIso() });
  const set = (key: keyof typeof f) => (value: string) => setF({ ...f, [key]: value });
  const [said, setSaid] = useState('');
  const { error, setError, busy, run } = useAction();
  const problem = error ?? (editing ? entryProblem(editing) : null);
  const fe = fieldErrors(t, problem);
  const labels = fieldLabels(t);

  useEffect(() => {
    if (!editing || editing.kind !== 'drill') return;
    const b = editing.body;
    setId(editing.id);
    setGroupId(String(b.group_id ?? ''));
    setF({
      held_on: String(b.held_on ?? ''),
      scenario: String(b.scenario ?? ''),
      participants: b.participants === undefined ? '' : String(b.participants),
      observers: String(b.observers ?? ''),
      evaluation: (b.evaluation ?? 'good') as DrillEvaluation,
      evaluation_note: String(b.evaluation_note ?? ''),
    });
  }, [editing?.id]);

  if (!pack) {
    return (
      <>
        <OfflineHeading title={t('offline.drill_link')} />
        <PackNeeded state={page} />
      </>
    );
  }
  const groups = pack.fire_groups;
  const group = groups.find((g) => String(g.id) === groupId) ?? (groups.length === 1 ? groups[0] : undefined);
  const groupName = (gid: number) => groups.find((g) => g.id === gid)?.name ?? `#${gid}`;

  const submit = (event: Event) => {
    event.preventDefault();
    const participants = f.participants.trim();
    // Several groups: one must be chosen (the form has nothing to send without it).
    if (!group) {
      setError(localValidation([{ field: 'group_id', code: 'required' }]));
      return;
    }
    void run(async () => {
      await queueRecord(user.id, pack.village.id, {
        kind: 'drill',
        id,
        base_version: editing?.base_version ?? 0,
        body: {
          group_id: group.id,
          held_on: f.held_on,
          scenario: f.scenario.trim(),
          participants: participants === '' ? 0 : Number(participants),
          observers: f.observers.trim(),
          evaluation: f.evaluation,
          evaluation_note: f.evaluation_note.trim(),
          device_at: deviceAt(editing),
        },
      });
      afterQueued(
        editing,
        () => setSaid(t('offline.queued', { what: t('offline.drill_what', { date: formatDate(f.held_on) }) })),
        () => {
          setId(newRecordId());
          setF({ ...EMPTY, held_on: f.held_on });
        },
      );
    });
  };

  return (
    <>
      <OfflineFormTop title={t('offline.drill_link')} state={page} said={said} />
      {groups.length === 0 ? (
        <p id="offline-no-group">{t('offline.no_group')}</p>
      ) : (
        <form class="panel" id="offline-drill" noValidate onSubmit={submit} aria-labelledby="offline-drill-heading" data-drill-id={id}>
          <h2 id="offline-drill-heading" class="visually-hidden">
            {t('offline.drill_link')}
          </h2>
          <ErrorMessage error={problem} fields={labels} />
          <div class="form-grid">
            {groups.length > 1 ? (
              <SelectField
                id="offline-drill-group"
                label={labels.group_id ?? ''}
                required
                value={group ? String(group.id) : ''}
                placeholder={t('offline.group_choose')}
                options={groups.map((g) => ({ value: String(g.id), label: `${g.name} (${g.code})` }))}
                onValue={setGroupId}
                error={fe.group_id}
              />
            ) : null}
            <TextField id="offline-drill-held" type="date" label={labels.held_on ?? ''} required value={f.held_on} onValue={set('held_on')} error={fe.held_on} />
            <TextField id="offline-drill-participants" type="number" min={0} max={1000} inputMode="numeric" label={labels.participants ?? ''} value={f.participants} onValue={set('participants')} error={fe.participants} />
            <SelectField
              id="offline-drill-evaluation"
              label={labels.evaluation ?? ''}
              required
              value={f.evaluation}
              onValue={set('evaluation')}
              options={DRILL_EVALUATIONS.map((e) => ({ value: e, label: evaluationLabel(t, e) }))}
              error={fe.evaluation}
            />
          </div>
          <TextAreaField id="offline-drill-scenario" label={labels.scenario ?? ''} required hint={t('fire.scenario_hint')} maxLength={2000} rows={2} value={f.scenario} onValue={set('scenario')} error={fe.scenario} />
          <TextField id="offline-drill-observers" label={labels.observers ?? ''} hint={t('fire.observers_hint')} maxLength={2000} value={f.observers} onValue={set('observers')} error={fe.observers} />
          <TextAreaField id="offline-drill-note" label={labels.evaluation_note ?? ''} maxLength={2000} rows={2} value={f.evaluation_note} onValue={set('evaluation_note')} error={fe.evaluation_note} />
          <SubmitActions busy={busy} label={t('offline.save')} />
        </form>
      )}
      <section aria-labelledby="offline-drills-heading">
        <h2 id="offline-drills-heading">{t('offline.recent_drills')}</h2>
        {pack.drills.length === 0 ? <p>{t('offline.recent_none')}</p> : null}
        <ul class={styles.records} id="offline-drills">
          {pack.drills.map((d) => (
            <li key={d.id} data-drill-id={d.id} data-pending={page.pending.ids.has(d.id) ? 'true' : 'false'}>
              <p>
                <strong>
                  {formatDate(d.held_on)}, {groupName(d.group_id)}
                </strong>
                {page.pending.ids.has(d.id) ? <PendingMark /> : null}
              </p>
              <p>
                {d.scenario} · {t('fire.participants')}: {formatNumber(d.participants)} · {evaluationLabel(t, d.evaluation)}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
