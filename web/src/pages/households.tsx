import { useMemo, useState } from 'preact/hooks';
import type { PageProps } from '../app';
import { CardTable } from '../components/CardTable';
import { SelectField, TextField } from '../components/Field';
import { HouseholdForm } from '../components/HouseholdForms';
import { HouseholdSheet } from '../components/HouseholdSheet';
import { Link } from '../components/Link';
import { LoadStatus } from '../components/LoadStatus';
import { StatusMessage } from '../components/Notice';
import { Pager } from '../components/Pager';
import { SubmitActions } from '../components/SubmitActions';
import { NO_UNITS, UnitPicker, unitSearchOf } from '../components/UnitPicker';
import { households, units } from '../lib/api';
import { formatDate, formatNumber } from '../lib/format';
import {
  communeOf,
  HOUSEHOLD_PHONE_EXPORTERS,
  HOUSEHOLD_SHEET_KEEPERS,
  HOUSEHOLD_WRITERS,
  isCommuneOrVillage,
  may,
} from '../lib/households';
import { navigate } from '../lib/router';
import { useAsync } from '../lib/use-async';
import { useI18n } from '../lib/use-i18n';
import { useLocation } from '../lib/use-location';
import { useUser } from '../lib/use-session';
import { useTitle } from '../lib/use-title';
import styles from './households.module.css';

const PAGE_SIZE = 50;

interface Filters {
  unitId: number | null;
  q: string;
  /** '1' registered this year, '0' not yet, '' all. */
  registered: '' | '0' | '1';
  page: number;
}

/** The filters live in the address (?unit_id=…&q=…&registered=0&page=2), so "back" keeps them
 *  and the registrations page links here. */
