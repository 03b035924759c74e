// The one way the web app talks to the antq server: JSON over fetch, same-origin cookie
// session, X-CSRF-Token on every non-GET, RFC 9457 problems turned into ApiError.
import type { components, operations } from './api-schema';
import type {
  AuditPage,
  CameraCheckInput,
  CameraCones,
  CameraDetail,
  CameraInput,
  CameraImportResult,
  CameraList,
  CameraMaintenance,
  CameraTaxonomies,
  CameraOwner,
  CameraQuery,
  CameraCoverage,
  CameraRoadImport,
  CameraRoads,
  CameraRouteQuery,
  CameraRouteResult,
  CameraSearchQuery,
  CameraSearchResult,
  CameraStatusChange,
  CameraUpdate,
  Camera,
  FootageLink,
  FootageOutcome,
  FootageRequest,
  FootageRequestCreate,
  FootageRequestList,
  Extinguisher,
  ExtinguisherInput,
  ExtinguisherRetire,
  ExtinguisherUpdate,
  Drill,
  DrillInput,
  DrillList,
  DrillWrite,
  FireCoverage,
  FireDue,
  FireGroup,
  FireGroupDetail,
  FireGroupInput,
  FireGroupList,
  FireGroupMembers,
  FireGroupUpdate,
  FirePoint,
  Patrol,
  PatrolInput,
  PatrolList,
  PatrolWrite,
  GradeInput,
  GradingFinalise,
  GradingQuery,
  GradingReopen,
  GradingSheet,
  ModelActivityInput,
  ModelActivityList,
  ModelActivityWrite,
  ModelActivity,
  ModelAssessmentInput,
  ModelBoardInput,
  ModelCounts,
  ModelSite,
  ModelSiteDetail,
  ModelSiteInput,
  ModelSiteList,
  ModelSiteUpdate,
  ModelTeamInput,
  ModelTeamUpdate,
  ModelType,
  ModelTypeInput,
  ModelTypeList,
  ModelTypeUpdate,
  StandingInput,
  SecurityTeam,
  SecurityTeamDetail,
  SecurityTeamInput,
  SecurityTeamList,
  SecurityTeamUpdate,
  TeamMember,
  TeamMemberInput,
  TeamMemberUpdate,
  FirePointInput,
  Household,
  HouseholdDetail,
  HouseholdGear,
  HouseholdGearInput,
  HouseholdImportResult,
  HouseholdInput,
  HouseholdList,
  HouseholdPhone,
  HouseholdUpdate,
  RegistrationInput,
  RegistrationReport,
  RegistrationReportQuery,
  RegistrationWrite,
  BoundaryCollection,
  BoundaryFeature,
  Location,
  MapSettings,
  AuditVerification,
  BoxCreate,
  CsvFieldError,
  FieldError as SchemaFieldError,
  ImportResult,
  Locale,
  LoginRequest,
  MailboxKeyStatus,
  MailboxTaxonomies,
  Notification,
  NotificationPage,
  Opening,
  OpeningCreate,
  OwnSettings,
  OpeningList,
  Box,
  BoxList,
  RecoveryCodes,
  RevealedIdentity,
  Session,
  TipDetail,
  TipMessage,
  TipPage,
  TipRegistered,
  TipRegistration,
  TipTransition,
  TotpSetup,
  Unit,
  UnitCreate,
  UnitDetail,
  UnitMerge,
  UnitDirectoryPage,
  UnitPage,
  UnitPatch,
  UnitTree,
  User,
  UserCreate,
  UserPage,
  UserPatch,
  BoxPatch,
  TipPatch,
} from './schema';

const BASE = '/api/v1';

/** One entry of problem.errors[] (the document's FieldError, or its CsvFieldError with the
 *  file's `line`). The code is read as any string, so that one this build does not know still
 *  shows (as the generic message). */
export type FieldError = Omit<SchemaFieldError, 'code'> & {
  code: SchemaFieldError['code'] | (string & {});
  line?: CsvFieldError['line'];
};

/** A failed call: an RFC 9457 problem from the server, or `network` when none arrived. */
export class ApiError extends Error {
  readonly status: number;
  /** Last segment of the problem type, e.g. "validation-failed"; "network" without a response. */
  readonly slug: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];
  readonly requestId: string;
  readonly retryAfter: number | null;

  constructor(init: {
    status: number;
    slug: string;
    title?: string;
    detail?: string;
    errors?: FieldError[];
    requestId?: string;
    retryAfter?: number | null;
  }) {
    super(init.title || init.slug);
    this.name = 'ApiError';
    this.status = init.status;
    this.slug = init.slug;
    this.title = init.title ?? '';
    this.detail = init.detail ?? '';
    this.errors = init.errors ?? [];
    this.requestId = init.requestId ?? '';
    this.retryAfter = init.retryAfter ?? null;
  }
}

