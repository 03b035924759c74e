// #fire-drill: a group's firefighting drill, recorded by the offline rule. Its id is made
// when the form opens, so pressing again after a lost answer stores it once ("gửi trùng");
// a drill changed meanwhile (409) shows the server's copy, to keep or to send over.
import { useState } from 'preact/hooks';
import { SelectField, TextAreaField, TextField } from '../Field';
import { AlertMessage, ErrorMessage } from '../Notice';
import { SubmitActions } from '../SubmitActions';
import { ApiError, fire } from '../../lib/api';
import { DRILL_EVALUATIONS, drillOutcomeMessage, evaluationLabel, newRecordId } from '../../lib/fire';
import { formatDate, formatNumber, todayIso } from '../../lib/format';
import { fieldErrors } from '../../lib/i18n';
import type { Drill, DrillEvaluation, FireGroup } from '../../lib/schema';
import { useAction } from '../../lib/use-action';
import { useI18n } from '../../lib/use-i18n';

export function DrillForm({
  group,
  onDone,
  onCancel,
}: {
  group: FireGroup;
  onDone: (drill: Drill, confirmation: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  // Made once, when the form opens: every send of this form is the same drill.
  const [id] = useState(newRecordId);
  const [f, setF] = useState({
    held_on: todayIso(),
    scenario: '',
    participants: '',
    observers: '',
    evaluation: 'good' as DrillEvaluation,
    evaluation_note: '',
  });
  const set = (key: keyof typeof f) => (value: string) => setF({ ...f, [key]: value });
  // The stored drill's version this form writes over (0: none yet).
  const [baseVersion, setBaseVersion] = useState(0);
  const [server, setServer] = useState<Drill | null>(null);
  const { error, busy, run } = useAction();
  const fe = fieldErrors(t, error);
  const fields = {
    held_on: t('fire.held_on'),
    scenario: t('fire.scenario'),
    participants: t('fire.participants'),
    observers: t('fire.observers'),
    evaluation: t('fire.evaluation'),
    evaluation_note: t('fire.evaluation_note'),
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const participants = f.participants.trim();
    void run(async () => {
      try {
        const written = await fire.recordDrill(id, {
          group_id: group.id,
          held_on: f.held_on,
          scenario: f.scenario.trim(),
          participants: participants === '' ? 0 : Number(participants),
          observers: f.observers.trim(),
          evaluation: f.evaluation,
          evaluation_note: f.evaluation_note.trim(),
          base_version: baseVersion,
        });
        setServer(null);
        onDone(written.drill, drillOutcomeMessage(t, written.outcome, { date: formatDate(written.drill.held_on), code: group.code }));
      } catch (caught) {
        if (caught instanceof ApiError && caught.status === 409) {
          const stored = await fire.drill(id);
          setServer(stored);
          setBaseVersion(stored.version);
          return;
        }
        throw caught;
      }
    });
  };

  const keepServer = () => {
    if (!server) return;
    setF({
      held_on: server.held_on,
      scenario: server.scenario,
      participants: String(server.participants),
      observers: server.observers,
      evaluation: server.evaluation,
      evaluation_note: server.evaluation_note,
    });
    setServer(null);
  };

  return (
    <form class="panel" id="fire-drill" noValidate onSubmit={submit} aria-labelledby="fire-drill-heading" data-drill-id={id}>
      <h3 id="fire-drill-heading">{t('fire.drill_title', { code: group.code })}</h3>
      {server ? (
        <div id="fire-drill-conflict">
          <AlertMessage title={t('fire.drill_conflict')}>
            {t('fire.drill_server', {
              date: formatDate(server.held_on),
              scenario: server.scenario,
              participants: formatNumber(server.participants),
              evaluation: evaluationLabel(t, server.evaluation),
            })}
          </AlertMessage>
          <div class="actions">
            <button type="button" class="secondary" id="fire-drill-keep" onClick={keepServer}>
              {t('fire.drill_keep')}
            </button>
          </div>
        </div>
      ) : (
        <ErrorMessage error={error} fields={fields} />
      )}
      <div class="form-grid">
        <TextField id="fire-drill-held" type="date" label={fields.held_on} required value={f.held_on} onValue={set('held_on')} error={fe.held_on} />
        <TextField id="fire-drill-participants" type="number" min={0} max={1000} inputMode="numeric" label={fields.participants} value={f.participants} onValue={set('participants')} error={fe.participants} />
        <SelectField
          id="fire-drill-evaluation"
          label={fields.evaluation}
          required
          value={f.evaluation}
          onValue={set('evaluation')}
          options={DRILL_EVALUATIONS.map((e) => ({ value: e, label: evaluationLabel(t, e) }))}
          error={fe.evaluation}
        />
      </div>
      <TextAreaField id="fire-drill-scenario" label={fields.scenario} required hint={t('fire.scenario_hint')} maxLength={2000} rows={2} value={f.scenario} onValue={set('scenario')} error={fe.scenario} />
      <TextField id="fire-drill-observers" label={fields.observers} hint={t('fire.observers_hint')} maxLength={2000} value={f.observers} onValue={set('observers')} error={fe.observers} />
      <TextAreaField id="fire-drill-note" label={fields.evaluation_note} maxLength={2000} rows={2} value={f.evaluation_note} onValue={set('evaluation_note')} error={fe.evaluation_note} />
      <SubmitActions busy={busy} label={server ? t('fire.drill_send_mine') : t('fire.drill_submit')}>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </SubmitActions>
    </form>
  );
}
