import { describe, expect, it } from 'vitest';
import { unitNode } from '../test/fixtures';
import { isSiteUnit } from './models';
import type { Unit } from './schema';
import { directoryOptions, directoryTerm, enterChoice, moveActive, type DirectoryOption } from './unit-directory';

const unit = (over: Partial<Unit>): Unit => {
  const { children: _children, ...plain } = unitNode(over);
  return plain;
};
const KIEN_THIET = unit({ id: 451, code: '02548', name: 'Kiến Thiết', kind: 'commune', designation: 'xã', parent_id: 2 });
const TAN_TRAO = unit({ id: 12, code: '02545', name: 'Tân Trào', kind: 'commune', designation: 'xã', parent_id: 2 });
const SCHOOL = unit({ id: 460, code: 'KT-TH', name: 'Trường Tiểu học Kiến Thiết', kind: 'school', designation: 'trường', parent_id: 451 });
const PROVINCE = unit({ id: 2, code: '08', name: 'Tuyên Quang', kind: 'province', designation: 'tỉnh', parent_id: 1 });

const option = (u: Unit, taken?: DirectoryOption['taken']): DirectoryOption => ({ unit: u, label: u.name, ...(taken ? { taken } : {}) });

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
  it('keeps the server\'s order and the units accepted, each named with its designation', () => {
    const options = directoryOptions([KIEN_THIET, PROVINCE, SCHOOL], () => undefined, isSiteUnit);
    expect(options.map((o) => [o.unit.id, o.label, o.taken])).toEqual([
      [451, 'Xã Kiến Thiết', undefined],
      [460, 'Trường Tiểu học Kiến Thiết', undefined],
    ]);
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
