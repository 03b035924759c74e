import { useMemo } from 'preact/hooks';
import type { PageProps } from '../app';
import { CardTable } from '../components/CardTable';
import { CheckboxField, SelectField, type Option } from '../components/Field';
import { Link } from '../components/Link';
import { LoadStatus } from '../components/LoadStatus';
import { InfoMessage } from '../components/Notice';
import { Pager } from '../components/Pager';
import { StatusCounts } from '../components/StatusCounts';
import { TipDeadline } from '../components/TipDeadline';
import { tips, units } from '../lib/api';
import { formatDateTime } from '../lib/format';
import { snippet } from '../lib/mailbox';
import { navigate } from '../lib/router';
import type { MailboxTaxonomies, TipKind, TipStatus } from '../lib/schema';
import { kindCodes, statusCodes, useTaxonomies } from '../lib/taxonomies';
import { indexUnits } from '../lib/unit-index';
import { useAsync } from '../lib/use-async';
import { useI18n } from '../lib/use-i18n';
import { useLocation } from '../lib/use-location';
import { useNow } from '../lib/use-now';
import { useTitle } from '../lib/use-title';
import styles from './mailbox.module.css';

const PAGE_SIZE = 50;

interface Filters {
  status: TipStatus | '';
  kind: TipKind | '';
  overdue: boolean;
  page: number;
}

/** The filters live in the address (?status=…&kind=…&overdue=1&page=2), so "back" keeps them;
 *  a status or kind the server does not name is left out. */
