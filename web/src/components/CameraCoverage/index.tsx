// What the commune's working cameras see: the share of its roads (or, with no roads, of
// its area), each village's cameras by status and sharing, and the longest stretches of
// road no camera sees (also drawn on the map). Officers import the commune's roads here.
import { CardTable } from '../CardTable';
import { CsvImportForm } from '../CsvImportForm';
import { LoadStatus } from '../LoadStatus';
import { cameras } from '../../lib/api';
import { formatKilometres, formatNumber, formatPercent } from '../../lib/format';
import type { AsyncState } from '../../lib/use-async';
import type { CameraCoverage as Coverage } from '../../lib/schema';
import { useI18n } from '../../lib/use-i18n';

interface Props {
  state: AsyncState<Coverage | undefined>;
  /** The commune whose roads an officer may import (none: no import form). */
  roadsUnitId?: number;
  onRoadsImported: (confirmation: string) => void;
}

function Summary({ coverage }: { coverage: Coverage }) {
  const { t } = useI18n();
  if (coverage.basis === 'roads') {
    return (
      <p id="coverage-summary">
        {t('cameras.coverage_roads', {
          covered: formatKilometres(coverage.covered_m),
          total: formatKilometres(coverage.road_m),
          share: formatPercent(coverage.road_share ?? 0),
          roads: formatNumber(coverage.roads),
        })}
      </p>
    );
  }
  if (coverage.basis === 'area') {
    return <p id="coverage-summary">{t('cameras.coverage_area', { share: formatPercent(coverage.area_share ?? 0) })}</p>;
  }
  return <p id="coverage-summary">{t('cameras.coverage_none')}</p>;
}

function VillageTable({ coverage }: { coverage: Coverage }) {
  const { t } = useI18n();
  const columns = [
    t('cameras.coverage_village'),
    t('cameras.coverage_cameras'),
    t('cameras.coverage_by_status'),
    t('cameras.coverage_by_sharing'),
    t('cameras.coverage_share'),
  ];
  const count = (map: Record<string, number>, key: string) => formatNumber(map[key] ?? 0);
  const share = (v: Coverage['villages'][number]) => {
    const value = v.road_share ?? v.area_share;
    return value === null || value === undefined ? '—' : formatPercent(value);
  };
  return (
    <CardTable id="coverage-villages" labelledBy="coverage-heading" columns={columns}>
      {coverage.villages.map((v) => (
        <tr key={v.village_id ?? 'commune'} data-village-id={v.village_id ?? ''}>
          <td data-label={columns[0]}>
            {!v.village_id
              ? t('cameras.coverage_commune_own', { name: v.name })
              : v.former
                ? t('cameras.coverage_former_village', { name: v.name })
                : v.name}
          </td>
          <td data-label={columns[1]}>{formatNumber(v.cameras.total)}</td>
          <td data-label={columns[2]}>
            {t('cameras.coverage_statuses', {
              working: count(v.cameras.by_status, 'working'),
              faulty: count(v.cameras.by_status, 'faulty'),
              removed: count(v.cameras.by_status, 'removed'),
            })}
          </td>
          <td data-label={columns[3]}>
            {t('cameras.coverage_sharings', {
              live: count(v.cameras.by_sharing, 'live'),
              on_request: count(v.cameras.by_sharing, 'on_request'),
              none: count(v.cameras.by_sharing, 'none'),
            })}
          </td>
          <td data-label={columns[4]}>{share(v)}</td>
        </tr>
      ))}
    </CardTable>
  );
}

function Gaps({ coverage }: { coverage: Coverage }) {
  const { t } = useI18n();
  if (coverage.basis !== 'roads') return null;
  return (
    <>
      <h3 id="coverage-gaps-heading">{t('cameras.gaps_title')}</h3>
      {coverage.gaps.length === 0 ? (
        <p>{t('cameras.gaps_none')}</p>
      ) : (
        <ol id="coverage-gaps" aria-labelledby="coverage-gaps-heading">
          {coverage.gaps.map((gap, i) => (
            <li key={i}>
              {t('cameras.gap_item', { road: gap.road, length: formatNumber(gap.length_m) })}
              {gap.village ? ` — ${gap.village}` : ''}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

export function CameraCoverage({ state, roadsUnitId, onRoadsImported }: Props) {
  const { t } = useI18n();
  return (
    <section class="panel" aria-labelledby="coverage-heading">
      <h2 id="coverage-heading">{t('cameras.coverage_title')}</h2>
      <LoadStatus state={state} />
      {state.data ? (
        <>
          <Summary coverage={state.data} />
          <VillageTable coverage={state.data} />
          <Gaps coverage={state.data} />
        </>
      ) : null}
      {roadsUnitId ? (
        <CsvImportForm
          id="roads-import-form"
          prefix="roads-import"
          accept=".geojson,.json,application/geo+json,application/json"
          lines={false}
          labels={{
            heading: t('cameras.roads_import'),
            file: t('cameras.roads_file'),
            choose: t('cameras.roads_choose'),
            submit: t('cameras.roads_submit'),
            check: t('cameras.roads_check'),
            errors: t('cameras.roads_errors'),
            line: t('cameras.roads_line'),
            field: t('cameras.roads_field'),
            message: t('cameras.roads_message'),
          }}
          send={async (file, dryRun) => {
            const r = await cameras.importRoads(roadsUnitId, file, dryRun);
            const values = {
              file: file.name,
              roads: formatNumber(r.roads),
              km: formatKilometres(r.length_m),
              replaced: formatNumber(r.replaced),
            };
            return dryRun ? t('cameras.roads_checked', values) : t('cameras.roads_imported', values);
          }}
          onDone={onRoadsImported}
        />
      ) : null}
    </section>
  );
}
