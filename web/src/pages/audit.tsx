import { useState } from 'preact/hooks';
import type { PageProps } from '../app';
import { CardTable } from '../components/CardTable';
import { DateField, TextField } from '../components/Field';
import { LoadStatus } from '../components/LoadStatus';
import { ErrorMessage } from '../components/Notice';
import { Pager } from '../components/Pager';
import { audit, localValidation, type AuditQuery } from '../lib/api';
import { formatDateTime, formatNumber, parseDateInput } from '../lib/format';
import { fieldErrors } from '../lib/i18n';
import type { AuditVerification } from '../lib/schema';
import { useAsync } from '../lib/use-async';
import { useI18n } from '../lib/use-i18n';
import { useTitle } from '../lib/use-title';
import styles from './audit.module.css';

const PAGE_SIZE = 50;

interface Filters {
  actor: string;
  action: string;
  entity: string;
  from: string;
  to: string;
}

const EMPTY: Filters = { actor: '', action: '', entity: '', from: '', to: '' };

function detailText(detail: unknown): string {
  if (detail === null || detail === undefined) return '';
  if (typeof detail === 'object' && Object.keys(detail).length === 0) return '';
  return JSON.stringify(detail, null, 2);
}

/** /audit (auditor): filtered, paginated log, newest first, and the hash-chain check. */
export function AuditPage(_: PageProps) {
  const { t } = useI18n();
  useTitle(t('audit.title'));
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [page, setPage] = useState(1);
  const [verifying, setVerifying] = useState(false);
  const [verify, setVerify] = useState<AuditVerification | null>(null);
  const [verifyError, setVerifyError] = useState<unknown>(null);

  const query: AuditQuery = {
    actor: filters.actor.trim(),
    action: filters.action.trim(),
    entity: filters.entity.trim(),
    from: parseDateInput(filters.from) ?? '',
    to: parseDateInput(filters.to) ?? '',
    page,
    page_size: PAGE_SIZE,
  };
  const list = useAsync((signal) => audit.list(query, signal), [JSON.stringify(query)]);

  const set = (key: keyof Filters) => (value: string) => setDraft({ ...draft, [key]: value });

  const [filterError, setFilterError] = useState<unknown>(null);
  const fe = fieldErrors(t, filterError);

  const apply = (event: Event) => {
    event.preventDefault();
    const bad = (['from', 'to'] as const).filter((key) => parseDateInput(draft[key]) === null);
    if (bad.length) {
      setFilterError(localValidation(bad.map((field) => ({ field, code: 'invalid_date' }))));
      return;
    }
    setFilterError(null);
    setFilters(draft);
    setPage(1);
  };

  const reset = () => {
    setFilterError(null);
    setDraft(EMPTY);
    setFilters(EMPTY);
    setPage(1);
  };

  const runVerify = async () => {
    setVerifying(true);
    setVerify(null);
    setVerifyError(null);
    try {
      setVerify(await audit.verify());
    } catch (caught) {
      setVerifyError(caught);
    } finally {
      setVerifying(false);
    }
  };

  return (
    <>
      <h1>{t('audit.title')}</h1>

      <div class="actions">
        <button type="button" id="audit-verify" onClick={runVerify} disabled={verifying}>
          {verifying ? t('audit.verifying') : t('audit.verify')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {verify ? (
          <p
            id="audit-verify-result"
            data-ok={verify.ok ? 'true' : 'false'}
            class={`${styles.result} ${verify.ok ? styles.ok : styles.bad}`}
          >
            {verify.ok
              ? t('audit.verify_ok', { checked: formatNumber(verify.checked) })
              : t('audit.verify_bad', {
                  checked: formatNumber(verify.checked),
                  id: String(verify.first_bad_id ?? '?'),
                })}
          </p>
        ) : null}
      </div>
      <ErrorMessage error={verifyError} />

      <form
        class="panel"
        id="audit-filters"
        onSubmit={apply}
        noValidate
        aria-labelledby="audit-filters-heading"
      >
        <h2 id="audit-filters-heading">{t('audit.filters')}</h2>
        <div class="form-grid">
          <TextField
            id="audit-actor"
            label={t('audit.actor')}
            hint={t('audit.actor_hint')}
            value={draft.actor}
            onValue={set('actor')}
            autocomplete="off"
            autocapitalize="none"
            spellcheck={false}
          />
          <TextField
            id="audit-action"
            label={t('audit.action')}
            hint={t('audit.action_hint')}
            value={draft.action}
            onValue={set('action')}
            autocomplete="off"
            autocapitalize="none"
            spellcheck={false}
          />
          <TextField
            id="audit-entity"
            label={t('audit.entity')}
            hint={t('audit.entity_hint')}
            value={draft.entity}
            onValue={set('entity')}
            autocomplete="off"
            autocapitalize="none"
            spellcheck={false}
          />
          <DateField
            id="audit-from"
            label={t('audit.from')}
            value={draft.from}
            onValue={set('from')}
            error={fe.from}
          />
          <DateField
            id="audit-to"
            label={t('audit.to')}
            value={draft.to}
            onValue={set('to')}
            error={fe.to}
          />
        </div>
        <div class="actions">
          <button type="submit">{t('audit.apply')}</button>
          <button type="button" class="secondary" onClick={reset}>
            {t('audit.reset')}
          </button>
        </div>
      </form>

      <section aria-labelledby="audit-entries-heading">
        <h2 id="audit-entries-heading">{t('audit.entries')}</h2>
        <LoadStatus state={list} />
        {list.data && list.data.items.length === 0 ? <p>{t('audit.empty')}</p> : null}
        {list.data && list.data.items.length > 0 ? (
          <CardTable
            id="audit-table"
            labelledBy="audit-entries-heading"
            columns={[
              '#',
              t('audit.at'),
              t('audit.actor'),
              t('audit.action'),
              t('audit.entity'),
              t('audit.reason'),
              t('audit.detail'),
            ]}
          >
            {list.data.items.map((entry) => {
              const detail = detailText(entry.detail);
              return (
                <tr key={entry.id} data-audit-id={entry.id}>
                  <td data-label="#">{entry.id}</td>
                  <td data-label={t('audit.at')}>
                    <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                  </td>
                  <td data-label={t('audit.actor')}>{entry.actor_name || t('common.none')}</td>
                  <td data-label={t('audit.action')}>
                    <code>{entry.action}</code>
                  </td>
                  <td data-label={t('audit.entity')}>
                    {entry.entity}
                    {entry.entity_id ? ` #${entry.entity_id}` : ''}
                  </td>
                  <td data-label={t('audit.reason')}>{entry.reason || t('common.none')}</td>
                  <td data-label={t('audit.detail')}>
                    {detail ? (
                      <details>
                        <summary class={styles.summary}>{t('audit.show_detail')}</summary>
                        <pre>{detail}</pre>
                      </details>
                    ) : (
                      t('common.none')
                    )}
                  </td>
                </tr>
              );
            })}
          </CardTable>
        ) : null}
        {list.data ? (
          <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />
        ) : null}
      </section>
    </>
  );
}
