// One way to choose a unit, wherever a unit is chosen: a combobox (WAI-ARIA 1.2, list
// autocomplete, the choice made by the person) over the user's scoped unit tree. Typing
// filters by name or code, Vietnamese folded (no tones, đ = d), words in any order; each
// option says what the unit is and where it lies, so that two "Thôn 1" tell apart.
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import styles from './style.module.css';
import { describedBy, FieldFrame, invalidClass } from '../Field';
import { formatNumber } from '../../lib/format';
import type { UnitNode } from '../../lib/schema';
import {
  buildUnitSearch,
  searchUnits,
  type UnitEntry,
  type UnitSearchIndex,
} from '../../lib/unit-search';
import { useI18n } from '../../lib/use-i18n';

/** Options drawn at most; beyond that the person is asked to type more. */
export const MAX_OPTIONS = 50;

/** An empty tree that stays the same object (for a picker whose tree is still loading). */
export const NO_UNITS: readonly UnitNode[] = [];

// One index per loaded tree, shared by the pickers of a page.
const indexes = new WeakMap<readonly UnitNode[], UnitSearchIndex>();

/** The search index of a tree (built once per tree). */
export function unitSearchOf(roots: readonly UnitNode[]): UnitSearchIndex {
  let index = indexes.get(roots);
  if (!index) {
    index = buildUnitSearch(roots);
    indexes.set(roots, index);
  }
  return index;
}

export interface UnitPickerProps {
  /** The input's id (its <label> points at it). */
  id: string;
  label: ComponentChildren;
  /** The units to choose from: the user's scoped tree (GET /units/tree). */
  roots: readonly UnitNode[];
  /** The chosen unit's id, or null. */
  value: number | null;
  onValue: (id: number | null) => void;
  /** Which units are offered (communes only, not the unit being moved…); all by default. */
  accept?: (unit: UnitNode) => boolean;
  /** Shown for a chosen unit that is not in the tree (a user's unit outside one's scope). */
  valueLabel?: string;
  /** The name under which a <form> sends the id; the id by default. */
  name?: string;
  required?: boolean;
  disabled?: boolean;
  /** The tree is still on its way. */
  loading?: boolean;
  error?: string | undefined;
  hint?: ComponentChildren;
  placeholder?: string;
}

