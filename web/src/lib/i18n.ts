// Messages come from the catalogs shared with the server (i18n/*.json): server problems
// under "problem.<slug>", field errors under "field_error.<code>", this app under "web.*".
import vi from '../../../i18n/vi.json';
import en from '../../../i18n/en.json';
import type { Locale } from './schema';
import type { ApiError, FieldError } from './api';

type Catalog = typeof vi;

// Compile-time guarantee that both catalogs carry the same keys.
const catalogs: Record<Locale, Catalog> = {
  vi: vi satisfies typeof en,
  en: en satisfies Catalog,
};

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A key of this app's messages, relative to "web.": "login.title" means "web.login.title". */
export type MessageKey = Leaves<Catalog['web']>;

export type Params = Record<string, string | number>;

export const LOCALES: readonly Locale[] = ['vi', 'en'];
export const DEFAULT_LOCALE: Locale = 'vi';
const STORAGE_KEY = 'antq.locale';

export function isLocale(value: unknown): value is Locale {
  return value === 'vi' || value === 'en';
}

function lookup(locale: Locale, key: string): string | undefined {
  let node: unknown = catalogs[locale];
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

function interpolate(message: string, params?: Params): string {
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export interface Translator {
  /** A message of this app, checked at compile time: t('login.title'). */
  (key: MessageKey, params?: Params): string;
  /** Any message by its full key built at run time ("problem.<slug>.title",
   *  "web.role.<role>"); `fallback` when the catalog lacks it. */
  dynamic(key: string, fallback: string, params?: Params): string;
  locale: Locale;
}

export function createTranslator(locale: Locale): Translator {
  const t = ((key: MessageKey, params?: Params) =>
    interpolate(lookup(locale, `web.${key}`) ?? key, params)) as Translator;
  t.dynamic = (key, fallback, params) => interpolate(lookup(locale, key) ?? fallback, params);
  t.locale = locale;
  return t;
}

/** The locale chosen before login (or vi). */
export function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

// ---- Server problems -------------------------------------------------------------------

export function problemTitle(t: Translator, error: ApiError): string {
  if (error.slug === 'network') return t('error.network_title');
  return t.dynamic(`problem.${error.slug}.title`, error.title || t('error.unexpected_title'));
}

export function problemDetail(t: Translator, error: ApiError): string {
  if (error.slug === 'network') return t('error.network_detail');
  // The server's own detail is more specific (and localized through Accept-Language).
  return error.detail || t.dynamic(`problem.${error.slug}.detail`, '');
}

export function fieldErrorMessage(t: Translator, error: FieldError): string {
  return t.dynamic(`field_error.${error.code}`, error.message || error.code);
}

/** Field name → localized message, for showing errors next to their inputs. An error of
 *  one row of a list (with an `index`) is its row's, not the list's: lib/models rowErrors. */
export function fieldErrors(t: Translator, error: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!error || typeof error !== 'object' || !('errors' in error)) return result;
  for (const entry of (error as ApiError).errors) {
    if (entry.line !== undefined || typeof entry.index === 'number') continue;
    if (!(entry.field in result)) result[entry.field] = fieldErrorMessage(t, entry);
  }
  return result;
}