function readFilters(search: URLSearchParams): Filters {
  const unit = search.get('unit_id') ?? '';
  const registered = search.get('registered') ?? '';
  const page = Number(search.get('page'));
  return {
    unitId: /^\d+$/.test(unit) ? Number(unit) : null,
    q: search.get('q') ?? '',
    registered: registered === '0' || registered === '1' ? registered : '',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

function householdsUrl(filters: Partial<Filters>): string {
  const params = new URLSearchParams();
  if (filters.unitId !== undefined && filters.unitId !== null) params.set('unit_id', String(filters.unitId));
  if (filters.q) params.set('q', filters.q);
  if (filters.registered) params.set('registered', filters.registered);
  if (filters.page !== undefined && filters.page > 1) params.set('page', String(filters.page));
  const qs = params.toString();
  return qs ? `/households?${qs}` : '/households';
}

/**
 * /households: the households of the user's scope (a team member's village), found by code,
 * head or address and by whether they registered this year; a form to add one, and for
 * officers and administrators the commune's sheet in and out.
 */
export function HouseholdsPage(_: PageProps) {
  const { t } = useI18n();
  const user = useUser();
  const writes = may(user.role, HOUSEHOLD_WRITERS);
  useTitle(t('community.title'));
  const { search } = useLocation();
  const filters = useMemo(() => readFilters(search), [search]);
  const set = (change: Partial<Filters>) => navigate(householdsUrl({ ...filters, page: 1, ...change }), { replace: true });
  const [q, setQ] = useState(filters.q);
  const [status, setStatus] = useState('');
  const [adding, setAdding] = useState(false);

  const list = useAsync(
    (signal) =>
      households.list(
        {
          unit_id: filters.unitId ?? '',
          q: filters.q,
          registered: filters.registered,
          page: filters.page,
          page_size: PAGE_SIZE,
        },
        signal,
      ),
    [filters.unitId, filters.q, filters.registered, filters.page],
  );
  // The scoped tree: the unit filter, the form's villages, the sheet's commune.
  const tree = useAsync((signal) => units.tree(false, signal), []);
  const roots = tree.data?.roots ?? NO_UNITS;
  const commune = useMemo(
    () => communeOf(unitSearchOf(roots).byId, filters.unitId ?? user.unit_id),
    [roots, filters.unitId, user.unit_id],
  );
  const columns = useMemo(
    () => [
      t('community.code'),
      t('community.head_name'),
      t('community.village'),
      t('community.members'),
      t('community.registered_this_year'),
      t('community.phone'),
    ],
    [t],
  );
  const filtered = filters.unitId !== null || filters.q !== '' || filters.registered !== '';
  const items = list.data?.items ?? [];

  return (
    <>
      <h1>{t('community.title')}</h1>
      <p>{t('community.intro')}</p>
      <p class="actions">
        {writes ? (
          <button
            type="button"
            id="household-add-toggle"
            aria-expanded={adding ? 'true' : 'false'}
            aria-controls="household-add"
            onClick={() => setAdding(!adding)}
          >
            {t('community.add')}
          </button>
        ) : null}
        <Link href="/households/registrations" class="button secondary" id="households-report-link">
          {t('community.report_link')}
        </Link>
      </p>
      <StatusMessage>{status}</StatusMessage>
      {writes ? (
        <div id="household-add">
          {adding ? (
            <HouseholdForm
              roots={roots}
              loading={tree.loading}
              role={user.role}
              onDone={(_saved, confirmation) => {
                setStatus(confirmation);
                setAdding(false);
                list.reload();
              }}
            />
          ) : null}
        </div>
      ) : null}

      <section aria-labelledby="households-heading">
        <h2 id="households-heading">{t('community.list')}</h2>
        <form
          role="search"
          aria-label={t('community.filters')}
          class={`form-grid ${styles.filters}`}
          onSubmit={(event) => {
            event.preventDefault();
            set({ q: q.trim() });
          }}
        >
          <UnitPicker
            id="households-unit"
            label={t('community.filter_unit')}
            roots={roots}
            loading={tree.loading}
            accept={isCommuneOrVillage}
            value={filters.unitId}
            onValue={(unitId) => set({ unitId })}
            placeholder={t('community.filter_unit_all')}
          />
          <SelectField
            id="households-registered"
            label={t('community.filter_registered')}
            value={filters.registered}
            onValue={(value) => set({ registered: value as Filters['registered'] })}
            options={[
              { value: '', label: t('community.filter_all') },
              { value: '1', label: t('community.filter_registered_yes') },
              { value: '0', label: t('community.filter_registered_no') },
            ]}
          />
          <div>
            <TextField id="households-q" type="search" label={t('community.filter_q')} value={q} onValue={setQ} autocomplete="off" />
            <SubmitActions busy={list.loading} label={t('community.filter_submit')} />
          </div>
        </form>
        <LoadStatus state={list} />
        {list.data ? (
          <p id="households-count">{t('community.count', { count: formatNumber(list.data.total) })}</p>
        ) : null}
        {list.data && items.length === 0 ? (
          <p id="households-empty">{filtered ? t('community.empty_filtered') : t('community.empty')}</p>
        ) : null}
        {items.length > 0 ? (
          <CardTable id="households-table" labelledBy="households-heading" busy={list.loading} columns={columns}>
            {items.map((h) => (
              <tr key={h.id} data-household-id={h.id} data-registered={h.registration ? '1' : '0'}>
                <td data-label={columns[0]}>
                  <Link href={`/households/${h.id}`} class={styles.code}>
                    {h.code}
                  </Link>
                  {h.demo ? <span class="muted"> ({t('community.demo')})</span> : null}
                </td>
                <td data-label={columns[1]}>
                  {h.head_name}
                  {h.address ? <span class={`muted ${styles.address}`}>{h.address}</span> : null}
                </td>
                <td data-label={columns[2]}>{h.village_name}</td>
                <td data-label={columns[3]}>{formatNumber(h.members)}</td>
                <td data-label={columns[4]}>
                  {h.registration ? (
                    <span class={styles.yes}>
                      <span aria-hidden="true">✓ </span>
                      <span class="visually-hidden">{t('community.registered_on_sr')} </span>
                      {formatDate(h.registration.registered_on)}
                    </span>
                  ) : (
                    <span class="muted">{t('community.not_registered')}</span>
                  )}
                </td>
                <td data-label={columns[5]}>{h.has_phone ? t('common.yes') : t('common.no')}</td>
              </tr>
            ))}
          </CardTable>
        ) : null}
        {list.data && list.data.total > 0 ? (
          <Pager
            page={filters.page}
            pageSize={PAGE_SIZE}
            total={list.data.total}
            onPage={(page) => navigate(householdsUrl({ ...filters, page }))}
          />
        ) : null}
      </section>

      {may(user.role, HOUSEHOLD_SHEET_KEEPERS) ? (
        <HouseholdSheet
          unitId={filters.unitId}
          commune={commune}
          withPhones={may(user.role, HOUSEHOLD_PHONE_EXPORTERS)}
          onDone={(confirmation) => {
            setStatus(confirmation);
            list.reload();
          }}
        />
      ) : null}
    </>
  );
}
