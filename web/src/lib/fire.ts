// Fire-safety groups (tổ liên gia an toàn PCCC) as the pages need them: the extinguisher
// kinds, drill evaluations and check results in the forms' order, the words for a drill
// write's outcome, the id a drill gets in the browser, what a drill's photo may be, the kinds of incident,
// and the member list's refusals the page answers (a size outside the rule, a household in
// another group). Who may do what is the households' capabilities of the session
// (lib/capabilities.ts): the same people keep the households and their groups, and those
// who tick registrations record drills.
import { ApiError, type FireIncidentKind } from './api';
import type { Translator } from './i18n';
import type { DrillEvaluation, DrillWrite, ExtinguisherCheckResult, ExtinguisherKind, FireDue } from './schema';

// Every kind the API document names, in the form's order (a missing one fails tsc).
const KINDS: Record<ExtinguisherKind, number> = { abc_powder: 0, co2: 1, other: 2 };
export const EXTINGUISHER_KINDS: readonly ExtinguisherKind[] = (Object.keys(KINDS) as ExtinguisherKind[]).sort(
  (a, b) => KINDS[a] - KINDS[b],
);

const EVALUATIONS: Record<DrillEvaluation, number> = { good: 0, fair: 1, needs_work: 2 };
export const DRILL_EVALUATIONS: readonly DrillEvaluation[] = (Object.keys(EVALUATIONS) as DrillEvaluation[]).sort(
  (a, b) => EVALUATIONS[a] - EVALUATIONS[b],
);

const CHECK_RESULTS_ORDER: Record<ExtinguisherCheckResult, number> = {
  ok: 0,
  low_pressure: 1,
  damaged: 2,
  missing: 3,
  refilled: 4,
  replaced: 5,
};
export const CHECK_RESULTS: readonly ExtinguisherCheckResult[] = (
  Object.keys(CHECK_RESULTS_ORDER) as ExtinguisherCheckResult[]
).sort((a, b) => CHECK_RESULTS_ORDER[a] - CHECK_RESULTS_ORDER[b]);

const INCIDENT_KINDS_ORDER: Record<FireIncidentKind, number> = { fire: 0, explosion: 1, rescue: 2, other: 3 };
export const INCIDENT_KINDS: readonly FireIncidentKind[] = (Object.keys(INCIDENT_KINDS_ORDER) as FireIncidentKind[]).sort(
  (a, b) => INCIDENT_KINDS_ORDER[a] - INCIDENT_KINDS_ORDER[b],
);

/** A drill's photos as the server takes them (it checks the content): the picker's types, the size, how many. */
export const PHOTO_TYPES = 'image/jpeg,image/png,image/webp';
export const MAX_PHOTO_BYTES = 4 * 1024 * 1024;
export const MAX_PHOTOS = 5;

/** "Bình bột ABC", "Bình khí CO2", "Loại khác". */
export function kindLabel(t: Translator, kind: string): string {
  return t.dynamic(`web.fire.kind_${kind}`, kind);
}

/** "Tốt", "Đạt", "Cần cải thiện". */
export function evaluationLabel(t: Translator, evaluation: string): string {
  return t.dynamic(`web.fire.evaluation_${evaluation}`, evaluation);
}

/** "Đạt", "Áp suất thấp", "Hư hỏng", "Bị mất", "Đã nạp lại", "Đã thay bình mới". */
export function checkResultLabel(t: Translator, result: string): string {
  return t.dynamic(`web.fire.check_result_${result}`, result);
}

/** "Cháy", "Nổ", "Cứu nạn, cứu hộ", "Sự cố khác". */
export function incidentKindLabel(t: Translator, kind: string): string {
  return t.dynamic(`web.fire.incident_kind_${kind}`, kind);
}

/**
 * A new record id: a lowercase random UUID (version 4), made in the browser so that a
 * drill sent twice is stored once. crypto.randomUUID needs a secure context; a LAN
 * server on plain http has none, so the id is built from getRandomValues there.
 */
export function newRecordId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID().toLowerCase();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The group as a page names it: "Tổ liên gia Xóm Đồi (02545-LG-00001)" for a group named
 * "Xóm Đồi"; a name that already says "Tổ …" is not prefixed again.
 */
export function groupTitle(t: Translator, group: { name: string; code: string }): string {
  const name = group.name.trim();
  if (name.toLocaleLowerCase('vi').startsWith('tổ ')) return `${name} (${group.code})`;
  return t('fire.detail_title', { name, code: group.code });
}

/** The words for what a drill write did (the server's `outcome`). */
export function drillOutcomeMessage(t: Translator, outcome: DrillWrite['outcome'], values: { date: string; code: string }): string {
  if (outcome === 'inserted') return t('fire.drill_inserted', values);
  if (outcome === 'updated') return t('fire.drill_updated', values);
  return t('fire.drill_replayed', values);
}

/** A member list's refusals that the page shows by themselves, and the rest of the problem. */
export interface MemberProblems {
  /** The size warning (`members: group_size`), in the server's words naming the rule ("5–15"); null when none. */
  size: string | null;
  /** Each household already in another group, in the server's words naming that group. */
  taken: string[];
  /** The problem without those; null when nothing else is wrong. */
  rest: unknown;
}

/**
 * Splits a failed member list: the server's message carries what the catalog's does not
 * (the rule's numbers, the other group's code and name), so these two are shown in its words.
 */
export function memberProblems(t: Translator, error: unknown): MemberProblems {
  if (!(error instanceof ApiError) || error.status !== 422) return { size: null, taken: [], rest: error };
  const message = (e: ApiError['errors'][number]) => e.message || t.dynamic(`field_error.${e.code}`, e.code);
  const size = error.errors.find((e) => e.field === 'members' && e.code === 'group_size');
  const taken = error.errors.filter((e) => e.field === 'household_ids' && e.code === 'in_other_group');
  const others = error.errors.filter((e) => e !== size && !taken.includes(e));
  const rest =
    others.length === error.errors.length
      ? error
      : others.length === 0
        ? null
        : new ApiError({ status: error.status, slug: error.slug, title: error.title, detail: error.detail, errors: others, requestId: error.requestId });
  return { size: size ? message(size) : null, taken: taken.map(message), rest };
}

export type DueState = 'expired' | 'expiring';

/** The extinguisher lines on the server's due lists, by id (the page does not work out the rule). */
export function dueStates(due: FireDue | undefined): ReadonlyMap<number, DueState> {
  const states = new Map<number, DueState>();
  if (!due) return states;
  for (const e of due.expiring.items) states.set(e.id, 'expiring');
  for (const e of due.expired.items) states.set(e.id, 'expired');
  return states;
}
