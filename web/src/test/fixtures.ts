// Test data shaped as the server sends it: each factory fills in a plausible record and takes
// the fields a test is about.
import type { SessionUser } from '../lib/capabilities';
import type { OfflinePack } from '../lib/offline-pack';
import type {
  Box,
  Capability,
  Extinguisher,
  FireDue,
  FireGroup,
  FireGroupDetail,
  FireHouse,
  GradingSheet,
  Household,
  HouseholdDetail,
  MailboxTaxonomies,
  MemberGrade,
  ModelSiteDetail,
  ModelSiteLimits,
  ModelType,
  Opening,
  Patrol,
  Role,
  SecurityTeam,
  Session,
  SecurityTeamDetail,
  TeamMember,
  Tip,
  TipDetail,
  TipStatus,
  UnitDirectoryEntry,
  UnitKind,
  UnitNode,
} from '../lib/schema';

/**
 * The capabilities the server gives each role with the session (its community rules,
 * src/modules/community/internal.hpp, named by capabilities.cpp), mirrored here for tests
 * only: a test user of a role then has what the real one would. The app itself keeps no
 * such table; it asks the session's (lib/capabilities.ts).
 */
export const CAPABILITIES_BY_ROLE: Readonly<Record<Role, readonly Capability[]>> = {
  admin: [
    'households.read',
    'households.write',
    'households.sheets',
    'teams.keep',
    'gradings.read',
    'models.read',
    'models.keep',
    'models.types',
  ],
  officer: [
    'households.read',
    'households.write',
    'households.witness',
    'households.phones',
    'households.sheets',
    'teams.keep',
    'gradings.read',
    'gradings.grade',
    'models.read',
    'models.keep',
    'models.record',
    'offline.pack',
  ],
  team_member: ['households.read', 'households.write', 'households.witness', 'models.read', 'models.record', 'offline.pack'],
  reviewer: ['households.read', 'gradings.read', 'models.read'],
  auditor: [],
};

/**
 * A logged-in user as the app keeps it: the administrator of Việt Nam unless told otherwise,
 * with the capabilities the server gives the role (unless `capabilities` is told too).
 */
export function testUser(over: Partial<SessionUser> = {}): SessionUser {
  const role = over.role ?? 'admin';
  return {
    id: 1,
    username: 'admin',
    full_name: 'Nguyễn Văn A',
    role,
    unit_id: 1,
    unit_name: 'Việt Nam',
    locale: 'vi',
    totp_enabled: false,
    identity_permission: false,
    disabled: false,
    created_at: '2026-11-28T10:00:00Z',
    phone: null,
    phone_national: null,
    sms_opt_in: false,
    capabilities: CAPABILITIES_BY_ROLE[role],
    ...over,
  };
}

/** The login or /auth/me answer that gives `user` (with its capabilities) and a CSRF token. */
export function sessionOf(user: SessionUser, csrfToken = 'tok'): Session {
  const { capabilities, ...rest } = user;
  return { user: rest, csrf_token: csrfToken, capabilities: [...capabilities] };
}

/** A unit of the tree; Việt Nam unless told otherwise. */
export function unitNode(over: Partial<UnitNode> = {}): UnitNode {
  return {
    id: 1,
    code: 'VN',
    name: 'Việt Nam',
    name_en: 'Viet Nam',
    kind: 'country',
    designation: '',
    parent_id: null,
    valid_from: null,
    valid_to: null,
    remote: false,
    merged_into: null,
    demo: false,
    note: '',
    hotline: '',
    active: true,
    children: [],
    ...over,
  };
}

/** A unit as the country-wide directory gives it, with the names of the units it lies in. */
export function directoryUnit(over: Partial<UnitDirectoryEntry> = {}): UnitDirectoryEntry {
  const { children: _children, ...unit } = unitNode();
  return { ...unit, within: [], ...over };
}

/** unitNode in short: the unit `id` (code U<id>) of a kind and name, with its children. */
export function treeUnit(
  id: number,
  kind: UnitKind,
  name: string,
  children: UnitNode[] = [],
  active = true,
): UnitNode {
  return unitNode({ id, code: `U${id}`, kind, name, children, active });
}

