// A unit of the whole country found by its name (GET /units/directory), whatever the user's
// scope: a search field and its result list (a WAI-ARIA 1.2 combobox, list autocomplete), for
// the choices that join a unit of another commune or province — a linked model site's other
// units. The server is asked once typing pauses, for the kinds fit for the purpose (`for`)
// and, when the box is ticked, the units merged or dissolved too; each result says where it
// lies, its kind and code, an ended one its last day, and those that cannot be chosen again
// say why. Choosing one hands it over and empties the field for the next search.
import { useEffect, useState } from 'preact/hooks';
import { Options } from './options';
import picker from '../UnitPicker/style.module.css';
import { CheckboxField, describedBy, FieldFrame } from '../Field';
import { units, type UnitDirectoryQuery } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import type { UnitDirectoryEntry, UnitDirectoryPage } from '../../lib/schema';
import { useAsync } from '../../lib/use-async';
import { useDebounced } from '../../lib/use-debounced';
import { useI18n } from '../../lib/use-i18n';
import {
  DIRECTORY_PAGE,
  directoryOptions,
  directoryTerm,
  enterChoice,
  moveActive,
  SEARCH_DELAY_MS,
  type DirectoryOption,
  type Taken,
} from '../../lib/unit-directory';

const NOT_TAKEN = (): Taken | undefined => undefined;

/** What a look-up asks besides the words: the purpose, and whether ended units count. */
interface Ask {
  purpose: UnitDirectoryQuery['for'] | undefined;
  history: boolean;
}

/** One page of units named like `term`; null when the server could not be asked. */
async function lookUp(term: string, ask: Ask, signal: AbortSignal): Promise<UnitDirectoryPage | null> {
  try {
    const query: UnitDirectoryQuery = { q: term, page_size: DIRECTORY_PAGE };
    if (ask.purpose) query.for = ask.purpose;
    if (ask.history) query.history = true;
    return await units.directory(query, signal);
  } catch (error) {
    if (signal.aborted) throw error;
    return null;
  }
}

export interface UnitDirectorySearchProps {
  /** The input's id (its <label> points at it). */
  id: string;
  label: string;
  hint?: string;
  /** Why a unit cannot be chosen again; none by default. */
  taken?: (id: number) => Taken | undefined;
  /** What the unit is for (`model_site`): the server offers the kinds fit for it; all by default. */
  purpose?: UnitDirectoryQuery['for'];
  onChoose: (unit: UnitDirectoryEntry) => void;
  disabled?: boolean;
  error?: string | undefined;
}