export function UnitPicker({
  id,
  label,
  roots,
  value,
  onValue,
  accept,
  valueLabel,
  name,
  required,
  disabled,
  loading,
  error,
  hint,
  placeholder,
}: UnitPickerProps) {
  const { t } = useI18n();
  const index = unitSearchOf(roots);
  const input = useRef<HTMLInputElement>(null);
  // What the person typed since the last choice; null shows the chosen unit's name.
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  const chosen = value === null ? undefined : index.byId.get(value);
  const chosenLabel = chosen ? chosen.label : value === null ? '' : (valueLabel ?? `#${value}`);

  // A value set from outside (a reset, another choice) shows its own name.
  useEffect(() => setQuery(null), [value]);

  const matches = useMemo(
    () => (open ? searchUnits(index.entries, query ?? '', accept) : []),
    [open, index, query, accept],
  );
  const shown = matches.length > MAX_OPTIONS ? matches.slice(0, MAX_OPTIONS) : matches;
  const expanded = open && shown.length > 0;
  const optionId = (entry: UnitEntry) => `${id}-option-${entry.unit.id}`;
  const activeEntry = expanded && active >= 0 ? shown[active] : undefined;

  // Keep the option under the keyboard in sight.
  useEffect(() => {
    if (!activeEntry) return;
    const element = document.getElementById(optionId(activeEntry));
    element?.scrollIntoView?.({ block: 'nearest' });
  }, [activeEntry]);

  const choose = (entry: UnitEntry) => {
    setOpen(false);
    setActive(-1);
    setQuery(null);
    if (entry.unit.id !== value) onValue(entry.unit.id);
  };

  /** Opens the list with the chosen unit under the keyboard, else the first or last. */
  const openAt = (edge: 'first' | 'last' | 'none') => {
    setOpen(true);
    const options = searchUnits(index.entries, query ?? '', accept).slice(0, MAX_OPTIONS);
    const at = options.findIndex((entry) => entry.unit.id === value);
    if (at >= 0 && query === null) setActive(at);
    else setActive(edge === 'none' ? -1 : edge === 'first' ? 0 : options.length - 1);
  };

  const close = () => {
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // A key that confirms a word of an input method (Vietnamese Telex) is not a choice.
    if (disabled || event.isComposing || event.keyCode === 229) return;
    const count = shown.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!expanded) openAt(event.altKey ? 'none' : 'first');
        else if (!event.altKey) setActive(active < 0 || active >= count - 1 ? 0 : active + 1);
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (!expanded) openAt(event.altKey ? 'none' : 'last');
        else if (event.altKey) {
          close();
          setQuery(null);  // the text shown is the chosen unit's again, as what Enter sends
        } else setActive(active <= 0 ? count - 1 : active - 1);
        return;
      case 'Home':
      case 'End':
        // In the list they move to its ends; otherwise the caret moves in the text.
        if (expanded && active >= 0) {
          event.preventDefault();
          setActive(event.key === 'Home' ? 0 : count - 1);
        }
        return;
      case 'PageDown':
      case 'PageUp':
        if (expanded && active >= 0) {
          event.preventDefault();
          setActive(
            event.key === 'PageDown' ? Math.min(count - 1, active + 10) : Math.max(0, active - 10),
          );
        }
        return;
      case 'Enter':
        // Chooses the option under the keyboard; with the list closed the form is sent.
        if (!open) return;
        event.preventDefault();
        if (activeEntry) choose(activeEntry);
        else if (matches.length === 1 && shown[0]) choose(shown[0]);
        return;
      case 'Escape':
        if (open) {
          event.preventDefault();
          close();
          setQuery(null);
        } else if (query !== null) {
          event.preventDefault();
          setQuery(null);
        }
        return;
      case 'Tab':
        close();
        return;
      default:
        return;
    }
  };

  const onInput = (event: Event) => {
    const text = (event.currentTarget as HTMLInputElement).value;
    setQuery(text);
    setOpen(true);
    setActive(-1);
  };

  const onBlur = () => {
    close();
    if (query !== null) {
      // Emptying the text and leaving clears the choice; other text goes back to the choice.
      if (query.trim() === '' && value !== null) onValue(null);
      setQuery(null);
    }
  };

  const clear = () => {
    setQuery(null);
    close();
    if (value !== null) onValue(null);
    input.current?.focus();
  };

  const text = query ?? chosenLabel;
  const labelId = `${id}-label`;
  const listboxId = `${id}-listbox`;
  const helpId = `${id}-help`;
  const moreId = `${id}-more`;
  const truncated = open && matches.length > shown.length;
  const described = [helpId, describedBy(id, error, hint), truncated ? moreId : '']
    .filter(Boolean)
    .join(' ');
  const status = !open
    ? ''
    : matches.length === 0
      ? loading
        ? t('unit_picker.loading')
        : t('unit_picker.none')
      : truncated
        ? t('unit_picker.more', {
            shown: formatNumber(shown.length),
            total: formatNumber(matches.length),
          })
        : t('unit_picker.count', { count: formatNumber(matches.length) });

  return (
    <FieldFrame
      id={id}
      label={label}
      labelId={labelId}
      required={required}
      error={error}
      hint={hint}
    >
      <div class={styles.picker} data-unit-picker={id}>
        <div class={styles.control}>
          <input
            ref={input}
            id={id}
            type="text"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={expanded ? 'true' : 'false'}
            aria-controls={listboxId}
            aria-activedescendant={activeEntry ? optionId(activeEntry) : undefined}
            aria-required={required ? 'true' : undefined}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={described}
            aria-busy={loading ? 'true' : undefined}
            class={`${styles.input} ${error ? invalidClass : ''}`}
            value={text}
            placeholder={
              loading ? t('unit_picker.loading') : (placeholder ?? t('unit_picker.placeholder'))
            }
            disabled={disabled}
            autocomplete="off"
            autocapitalize="none"
            spellcheck={false}
            data-value={value ?? ''}
            onInput={onInput}
            onKeyDown={onKeyDown}
            onBlur={onBlur}
            // The chosen name is selected: typing replaces it with a search.
            onFocus={(event) => {
              if (query === null && value !== null) event.currentTarget.select();
            }}
            onClick={() => {
              if (!disabled && !open) openAt('none');
            }}
          />
          {!disabled && (value !== null || (query ?? '') !== '') ? (
            <button
              type="button"
              class={styles.clear}
              id={`${id}-clear`}
              aria-label={
                value !== null
                  ? t('unit_picker.clear', { name: chosenLabel })
                  : t('unit_picker.clear_text')
              }
              onClick={clear}
            >
              <span aria-hidden="true">×</span>
            </button>
          ) : null}
          <input type="hidden" id={`${id}-value`} name={name ?? id} value={value ?? ''} />
          <div
            class={styles.popup}
            hidden={!open}
            // Keep the focus in the input when the list's scrollbar or its notes are pressed.
            onMouseDown={(event) => event.preventDefault()}
          >
            <ul
              id={listboxId}
              role="listbox"
              aria-labelledby={labelId}
              class={styles.listbox}
              hidden={!expanded}
            >
              {shown.map((entry, i) => (
                <li
                  key={entry.unit.id}
                  id={optionId(entry)}
                  role="option"
                  aria-selected={entry.unit.id === value ? 'true' : 'false'}
                  data-unit-id={entry.unit.id}
                  class={`${styles.option} ${i === active ? styles.active : ''}`}
                  onClick={() => choose(entry)}
                  onMouseMove={() => {
                    if (i !== active) setActive(i);
                  }}
                >
                  <span class={styles.name}>{entry.label}</span>
                  <span class={styles.meta}>
                    <span class="visually-hidden">, </span>
                    {t(`unit_kind.${entry.unit.kind}`)} ·{' '}
                    <span class={styles.code}>{entry.unit.code}</span>
                    {entry.path.length > 0 ? (
                      <>
                        <span class="visually-hidden">,</span> ·{' '}
                        {t('unit_picker.path', { path: entry.path.join(' › ') })}
                      </>
                    ) : null}
                  </span>
                </li>
              ))}
            </ul>
            {open && (matches.length === 0 || truncated) ? (
              <p class={styles.note} id={moreId}>
                {status}
              </p>
            ) : null}
          </div>
        </div>
        <span id={helpId} class="visually-hidden">
          {t('unit_picker.help')}
        </span>
        <span role="status" class="visually-hidden">
          {status}
        </span>
      </div>
    </FieldFrame>
  );
}
