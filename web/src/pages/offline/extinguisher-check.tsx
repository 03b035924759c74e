// /offline/extinguisher-check: a check of an extinguisher in service, entered on the phone:
// the household found in the pack (typed with or without tones), one of its extinguisher
// lines, the result, the new expiry a refill or a replacement gives, a note. Queued under an
// id made when the form opens; a refused check comes back here (`?entry=`).
import { useEffect, useState } from 'preact/hooks';
import type { PageProps } from '../../app';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { ErrorMessage } from '../../components/Notice';
import { SubmitActions } from '../../components/SubmitActions';
import { localValidation } from '../../lib/api';
import { CHECK_RESULTS, checkResultLabel, kindLabel } from '../../lib/fire';
import { formatDate, formatNumber, todayIso } from '../../lib/format';
import { fieldErrors } from '../../lib/i18n';
import { findHouseholds } from '../../lib/offline-records';
import { queueRecord } from '../../lib/offline-sync';
import { entryProblem, fieldLabels } from '../../lib/offline-words';
import { newRecordId } from '../../lib/outbox';
import { navigate } from '../../lib/router';
import type { Extinguisher, ExtinguisherCheckResult } from '../../lib/schema';
import { useAction } from '../../lib/use-action';
import { useI18n } from '../../lib/use-i18n';
import { useTitle } from '../../lib/use-title';
import styles from './offline.module.css';
import { afterQueued, deviceAt, OfflineFormTop, OfflineHeading, PackNeeded, PendingMark, useOfflinePage } from './shared';

const SHOWN = 20;
const EMPTY = { checked_on: '', result: 'ok' as ExtinguisherCheckResult, new_expires_on: '', note: '' };

