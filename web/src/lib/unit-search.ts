// Finding a unit by what a person types: Vietnamese folded to plain letters (đ → d, no
// tones), every word in any order, against the unit's name, designation, code and, with a
// lower rank, the names of the units above it.
import { unitLabel } from './format';
import type { UnitNode } from './schema';

/** "Xã Tân Trào" → "xa tan trao": lower case, no diacritics, đ/Đ → d, spaces collapsed. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A unit of the tree with what the picker shows and searches. */
export interface UnitEntry {
  unit: UnitNode;
  /** "Xã Tân Trào" (unitLabel). */
  label: string;
  /** The units above it, nearest first, the country left out: ["Tỉnh Tuyên Quang"]. */
  path: string[];
  /** Ids of the units above it, nearest first (the country too). */
  ancestorIds: number[];
  /** Folded label and code. */
  own: string;
  /** Folded name alone, and folded code. */
  name: string;
  code: string;
  /** Folded names of the units above. */
  above: string;
}

export interface UnitSearchIndex {
  entries: UnitEntry[];
  byId: Map<number, UnitEntry>;
}

const collator = new Intl.Collator('vi', { numeric: true });

/** Every unit of the tree, a parent before its children, siblings by name ("Thôn 2" before
 *  "Thôn 10"). */
export function buildUnitSearch(roots: readonly UnitNode[]): UnitSearchIndex {
  const entries: UnitEntry[] = [];
  const byId = new Map<number, UnitEntry>();
  const walk = (nodes: readonly UnitNode[], path: string[], ancestorIds: number[]) => {
    const sorted = [...nodes].sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id);
    for (const unit of sorted) {
      const label = unitLabel(unit);
      const entry: UnitEntry = {
        unit,
        label,
        path,
        ancestorIds,
        own: foldText(`${label} ${unit.code}`),
        name: foldText(unit.name),
        code: foldText(unit.code),
        above: foldText(path.join(' ')),
      };
      entries.push(entry);
      byId.set(unit.id, entry);
      const below = unit.kind === 'country' ? path : [label, ...path];
      walk(unit.children, below, [unit.id, ...ancestorIds]);
    }
  };
  walk(roots, [], []);
  return { entries, byId };
}

/** True when `id` is `root` or lies under it. */
export function isWithin(index: UnitSearchIndex, id: number, root: number): boolean {
  if (id === root) return true;
  return index.byId.get(id)?.ancestorIds.includes(root) ?? false;
}

/** Words of a query, folded; "" and spaces give none. */
export function queryWords(query: string): string[] {
  const folded = foldText(query);
  return folded ? folded.split(' ') : [];
}

/**
 * The entries matching every word of `query` (all of them for an empty query), best first:
 * the code typed exactly, then names starting with the query, then every word in the unit's
 * own name or code, then some of them in the names above it ("thon 1 tan trao").
 * Within a rank the tree's order is kept.
 */
export function searchUnits(
  entries: readonly UnitEntry[],
  query: string,
  accept?: (unit: UnitNode) => boolean,
): UnitEntry[] {
  const words = queryWords(query);
  const phrase = words.join(' ');
  const ranks: UnitEntry[][] = [[], [], [], []];
  for (const entry of entries) {
    if (accept && !accept(entry.unit)) continue;
    if (words.length === 0) {
      ranks[2].push(entry);
      continue;
    }
    // Every word in the unit's own name or code, or some there and the rest in the names
    // above it; words only in the names above do not make a match.
    let own = true;
    let some = false;
    let all = true;
    for (const word of words) {
      if (entry.own.includes(word)) {
        some = true;
        continue;
      }
      own = false;
      if (!entry.above.includes(word)) {
        all = false;
        break;
      }
    }
    if (!all || !some) continue;
    if (!own) ranks[3].push(entry);
    else if (entry.code === phrase) ranks[0].push(entry);
    else if (entry.own.startsWith(phrase) || entry.name.startsWith(phrase))
      ranks[1].push(entry);
    else ranks[2].push(entry);
  }
  return ranks.flat();
}
