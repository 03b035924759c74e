import { useState } from 'preact/hooks';
import type { PageProps } from '../app';
import { TextField } from '../components/Field';
import { PhoneFields, phoneChange } from '../components/PhoneFields';
import { ErrorMessage, StatusMessage } from '../components/Notice';
import { SubmitActions } from '../components/SubmitActions';
import { TotpQr } from '../components/TotpQr';
import { ApiError, auth } from '../lib/api';
import { formatDate } from '../lib/format';
import { fieldErrors } from '../lib/i18n';
import type { TotpSetup } from '../lib/schema';
import { useAction } from '../lib/use-action';
import { useI18n } from '../lib/use-i18n';
import { useSession, useUser } from '../lib/use-session';
import { useTitle } from '../lib/use-title';
import styles from './account.module.css';

/** /account: my profile, password change, two-step verification on and off. */
export function AccountPage(_: PageProps) {
  const { t } = useI18n();
  const user = useUser();
  const [status, setStatus] = useState('');
  useTitle(t('account.title'));

  return (
    <>
      <h1>{t('account.title')}</h1>
      <StatusMessage>{status}</StatusMessage>
      <section class="panel" aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t('account.profile')}</h2>
        <dl class="facts">
          <dt>{t('users.username')}</dt>
          <dd>{user.username}</dd>
          <dt>{t('users.full_name')}</dt>
          <dd>{user.full_name}</dd>
          <dt>{t('users.role')}</dt>
          <dd>{t(`role.${user.role}`)}</dd>
          <dt>{t('users.unit')}</dt>
          <dd>{user.unit_name}</dd>
          <dt>{t('dashboard.member_since')}</dt>
          <dd>{formatDate(user.created_at)}</dd>
        </dl>
      </section>
      <PhoneForm onDone={setStatus} />
      <PasswordForm onDone={setStatus} />
      <TotpSection onDone={setStatus} />
    </>
  );
}

