import { unitLabel } from './format';
import type { UnitNode } from './schema';

/** Lookups over a loaded unit tree. */
export interface UnitIndex {
  byId: Map<number, UnitNode>;
  byCode: Map<string, UnitNode>;
  /** Display name of a unit by id, "#id" when it is not in the tree. */
  nameOf: (id: number) => string;
}

export function indexUnits(roots: readonly UnitNode[]): UnitIndex {
  const byId = new Map<number, UnitNode>();
  const byCode = new Map<string, UnitNode>();
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    byId.set(node.id, node);
    // With history shown, an ended unit and its successor may share a code: keep the active one.
    const previous = byCode.get(node.code);
    if (!previous || (!previous.active && node.active)) byCode.set(node.code, node);
    for (const child of node.children) stack.push(child);
  }
  const nameOf = (id: number) => {
    const unit = byId.get(id);
    return unit ? unitLabel(unit) : `#${id}`;
  };
  return { byId, byCode, nameOf };
}

export interface Resolved {
  ids: number[];
  unknown: string[];
}

/**
 * "02509, 02512, #17" → unit ids: a token is a unit code, or an ID (written "#17", or a
 * bare number that is no code in the tree).
 */
export function resolveUnitRefs(text: string, index: UnitIndex): Resolved {
  const ids: number[] = [];
  const unknown: string[] = [];
  for (const raw of text.split(/[\s,;]+/)) {
    const token = raw.trim();
    if (!token) continue;
    let id: number | undefined;
    const byCode = index.byCode.get(token);
    if (byCode) id = byCode.id;
    else {
      const match = /^#?(\d+)$/.exec(token);
      if (match && index.byId.has(Number(match[1]))) id = Number(match[1]);
    }
    if (id === undefined) unknown.push(token);
    else if (!ids.includes(id)) ids.push(id);
  }
  return { ids, unknown };
}
