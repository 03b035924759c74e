// Finding a unit of the whole country (GET /units/directory), whatever the user's scope: for
// the choices that join a unit of another commune or province, such as a linked model site's
// other units. The server matches the folded name and keeps the kinds fit for the purpose
// (`for`); this file says when to ask it, how its answers are offered (each with where it
// lies, an ended one with its last day) and how the keyboard moves among them.
import { foldText } from './unit-search';
import { unitLabel } from './format';
import type { UnitDirectoryEntry } from './schema';

/** Letters typed before the server is asked: one letter matches half the country. */
export const MIN_TERM = 2;
/** The pause in typing before the server is asked, in milliseconds. */
export const SEARCH_DELAY_MS = 300;
/** Results asked for at a time (the server gives 50 at most). */
export const DIRECTORY_PAGE = 20;

/** What is sent as `q`: the text with its spaces collapsed, '' while too short to ask. */
export function directoryTerm(text: string): string {
  const term = text.trim().replace(/\s+/g, ' ');
  return foldText(term).replace(/ /g, '').length >= MIN_TERM ? term : '';
}

/** Why a unit found cannot be chosen again: the site's own unit, or one in the list already. */
export type Taken = 'own' | 'chosen';

/** A unit found, as the list offers it. */
export interface DirectoryOption {
  unit: UnitDirectoryEntry;
  /** "Xã Kiến Thiết" (unitLabel). */
  label: string;
  /** Where it lies, nearest first: "Hùng Lợi, Tuyên Quang"; '' for a province. */
  within: string;
  /** The last day of a unit no longer in force (merged, dissolved), yyyy-mm-dd. */
  ended?: string;
  /** Set when it is shown but cannot be chosen. */
  taken?: Taken;
}

/** A unit with where it lies: "Thôn 1 — Hùng Lợi, Tuyên Quang" (two units of one name told apart). */
export function placeLabel(option: Pick<DirectoryOption, 'label' | 'within'>): string {
  return option.within ? `${option.label} — ${option.within}` : option.label;
}

/**
 * The units of an answer the list offers, in the server's order (which kinds, the server
 * says: `for`), each with where it lies, an ended one with its last day, and marked when
 * `taken` says it cannot be chosen again.
 */
export function directoryOptions(items: readonly UnitDirectoryEntry[], taken: (id: number) => Taken | undefined): DirectoryOption[] {
  return items.map((unit) => {
    const option: DirectoryOption = { unit, label: unitLabel(unit), within: unit.within.join(', ') };
    if (!unit.active && unit.valid_to) option.ended = unit.valid_to;
    const why = taken(unit.id);
    if (why) option.taken = why;
    return option;
  });
}

/**
 * The option under the keyboard after a move: `step` +1 (down) or -1 (up) from `active` (-1
 * for none), wrapping round, over the options that can be chosen; `'first'`/`'last'` go to
 * the ends. -1 when none can be chosen.
 */
export function moveActive(options: readonly DirectoryOption[], active: number, step: 1 | -1 | 'first' | 'last'): number {
  const count = options.length;
  if (count === 0) return -1;
  const start = step === 'first' ? -1 : step === 'last' ? count : active < 0 ? (step === 1 ? -1 : count) : active;
  const direction = step === 'first' || step === 1 ? 1 : -1;
  const wraps = step === 1 || step === -1;
  for (let i = 1; i <= count; i += 1) {
    let at = start + direction * i;
    if (wraps) at = (at + count) % count;
    else if (at < 0 || at >= count) break;
    if (!options[at]?.taken) return at;
  }
  return -1;
}

/** The option Enter chooses: the one under the keyboard, else the only one that can be chosen. */
export function enterChoice(options: readonly DirectoryOption[], active: number): DirectoryOption | undefined {
  const current = active >= 0 ? options[active] : undefined;
  if (current) return current.taken ? undefined : current;
  const open = options.filter((option) => !option.taken);
  return open.length === 1 ? open[0] : undefined;
}
