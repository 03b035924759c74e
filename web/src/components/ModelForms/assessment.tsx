// #model-assessment-form: a site's assessment for a year (one a year; a year assessed again
// replaces it), the year's stored one filled in when the year is chosen, among the years the
// site says may be assessed. It is sent with the site's version, so that nobody replaces
// another officer's assessment unseen (a 409 reloads the site and says so).
import { useState } from 'preact/hooks';
import { SelectField, TextAreaField, TextField } from '../Field';
import { ErrorMessage } from '../Notice';
import { SubmitActions } from '../SubmitActions';
import { ApiError, models } from '../../lib/api';
import { RATINGS } from '../../lib/enums';
import { todayIso } from '../../lib/format';
import { fieldErrors } from '../../lib/i18n';
import { ratingLabel } from '../../lib/models';
import type { ModelAssessmentRating, ModelSiteDetail } from '../../lib/schema';
import { useAction } from '../../lib/use-action';
import { useI18n } from '../../lib/use-i18n';

export function AssessmentForm({
  site,
  onDone,
  onStale,
  onCancel,
}: {
  site: ModelSiteDetail;
  onDone: (confirmation: string) => void;
  onStale: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const years = site.assessable_years;
  // The year's stored assessment, or a new one assessed today.
  const draft = (year: string) => {
    const stored = site.assessments.find((a) => String(a.year) === year);
    return { year, rating: stored?.rating ?? '', note: stored?.note ?? '', assessed_on: stored?.assessed_on ?? todayIso() };
  };
  const [f, setF] = useState(() => draft(String(years[0] ?? '')));
  const set = (key: keyof typeof f) => (value: string) => setF({ ...f, [key]: value });
  const { error, busy, run } = useAction();
  const fe = fieldErrors(t, error);
  const id = 'model-assessment-form';
  const fields = { year: t('models.assessment_year'), rating: t('models.rating'), note: t('models.assessment_note'), assessed_on: t('models.assessed_on') };

  const submit = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      try {
        await models.assess(site.id, Number(f.year), {
          version: site.version,
          rating: f.rating as ModelAssessmentRating,
          note: f.note.trim(),
          assessed_on: f.assessed_on,
        });
        onDone(t('models.assessment_saved', { year: f.year, rating: ratingLabel(t, f.rating) }));
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
    <form class="panel" id={id} noValidate onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('models.assessment_title')}</h3>
      <ErrorMessage error={error} fields={fields} />
      <div class="form-grid">
        <SelectField
          id={`${id}-year`}
          label={fields.year}
          required
          value={f.year}
          onValue={(year) => setF(draft(year))}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
          error={fe.year}
        />
        <SelectField
          id={`${id}-rating`}
          label={fields.rating}
          required
          value={f.rating}
          onValue={set('rating')}
          placeholder={t('models.choose_rating')}
          options={RATINGS.map((r) => ({ value: r, label: ratingLabel(t, r) }))}
          error={fe.rating}
        />
        <TextField id={`${id}-on`} type="date" label={fields.assessed_on} required value={f.assessed_on} onValue={set('assessed_on')} error={fe.assessed_on} />
      </div>
      <TextAreaField id={`${id}-note`} label={fields.note} maxLength={2000} rows={2} value={f.note} onValue={set('note')} error={fe.note} />
      <SubmitActions busy={busy} label={t('models.assessment_submit')}>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </SubmitActions>
    </form>
  );
}