/** The commune of Tân Trào (id 12), in the province of Tuyên Quang (id 2). */
export const COMMUNE: UnitNode = unitNode({
  id: 12,
  code: 'TT',
  name: 'Tân Trào',
  kind: 'commune',
  designation: 'xã',
  parent_id: 2,
});

/** A paper mailbox of Tân Trào, never opened. */
export function mailBox(over: Partial<Box> = {}): Box {
  return {
    id: 3,
    unit_id: 12,
    unit_name: 'Tân Trào',
    village_id: null,
    village_name: '',
    place: 'Chợ Tân Trào',
    active: true,
    created_at: '2026-11-01T00:00:00Z',
    last_opened_at: null,
    openings: 0,
    ...over,
  };
}

/** An opening of box 3, by two people, that found two letters, none registered yet. */
export function boxOpening(over: Partial<Opening> = {}): Opening {
  return {
    id: 5,
    box_id: 3,
    box_place: 'Chợ Tân Trào',
    unit_id: 12,
    opened_at: '2026-11-28T02:00:00Z',
    people: [
      { name: 'Nguyễn Văn An', position: 'Trưởng Công an xã' },
      { name: 'Hoàng Thị Dung', position: 'Trưởng thôn' },
    ],
    letters: 2,
    registered: 0,
    number: '',
    notes: '',
    recorded_by: 'officer.tantrao',
    created_at: '2026-11-28T02:05:00Z',
    ...over,
  };
}

/** GET /api/v1/mailbox/taxonomies as the server answers it (lib/taxonomies.ts). */
export const TAXONOMIES: MailboxTaxonomies = {
  kinds: [
    {
      code: 'denunciation',
      label: { vi: 'Tố giác tội phạm', en: 'Crime denunciation' },
      legal_deadline: true,
      receipt_record: true,
    },
    {
      code: 'crime_report',
      label: { vi: 'Tin báo về tội phạm', en: 'Crime report' },
      legal_deadline: true,
      receipt_record: true,
    },
    {
      code: 'security_report',
      label: { vi: 'Phản ánh về ANTT', en: 'Security and order report' },
      legal_deadline: false,
      receipt_record: false,
    },
    {
      code: 'suggestion',
      label: { vi: 'Góp ý', en: 'Suggestion' },
      legal_deadline: false,
      receipt_record: false,
    },
  ],
  statuses: [
    {
      code: 'received',
      label: { vi: 'Mới tiếp nhận', en: 'Received' },
      deadline_runs: true,
      next: ['verifying', 'transferred', 'duplicate'],
    },
    {
      code: 'verifying',
      label: { vi: 'Đang xác minh', en: 'Verifying' },
      deadline_runs: true,
      next: ['transferred', 'resolved', 'unfounded', 'duplicate'],
    },
    {
      code: 'transferred',
      label: { vi: 'Đã chuyển', en: 'Transferred' },
      deadline_runs: false,
      next: ['closed'],
    },
    {
      code: 'resolved',
      label: { vi: 'Đã giải quyết', en: 'Resolved' },
      deadline_runs: false,
      next: ['closed'],
    },
    {
      code: 'unfounded',
      label: { vi: 'Không có căn cứ', en: 'Unfounded' },
      deadline_runs: false,
      next: ['closed'],
    },
    {
      code: 'duplicate',
      label: { vi: 'Trùng', en: 'Duplicate' },
      deadline_runs: false,
      next: ['closed'],
    },
    { code: 'closed', label: { vi: 'Đã đóng', en: 'Closed' }, deadline_runs: false, next: [] },
  ],
  channels: [
    { code: 'web', label: { vi: 'Trực tuyến', en: 'Online' }, registrable: false },
    { code: 'in_person', label: { vi: 'Trực tiếp', en: 'In person' }, registrable: true },
    { code: 'phone', label: { vi: 'Điện thoại', en: 'Phone' }, registrable: true },
    { code: 'post', label: { vi: 'Bưu điện', en: 'Post' }, registrable: true },
    { code: 'vneid', label: { vi: 'Ứng dụng VNeID', en: 'VNeID app' }, registrable: true },
    {
      code: 'transfer',
      label: { vi: 'Chuyển đến từ cơ quan khác', en: 'Transferred from another agency' },
      registrable: true,
    },
    { code: 'box', label: { vi: 'Hòm thư giấy', en: 'Paper mailbox' }, registrable: true },
  ],
  identity_modes: [
    { code: 'anonymous', label: { vi: 'Ẩn danh', en: 'Anonymous' } },
    { code: 'confidential', label: { vi: 'Bảo mật danh tính', en: 'Confidential identity' } },
    { code: 'open', label: { vi: 'Công khai', en: 'Open' } },
  ],
};

