import type { ComponentChildren, VNode } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import styles from './style.module.css';
import { CardTable } from '../CardTable';
import { TextField } from '../Field';
import { Link } from '../Link';
import { LoadStatus } from '../LoadStatus';
import { StatusMessage } from '../Notice';
import { Pager } from '../Pager';
import { SubmitActions } from '../SubmitActions';
import { NO_UNITS, UnitPicker } from '../UnitPicker';
import { units } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { isCommuneOrVillage } from '../../lib/households';
import type { MessageKey } from '../../lib/i18n';
import { navigate } from '../../lib/router';
import type { UnitNode } from '../../lib/schema';
import { useAsync } from '../../lib/use-async';
import { useI18n } from '../../lib/use-i18n';
import { useLocation } from '../../lib/use-location';
import { useTitle } from '../../lib/use-title';

/** The rows of a list page asked at once. */
export const LIST_PAGE_SIZE = 50;

/** A page's own filters beside the unit and the words: each kept in the address as
 *  ?name=value, with the values it may take (anything else reads as '', not set). */
export type OwnFilters = Readonly<Record<string, readonly string[]>>;

/** The filters of every list page. */
interface CommonFilters {
  /** The commune or village chosen; null for the user's whole scope. */
  unitId: number | null;
  q: string;
  page: number;
}

/** A list page's filters as its address holds them (?unit_id=…&q=…&<own>=…&page=2), so
 *  "back" keeps them and other pages can link to a list already filtered. */
export type ListFilters<O extends OwnFilters> = CommonFilters & { -readonly [K in keyof O]: O[K][number] | '' };