/** A validation problem found before sending (same shape as the server's). */
export function localValidation(errors: { field: string; code: string }[]): ApiError {
  return new ApiError({
    status: 422,
    slug: 'validation-failed',
    errors: errors.map((e) => ({ ...e, message: '' })),
  });
}

let csrfToken: string | null = null;
let requestLocale: Locale = 'vi';
let unauthenticatedHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Sent as Accept-Language so the server localizes problem titles and details. */
export function setRequestLocale(locale: Locale): void {
  requestLocale = locale;
}

/** Called when a session ends under us (401 from anything but login). */
export function onUnauthenticated(handler: (() => void) | null): void {
  unauthenticatedHandler = handler;
}

type Query = Record<string, string | number | boolean | null | undefined>;

/** The query of a listing as the web app writes it: the document's parameters, a 0/1 flag as
 *  a boolean, '' or null for "not set" (buildUrl leaves those out). */
type AppQuery<Op extends keyof operations> = {
  [K in keyof NonNullable<operations[Op]['parameters']['query']>]?:
    | (NonNullable<NonNullable<operations[Op]['parameters']['query']>[K]> extends 0 | 1
        ? boolean
        : NonNullable<NonNullable<operations[Op]['parameters']['query']>[K]>)
    | '';
};

interface RequestOptions {
  query?: Query;
  json?: unknown;
  /** multipart/form-data (the browser writes the Content-Type with its boundary). */
  form?: FormData;
  text?: string;
  /** A file sent as it is, bytes untouched (a CSV in Windows-1258 stays readable). */
  file?: Blob;
  contentType?: string;
  signal?: AbortSignal;
  /** Do not send the user to the login page on 401 (login itself, the first /auth/me). */
  quiet401?: boolean;
}

function buildUrl(path: string, query?: Query): string {
  let url = BASE + path;
  if (query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined || value === null || value === '' || value === false) continue;
      params.set(key, value === true ? '1' : String(value));
    }
    const qs = params.toString();
    if (qs) url += '?' + qs;
  }
  return url;
}

function slugOf(type: unknown): string {
  if (typeof type !== 'string' || type === '' || type === 'about:blank') return '';
  const at = type.lastIndexOf('/');
  return at >= 0 ? type.slice(at + 1) : type;
}

/** The ApiError of a failed answer (its problem+json when it has one); lib/outbox.ts and
 *  lib/offline-pack.ts, which send their own requests, read answers with it too. */
export async function problemFrom(response: Response): Promise<ApiError> {
  const requestId = response.headers.get('X-Request-Id') ?? '';
  const retry = response.headers.get('Retry-After');
  const retryAfter = retry !== null && /^\d+$/.test(retry) ? Number(retry) : null;
  let body: Record<string, unknown> = {};
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      body = (await response.json()) as Record<string, unknown>;
    } catch {
      body = {};
    }
  }
  const errors = Array.isArray(body.errors)
    ? (body.errors as unknown[]).filter(
        (e): e is FieldError => typeof e === 'object' && e !== null && 'code' in e,
      )
    : [];
  return new ApiError({
    status: response.status,
    slug: slugOf(body.type) || `http-${response.status}`,
    title: typeof body.title === 'string' ? body.title : response.statusText,
    detail: typeof body.detail === 'string' ? body.detail : '',
    errors,
    requestId: typeof body.instance === 'string' && !requestId ? body.instance : requestId,
    retryAfter,
  });
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': requestLocale,
  };
  let body: string | FormData | Blob | undefined;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form !== undefined) {
    body = options.form;
  } else if (options.text !== undefined) {
    headers['Content-Type'] = options.contentType ?? 'text/plain; charset=utf-8';
    body = options.text;
  } else if (options.file !== undefined) {
    headers['Content-Type'] = options.contentType ?? 'application/octet-stream';
    body = options.file;
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  try {
    return await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, slug: 'network' });
  }
}

export async function request<T>(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  let response = await send(method, path, options);
  if (response.status === 403 && method !== 'GET' && path !== '/auth/login') {
    // A stale CSRF token (e.g. after a server restart): refresh it once and retry.
    const problem = await problemFrom(response.clone());
    if (problem.slug === 'csrf-failed') {
      const refreshed = await send('GET', '/auth/me', {});
      if (refreshed.ok) {
        const session = (await refreshed.json()) as Session;
        setCsrfToken(session.csrf_token);
        response = await send(method, path, options);
      }
    }
  }
  if (!response.ok) {
    const problem = await problemFrom(response);
    // Only a lost session sends the user back to login; a wrong current password or
    // TOTP code on the account page (also 401) must stay on the page.
    const sessionLost =
      problem.status === 401 && (problem.slug === 'unauthenticated' || problem.slug === 'http-401');
    if (sessionLost && path !== '/auth/login' && !options.quiet401) unauthenticatedHandler?.();
    throw problem;
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) return (await response.json()) as T;
  return (await response.text()) as T;
}

