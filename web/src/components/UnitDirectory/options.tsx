// The result list of the unit directory search: one option per unit found, its name, then
// its kind and code (and why it cannot be chosen again, when it cannot).
import picker from '../UnitPicker/style.module.css';
import styles from './style.module.css';
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
    <ul id={id} role="listbox" aria-labelledby={labelledBy} class={picker.listbox} hidden={hidden}>
      {options.map((option, i) => (
        <li
          key={option.unit.id}
          id={optionId(option)}
          role="option"
          aria-selected="false"
          aria-disabled={option.taken ? 'true' : undefined}
          data-unit-id={option.unit.id}
          class={`${picker.option} ${i === active ? picker.active : ''} ${option.taken ? styles.taken : ''}`}
          onClick={() => onChoose(option)}
          onMouseMove={() => {
            if (i !== active && !option.taken) onHover(i);
          }}
        >
          <span class={picker.name}>{option.label}</span>
          <span class={picker.meta}>
            <span class="visually-hidden">, </span>
            {t(`unit_kind.${option.unit.kind}`)} · <span class={picker.code}>{option.unit.code}</span>
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
