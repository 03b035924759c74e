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
  /** May reveal a confidential or open tipster's identity (commune officers). */
  identity_permission?: boolean;
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

// ---- Mailbox (Hòm thư góp ý và tố giác tội phạm) ---------------------------------------

export type TipKind = 'denunciation' | 'crime_report' | 'security_report' | 'suggestion';
export const TIP_KINDS: readonly TipKind[] = [
  'denunciation',
  'crime_report',
  'security_report',
  'suggestion',
];

export type TipStatus =
  'received' | 'verifying' | 'transferred' | 'resolved' | 'unfounded' | 'duplicate' | 'closed';
export const TIP_STATUSES: readonly TipStatus[] = [
  'received',
  'verifying',
  'transferred',
  'resolved',
  'unfounded',
  'duplicate',
  'closed',
];

/** Tips in the officer's scope per status, whatever the list's filters; a status without tips
 *  is left out. */
export type TipCounts = Partial<Record<TipStatus, number>>;

/** A page of GET /tips: the tips asked for, how many match, and the counts per status. */
export interface TipPage extends Page<Tip> {
  counts: TipCounts;
  /** Tips in scope whose status is one during which a legal deadline runs. */
  running: number;
}

export type TipChannel = 'web' | 'in_person' | 'phone' | 'post' | 'vneid' | 'transfer' | 'box';
/** The channels an officer registers a tip from ("web" is the residents' own form). */
export const REGISTER_CHANNELS: readonly TipChannel[] = [
  'in_person',
  'phone',
  'post',
  'vneid',
  'transfer',
  'box',
];
export type IdentityMode = 'anonymous' | 'confidential' | 'open';
export const IDENTITY_MODES: readonly IdentityMode[] = ['anonymous', 'confidential', 'open'];

/** A tip as an officer sees it; the content fields are present only when `readable`. */
export interface Tip {
  id: number;
  unit_id: number;
  unit_name: string;
  village_id: number | null;
  kind: TipKind;
  channel: TipChannel;
  status: TipStatus;
  identity_mode: IdentityMode;
  wants_outcome: boolean;
  received_at: string;
  deadline_at: string | null;
  transferred_at: string | null;
  closed_at: string | null;
  duplicate_of: number | null;
  assignee_id: number | null;
  overdue: boolean;
  /** The statuses the workflow lets this tip move to next (the server's rule). */
  next_statuses: TipStatus[];
  /** The status is one during which a legal deadline runs (received, verifying). */
  deadline_running: boolean;
  /** Its kind gets the record of receiving crime information (.docx). */
  receipt_record: boolean;
  /** The paper-mailbox opening a letter came from (channel "box"). */
  box_opening_id?: number | null;
  readable: boolean;
  description?: string;
  when?: string;
  where?: string;
  latitude?: number | null;
  longitude?: number | null;
}

export interface TipEvent {
  at: string;
  actor_name: string;
  from: TipStatus;
  to: TipStatus;
  reason: string;
  transferred_to: string;
  minutes_number: string;
  duplicate_of: number | null;
}

export interface TipMessage {
  id: number;
  author: 'officer' | 'tipster';
  /** The officer's username; empty for the tipster. */
  author_name: string;
  internal: boolean;
  body: string;
  created_at: string;
}

/** A file attached to a tip; name and mime are empty when the officer cannot open it. */
export interface TipFile {
  id: number;
  name: string;
  mime: string;
  size: number;
  author: 'tipster' | 'officer';
  created_at: string;
}

export interface TipDetail extends Tip {
  events: TipEvent[];
  messages: TipMessage[];
  files?: TipFile[];
}

/** POST /tips answers with the tip and, when asked for, the tipster's receipt code. */
export interface RegisteredTip {
  tip: TipDetail;
  receipt: string | null;
}

export interface RevealedIdentity {
  name: string;
  phone: string;
  address: string;
}

export interface MailboxKeyHolder {
  user_id: number;
  username: string;
  usable: boolean;
}

export interface MailboxKeyStatus {
  unit_id: number;
  /** 0 while the commune has no key (its mailbox is not open). */
  version: number;
  holders: MailboxKeyHolder[];
}

// ---- Paper mailboxes (hòm thư giấy) ----------------------------------------------------

export interface MailBox {
  id: number;
  unit_id: number;
  unit_name: string;
  village_id: number | null;
  village_name: string;
  /** Where the box stands: "Nhà văn hóa thôn Khuôn Điển". */
  place: string;
  /** false once taken down (kept for the history). */
  active: boolean;
  created_at: string;
  last_opened_at: string | null;
  openings: number;
}

/** Someone present when a box was opened. */
export interface Witness {
  name: string;
  position: string;
}

export interface BoxOpening {
  id: number;
  box_id: number;
  box_place: string;
  unit_id: number;
  opened_at: string;
  people: Witness[];
  /** Letters found in the box. */
  letters: number;
  /** Letters registered as tips so far. */
  registered: number;
  /** Number of the minutes, e.g. "07/BB-CAX". */
  number: string;
  notes: string;
  recorded_by: string;
  created_at: string;
}
