import type { ComponentChildren } from 'preact';
import styles from './style.module.css';
import { ApiError, type FieldError } from '../../lib/api';
import { fieldErrorMessage, problemDetail, problemTitle } from '../../lib/i18n';
import { useI18n } from '../../lib/use-i18n';

/** A sentence confirming what just happened ("Đã tạo tài khoản …"), read out by screen readers. */
export function StatusMessage({ children }: { children: ComponentChildren }) {
  // The live region stays in the page so that changes to it are announced.
  return (
    <div role="status" aria-live="polite">
      {children ? <p class={`${styles.notice} ${styles.success}`}>{children}</p> : null}
    </div>
  );
}

export function InfoMessage({ children }: { children: ComponentChildren }) {
  return <p class={`${styles.notice} ${styles.info}`}>{children}</p>;
}

/** A refusal or problem said in the app's own words (not a server problem). */
export function AlertMessage({
  title,
  children,
}: {
  title: ComponentChildren;
  children?: ComponentChildren;
}) {
  return (
    <div role="alert" class={`${styles.notice} ${styles.error}`}>
      <p class={styles.title}>{title}</p>
      {children ? <p>{children}</p> : null}
    </div>
  );
}

interface ErrorProps {
  error: unknown;
  /** Field name → label; errors of these fields are listed by label in the summary. */
  fields?: Record<string, string>;
  /** Names the row of a list an error with an `index` belongs to ("Thành viên 3"); "row n" by default. */
  rowLabel?: (entry: FieldError) => string | undefined;
}

/** A server problem (or any error) in words: title, detail, field errors, request id. */
export function ErrorMessage({ error, fields, rowLabel }: ErrorProps) {
  const { t } = useI18n();
  if (!error) return null;
  if (!(error instanceof ApiError)) {
    if (error instanceof DOMException && error.name === 'AbortError') return null;
    return (
      <div role="alert" class={`${styles.notice} ${styles.error}`}>
        <p class={styles.title}>{t('error.unexpected_title')}</p>
        <p>{error instanceof Error ? error.message : String(error)}</p>
      </div>
    );
  }
  const fieldList = error.errors.filter((entry) => entry.line === undefined);
  return (
    <div role="alert" class={`${styles.notice} ${styles.error}`}>
      <p class={styles.title}>{problemTitle(t, error)}</p>
      {problemDetail(t, error) ? <p>{problemDetail(t, error)}</p> : null}
      {error.retryAfter ? <p>{t('error.retry_after', { seconds: error.retryAfter })}</p> : null}
      {fieldList.length > 0 ? (
        <>
          <p>{t('error.summary')}</p>
          <ul>
            {fieldList.map((entry, index) => {
              const label = fields?.[entry.field] ?? entry.field;
              const row = typeof entry.index === 'number' ? (rowLabel?.(entry) ?? t('error.row', { n: entry.index + 1 })) : undefined;
              return <li key={index}>{(row ? `${row} — ${label}` : label) + ': ' + fieldErrorMessage(t, entry)}</li>;
            })}
          </ul>
        </>
      ) : null}
      {error.requestId && error.status >= 500 ? (
        <p class={styles.small}>{t('error.request_id', { id: error.requestId })}</p>
      ) : null}
    </div>
  );
}
