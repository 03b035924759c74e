import { describe, expect, it } from 'vitest';
import { ACTIVITY_KINDS, BOARD_ROLES, MODEL_TEAM_ROLES, RATINGS } from './enums';
import { createTranslator } from './i18n';
import {
  activityKindLabel,
  activityOutcomeMessage,
  boardRoleLabel,
  countsTable,
  countsUrl,
  filledIndexes,
  filledRows,
  listErrors,
  manualTypes,
  presetLabel,
  presetOf,
  presetPeriod,
  ratingLabel,
  readCountsFilters,
  rowErrors,
  siteTitle,
  standingChoices,
  teamRoleLabel,
  typeKindLabel,
} from './models';
import type { ModelCounts } from './schema';
import { ApiError } from './api';
import { fieldErrors } from './i18n';
import { CAMERA_TYPE, modelSiteDetail, modelType } from '../test/fixtures';

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

  it('names a site, and offers its own unit and its participants to stand', () => {
    const site = modelSiteDetail();
    expect(siteTitle(site)).toBe('Liên kết ANTT Tân Trào – Kiến Thiết (02545-MH-001)');
    expect(standingChoices(site)).toEqual([
      { id: 12, name: 'Tân Trào' },
      { id: 451, name: 'Kiến Thiết' },
    ]);
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
    // Row k sent is row filledIndexes[k] of the form.
    expect(filledIndexes(rows, ['full_name', 'title'])).toEqual([0, 2]);
    expect(filledIndexes([], ['full_name'])).toEqual([]);
  });

  it('gathers a list\'s refusals and those of a row field given without its row, each by its label', () => {
    const errors = { name: 'Bắt buộc nhập', members: 'Ban chỉ đạo chỉ có một trưởng ban', 'members.full_name': 'Bắt buộc nhập' };
    expect(listErrors(errors, 'members', { 'members.full_name': 'Họ và tên' })).toBe('Ban chỉ đạo chỉ có một trưởng ban · Họ và tên: Bắt buộc nhập');
    expect(listErrors({ name: 'Bắt buộc nhập' }, 'members', {})).toBe('');
  });

  // The server's refusal of a team: two of one row (index 1), one of another (index 0), the
  // whole list's (no index) and the team's own name.
  const refused = new ApiError({
    status: 422,
    slug: 'validation-failed',
    errors: [
      { field: 'name', code: 'required', message: '' },
      { field: 'members.joined_on', code: 'after_ended', message: '', index: 1 },
      { field: 'members.full_name', code: 'required', message: '', index: 1 },
      { field: 'members.joined_on', code: 'before_founded', message: '', index: 1 },
      { field: 'members.left_on', code: 'before_joined', message: '', index: 0 },
      { field: 'members', code: 'two_leaders', message: '' },
    ],
  });

  it('gives each row of the form its own refusals, by its key, the first of a field winning', () => {
    const rows = rowErrors(vi, refused, 'members');
    expect([...rows.keys()].sort()).toEqual([0, 1]);
    expect(rows.get(1)).toEqual({ joined_on: 'Từ ngày dừng hoạt động trở đi', full_name: 'Bắt buộc nhập' });
    expect(rows.get(0)).toEqual({ left_on: 'Trước ngày vào tổ' });
    expect(rowErrors(vi, refused, 'participants').size).toBe(0);
    expect(rowErrors(vi, null, 'members').size).toBe(0);
  });

  it('puts a row refused on the form\'s row it was sent from, blank rows left out', () => {
    // The form had a blank row 1: what was sent as rows 0 and 1 were its rows 0 and 2.
    const rows = rowErrors(en, refused, 'members', [0, 2]);
    expect([...rows.keys()].sort()).toEqual([0, 2]);
    expect(rows.get(2)?.joined_on).toBe('On or after the day it stopped running');
  });

  it('leaves a row\'s refusals to its row: the list shows only its own', () => {
    const fe = fieldErrors(vi, refused);
    expect(fe).toEqual({ name: 'Bắt buộc nhập', members: 'Hai tổ trưởng trong cùng thời gian: mỗi lúc tổ chỉ có một tổ trưởng' });
    expect(listErrors(fe, 'members', { 'members.full_name': 'Họ và tên' })).toBe('Hai tổ trưởng trong cùng thời gian: mỗi lúc tổ chỉ có một tổ trưởng');
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
