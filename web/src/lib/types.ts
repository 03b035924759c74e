// Shapes of the antq HTTP API (see the API contract); only what the web app reads.

export type Role = 'admin' | 'officer' | 'team_member' | 'reviewer' | 'auditor';
export const ROLES: readonly Role[] = ['admin', 'officer', 'team_member', 'reviewer', 'auditor'];

export type Locale = 'vi' | 'en';

export interface User {
  id: number;
  username: string;
  full_name: string;
  role: Role;
  unit_id: number;
  unit_name: string;
  locale: Locale;
  totp_enabled: boolean;
  disabled: boolean;
  created_at: string;
}

export interface SessionResponse {
  user: User;
  csrf_token: string;
}

export type UnitKind =
  | 'country'
  | 'province'
  | 'district'
  | 'commune'
  | 'ward'
  | 'special_zone'
  | 'residential_area'
  | 'agency'
  | 'enterprise'
  | 'school';

export const UNIT_KINDS: readonly UnitKind[] = [
  'country',
  'province',
  'district',
  'commune',
  'ward',
  'special_zone',
  'residential_area',
  'agency',
  'enterprise',
  'school',
];

/** Kinds an officer (Cán bộ Công an xã) may create or edit inside their own scope. */
export const OFFICER_UNIT_KINDS: readonly UnitKind[] = [
  'residential_area',
  'agency',
  'enterprise',
  'school',
];

export interface Unit {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  designation: string;
  parent_id: number | null;
  valid_from: string | null;
  valid_to: string | null;
  remote: boolean;
  merged_into: number | null;
  demo: boolean;
  note: string;
  active: boolean;
}

export interface UnitNode extends Unit {
  children: UnitNode[];
}

export interface UnitAncestor {
  id: number;
  name: string;
  kind: UnitKind;
}

export interface UnitHistoryEntry {
  kind: 'merged' | 'moved';
  date: string;
  from_parent_id: number | null;
  to_parent_id: number | null;
  from_parent_name?: string | null;
  to_parent_name?: string | null;
  basis: string;
}

export interface UnitDetail extends Unit {
  ancestors: UnitAncestor[];
  history: UnitHistoryEntry[];
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor_id: number | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string;
  reason: string;
  detail: unknown;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  first_bad_id: number | null;
}

export interface TotpSetup {
  secret: string;
  otpauth_uri: string;
  qr_svg: string;
}
