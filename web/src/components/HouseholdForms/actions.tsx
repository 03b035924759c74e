// What is done to one household from its page: reading its phone with a reason (officers,
// audited), recording that it withdrew its consent (the phone goes with it), and ticking
// this year's registration by the offline rule (sent twice, stored once; a stale one is a
// conflict the person settles: keep the server's or send theirs).
import { useState } from 'preact/hooks';
import { CheckboxField, TextField } from '../Field';
import { AlertMessage, ErrorMessage } from '../Notice';
import { SubmitActions } from '../SubmitActions';
import { ApiError, households, localValidation } from '../../lib/api';
import { formatDate, todayIso } from '../../lib/format';
import { outcomeMessage } from '../../lib/households';
import { fieldErrors } from '../../lib/i18n';
import type { HouseholdDetail, HouseholdRegistration } from '../../lib/schema';
import { useAction } from '../../lib/use-action';
import { useI18n } from '../../lib/use-i18n';

interface Done {
  household: HouseholdDetail;
  onDone: (confirmation: string) => void;
}

/** #household-phone: the phone, shown after a reason is given (audited). */
export function PhonePanel({ household }: { household: HouseholdDetail }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [phone, setPhone] = useState<string | null>(null);
  const { error, setError, busy, run } = useAction();
  const fe = fieldErrors(t, error);
  return (
    <section class="panel" aria-labelledby="household-phone-heading">
      <h2 id="household-phone-heading">{t('community.phone_title')}</h2>
      <p>{t('community.phone_intro')}</p>
      <form
        id="household-phone"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!reason.trim()) {
            setError(localValidation([{ field: 'reason', code: 'required' }]));
            return;
          }
          void run(async () => setPhone((await households.phone(household.id, reason.trim())).phone));
        }}
      >
        <ErrorMessage error={error} fields={{ reason: t('community.phone_reason') }} />
        <TextField id="household-phone-reason" label={t('community.phone_reason')} required maxLength={500} value={reason} onValue={setReason} error={fe.reason} autocomplete="off" />
        <SubmitActions busy={busy} label={t('community.phone_show')} />
      </form>
      {phone === '' ? <p id="household-phone-none">{t('community.phone_none')}</p> : null}
      {phone ? (
        <dl class="facts" id="household-phone-number">
          <dt>{t('community.phone')}</dt>
          <dd>
            <a href={`tel:${phone}`}>{phone}</a>
          </dd>
        </dl>
      ) : null}
    </section>
  );
}

/** #household-withdraw: the household withdrew its consent; its phone is erased. */
export function WithdrawConsentForm({ household, onDone }: Done) {
  const { t } = useI18n();
  const [sure, setSure] = useState(false);
  const { error, setError, busy, run } = useAction();
  const fe = fieldErrors(t, error);
  return (
    <form
      class="panel"
      id="household-withdraw"
      noValidate
      aria-labelledby="household-withdraw-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (!sure) {
          setError(localValidation([{ field: 'confirm', code: 'required' }]));
          return;
        }
        void run(async () => {
          await households.withdrawConsent(household.id);
          setSure(false);
          onDone(t('community.withdrawn', { code: household.code }));
        });
      }}
    >
      <h2 id="household-withdraw-heading">{t('community.withdraw_title')}</h2>
      <p>{t('community.withdraw_intro')}</p>
      <ErrorMessage error={error} fields={{ confirm: t('community.withdraw_confirm') }} />
      <CheckboxField id="household-withdraw-confirm" label={t('community.withdraw_confirm')} checked={sure} onChecked={setSure} error={fe.confirm} />
      <SubmitActions busy={busy} class="danger" label={t('community.withdraw_submit')} />
    </form>
  );
}

/** The household's registration of `year`, as stored (null when none). */
export function registrationOf(household: HouseholdDetail, year: number): HouseholdRegistration | null {
  return (
    household.registrations.find((r) => r.year === year) ??
    (household.registration?.year === year ? household.registration : null)
  );
}

/**
 * #household-tick: this registration year's tick (day, signed form, note). The year is the
 * server's (`registration_year`: the page does not work the rule out itself). base_version
 * is the stored registration's version (0 for none); after a conflict the page holds the
 * server's registration again, and the person keeps it or sends theirs over it.
 */
export function RegistrationForm({
  household,
  onDone,
  onConflict,
}: Done & {
  /** The registration changed since the page loaded it (409): load the household again. */
  onConflict: () => void;
}) {
  const { t } = useI18n();
  const year = household.registration_year;
  const stored = registrationOf(household, year);
  const [day, setDay] = useState(stored?.registered_on ?? todayIso());
  const [signed, setSigned] = useState(stored?.signed ?? false);
  const [note, setNote] = useState(stored?.note ?? '');
  const [conflict, setConflict] = useState(false);
  const { error, busy, run } = useAction();
  const fe = fieldErrors(t, error);
  const labels = {
    registered_on: t('community.registered_on'),
    signed: t('community.signed'),
    note: t('community.note'),
  };
  const yes = (value: boolean) => (value ? t('common.yes') : t('common.no'));

  const send = () =>
    void run(async () => {
      setConflict(false);
      try {
        const written = await households.register(household.id, year, {
          registered_on: day,
          signed,
          note: note.trim(),
          base_version: stored?.version ?? 0,
        });
        onDone(outcomeMessage(t, written.outcome, { code: household.code, year }));
      } catch (caught) {
        if (caught instanceof ApiError && caught.status === 409) {
          setConflict(true);
          onConflict();
          return;
        }
        throw caught;
      }
    });

  const keepServer = () => {
    setDay(stored?.registered_on ?? todayIso());
    setSigned(stored?.signed ?? false);
    setNote(stored?.note ?? '');
    setConflict(false);
  };

  return (
    <form
      class="panel"
      id="household-tick"
      noValidate
      aria-labelledby="household-tick-heading"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <h2 id="household-tick-heading">{t('community.tick_title', { year })}</h2>
      <p>
        {stored
          ? t('community.tick_stored', { date: formatDate(stored.registered_on) })
          : t('community.tick_none', { year })}
      </p>
      {conflict ? (
        <div id="household-tick-conflict">
          <AlertMessage title={t('community.tick_conflict', { year })}>
            {stored
              ? t('community.tick_server', {
                  date: formatDate(stored.registered_on),
                  signed: yes(stored.signed),
                  note: stored.note || '—',
                })
              : null}
          </AlertMessage>
          <div class="actions">
            <button type="button" class="secondary" id="household-tick-keep" onClick={keepServer}>
              {t('community.tick_keep')}
            </button>
          </div>
        </div>
      ) : (
        <ErrorMessage error={error} fields={labels} />
      )}
      <div class="form-grid">
        <TextField id="household-tick-day" type="date" label={labels.registered_on} required value={day} onValue={setDay} error={fe.registered_on} />
        <TextField id="household-tick-note" label={labels.note} maxLength={1000} value={note} onValue={setNote} error={fe.note} />
      </div>
      <CheckboxField id="household-tick-signed" label={labels.signed} checked={signed} onChecked={setSigned} error={fe.signed} />
      <SubmitActions busy={busy} label={conflict ? t('community.tick_send_mine') : t('community.tick_submit')} />
    </form>
  );
}
