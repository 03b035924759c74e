// #model-standing-form: the standing unit (đơn vị thường trực) of a linked site for a year,
// set or replaced: the site's own unit or one of its other units, a year of its life (the
// years the site says may have one).
import { useState } from 'preact/hooks';
import { SelectField } from '../Field';
import { ErrorMessage } from '../Notice';
import { SubmitActions } from '../SubmitActions';
import { models } from '../../lib/api';
import { todayIso } from '../../lib/format';
import { fieldErrors } from '../../lib/i18n';
import { standingChoices } from '../../lib/models';
import type { ModelSiteDetail } from '../../lib/schema';
import { useAction } from '../../lib/use-action';
import { useI18n } from '../../lib/use-i18n';

export function StandingForm({ site, onDone, onCancel }: { site: ModelSiteDetail; onDone: (confirmation: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const years = site.standing_years;
  const thisYear = Number(todayIso().slice(0, 4));
  const [year, setYear] = useState(String(years.includes(thisYear) ? thisYear : (years[0] ?? thisYear)));
  const choices = standingChoices(site);
  const stored = site.standing.find((s) => String(s.year) === year);
  const [unitId, setUnitId] = useState(stored ? String(stored.unit_id) : '');
  const { error, busy, run } = useAction();
  const fe = fieldErrors(t, error);
  const id = 'model-standing-form';
  const fields = { year: t('models.standing_year'), unit_id: t('models.standing_unit') };

  const submit = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      await models.setStanding(site.id, Number(year), { unit_id: Number(unitId) || 0 });
      const name = choices.find((c) => String(c.id) === unitId)?.name ?? '';
      onDone(t('models.standing_saved', { year, name }));
    });
  };

  return (
    <form class="panel" id={id} noValidate onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('models.standing_title')}</h3>
      <ErrorMessage error={error} fields={fields} />
      <div class="form-grid">
        <SelectField
          id={`${id}-year`}
          label={fields.year}
          required
          value={year}
          onValue={(value) => {
            setYear(value);
            const kept = site.standing.find((s) => String(s.year) === value);
            setUnitId(kept ? String(kept.unit_id) : '');
          }}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
          error={fe.year}
        />
        <SelectField
          id={`${id}-unit`}
          label={fields.unit_id}
          required
          value={unitId}
          onValue={setUnitId}
          placeholder={t('models.choose_unit')}
          options={choices.map((c) => ({ value: String(c.id), label: c.name }))}
          error={fe.unit_id}
        />
      </div>
      <SubmitActions busy={busy} label={t('models.standing_submit')}>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </SubmitActions>
    </form>
  );
}
