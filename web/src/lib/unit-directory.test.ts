import { describe, expect, it } from 'vitest';
import { directoryUnit as unit } from '../test/fixtures';
import type { UnitDirectoryEntry } from './schema';
import { directoryOptions, directoryTerm, enterChoice, moveActive, placeLabel, type DirectoryOption } from './unit-directory';

const KIEN_THIET = unit({ id: 451, code: '02548', name: 'Kiến Thiết', kind: 'commune', designation: 'xã', parent_id: 2, within: ['Tuyên Quang'] });
const TAN_TRAO = unit({ id: 12, code: '02545', name: 'Tân Trào', kind: 'commune', designation: 'xã', parent_id: 2, within: ['Tuyên Quang'] });
const SCHOOL = unit({ id: 460, code: 'KT-TH', name: 'Trường Tiểu học Kiến Thiết', kind: 'school', designation: 'trường', parent_id: 451, within: ['Kiến Thiết', 'Tuyên Quang'] });
const PROVINCE = unit({ id: 2, code: '08', name: 'Tuyên Quang', kind: 'province', designation: 'tỉnh', parent_id: 1 });
// A village merged away on 30/06/2025, found with history=1.
const OLD_VILLAGE = unit({ id: 470, code: 'KT-T1', name: 'Thôn 1', kind: 'residential_area', designation: 'thôn', parent_id: 451, valid_to: '2025-06-30', active: false, within: ['Kiến Thiết', 'Tuyên Quang'] });

const option = (u: UnitDirectoryEntry, taken?: DirectoryOption['taken']): DirectoryOption => ({ unit: u, label: u.name, within: '', ...(taken ? { taken } : {}) });

describe('directoryTerm', () => {
  it('asks nothing for fewer than two letters, spaces and tones not counted', () => {
    expect(directoryTerm('')).toBe('');
    expect(directoryTerm('  k ')).toBe('');
    expect(directoryTerm('đ')).toBe('');
    expect(directoryTerm('k t')).toBe('k t');
  });

  it('sends the words as typed, spaces collapsed (the server folds them)', () => {
    expect(directoryTerm('  kien   thiet ')).toBe('kien thiet');
    expect(directoryTerm('Kiến Thiết')).toBe('Kiến Thiết');
  });
});

describe('directoryOptions', () => {
  it('keeps the server\'s order and every unit it gave, each named with its designation and where it lies', () => {
    const options = directoryOptions([KIEN_THIET, PROVINCE, SCHOOL], () => undefined);
    expect(options.map((o) => [o.unit.id, o.label, o.within, o.taken])).toEqual([
      [451, 'Xã Kiến Thiết', 'Tuyên Quang', undefined],
      [2, 'Tỉnh Tuyên Quang', '', undefined],
      [460, 'Trường Tiểu học Kiến Thiết', 'Kiến Thiết, Tuyên Quang', undefined],
    ]);
    expect(options.map(placeLabel)).toEqual(['Xã Kiến Thiết — Tuyên Quang', 'Tỉnh Tuyên Quang', 'Trường Tiểu học Kiến Thiết — Kiến Thiết, Tuyên Quang']);
  });

  it('gives a unit no longer in force its last day, and none to one in force', () => {
    const [old, current] = directoryOptions([OLD_VILLAGE, KIEN_THIET], () => undefined);
    expect([old?.label, old?.ended]).toEqual(['Thôn 1', '2025-06-30']);
    expect(current?.ended).toBeUndefined();
    // A unit that ends later is still in force: no end said.
    const [ending] = directoryOptions([{ ...KIEN_THIET, valid_to: '2099-12-31' }], () => undefined);
    expect(ending?.ended).toBeUndefined();
  });

  it('marks the units that cannot be chosen again, and why', () => {
    const taken = (id: number) => (id === 12 ? 'own' : id === 451 ? 'chosen' : undefined);
    const options = directoryOptions([KIEN_THIET, TAN_TRAO, SCHOOL], taken);
    expect(options.map((o) => o.taken)).toEqual(['chosen', 'own', undefined]);
  });
});

describe('moveActive', () => {
  const options = [option(KIEN_THIET), option(TAN_TRAO, 'own'), option(SCHOOL)];

  it('goes down and up over the units that can be chosen, wrapping round', () => {
    expect(moveActive(options, -1, 1)).toBe(0);
    expect(moveActive(options, 0, 1)).toBe(2);
    expect(moveActive(options, 2, 1)).toBe(0);
    expect(moveActive(options, -1, -1)).toBe(2);
    expect(moveActive(options, 2, -1)).toBe(0);
    expect(moveActive(options, 0, -1)).toBe(2);
  });

  it('goes to the first and last that can be chosen', () => {
    const ends = [option(TAN_TRAO, 'own'), option(KIEN_THIET), option(SCHOOL), option(PROVINCE, 'chosen')];
    expect(moveActive(ends, 2, 'first')).toBe(1);
    expect(moveActive(ends, 1, 'last')).toBe(2);
  });

  it('gives -1 when nothing can be chosen', () => {
    expect(moveActive([], -1, 1)).toBe(-1);
    expect(moveActive([option(TAN_TRAO, 'own')], -1, 1)).toBe(-1);
    expect(moveActive([option(TAN_TRAO, 'own')], -1, 'first')).toBe(-1);
  });
});

describe('enterChoice', () => {
  it('chooses the unit under the keyboard, never one taken', () => {
    const options = [option(KIEN_THIET), option(TAN_TRAO, 'own'), option(SCHOOL)];
    expect(enterChoice(options, 2)?.unit.id).toBe(460);
    expect(enterChoice(options, 1)).toBeUndefined();
  });

  it('with none under the keyboard, chooses the only unit that can be chosen', () => {
    expect(enterChoice([option(TAN_TRAO, 'own'), option(KIEN_THIET)], -1)?.unit.id).toBe(451);
    expect(enterChoice([option(KIEN_THIET), option(SCHOOL)], -1)).toBeUndefined();
  });
});