// ---- Endpoints -----------------------------------------------------------------------

export type LoginInput = LoginRequest;

export const auth = {
  login: (input: LoginInput) =>
    request<Session>('POST', '/auth/login', { json: input, quiet401: true }),
  logout: () => request<void>('POST', '/auth/logout'),
  me: (quiet401 = false) => request<Session>('GET', '/auth/me', { quiet401 }),
  setLocale: (locale: Locale) =>
    request<Session>('PATCH', '/auth/me', { json: { locale } }),
  /** My own phone and SMS reminders (and language): PATCH /auth/me. */
  updateSettings: (settings: OwnSettings) => request<Session>('PATCH', '/auth/me', { json: settings }),
  changePassword: (current_password: string, new_password: string) =>
    request<void>('POST', '/auth/password', { json: { current_password, new_password } }),
  totpSetup: () => request<TotpSetup>('POST', '/auth/totp/setup'),
  totpEnable: (code: string) =>
    request<RecoveryCodes>('POST', '/auth/totp/enable', { json: { code } }),
  totpDisable: (password: string) =>
    request<void>('POST', '/auth/totp/disable', { json: { password } }),
};

export type UnitQuery = AppQuery<'listUnits'>;

/** A look-up in the directory of every unit of the country (in force, or ever with
 *  `history`), whatever the scope; `for: 'model_site'` keeps the kinds a model site takes. */
export type UnitDirectoryQuery = AppQuery<'listUnitDirectory'>;

export type UnitCreateInput = UnitCreate;

export type { UnitPatch };

export type MergeInput = UnitMerge;

