// How the offline pages name an outbox entry and its fields: what it is ("Tuần tra ngày
// 28/11/2026"), each field's label and value in the words the online pages use (the shift,
// the evaluation, a member's name out of the pack), for the outbox list and the conflict view.
import { ApiError } from './api';
import { checkResultLabel, evaluationLabel, kindLabel } from './fire';
import { formatDate, formatNumber } from './format';
import type { MessageKey, Translator } from './i18n';
import type { OfflinePack } from './offline-pack';
import { registrationOf } from './offline-records';
import type { OutboxEntry } from './outbox';
import { shiftLabel } from './teams';

/** "Tuần tra", "Diễn tập PCCC"… */
export function kindName(t: Translator, kind: string): string {
  return t.dynamic(`web.offline.kind_${kind}`, kind);
}

/** "Chờ gửi", "Xung đột"… */
export function stateName(t: Translator, state: string): string {
  return t.dynamic(`web.offline.state_${state}`, state);
}

const DAY_FIELDS = ['patrol_on', 'held_on', 'checked_on', 'registered_on'] as const;

/** What the entry is about, in a few words: its day and, when the pack knows it, whose. */
export function entrySummary(t: Translator, entry: OutboxEntry, pack: OfflinePack | null): string {
  const day = DAY_FIELDS.map((f) => entry.body[f]).find((v) => typeof v === 'string');
  const parts = [kindName(t, entry.kind)];
  if (typeof day === 'string') parts.push(formatDate(day));
  const tick = registrationOf(entry);
  if (tick) {
    const household = pack?.households.find((h) => h.id === tick.householdId);
    parts.push(household ? `${household.code} – ${household.head_name}` : `#${tick.householdId}`);
  }
  if (entry.kind === 'extinguisher_check') {
    const line = pack?.extinguishers.find((e) => e.id === Number(entry.body.extinguisher_id));
    const household = line ? pack?.households.find((h) => h.id === line.household_id) : undefined;
    if (household) parts.push(`${household.code} – ${household.head_name}`);
  }
  return parts.join(' · ');
}

/** The refusal kept with a rejected entry, as the forms show a server's problem. */
export function entryProblem(entry: OutboxEntry): ApiError | null {
  if (entry.state !== 'rejected' && entry.state !== 'conflict') return null;
  const last = entry.last_error;
  return new ApiError({
    status: last?.status ?? 422,
    slug: last?.slug ?? 'validation-failed',
    title: last?.title ?? '',
    detail: last?.detail ?? '',
    errors: entry.errors ?? [],
  });
}

const LABELS: Record<string, MessageKey> = {
  team_id: 'offline.team',
  patrol_on: 'teams.patrol_on',
  shift: 'teams.shift',
  member_ids: 'teams.patrol_members',
  route: 'teams.route',
  findings: 'teams.findings',
  tip_refs: 'teams.tip_refs',
  group_id: 'offline.group',
  held_on: 'fire.held_on',
  scenario: 'fire.scenario',
  participants: 'fire.participants',
  observers: 'fire.observers',
  evaluation: 'fire.evaluation',
  evaluation_note: 'fire.evaluation_note',
  extinguisher_id: 'offline.extinguisher',
  checked_on: 'fire.checked_on',
  result: 'offline.result',
  new_expires_on: 'offline.new_expires_on',
  note: 'community.note',
  registered_on: 'community.registered_on',
  signed: 'community.signed',
};

/** A field's label, as its form names it. */
export function fieldLabel(t: Translator, field: string): string {
  const key = LABELS[field];
  return key ? t(key) : field;
}

/** The labels of every field the offline forms send: ErrorMessage's `fields`. */
export function fieldLabels(t: Translator): Record<string, string> {
  return Object.fromEntries(Object.keys(LABELS).map((field) => [field, fieldLabel(t, field)]));
}

/** A field's value in words ("Ca đêm", "Hoàng Văn Sơn, Ma Thị Hoa", "3 điểm"); "—" for none. */
export function fieldValue(t: Translator, field: string, value: unknown, pack: OfflinePack | null): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'shift') return shiftLabel(t, String(value));
  if (field === 'evaluation') return evaluationLabel(t, String(value));
  if (field === 'result') return checkResultLabel(t, String(value));
  if (field.endsWith('_on')) return formatDate(String(value));
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (field === 'route' && Array.isArray(value)) {
    return value.length === 0 ? '—' : t('offline.route_points_count', { count: formatNumber(value.length) });
  }
  if (field === 'member_ids' && Array.isArray(value)) {
    const members = pack?.teams.flatMap((team) => team.members) ?? [];
    return value.map((id) => members.find((m) => m.id === id)?.full_name ?? `#${String(id)}`).join(', ') || '—';
  }
  if (field === 'team_id') return pack?.teams.find((x) => x.id === value)?.name ?? `#${String(value)}`;
  if (field === 'group_id') return pack?.fire_groups.find((g) => g.id === value)?.name ?? `#${String(value)}`;
  if (field === 'extinguisher_id') {
    const line = pack?.extinguishers.find((e) => e.id === value);
    return line ? `${kindLabel(t, line.kind)} (#${line.id})` : `#${String(value)}`;
  }
  if (typeof value === 'number') return formatNumber(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}
