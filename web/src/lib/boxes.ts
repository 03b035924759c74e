// Paper mailboxes as the web app needs them: the local time of an opening, which openings
// to offer when registering a letter, and the opening form's own checks.
import { formatNumber, vietnamLocalInput } from './format';
import type { Translator } from './i18n';
import type { Opening, Box, UnitNode } from './schema';

export { vietnamLocalInput };

/** Openings offered in the register form's list (the most recent ones). */
export const RECENT_OPENINGS = 20;
export const MAX_PEOPLE = 20;
export const MAX_LETTERS = 500;

/** A datetime-local value "2026-11-28T09:30" → "28/11/2026 09:30"; "" when it is not one. */
export function localInputText(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return '';
  return `${match[3]}/${match[2]}/${match[1]} ${match[4]}:${match[5]}`;
}

/** "2026-11-28T02:30:00Z" → "28/11/2026" as the date in Vietnam. */
export function vietnamDate(iso: string): string {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return iso;
  const local = vietnamLocalInput(instant);
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`;
}

/**
 * "2026-11-28T02:30:00Z" → "28/11/2026 09:30": an opening's time as it was entered (Vietnam's
 * wall clock, whatever the browser's time zone).
 */
export function vietnamDateTime(iso: string): string {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return iso;
  return `${vietnamDate(iso)} ${vietnamLocalInput(instant).slice(11, 16)}`;
}

/** Letters of an opening not yet registered as tips. */
export function lettersLeft(opening: Pick<Opening, 'letters' | 'registered'>): number {
  return Math.max(0, opening.letters - opening.registered);
}

/** "Hòm ở Chợ Tân Trào — mở ngày 28/11/2026 (1/2 thư)". */
export function openingLabel(t: Translator, opening: Opening): string {
  return t('boxes.opening_option', {
    place: opening.box_place,
    date: vietnamDate(opening.opened_at),
    registered: formatNumber(opening.registered),
    letters: formatNumber(opening.letters),
  });
}

/**
 * The openings to offer for a new letter: newest first, the most recent `limit`, plus the
 * one asked for (`keepId`) even when older.
 */
export function recentOpenings(
  openings: readonly Opening[],
  limit = RECENT_OPENINGS,
  keepId: number | null = null,
): Opening[] {
  const sorted = [...openings].sort(
    (a, b) => Date.parse(b.opened_at) - Date.parse(a.opened_at) || b.id - a.id,
  );
  const shown = sorted.slice(0, limit);
  const kept = sorted.find((o) => o.id === keepId);
  if (kept && !shown.includes(kept)) shown.push(kept);
  return shown;
}

/** Boxes grouped by commune, communes and boxes in name order (active boxes first). */
export function groupByCommune(
  list: readonly Box[],
): { unitId: number; unitName: string; boxes: Box[] }[] {
  const groups = new Map<number, { unitId: number; unitName: string; boxes: Box[] }>();
  for (const box of list) {
    const group = groups.get(box.unit_id) ?? {
      unitId: box.unit_id,
      unitName: box.unit_name,
      boxes: [],
    };
    group.boxes.push(box);
    groups.set(box.unit_id, group);
  }
  const byName = (a: string, b: string) => a.localeCompare(b, 'vi');
  const result = [...groups.values()].sort((a, b) => byName(a.unitName, b.unitName));
  for (const group of result) {
    group.boxes.sort(
      (a, b) => Number(b.active) - Number(a.active) || byName(a.place, b.place) || a.id - b.id,
    );
  }
  return result;
}

export const COMMUNE_KINDS: readonly string[] = ['commune', 'ward', 'special_zone'];

/** The communes (xã, phường, đặc khu) in a loaded tree that are still active. */
export function communesOf(roots: readonly UnitNode[]): UnitNode[] {
  const out: UnitNode[] = [];
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    if (COMMUNE_KINDS.includes(node.kind) && node.active) out.push(node);
    for (const child of node.children) stack.push(child);
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** A commune's villages and residential groups (thôn, tổ dân phố) still active. */
export function villagesOf(commune: UnitNode | undefined): UnitNode[] {
  if (!commune) return [];
  return commune.children
    .filter((child) => child.kind === 'residential_area' && child.active)
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

export interface OpeningDraft {
  openedAt: string;
  people: { name: string; position: string }[];
  letters: string;
  number: string;
  notes: string;
}

/** What the opening form can tell before sending (same codes and fields as the server). */
export function checkOpening(draft: OpeningDraft): { field: string; code: string }[] {
  const errors: { field: string; code: string }[] = [];
  if (!draft.openedAt) errors.push({ field: 'opened_at', code: 'required' });
  else if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(draft.openedAt))
    errors.push({ field: 'opened_at', code: 'invalid_date' });
  draft.people.forEach((person, index) => {
    if (!person.name.trim()) errors.push({ field: `people[${index}].name`, code: 'required' });
    if (!person.position.trim())
      errors.push({ field: `people[${index}].position`, code: 'required' });
  });
  if (draft.people.length < 2) errors.push({ field: 'people', code: 'at_least_two' });
  if (draft.people.length > MAX_PEOPLE) errors.push({ field: 'people', code: 'too_long' });
  const letters = draft.letters.trim();
  if (!letters) errors.push({ field: 'letters', code: 'required' });
  else if (!/^\d+$/.test(letters) || Number(letters) > MAX_LETTERS)
    errors.push({ field: 'letters', code: 'invalid_format' });
  return errors;
}
