// The counts page's filters: the unit (the user's scope by default), the period by preset
// (this year to date, the first half-year, the security teams' year) or by dates. Choosing
// a unit or a preset shows it at once; dates are shown with the button. "Chọn ngày" stays
// chosen once the user chose it or typed a date, even when the dates are a preset's.
import { useEffect, useState } from 'preact/hooks';
import styles from './style.module.css';
import { SelectField, TextField } from '../Field';
import { SubmitActions } from '../SubmitActions';
import { UnitPicker } from '../UnitPicker';
import { todayIso } from '../../lib/format';
import { type CountsFilters, type Period, PERIOD_PRESETS, type PeriodPreset, presetLabel, presetOf, presetPeriod } from '../../lib/models';
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
  // The choice in the list: a preset, or the user's own dates ('custom'), which stays theirs.
  const [preset, setPreset] = useState<PeriodPreset>(() => presetOf(counted ?? presetPeriod('year', today), today));
  // The dates shown are those counted (the server's defaults when none were asked); a preset
  // chosen follows them (an address with a preset's dates shows that preset).
  useEffect(() => {
    if (!counted) return;
    setPeriod(counted);
    setPreset((choice) => (choice === 'custom' ? choice : presetOf(counted, today)));
  }, [counted?.from, counted?.to]);
  const typed = (next: Period) => {
    setPeriod(next);
    setPreset('custom');
  };

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
          if (!chosen) return;
          setPreset(chosen);
          // "Chọn ngày": the dates are the user's to type, then shown with the button.
          if (chosen === 'custom') return;
          const next = presetPeriod(chosen, today);
          setPeriod(next);
          onFilters({ ...filters, ...next });
        }}
        options={PERIOD_PRESETS.map((p) => ({ value: p, label: presetLabel(t, p) }))}
      />
      <TextField id="models-from" type="date" label={t('models.from')} value={period.from} onValue={(from) => typed({ ...period, from })} />
      <div>
        <TextField id="models-to" type="date" label={t('models.to')} hint={t('models.to_hint')} value={period.to} onValue={(to) => typed({ ...period, to })} />
        <SubmitActions busy={busy} label={t('models.show')} />
      </div>
    </form>
  );
}
