// The counts page's filters: the unit (the user's scope by default), the period by preset
// (this year to date, the first half-year, the security teams' year) or by dates. Choosing
// a unit or a preset shows it at once; dates are shown with the button.
import { useEffect, useState } from 'preact/hooks';
import styles from './style.module.css';
import { SelectField, TextField } from '../Field';
import { SubmitActions } from '../SubmitActions';
import { UnitPicker } from '../UnitPicker';
import { todayIso } from '../../lib/format';
import { type CountsFilters, type Period, PERIOD_PRESETS, presetLabel, presetOf, presetPeriod } from '../../lib/models';
import type { UnitNode } from '../../lib/schema';
import { useI18n } from '../../lib/use-i18n';

interface Props {
  filters: CountsFilters;
  /** The period the server counted (its defaults filled in), once it answered. */
  counted: Period | undefined;
  roots: readonly UnitNode[];
  loading: boolean;
  busy: boolean;
  onFilters: (filters: CountsFilters) => void;
}

export function PeriodForm({ filters, counted, roots, loading, busy, onFilters }: Props) {
  const { t } = useI18n();
  const today = todayIso();
  const [period, setPeriod] = useState<Period>(() => counted ?? presetPeriod('year', today));
  // The dates shown are those counted (the server's defaults when none were asked).
  useEffect(() => {
    if (counted) setPeriod(counted);
  }, [counted?.from, counted?.to]);
  const preset = presetOf(period, today);

  return (
    <form
      role="search"
      aria-label={t('models.filters')}
      class={`form-grid ${styles.filters}`}
      onSubmit={(event) => {
        event.preventDefault();
        onFilters({ ...filters, ...period });
      }}
    >
      <UnitPicker
        id="models-unit"
        label={t('models.filter_unit')}
        roots={roots}
        loading={loading}
        value={filters.unitId}
        onValue={(unitId) => onFilters({ ...filters, unitId })}
        placeholder={t('models.filter_unit_all')}
      />
      <SelectField
        id="models-period"
        label={t('models.period')}
        value={preset}
        onValue={(value) => {
          const chosen = PERIOD_PRESETS.find((p) => p === value);
          if (!chosen || chosen === 'custom') return;
          const next = presetPeriod(chosen, today);
          setPeriod(next);
          onFilters({ ...filters, ...next });
        }}
        options={PERIOD_PRESETS.map((p) => ({ value: p, label: presetLabel(t, p) }))}
      />
      <TextField id="models-from" type="date" label={t('models.from')} value={period.from} onValue={(from) => setPeriod({ ...period, from })} />
      <div>
        <TextField id="models-to" type="date" label={t('models.to')} hint={t('models.to_hint')} value={period.to} onValue={(to) => setPeriod({ ...period, to })} />
        <SubmitActions busy={busy} label={t('models.show')} />
      </div>
    </form>
  );
}
