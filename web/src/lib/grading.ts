// The yearly grading of village security team members (xếp loại thành viên Tổ bảo vệ ANTT)
// as the grading page needs it: the grades in the form's order with their words, why a
// member is not graded, the quota in words, and the refusals of the server told in the
// user's language (the numbers of `grade: quota_exceeded` and `grade: missing` are the
// sheet's, which the server counted). Who reads and who grades comes
// with the session (lib/capabilities.ts: gradings.read, gradings.grade).
import { ApiError, type FieldError } from './api';
import { formatNumber } from './format';
import { fieldErrorMessage, type Translator } from './i18n';
import type { GradingSheet, MemberGrade } from './schema';

export type Grade = NonNullable<MemberGrade['grade']>;

// Every grade the API document names, best first (a missing one fails tsc).
const GRADE_ORDER: Record<Grade, number> = { excellent: 0, good: 1, complete: 2, incomplete: 3 };
export const GRADES: readonly Grade[] = (Object.keys(GRADE_ORDER) as Grade[]).sort((a, b) => GRADE_ORDER[a] - GRADE_ORDER[b]);

/** Whether `value` is a grade the server knows. */
export function isGrade(value: string): value is Grade {
  return value in GRADE_ORDER;
}

/** "Hoàn thành xuất sắc nhiệm vụ", … ; "— (chưa xếp loại)" for none. */
export function gradeLabel(t: Translator, grade: string | null | undefined): string {
  if (!grade) return t('grading.grade_none');
  return t.dynamic(`web.grading.grade_${grade}`, grade);
}

/** "Đủ điều kiện", or why not: "Chưa đủ 9 tháng tham gia", "Đã ra khỏi tổ", "Tổ đã giải thể". */
export function eligibilityLabel(t: Translator, member: Pick<MemberGrade, 'eligible' | 'not_eligible'>): string {
  if (member.eligible) return t('grading.eligible');
  return t.dynamic(`web.grading.not_eligible_${member.not_eligible}`, member.not_eligible);
}

export interface QuotaNumbers {
  excellent: number;
  max: number;
  /** Those graded good or better (the quota's base). */
  total: number;
}

/** The quota's numbers on a sheet. */
export function quotaOf(sheet: Pick<GradingSheet, 'excellent' | 'good' | 'max_excellent'>): QuotaNumbers {
  return { excellent: sheet.excellent, max: sheet.max_excellent, total: sheet.excellent + sheet.good };
}

/** "2 xuất sắc; tối đa 1 = 20% của 6 người hoàn thành tốt trở lên". */
export function quotaText(t: Translator, q: QuotaNumbers): string {
  return t('grading.quota_value', { excellent: formatNumber(q.excellent), max: formatNumber(q.max), total: formatNumber(q.total) });
}

/**
 * One refusal of the grading's API in the user's words: the quota with its numbers, the
 * members still to grade, else the catalog's message. The numbers are the sheet's: a finalise
 * is refused for the quota or the missing grades only after its version matched, so the sheet
 * the page holds is the one the server counted (a changed sheet is a 409). The message's text
 * is never read for numbers: its words may change.
 */
export function gradingErrorMessage(t: Translator, error: FieldError, sheet?: GradingSheet | null): string {
  if (error.code === 'quota_exceeded') {
    const q = sheet ? quotaOf(sheet) : null;
    return q ? t('grading.quota_refused', { quota: quotaText(t, q) }) : fieldErrorMessage(t, error);
  }
  if (error.code === 'missing' && error.field === 'grade') {
    const count = sheet ? sheet.ungraded : null;
    return count !== null ? t('grading.missing_refused', { count: formatNumber(count) }) : fieldErrorMessage(t, error);
  }
  return fieldErrorMessage(t, error);
}

/** The 422's refusals as sentences (none for any other error). */
export function gradingRefusals(t: Translator, error: unknown, sheet?: GradingSheet | null): string[] {
  if (!(error instanceof ApiError) || error.status !== 422) return [];
  return error.errors.filter((e) => e.line === undefined).map((e) => gradingErrorMessage(t, e, sheet));
}

/** The sheet changed since it was read (someone else graded, finalised or reopened): reload. */
export function isStale(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409;
}

/** Whether the sheet takes changes now: a draft in its window (who may is the role's matter). */
export function sheetOpen(sheet: Pick<GradingSheet, 'status' | 'window_open'>): boolean {
  return sheet.status === 'draft' && sheet.window_open;
}

/**
 * The grades a member's select offers: every grade for an eligible member; for one who is
 * not, only clearing the grade held (it counts for nothing) or keeping it.
 */
export function gradeChoices(member: Pick<MemberGrade, 'eligible' | 'grade'>): ('' | Grade)[] {
  if (member.eligible) return ['', ...GRADES];
  return member.grade ? ['', member.grade] : [''];
}

/** The grading page's address: /teams/grading?commune_id=12&year=2026 (each only when set). */
export function gradingUrl(filters: { communeId: number | null; year: number | null }): string {
  const params = new URLSearchParams();
  if (filters.communeId !== null) params.set('commune_id', String(filters.communeId));
  if (filters.year !== null) params.set('year', String(filters.year));
  const qs = params.toString();
  return qs ? `/teams/grading?${qs}` : '/teams/grading';
}