/** What the server says with each tip of a status (its workflow), for test tips. */
const SERVER_NEXT = Object.fromEntries(
  TAXONOMIES.statuses.map((status) => [status.code, status.next]),
) as Record<TipStatus, TipStatus[]>;

/** A readable, anonymous denunciation to Tân Trào (unit 7), received and due in 24 hours;
 *  the workflow fields follow its status and kind as the server would send them. */
export function tip(over: Partial<Tip> = {}): Tip {
  const status = over.status ?? 'received';
  const kind = over.kind ?? 'denunciation';
  return {
    id: 12,
    unit_id: 7,
    unit_name: 'Tân Trào',
    village_id: null,
    kind: 'denunciation',
    channel: 'web',
    status: 'received',
    identity_mode: 'anonymous',
    wants_outcome: false,
    received_at: '2026-11-28T10:00:00Z',
    deadline_at: '2026-11-29T10:00:00Z',
    transferred_at: null,
    closed_at: null,
    duplicate_of: null,
    assignee_id: null,
    overdue: false,
    useful: false,
    solved_case: false,
    box_opening_id: null,
    next_statuses: SERVER_NEXT[status],
    deadline_running: status === 'received' || status === 'verifying',
    receipt_record: kind === 'denunciation' || kind === 'crime_report',
    readable: true,
    description: 'Đánh bạc',
    when: '',
    where: '',
    latitude: null,
    longitude: null,
    ...over,
  };
}

/** tip() as GET /tips/{id} answers it: with its history, conversation and files (empty). */
export function tipDetail(over: Partial<TipDetail> = {}): TipDetail {
  return { ...tip(over), events: [], messages: [], files: [], ...over };
}

/** A household of Khuôn Điển (village 20 of Tân Trào), with a phone, not registered this year. */
export function household(over: Partial<Household> = {}): Household {
  return {
    id: 42,
    code: 'TT-HO-00042',
    village_id: 20,
    village_name: 'Khuôn Điển',
    head_name: 'Hoàng Văn Khuôn',
    address: 'Xóm Đình',
    members: 4,
    has_phone: true,
    consent: { on: '2026-11-20', channel: 'officer', text_version: 'M01' },
    since_on: null,
    left_on: null,
    note: '',
    demo: false,
    version: 1,
    registration_year: 2027,
    registration: null,
    ...over,
  };
}

/** household() as GET /community/households/{id} answers it: with every year's registration. */
export function householdDetail(over: Partial<HouseholdDetail> = {}): HouseholdDetail {
  return { ...household(over), registrations: [], ...over };
}

/** Khuôn Điển's fire-safety group 3 of 6 households, never drilled. */
export function fireGroup(over: Partial<FireGroup> = {}): FireGroup {
  return {
    id: 3,
    code: 'TT-LG-00003',
    village_id: 20,
    village_name: 'Khuôn Điển',
    name: 'Tổ liên gia số 3',
    leader_household_id: null,
    founded_on: '2026-03-01',
    dissolved_on: null,
    size_reason: '',
    last_drill_on: null,
    note: '',
    demo: false,
    version: 1,
    members: 6,
    ...over,
  };
}

