import { useMemo, useState } from 'preact/hooks';
import type { PageProps } from '../app';
import { CardTable } from '../components/CardTable';
import { CheckboxField, TextField } from '../components/Field';
import { NewFireGroupForm } from '../components/FireGroupForms';
import { Link } from '../components/Link';
import { LoadStatus } from '../components/LoadStatus';
import { StatusMessage } from '../components/Notice';
import { Pager } from '../components/Pager';
import { SubmitActions } from '../components/SubmitActions';
import { NO_UNITS, UnitPicker } from '../components/UnitPicker';
import { fire, units } from '../lib/api';
import { FIRE_WRITERS } from '../lib/fire';
import { formatDate, formatNumber, formatPercent } from '../lib/format';
import { isCommuneOrVillage, may } from '../lib/households';
import { navigate } from '../lib/router';
import { useAsync } from '../lib/use-async';
import { useI18n } from '../lib/use-i18n';
import { useLocation } from '../lib/use-location';
import { useUser } from '../lib/use-session';
import { useTitle } from '../lib/use-title';
import styles from './fire.module.css';

const PAGE_SIZE = 50;

interface Filters {
  unitId: number | null;
  q: string;
  /** Dissolved groups listed too. */
  dissolved: boolean;
  page: number;
}

/** The filters live in the address (?unit_id=…&q=…&dissolved=1&page=2), so "back" keeps them. */
function readFilters(search: URLSearchParams): Filters {
  const unit = search.get('unit_id') ?? '';
  const page = Number(search.get('page'));
  return {
    unitId: /^\d+$/.test(unit) ? Number(unit) : null,
    q: search.get('q') ?? '',
    dissolved: search.get('dissolved') === '1',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

function groupsUrl(filters: Partial<Filters>): string {
  const params = new URLSearchParams();
  if (filters.unitId !== undefined && filters.unitId !== null) params.set('unit_id', String(filters.unitId));
  if (filters.q) params.set('q', filters.q);
  if (filters.dissolved) params.set('dissolved', '1');
  if (filters.page !== undefined && filters.page > 1) params.set('page', String(filters.page));
  const qs = params.toString();
  return qs ? `/fire-groups?${qs}` : '/fire-groups';
}

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
  const writes = may(user.role, FIRE_WRITERS);
  useTitle(t('fire.title'));
  const { search } = useLocation();
  const filters = useMemo(() => readFilters(search), [search]);
  const set = (change: Partial<Filters>) => navigate(groupsUrl({ ...filters, page: 1, ...change }), { replace: true });
  const [q, setQ] = useState(filters.q);
  const [status, setStatus] = useState('');
  const [adding, setAdding] = useState(false);
  // Counts the groups founded here: the coverage is asked again after each.
  const [founded, setFounded] = useState(0);

  const list = useAsync(
    (signal) =>
      fire.list(
        { unit_id: filters.unitId ?? '', q: filters.q, include_dissolved: filters.dissolved ? '1' : '', page: filters.page, page_size: PAGE_SIZE },
        signal,
      ),
    [filters.unitId, filters.q, filters.dissolved, filters.page],
  );
  const tree = useAsync((signal) => units.tree(false, signal), []);
  const roots = tree.data?.roots ?? NO_UNITS;
  const columns = useMemo(
    () => [t('fire.code'), t('fire.name'), t('fire.village'), t('fire.members'), t('fire.last_drill')],
    [t],
  );
  const filtered = filters.unitId !== null || filters.q !== '' || filters.dissolved;
  const items = list.data?.items ?? [];

  return (
    <>
      <h1>{t('fire.title')}</h1>
      <p>{t('fire.intro')}</p>
      {writes ? (
        <p class="actions">
          <button
            type="button"
            id="fire-group-add-toggle"
            aria-expanded={adding ? 'true' : 'false'}
            aria-controls="fire-group-add"
            onClick={() => setAdding(!adding)}
          >
            {t('fire.add')}
          </button>
        </p>
      ) : null}
      <StatusMessage>{status}</StatusMessage>
      {writes ? (
        <div id="fire-group-add">
          {adding ? (
            <NewFireGroupForm
              roots={roots}
              loading={tree.loading}
              onDone={(_saved, confirmation) => {
                setStatus(confirmation);
                setAdding(false);
                setFounded(founded + 1);
                list.reload();
              }}
            />
          ) : null}
        </div>
      ) : null}

      <section aria-labelledby="fire-groups-heading">
        <h2 id="fire-groups-heading">{t('fire.list')}</h2>
        <form
          role="search"
          aria-label={t('fire.filters')}
          class={`form-grid ${styles.filters}`}
          onSubmit={(event) => {
            event.preventDefault();
            set({ q: q.trim() });
          }}
        >
          <UnitPicker
            id="fire-groups-unit"
            label={t('fire.filter_unit')}
            roots={roots}
            loading={tree.loading}
            accept={isCommuneOrVillage}
            value={filters.unitId}
            onValue={(unitId) => set({ unitId })}
            placeholder={t('fire.filter_unit_all')}
          />
          <div>
            <TextField id="fire-groups-q" type="search" label={t('fire.filter_q')} value={q} onValue={setQ} autocomplete="off" />
            <CheckboxField id="fire-groups-dissolved" label={t('fire.filter_dissolved')} checked={filters.dissolved} onChecked={(dissolved) => set({ dissolved })} />
            <SubmitActions busy={list.loading} label={t('fire.filter_submit')} />
          </div>
        </form>
        <LoadStatus state={list} />
        {list.data ? <p id="fire-groups-count">{t('fire.groups_count', { count: formatNumber(list.data.total) })}</p> : null}
        {list.data && items.length === 0 ? (
          <p id="fire-groups-empty">{filtered ? t('fire.empty_filtered') : t('fire.empty')}</p>
        ) : null}
        {items.length > 0 ? (
          <CardTable id="fire-groups-table" labelledBy="fire-groups-heading" busy={list.loading} columns={columns}>
            {items.map((g) => (
              <tr key={g.id} data-group-id={g.id} data-size-reason={g.size_reason ? '1' : '0'}>
                <td data-label={columns[0]}>
                  <Link href={`/fire-groups/${g.id}`} class={styles.code}>
                    {g.code}
                  </Link>
                  {g.demo ? <span class="muted"> ({t('community.demo')})</span> : null}
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
            ))}
          </CardTable>
        ) : null}
        {list.data && list.data.total > 0 ? (
          <Pager
            page={filters.page}
            pageSize={PAGE_SIZE}
            total={list.data.total}
            onPage={(page) => navigate(groupsUrl({ ...filters, page }))}
          />
        ) : null}
      </section>

      <Coverage key={founded} unitId={filters.unitId} />
    </>
  );
}
