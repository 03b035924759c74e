import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PageProps } from '../app';
import { CardTable } from '../components/CardTable';
import { TextField } from '../components/Field';
import { BackLink, Link } from '../components/Link';
import { LoadStatus } from '../components/LoadStatus';
import { InfoMessage } from '../components/Notice';
import { SubmitActions } from '../components/SubmitActions';
import { NO_UNITS, UnitPicker } from '../components/UnitPicker';
import { households, units } from '../lib/api';
import { formatDate, formatNumber, formatPercent } from '../lib/format';
import { isCommuneOrVillage } from '../lib/households';
import { navigate } from '../lib/router';
import type { VillageRegistration } from '../lib/schema';
import { useAsync } from '../lib/use-async';
import { useI18n } from '../lib/use-i18n';
import { useLocation } from '../lib/use-location';
import { useTitle } from '../lib/use-title';
import styles from './registrations.module.css';

// The years the server takes (its `year: out_of_range` otherwise).
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

interface Filters {
  unitId: number | null;
  /** null: the server's current registration year. */
  year: number | null;
}

function readFilters(search: URLSearchParams): Filters {
  const unit = search.get('unit_id') ?? '';
  const year = search.get('year') ?? '';
  return {
    unitId: /^\d+$/.test(unit) ? Number(unit) : null,
    year: /^\d{4}$/.test(year) ? Number(year) : null,
  };
}

function reportUrl(filters: Filters): string {
  const params = new URLSearchParams();
  if (filters.unitId !== null) params.set('unit_id', String(filters.unitId));
  if (filters.year !== null) params.set('year', String(filters.year));
  const qs = params.toString();
  return qs ? `/households/registrations?${qs}` : '/households/registrations';
}

/** A village's share as a bar and in words; "—" for a village without households. */
function Share({ share }: { share: number | null }) {
  if (share === null) return <span class="muted">—</span>;
  const percent = Math.min(100, Math.max(0, share * 100));
  return (
    <span class={styles.share}>
      <span class={styles.track} aria-hidden="true">
        <span class={share >= 1 ? `${styles.fill} ${styles.full}` : styles.fill} style={{ width: `${percent}%` }} />
      </span>
      <span class={styles.value}>{formatPercent(share)}</span>
    </span>
  );
}

function VillageName({ village }: { village: VillageRegistration }) {
  const { t } = useI18n();
  return (
    <>
      {village.village_name}
      {village.historic ? <span class="muted"> ({t('community.historic')})</span> : null}
    </>
  );
}

/**
 * /households/registrations: how many households of each village registered for the safe
 * residential area (an ninh, trật tự) in a year, as a bar, with the households still
 * missing, each linked to its page. Without a year the server's current one is shown.
 */
export function RegistrationsPage(_: PageProps) {
  const { t } = useI18n();
  useTitle(t('community.report_title'));
  const { search } = useLocation();
  const filters = useMemo(() => readFilters(search), [search]);
  const set = (change: Partial<Filters>) => navigate(reportUrl({ ...filters, ...change }), { replace: true });
  const report = useAsync(
    (signal) => households.report({ ...(filters.unitId !== null ? { unit_id: filters.unitId } : {}), ...(filters.year !== null ? { year: filters.year } : {}) }, signal),
    [filters.unitId, filters.year],
  );
  const tree = useAsync((signal) => units.tree(false, signal), []);
  const data = report.data;
  // The year field shows the year answered (the server's current one when none was asked).
  const [yearText, setYearText] = useState(filters.year === null ? '' : String(filters.year));
  useEffect(() => {
    if (data) setYearText(String(data.year));
  }, [data]);
  const columns = useMemo(
    () => [t('community.village'), t('community.report_households'), t('community.report_registered'), t('community.report_share')],
    [t],
  );
  const missing = (data?.villages ?? []).filter((v) => v.missing.length > 0);

  return (
    <>
      <BackLink href="/households" label={t('community.back')} />
      <h1>{t('community.report_title')}</h1>
      <p>{t('community.report_intro')}</p>
      <form
        role="search"
        aria-label={t('community.filters')}
        class={`form-grid ${styles.filters}`}
        onSubmit={(event) => {
          event.preventDefault();
          const year = Number(yearText.trim());
          set({ year: Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR ? year : null });
        }}
      >
        <UnitPicker
          id="registrations-unit"
          label={t('community.filter_unit')}
          roots={tree.data?.roots ?? NO_UNITS}
          loading={tree.loading}
          accept={isCommuneOrVillage}
          value={filters.unitId}
          onValue={(unitId) => set({ unitId })}
          placeholder={t('community.filter_unit_all')}
        />
        <div>
          <TextField
            id="registrations-year"
            type="number"
            inputMode="numeric"
            min={FIRST_YEAR}
            max={LAST_YEAR}
            label={t('community.year')}
            hint={t('community.year_hint')}
            value={yearText}
            onValue={setYearText}
          />
          <SubmitActions busy={report.loading} label={t('community.report_submit')} />
        </div>
      </form>
      <LoadStatus state={report} />
      {data ? (
        <section aria-labelledby="registrations-heading">
          <h2 id="registrations-heading">{t('community.report_year', { year: data.year })}</h2>
          <p id="registrations-total" class={styles.total}>
            {data.share === null
              ? t('community.report_total_none')
              : t('community.report_total', {
                  registered: formatNumber(data.registered),
                  households: formatNumber(data.households),
                  share: formatPercent(data.share),
                })}
          </p>
          <p class="muted">{t('community.report_day', { date: formatDate(data.day) })}</p>
          {data.villages.length === 0 ? <p id="registrations-empty">{t('community.report_empty')}</p> : null}
          {data.villages.length > 0 ? (
            <CardTable id="registrations-table" labelledBy="registrations-heading" busy={report.loading} columns={columns}>
              {data.villages.map((v) => (
                <tr key={v.village_id} data-village-id={v.village_id}>
                  <td data-label={columns[0]}>
                    <VillageName village={v} />
                  </td>
                  <td data-label={columns[1]}>{formatNumber(v.households)}</td>
                  <td data-label={columns[2]}>{formatNumber(v.registered)}</td>
                  <td data-label={columns[3]}>
                    <Share share={v.share} />
                  </td>
                </tr>
              ))}
            </CardTable>
          ) : null}
        </section>
      ) : null}
      {data && missing.length > 0 ? (
        <section aria-labelledby="registrations-missing-heading" id="registrations-missing">
          <h2 id="registrations-missing-heading">{t('community.missing_title')}</h2>
          {data.missing_truncated ? (
            <div id="registrations-truncated">
              <InfoMessage>{t('community.missing_truncated')}</InfoMessage>
            </div>
          ) : null}
          {missing.map((v) => (
            <section key={v.village_id} aria-labelledby={`missing-${v.village_id}`} data-village-id={v.village_id}>
              <h3 id={`missing-${v.village_id}`}>
                <VillageName village={v} />{' '}
                <span class="muted">({t('community.missing_count', { count: formatNumber(v.households - v.registered) })})</span>
              </h3>
              <ul class={styles.missing}>
                {v.missing.map((h) => (
                  <li key={h.id}>
                    <Link href={`/households/${h.id}`}>{h.code}</Link> — {h.head_name}
                    {h.address ? <span class="muted"> · {h.address}</span> : null}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </section>
      ) : null}
    </>
  );
}
