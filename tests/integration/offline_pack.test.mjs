// The offline pack over HTTP on the demo (issue 11, offline entry): what a phone keeps of
// one village (households without phones, groups with their houses and extinguishers in
// service, the team's members without birth dates, the last 30 days of patrols), who may
// take which village, the ETag a phone revalidates with (304 until something in that
// village changes), and one audit entry per pack sent.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, signInPeople, unitIds, vnDay, fieldsOf, auditEntries, Client } from './lib.mjs';

let server;
let ids;
const people = {};
const BASE = '/api/v1/community';
const TODAY = vnDay();
const KD = () => ids['DEMO-KQ-KHUONDIEN'];
const LH = () => ids['DEMO-KQ-LANGHAN'];

const packOf = (client, village, headers = {}) => client.get(`${BASE}/offline-pack?village_id=${village}`, { headers });
const audited = () => auditEntries(server, 'household.offline_pack');
const consent = () => ({ on: TODAY, channel: 'paper', text_version: 'ho-gia-dinh-1' });

// Every key anywhere in a JSON value.
function keysOf(value, into = new Set()) {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, into));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysOf(v, into);
    }
  }
  return into;
}

before(async () => {
  server = await start();
  ids = await unitIds(server.url);
  await signInPeople(server.url, people);
});
after(async () => server?.close());

test("a team member's pack of Khuôn Điển: households without phones, the team without birth dates, the week's patrols", async () => {
  const officer = people['officer.tantrao'];
  // A household with a phone: its digits must not travel in the pack, in any form.
  const made = await officer.post(`${BASE}/households`, {
    village_id: KD(), head_name: 'Lục Thị Hoa', address: 'Xóm Đình', members: 3, phone: '0386 527 194', consent: consent(),
  });
  assert.equal(made.status, 201, made.text);

  const before = audited();
  const r = await packOf(people['team.khuondien'], KD());
  assert.equal(r.status, 200, r.text);
  assert.equal(r.headers.get('cache-control'), 'private, no-cache');
  assert.match(r.headers.get('etag'), /^"[0-9a-f]{32}"$/);
  const pack = r.data;
  assert.equal(pack.village.id, KD());
  assert.equal(pack.village.name, 'Khuôn Điển');
  assert.equal(pack.commune.code, '02545');
  assert.equal(pack.today, TODAY);
  assert.equal(pack.recent_from, vnDay(-30));

  // The demo's 40 (38 registered this year) and the one just added.
  assert.equal(pack.households.length, 41);
  assert.equal(pack.households.filter((h) => h.registration).length, 38);
  const hoa = pack.households.find((h) => h.id === made.data.id);
  assert.deepEqual(Object.keys(hoa).sort(), ['address', 'code', 'fire_group_id', 'head_name', 'id', 'members', 'registration', 'version']);
  for (const digits of ['0386527194', '386527194', '0386 527 194']) assert.ok(!r.text.includes(digits), `no phone: ${digits}`);
  const keys = keysOf(pack);
  for (const k of ['phone', 'has_phone', 'phone_public', 'birth_date', 'birth_year', 'consent']) assert.ok(!keys.has(k), `no ${k}`);

  // The demo team: a leader, a deputy and four members, and its two night patrols of the last week.
  assert.equal(pack.teams.length, 1);
  assert.equal(pack.teams[0].members.length, 6);
  assert.deepEqual(Object.keys(pack.teams[0].members[0]).sort(), ['full_name', 'id', 'joined_on', 'position']);
  assert.equal(pack.patrols.length, 2);
  for (const p of pack.patrols) {
    assert.ok(p.patrol_on >= pack.recent_from && p.patrol_on <= TODAY, p.patrol_on);
    assert.equal(p.version, 1);
  }
  assert.ok(pack.patrols[0].patrol_on >= pack.patrols[1].patrol_on, 'newest first');
  assert.ok(pack.boundary === null || pack.boundary.type === 'Feature');
  assert.ok([null, 'village', 'commune'].includes(pack.boundary_of));

  assert.equal(audited(), before + 1);
});