export function readListFilters<O extends OwnFilters>(search: URLSearchParams, own: O): ListFilters<O> {
  const unit = search.get('unit_id') ?? '';
  const page = Number(search.get('page'));
  const filters: Record<string, string | number | null> = {
    unitId: /^\d+$/.test(unit) ? Number(unit) : null,
    q: search.get('q') ?? '',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
  for (const [name, values] of Object.entries(own)) {
    const value = search.get(name) ?? '';
    filters[name] = values.includes(value) ? value : '';
  }
  return filters as ListFilters<O>;
}

export function listUrl<O extends OwnFilters>(path: string, own: O, filters: ListFilters<O>): string {
  const params = new URLSearchParams();
  if (filters.unitId !== null) params.set('unit_id', String(filters.unitId));
  if (filters.q) params.set('q', filters.q);
  for (const name of Object.keys(own)) {
    const value = (filters as Record<string, unknown>)[name];
    if (typeof value === 'string' && value) params.set(name, value);
  }
  if (filters.page > 1) params.set('page', String(filters.page));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The query asking the server for the page of the list its filters say: the unit, the
 *  words, the page's own parameters (`own`, e.g. include_dissolved), the page. */
export function listQuery<O extends OwnFilters, Q extends object>(filters: ListFilters<O>, own: Q) {
  return { unit_id: filters.unitId ?? ('' as const), q: filters.q, ...own, page: filters.page, page_size: LIST_PAGE_SIZE };
}

/** The words of a list page: each of these under the page's group of messages. */
type ListKey =
  | 'title'
  | 'intro'
  | 'add'
  | 'list'
  | 'filters'
  | 'filter_unit'
  | 'filter_unit_all'
  | 'filter_q'
  | 'filter_submit'
  | 'empty'
  | 'empty_filtered';
type GroupOf<K> = K extends `${infer G}.${string}` ? G : never;
/** The groups of messages ("teams", "fire", "community") that hold every word of a list page. */
export type ListMessages = {
  [G in GroupOf<MessageKey>]: `${G}.${ListKey}` extends MessageKey ? G : never;
}[GroupOf<MessageKey>];

/** What a page's own parts of the list page see and may do. */
export interface ListContext<O extends OwnFilters> {
  filters: ListFilters<O>;
  /** Changes filters: back to the first page, the address replaced. */
  set: (change: Partial<ListFilters<O>>) => void;
  /** The user's scoped tree (the unit filter's, and the forms'). */
  roots: readonly UnitNode[];
  /** The tree is still on its way. */
  loading: boolean;
  /** Says what was written, in the page's live region. */
  say: (confirmation: string) => void;
  /** Asks for the list again. */
  reload: () => void;
}

interface Props<O extends OwnFilters, Item> {
  /** The page's address: "/teams". */
  path: string;
  /** Names the list's parts: #teams-heading, #teams-unit, #teams-q, #teams-count, #teams-empty, #teams-table. */
  id: string;
  /** The page's group of messages: "teams" says t('teams.title'), t('teams.filter_q')… */
  messages: ListMessages;
  /** "{count} tổ". */
  countKey: MessageKey;
  /** The page's own filters (a module constant, read once per address). */
  own: O;
  /** Asks the server for a page of the list (its listQuery). */
  load: (filters: ListFilters<O>, signal: AbortSignal) => Promise<{ items: readonly Item[]; total: number }>;
  /** More fields of the filter form after the unit, each a cell of its grid. */
  fields?: (list: ListContext<O>) => ComponentChildren;
  /** Under the search box, before its button (a box to tick). */
  besideSearch?: (list: ListContext<O>) => ComponentChildren;
  columns: readonly string[];
  /** One item's row: its cells each with data-label, the column's heading. */
  row: (item: Item) => VNode;
  /** The form adding one, for those who may: in the slot #{id}, opened by #{id}-toggle;
   *  `done` says what was written, closes the form and asks for the list again. */
  add?: { id: string; form: (list: ListContext<O> & { done: (confirmation: string) => void }) => ComponentChildren };
  /** Links beside the add button. */
  actions?: ComponentChildren;
  /** The page's own sections after the list. */
  after?: (list: ListContext<O>) => ComponentChildren;
}

/**
 * A list page of records in the user's scope (households, fire groups, teams): its title and
 * intro, the form adding one behind a toggle, the filters (a commune or village, words, and
 * the page's own) kept in the address, the count, the table and its pages.
 */
export function ListPage<O extends OwnFilters, Item>({
  path,
  id,
  messages,
  countKey,
  own,
  load,
  fields,
  besideSearch,
  columns,
  row,
  add,
  actions,
  after,
}: Props<O, Item>) {
  const { t } = useI18n();
  const text = (key: ListKey) => t(`${messages}.${key}`);
  useTitle(text('title'));
  const { search } = useLocation();
  const filters = useMemo(() => readListFilters(search, own), [search, own]);
  const url = (next: ListFilters<O>) => listUrl(path, own, next);
  const [q, setQ] = useState(filters.q);
  const [status, setStatus] = useState('');
  const [adding, setAdding] = useState(false);

  const list = useAsync((signal) => load(filters, signal), [url(filters)]);
  const tree = useAsync((signal) => units.tree(false, signal), []);
  const context: ListContext<O> = {
    filters,
    set: (change) => navigate(url({ ...filters, page: 1, ...change }), { replace: true }),
    roots: tree.data?.roots ?? NO_UNITS,
    loading: tree.loading,
    say: setStatus,
    reload: list.reload,
  };
  const setCommon = (change: Partial<CommonFilters>) => context.set(change as Partial<ListFilters<O>>);
  // Filtered: the address says more than the page's path (the page number aside).
  const filtered = url({ ...filters, page: 1 }) !== path;
  const items = list.data?.items ?? [];

  return (
    <>
      <h1>{text('title')}</h1>
      <p>{text('intro')}</p>
      {add || actions ? (
        <p class="actions">
          {add ? (
            <button
              type="button"
              id={`${add.id}-toggle`}
              aria-expanded={adding ? 'true' : 'false'}
              aria-controls={add.id}
              onClick={() => setAdding(!adding)}
            >
              {text('add')}
            </button>
          ) : null}
          {actions}
        </p>
      ) : null}
      <StatusMessage>{status}</StatusMessage>
      {add ? (
        <div id={add.id}>
          {adding
            ? add.form({
                ...context,
                done: (confirmation) => {
                  setStatus(confirmation);
                  setAdding(false);
                  list.reload();
                },
              })
            : null}
        </div>
      ) : null}

      <section aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>{text('list')}</h2>
        <form
          role="search"
          aria-label={text('filters')}
          class={`form-grid ${styles.filters}`}
          onSubmit={(event) => {
            event.preventDefault();
            setCommon({ q: q.trim() });
          }}
        >
          <UnitPicker
            id={`${id}-unit`}
            label={text('filter_unit')}
            roots={context.roots}
            loading={tree.loading}
            accept={isCommuneOrVillage}
            value={filters.unitId}
            onValue={(unitId) => setCommon({ unitId })}
            placeholder={text('filter_unit_all')}
          />
          {fields?.(context)}
          <div>
            <TextField id={`${id}-q`} type="search" label={text('filter_q')} value={q} onValue={setQ} autocomplete="off" />
            {besideSearch?.(context)}
            <SubmitActions busy={list.loading} label={text('filter_submit')} />
          </div>
        </form>
        <LoadStatus state={list} />
        {list.data ? <p id={`${id}-count`}>{t(countKey, { count: formatNumber(list.data.total) })}</p> : null}
        {list.data && items.length === 0 ? <p id={`${id}-empty`}>{filtered ? text('empty_filtered') : text('empty')}</p> : null}
        {items.length > 0 ? (
          <CardTable id={`${id}-table`} labelledBy={`${id}-heading`} busy={list.loading} columns={columns}>
            {items.map(row)}
          </CardTable>
        ) : null}
        {list.data && list.data.total > 0 ? (
          <Pager page={filters.page} pageSize={LIST_PAGE_SIZE} total={list.data.total} onPage={(page) => navigate(url({ ...filters, page }))} />
        ) : null}
      </section>

      {after?.(context)}
    </>
  );
}

/** A list row's first cell: the record's code linking to its page, and "(minh họa)" for demo data. */
export function CodeLink({ href, code, demo }: { href: string; code: string; demo: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <Link href={href} class={styles.code}>
        {code}
      </Link>
      {demo ? <span class="muted"> ({t('community.demo')})</span> : null}
    </>
  );
}
