// The commune a form is about (one of the officer's) and, optionally, one of its villages.
import { useState } from 'preact/hooks';
import { SelectField } from '../Field';
import { villagesOf } from '../../lib/boxes';
import type { UnitNode } from '../../lib/schema';

export interface CommuneChoice {
  communes: readonly UnitNode[];
  unitId: string;
  /** Choosing another commune clears the village (it belonged to the former one). */
  setUnitId: (value: string) => void;
  villageId: string;
  setVillageId: (value: string) => void;
  /** The chosen commune, with its villages. */
  commune: UnitNode | undefined;
}

/** The choice of commune and village; an officer of a single commune has it chosen already. */
export function useCommuneChoice(
  communes: readonly UnitNode[],
  initialUnitId: number | null = null,
): CommuneChoice {
  const only = communes.length === 1 ? communes[0] : undefined;
  const [unitId, setUnit] = useState(
    initialUnitId !== null ? String(initialUnitId) : only ? String(only.id) : '',
  );
  const [villageId, setVillageId] = useState('');
  return {
    communes,
    unitId,
    setUnitId: (value) => {
      setUnit(value);
      setVillageId('');
    },
    villageId,
    setVillageId,
    commune: communes.find((c) => String(c.id) === unitId),
  };
}

interface SelectProps {
  id: string;
  label: string;
  choice: CommuneChoice;
  /** The first line: "— Chọn xã —" for the commune, "— Không gắn thôn —" for the village. */
  placeholder: string;
  error?: string | undefined;
}

/** The commune (required); no "choose" line when the officer has only one. */
export function CommuneSelect({ id, label, choice, placeholder, error }: SelectProps) {
  return (
    <SelectField
      id={id}
      label={label}
      value={choice.unitId}
      onValue={choice.setUnitId}
      options={choice.communes.map((c) => ({ value: String(c.id), label: c.name }))}
      placeholder={choice.communes.length === 1 ? undefined : placeholder}
      error={error}
      required
    />
  );
}

/** A village of the chosen commune, or none; unavailable until a commune is chosen. */
export function VillageSelect({ id, label, choice, placeholder, error }: SelectProps) {
  return (
    <SelectField
      id={id}
      label={label}
      value={choice.villageId}
      onValue={choice.setVillageId}
      options={villagesOf(choice.commune).map((v) => ({ value: String(v.id), label: v.name }))}
      placeholder={placeholder}
      error={error}
      disabled={!choice.commune}
    />
  );
}