export const units = {
  tree: (history: boolean, signal?: AbortSignal) =>
    request<UnitTree>('GET', '/units/tree', { query: { history }, signal }),
  list: (query: UnitQuery, signal?: AbortSignal) =>
    request<UnitPage>('GET', '/units', { query: { ...query }, signal }),
  get: (id: number, signal?: AbortSignal) => request<UnitDetail>('GET', `/units/${id}`, { signal }),
  /** Units anywhere in the country by folded name (another commune's or province's too), each
   *  with the names of the units it lies in. */
  directory: (query: UnitDirectoryQuery, signal?: AbortSignal) =>
    request<UnitDirectoryPage>('GET', '/units/directory', { query: { ...query }, signal }),
  create: (input: UnitCreateInput) => request<Unit>('POST', '/units', { json: input }),
  update: (id: number, patch: UnitPatch) => request<Unit>('PATCH', `/units/${id}`, { json: patch }),
  merge: (input: MergeInput) => request<Unit>('POST', '/units/merge', { json: input }),
  /** The file's bytes as they are (UTF-8 or Windows-1258: the server tells them apart). */
  importCsv: (file: Blob, dryRun = false) =>
    request<UnitImportResult>('POST', '/units/import', {
      file,
      contentType: 'text/csv',
      query: dryRun ? { dry_run: 1 } : undefined,
    }),
  exportUrl: `${BASE}/units/export`,
  /** The unit's boundary simplified to `tolerance` metres; null when it has none (404). */
  boundary: async (id: number, tolerance: number, signal?: AbortSignal) => {
    try {
      return await request<BoundaryFeature>('GET', `/units/${id}/boundary`, { query: { tolerance }, signal });
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  },
  /** The boundaries of the unit's active children that have one. */
  childBoundaries: (id: number, tolerance: number, signal?: AbortSignal) =>
    request<BoundaryCollection>('GET', `/units/${id}/children/boundaries`, { query: { tolerance }, signal }),
  locate: (lat: number, lon: number, signal?: AbortSignal) =>
    request<Location>('GET', '/units/locate', { query: { lat, lon }, signal }),
};

export const map = {
  settings: (signal?: AbortSignal) => request<MapSettings>('GET', '/map', { signal }),
};

export type UnitImportResult = ImportResult;

export type UserQuery = AppQuery<'listUsers'>;

export type UserCreateInput = UserCreate;

export type { UserPatch };

export const users = {
  list: (query: UserQuery, signal?: AbortSignal) =>
    request<UserPage>('GET', '/users', { query: { ...query }, signal }),
  get: (id: number) => request<User>('GET', `/users/${id}`),
  create: (input: UserCreateInput) => request<User>('POST', '/users', { json: input }),
  update: (id: number, patch: UserPatch) => request<User>('PATCH', `/users/${id}`, { json: patch }),
};

export type AuditQuery = AppQuery<'listAuditEntries'>;

export const audit = {
  list: (query: AuditQuery, signal?: AbortSignal) =>
    request<AuditPage>('GET', '/audit', { query: { ...query }, signal }),
  verify: () => request<AuditVerification>('GET', '/audit/verify'),
};

export type NotificationQuery = AppQuery<'listNotifications'>;
export type NotificationStatus = Notification['status'];

/** The notification outbox (administrators). */
export const notifications = {
  list: (query: NotificationQuery, signal?: AbortSignal) =>
    request<NotificationPage>('GET', '/notifications', { query: { ...query }, signal }),
  retry: (id: number) => request<Notification>('POST', `/notifications/${id}/retry`),
};

export type TipQuery = AppQuery<'listTips'>;

export type TipTransitionInput = TipTransition;

/** A tip an officer registers from another channel (POST /tips). */
export type TipRegisterInput = TipRegistration;

/** The body of POST /tips: JSON, or multipart with the JSON in "tip" and parts "files". */
export function tipRegisterBody(
  input: TipRegisterInput,
  files: readonly File[],
): Pick<RequestOptions, 'json' | 'form'> {
  if (files.length === 0) return { json: input };
  const form = new FormData();
  form.append('tip', JSON.stringify(input));
  for (const file of files) form.append('files', file, file.name);
  return { form };
}

const tipPath = (id: number) => `${BASE}/tips/${id}`;

export const tips = {
  list: (query: TipQuery, signal?: AbortSignal) =>
    request<TipPage>('GET', '/tips', { query: { ...query }, signal }),
  get: (id: number, signal?: AbortSignal) => request<TipDetail>('GET', `/tips/${id}`, { signal }),
  assign: (id: number, assignee_id: number | null) => {
    const patch: TipPatch = { assignee_id };
    return request<TipDetail>('PATCH', `/tips/${id}`, { json: patch });
  },
  transition: (id: number, input: TipTransitionInput) =>
    request<TipDetail>('POST', `/tips/${id}/transitions`, { json: input }),
  addMessage: (id: number, body: string, internal: boolean) =>
    request<TipMessage>('POST', `/tips/${id}/messages`, {
      json: internal ? { body, internal: true } : { body },
    }),
  revealIdentity: (id: number, reason: string) =>
    request<RevealedIdentity>('POST', `/tips/${id}/identity`, { json: { reason } }),
  register: (input: TipRegisterInput, files: readonly File[] = []) =>
    request<TipRegistered>('POST', '/tips', tipRegisterBody(input, files)),
  /** An attached file: images open inline (previews), `download` always saves it. */
  fileUrl: (tipId: number, fileId: number, download = false) =>
    `${tipPath(tipId)}/files/${fileId}${download ? '?download=1' : ''}`,
  /** Biên bản tiếp nhận nguồn tin về tội phạm (denunciations and crime reports only). */
  receiptRecordUrl: (id: number) => `${tipPath(id)}/receipt-record.docx`,
};

export type BoxCreateInput = BoxCreate;

/** `opened_at` as an <input type="datetime-local"> gives it: local time, "2026-11-28T09:30". */
export type OpeningInput = OpeningCreate;

export const boxes = {
  list: (unitId: number | null, signal?: AbortSignal) =>
    request<BoxList>('GET', '/mailbox/boxes', { query: { unit_id: unitId }, signal }),
  create: (input: BoxCreateInput) => request<Box>('POST', '/mailbox/boxes', { json: input }),
  update: (id: number, patch: BoxPatch) =>
    request<Box>('PATCH', `/mailbox/boxes/${id}`, { json: patch }),
  openings: (boxId: number, signal?: AbortSignal) =>
    request<OpeningList>('GET', `/mailbox/boxes/${boxId}/openings`, { signal }),
  recordOpening: (boxId: number, input: OpeningInput) =>
    request<Opening>('POST', `/mailbox/boxes/${boxId}/openings`, { json: input }),
  opening: (id: number, signal?: AbortSignal) =>
    request<Opening>('GET', `/mailbox/openings/${id}`, { signal }),
  /** Biên bản mở hòm thư (.docx). */
  minutesUrl: (openingId: number) => `${BASE}/mailbox/openings/${openingId}/minutes.docx`,
};

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const cameras = {
  list: (query: CameraQuery, signal?: AbortSignal) =>
    request<CameraList>('GET', '/cameras', { query, signal }),
  get: (id: number, signal?: AbortSignal) => request<CameraDetail>('GET', `/cameras/${id}`, { signal }),
  create: (input: CameraInput) => request<Camera>('POST', '/cameras', { json: input }),
  update: (id: number, input: CameraUpdate) => request<Camera>('PUT', `/cameras/${id}`, { json: input }),
  changeStatus: (id: number, change: CameraStatusChange) =>
    request<CameraDetail>('POST', `/cameras/${id}/status`, { json: change }),
  recordCheck: (id: number, check: CameraCheckInput) =>
    request<CameraDetail>('POST', `/cameras/${id}/checks`, { json: check }),
  reconfirm: (id: number) => request<Camera>('POST', `/cameras/${id}/reconfirm`),
  /** An owner's registration from the portal, checked by an officer: the version they saw (409 when it changed since). */
  confirm: (id: number, version: number) => request<Camera>('POST', `/cameras/${id}/confirm`, { json: { version } }),
  /** The owner's contact: audited with the reason. */
  owner: (id: number, reason: string) =>
    request<CameraOwner>('GET', `/cameras/${id}/owner`, { query: { reason } }),
  erase: (id: number, reason: string) =>
    request<void>('DELETE', `/cameras/${id}`, { json: { reason } }),
  maintenance: (signal?: AbortSignal) => request<CameraMaintenance>('GET', '/cameras/maintenance', { signal }),
  /** The registry's codes with their labels (use lib/taxonomies.ts). */
  taxonomies: () => request<CameraTaxonomies>('GET', '/cameras/taxonomies'),
  /** A commune's sheet, its bytes as they are: an .xlsx workbook, or CSV (UTF-8 or Windows-1258). */
  importSheet: (unitId: number, file: File, dryRun: boolean) =>
    request<CameraImportResult>('POST', '/cameras/import', {
      file,
      contentType: /\.xlsx$/i.test(file.name) ? XLSX_TYPE : 'text/csv',
      query: { unit_id: unitId, ...(dryRun ? { dry_run: 1 } : {}) },
    }),
  exportUrl: (format: 'csv' | 'xlsx' = 'csv') => `${BASE}/cameras/export.${format}`,
  cones: (unitId: number, signal?: AbortSignal) =>
    request<CameraCones>('GET', '/cameras/cones', { query: { unit_id: unitId }, signal }),
  /** Who could have seen it: audited with the reason. */
  search: (query: CameraSearchQuery, signal?: AbortSignal) =>
    request<CameraSearchResult>('GET', '/cameras/search', { query, signal }),
  coverage: (unitId: number, signal?: AbortSignal) =>
    request<CameraCoverage>('GET', '/cameras/coverage', { query: { unit_id: unitId }, signal }),
  roads: (unitId: number, signal?: AbortSignal) =>
    request<CameraRoads>('GET', '/cameras/roads', { query: { unit_id: unitId }, signal }),
  /** A commune's roads from GeoJSON, replacing its roads (checked whole first). */
  importRoads: (unitId: number, file: File, dryRun: boolean) =>
    request<CameraRoadImport>('POST', '/cameras/roads', {
      file,
      contentType: 'application/geo+json',
      query: { unit_id: unitId, source: file.name, ...(dryRun ? { dry_run: 1 } : {}) },
    }),
  /** Along a route: audited with the reason. */
  searchRoute: (query: CameraRouteQuery) =>
    request<CameraRouteResult>('POST', '/cameras/route-search', { json: query }),
};

export type HouseholdQuery = AppQuery<'listHouseholds'>;

/** The household sheet's download: a commune or village, a registration year, and (officers,
 *  with a reason, audited) the phones. */
export interface HouseholdExportQuery {
  unit_id?: number | null;
  year?: number | null;
  phones?: boolean;
  reason?: string;
}

export const households = {
  list: (query: HouseholdQuery, signal?: AbortSignal) =>
    request<HouseholdList>('GET', '/community/households', { query: { ...query }, signal }),
  get: (id: number, signal?: AbortSignal) =>
    request<HouseholdDetail>('GET', `/community/households/${id}`, { signal }),
  create: (input: HouseholdInput) => request<Household>('POST', '/community/households', { json: input }),
  /** The whole household with the version edited (409 when it changed since). */
  update: (id: number, input: HouseholdUpdate) =>
    request<Household>('PUT', `/community/households/${id}`, { json: input }),
  /** The phone (E.164, "" when none): officers only, audited with the reason. */
  phone: (id: number, reason: string) =>
    request<HouseholdPhone>('GET', `/community/households/${id}/phone`, { query: { reason } }),
  /** The household withdraws its consent: the phone is erased with it. */
  withdrawConsent: (id: number) =>
    request<Household>('POST', `/community/households/${id}/withdraw-consent`),
  /** A year's registration by the offline rule: inserted, replayed (nothing written) or updated; 409 when stale. */
  register: (id: number, year: number, input: RegistrationInput) =>
    request<RegistrationWrite>('PUT', `/community/households/${id}/registrations/${year}`, { json: input }),
  /** The share registered per village; without `year`, the server's current registration year. */
  report: (query: RegistrationReportQuery, signal?: AbortSignal) =>
    request<RegistrationReport>('GET', '/community/registrations', { query: { ...query }, signal }),
  /** A commune's sheet, its bytes as they are: an .xlsx workbook, or CSV (UTF-8 or Windows-1258). */
  importSheet: (unitId: number, file: File, dryRun: boolean) =>
    request<HouseholdImportResult>('POST', '/community/households/import', {
      file,
      contentType: /\.xlsx$/i.test(file.name) ? XLSX_TYPE : 'text/csv',
      query: { unit_id: unitId, ...(dryRun ? { dry_run: 1 } : {}) },
    }),
  /** Where the sheet downloads from (a plain link or a GET form). */
  exportUrl: (format: 'csv' | 'xlsx' = 'csv', query: HouseholdExportQuery = {}) =>
    buildUrl(`/community/households/export.${format}`, { ...query }),
};

export type FireGroupQuery = AppQuery<'listFireGroups'>;

/** A drill's photo, without its bytes (they are at fire.fileUrl(id)). */
export type CommunityFile = components['schemas']['CommunityFile'];
export type CommunityFileList = components['schemas']['CommunityFileList'];
export type FireIncidentKind = components['schemas']['FireIncidentKind'];
export type FireIncident = components['schemas']['FireIncident'];
/** `occurred_at` as an <input type="datetime-local"> gives it: Vietnam's local time, "2026-11-28T19:40". */
export type FireIncidentInput = components['schemas']['FireIncidentInput'];
export type FireIncidentList = components['schemas']['FireIncidentList'];

export const fire = {
  list: (query: FireGroupQuery, signal?: AbortSignal) =>
    request<FireGroupList>('GET', '/community/fire-groups', { query: { ...query }, signal }),
  get: (id: number, signal?: AbortSignal) =>
    request<FireGroupDetail>('GET', `/community/fire-groups/${id}`, { signal }),
  /** A new group with its members (422 `members: group_size` until a `size_reason` comes with them). */
  create: (input: FireGroupInput) => request<FireGroup>('POST', '/community/fire-groups', { json: input }),
  /** The group's own fields with the version edited (409 when it changed since). */
  update: (id: number, input: FireGroupUpdate) =>
    request<FireGroup>('PUT', `/community/fire-groups/${id}`, { json: input }),
  /** The whole member list at once, with the group's version. */
  setMembers: (id: number, input: FireGroupMembers) =>
    request<FireGroup>('PUT', `/community/fire-groups/${id}/members`, { json: input }),
  addExtinguisher: (householdId: number, input: ExtinguisherInput) =>
    request<Extinguisher>('POST', `/community/households/${householdId}/extinguishers`, { json: input }),
  updateExtinguisher: (id: number, input: ExtinguisherUpdate) =>
    request<Extinguisher>('PUT', `/community/extinguishers/${id}`, { json: input }),
  retireExtinguisher: (id: number, input: ExtinguisherRetire) =>
    request<Extinguisher>('POST', `/community/extinguishers/${id}/retire`, { json: input }),
  /** The house's other gear, the whole of it. */
  putGear: (householdId: number, input: HouseholdGearInput) =>
    request<HouseholdGear>('PUT', `/community/households/${householdId}/gear`, { json: input }),
  addPoint: (groupId: number, input: FirePointInput) =>
    request<FirePoint>('POST', `/community/fire-groups/${groupId}/points`, { json: input }),
  updatePoint: (id: number, input: FirePointInput) =>
    request<FirePoint>('PUT', `/community/fire-points/${id}`, { json: input }),
  deletePoint: (id: number) => request<void>('DELETE', `/community/fire-points/${id}`),
  /** Expired and expiring extinguishers, groups without a drill this year, houses without an extinguisher. */
  due: (unitId: number | null, signal?: AbortSignal) =>
    request<FireDue>('GET', '/community/fire-due', { query: { unit_id: unitId }, signal }),
  /** The share of households in a group, per village. */
  coverage: (unitId: number | null, signal?: AbortSignal) =>
    request<FireCoverage>('GET', '/community/fire-coverage', { query: { unit_id: unitId }, signal }),
  drills: (groupId: number, signal?: AbortSignal) =>
    request<DrillList>('GET', `/community/fire-groups/${groupId}/drills`, { signal }),
  drill: (id: string, signal?: AbortSignal) => request<Drill>('GET', `/community/drills/${id}`, { signal }),
  /** A drill by the offline rule: inserted, replayed (nothing written) or updated; 409 when stale. */
  recordDrill: (id: string, input: DrillInput) =>
    request<DrillWrite>('PUT', `/community/drills/${id}`, { json: input }),
  drillPhotos: (drillId: string, signal?: AbortSignal) =>
    request<CommunityFileList>('GET', `/community/drills/${drillId}/photos`, { signal }),
  /** One photo, as multipart with the part "file" (the server checks its content, size and count). */
  addDrillPhoto: (drillId: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request<CommunityFile>('POST', `/community/drills/${drillId}/photos`, { form });
  },
  /** Where a photo shows from (an <img>, a link): inline, never cached. */
  fileUrl: (id: number) => `${BASE}/community/files/${id}`,
  /** The fires and incidents the group attended, newest first. */
  incidents: (groupId: number, signal?: AbortSignal) =>
    request<FireIncidentList>('GET', `/community/fire-groups/${groupId}/incidents`, { signal }),
  recordIncident: (groupId: number, input: FireIncidentInput) =>
    request<FireIncident>('POST', `/community/fire-groups/${groupId}/incidents`, { json: input }),
};

export type SecurityTeamQuery = AppQuery<'listSecurityTeams'>;

/** The village security teams (Tổ bảo vệ ANTT), their members and their patrols. */
export const teams = {
  list: (query: SecurityTeamQuery, signal?: AbortSignal) =>
    request<SecurityTeamList>('GET', '/community/teams', { query: { ...query }, signal }),
  /** The team with every member (those in it first, then those who left); never a phone. */
  get: (id: number, signal?: AbortSignal) =>
    request<SecurityTeamDetail>('GET', `/community/teams/${id}`, { signal }),
  create: (input: SecurityTeamInput) => request<SecurityTeam>('POST', '/community/teams', { json: input }),
  /** The whole team with the version edited (409 when it changed since). */
  update: (id: number, input: SecurityTeamUpdate) =>
    request<SecurityTeam>('PUT', `/community/teams/${id}`, { json: input }),
  addMember: (teamId: number, input: TeamMemberInput) =>
    request<TeamMember>('POST', `/community/teams/${teamId}/members`, { json: input }),
  /** The whole member with the version edited; `phone` left out keeps it, "" removes it. */
  updateMember: (id: number, input: TeamMemberUpdate) =>
    request<TeamMember>('PUT', `/community/team-members/${id}`, { json: input }),
  /** The public member list to print (.docx), phones only where the member agreed. */
  memberListUrl: (teamId: number) => `${BASE}/community/teams/${teamId}/members.docx`,
  /** The patrols of the last 90 days (or from–to), newest first. */
  patrols: (teamId: number, range: { from?: string; to?: string } = {}, signal?: AbortSignal) =>
    request<PatrolList>('GET', `/community/teams/${teamId}/patrols`, { query: { ...range }, signal }),
  patrol: (id: string, signal?: AbortSignal) => request<Patrol>('GET', `/community/patrols/${id}`, { signal }),
  /** A patrol by the offline rule: inserted, replayed (nothing written) or updated; 409 when stale. */
  recordPatrol: (id: string, input: PatrolInput) =>
    request<PatrolWrite>('PUT', `/community/patrols/${id}`, { json: input }),
  /** A commune's grading sheet for a year (the year whose window is open, else the last one, when left out). */
  grading: (query: GradingQuery, signal?: AbortSignal) =>
    request<GradingSheet>('GET', '/community/gradings', { query: { ...query }, signal }),
  /** A member's grade for the year ("" clears it): the commune's sheet as it is now. */
  grade: (memberId: number, input: GradeInput) =>
    request<GradingSheet>('PUT', `/community/team-members/${memberId}/grade`, { json: input }),
  /** The year made final with the sheet's version seen (409 when it changed since). */
  finaliseGrading: (input: GradingFinalise) =>
    request<GradingSheet>('POST', '/community/gradings/finalise', { json: input }),
  /** A final year back to a draft, with a reason and the sheet's version seen. */
  reopenGrading: (input: GradingReopen) =>
    request<GradingSheet>('POST', '/community/gradings/reopen', { json: input }),
};

export type ModelSiteQuery = AppQuery<'listModelSites'>;
export type ModelCountsQuery = AppQuery<'getModelCounts'>;

const modelSitePath = (id: number) => `/community/model-sites/${id}`;

/** The self-management models (mô hình tự quản về ANTT): their types, sites and counts. */
export const models = {
  types: (signal?: AbortSignal) => request<ModelTypeList>('GET', '/community/model-types', { signal }),
  createType: (input: ModelTypeInput) => request<ModelType>('POST', '/community/model-types', { json: input }),
  /** The whole type with the version edited (409 when it changed since). */
  updateType: (id: number, input: ModelTypeUpdate) =>
    request<ModelType>('PUT', `/community/model-types/${id}`, { json: input }),
  sites: (query: ModelSiteQuery, signal?: AbortSignal) =>
    request<ModelSiteList>('GET', '/community/model-sites', { query: { ...query }, signal }),
  /** The site with its board, teams, assessments, regulation and whether the user may keep it. */
  site: (id: number, signal?: AbortSignal) => request<ModelSiteDetail>('GET', modelSitePath(id), { signal }),
  createSite: (input: ModelSiteInput) => request<ModelSiteDetail>('POST', '/community/model-sites', { json: input }),
  /** The whole site with the version edited (409 when it changed since). */
  updateSite: (id: number, input: ModelSiteUpdate) =>
    request<ModelSiteDetail>('PUT', modelSitePath(id), { json: input }),
  setStanding: (id: number, year: number, input: StandingInput) =>
    request<ModelSite>('PUT', `${modelSitePath(id)}/standing/${year}`, { json: input }),
  /** The whole board with the site's version (409 when it changed since). */
  setBoard: (id: number, input: ModelBoardInput) =>
    request<ModelSiteDetail>('PUT', `${modelSitePath(id)}/board`, { json: input }),
  addTeam: (siteId: number, input: ModelTeamInput) =>
    request<ModelSiteDetail>('POST', `${modelSitePath(siteId)}/teams`, { json: input }),
  /** The whole team with its member list and the team's version (409 when it changed since). */
  updateTeam: (id: number, input: ModelTeamUpdate) =>
    request<ModelSiteDetail>('PUT', `/community/model-teams/${id}`, { json: input }),
  /** A team entered by mistake goes with its members, at the team's version seen (409 when it
   *  changed since): the site as it is now. */
  deleteTeam: (id: number, version: number) =>
    request<ModelSiteDetail>('DELETE', `/community/model-teams/${id}`, { query: { version } }),
  /** The site's activities of the last year (or from–to), newest first. */
  activities: (siteId: number, range: { from?: string; to?: string } = {}, signal?: AbortSignal) =>
    request<ModelActivityList>('GET', `${modelSitePath(siteId)}/activities`, { query: { ...range }, signal }),
  activity: (id: string, signal?: AbortSignal) =>
    request<ModelActivity>('GET', `/community/model-activities/${id}`, { signal }),
  /** An activity by the offline rule: inserted, replayed (nothing written) or updated; 409 when stale. */
  recordActivity: (id: string, input: ModelActivityInput) =>
    request<ModelActivityWrite>('PUT', `/community/model-activities/${id}`, { json: input }),
  /** A year's assessment with the site's version seen (409 when it changed since). */
  assess: (siteId: number, year: number, input: ModelAssessmentInput) =>
    request<ModelSiteDetail>('PUT', `${modelSitePath(siteId)}/assessments/${year}`, { json: input }),
  /** The regulation document, as multipart with the part "file" (replacing the previous one). */
  setRegulation: (siteId: number, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request<ModelSiteDetail>('PUT', `${modelSitePath(siteId)}/regulation`, { form });
  },
  /** Where the regulation document downloads from. */
  regulationUrl: (siteId: number) => `${BASE}${modelSitePath(siteId)}/regulation`,
  /** Sites and teams per type, per child unit and in total, on the period's last day. */
  counts: (query: ModelCountsQuery, signal?: AbortSignal) =>
    request<ModelCounts>('GET', '/community/model-counts', { query: { ...query }, signal }),
};

export const footage = {
  list: (status: 'open' | 'closed' | null, signal?: AbortSignal) =>
    request<FootageRequestList>('GET', '/footage-requests', { query: { status, page_size: 200 }, signal }),
  get: (id: number, signal?: AbortSignal) => request<FootageRequest>('GET', `/footage-requests/${id}`, { signal }),
  create: (input: FootageRequestCreate) => request<FootageRequest>('POST', '/footage-requests', { json: input }),
  close: (id: number) => request<FootageRequest>('POST', `/footage-requests/${id}/close`),
  /** A one-time link for the owner: its token is shown once. */
  link: (taskId: number) => request<FootageLink>('POST', `/footage-tasks/${taskId}/link`),
  outcome: (taskId: number, outcome: FootageOutcome) =>
    request<FootageRequest>('POST', `/footage-tasks/${taskId}/outcome`, { json: outcome }),
};

export const mailbox = {
  /** Kinds, statuses, channels and identity modes with their rules (use lib/taxonomies.ts). */
  taxonomies: () => request<MailboxTaxonomies>('GET', '/mailbox/taxonomies'),
};

export const mailboxKeys = {
  status: (unitId: number, signal?: AbortSignal) =>
    request<MailboxKeyStatus>('GET', `/mailbox/keys/${unitId}`, { signal }),
  grant: (unitId: number, user_id: number) =>
    request<void>('POST', `/mailbox/keys/${unitId}/grants`, { json: { user_id } }),
};
