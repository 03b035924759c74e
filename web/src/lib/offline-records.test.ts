import { describe, expect, it } from 'vitest';
import { offlinePack } from '../test/fixtures';
import { compareFields, findHouseholds, outboxEntry, pendingRecords, withAnswer, withEntry, withoutEntry } from './offline-records';
import type { OutboxEntry } from './outbox';

const ID = '3d9a7c1e-52b4-4f0a-8e61-0b7f2c9d4a15';

function queued(entry: ReturnType<typeof outboxEntry>): OutboxEntry {
  return { ...entry, method: 'PUT', created_at: 1, state: 'waiting', attempts: 0, next_try_at: 1 };
}

const tick = queued(
  outboxEntry(3, 40, { kind: 'registration', household_id: 7, year: 2027, base_version: 0, body: { registered_on: '2026-12-01', signed: true, note: '', device_at: 5 } }),
);
const patrol = queued(
  outboxEntry(3, 40, {
    kind: 'patrol',
    id: ID,
    base_version: 0,
    body: { team_id: 1, patrol_on: '2026-11-30', shift: 'night', member_ids: [11], route: [[21.8, 105.45], '21.81 105.45'], findings: 'x', tip_refs: '', device_at: 5 },
  }),
);

describe('outboxEntry', () => {
  it('puts a record by the id the phone made, and a tick by its household and year', () => {
    expect(patrol).toMatchObject({ id: ID, url: `/api/v1/community/patrols/${ID}`, kind: 'patrol', village_id: 40, user_id: 3 });
    expect(tick).toMatchObject({ id: 'registration-3-7-2027', url: '/api/v1/community/households/7/registrations/2027' });
    expect(pendingRecords([patrol, tick])).toEqual({ ids: new Set([ID]), households: new Set([7]) });
  });
});

describe('the pack and the outbox', () => {
  it('shows a queued record at once, then the server\'s answer in its place', () => {
    const pack = withEntry(offlinePack(), patrol);
    // A point typed as text stays the server's to read: only clicked points are drawn.
    expect(pack.patrols).toMatchObject([{ id: ID, version: 0, route: [[21.8, 105.45]] }]);
    const answered = withAnswer(pack, patrol, { patrol: { ...pack.patrols[0], version: 1 }, outcome: 'inserted' });
    expect(answered.patrols.map((p) => p.version)).toEqual([1]);
    expect(withoutEntry(pack, patrol).patrols).toEqual([]);
  });

  it('ticks the household of the pack\'s year, and drops the tick with its entry', () => {
    const pack = withEntry(offlinePack(), tick);
    expect(pack.households.find((h) => h.id === 7)?.registration).toEqual({ year: 2027, registered_on: '2026-12-01', signed: true, note: '', version: 0 });
    expect(withoutEntry(pack, tick).households.find((h) => h.id === 7)?.registration).toBeNull();
  });
});

describe('findHouseholds', () => {
  it('finds by any words of code, head or address, without tones or case', () => {
    const all = offlinePack().households;
    expect(findHouseholds(all, 'nguyen van hung').map((h) => h.id)).toEqual([7]);
    expect(findHouseholds(all, 'NGUYỄN').map((h) => h.id)).toEqual([7, 9]);
    expect(findHouseholds(all, 'trai huong').map((h) => h.id)).toEqual([9]);
    expect(findHouseholds(all, '00005').map((h) => h.id)).toEqual([5]);
    expect(findHouseholds(all, '  ')).toEqual([]);
  });
});

describe('compareFields', () => {
  it('lists the content fields, marking those that differ, without the clock or the version', () => {
    const fields = compareFields({ findings: 'a ', shift: 'night', device_at: 5, confirm_route: false, tip_refs: '' }, { findings: 'b', shift: 'night', tip_refs: null, version: 3 });
    expect(fields.map((f) => [f.field, f.same])).toEqual([
      ['findings', false],
      ['shift', true],
      ['tip_refs', true],
    ]);
  });
});
