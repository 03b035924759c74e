// Self-management models (mô hình tự quản về ANTT) as the pages need them: the counting
// periods (this year, Decree 09's first half-year, the security teams' year, or dates), the
// counts as a table of types by child unit, the member rows of the board and team forms
// with their refusals row by row, and the words for the types, roles, kinds and ratings.
// The server's rules stay the server's: a site says which years may have a standing unit
// or an assessment (`standing_years`, `assessable_years`) and what it holds at most
// (`limits`), and the unit directory offers the units a site may take (`for=model_site`).
// Who may do what comes with the session (lib/capabilities.ts): models.read opens the
// pages, models.keep adds sites, models.types keeps the types, models.record records
// activities; a site says itself whether the user may change it (`may_keep`) and write in
// its activity log (`may_record`).
import type { FieldError } from './api';
import { fieldErrorMessage, type Translator } from './i18n';
import type { ModelActivityWrite, ModelCount, ModelCountChild, ModelCounts, ModelSite, ModelType } from './schema';

// ---- Periods ------------------------------------------------------------------------

/** The periods offered: this year to date, the first half-year, the teams' year, or dates. */
export type PeriodPreset = 'year' | 'half' | 'teams' | 'custom';
export const PERIOD_PRESETS: readonly PeriodPreset[] = ['year', 'half', 'teams', 'custom'];

export interface Period {
  /** yyyy-mm-dd, the first day. */
  from: string;
  /** yyyy-mm-dd, the last day: the day counted. */
  to: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const earlier = (a: string, b: string) => (a < b ? a : b);

/**
 * The period of a preset on `today` (yyyy-mm-dd, Vietnam's), never ending after today:
 * `year` 01/01 – today; `half` 01/01 – 30/06 (Decree 09's half-year report); `teams` the
 * security teams' year, 15/11 of last year – 14/11 (as their grading reckons it).
 */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, today: string): Period {
  const year = Number(today.slice(0, 4));
  if (preset === 'year') return { from: `${year}-01-01`, to: today };
  if (preset === 'half') return { from: `${year}-01-01`, to: earlier(`${year}-06-30`, today) };
  return { from: `${year - 1}-11-15`, to: earlier(`${year}-11-14`, today) };
}

/** The preset giving exactly this period on `today`, else `custom`. */
export function presetOf(period: Period, today: string): PeriodPreset {
  for (const preset of PERIOD_PRESETS) {
    if (preset === 'custom') continue;
    const p = presetPeriod(preset, today);
    if (p.from === period.from && p.to === period.to) return preset;
  }
  return 'custom';
}

/** "Từ đầu năm đến nay", "6 tháng đầu năm", "Năm công tác của Tổ bảo vệ", "Chọn ngày". */
export function presetLabel(t: Translator, preset: PeriodPreset): string {
  return t.dynamic(`web.models.period_${preset}`, preset);
}

/** The counts page's filters as its address holds them (?unit_id=…&from=…&to=…). */
export interface CountsFilters {
  unitId: number | null;
  /** '' when not set: the server's default (1 January of `to`'s year, today). */
  from: string;
  to: string;
}

export function readCountsFilters(search: URLSearchParams): CountsFilters {
  const unit = search.get('unit_id') ?? '';
  const date = (name: string) => {
    const value = search.get(name) ?? '';
    return ISO_DATE.test(value) ? value : '';
  };
  return { unitId: /^\d+$/.test(unit) ? Number(unit) : null, from: date('from'), to: date('to') };
}

export function countsUrl(filters: CountsFilters): string {
  const params = new URLSearchParams();
  if (filters.unitId !== null) params.set('unit_id', String(filters.unitId));
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  const qs = params.toString();
  return qs ? `/models?${qs}` : '/models';
}

// ---- Counts -------------------------------------------------------------------------

/** One cell of the counts table: the sites and teams running on the period's last day. */
export interface CountCell {
  sites: number;
  teams: number;
  /** Of `sites`, those that began in the period. */
  newSites: number;
}

export interface CountsRow {
  type: ModelType;
  /** One per child, in the table's order. */
  cells: CountCell[];
  total: CountCell;
}

export interface CountsTable {
  children: readonly ModelCountChild[];
  rows: CountsRow[];
}

const ZERO: CountCell = { sites: 0, teams: 0, newSites: 0 };

const cellOf = (c: ModelCount): CountCell => ({ sites: c.sites, teams: c.teams, newSites: c.new_sites });

/**
 * The counts as the page shows them: a row per type (every type, in the server's order, 0
 * where it has no site), a cell per child of the unit (the children holding a site, by
 * name) and the total, where a site of several children counts once.
 */
export function countsTable(counts: ModelCounts): CountsTable {
  const children = [...counts.children].sort((a, b) => a.name.localeCompare(b.name, 'vi') || a.id - b.id);
  const byChild = new Map(counts.by_child.map((c) => [`${c.type_id}:${c.unit_id}`, cellOf(c)]));
  const totals = new Map(counts.totals.map((c) => [c.type_id, cellOf(c)]));
  return {
    children,
    rows: counts.types.map((type) => ({
      type,
      cells: children.map((child) => byChild.get(`${type.id}:${child.id}`) ?? ZERO),
      total: totals.get(type.id) ?? ZERO,
    })),
  };
}

// ---- Types and sites ----------------------------------------------------------------

/** The types a site may be added under: active and not counted automatically. */
export function manualTypes(types: readonly ModelType[]): ModelType[] {
  return types.filter((type) => type.active && !type.automatic);
}

