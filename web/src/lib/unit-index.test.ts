import { describe, expect, it } from 'vitest';
import { unitNode } from '../test/fixtures';
import type { UnitNode } from './schema';
import { indexUnits, resolveUnitRefs } from './unit-index';

/** A commune, or one that ended on 30/06/2025 when not active. */
function node(
  id: number,
  code: string,
  name: string,
  children: UnitNode[] = [],
  active = true,
): UnitNode {
  const ended = active ? null : '2025-06-30';
  return unitNode({
    id,
    code,
    name,
    kind: 'commune',
    designation: 'xã',
    valid_to: ended,
    active,
    children,
  });
}

const tree = [
  node(1, 'VN', 'Việt Nam', [node(3, '02509', 'Kim Quan'), node(4, '02512', 'Tân Trào')]),
];

describe('unit index', () => {
  it('resolves codes first, then #IDs and bare IDs', () => {
    const index = indexUnits(tree);
    expect(resolveUnitRefs('02509, #4; 1', index)).toEqual({ ids: [3, 4, 1], unknown: [] });
  });

  it('reports tokens that are neither a code nor an ID in the tree', () => {
    const index = indexUnits(tree);
    expect(resolveUnitRefs('02509 99999', index)).toEqual({ ids: [3], unknown: ['99999'] });
  });

  it('names units by id and falls back to #id', () => {
    const index = indexUnits(tree);
    expect(index.nameOf(3)).toBe('Xã Kim Quan');
    expect(index.nameOf(77)).toBe('#77');
  });
});
