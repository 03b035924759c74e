import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { PageProps } from '../app';
import { CheckboxField, TextField } from '../components/Field';
import { Link } from '../components/Link';
import { LoadStatus } from '../components/LoadStatus';
import { ErrorMessage, StatusMessage } from '../components/Notice';
import {
  UnitCreateForm,
  UnitEditForm,
  UnitImportForm,
  UnitMergeForm,
} from '../components/UnitForms';
import { UnitLineage } from '../components/UnitLineage';
import { UnitMap } from '../components/UnitMap';
import { InactiveNote, UnitTree } from '../components/UnitTree';
import { NO_UNITS } from '../components/UnitPicker';
import { ApiError, units } from '../lib/api';
import { formatDate, formatNumber, unitLabel } from '../lib/format';
import { type Unit, type UnitDetail, type UnitHistoryEntry } from '../lib/schema';
import { indexUnits, type UnitIndex } from '../lib/unit-index';
import { useAsync } from '../lib/use-async';
import { useDebounced } from '../lib/use-debounced';
import { useI18n } from '../lib/use-i18n';
import { navigate } from '../lib/router';
import { useUser } from '../lib/use-session';
import { useTitle } from '../lib/use-title';
import styles from './units.module.css';

const SEARCH_PAGE_SIZE = 50;

// What the signed-in user may do with a unit comes with the unit (the server's role rule).
const canEdit = (unit: UnitDetail): boolean => unit.manageable;
const canAddChild = (unit: UnitDetail): boolean => unit.active && unit.child_kinds.length > 0;