test('a group with its houses and the extinguishers in service, a retired one left out', async () => {
  const officer = people['officer.tantrao'];
  const list = await officer.get(`${BASE}/households?unit_id=${KD()}&page_size=100`);
  const houses = list.data.items.slice(0, 5).map((h) => h.id);
  const g = await officer.post(`${BASE}/fire-groups`, { village_id: KD(), name: 'Tổ liên gia xóm Chợ', household_ids: houses });
  assert.equal(g.status, 201, g.text);
  const extinguisher = (over) => ({
    kind: 'abc_powder', kind_note: '', capacity_kg: 4, count: 1, manufactured_on: vnDay(-700), last_refill_on: null,
    expires_on: vnDay(400), ...over,
  });
  const kept = await officer.post(`${BASE}/households/${houses[0]}/extinguishers`, extinguisher());
  assert.equal(kept.status, 201, kept.text);
  const gone = await officer.post(`${BASE}/households/${houses[1]}/extinguishers`, extinguisher({ kind: 'co2', capacity_kg: 2 }));
  assert.equal(gone.status, 201, gone.text);
  const retired = await officer.post(`${BASE}/extinguishers/${gone.data.id}/retire`, { version: 1 });
  assert.equal(retired.status, 200, retired.text);

  const pack = (await packOf(people['team.khuondien'], KD())).data;
  const group = pack.fire_groups.find((x) => x.id === g.data.id);
  assert.deepEqual([...group.household_ids].sort((a, b) => a - b), [...houses].sort((a, b) => a - b));
  for (const id of houses) assert.equal(pack.households.find((h) => h.id === id).fire_group_id, g.data.id);
  const ours = pack.extinguishers.filter((e) => houses.includes(e.household_id));
  assert.deepEqual(ours.map((e) => e.id), [kept.data.id]);
  assert.equal(ours[0].expires_on, vnDay(400));
});

test('who takes which village: officers their commune, a team member their village, nobody else', async () => {
  const team = people['team.khuondien'];
  const officer = people['officer.tantrao'];
  const before = audited();
  for (const village of [LH(), ids['DEMO-KT-KHUONHAU'], ids['02545']]) {
    assert.equal((await packOf(team, village)).status, 404, `team: ${village}`);
  }
  assert.equal((await packOf(officer, LH())).status, 200);
  assert.equal((await packOf(officer, ids['DEMO-KT-KHUONHAU'])).status, 404);
  assert.equal((await packOf(people['officer.kienthiet'], KD())).status, 404);
  assert.deepEqual(fieldsOf(await packOf(officer, ids['02545'])), ['village_id:not_village']);
  for (const name of ['reviewer.tuyenquang', 'admin', 'auditor']) {
    assert.equal((await packOf(people[name], KD())).status, 403, name);
  }
  assert.deepEqual(fieldsOf(await officer.get(`${BASE}/offline-pack`)), ['village_id:required']);
  assert.deepEqual(fieldsOf(await officer.get(`${BASE}/offline-pack?village_id=abc`)), ['village_id:invalid_format']);
  assert.equal((await packOf(officer, 99999999)).status, 404);
  assert.equal((await new Client(server.url).get(`${BASE}/offline-pack?village_id=${KD()}`)).status, 401);
  assert.equal(audited(), before + 1, 'only the pack sent is audited');
});

test("the ETag: 304 while nothing changes, a new pack after a tick in the village, not after one elsewhere", async () => {
  const team = people['team.khuondien'];
  const officer = people['officer.tantrao'];
  const first = await packOf(team, KD());
  assert.equal(first.status, 200);
  const etag = first.headers.get('etag');

  const before = audited();
  const same = await packOf(team, KD(), { 'if-none-match': etag });
  assert.equal(same.status, 304);
  assert.equal(same.text, '');
  assert.equal(same.headers.get('etag'), etag);
  assert.equal(audited(), before, 'a pack not sent is not audited');

  // Another village changes: Khuôn Điển's pack stays the same.
  const elsewhere = await officer.post(`${BASE}/households`, { village_id: LH(), head_name: 'Ma Văn Tùng', address: 'Xóm Trên', members: 2 });
  assert.equal(elsewhere.status, 201, elsewhere.text);
  assert.equal((await packOf(team, KD(), { 'if-none-match': etag })).status, 304);

  // A missing household ticks its registration: a new pack that shows it.
  const missing = first.data.households.find((h) => !h.registration);
  const tick = await team.put(`${BASE}/households/${missing.id}/registrations/${first.data.year}`,
    { registered_on: TODAY, signed: true, note: '', base_version: 0 });
  assert.equal(tick.status, 201, tick.text);
  const fresh = await packOf(team, KD(), { 'if-none-match': etag });
  assert.equal(fresh.status, 200);
  assert.notEqual(fresh.headers.get('etag'), etag);
  assert.equal(fresh.data.households.find((h) => h.id === missing.id).registration.version, 1);
  assert.equal(audited(), before + 1);
});
