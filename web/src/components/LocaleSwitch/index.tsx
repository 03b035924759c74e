import styles from './style.module.css';
import { LOCALES } from '../../lib/i18n';
import { useI18n } from '../../lib/use-i18n';

/** vi / en buttons; `tone="light"` on a white background, default on the accent header. */
export function LocaleSwitch({ tone }: { tone?: 'light' }) {
  const { t, locale, setLocale } = useI18n();
  return (
    <div
      role="group"
      aria-label={t('header.language')}
      class={`${styles.switch} ${tone === 'light' ? styles.light : ''}`}
    >
      {LOCALES.map((code) => (
        <button
          key={code}
          type="button"
          data-locale={code}
          lang={code}
          aria-pressed={code === locale ? 'true' : 'false'}
          onClick={() => setLocale(code)}
        >
          {t(`locale.${code}` as const)}
        </button>
      ))}
    </div>
  );
}
