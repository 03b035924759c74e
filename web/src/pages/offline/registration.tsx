// /offline/registration: this registration year's tick of a household, entered on the phone.
// The household is found in the pack by code, head's name or address, typed with or without
// tones; the tick (day, signed form, note) is queued on the version the pack holds (0 for
// none), as the household's page sends it (components/HouseholdForms/actions.tsx).
import { useEffect, useState } from 'preact/hooks';
import type { PageProps } from '../../app';
import { CheckboxField, TextField } from '../../components/Field';
import { ErrorMessage } from '../../components/Notice';
import { SubmitActions } from '../../components/SubmitActions';
import { formatDate, formatNumber, todayIso } from '../../lib/format';
import { fieldErrors } from '../../lib/i18n';
import type { OfflinePack } from '../../lib/offline-pack';
import { findHouseholds, registrationOf } from '../../lib/offline-records';
import { queueRecord } from '../../lib/offline-sync';
import { entryProblem, fieldLabels } from '../../lib/offline-words';
import { navigate } from '../../lib/router';
import { useAction } from '../../lib/use-action';
import { useI18n } from '../../lib/use-i18n';
import { useTitle } from '../../lib/use-title';
import styles from './offline.module.css';
import { afterQueued, deviceAt, OfflineFormTop, OfflineHeading, PackNeeded, PendingMark, useOfflinePage } from './shared';

/** At most this many households are listed; more words narrow the list. */
const SHOWN = 20;

type PackHousehold = OfflinePack['households'][number];

export function OfflineRegistrationPage(_: PageProps) {
  const { t } = useI18n();
  const page = useOfflinePage();
  const { pack, editing, user } = page;
  const year = pack?.year ?? 0;
  useTitle(t('offline.registration_link'));
  const [query, setQuery] = useState('');
  const [householdId, setHouseholdId] = useState<number | null>(null);
  const [day, setDay] = useState(todayIso());
  const [signed, setSigned] = useState(false);
  const [note, setNote] = useState('');
  const [said, setSaid] = useState('');
  const { error, busy, run } = useAction();
  const problem = error ?? (editing ? entryProblem(editing) : null);
  const fe = fieldErrors(t, problem);
  const labels = fieldLabels(t);

  const open = (household: PackHousehold) => {
    setHouseholdId(household.id);
    setDay(household.registration?.registered_on ?? todayIso());
    setSigned(household.registration?.signed ?? false);
    setNote(household.registration?.note ?? '');
  };

  useEffect(() => {
    const tick = editing ? registrationOf(editing) : null;
    if (!editing || !tick) return;
    setHouseholdId(tick.householdId);
    setDay(String(editing.body.registered_on ?? ''));
    setSigned(editing.body.signed === true);
    setNote(String(editing.body.note ?? ''));
  }, [editing?.id]);

  if (!pack) {
    return (
      <>
        <OfflineHeading title={t('offline.registration_link')} />
        <PackNeeded state={page} />
      </>
    );
  }

  const found = findHouseholds(pack.households, query);
  const household = pack.households.find((h) => h.id === householdId);

  const submit = (event: Event) => {
    event.preventDefault();
    if (!household) return;
    void run(async () => {
      // Edited after a refusal: the version it was first sent on; else the one the pack holds.
      const base = editing ? editing.base_version : household.registration?.version ?? 0;
      await queueRecord(user.id, pack.village.id, {
        kind: 'registration',
        household_id: household.id,
        year,
        base_version: base,
        body: {
          registered_on: day,
          signed,
          note: note.trim(),
          device_at: deviceAt(editing),
        },
      });
      afterQueued(
        editing,
        () => setSaid(t('offline.queued', { what: t('offline.tick_what', { code: household.code }) })),
        () => {
          setHouseholdId(null);
        },
      );
    });
  };

  const status = (h: PackHousehold) => (
    <>
      {h.registration ? t('offline.registered', { date: formatDate(h.registration.registered_on) }) : t('offline.not_registered')}
      {page.pending.households.has(h.id) ? <PendingMark /> : null}
    </>
  );

  return (
    <>
      <OfflineFormTop title={t('offline.registration_title', { year })} state={page} said={said} />
      {household ? (
        <form class="panel" id="offline-tick" noValidate onSubmit={submit} aria-labelledby="offline-tick-heading" data-household-id={household.id}>
          <h2 id="offline-tick-heading">{t('offline.tick_for', { year, code: household.code, name: household.head_name })}</h2>
          <p id="offline-tick-status">{status(household)}</p>
          <ErrorMessage error={problem} fields={labels} />
          <div class="form-grid">
            <TextField id="offline-tick-day" type="date" label={labels.registered_on ?? ''} required value={day} onValue={setDay} error={fe.registered_on} />
            <TextField id="offline-tick-note" label={labels.note ?? ''} maxLength={1000} value={note} onValue={setNote} error={fe.note} />
          </div>
          <CheckboxField id="offline-tick-signed" label={labels.signed ?? ''} checked={signed} onChecked={setSigned} error={fe.signed} />
          <SubmitActions busy={busy} label={t('offline.save')}>
            <button type="button" class="secondary" onClick={() => (editing ? navigate('/offline') : setHouseholdId(null))}>
              {t('common.cancel')}
            </button>
          </SubmitActions>
        </form>
      ) : (
        <section aria-labelledby="offline-search-heading">
          <h2 id="offline-search-heading" class="visually-hidden">
            {t('offline.search')}
          </h2>
          <TextField id="offline-household-search" type="search" label={t('offline.search')} hint={t('offline.search_hint')} value={query} onValue={setQuery} autocomplete="off" />
          {query.trim() ? (
            <p id="offline-household-count" aria-live="polite">
              {found.length === 0 ? t('offline.no_match') : t('offline.results', { count: formatNumber(found.length) })}
            </p>
          ) : null}
          <ul class={styles.found} id="offline-households">
            {found.slice(0, SHOWN).map((h) => (
              <li key={h.id} data-household-id={h.id}>
                <div>
                  <strong>
                    {h.code} – {h.head_name}
                  </strong>
                  <br />
                  <span class="muted">{h.address}</span>
                  <br />
                  {status(h)}
                </div>
                <button type="button" id={`offline-household-${h.id}-tick`} onClick={() => open(h)}>
                  {t('offline.tick')}
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
