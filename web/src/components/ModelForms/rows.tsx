// A list typed row by row, sent whole (a site's board, a team's members, a linked site's
// other units): each row a group of fields under its own hidden legend with a button
// taking it out, a button adding a blank one (up to the limit the site gives) or the
// caller's own way of adding one (a search), and the list's refusals under it. The rows'
// fields are the caller's, each with its own refusal; a row refused is marked.
import type { ComponentChildren } from 'preact';
import styles from './style.module.css';
import type { Row } from '../../lib/models';
import { useI18n } from '../../lib/use-i18n';

interface Props<K extends string> {
  /** The list's fieldset: #{id}; row n's fields are the caller's (#{id}-{n}-…). */
  id: string;
  legend: string;
  hint?: string;
  rows: readonly Row<K>[];
  onRows: (rows: Row<K>[]) => void;
  /** A new, empty row, added by the button labelled `addLabel`; without them, `adder` adds rows. */
  blank?: () => Row<K>;
  /** The most rows the server takes (the site's `limits`); no limit when unknown (a new site). */
  max?: number | undefined;
  addLabel?: string;
  /** What adds a row instead of the button (a search choosing the row's unit). */
  adder?: ComponentChildren;
  /** Names row n for screen readers: "Thành viên 2". */
  rowLabel: (index: number) => string;
  /** Whether row n holds a refusal (its fields say which). */
  rowInvalid?: (index: number) => boolean;
  /** The list's refusals, in words. */
  error?: string | undefined;
  /** Row n's fields; `set` changes one of its values. */
  children: (row: Row<K>, index: number, set: (key: K, value: string) => void) => ComponentChildren;
}

export function RowsEditor<K extends string>({ id, legend, hint, rows, onRows, blank, max, addLabel, adder, rowLabel, rowInvalid, error, children }: Props<K>) {
  const { t } = useI18n();
  const change = (index: number, key: K, value: string) =>
    onRows(rows.map((row, i) => (i === index ? ({ ...row, [key]: value } as Row<K>) : row)));
  return (
    <fieldset id={id} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {hint ? <p class="muted">{hint}</p> : null}
      {rows.length === 0 ? <p class="muted" id={`${id}-none`}>{t('models.rows_none')}</p> : null}
      <ol class={styles.rows}>
        {rows.map((row, index) => (
          <li key={index} data-row={index} data-invalid={rowInvalid?.(index) ? 'true' : undefined}>
            <fieldset class={rowInvalid?.(index) ? `${styles.row} ${styles.invalid}` : styles.row}>
              <legend class="visually-hidden">{rowLabel(index)}</legend>
              <div class="form-grid">{children(row, index, (key, value) => change(index, key, value))}</div>
              <div class="actions">
                <button type="button" class="secondary" id={`${id}-${index}-remove`} onClick={() => onRows(rows.filter((_, i) => i !== index))}>
                  {t('models.row_remove')}
                  <span class="visually-hidden"> ({rowLabel(index)})</span>
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      {blank ? (
        <div class="actions">
          <button type="button" class="secondary" id={`${id}-add`} disabled={max !== undefined && rows.length >= max} onClick={() => onRows([...rows, blank()])}>
            {addLabel}
          </button>
        </div>
      ) : (
        adder
      )}
      {error ? (
        <p id={`${id}-error`} class={styles.error}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