/** My phone and whether the daily reminders come by SMS too (PATCH /auth/me). */
function PhoneForm({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useI18n();
  const user = useUser();
  const { signIn } = useSession();
  const [phone, setPhone] = useState(user.phone_national ?? '');
  const [sms, setSms] = useState(user.sms_opt_in);
  const { error, busy, run } = useAction();
  const fe = fieldErrors(t, error);

  const submit = (event: Event) => {
    event.preventDefault();
    const change = phoneChange(phone, user.phone_national);
    void run(async () => {
      const session = await auth.updateSettings({ ...(change === undefined ? {} : { phone: change }), sms_opt_in: sms });
      signIn(session);
      setPhone(session.user.phone_national ?? '');
      setSms(session.user.sms_opt_in);
      onDone(t('account.phone_saved'));
    });
  };

  return (
    <form class="panel" id="phone-form" onSubmit={submit} noValidate aria-labelledby="phone-heading">
      <h2 id="phone-heading">{t('account.phone_title')}</h2>
      <p class="muted">{t('account.phone_intro')}</p>
      <ErrorMessage error={error} fields={{ phone: t('account.phone'), sms_opt_in: t('account.sms') }} />
      <PhoneFields id="account" phone={phone} onPhone={setPhone} sms={sms} onSms={setSms} errors={fe} />
      <SubmitActions busy={busy} label={t('common.save')} />
    </form>
  );
}

function PasswordForm({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useI18n();
  const user = useUser();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const { error, busy, run } = useAction();
  const fe = fieldErrors(t, error);
  const mismatch = confirm !== '' && next !== confirm;
  const [showMismatch, setShowMismatch] = useState(false);

  const submit = (event: Event) => {
    event.preventDefault();
    if (next !== confirm) {
      setShowMismatch(true);
      return;
    }
    setShowMismatch(false);
    void run(async () => {
      await auth.changePassword(current, next);
      setCurrent('');
      setNext('');
      setConfirm('');
      onDone(t('account.password_changed'));
    });
  };

  return (
    <form
      class="panel"
      id="password-form"
      onSubmit={submit}
      noValidate
      aria-labelledby="password-heading"
    >
      <h2 id="password-heading">{t('account.password')}</h2>
      <ErrorMessage
        error={error}
        fields={{
          current_password: t('account.current_password'),
          new_password: t('account.new_password'),
        }}
      />
      {/* Lets password managers tie the new password to the account. */}
      <input
        type="text"
        name="username"
        autocomplete="username"
        value={user.username}
        hidden
        readOnly
      />
      <TextField
        id="current-password"
        type="password"
        label={t('account.current_password')}
        value={current}
        onValue={setCurrent}
        error={fe.current_password}
        autocomplete="current-password"
        required
      />
      <TextField
        id="new-password"
        type="password"
        label={t('account.new_password')}
        value={next}
        onValue={setNext}
        error={fe.new_password}
        autocomplete="new-password"
        minLength={10}
        required
      />
      <TextField
        id="confirm-password"
        type="password"
        label={t('account.confirm_password')}
        value={confirm}
        onValue={setConfirm}
        error={showMismatch && mismatch ? t('account.mismatch') : undefined}
        autocomplete="new-password"
        required
      />
      <SubmitActions busy={busy} label={t('account.password_submit')} />
    </form>
  );
}

type TotpStep =
  { kind: 'idle' } | { kind: 'setup'; setup: TotpSetup } | { kind: 'codes'; codes: string[] };

function TotpSection({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useI18n();
  const user = useUser();
  const { refresh } = useSession();
  const [step, setStep] = useState<TotpStep>({ kind: 'idle' });
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const { error, busy, run } = useAction();
  const fe = fieldErrors(t, error);

  const start = () =>
    run(async () => {
      const setup = await auth.totpSetup();
      setCode('');
      setStep({ kind: 'setup', setup });
    });

  const enable = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      const result = await auth.totpEnable(code.replace(/\s+/g, ''));
      setStep({ kind: 'codes', codes: result.recovery_codes });
      onDone(t('account.totp_enabled'));
      await refresh();
    });
  };

  const disable = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      await auth.totpDisable(password);
      setPassword('');
      onDone(t('account.totp_disabled'));
      await refresh();
    });
  };

  // A wrong code or password answers 401/422 with no field: show it next to the input.
  const codeError =
    fe.code ??
    (error instanceof ApiError && error.slug === 'invalid-totp'
      ? t.dynamic('problem.invalid-totp.title', '')
      : undefined);
  const passwordError =
    fe.password ??
    (error instanceof ApiError && error.slug === 'invalid-credentials'
      ? t.dynamic('problem.invalid-credentials.title', '')
      : undefined);

  return (
    <section class="panel" aria-labelledby="totp-heading" id="totp-section">
      <h2 id="totp-heading">{t('account.totp')}</h2>
      <ErrorMessage error={error} />

      {step.kind === 'codes' ? (
        <div id="recovery-codes-block">
          <h3>{t('account.recovery')}</h3>
          <p>{t('account.recovery_help')}</p>
          <ol class={styles.codes} id="recovery-codes">
            {step.codes.map((value) => (
              <li key={value}>
                <code>{value}</code>
              </li>
            ))}
          </ol>
          <div class="actions">
            <button type="button" onClick={() => setStep({ kind: 'idle' })}>
              {t('account.recovery_done')}
            </button>
          </div>
        </div>
      ) : user.totp_enabled ? (
        <form id="totp-disable-form" onSubmit={disable} noValidate>
          <p id="totp-state" data-enabled="true">
            {t('account.totp_on')}
          </p>
          <h3>{t('account.totp_disable')}</h3>
          <p>{t('account.totp_disable_help')}</p>
          <input
            type="text"
            name="username"
            autocomplete="username"
            value={user.username}
            hidden
            readOnly
          />
          <TextField
            id="totp-disable-password"
            type="password"
            label={t('account.current_password')}
            value={password}
            onValue={setPassword}
            error={passwordError}
            autocomplete="current-password"
            required
          />
          <SubmitActions busy={busy} class="danger" label={t('account.totp_disable')} />
        </form>
      ) : step.kind === 'setup' ? (
        <form id="totp-enable-form" onSubmit={enable} noValidate>
          <p>{t('account.totp_scan')}</p>
          <TotpQr
            svg={step.setup.qr_svg}
            alt={t('account.totp_qr')}
            fallback={t('account.totp_qr_blocked')}
          />
          <dl class="facts">
            <dt>{t('account.totp_secret')}</dt>
            <dd>
              <code id="totp-secret" class={styles.secret}>
                {step.setup.secret}
              </code>
            </dd>
          </dl>
          <p>{t('account.totp_confirm_help')}</p>
          <TextField
            id="totp-code"
            label={t('account.totp_code')}
            value={code}
            onValue={setCode}
            error={codeError}
            inputMode="numeric"
            autocomplete="one-time-code"
            maxLength={8}
            required
          />
          <SubmitActions busy={busy} label={t('account.totp_enable')}>
            <button type="button" class="secondary" onClick={() => setStep({ kind: 'idle' })}>
              {t('common.cancel')}
            </button>
          </SubmitActions>
        </form>
      ) : (
        <>
          <p id="totp-state" data-enabled="false">
            {t('account.totp_off')}
          </p>
          <div class="actions">
            <button type="button" id="totp-start" onClick={() => void start()} disabled={busy}>
              {busy ? t('common.sending') : t('account.totp_start')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
