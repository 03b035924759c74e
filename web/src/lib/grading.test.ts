import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import {
  eligibilityLabel,
  gradeChoices,
  gradeLabel,
  GRADES,
  gradingErrorMessage,
  gradingRefusals,
  gradingUrl,
  isGrade,
  isStale,
  quotaOf,
  quotaText,
  sheetOpen,
} from './grading';
import { createTranslator } from './i18n';
import { gradingSheet } from '../test/fixtures';

const vi = createTranslator('vi');
const en = createTranslator('en');

// The server's messages as it writes them: the catalog's words in the asked language, then
// its hint, always in Vietnamese.
const QUOTA_VI =
  'Vượt tỷ lệ "Hoàn thành xuất sắc nhiệm vụ" (tối đa 20% số hoàn thành tốt trở lên): 2 xuất sắc; tối đa 1 = 20% của 9 người hoàn thành tốt trở lên';
const QUOTA_EN =
  'Too many "excellent" grades (at most 20% of those graded good or better): 2 xuất sắc; tối đa 1 = 20% của 9 người hoàn thành tốt trở lên';

const refusal = (errors: { field: string; code: string; message: string }[], status = 422) =>
  new ApiError({ status, slug: status === 422 ? 'validation-failed' : 'conflict', errors });

describe('grades', () => {
  it('lists the four grades best first, each in words', () => {
    expect(GRADES).toEqual(['excellent', 'good', 'complete', 'incomplete']);
    expect(GRADES.map((g) => gradeLabel(vi, g))).toEqual([
      'Hoàn thành xuất sắc nhiệm vụ',
      'Hoàn thành tốt nhiệm vụ',
      'Hoàn thành nhiệm vụ',
      'Không hoàn thành nhiệm vụ',
    ]);
    expect(gradeLabel(vi, null)).toBe('— (chưa xếp loại)');
    expect(gradeLabel(vi, '')).toBe('— (chưa xếp loại)');
    expect(gradeLabel(en, 'good')).toBe('Good (hoàn thành tốt nhiệm vụ)');
    expect(gradeLabel(en, null)).toBe('— (not graded)');
    expect(isGrade('complete')).toBe(true);
    expect(isGrade('outstanding')).toBe(false);
    expect(isGrade('')).toBe(false);
  });

  it('offers every grade to an eligible member, only clearing to one who is not', () => {
    expect(gradeChoices({ eligible: true, grade: null })).toEqual(['', 'excellent', 'good', 'complete', 'incomplete']);
    expect(gradeChoices({ eligible: false, grade: null })).toEqual(['']);
    expect(gradeChoices({ eligible: false, grade: 'good' })).toEqual(['', 'good']);
  });

  it('says why a member is not graded', () => {
    expect(eligibilityLabel(vi, { eligible: true, not_eligible: '' })).toBe('Đủ điều kiện');
    expect(eligibilityLabel(vi, { eligible: false, not_eligible: 'under_nine_months' })).toBe('Chưa đủ 9 tháng tham gia');
    expect(eligibilityLabel(vi, { eligible: false, not_eligible: 'left' })).toBe('Đã ra khỏi tổ');
    expect(eligibilityLabel(vi, { eligible: false, not_eligible: 'team_dissolved' })).toBe('Tổ đã giải thể');
    expect(eligibilityLabel(en, { eligible: false, not_eligible: 'under_nine_months' })).toBe('Under nine months of service');
  });
});

describe('the quota', () => {
  it('puts the sheet\'s numbers in words: excellent, the most allowed, those good or better', () => {
    const sheet = gradingSheet({ excellent: 2, good: 4, max_excellent: 1 });
    expect(quotaOf(sheet)).toEqual({ excellent: 2, max: 1, total: 6 });
    expect(quotaText(vi, quotaOf(sheet))).toBe('2 xuất sắc; tối đa 1 = 20% của 6 người hoàn thành tốt trở lên');
    expect(quotaText(en, quotaOf(sheet))).toBe('2 excellent; at most 1 = 20% of 6 graded good or better');
    expect(quotaText(vi, { excellent: 1200, max: 1000, total: 5000 })).toBe(
      '1.200 xuất sắc; tối đa 1.000 = 20% của 5.000 người hoàn thành tốt trở lên',
    );
  });
});

