import { describe, expect, it } from 'vitest';
import { treeUnit as unit, unitNode } from '../test/fixtures';
import { buildUnitSearch, foldText, isWithin, queryWords, searchUnits } from './unit-search';

const TREE = [
  unit(1, 'country', 'Việt Nam', [
    unit(2, 'province', 'Tuyên Quang', [
      unit(12, 'commune', 'Tân Trào', [
        unit(21, 'residential_area', 'Thôn 10'),
        unit(22, 'residential_area', 'Thôn 2'),
      ]),
    ]),
  ]),
];

describe('unit search', () => {
  it('folds Vietnamese to plain lower-case letters, đ and Đ to d', () => {
    expect(foldText('  Xã  Tân Trào ')).toBe('xa tan trao');
    expect(foldText('ĐỒNG ĐĂNG')).toBe('dong dang');
    expect(foldText('Thôn Khuôn Điển')).toBe('thon khuon dien');
    // Composed or decomposed, the same.
    expect(foldText('Tra\u0300o')).toBe(foldText('Trào'));
    expect(queryWords('  Tân   trào ')).toEqual(['tan', 'trao']);
    expect(queryWords('   ')).toEqual([]);
  });

  it('lists a parent before its children, siblings by name with numbers in order', () => {
    const index = buildUnitSearch(TREE);
    expect(index.entries.map((e) => e.unit.id)).toEqual([1, 2, 12, 22, 21]);
    const village = index.byId.get(21);
    expect(village?.path).toEqual(['Tân Trào', 'Tuyên Quang']);
    expect(village?.ancestorIds).toEqual([12, 2, 1]);
  });

  it('labels units with their designation', () => {
    const index = buildUnitSearch([unitNode({ id: 5, name: 'Tân Trào', designation: 'xã' })]);
    expect(index.byId.get(5)?.label).toBe('Xã Tân Trào');
    expect(searchUnits(index.entries, 'xa tan').map((e) => e.unit.id)).toEqual([5]);
  });

  it('ranks an exact code, then names starting with the query, then the rest', () => {
    const index = buildUnitSearch([
      unit(1, 'commune', 'Bình Trào', [], true),
      unit(2, 'commune', 'Trào Hạ'),
      unitNode({ id: 3, code: 'trao', name: 'Xóm Mới' }),
    ]);
    expect(searchUnits(index.entries, 'trao').map((e) => e.unit.id)).toEqual([3, 2, 1]);
  });

  it('tells what lies within a unit', () => {
    const index = buildUnitSearch(TREE);
    expect(isWithin(index, 21, 2)).toBe(true);
    expect(isWithin(index, 12, 12)).toBe(true);
    expect(isWithin(index, 2, 12)).toBe(false);
  });
});