function readFilters(search: URLSearchParams, taxonomies: MailboxTaxonomies): Filters {
  const status = search.get('status') ?? '';
  const kind = search.get('kind') ?? '';
  const page = Number(search.get('page'));
  return {
    status: statusCodes(taxonomies).find((s) => s === status) ?? '',
    kind: kindCodes(taxonomies).find((k) => k === kind) ?? '',
    overdue: search.get('overdue') === '1',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

function filtersUrl(filters: Filters): string {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.overdue) params.set('overdue', '1');
  if (filters.page > 1) params.set('page', String(filters.page));
  const qs = params.toString();
  return qs ? `/mailbox?${qs}` : '/mailbox';
}

/** /mailbox (officers): the tips of the officer's communes, newest first, filtered and paged. */
export function MailboxPage(_: PageProps) {
  const { t } = useI18n();
  useTitle(t('mailbox.title'));
  const taxonomies = useTaxonomies();

  return (
    <>
      <h1>{t('mailbox.title')}</h1>
      <p>{t('mailbox.intro')}</p>
      <p class="actions">
        <Link href="/mailbox/new" class="button" id="mailbox-register-link">
          {t('mailbox.register_link')}
        </Link>
        <Link href="/mailbox/boxes" class="button secondary" id="mailbox-boxes-link">
          {t('mailbox.boxes_link')}
        </Link>
        <Link href="/mailbox/keys" class="button secondary" id="mailbox-keys-link">
          {t('mailbox.keys_link')}
        </Link>
      </p>

      <section aria-labelledby="tips-list-heading">
        <h2 id="tips-list-heading">{t('mailbox.list')}</h2>
        {taxonomies.data ? (
          <TipList taxonomies={taxonomies.data} />
        ) : (
          <LoadStatus state={taxonomies} />
        )}
      </section>
    </>
  );
}

/** The filters, the counts, the list and its pages (once the filters' values are known). */
function TipList({ taxonomies }: { taxonomies: MailboxTaxonomies }) {
  const { t } = useI18n();
  const { search } = useLocation();
  const filters = readFilters(search, taxonomies);
  const now = useNow();
  const set = (change: Partial<Filters>) =>
    navigate(filtersUrl({ ...filters, page: 1, ...change }), { replace: true });

  const list = useAsync(
    (signal) =>
      tips.list(
        {
          status: filters.status,
          kind: filters.kind,
          overdue: filters.overdue,
          page: filters.page,
          page_size: PAGE_SIZE,
        },
        signal,
      ),
    [filters.status, filters.kind, filters.overdue, filters.page],
  );
  // Village names: the officer's scope is small (a commune), its tree is cached.
  const tree = useAsync((signal) => units.tree(true, signal), []);
  const index = useMemo(() => indexUnits(tree.data?.roots ?? []), [tree.data]);

  const statusOptions: Option[] = statusCodes(taxonomies).map((s) => ({
    value: s,
    label: t(`tip_status.${s}`),
  }));
  const kindOptions: Option[] = kindCodes(taxonomies).map((k) => ({
    value: k,
    label: t(`tip_kind.${k}`),
  }));
  const filtered = filters.status !== '' || filters.kind !== '' || filters.overdue;
  const items = list.data?.items ?? [];

  return (
    <>
      {list.data ? (
        <StatusCounts
          counts={list.data.counts}
          current={filters.status}
          // The numbers count every tip of a status: the chip shows those, other filters off.
          href={(status) => filtersUrl({ status, kind: '', overdue: false, page: 1 })}
        />
      ) : null}
      <form
        role="search"
        aria-label={t('mailbox.filters')}
        class={`form-grid ${styles.filters}`}
        onSubmit={(event) => event.preventDefault()}
      >
        <SelectField
          id="tip-status"
          label={t('mailbox.status')}
          value={filters.status}
          onValue={(value) => set({ status: value as TipStatus | '' })}
          options={statusOptions}
          placeholder={t('mailbox.all_statuses')}
        />
        <SelectField
          id="tip-kind"
          label={t('mailbox.kind')}
          value={filters.kind}
          onValue={(value) => set({ kind: value as TipKind | '' })}
          options={kindOptions}
          placeholder={t('mailbox.all_kinds')}
        />
        <CheckboxField
          id="tip-overdue"
          label={t('mailbox.overdue_only')}
          checked={filters.overdue}
          onChecked={(overdue) => set({ overdue })}
        />
      </form>
      <LoadStatus state={list} />
      {list.data && items.length === 0 ? (
        <p id="tips-empty">{filtered ? t('mailbox.empty_filtered') : t('mailbox.empty')}</p>
      ) : null}
      {items.some((tip) => !tip.readable) ? (
        <InfoMessage>
          {t('mailbox.unreadable_hint')}{' '}
          <Link href="/mailbox/keys">{t('mailbox.keys_link')}</Link>
        </InfoMessage>
      ) : null}
      {items.length > 0 ? (
        <CardTable
          id="tips-table"
          labelledBy="tips-list-heading"
          busy={list.loading}
          columns={[
            t('mailbox.number'),
            t('mailbox.received'),
            t('mailbox.kind'),
            t('mailbox.status'),
            t('mailbox.village'),
            t('mailbox.deadline'),
            t('mailbox.content'),
          ]}
        >
          {items.map((tip) => (
            <tr
              key={tip.id}
              data-tip-id={tip.id}
              data-status={tip.status}
              class={tip.overdue ? styles.overdue : undefined}
            >
              <td data-label={t('mailbox.number')}>
                <Link href={`/mailbox/${tip.id}`} class={styles.tipLink}>
                  {t('mailbox.open_tip', { id: tip.id })}
                </Link>
              </td>
              <td data-label={t('mailbox.received')}>
                <time dateTime={tip.received_at}>{formatDateTime(tip.received_at)}</time>
              </td>
              <td data-label={t('mailbox.kind')}>{t(`tip_kind.${tip.kind}`)}</td>
              <td data-label={t('mailbox.status')}>{t(`tip_status.${tip.status}`)}</td>
              <td data-label={t('mailbox.village')}>
                {tip.village_id === null ? (
                  <span class="muted">{t('mailbox.no_village')}</span>
                ) : (
                  index.nameOf(tip.village_id)
                )}
              </td>
              <td data-label={t('mailbox.deadline')}>
                <TipDeadline tip={tip} now={now} />
              </td>
              <td data-label={t('mailbox.content')} class={styles.snippet}>
                {tip.readable ? (
                  snippet(tip.description ?? '')
                ) : (
                  <em data-unreadable="true">{t('mailbox.unreadable')}</em>
                )}
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
          onPage={(page) => navigate(filtersUrl({ ...filters, page }))}
        />
      ) : null}
    </>
  );
}
