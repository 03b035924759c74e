import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { createTranslator, DEFAULT_LOCALE, type Translator } from './i18n';
import type { Locale } from './schema';

export interface I18nValue {
  locale: Locale;
  t: Translator;
  /** Switch language; persisted on the account when logged in, else in localStorage. */
  setLocale: (locale: Locale) => void;
}

export const I18nContext = createContext<I18nValue>({
  locale: DEFAULT_LOCALE,
  t: createTranslator(DEFAULT_LOCALE),
  setLocale: () => undefined,
});

export function useI18n(): I18nValue {
  return useContext(I18nContext);
}
