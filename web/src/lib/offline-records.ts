// The records the offline pages enter (plan D4, D8): each as the outbox entry that sends it
// (its PUT, by the id the phone made, on the version it was seen at) and as the village's
// pack shows it. A record queued goes into the stored pack at once, on the version it was
// seen at, and the pages mark it "chờ gửi" while its entry waits; once the server takes it,
// its answer (the record as stored) replaces it. The server decides everything else: these
// functions copy no rule of it.
import { households, request } from './api';
import type { OfflinePack } from './offline-pack';
import type { NewOutboxEntry, OutboxEntry, OutboxKind } from './outbox';
import type {
  Drill,
  DrillInput,
  Extinguisher,
  ExtinguisherCheck,
  ExtinguisherCheckInput,
  HouseholdRegistration,
  Patrol,
  PatrolInput,
  RegistrationInput,
} from './schema';
import { queryWords, foldText } from './unit-search';

const COMMUNITY = '/api/v1/community';

type Body<T> = Omit<T, 'base_version'> & { device_at: number };

/** A record entered on the phone, with what the outbox needs to send it. */
export type OfflineRecord =
  | { kind: 'patrol'; id: string; base_version: number; body: Body<PatrolInput> }
  | { kind: 'drill'; id: string; base_version: number; body: Body<DrillInput> }
  | { kind: 'extinguisher_check'; id: string; base_version: number; body: Body<ExtinguisherCheckInput> }
  | { kind: 'registration'; household_id: number; year: number; base_version: number; body: Body<RegistrationInput> };

const PATHS: Partial<Record<OutboxKind, string>> = {
  patrol: 'patrols',
  drill: 'drills',
  extinguisher_check: 'extinguisher-checks',
  meeting: 'meetings',
  model_activity: 'model-activities',
};

const REGISTRATION_URL = /\/households\/(\d+)\/registrations\/(\d+)$/;

/**
 * The outbox entry of `record`. A registration tick has no id of its own (the server keys it
 * by household and year), so its entry is named by them: ticking the same household again
 * before it is sent replaces the waiting tick instead of sending two.
 */
export function outboxEntry(userId: number, villageId: number, record: OfflineRecord): NewOutboxEntry {
  const common = { user_id: userId, village_id: villageId, kind: record.kind, base_version: record.base_version };
  if (record.kind === 'registration') {
    return {
      ...common,
      id: `registration-${userId}-${record.household_id}-${record.year}`,
      url: `${COMMUNITY}/households/${record.household_id}/registrations/${record.year}`,
      body: { ...record.body },
    };
  }
  return { ...common, id: record.id, url: `${COMMUNITY}/${PATHS[record.kind]}/${record.id}`, body: { ...record.body } };
}

/** The household and year of a registration tick's entry; null for any other entry. */
export function registrationOf(entry: Pick<OutboxEntry, 'url'>): { householdId: number; year: number } | null {
  const match = REGISTRATION_URL.exec(entry.url);
  return match ? { householdId: Number(match[1]), year: Number(match[2]) } : null;
}

/**
 * What the pages mark "chờ gửi": the ids of the records with an entry in the outbox, and the
 * households whose tick waits (whatever the entry's state: it has not reached the server).
 */
export function pendingRecords(entries: readonly OutboxEntry[]): { ids: Set<string>; households: Set<number> } {
  const ids = new Set<string>();
  const ticks = new Set<number>();
  for (const entry of entries) {
    const tick = entry.kind === 'registration' ? registrationOf(entry) : null;
    if (tick) ticks.add(tick.householdId);
    else ids.add(entry.id);
  }
  return { ids, households: ticks };
}

// ---- The pack ------------------------------------------------------------------------

