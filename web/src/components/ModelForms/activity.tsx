// #model-activity-form: an activity of a site (a meeting, a joint patrol, a propaganda
// session, a mediation…), recorded by the offline rule under an id made when the form opens
// (pressing again after a lost answer stores it once).
import { useState } from 'preact/hooks';
import { SelectField, TextAreaField, TextField } from '../Field';
import { ErrorMessage } from '../Notice';
import { SubmitActions } from '../SubmitActions';
import { models } from '../../lib/api';
import { ACTIVITY_KINDS } from '../../lib/enums';
import { newRecordId } from '../../lib/fire';
import { formatDate, todayIso } from '../../lib/format';
import { fieldErrors } from '../../lib/i18n';
import { activityKindLabel, activityOutcomeMessage } from '../../lib/models';
import type { ModelActivityKind, ModelSite } from '../../lib/schema';
import { useAction } from '../../lib/use-action';
import { useI18n } from '../../lib/use-i18n';

/** The most people an activity may count (the server's limit). */
const MAX_PARTICIPANTS = 10000;

export function ActivityForm({ site, onDone, onCancel }: { site: ModelSite; onDone: (confirmation: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  // Made once, when the form opens: every send of this form is the same activity.
  const [id] = useState(newRecordId);
  const [f, setF] = useState({ held_on: todayIso(), kind: '', participants: '', content: '' });
  const set = (key: keyof typeof f) => (value: string) => setF({ ...f, [key]: value });
  const { error, busy, run } = useAction();
  const fe = fieldErrors(t, error);
  const form = 'model-activity-form';
  const fields = {
    held_on: t('models.held_on'),
    kind: t('models.activity_kind'),
    participants: t('models.activity_participants'),
    content: t('models.activity_content'),
    site_id: t('models.site'),
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const participants = f.participants.trim() === '' ? 0 : Number(f.participants);
    void run(async () => {
      const written = await models.recordActivity(id, {
        site_id: site.id,
        held_on: f.held_on,
        kind: f.kind as ModelActivityKind,
        participants,
        content: f.content.trim(),
        base_version: 0,
      });
      onDone(activityOutcomeMessage(t, written.outcome, { date: formatDate(written.activity.held_on), code: site.code }));
    });
  };

  return (
    <form class="panel" id={form} data-activity-id={id} noValidate onSubmit={submit} aria-labelledby={`${form}-heading`}>
      <h3 id={`${form}-heading`}>{t('models.activity_title')}</h3>
      <ErrorMessage error={error} fields={fields} />
      <div class="form-grid">
        <TextField id={`${form}-held`} type="date" label={fields.held_on} required value={f.held_on} onValue={set('held_on')} error={fe.held_on} />
        <SelectField
          id={`${form}-kind`}
          label={fields.kind}
          required
          value={f.kind}
          onValue={set('kind')}
          placeholder={t('models.choose_kind')}
          options={ACTIVITY_KINDS.map((k) => ({ value: k, label: activityKindLabel(t, k) }))}
          error={fe.kind}
        />
        <TextField
          id={`${form}-participants`}
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_PARTICIPANTS}
          label={fields.participants}
          value={f.participants}
          onValue={set('participants')}
          error={fe.participants}
        />
      </div>
      <TextAreaField id={`${form}-content`} label={fields.content} required maxLength={4000} rows={3} value={f.content} onValue={set('content')} error={fe.content} />
      <SubmitActions busy={busy} label={t('models.activity_submit')}>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </SubmitActions>
    </form>
  );
}
