// Village security teams (Tổ bảo vệ an ninh, trật tự ở cơ sở) as the pages need them: the
// positions and shifts in the forms' order with their words, who is in a team on a day,
// the id a patrol gets in the browser, the route as typed or clicked, and the refusals the
// pages show in the server's words (the other team, the leader, where a route point lies).
// Who may do what comes with the session (lib/capabilities.ts): households.read opens the
// pages, teams.keep keeps teams and their members, households.witness records patrols.
import { ApiError, type FieldError } from './api';
import { newRecordId } from './fire';
import { fieldErrorMessage, type Translator } from './i18n';
import type { PatrolShift, PatrolWrite, TeamMember, TeamMemberPosition } from './schema';

// Every position and shift the API document names, in the forms' order (a missing one fails tsc).
const POSITION_ORDER: Record<TeamMemberPosition, number> = { leader: 0, deputy: 1, member: 2 };
export const POSITIONS: readonly TeamMemberPosition[] = (Object.keys(POSITION_ORDER) as TeamMemberPosition[]).sort(
  (a, b) => POSITION_ORDER[a] - POSITION_ORDER[b],
);

const SHIFT_ORDER: Record<PatrolShift, number> = { morning: 0, afternoon: 1, evening: 2, night: 3 };
export const SHIFTS: readonly PatrolShift[] = (Object.keys(SHIFT_ORDER) as PatrolShift[]).sort(
  (a, b) => SHIFT_ORDER[a] - SHIFT_ORDER[b],
);

/** "Tổ trưởng", "Tổ phó", "Tổ viên". */
export function positionLabel(t: Translator, position: string): string {
  return t.dynamic(`web.teams.position_${position}`, position);
}

/** "Ca sáng", "Ca chiều", "Ca tối", "Ca đêm". */
export function shiftLabel(t: Translator, shift: string): string {
  return t.dynamic(`web.teams.shift_${shift}`, shift);
}

/** A new patrol's id: a lowercase random UUID made in the browser, so a patrol sent twice is stored once. */
export function newPatrolId(): string {
  return newRecordId();
}

/** The team as a page names it: "Tổ bảo vệ ANTT thôn Khuôn Điển (02545-TBV-001)". */
export function teamTitle(team: { name: string; code: string }): string {
  return `${team.name.trim()} (${team.code})`;
}

/** Whether the member is in the team on `day` (yyyy-mm-dd): joined by then and not yet left. */
export function inTeamOn(member: Pick<TeamMember, 'joined_on' | 'left_on'>, day: string): boolean {
  return member.joined_on <= day && (member.left_on === null || day < member.left_on);
}

/** The words for what a patrol write did (the server's `outcome`). */
export function patrolOutcomeMessage(
  t: Translator,
  outcome: PatrolWrite['outcome'],
  values: { date: string; shift: string; code: string },
): string {
  if (outcome === 'inserted') return t('teams.patrol_inserted', values);
  if (outcome === 'updated') return t('teams.patrol_updated', values);
  return t('teams.patrol_replayed', values);
}

// Refusals whose message names what the catalog's cannot: the other team (code and name),
// the leader already there, the commune a route point lies in.
const NAMED = new Set(['in_other_team', 'second_leader', 'outside_commune']);

/**
 * Field → message of a refusal, in the server's words where they name someone or something
 * (`full_name: in_other_team`, `position: second_leader`), else the catalog's.
 */
export function namedFieldErrors(t: Translator, error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const e of error.errors) {
    if (e.line !== undefined || e.field in out) continue;
    out[e.field] = NAMED.has(e.code) && e.message ? e.message : fieldErrorMessage(t, e);
  }
  return out;
}

/** A refusal split: those told in the server's words (shown apart), and the rest for ErrorMessage. */
export function splitNamed(error: unknown): { named: FieldError[]; rest: unknown } {
  if (!(error instanceof ApiError) || error.status !== 422) return { named: [], rest: error };
  const named = error.errors.filter((e) => NAMED.has(e.code) && e.message);
  if (named.length === 0) return { named, rest: error };
  const others = error.errors.filter((e) => !named.includes(e));
  const rest =
    others.length === 0
      ? null
      : new ApiError({ status: error.status, slug: error.slug, title: error.title, detail: error.detail, errors: others, requestId: error.requestId });
  return { named, rest };
}

const ROUTE_WARNINGS = new Set(['outside_vietnam', 'outside_commune']);

/** The route warning of a failed patrol, if that is all that stopped it (in the server's words). */
export function routeWarning(t: Translator, error: unknown): string | null {
  if (!(error instanceof ApiError) || error.errors.length === 0) return null;
  if (!error.errors.every((e) => e.field === 'route' && ROUTE_WARNINGS.has(e.code))) return null;
  const first = error.errors[0];
  return first ? first.message || fieldErrorMessage(t, first) : null;
}

/** A route point as a line of the route field: "21.805610, 105.451560" (a click, to 0.1 m). */
export function routeLine(lat: number, lon: number): string {
  return `${lat.toFixed(6)}, ${lon.toFixed(6)}`;
}

const POINT = /^(-?\d+(?:\.\d+)?)\s*[,;\s]\s*(-?\d+(?:\.\d+)?)$/;

/** The route field's lines, without the empty ones. */
export function routeLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * The route as sent: each line "lat, lon" as [lat, lon] (what a click gives), any other line
 * as typed, for the server to name its problem (`route: invalid_format`, `swapped`…).
 */
export function routeOf(text: string): ([number, number] | string)[] {
  return routeLines(text).map((line) => {
    const m = POINT.exec(line);
    return m ? [Number(m[1]), Number(m[2])] : line;
  });
}

/** The route's points that can be drawn (the lines read as numbers). */
export function drawablePoints(route: readonly (readonly number[] | string)[]): { lat: number; lon: number }[] {
  const out: { lat: number; lon: number }[] = [];
  for (const p of route) {
    if (typeof p === 'string' || p.length !== 2) continue;
    const [lat, lon] = p;
    if (lat !== undefined && lon !== undefined && Number.isFinite(lat) && Number.isFinite(lon)) out.push({ lat, lon });
  }
  return out;
}