function upsert<T extends { id: string }>(items: readonly T[], item: T, newestFirst: (x: T) => string): T[] {
  const rest = items.filter((x) => x.id !== item.id);
  return [item, ...rest].sort((a, b) => newestFirst(b).localeCompare(newestFirst(a)));
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The pack with the record of `entry` put in as the phone entered it, on its base version. */
export function withEntry(pack: OfflinePack, entry: Pick<OutboxEntry, 'id' | 'kind' | 'url' | 'body' | 'base_version'>): OfflinePack {
  const b = entry.body;
  const version = entry.base_version;
  switch (entry.kind) {
    case 'patrol': {
      const route = Array.isArray(b.route) ? (b.route.filter((p) => Array.isArray(p)) as number[][]) : [];
      const patrol: Patrol = {
        id: entry.id,
        team_id: Number(b.team_id),
        patrol_on: text(b.patrol_on),
        shift: b.shift as Patrol['shift'],
        member_ids: Array.isArray(b.member_ids) ? (b.member_ids as number[]) : [],
        route,
        findings: text(b.findings),
        tip_refs: text(b.tip_refs),
        version,
      };
      return withRecord(pack, 'patrol', patrol);
    }
    case 'drill': {
      const drill: Drill = {
        id: entry.id,
        group_id: Number(b.group_id),
        held_on: text(b.held_on),
        scenario: text(b.scenario),
        participants: Number(b.participants ?? 0),
        observers: text(b.observers),
        evaluation: b.evaluation as Drill['evaluation'],
        evaluation_note: text(b.evaluation_note),
        version,
      };
      return withRecord(pack, 'drill', drill);
    }
    case 'extinguisher_check': {
      const check: ExtinguisherCheck = {
        id: entry.id,
        extinguisher_id: Number(b.extinguisher_id),
        checked_on: text(b.checked_on),
        result: b.result as ExtinguisherCheck['result'],
        new_expires_on: text(b.new_expires_on) || null,
        note: text(b.note),
        version,
      };
      return withRecord(pack, 'extinguisher_check', check);
    }
    case 'registration': {
      const tick = registrationOf(entry);
      if (!tick) return pack;
      const registration: HouseholdRegistration = {
        year: tick.year,
        registered_on: text(b.registered_on),
        signed: b.signed === true,
        note: text(b.note),
        version,
      };
      return withRegistration(pack, tick.householdId, registration);
    }
    default:
      return pack;
  }
}

/** The pack with a record as the server holds it (its answer, or its copy after a conflict). */
export function withRecord(pack: OfflinePack, kind: OutboxKind, record: unknown): OfflinePack {
  switch (kind) {
    case 'patrol':
      return { ...pack, patrols: upsert(pack.patrols, record as Patrol, (p) => p.patrol_on) };
    case 'drill': {
      const drill = record as Drill;
      return { ...pack, drills: upsert(pack.drills, drill, (d) => d.held_on) };
    }
    case 'extinguisher_check':
      return { ...pack, extinguisher_checks: upsert(pack.extinguisher_checks, record as ExtinguisherCheck, (c) => c.checked_on) };
    default:
      return pack;
  }
}

function withRegistration(pack: OfflinePack, householdId: number, registration: HouseholdRegistration | null): OfflinePack {
  // The pack holds the year it was made for; a tick of another year is not its to show.
  if (registration && registration.year !== pack.year) return pack;
  return {
    ...pack,
    households: pack.households.map((h) => (h.id === householdId ? { ...h, registration } : h)),
  };
}

/** The pack after the server took `entry`: its answer, the record as stored, replaces the phone's. */
export function withAnswer(pack: OfflinePack, entry: Pick<OutboxEntry, 'kind' | 'url'>, answer: unknown): OfflinePack {
  if (!answer || typeof answer !== 'object') return pack;
  const written = answer as Record<string, unknown>;
  switch (entry.kind) {
    case 'patrol':
      return written.patrol ? withRecord(pack, 'patrol', written.patrol) : pack;
    case 'drill':
      return written.drill ? withRecord(pack, 'drill', written.drill) : pack;
    case 'extinguisher_check': {
      if (!written.check) return pack;
      const next = withRecord(pack, 'extinguisher_check', written.check);
      const line = written.extinguisher as Extinguisher | undefined;
      return line ? { ...next, extinguishers: next.extinguishers.map((e) => (e.id === line.id ? line : e)) } : next;
    }
    case 'registration': {
      const tick = registrationOf(entry);
      return tick && written.registration ? withRegistration(pack, tick.householdId, written.registration as HouseholdRegistration) : pack;
    }
    default:
      return pack;
  }
}

/** The pack after a new record's entry was dropped: the record the phone made goes with it. */
export function withoutEntry(pack: OfflinePack, entry: Pick<OutboxEntry, 'id' | 'kind' | 'url' | 'base_version'>): OfflinePack {
  if (entry.base_version !== 0) return pack; // a change of a stored record: the next refresh brings it back
  switch (entry.kind) {
    case 'patrol':
      return { ...pack, patrols: pack.patrols.filter((p) => p.id !== entry.id) };
    case 'drill':
      return { ...pack, drills: pack.drills.filter((d) => d.id !== entry.id) };
    case 'extinguisher_check':
      return { ...pack, extinguisher_checks: pack.extinguisher_checks.filter((c) => c.id !== entry.id) };
    case 'registration': {
      const tick = registrationOf(entry);
      return tick ? withRegistration(pack, tick.householdId, null) : pack;
    }
    default:
      return pack;
  }
}

// ---- A conflict ----------------------------------------------------------------------

/** The server's copy of the record an entry changes (GET of its kind); null when it holds none. */
export async function serverRecord(entry: Pick<OutboxEntry, 'kind' | 'url'>, signal?: AbortSignal): Promise<Record<string, unknown> | null> {
  const tick = entry.kind === 'registration' ? registrationOf(entry) : null;
  if (tick) {
    // A registration has no GET of its own: the household carries every year's.
    const household = await households.get(tick.householdId, signal);
    const found = household.registrations.find((r) => r.year === tick.year);
    return found ? { ...found } : null;
  }
  const path = entry.url.replace(/^\/api\/v1/, '');
  return request<Record<string, unknown>>('GET', path, { signal });
}

/** What is compared, not content: the phone's clock, the version sent on, a confirmation. */
const NOT_CONTENT = new Set(['device_at', 'base_version', 'confirm_route', 'id', 'version', 'year']);

export interface ComparedField {
  field: string;
  mine: unknown;
  theirs: unknown;
  same: boolean;
}

/** The record's fields side by side: the phone's entry and the server's copy. */
export function compareFields(mine: Record<string, unknown>, theirs: Record<string, unknown> | null): ComparedField[] {
  const fields = Object.keys(mine).filter((field) => !NOT_CONTENT.has(field));
  return fields.map((field) => {
    const value = theirs ? theirs[field] : undefined;
    return { field, mine: mine[field], theirs: value, same: sameValue(mine[field], value) };
  });
}

function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === undefined || v === null || v === '' ? null : typeof v === 'string' ? v.trim() : v);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

// ---- Finding a household -------------------------------------------------------------

/**
 * The pack's households matching what was typed, without tones or in any case ("nguyen van
 * hung" finds "Nguyễn Văn Hùng"): every word in the code, the head's name or the address.
 */
export function findHouseholds<T extends { code: string; head_name: string; address: string }>(
  items: readonly T[],
  query: string,
): T[] {
  const words = queryWords(query);
  if (words.length === 0) return [];
  return items.filter((h) => {
    const haystack = foldText(`${h.code} ${h.head_name} ${h.address}`);
    return words.every((word) => haystack.includes(word));
  });
}
