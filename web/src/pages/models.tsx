import { useMemo } from 'preact/hooks';
import type { PageProps } from '../app';
import { CountsGrid, PeriodForm } from '../components/ModelCounts';
import { Link } from '../components/Link';
import { LoadStatus } from '../components/LoadStatus';
import { NO_UNITS } from '../components/UnitPicker';
import { models, units } from '../lib/api';
import { formatDate } from '../lib/format';
import { countsTable, countsUrl, readCountsFilters } from '../lib/models';
import { navigate } from '../lib/router';
import { useAsync } from '../lib/use-async';
import { useI18n } from '../lib/use-i18n';
import { useLocation } from '../lib/use-location';
import { useTitle } from '../lib/use-title';

/**
 * /models: how many sites and teams of each self-management model a unit has (the user's
 * scope by default), per child unit and in total, on the last day of a period (this year
 * to date, the first half-year, the security teams' year, or dates), with the sites begun
 * in the period marked; links to the sites and the types.
 */
export function ModelsPage(_: PageProps) {
  const { t } = useI18n();
  useTitle(t('models.title'));
  const { search } = useLocation();
  const filters = useMemo(() => readCountsFilters(search), [search]);
  const counts = useAsync(
    (signal) =>
      models.counts(
        { ...(filters.unitId !== null ? { unit_id: filters.unitId } : {}), ...(filters.from ? { from: filters.from } : {}), ...(filters.to ? { to: filters.to } : {}) },
        signal,
      ),
    [filters.unitId, filters.from, filters.to],
  );
  const tree = useAsync((signal) => units.tree(false, signal), []);
  const data = counts.data;
  const table = useMemo(() => (data ? countsTable(data) : null), [data]);

  return (
    <>
      <h1>{t('models.title')}</h1>
      <p>{t('models.intro')}</p>
      <p class="actions">
        <Link href="/models/sites" class="button secondary" id="models-sites-link">
          {t('models.sites_link')}
        </Link>
        <Link href="/models/types" class="button secondary" id="models-types-link">
          {t('models.types_link')}
        </Link>
      </p>
      <PeriodForm
        filters={filters}
        counted={data ? { from: data.from, to: data.to } : undefined}
        roots={tree.data?.roots ?? NO_UNITS}
        loading={tree.loading}
        busy={counts.loading}
        onFilters={(next) => navigate(countsUrl(next), { replace: true })}
      />
      <LoadStatus state={counts} />
      {data && table ? (
        <section aria-labelledby="models-heading">
          <h2 id="models-heading">{t('models.counts_heading', { from: formatDate(data.from), to: formatDate(data.to) })}</h2>
          <p class="muted" id="models-legend">
            {t('models.counts_legend', { to: formatDate(data.to) })}
          </p>
          <CountsGrid table={table} labelledBy="models-heading" busy={counts.loading} />
        </section>
      ) : null}
    </>
  );
}