/** "Tự động (camera an ninh)", "Liên kết", "Nhập tay". */
export function typeKindLabel(t: Translator, type: Pick<ModelType, 'automatic' | 'linked' | 'source'>): string {
  if (type.automatic && type.source) return t('models.kind_automatic', { source: t.dynamic(`web.models.source_${type.source}`, type.source) });
  return type.linked ? t('models.kind_linked') : t('models.kind_manual');
}

/** The site as its page names it: "Liên kết ANTT Tân Trào – Kiến Thiết (02545-MH-001)". */
export function siteTitle(site: Pick<ModelSite, 'name' | 'code'>): string {
  return `${site.name.trim()} (${site.code})`;
}

/** The units that may stand for a year: the site's own unit and its participants. */
export function standingChoices(site: Pick<ModelSite, 'unit_id' | 'unit_name' | 'participants'>): { id: number; name: string }[] {
  return [{ id: site.unit_id, name: site.unit_name }, ...site.participants.map((p) => ({ id: p.unit_id, name: p.unit_name }))];
}

// ---- Member rows --------------------------------------------------------------------

/** A row of a member list as typed (every value a string, dates yyyy-mm-dd or ''). */
export type Row<K extends string> = Record<K, string>;

/**
 * Where the rows the person filled in stand in the form, in order: a row left wholly blank
 * (an added one unused) is not sent, so row k of what is sent is row `filledIndexes(…)[k]`
 * of the form (what the server's `index` of a refusal points at).
 */
export function filledIndexes<K extends string>(rows: readonly Row<K>[], keys: readonly K[]): number[] {
  const out: number[] = [];
  rows.forEach((row, i) => {
    if (keys.some((key) => (row[key] ?? '').trim() !== '')) out.push(i);
  });
  return out;
}

/** The rows the person filled in (see filledIndexes). */
export function filledRows<K extends string>(rows: readonly Row<K>[], keys: readonly K[]): Row<K>[] {
  return filledIndexes(rows, keys).map((i) => rows[i] as Row<K>);
}

/**
 * The refusals of a list that no row shows (`members: two_heads`, or a row field's the
 * server gave without its row), in words, a row field's named by its label: what the list
 * shows under it. `errors` are the form's refusals by field (lib/i18n fieldErrors, which
 * leaves out those of one row).
 */
export function listErrors(errors: Readonly<Record<string, string>>, list: string, labels: Readonly<Record<string, string>>): string {
  return Object.entries(errors)
    .filter(([field]) => field === list || field.startsWith(`${list}.`))
    .map(([field, message]) => (field === list ? message : `${labels[field] ?? field}: ${message}`))
    .join(' · ');
}

/** One row's refusals, in words, by the row's key ("full_name"). */
export type RowErrors = Readonly<Record<string, string>>;

/**
 * The refusals of the rows of `list` (`members.full_name` with `index` 2), in words, by the
 * row of the form they belong to and the row's key: what each row shows on its fields.
 * `sent` maps the server's index (a row of what was sent) to the form's row (filledIndexes
 * when the form was sent); without it they are the same. The first refusal of a field wins.
 */
export function rowErrors(t: Translator, error: unknown, list: string, sent?: readonly number[]): Map<number, RowErrors> {
  const out = new Map<number, Record<string, string>>();
  const entries: readonly FieldError[] = error && typeof error === 'object' && 'errors' in error ? ((error as { errors: FieldError[] }).errors ?? []) : [];
  for (const entry of entries) {
    if (typeof entry.index !== 'number' || !entry.field.startsWith(`${list}.`)) continue;
    const row = sent ? sent[entry.index] : entry.index;
    if (row === undefined) continue;
    const key = entry.field.slice(list.length + 1);
    const fields = out.get(row) ?? {};
    if (!(key in fields)) fields[key] = fieldErrorMessage(t, entry);
    out.set(row, fields);
  }
  return out;
}

// ---- Words --------------------------------------------------------------------------

/** "Trưởng ban", "Phó ban", "Thành viên". */
export function boardRoleLabel(t: Translator, role: string): string {
  return t.dynamic(`web.models.board_role_${role}`, role);
}

/** "Tổ trưởng", "Tổ phó", "Tổ viên". */
export function teamRoleLabel(t: Translator, role: string): string {
  return t.dynamic(`web.models.team_role_${role}`, role);
}

/** "Họp", "Tuần tra", "Tuyên truyền", "Hòa giải", "Khác". */
export function activityKindLabel(t: Translator, kind: string): string {
  return t.dynamic(`web.models.activity_kind_${kind}`, kind);
}

/** "Hiệu quả", "Hiệu quả một phần", "Chưa hiệu quả". */
export function ratingLabel(t: Translator, rating: string): string {
  return t.dynamic(`web.models.rating_${rating}`, rating);
}

/** The words for what an activity write did (the server's `outcome`). */
export function activityOutcomeMessage(t: Translator, outcome: ModelActivityWrite['outcome'], values: { date: string; code: string }): string {
  if (outcome === 'inserted') return t('models.activity_inserted', values);
  if (outcome === 'updated') return t('models.activity_updated', values);
  return t('models.activity_replayed', values);
}

/** The types the regulation document's picker offers (the server checks the content; the
 *  largest it takes is the site's `limits.regulation_bytes`). */
export const REGULATION_TYPES =
  'application/pdf,.pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,.docx,image/jpeg,image/png,image/webp';
