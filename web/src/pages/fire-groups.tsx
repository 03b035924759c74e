import { useMemo, useState } from 'preact/hooks';
import type { PageProps } from '../app';
import { CardTable } from '../components/CardTable';
import { CheckboxField } from '../components/Field';
import { NewFireGroupForm } from '../components/FireGroupForms';
import { CodeLink, ListPage, listQuery } from '../components/ListPage';
import { LoadStatus } from '../components/LoadStatus';
import { fire } from '../lib/api';
import { can } from '../lib/capabilities';
import { formatDate, formatNumber, formatPercent } from '../lib/format';
import type { FireGroup } from '../lib/schema';
import { useAsync } from '../lib/use-async';
import { useI18n } from '../lib/use-i18n';
import { useUser } from '../lib/use-session';
import styles from './fire.module.css';

/** ?dissolved=1: dissolved groups listed too. */
const OWN = { dissolved: ['1'] } as const;

/** The share of households in a group per village, for the unit chosen (or the whole scope). */
function Coverage({ unitId }: { unitId: number | null }) {
  const { t } = useI18n();
  const coverage = useAsync((signal) => fire.coverage(unitId, signal), [unitId]);
  const data = coverage.data;
  const columns = [t('fire.village'), t('fire.coverage_households'), t('fire.coverage_in_group'), t('fire.coverage_share')];
  return (
    <section aria-labelledby="fire-coverage-heading">
      <h2 id="fire-coverage-heading">{t('fire.coverage_title')}</h2>
      <LoadStatus state={coverage} />
      {data ? (
        <p id="fire-coverage-total" class={styles.total}>
          {data.share === null
            ? t('fire.coverage_total_none')
            : t('fire.coverage_total', {
                in_group: formatNumber(data.in_group),
                households: formatNumber(data.households),
                share: formatPercent(data.share),
              })}
        </p>
      ) : null}
      {data && data.villages.length > 0 ? (
        <CardTable id="fire-coverage-table" labelledBy="fire-coverage-heading" busy={coverage.loading} columns={columns}>
          {data.villages.map((v) => (
            <tr key={v.village_id} data-village-id={v.village_id}>
              <td data-label={columns[0]}>
                {v.village_name}
                {v.historic ? <span class="muted"> ({t('community.historic')})</span> : null}
              </td>
              <td data-label={columns[1]}>{formatNumber(v.households)}</td>
              <td data-label={columns[2]}>{formatNumber(v.in_group)}</td>
              <td data-label={columns[3]}>{v.share === null ? '—' : formatPercent(v.share)}</td>
            </tr>
          ))}
        </CardTable>
      ) : null}
    </section>
  );
}

/**
 * /fire-groups: the inter-household fire-safety groups (tổ liên gia an toàn PCCC) of the
 * user's scope, found by village and by code or name; a form to found one with its member
 * households; the share of households in a group per village.
 */
export function FireGroupsPage(_: PageProps) {
  const { t } = useI18n();
  const user = useUser();
  // Counts the groups founded here: the coverage is asked again after each.
  const [founded, setFounded] = useState(0);
  const columns = useMemo(
    () => [t('fire.code'), t('fire.name'), t('fire.village'), t('fire.members'), t('fire.last_drill')],
    [t],
  );

  return (
    <ListPage
      path="/fire-groups"
      id="fire-groups"
      messages="fire"
      countKey="fire.groups_count"
      own={OWN}
      load={(f, signal) => fire.list(listQuery(f, { include_dissolved: f.dissolved }), signal)}
      besideSearch={({ filters, set }) => (
        <CheckboxField id="fire-groups-dissolved" label={t('fire.filter_dissolved')} checked={filters.dissolved !== ''} onChecked={(on) => set({ dissolved: on ? '1' : '' })} />
      )}
      columns={columns}
      row={(g: FireGroup) => (
        <tr key={g.id} data-group-id={g.id} data-size-reason={g.size_reason ? '1' : '0'}>
          <td data-label={columns[0]}>
            <CodeLink href={`/fire-groups/${g.id}`} code={g.code} demo={g.demo} />
          </td>
          <td data-label={columns[1]}>
            {g.name}
            {g.dissolved_on ? (
              <span class={`muted ${styles.block}`}>{t('fire.dissolved_value', { date: formatDate(g.dissolved_on) })}</span>
            ) : null}
          </td>
          <td data-label={columns[2]}>{g.village_name}</td>
          <td data-label={columns[3]}>
            {formatNumber(g.members)}
            {g.size_reason ? (
              <span class={styles.warning} title={g.size_reason}>
                {' '}
                <span aria-hidden="true">⚠</span> {t('fire.size_marker')}
              </span>
            ) : null}
          </td>
          <td data-label={columns[4]}>
            {g.last_drill_on ? formatDate(g.last_drill_on) : <span class="muted">{t('fire.never_drilled')}</span>}
          </td>
        </tr>
      )}
      add={
        can(user, 'households.write')
          ? {
              id: 'fire-group-add',
              form: ({ roots, loading, done }) => (
                <NewFireGroupForm
                  roots={roots}
                  loading={loading}
                  onDone={(_saved, confirmation) => {
                    done(confirmation);
                    setFounded(founded + 1);
                  }}
                />
              ),
            }
          : undefined
      }
      after={({ filters }) => <Coverage key={founded} unitId={filters.unitId} />}
    />
  );
}