/** A line of one 4 kg ABC powder extinguisher of household 42, in service. */
export function extinguisher(over: Partial<Extinguisher> = {}): Extinguisher {
  return {
    id: 7,
    household_id: 42,
    kind: 'abc_powder',
    kind_note: '',
    capacity_kg: 4,
    count: 1,
    manufactured_on: '2024-01-10',
    last_refill_on: null,
    expires_on: '2026-12-12',
    retired_on: null,
    last_check_on: null,
    version: 1,
    ...over,
  };
}

/** Household 42 as a member house of a group, with one extinguisher and no other gear. */
export function fireHouse(over: Partial<FireHouse> = {}): FireHouse {
  return {
    household_id: 42,
    code: 'TT-HO-00042',
    head_name: 'Hoàng Văn Khuôn',
    address: 'Xóm Đình',
    members: 4,
    extinguishers: [extinguisher()],
    gear: null,
    ...over,
  };
}

/** fireGroup() as GET /community/fire-groups/{id} answers it. */
export function fireGroupDetail(over: Partial<FireGroupDetail> = {}): FireGroupDetail {
  return { ...fireGroup(over), houses: [fireHouse()], points: [], ...over };
}

/** GET /community/fire-due on 2 December 2026: empty lists unless told. */
export function fireDue(over: Partial<FireDue> = {}): FireDue {
  const none = { total: 0, items: [] };
  return {
    day: '2026-12-02',
    expiring_until: '2027-01-01',
    expired: none,
    expiring: none,
    without_drill: none,
    without_extinguisher: none,
    ...over,
  };
}

/** Khuôn Điển's security team 5 over two villages of Tân Trào, with 3 members today. */
export function securityTeam(over: Partial<SecurityTeam> = {}): SecurityTeam {
  return {
    id: 5,
    code: 'TT-TBV-001',
    commune_id: 12,
    commune_name: 'Tân Trào',
    name: 'Tổ bảo vệ ANTT thôn Khuôn Điển',
    decision_number: '15/QĐ-UBND',
    decision_on: '2024-07-01',
    decision_signer: 'Nguyễn Văn Bình',
    founded_on: '2024-07-01',
    dissolved_on: null,
    note: '',
    demo: false,
    version: 1,
    villages: [
      { id: 20, name: 'Khuôn Điển' },
      { id: 21, name: 'Làng Hản' },
    ],
    members: 3,
    ...over,
  };
}

/** A member of team 5 since the team was founded: Hoàng Văn Sơn, its leader, no phone. */
export function teamMember(over: Partial<TeamMember> = {}): TeamMember {
  return {
    id: 7,
    team_id: 5,
    full_name: 'Hoàng Văn Sơn',
    birth_date: '1975-03-08',
    birth_year: 1975,
    position: 'leader',
    residence: 'Xóm Đình, thôn Khuôn Điển',
    has_phone: false,
    phone_public: false,
    joined_on: '2024-07-01',
    left_on: null,
    note: '',
    version: 1,
    ...over,
  };
}

/** securityTeam() as GET /community/teams/{id} answers it: a leader, a deputy, a member, and one who left. */
export function securityTeamDetail(over: Partial<SecurityTeamDetail> = {}): SecurityTeamDetail {
  return {
    ...securityTeam(over),
    member_list: [
      teamMember(),
      teamMember({ id: 8, full_name: 'Ma Thị Hoa', birth_date: '1982-09-21', position: 'deputy', has_phone: true, phone_public: true }),
      teamMember({ id: 9, full_name: 'Nông Văn Tài', birth_date: '1990-01-15', position: 'member', joined_on: '2025-01-10' }),
      teamMember({ id: 10, full_name: 'Lý Văn Sơn', birth_date: '1985-11-03', position: 'member', left_on: '2026-03-31', note: 'Chuyển công tác' }),
    ],
    ...over,
  };
}