/** /units and /units/:id: the tree, search, a unit's details and (for some roles) the forms. */
export function UnitsPage({ params }: PageProps) {
  const { t } = useI18n();
  const user = useUser();
  useTitle(t('units.title'));
  const selectedId = params.id !== undefined && /^\d+$/.test(params.id) ? Number(params.id) : null;
  const badId = params.id !== undefined && selectedId === null;

  const [history, setHistory] = useState(false);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState('');
  const q = useDebounced(query.trim(), 300);

  const tree = useAsync((signal) => units.tree(history, signal), [history]);
  const index = useMemo(() => indexUnits(tree.data?.roots ?? []), [tree.data]);
  const detail = useAsync(
    (signal) => (selectedId === null ? Promise.resolve(null) : units.get(selectedId, signal)),
    [selectedId],
  );
  const results = useAsync(
    (signal) =>
      q ? units.list({ q, history, page_size: SEARCH_PAGE_SIZE }, signal) : Promise.resolve(null),
    [q, history],
  );

  // Open the roots when the tree arrives, and the path down to the unit being shown.
  useEffect(() => {
    const roots = tree.data?.roots;
    if (!roots) return;
    setExpanded((previous) => new Set([...previous, ...roots.map((root) => root.id)]));
  }, [tree.data]);
  useEffect(() => {
    const unit = detail.data;
    if (!unit) return;
    setExpanded((previous) => new Set([...previous, ...unit.ancestors.map((a) => a.id)]));
  }, [detail.data]);

  const toggle = useCallback((id: number) => {
    setExpanded((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  const done = useCallback(
    (message: string, changedUnitId?: number) => {
      setStatus(message);
      tree.reload();
      if (changedUnitId !== undefined && changedUnitId !== selectedId)
        navigate(`/units/${changedUnitId}`);
      else detail.reload();
    },
    [tree.reload, detail.reload, selectedId],
  );

  const manages = user.role === 'admin' || user.role === 'officer';
  const unit = detail.data ?? null;

  return (
    <>
      <h1>{t('units.title')}</h1>
      <StatusMessage>{status}</StatusMessage>
      <div class={styles.columns}>
        <section class={styles.treePanel} aria-labelledby="unit-tree-heading">
          <h2 id="unit-tree-heading">{t('units.tree')}</h2>
          <form role="search" onSubmit={(event) => event.preventDefault()} class={styles.search}>
            <TextField
              id="unit-search"
              type="search"
              label={t('units.search')}
              value={query}
              onValue={setQuery}
              autocomplete="off"
              spellcheck={false}
            />
            {query ? (
              <button type="button" class="secondary" onClick={() => setQuery('')}>
                {t('common.clear_search')}
              </button>
            ) : null}
          </form>
          <CheckboxField
            id="show-history"
            label={t('units.show_history')}
            checked={history}
            onChecked={setHistory}
          />
          {q ? (
            <SearchResults
              loading={results.loading}
              error={results.error}
              items={results.data?.items ?? []}
              total={results.data?.total ?? 0}
              selectedId={selectedId}
              index={index}
            />
          ) : (
            <>
              <LoadStatus state={tree} />
              {tree.data && tree.data.roots.length === 0 ? <p>{t('units.empty_tree')}</p> : null}
              {tree.data ? (
                <UnitTree
                  roots={tree.data.roots}
                  selectedId={selectedId}
                  expanded={expanded}
                  onToggle={toggle}
                  nameOf={index.nameOf}
                  label={t('units.tree')}
                />
              ) : null}
            </>
          )}
        </section>

        <section class={styles.detailPanel} aria-labelledby="unit-detail-heading">
          {selectedId === null && !badId ? (
            <>
              <h2 id="unit-detail-heading">{t('units.details')}</h2>
              <p>{t('units.select_hint')}</p>
            </>
          ) : null}
          {badId ? (
            <>
              <h2 id="unit-detail-heading">{t('units.details')}</h2>
              <ErrorMessage error={new ApiError({ status: 404, slug: 'not-found' })} />
            </>
          ) : null}
          {selectedId !== null && !unit ? (
            <>
              <h2 id="unit-detail-heading">{t('units.details')}</h2>
              {detail.loading ? <p role="status">{t('common.loading')}</p> : null}
              <ErrorMessage error={detail.error} />
            </>
          ) : null}
          {unit ? <UnitDetails unit={unit} index={index} /> : null}
          {unit && canEdit(unit) ? (
            <UnitEditForm
              key={`edit-${unit.id}-${unit.code}-${unit.name}-${unit.valid_to}-${unit.parent_id}`}
              unit={unit}
              roots={tree.data?.roots ?? NO_UNITS}
              parentName={unit.ancestors.find((a) => a.id === unit.parent_id)?.name}
              onDone={done}
            />
          ) : null}
          {unit && canAddChild(unit) ? (
            <UnitCreateForm
              key={`create-${unit.id}`}
              parent={unit}
              kinds={unit.child_kinds}
              onDone={done}
            />
          ) : null}
        </section>
      </div>

      {manages ? (
        <section aria-labelledby="unit-manage-heading" class={styles.manage}>
          <h2 id="unit-manage-heading">{t('units.manage')}</h2>
          <p>
            <a
              class="button secondary"
              id="units-export"
              href={units.exportUrl}
              download="units.csv"
            >
              {t('units.export')}
            </a>
          </p>
          <div class={styles.manageGrid}>
            {user.role === 'admin' ? (
              <UnitMergeForm
                index={index}
                roots={tree.data?.roots ?? NO_UNITS}
                selected={unit}
                onDone={done}
              />
            ) : null}
            <UnitImportForm onDone={done} />
          </div>
        </section>
      ) : null}
    </>
  );
}

interface SearchProps {
  loading: boolean;
  error: unknown;
  items: Unit[];
  total: number;
  selectedId: number | null;
  index: UnitIndex;
}

function SearchResults({ loading, error, items, total, selectedId, index }: SearchProps) {
  const { t } = useI18n();
  return (
    <div id="unit-search-results" aria-busy={loading ? 'true' : 'false'}>
      <h3 class={styles.resultsHeading}>{t('units.search_results')}</h3>
      <ErrorMessage error={error} />
      <p role="status">
        {loading
          ? t('common.loading')
          : total === 0
            ? t('units.search_none')
            : t('units.search_count', { count: formatNumber(total) })}
      </p>
      {!loading && items.length > 0 ? (
        <ul class={styles.results}>
          {items.map((unit) => (
            <li key={unit.id} class={unit.active ? undefined : styles.inactive}>
              <Link
                href={`/units/${unit.id}`}
                aria-current={unit.id === selectedId ? 'page' : undefined}
              >
                {unitLabel(unit)}
              </Link>{' '}
              <span class="muted">
                {t(`unit_kind.${unit.kind}`)} · {unit.code}
              </span>{' '}
              <InactiveNote unit={unit} nameOf={index.nameOf} />
            </li>
          ))}
        </ul>
      ) : null}
      {total > items.length && !loading ? (
        <p class="muted">{t('units.search_more', { shown: formatNumber(items.length) })}</p>
      ) : null}
    </div>
  );
}

function validity(t: ReturnType<typeof useI18n>['t'], unit: UnitDetail): string {
  const from = formatDate(unit.valid_from);
  const to = formatDate(unit.valid_to);
  if (from && to) return t('units.valid_range', { from, to });
  if (from) return t('units.valid_since', { from });
  if (to) return t('units.valid_until', { to });
  return t('units.valid_always');
}

function historyLabel(t: ReturnType<typeof useI18n>['t'], entry: UnitHistoryEntry): string {
  if (entry.kind === 'renamed') return t('units.history_renamed', { old: entry.old_name ?? '' });
  return entry.kind === 'merged' ? t('units.history_merged') : t('units.history_moved');
}

function UnitDetails({ unit, index }: { unit: UnitDetail; index: UnitIndex }) {
  const { t } = useI18n();
  const parentName = (id: number | null) => (id === null ? t('common.none') : index.nameOf(id));
  return (
    <div id="unit-details">
      {unit.ancestors.some((a) => a.id !== unit.id) ? (
        <nav aria-label={t('units.breadcrumb')} class={styles.breadcrumb}>
          <ol>
            {unit.ancestors
              .filter((a) => a.id !== unit.id)
              .map((ancestor) => (
                <li key={ancestor.id}>
                  <Link href={`/units/${ancestor.id}`}>{ancestor.name}</Link>
                </li>
              ))}
            <li aria-current="location">{unit.name}</li>
          </ol>
        </nav>
      ) : null}
      <h2 id="unit-detail-heading">{unitLabel(unit)}</h2>
      <dl class="facts">
        <dt>{t('units.code')}</dt>
        <dd id="unit-code">{unit.code}</dd>
        {unit.name_en ? (
          <>
            <dt>{t('units.name_en')}</dt>
            <dd id="unit-name-en" lang="en">
              {unit.name_en}
            </dd>
          </>
        ) : null}
        <dt>{t('units.kind')}</dt>
        <dd id="unit-kind">{t(`unit_kind.${unit.kind}`)}</dd>
        <dt>{t('units.designation')}</dt>
        <dd>{unit.designation || t('common.none')}</dd>
        <dt>{t('units.validity')}</dt>
        <dd id="unit-validity">{validity(t, unit)}</dd>
        <dt>{t('units.status')}</dt>
        <dd id="unit-status">
          {unit.active ? t('units.active') : t('units.inactive')}{' '}
          <InactiveNote unit={unit} nameOf={index.nameOf} />
        </dd>
        <dt>{t('units.remote')}</dt>
        <dd id="unit-remote">{unit.remote ? t('common.yes') : t('common.no')}</dd>
        {unit.note ? (
          <>
            <dt>{t('units.note')}</dt>
            <dd>{unit.note}</dd>
          </>
        ) : null}
        {unit.demo ? (
          <>
            <dt>{t('units.demo')}</dt>
            <dd>{t('common.yes')}</dd>
          </>
        ) : null}
        <dt>{t('units.id')}</dt>
        <dd>{unit.id}</dd>
      </dl>
      <UnitMap unitId={unit.id} />
      <UnitLineage formedFrom={unit.formed_from} successors={unit.successors} />
      <h3>{t('units.history')}</h3>
      {unit.history.length === 0 ? (
        <p>{t('units.history_none')}</p>
      ) : (
        <ol class={styles.history} id="unit-history">
          {unit.history.map((entry, i) => (
            <li key={i}>
              <strong>{formatDate(entry.date)}</strong>
              {' — '}
              {historyLabel(t, entry)}{' '}
              {entry.from_parent_id !== null || entry.to_parent_id !== null
                ? t('units.history_from_to', {
                    from: entry.from_parent_name ?? parentName(entry.from_parent_id),
                    to: entry.to_parent_name ?? parentName(entry.to_parent_id),
                  })
                : null}
              {entry.basis ? (
                <>
                  <br />
                  <span class="muted">{t('units.history_basis', { basis: entry.basis })}</span>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
