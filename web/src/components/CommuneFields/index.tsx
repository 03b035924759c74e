// The commune a form is about (one of the officer's) and, optionally, one of its villages.
import { useMemo, useState } from 'preact/hooks';
import { NO_UNITS, UnitPicker } from '../UnitPicker';
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
  /** The chosen commune as a tree of its own (what the village picker searches). */
  communeTree: readonly UnitNode[];
}

/** The choice of commune and village; an officer of a single commune has it chosen already. */
export function useCommuneChoice(
  communes: readonly UnitNode[],
  initialUnitId: number | null = null,
  initialVillageId: number | null = null,
): CommuneChoice {
  const only = communes.length === 1 ? communes[0] : undefined;
  const [unitId, setUnit] = useState(
    initialUnitId !== null ? String(initialUnitId) : only ? String(only.id) : '',
  );
  const [villageId, setVillageId] = useState(initialVillageId !== null ? String(initialVillageId) : '');
  const commune = communes.find((c) => String(c.id) === unitId);
  const communeTree = useMemo(() => (commune ? [commune] : NO_UNITS), [commune]);
  return {
    communes,
    unitId,
    setUnitId: (value) => {
      setUnit(value);
      setVillageId('');
    },
    villageId,
    setVillageId,
    commune,
    communeTree,
  };
}

interface PickerProps {
  id: string;
  label: string;
  choice: CommuneChoice;
  /** Shown while nothing is chosen: "— Chọn xã —", "— Không gắn thôn —". */
  placeholder: string;
  error?: string | undefined;
}

const asId = (value: string) => (value ? Number(value) : null);
const asText = (id: number | null) => (id === null ? '' : String(id));

/** The commune (required), among the officer's; chosen already when there is only one. */
export function CommunePicker({ id, label, choice, placeholder, error }: PickerProps) {
  const ids = useMemo(() => new Set(choice.communes.map((c) => c.id)), [choice.communes]);
  return (
    <UnitPicker
      id={id}
      label={label}
      roots={choice.communes}
      accept={(unit) => ids.has(unit.id)}
      value={asId(choice.unitId)}
      onValue={(value) => choice.setUnitId(asText(value))}
      placeholder={placeholder}
      error={error}
      required
    />
  );
}

/** A village of the chosen commune, or none; unavailable until a commune is chosen. */
export function VillagePicker({ id, label, choice, placeholder, error }: PickerProps) {
  const villages = useMemo(
    () => new Set(villagesOf(choice.commune).map((v) => v.id)),
    [choice.commune],
  );
  return (
    <UnitPicker
      id={id}
      label={label}
      roots={choice.communeTree}
      accept={(unit) => villages.has(unit.id)}
      value={asId(choice.villageId)}
      onValue={(value) => choice.setVillageId(asText(value))}
      placeholder={placeholder}
      error={error}
      disabled={!choice.commune}
    />
  );
}