export function OfflineCheckPage(_: PageProps) {
  const { t } = useI18n();
  useTitle(t('offline.check_title'));
  const page = useOfflinePage();
  const { pack, editing, user } = page;
  const [id, setId] = useState(newRecordId);
  const [query, setQuery] = useState('');
  const [householdId, setHouseholdId] = useState<number | null>(null);
  const [lineId, setLineId] = useState('');
  const [f, setF] = useState({ ...EMPTY, checked_on: todayIso() });
  const set = (key: keyof typeof f) => (value: string) => setF({ ...f, [key]: value });
  const [said, setSaid] = useState('');
  const { error, setError, busy, run } = useAction();
  const problem = error ?? (editing ? entryProblem(editing) : null);
  const fe = fieldErrors(t, problem);
  const labels = fieldLabels(t);

  useEffect(() => {
    if (!editing || editing.kind !== 'extinguisher_check' || !pack) return;
    const b = editing.body;
    const line = pack.extinguishers.find((e) => e.id === Number(b.extinguisher_id));
    setId(editing.id);
    setHouseholdId(line?.household_id ?? null);
    setLineId(String(b.extinguisher_id ?? ''));
    setF({
      checked_on: String(b.checked_on ?? ''),
      result: (b.result ?? 'ok') as ExtinguisherCheckResult,
      new_expires_on: String(b.new_expires_on ?? ''),
      note: String(b.note ?? ''),
    });
  }, [editing?.id, pack !== null]);

  if (!pack) {
    return (
      <>
        <OfflineHeading title={t('offline.check_title')} />
        <PackNeeded state={page} />
      </>
    );
  }

  const withLines = pack.households.filter((h) => pack.extinguishers.some((e) => e.household_id === h.id));
  const found = findHouseholds(withLines, query);
  const household = pack.households.find((h) => h.id === householdId);
  const lines = pack.extinguishers.filter((e) => e.household_id === householdId);
  const line = lines.find((e) => String(e.id) === lineId) ?? (lines.length === 1 ? lines[0] : undefined);
  const lineLabel = (e: Extinguisher) =>
    t('offline.extinguisher_line', { kind: kindLabel(t, e.kind), count: formatNumber(e.count), expires: formatDate(e.expires_on) });
  const checks = pack.extinguisher_checks.filter((c) => lines.some((e) => e.id === c.extinguisher_id));

  const submit = (event: Event) => {
    event.preventDefault();
    if (!line) {
      setError(localValidation([{ field: 'extinguisher_id', code: 'required' }]));
      return;
    }
    void run(async () => {
      await queueRecord(user.id, pack.village.id, {
        kind: 'extinguisher_check',
        id,
        base_version: editing?.base_version ?? 0,
        body: {
          extinguisher_id: line.id,
          checked_on: f.checked_on,
          result: f.result,
          new_expires_on: f.new_expires_on || null,
          note: f.note.trim(),
          device_at: deviceAt(editing),
        },
      });
      afterQueued(
        editing,
        () => setSaid(t('offline.queued', { what: t('offline.check_what', { date: formatDate(f.checked_on) }) })),
        () => {
          setId(newRecordId());
          setF({ ...EMPTY, checked_on: f.checked_on });
        },
      );
    });
  };

  return (
    <>
      <OfflineFormTop title={t('offline.check_title')} state={page} said={said} />
      {household ? (
        <>
          <form class="panel" id="offline-check" noValidate onSubmit={submit} aria-labelledby="offline-check-heading" data-check-id={id}>
            <h2 id="offline-check-heading">
              {household.code} – {household.head_name}
            </h2>
            <ErrorMessage error={problem} fields={labels} />
            {lines.length === 0 ? <p id="offline-check-none">{t('offline.no_extinguishers')}</p> : null}
            <div class="form-grid">
              <SelectField
                id="offline-check-extinguisher"
                label={labels.extinguisher_id ?? ''}
                required
                value={line ? String(line.id) : ''}
                placeholder={t('offline.extinguisher_choose')}
                options={lines.map((e) => ({ value: String(e.id), label: lineLabel(e) }))}
                onValue={setLineId}
                error={fe.extinguisher_id}
              />
              <TextField id="offline-check-on" type="date" label={labels.checked_on ?? ''} required value={f.checked_on} onValue={set('checked_on')} error={fe.checked_on} />
              <SelectField
                id="offline-check-result"
                label={labels.result ?? ''}
                required
                value={f.result}
                onValue={set('result')}
                options={CHECK_RESULTS.map((r) => ({ value: r, label: checkResultLabel(t, r) }))}
                error={fe.result}
              />
              <TextField id="offline-check-expires" type="date" label={labels.new_expires_on ?? ''} hint={t('offline.new_expires_hint')} value={f.new_expires_on} onValue={set('new_expires_on')} error={fe.new_expires_on} />
            </div>
            <TextAreaField id="offline-check-note" label={labels.note ?? ''} maxLength={2000} rows={2} value={f.note} onValue={set('note')} error={fe.note} />
            <SubmitActions busy={busy} label={t('offline.save')}>
              <button type="button" class="secondary" onClick={() => (editing ? navigate('/offline') : setHouseholdId(null))}>
                {t('common.cancel')}
              </button>
            </SubmitActions>
          </form>
          <section aria-labelledby="offline-checks-heading">
            <h2 id="offline-checks-heading">{t('offline.recent_checks')}</h2>
            {checks.length === 0 ? <p>{t('offline.recent_none')}</p> : null}
            <ul class={styles.records} id="offline-checks">
              {checks.map((c) => (
                <li key={c.id} data-check-id={c.id} data-pending={page.pending.ids.has(c.id) ? 'true' : 'false'}>
                  <p>
                    <strong>
                      {formatDate(c.checked_on)}, {checkResultLabel(t, c.result)}
                    </strong>
                    {page.pending.ids.has(c.id) ? <PendingMark /> : null}
                  </p>
                  {c.note ? <p class="muted">{c.note}</p> : null}
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : (
        <section aria-labelledby="offline-check-search-heading">
          <h2 id="offline-check-search-heading" class="visually-hidden">
            {t('offline.search')}
          </h2>
          <TextField id="offline-check-search" type="search" label={t('offline.search')} hint={t('offline.search_hint')} value={query} onValue={setQuery} autocomplete="off" />
          {query.trim() ? (
            <p id="offline-check-count" aria-live="polite">
              {found.length === 0 ? t('offline.no_match') : t('offline.results', { count: formatNumber(found.length) })}
            </p>
          ) : null}
          <ul class={styles.found} id="offline-check-households">
            {found.slice(0, SHOWN).map((h) => (
              <li key={h.id} data-household-id={h.id}>
                <div>
                  <strong>
                    {h.code} – {h.head_name}
                  </strong>
                  <br />
                  <span class="muted">{h.address}</span>
                </div>
                <button type="button" id={`offline-check-household-${h.id}`} onClick={() => setHouseholdId(h.id)}>
                  {t('offline.household_choose')}
                  <span class="visually-hidden"> – {h.head_name}</span>
                </button>
              </li>
            ))}
          </ul>
          {found.length > SHOWN ? <p>{t('offline.results_more', { shown: SHOWN })}</p> : null}
        </section>
      )}
    </>
  );
}
