import { useEffect, useRef, useState } from 'preact/hooks';
import type { PageProps } from '../app';
import { TextField } from '../components/Field';
import { LocaleSwitch } from '../components/LocaleSwitch';
import { ErrorMessage, InfoMessage } from '../components/Notice';
import { ApiError, auth } from '../lib/api';
import { fieldErrors } from '../lib/i18n';
import { navigate, safeNext } from '../lib/router';
import { useAction } from '../lib/use-action';
import { useI18n } from '../lib/use-i18n';
import { useLocation } from '../lib/use-location';
import { useSession } from '../lib/use-session';
import { useTitle } from '../lib/use-title';
import styles from './login.module.css';

type Step = 'password' | 'totp';

export function LoginPage(_: PageProps) {
  const { t } = useI18n();
  const { signIn } = useSession();
  const { search } = useLocation();
  const [step, setStep] = useState<Step>('password');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const { error, setError, busy, run } = useAction();
  const totpRef = useRef<HTMLDivElement>(null);
  useTitle(t('login.title'));

  useEffect(() => {
    if (step === 'totp') totpRef.current?.querySelector('input')?.focus();
  }, [step]);

  const reason = search.get('reason');
  const fields = fieldErrors(t, error);

  const signInWith = async () => {
    try {
      const session = await auth.login({
        username: username.trim(),
        password,
        ...(step === 'totp' ? { totp: totp.replace(/\s+/g, '') } : {}),
      });
      signIn(session);
      navigate(safeNext(search.get('next')), { replace: true });
    } catch (caught) {
      if (caught instanceof ApiError && caught.slug === 'totp-required') {
        // Password accepted; the account also wants its second factor.
        setStep('totp');
        setTotp('');
        return;
      }
      if (caught instanceof ApiError && caught.slug === 'invalid-totp') setTotp('');
      if (caught instanceof ApiError && caught.slug === 'invalid-credentials') {
        setPassword('');
        setStep('password');
      }
      throw caught;
    }
  };

  const submit = (event: Event) => {
    event.preventDefault();
    void run(signInWith);
  };

  const back = () => {
    setStep('password');
    setTotp('');
    setPassword('');
    setError(null);
  };

  return (
    <div class={styles.page}>
      <header class={styles.top}>
        <p class={styles.brand}>{t('app.name')}</p>
        <LocaleSwitch tone="light" />
      </header>
      <main id="main" class={styles.main} tabIndex={-1}>
        <h1>{step === 'totp' ? t('login.totp_title') : t('login.title')}</h1>
        {reason === 'expired' ? <InfoMessage>{t('login.session_expired')}</InfoMessage> : null}
        {reason === 'logged_out' ? (
          <div role="status">
            <InfoMessage>{t('header.logged_out')}</InfoMessage>
          </div>
        ) : null}
        <ErrorMessage
          error={error}
          fields={{
            username: t('login.username'),
            password: t('login.password'),
            totp: t('login.totp'),
          }}
        />
        <form onSubmit={submit} noValidate>
          {step === 'password' ? (
            <>
              <p>{t('login.intro')}</p>
              <TextField
                id="username"
                label={t('login.username')}
                value={username}
                onValue={setUsername}
                error={fields.username}
                autocomplete="username"
                autocapitalize="none"
                spellcheck={false}
                required
              />
              <TextField
                id="password"
                type="password"
                label={t('login.password')}
                value={password}
                onValue={setPassword}
                error={fields.password}
                autocomplete="current-password"
                required
              />
            </>
          ) : (
            <div ref={totpRef}>
              <p id="totp-help">{t('login.totp_help')}</p>
              <TextField
                id="totp"
                label={t('login.totp')}
                value={totp}
                onValue={setTotp}
                error={fields.totp}
                autocomplete="one-time-code"
                autocapitalize="none"
                spellcheck={false}
                maxLength={32}
                required
              />
            </div>
          )}
          <div class="actions">
            <button type="submit" disabled={busy}>
              {busy
                ? t('login.submitting')
                : step === 'totp'
                  ? t('login.totp_submit')
                  : t('login.submit')}
            </button>
            {step === 'totp' ? (
              <button type="button" class="secondary" onClick={back}>
                {t('login.back')}
              </button>
            ) : null}
          </div>
        </form>
      </main>
    </div>
  );
}
