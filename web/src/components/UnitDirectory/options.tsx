// The result list of the unit directory search: one option per unit found, its name and
// where it lies ("Thôn 1 — Hùng Lợi, Tuyên Quang"), then its kind and code, its last day when
// it is no longer in force, and why it cannot be chosen again, when it cannot. The option
// under the keyboard is the selected one (aria-selected), as a combobox's list has it.
import picker from '../UnitPicker/style.module.css';
import styles from './style.module.css';
import { formatDate } from '../../lib/format';
import type { DirectoryOption } from '../../lib/unit-directory';
import { useI18n } from '../../lib/use-i18n';

interface Props {
  id: string;
  labelledBy: string;
  options: readonly DirectoryOption[];
  /** The option under the keyboard, -1 for none. */
  active: number;
  hidden: boolean;
  optionId: (option: DirectoryOption) => string;
  onChoose: (option: DirectoryOption) => void;
  onHover: (index: number) => void;
}

export function Options({ id, labelledBy, options, active, hidden, optionId, onChoose, onHover }: Props) {
  const { t } = useI18n();
  return (
    <ul id={id} role="listbox" aria-labelledby={labelledBy} class={`${picker.listbox} ${styles.options}`} hidden={hidden}>
      {options.map((option, i) => (
        <li
          key={option.unit.id}
          id={optionId(option)}
          role="option"
          aria-selected={i === active ? 'true' : 'false'}
          aria-disabled={option.taken ? 'true' : undefined}
          data-unit-id={option.unit.id}
          class={`${picker.option} ${i === active ? picker.active : ''} ${option.taken ? styles.taken : ''}`}
          onClick={() => onChoose(option)}
          onMouseMove={() => {
            if (i !== active && !option.taken) onHover(i);
          }}
        >
          <span class={picker.name}>
            {option.label}
            {option.within ? <span class={styles.within}> — {option.within}</span> : null}
          </span>
          <span class={picker.meta}>
            <span class="visually-hidden">, </span>
            {t(`unit_kind.${option.unit.kind}`)} · <span class={picker.code}>{option.unit.code}</span>
            {option.ended ? (
              <>
                <span class="visually-hidden">,</span> · <span class={styles.ended}>{t('unit_directory.ended', { date: formatDate(option.ended) })}</span>
              </>
            ) : null}
            {option.taken ? (
              <>
                <span class="visually-hidden">,</span> · {t(`unit_directory.taken_${option.taken}`)}
              </>
            ) : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