/** A night patrol of team 5 by its leader and deputy, without a route. */
export function patrol(over: Partial<Patrol> = {}): Patrol {
  return {
    id: '3d9a7c1e-52b4-4f0a-8e61-0b7f2c9d4a15',
    team_id: 5,
    patrol_on: '2026-11-28',
    shift: 'night',
    member_ids: [7, 8],
    route: [],
    findings: 'Phát hiện 1 xe máy không biển số, đã báo Công an xã',
    tip_refs: 'TG-2026-0042',
    version: 1,
    ...over,
  };
}

/** A member on Tân Trào's grading sheet: team 5's leader, eligible, not graded yet. */
export function memberGrade(over: Partial<MemberGrade> = {}): MemberGrade {
  return {
    member_id: 7,
    full_name: 'Hoàng Văn Tuần',
    position: 'leader',
    joined_on: '2024-07-01',
    left_on: null,
    team_id: 5,
    team_code: 'TT-TBV-001',
    team_name: 'Tổ bảo vệ ANTT thôn Khuôn Điển',
    eligible: true,
    not_eligible: '',
    grade: null,
    note: '',
    ...over,
  };
}

/** Tân Trào's grading of 2026, a draft in its window: one "xuất sắc" and four "tốt" (the quota holds), one member under nine months. */
export function gradingSheet(over: Partial<GradingSheet> = {}): GradingSheet {
  return {
    commune_id: 12,
    year: 2026,
    status: 'draft',
    window_from: '2026-11-01',
    window_to: '2027-01-31',
    window_open: true,
    reopen_reason: '',
    version: 6,
    members: [
      memberGrade({ grade: 'excellent', note: 'Phát hiện, báo tin giúp bắt 2 vụ trộm trâu' }),
      memberGrade({ member_id: 8, full_name: 'Ma Thị Hoa', position: 'deputy', grade: 'good' }),
      memberGrade({ member_id: 9, full_name: 'Nông Văn Tài', position: 'member', grade: 'good' }),
      memberGrade({ member_id: 11, full_name: 'Triệu Văn Phúc', position: 'member', grade: 'good' }),
      memberGrade({ member_id: 12, full_name: 'Bàn Thị Nga', position: 'member', grade: 'good' }),
      memberGrade({ member_id: 10, full_name: 'Đàm Văn Lực', position: 'member', joined_on: '2026-03-01', eligible: false, not_eligible: 'under_nine_months' }),
    ],
    excellent: 1,
    good: 4,
    complete: 0,
    incomplete: 0,
    ungraded: 0,
    max_excellent: 1,
    quota_ok: true,
    ...over,
  };
}

/** The built-in linked type "Liên kết về ANTT" (id 3). */
export function modelType(over: Partial<ModelType> = {}): ModelType {
  return {
    id: 3,
    code: 'LKANTT',
    name: 'Liên kết về ANTT',
    description: 'Liên kết giữa các đơn vị, địa phương với đơn vị thường trực luân phiên hằng năm',
    source: null,
    automatic: false,
    linked: true,
    builtin: true,
    active: true,
    sort: 30,
    version: 1,
    ...over,
  };
}

/** The built-in camera type, counted automatically (id 4). */
export const CAMERA_TYPE: ModelType = modelType({
  id: 4,
  code: 'CAMANTT',
  name: 'Camera an ninh',
  description: 'Tự động: thôn, tổ dân phố có camera an ninh đã xác nhận',
  source: 'cameras',
  automatic: true,
  linked: false,
  sort: 40,
});

/** What a site holds at most, as the server says. */
export const MODEL_SITE_LIMITS: ModelSiteLimits = { board: 30, team_members: 100, participants: 50, regulation_bytes: 10 * 1024 * 1024 };