export function UnitDirectorySearch({ id, label, hint, taken = NOT_TAKEN, purpose, onChoose, disabled, error }: UnitDirectorySearchProps) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  // Units merged or dissolved are asked for too.
  const [history, setHistory] = useState(false);
  // The box was just ticked or unticked: the new answer is said though the list is closed.
  const [rechecked, setRechecked] = useState(false);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // What was chosen last, said once to screen readers.
  const [added, setAdded] = useState('');
  const wanted = directoryTerm(text);
  const term = useDebounced(wanted, SEARCH_DELAY_MS);
  const found = useAsync(
    async (signal) => (term ? { term, history, page: await lookUp(term, { purpose, history }, signal) } : undefined),
    [term, history, purpose],
  );
  // The answer for what is asked now (null when the look-up failed); an older one is not shown.
  const current = wanted !== '' && found.data?.term === wanted && found.data.history === history;
  const page = current ? found.data?.page : undefined;
  const options: DirectoryOption[] = page ? directoryOptions(page.items, taken) : [];
  const expanded = open && options.length > 0;
  const activeOption = expanded && active >= 0 ? options[active] : undefined;
  const optionId = (option: DirectoryOption) => `${id}-option-${option.unit.id}`;

  // Keep the option under the keyboard in sight.
  useEffect(() => {
    if (activeOption) document.getElementById(optionId(activeOption))?.scrollIntoView?.({ block: 'nearest' });
  }, [activeOption?.unit.id]);

  const choose = (option: DirectoryOption) => {
    if (option.taken) return;
    onChoose(option.unit);
    setAdded(t('unit_directory.added', { name: option.label }));
    setText('');
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // A key that confirms a word of an input method (Vietnamese Telex) is not a choice.
    if (event.isComposing || event.keyCode === 229) return;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        const down = event.key === 'ArrowDown';
        setOpen(true);
        setActive(moveActive(options, expanded ? active : -1, down ? 1 : -1));
        return;
      }
      case 'Home':
      case 'End':
        if (expanded && active >= 0) {
          event.preventDefault();
          setActive(moveActive(options, active, event.key === 'Home' ? 'first' : 'last'));
        }
        return;
      case 'Enter': {
        // Typed text is a search, never the form's sending.
        if (text.trim() === '') return;
        event.preventDefault();
        const option = open ? enterChoice(options, active) : undefined;
        if (option) choose(option);
        else setOpen(true);
        return;
      }
      case 'Escape':
        if (open || text !== '') event.preventDefault();
        if (open) setOpen(false);
        else setText('');
        setActive(-1);
        return;
      case 'Tab':
        setOpen(false);
        setActive(-1);
        return;
      default:
        return;
    }
  };

  const status =
    wanted === ''
      ? added
      : !current
        ? t('unit_directory.searching')
        : !page
          ? t('unit_directory.failed')
          : options.length === 0
            ? t('unit_directory.none')
            : page.total > page.items.length
              ? t('unit_directory.more', { shown: formatNumber(options.length), total: formatNumber(page.total) })
              : t('unit_directory.count', { count: formatNumber(options.length) });
  const helpId = `${id}-help`;
  const noteId = `${id}-note`;
  const listboxId = `${id}-listbox`;
  const showNote = open && wanted !== '' && options.length === 0;

  return (
    <>
      <FieldFrame id={id} label={label} labelId={`${id}-label`} error={error} hint={hint}>
        <div class={picker.picker} data-unit-directory={id}>
          <div class={picker.control}>
            <input
              id={id}
              type="text"
              role="combobox"
              aria-autocomplete="list"
              aria-expanded={expanded ? 'true' : 'false'}
              aria-controls={listboxId}
              aria-activedescendant={activeOption ? optionId(activeOption) : undefined}
              aria-describedby={[helpId, describedBy(id, error, hint), showNote ? noteId : ''].filter(Boolean).join(' ')}
              aria-busy={wanted !== '' && !current ? 'true' : undefined}
              aria-invalid={error ? 'true' : undefined}
              value={text}
              placeholder={t('unit_directory.placeholder')}
              disabled={disabled}
              autocomplete="off"
              autocapitalize="none"
              spellcheck={false}
              enterKeyHint="search"
              onInput={(event) => {
                setText(event.currentTarget.value);
                setOpen(true);
                setActive(-1);
                setAdded('');
                setRechecked(false);
              }}
              onKeyDown={onKeyDown}
              onBlur={() => {
                setOpen(false);
                setActive(-1);
              }}
              onClick={() => setOpen(true)}
            />
            <div class={picker.popup} hidden={!open || wanted === ''} onMouseDown={(event) => event.preventDefault()}>
              <Options
                id={listboxId}
                labelledBy={`${id}-label`}
                options={options}
                active={active}
                hidden={!expanded}
                optionId={optionId}
                onChoose={choose}
                onHover={setActive}
              />
              {showNote ? (
                <p class={picker.note} id={noteId}>
                  {status}
                </p>
              ) : null}
            </div>
          </div>
          <span id={helpId} class="visually-hidden">
            {t('unit_directory.help')}
          </span>
          <span role="status" class="visually-hidden">
            {open || rechecked || wanted === '' ? status : ''}
          </span>
        </div>
      </FieldFrame>
      <CheckboxField
        id={`${id}-history`}
        label={t('unit_directory.history')}
        checked={history}
        onChecked={(checked) => {
          setHistory(checked);
          setActive(-1);
          setRechecked(true);
        }}
      />
    </>
  );
}
