// A linked site's other units, in the site form: each with the day it joined, found by name
// among the units of the whole country a site may take (GET /units/directory?for=model_site)
// — another commune's or province's too, outside the user's scope — and added by choosing
// it, or taken out.
import { RowsEditor } from './rows';
import styles from './style.module.css';
import { TextField } from '../Field';
import { UnitDirectorySearch } from '../UnitDirectory';
import type { Row } from '../../lib/models';
import type { UnitDirectoryEntry } from '../../lib/schema';
import { directoryOptions, placeLabel, type Taken } from '../../lib/unit-directory';
import { formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/use-i18n';

export type ParticipantKey = 'unit_id' | 'unit_name' | 'joined_on';

interface Props {
  /** The list's fieldset: #{id}; row n's date #{id}-{n}-joined; the search #{id}-search. */
  id: string;
  rows: readonly Row<ParticipantKey>[];
  onRows: (rows: Row<ParticipantKey>[]) => void;
  /** The site's own unit, which cannot take part besides (null while not chosen). */
  ownUnitId: number | null;
  /** The day a unit added joins: the site's launch. */
  joinedOn: string;
  /** The most other units the site takes (its `limits.participants`); unknown for a new site. */
  max?: number | undefined;
  labels: { legend: string; joined_on: string };
  /** The list's refusals, in words. */
  error?: string | undefined;
}

export function ParticipantsEditor({ id, rows, onRows, ownUnitId, joinedOn, max, labels, error }: Props) {
  const { t } = useI18n();
  const taken = (unitId: number): Taken | undefined =>
    unitId === ownUnitId ? 'own' : rows.some((row) => row.unit_id === String(unitId)) ? 'chosen' : undefined;
  // The unit named with where it lies, to tell two units of one name apart.
  const add = (unit: UnitDirectoryEntry) => {
    const [option] = directoryOptions([unit], () => undefined);
    onRows([...rows, { unit_id: String(unit.id), unit_name: option ? placeLabel(option) : unit.name, joined_on: joinedOn }]);
  };
  const full = max !== undefined && rows.length >= max;
  const label = (i: number) => t('models.participant_row', { n: i + 1, name: rows[i]?.unit_name ?? '' });
  return (
    <RowsEditor
      id={id}
      legend={labels.legend}
      hint={t('models.participants_hint')}
      rows={rows}
      onRows={onRows}
      max={max}
      rowLabel={label}
      error={error}
      adder={
        <UnitDirectorySearch
          id={`${id}-search`}
          label={t('models.participant_search')}
          hint={full ? t('models.participants_full', { max: formatNumber(max ?? 0) }) : t('models.participant_search_hint')}
          taken={taken}
          purpose="model_site"
          onChoose={add}
          disabled={full}
        />
      }
    >
      {(row, i, setRow) => (
        <>
          <p class={styles.unit} id={`${id}-${i}-unit`} data-unit-id={row.unit_id}>
            {row.unit_name}
          </p>
          <TextField id={`${id}-${i}-joined`} type="date" label={labels.joined_on} required value={row.joined_on} onValue={(v) => setRow('joined_on', v)} />
        </>
      )}
    </RowsEditor>
  );
}
