import { useMemo, useState } from 'preact/hooks';
import type { PageProps } from '../app';
import { CardTable } from '../components/CardTable';
import { CheckboxField, TextField } from '../components/Field';
import { Link } from '../components/Link';
import { LoadStatus } from '../components/LoadStatus';
import { StatusMessage } from '../components/Notice';
import { Pager } from '../components/Pager';
import { SubmitActions } from '../components/SubmitActions';
import { TeamForm } from '../components/TeamForms';
import { NO_UNITS, UnitPicker } from '../components/UnitPicker';
import { teams, units } from '../lib/api';
import { formatDate, formatNumber } from '../lib/format';
import { isCommuneOrVillage, may } from '../lib/households';
import { navigate } from '../lib/router';
import { TEAM_WRITERS } from '../lib/teams';
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
  /** Dissolved teams listed too. */
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

function teamsUrl(filters: Partial<Filters>): string {
  const params = new URLSearchParams();
  if (filters.unitId !== undefined && filters.unitId !== null) params.set('unit_id', String(filters.unitId));
  if (filters.q) params.set('q', filters.q);
  if (filters.dissolved) params.set('dissolved', '1');
  if (filters.page !== undefined && filters.page > 1) params.set('page', String(filters.page));
  const qs = params.toString();
  return qs ? `/teams?${qs}` : '/teams';
}

/**
 * /teams: the village security teams (Tổ bảo vệ an ninh, trật tự ở cơ sở) of the user's
 * scope, found by commune or village and by code or name, with the villages each covers,
 * its founding decision and its members today; a form to found one for officers and
 * administrators.
 */
export function TeamsPage(_: PageProps) {
  const { t } = useI18n();
  const user = useUser();
  const writes = may(user.role, TEAM_WRITERS);
  useTitle(t('teams.title'));
  const { search } = useLocation();
  const filters = useMemo(() => readFilters(search), [search]);
  const set = (change: Partial<Filters>) => navigate(teamsUrl({ ...filters, page: 1, ...change }), { replace: true });
  const [q, setQ] = useState(filters.q);
  const [status, setStatus] = useState('');
  const [adding, setAdding] = useState(false);

  const list = useAsync(
    (signal) =>
      teams.list(
        { unit_id: filters.unitId ?? '', q: filters.q, include_dissolved: filters.dissolved ? '1' : '', page: filters.page, page_size: PAGE_SIZE },
        signal,
      ),
    [filters.unitId, filters.q, filters.dissolved, filters.page],
  );
  const tree = useAsync((signal) => units.tree(false, signal), []);
  const roots = tree.data?.roots ?? NO_UNITS;
  const columns = useMemo(
    () => [t('teams.code'), t('teams.name'), t('teams.villages'), t('teams.decision'), t('teams.members_today')],
    [t],
  );
  const filtered = filters.unitId !== null || filters.q !== '' || filters.dissolved;
  const items = list.data?.items ?? [];

  return (
    <>
      <h1>{t('teams.title')}</h1>
      <p>{t('teams.intro')}</p>
      {writes ? (
        <p class="actions">
          <button
            type="button"
            id="team-add-toggle"
            aria-expanded={adding ? 'true' : 'false'}
            aria-controls="team-add"
            onClick={() => setAdding(!adding)}
          >
            {t('teams.add')}
          </button>
        </p>
      ) : null}
      <StatusMessage>{status}</StatusMessage>
      {writes ? (
        <div id="team-add">
          {adding ? (
            <TeamForm
              roots={roots}
              loading={tree.loading}
              onDone={(_saved, confirmation) => {
                setStatus(confirmation);
                setAdding(false);
                list.reload();
              }}
            />
          ) : null}
        </div>
      ) : null}

      <section aria-labelledby="teams-heading">
        <h2 id="teams-heading">{t('teams.list')}</h2>
        <form
          role="search"
          aria-label={t('teams.filters')}
          class={`form-grid ${styles.filters}`}
          onSubmit={(event) => {
            event.preventDefault();
            set({ q: q.trim() });
          }}
        >
          <UnitPicker
            id="teams-unit"
            label={t('teams.filter_unit')}
            roots={roots}
            loading={tree.loading}
            accept={isCommuneOrVillage}
            value={filters.unitId}
            onValue={(unitId) => set({ unitId })}
            placeholder={t('teams.filter_unit_all')}
          />
          <div>
            <TextField id="teams-q" type="search" label={t('teams.filter_q')} value={q} onValue={setQ} autocomplete="off" />
            <CheckboxField id="teams-dissolved" label={t('teams.filter_dissolved')} checked={filters.dissolved} onChecked={(dissolved) => set({ dissolved })} />
            <SubmitActions busy={list.loading} label={t('teams.filter_submit')} />
          </div>
        </form>
        <LoadStatus state={list} />
        {list.data ? <p id="teams-count">{t('teams.count', { count: formatNumber(list.data.total) })}</p> : null}
        {list.data && items.length === 0 ? <p id="teams-empty">{filtered ? t('teams.empty_filtered') : t('teams.empty')}</p> : null}
        {items.length > 0 ? (
          <CardTable id="teams-table" labelledBy="teams-heading" busy={list.loading} columns={columns}>
            {items.map((team) => (
              <tr key={team.id} data-team-id={team.id}>
                <td data-label={columns[0]}>
                  <Link href={`/teams/${team.id}`} class={styles.code}>
                    {team.code}
                  </Link>
                  {team.demo ? <span class="muted"> ({t('community.demo')})</span> : null}
                </td>
                <td data-label={columns[1]}>
                  {team.name}
                  {team.dissolved_on ? (
                    <span class={`muted ${styles.block}`}>{t('teams.dissolved_value', { date: formatDate(team.dissolved_on) })}</span>
                  ) : null}
                </td>
                <td data-label={columns[2]}>{team.villages.map((v) => v.name).join(', ')}</td>
                <td data-label={columns[3]}>
                  {team.decision_number || team.decision_on ? (
                    t('teams.decision_value', { number: team.decision_number || '—', date: formatDate(team.decision_on) || '—' })
                  ) : (
                    <span class="muted">{t('teams.decision_none')}</span>
                  )}
                </td>
                <td data-label={columns[4]}>{formatNumber(team.members)}</td>
              </tr>
            ))}
          </CardTable>
        ) : null}
        {list.data && list.data.total > 0 ? (
          <Pager page={filters.page} pageSize={PAGE_SIZE} total={list.data.total} onPage={(page) => navigate(teamsUrl({ ...filters, page }))} />
        ) : null}
      </section>
    </>
  );
}