describe('refusals', () => {
  it('says the quota refused with its numbers in the user\'s language', () => {
    // The sheet's numbers, whatever the server's text says; without a sheet, the catalog's words.
    const error = { field: 'grade', code: 'quota_exceeded', message: QUOTA_EN };
    const sheet = gradingSheet({ excellent: 2, good: 7, max_excellent: 1 });
    expect(gradingErrorMessage(vi, error, sheet)).toBe(
      'Vượt tỷ lệ “Hoàn thành xuất sắc nhiệm vụ”: 2 xuất sắc; tối đa 1 = 20% của 9 người hoàn thành tốt trở lên.',
    );
    expect(gradingErrorMessage(en, error, sheet)).toBe('Too many "excellent" grades: 2 excellent; at most 1 = 20% of 9 graded good or better.');
    const reworded = { field: 'grade', code: 'quota_exceeded', message: 'Quá 20%: 5 trên 7 (10%)' };
    expect(gradingErrorMessage(en, reworded, gradingSheet({ excellent: 3, good: 7, max_excellent: 2 }))).toBe(
      'Too many "excellent" grades: 3 excellent; at most 2 = 20% of 10 graded good or better.',
    );
    expect(gradingErrorMessage(en, error)).toBe('Too many "excellent" grades (at most 20% of those graded good or better)');
  });

  it('counts the members still to grade, and says the others in the catalog\'s words', () => {
    expect(gradingErrorMessage(vi, { field: 'grade', code: 'missing', message: 'Members still to grade: 9' },
      gradingSheet({ ungraded: 3 }))).toBe('Còn 3 thành viên đủ điều kiện chưa được xếp loại.');
    expect(gradingErrorMessage(en, { field: 'grade', code: 'missing', message: '' }, gradingSheet({ ungraded: 2 }))).toBe(
      '2 eligible members are not graded yet.',
    );
    expect(gradingErrorMessage(vi, { field: 'year', code: 'outside_window', message: 'Outside the grading window' })).toBe(
      'Ngoài thời gian xếp loại (từ 01/11 đến 31/01 năm sau)',
    );
    expect(gradingErrorMessage(en, { field: 'grade', code: 'not_eligible', message: '' })).toBe(
      'Not graded: under nine months in the team, or not in it on 14 November',
    );
  });

  it('lists a 422\'s refusals only; a 409 means the sheet changed meanwhile', () => {
    const invalid = refusal([
      { field: 'grade', code: 'quota_exceeded', message: QUOTA_VI },
      { field: 'year', code: 'outside_window', message: '' },
    ]);
    expect(gradingRefusals(en, invalid, gradingSheet({ excellent: 2, good: 7, max_excellent: 1 }))).toEqual([
      'Too many "excellent" grades: 2 excellent; at most 1 = 20% of 9 graded good or better.',
      'Outside the grading window (1 November to 31 January)',
    ]);
    const conflict = refusal([], 409);
    expect(gradingRefusals(vi, conflict)).toEqual([]);
    expect(gradingRefusals(vi, new Error('boom'))).toEqual([]);
    expect(isStale(conflict)).toBe(true);
    expect(isStale(invalid)).toBe(false);
    expect(isStale(null)).toBe(false);
  });
});

describe('the sheet', () => {
  it('takes grades while a draft in its window', () => {
    expect(sheetOpen({ status: 'draft', window_open: true })).toBe(true);
    expect(sheetOpen({ status: 'final', window_open: true })).toBe(false);
    expect(sheetOpen({ status: 'draft', window_open: false })).toBe(false);
  });

  it('keeps the commune and year in the address', () => {
    expect(gradingUrl({ communeId: null, year: null })).toBe('/teams/grading');
    expect(gradingUrl({ communeId: 12, year: null })).toBe('/teams/grading?commune_id=12');
    expect(gradingUrl({ communeId: 12, year: 2026 })).toBe('/teams/grading?commune_id=12&year=2026');
  });
});