/** A linked site of Tân Trào (id 12) with Kiến Thiết (id 451) taking part, nothing hung on it yet. */
export function modelSiteDetail(over: Partial<ModelSiteDetail> = {}): ModelSiteDetail {
  return {
    id: 1,
    code: '02545-MH-001',
    type_id: 3,
    type_name: 'Liên kết về ANTT',
    linked: true,
    unit_id: 12,
    unit_name: 'Tân Trào',
    name: 'Liên kết ANTT Tân Trào – Kiến Thiết',
    launched_on: '2024-03-26',
    ended_on: null,
    note: '',
    demo: false,
    participants: [{ unit_id: 451, unit_name: 'Kiến Thiết', joined_on: '2024-03-26' }],
    standing: [],
    version: 1,
    board: [],
    teams: [],
    assessments: [],
    regulation: null,
    // As the server reckons them on 02/12/2026.
    standing_years: [2027, 2026, 2025, 2024],
    assessable_years: [2026, 2025, 2024],
    limits: MODEL_SITE_LIMITS,
    may_keep: true,
    may_record: true,
    ...over,
  };
}

/**
 * The offline pack of Khuôn Điển (village 40 of commune 12) as the server renders it: three
 * households (one registered this year), a fire-safety group with an extinguisher, a team of
 * three and a square boundary; each list replaced by the test that needs another.
 */
export function offlinePack(over: Partial<OfflinePack> = {}): OfflinePack {
  return {
    village: {
      id: 40,
      code: 'DEMO-KQ-KHUONDIEN',
      name: 'Khuôn Điển',
      name_en: '',
      kind: 'residential_area',
      designation: 'thôn',
      parent_id: 12,
      valid_from: null,
      valid_to: null,
      remote: false,
      merged_into: null,
      demo: true,
      note: '',
      hotline: '',
      active: true,
    },
    commune: { id: 12, code: '02545', name: 'Tân Trào' },
    today: '2026-12-02',
    year: 2027,
    recent_from: '2026-11-02',
    boundary: {
      type: 'Feature',
      id: 40,
      bbox: [105.44, 21.8, 105.46, 21.82],
      properties: { code: 'DEMO-KQ-KHUONDIEN', name: 'Khuôn Điển', designation: 'thôn', kind: 'residential_area', points: 5, tolerance_m: 10 },
      geometry: {
        type: 'MultiPolygon',
        coordinates: [[[[105.44, 21.8], [105.46, 21.8], [105.46, 21.82], [105.44, 21.82], [105.44, 21.8]]]],
      },
    },
    boundary_of: 'village',
    households: [
      { id: 5, code: '02545-HO-00005', head_name: 'Triệu Thị Yến', address: 'Xóm Cầu', members: 5, fire_group_id: 1, version: 2, registration: { year: 2027, registered_on: '2026-11-01', signed: true, note: '', version: 1 } },
      { id: 7, code: '02545-HO-00007', head_name: 'Nguyễn Văn Hùng', address: 'Xóm Cầu', members: 4, fire_group_id: 1, version: 2, registration: null },
      { id: 9, code: '02545-HO-00009', head_name: 'Nguyễn Thị Hương', address: 'Xóm Trại', members: 3, fire_group_id: null, version: 1, registration: null },
    ],
    fire_groups: [{ id: 1, code: '02545-LG-00001', name: 'Tổ liên gia xóm Cầu', leader_household_id: 7, last_drill_on: null, household_ids: [5, 7], version: 3 }],
    extinguishers: [
      { id: 2, household_id: 7, kind: 'abc_powder', kind_note: '', capacity_kg: 4, count: 1, manufactured_on: '2024-05-01', last_refill_on: null, expires_on: '2027-05-01', retired_on: null, last_check_on: null, version: 1 },
    ],
    gear: [],
    teams: [
      {
        id: 1,
        code: '02545-TBV-001',
        name: 'Tổ bảo vệ ANTT thôn Khuôn Điển',
        founded_on: '2024-07-01',
        members: [
          { id: 11, full_name: 'Hoàng Văn Sơn', position: 'leader', joined_on: '2024-07-01' },
          { id: 12, full_name: 'Ma Thị Hoa', position: 'deputy', joined_on: '2024-07-01' },
          { id: 13, full_name: 'Nông Văn Tài', position: 'member', joined_on: '2024-07-01' },
        ],
        version: 1,
      },
    ],
    patrols: [],
    drills: [],
    meetings: [],
    extinguisher_checks: [],
    ...over,
  };
}
