import { describe, expect, it } from 'vitest';
import {
  checkOpening,
  communesOf,
  groupByCommune,
  lettersLeft,
  localInputText,
  openingLabel,
  recentOpenings,
  vietnamDate,
  vietnamDateTime,
  vietnamLocalInput,
  villagesOf,
} from './boxes';
import { createTranslator } from './i18n';
import { boxOpening, mailBox, treeUnit as unit } from '../test/fixtures';

const OPENING = boxOpening({
  opened_at: '2026-11-27T17:30:00Z',
  registered: 1,
  created_at: '2026-11-27T17:35:00Z',
});

const BOX = mailBox();

describe('Vietnam time', () => {
  it('writes an instant as Vietnam wall-clock time for datetime-local, whatever the browser', () => {
    expect(vietnamLocalInput(Date.parse('2026-11-27T17:30:00Z'))).toBe('2026-11-28T00:30');
    expect(vietnamDate('2026-11-27T17:30:00Z')).toBe('28/11/2026');
    expect(vietnamDateTime('2026-11-27T17:30:00Z')).toBe('28/11/2026 00:30');
    expect(vietnamDate('not a date')).toBe('not a date');
    expect(localInputText('2026-11-28T09:05')).toBe('28/11/2026 09:05');
    expect(localInputText('')).toBe('');
  });
});

describe('openings', () => {
  it('counts the letters left and labels an opening for the register form', () => {
    expect(lettersLeft(OPENING)).toBe(1);
    expect(lettersLeft({ letters: 1, registered: 3 })).toBe(0);
    expect(openingLabel(createTranslator('vi'), OPENING)).toBe(
      'Hòm ở Chợ Tân Trào — mở ngày 28/11/2026 (1/2 thư)',
    );
    expect(openingLabel(createTranslator('en'), OPENING)).toBe(
      'Box at Chợ Tân Trào — opened on 28/11/2026 (1/2 letters)',
    );
  });

  it('offers the newest openings first, and keeps an older one that was asked for', () => {
    const list = [1, 2, 3, 4].map((n) => ({
      ...OPENING,
      id: n,
      opened_at: `2026-11-0${n}T08:00:00Z`,
    }));
    expect(recentOpenings(list, 2).map((o) => o.id)).toEqual([4, 3]);
    expect(recentOpenings(list, 2, 1).map((o) => o.id)).toEqual([4, 3, 1]);
    expect(recentOpenings(list, 2, 4).map((o) => o.id)).toEqual([4, 3]);
  });
});

describe('groupByCommune', () => {
  it('groups boxes by commune, in name order, boxes in place taken-down last', () => {
    const groups = groupByCommune([
      { ...BOX, id: 1, place: 'Bưu điện', active: false },
      { ...BOX, id: 2, place: 'Chợ' },
      { ...BOX, id: 3, unit_id: 13, unit_name: 'Kiến Thiết', place: 'UBND xã' },
      { ...BOX, id: 4, place: 'Ao cá' },
    ]);
    expect(groups.map((g) => g.unitName)).toEqual(['Kiến Thiết', 'Tân Trào']);
    expect(groups[1]?.boxes.map((b) => b.id)).toEqual([4, 2, 1]);
  });
});

describe('units', () => {
  it('finds the active communes of a tree and their active villages', () => {
    const tree = [
      unit(2, 'province', 'Tuyên Quang', [
        unit(13, 'commune', 'Kiến Thiết', [unit(15, 'school', 'Trường')]),
        unit(12, 'commune', 'Tân Trào', [
          unit(8, 'residential_area', 'Làng Hản'),
          unit(7, 'residential_area', 'Khuôn Điển'),
          unit(9, 'residential_area', 'Cũ', [], false),
        ]),
        unit(14, 'ward', 'Đã nhập', [], false),
      ]),
    ];
    const communes = communesOf(tree);
    expect(communes.map((c) => c.id)).toEqual([13, 12]);
    expect(villagesOf(communes[1]).map((v) => v.name)).toEqual(['Khuôn Điển', 'Làng Hản']);
    expect(villagesOf(communes[0])).toEqual([]);
    expect(villagesOf(undefined)).toEqual([]);
  });
});

describe('checkOpening', () => {
  const good = {
    openedAt: '2026-11-28T09:30',
    people: [
      { name: 'Nguyễn Văn An', position: 'Trưởng Công an xã' },
      { name: 'Hoàng Thị Dung', position: 'Trưởng thôn' },
    ],
    letters: '1',
    number: '',
    notes: '',
  };

  it('accepts a complete opening', () => {
    expect(checkOpening(good)).toEqual([]);
  });

  it('asks for the time, two people with name and position, and a number of letters', () => {
    expect(
      checkOpening({
        ...good,
        openedAt: '',
        people: [good.people[0]!, { name: 'Hoàng Thị Dung', position: ' ' }],
        letters: '',
      }),
    ).toEqual([
      { field: 'opened_at', code: 'required' },
      { field: 'people[1].position', code: 'required' },
      { field: 'letters', code: 'required' },
    ]);
    expect(checkOpening({ ...good, people: [good.people[0]!] })).toEqual([
      { field: 'people', code: 'at_least_two' },
    ]);
    expect(checkOpening({ ...good, letters: '-1' })).toEqual([
      { field: 'letters', code: 'invalid_format' },
    ]);
    expect(checkOpening({ ...good, letters: '501' })).toEqual([
      { field: 'letters', code: 'invalid_format' },
    ]);
    expect(checkOpening({ ...good, openedAt: '28/11/2026' })).toEqual([
      { field: 'opened_at', code: 'invalid_date' },
    ]);
  });
});
