// Value lists the web app shows in its own order (the role picker). Their values
// come from the API document: each list must name every value of its generated union once,
// so a role or kind added to docs/openapi.yaml fails `tsc` until it is listed here too.
// The mailbox's lists are not here: the server serves them (lib/taxonomies.ts); nor are
// the unit kinds a user may add or change: each unit comes with them (`child_kinds`,
// `manageable`).
import type { ModelActivityKind, ModelAssessmentRating, ModelBoardRole, ModelTeamRole, Role } from './schema';

type Missing<T, L extends readonly T[]> = Exclude<T, L[number]>;
/** `list` as it is, once it holds every value of `T` (a missing one is a type error). */
const every =
  <T extends string>() =>
  <const L extends readonly T[]>(list: [Missing<T, L>] extends [never] ? L : Missing<T, L>): L =>
    list as L;

export const ROLES: readonly Role[] = every<Role>()([
  'admin',
  'officer',
  'team_member',
  'reviewer',
  'auditor',
]);

/** A model site's board roles, in the form's order: trưởng ban, phó ban, thành viên. */
export const BOARD_ROLES: readonly ModelBoardRole[] = every<ModelBoardRole>()(['head', 'deputy', 'member']);

/** A model team's roles, in the form's order: tổ trưởng, tổ phó, tổ viên. */
export const MODEL_TEAM_ROLES: readonly ModelTeamRole[] = every<ModelTeamRole>()(['leader', 'deputy', 'member']);

/** What a model site's activity was, in the form's order. */
export const ACTIVITY_KINDS: readonly ModelActivityKind[] = every<ModelActivityKind>()([
  'meeting',
  'patrol',
  'propaganda',
  'mediation',
  'other',
]);

/** A model site's yearly assessment, best first. */
export const RATINGS: readonly ModelAssessmentRating[] = every<ModelAssessmentRating>()([
  'effective',
  'partly_effective',
  'ineffective',
]);
