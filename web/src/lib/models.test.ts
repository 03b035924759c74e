import { describe, expect, it } from 'vitest';
import { ACTIVITY_KINDS, BOARD_ROLES, MODEL_TEAM_ROLES, RATINGS } from './enums';
import { createTranslator } from './i18n';
import {
  activityKindLabel,
  activityOutcomeMessage,
  assessableYears,
  boardRoleLabel,
  countsTable,
  countsUrl,
  dayBefore,
  filledRows,
  isSiteUnit,
  listErrors,
  manualTypes,
  presetLabel,
  presetOf,
  presetPeriod,
  ratingLabel,
  readCountsFilters,
  siteTitle,
  standingChoices,
  standingYears,
  teamRoleLabel,
  typeKindLabel,
} from './models';
import type { ModelCounts } from './schema';
import { CAMERA_TYPE, modelSiteDetail, modelType, treeUnit } from '../test/fixtures';

const vi = createTranslator('vi');
const en = createTranslator('en');

describe('periods', () => {
  it('gives this year to date, never past today', () => {
    expect(presetPeriod('year', '2026-03-10')).toEqual({ from: '2026-01-01', to: '2026-03-10' });
    expect(presetPeriod('year', '2026-01-01')).toEqual({ from: '2026-01-01', to: '2026-01-01' });
  });

  it('gives the first half-year, up to today while it runs', () => {
    expect(presetPeriod('half', '2026-08-20')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(presetPeriod('half', '2026-06-30')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(presetPeriod('half', '2026-03-10')).toEqual({ from: '2026-01-01', to: '2026-03-10' });
  });

  it('gives the security teams\' year, 15/11 of last year to 14/11, up to today while it runs', () => {
    expect(presetPeriod('teams', '2026-12-02')).toEqual({ from: '2025-11-15', to: '2026-11-14' });
    expect(presetPeriod('teams', '2026-11-14')).toEqual({ from: '2025-11-15', to: '2026-11-14' });
    expect(presetPeriod('teams', '2026-03-10')).toEqual({ from: '2025-11-15', to: '2026-03-10' });
    expect(presetPeriod('teams', '2026-01-01')).toEqual({ from: '2025-11-15', to: '2026-01-01' });
  });

  it('names the preset a period is, the first one when two agree, else custom', () => {
    const today = '2026-12-02';
    expect(presetOf({ from: '2026-01-01', to: today }, today)).toBe('year');
    expect(presetOf({ from: '2026-01-01', to: '2026-06-30' }, today)).toBe('half');
    expect(presetOf({ from: '2025-11-15', to: '2026-11-14' }, today)).toBe('teams');
    expect(presetOf({ from: '2026-01-01', to: '2026-11-30' }, today)).toBe('custom');
    expect(presetOf({ from: '2025-01-01', to: '2025-12-31' }, today)).toBe('custom');
    // In March this year to date and the half-year so far are one period.
    expect(presetOf({ from: '2026-01-01', to: '2026-03-10' }, '2026-03-10')).toBe('year');
  });

  it('says each preset in both languages', () => {
    expect(presetLabel(vi, 'half')).toBe('6 tháng đầu năm (01/01 – 30/06)');
    expect(presetLabel(en, 'teams')).toBe('Security teams\' year (15 Nov last year – 14 Nov)');
    expect(presetLabel(vi, 'custom')).toBe('Chọn ngày');
  });

  it('keeps the unit and the dates in the address, dropping what is not a date', () => {
    const filters = readCountsFilters(new URLSearchParams('unit_id=12&from=2026-01-01&to=2026-06-30'));
    expect(filters).toEqual({ unitId: 12, from: '2026-01-01', to: '2026-06-30' });
    expect(countsUrl(filters)).toBe('/models?unit_id=12&from=2026-01-01&to=2026-06-30');
    expect(readCountsFilters(new URLSearchParams('unit_id=x&from=01/01/2026'))).toEqual({ unitId: null, from: '', to: '' });
    expect(countsUrl({ unitId: null, from: '', to: '' })).toBe('/models');
  });
});

describe('countsTable', () => {
  const counts = (over: Partial<ModelCounts> = {}): ModelCounts => ({
    unit_id: 12,
    from: '2026-01-01',
    to: '2026-06-30',
    types: [modelType(), CAMERA_TYPE, modelType({ id: 8, code: 'TKANNINH', name: 'Tiếng kẻng an ninh', linked: false, builtin: false, sort: 100 })],
    children: [
      { id: 8, name: 'Làng Hản' },
      { id: 7, name: 'Khuôn Điển' },
    ],
    by_child: [
      { type_id: 4, unit_id: 7, sites: 1, teams: 0, new_sites: 0 },
      { type_id: 4, unit_id: 8, sites: 2, teams: 0, new_sites: 1 },
    ],
    totals: [
      { type_id: 3, unit_id: 12, sites: 1, teams: 1, new_sites: 1 },
      { type_id: 4, unit_id: 12, sites: 4, teams: 0, new_sites: 1 },
    ],
    ...over,
  });

  it('has a row per type in the server\'s order, a cell per child by name, and the total; 0 where there is no site', () => {
    const table = countsTable(counts());
    expect(table.children.map((c) => c.name)).toEqual(['Khuôn Điển', 'Làng Hản']);
    expect(table.rows.map((r) => [r.type.code, r.cells, r.total])).toEqual([
      ['LKANTT', [{ sites: 0, teams: 0, newSites: 0 }, { sites: 0, teams: 0, newSites: 0 }], { sites: 1, teams: 1, newSites: 1 }],
      ['CAMANTT', [{ sites: 1, teams: 0, newSites: 0 }, { sites: 2, teams: 0, newSites: 1 }], { sites: 4, teams: 0, newSites: 1 }],
      ['TKANNINH', [{ sites: 0, teams: 0, newSites: 0 }, { sites: 0, teams: 0, newSites: 0 }], { sites: 0, teams: 0, newSites: 0 }],
    ]);
  });

  it('counts a linked site under each of its children but once in the total', () => {
    const table = countsTable(
      counts({
        types: [modelType()],
        children: [
          { id: 12, name: 'Tân Trào' },
          { id: 451, name: 'Kiến Thiết' },
        ],
        by_child: [
          { type_id: 3, unit_id: 12, sites: 1, teams: 1, new_sites: 1 },
          { type_id: 3, unit_id: 451, sites: 1, teams: 0, new_sites: 1 },
        ],
        totals: [{ type_id: 3, unit_id: 2, sites: 1, teams: 1, new_sites: 1 }],
      }),
    );
    expect(table.children.map((c) => c.id)).toEqual([451, 12]);
    expect(table.rows[0]?.cells.map((c) => c.sites)).toEqual([1, 1]);
    expect(table.rows[0]?.total).toEqual({ sites: 1, teams: 1, newSites: 1 });
  });

  it('keeps a type row with no children at all', () => {
    const table = countsTable(counts({ children: [], by_child: [], totals: [] }));
    expect(table.rows.map((r) => [r.cells.length, r.total.sites])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
  });
});

describe('types and sites', () => {
  it('offers the active types not counted automatically', () => {
    const inactive = modelType({ id: 9, code: 'CU', active: false });
    expect(manualTypes([modelType(), CAMERA_TYPE, inactive]).map((t) => t.code)).toEqual(['LKANTT']);
  });

  it('says what kind a type is', () => {
    expect(typeKindLabel(vi, CAMERA_TYPE)).toBe('Tự động (camera an ninh)');
    expect(typeKindLabel(vi, modelType())).toBe('Liên kết');
    expect(typeKindLabel(en, modelType({ linked: false }))).toBe('Entered by hand');
  });

  it('puts a site on a commune, a village or a body in force', () => {
    expect(isSiteUnit(treeUnit(12, 'commune', 'Tân Trào'))).toBe(true);
    expect(isSiteUnit(treeUnit(20, 'residential_area', 'Khuôn Điển'))).toBe(true);
    expect(isSiteUnit(treeUnit(30, 'school', 'Trường THCS Tân Trào'))).toBe(true);
    expect(isSiteUnit(treeUnit(2, 'province', 'Tuyên Quang'))).toBe(false);
    expect(isSiteUnit(treeUnit(21, 'residential_area', 'Thôn cũ', [], false))).toBe(false);
  });

  it('names a site, and offers its own unit and its participants to stand', () => {
    const site = modelSiteDetail();
    expect(siteTitle(site)).toBe('Liên kết ANTT Tân Trào – Kiến Thiết (02545-MH-001)');
    expect(standingChoices(site)).toEqual([
      { id: 12, name: 'Tân Trào' },
      { id: 451, name: 'Kiến Thiết' },
    ]);
  });

  it('reckons the day before across months, years and leap days', () => {
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2026-07-15')).toBe('2026-07-14');
  });

  it('gives the standing years of the site\'s life, next year too while it runs', () => {
    expect(standingYears({ launched_on: '2024-03-26', ended_on: null }, '2026-12-02')).toEqual([2027, 2026, 2025, 2024]);
    expect(standingYears({ launched_on: '2024-03-26', ended_on: '2026-01-01' }, '2026-12-02')).toEqual([2025, 2024]);
    expect(standingYears({ launched_on: '2024-03-26', ended_on: '2026-01-02' }, '2026-12-02')).toEqual([2026, 2025, 2024]);
  });

  it('gives the years a site may be assessed: its life, never after this year', () => {
    expect(assessableYears({ launched_on: '2024-03-26', ended_on: null }, '2026-12-02')).toEqual([2026, 2025, 2024]);
    expect(assessableYears({ launched_on: '2024-03-26', ended_on: '2025-01-01' }, '2026-12-02')).toEqual([2024]);
    expect(assessableYears({ launched_on: '2026-12-01', ended_on: null }, '2026-12-02')).toEqual([2026]);
  });
});

describe('member rows', () => {
  it('sends only the rows something was typed in', () => {
    const rows = [
      { full_name: 'Hoàng Văn Thắng', title: '', role: 'head' },
      { full_name: '  ', title: '', role: 'member' },
      { full_name: '', title: 'Trưởng thôn', role: 'member' },
    ];
    expect(filledRows(rows, ['full_name', 'title'])).toEqual([rows[0], rows[2]]);
  });

  it('gathers a list\'s refusals and its rows\', each row field by its label', () => {
    const errors = { name: 'Bắt buộc nhập', members: 'Ban chỉ đạo chỉ có một trưởng ban', 'members.full_name': 'Bắt buộc nhập' };
    expect(listErrors(errors, 'members', { 'members.full_name': 'Họ và tên' })).toBe('Ban chỉ đạo chỉ có một trưởng ban · Họ và tên: Bắt buộc nhập');
    expect(listErrors({ name: 'Bắt buộc nhập' }, 'members', {})).toBe('');
  });
});

describe('words', () => {
  it('says every role, kind and rating the document names, in the forms\' order', () => {
    expect(BOARD_ROLES.map((r) => boardRoleLabel(vi, r))).toEqual(['Trưởng ban', 'Phó ban', 'Thành viên']);
    expect(MODEL_TEAM_ROLES.map((r) => teamRoleLabel(vi, r))).toEqual(['Tổ trưởng', 'Tổ phó', 'Tổ viên']);
    expect(ACTIVITY_KINDS.map((k) => activityKindLabel(vi, k))).toEqual(['Họp', 'Tuần tra', 'Tuyên truyền', 'Hòa giải', 'Hoạt động khác']);
    expect(RATINGS.map((r) => ratingLabel(en, r))).toEqual(['Effective', 'Partly effective', 'Not effective']);
  });

  it('says what an activity write did', () => {
    const values = { date: '12/11/2026', code: '02545-MH-001' };
    expect(activityOutcomeMessage(vi, 'inserted', values)).toBe('Đã ghi hoạt động ngày 12/11/2026 của điểm mô hình 02545-MH-001.');
    expect(activityOutcomeMessage(vi, 'replayed', values)).toMatch(/^Đã có \(gửi trùng\)/);
    expect(activityOutcomeMessage(en, 'updated', values)).toBe('Change to the activity of 12/11/2026 recorded for model site 02545-MH-001.');
  });
});
