// Fire-safety groups over HTTP on the demo (issue 11): founding a group of a village's
// households (5–15, another size only with a reason; a household in one group at most,
// the other group named), its member list and fields with a stale edit refused, strict
// bodies and parameters, each house's extinguishers (an expiry before manufacture refused)
// and gear, the groups' firefighting points typed as people type them, the due lists and
// the share of households in a group per village, the groups' drills by the offline rule
// (the id the phone made; sent twice, stored once; a stale change refused; the group's last
// drill follows), the drills' photos (checked by content, kept without their metadata, five
// at most) and the fires and incidents a group attended, and who may do what.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { start, signInPeople, unitIds, sql, vnDay, fieldsOf, auditEntries } from './lib.mjs';

let server;
let ids;
const people = {};
const BASE = '/api/v1/community';

const TODAY = vnDay();
const MARKET = { lat: 21.80561, lon: 105.45156 };  // Tân Trào's centre, well inside 02545
const TOWN = { lat: 21.8236, lon: 105.2136 };  // Tuyên Quang's provincial town, another commune

const distinctFieldsOf = (r) => [...new Set(fieldsOf(r))];
const auditCount = (action) => auditEntries(server, action);
const groupCount = () => Number(sql(server, 'SELECT COUNT(*) FROM fire_groups'));
const near = (a, b, what) => assert.ok(Math.abs(a - b) < 1e-6, `${what}: ${a} ≠ ${b}`);
const byNumber = (a, b) => a - b;
const KD = () => ids['DEMO-KQ-KHUONDIEN'];
const LH = () => ids['DEMO-KQ-LANGHAN'];

const group = (householdIds, over = {}) => ({
  village_id: KD(), name: 'Tổ liên gia xóm Đình', household_ids: householdIds, ...over,
});
// A drill of group `groupId` as a phone sends it: new (base version 0) unless said.
const drill = (groupId, over = {}) => ({
  group_id: groupId, held_on: TODAY, scenario: 'Cháy bếp nhà ông Thắng lúc nấu cơm tối, lan sang mái tranh nhà bên',
  participants: 14, observers: 'Đ/c Nguyễn Văn An, Công an xã Tân Trào', evaluation: 'good', evaluation_note: '',
  base_version: 0, ...over,
});
// A day `days` ago in Vietnam, but not before this year's 1 January: a drill of this year.
const thisYear = (days) => [vnDay(-days), `${TODAY.slice(0, 4)}-01-01`].sort().at(-1);
const drillCount = () => Number(sql(server, 'SELECT COUNT(*) FROM fire_drills'));
// A photo with EXIF and its GPS position, and the marker its metadata carries.
const fixture = (name) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
const PHOTO = fixture('photo-gps.jpg');
const PNG = fixture('photo-gps.png');
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
// One file as the page sends it: multipart/form-data, a part named "file".
const photoForm = (bytes, name = 'IMG_2041.jpg', type = 'image/jpeg') => {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), name);
  return form;
};
const addPhoto = (client, drillId, form) => client.request('POST', `${BASE}/drills/${drillId}/photos`, { body: form });
const fileCount = () => Number(sql(server, 'SELECT COUNT(*) FROM community_files'));
// Vietnam's wall-clock time `ms` from now, as a datetime-local input writes it.
const vnLocal = (ms = 0) => new Date(Date.now() + 7 * 3600e3 + ms).toISOString().slice(0, 16);
// The instant of such a local time, as the API writes it (UTC, milliseconds).
const utcOf = (local) => new Date(Date.parse(`${local}:00Z`) - 7 * 3600e3).toISOString();
const incidentCount = () => Number(sql(server, 'SELECT COUNT(*) FROM fire_incidents'));
const incident = (over = {}) => ({
  occurred_at: vnLocal(-2 * 3600e3), place: 'Nhà ông Hoàng Văn Khuôn, xóm Đình', kind: 'fire',
  description: 'Cháy bếp do để quên nồi trên bếp củi', damage: 'Cháy một phần mái bếp, không ai bị thương',
  response: 'Tổ dùng 2 bình bột ABC và nước từ bể đầu xóm, dập tắt sau 15 phút', ...over,
});
const extinguisher = (over = {}) => ({
  kind: 'abc_powder', kind_note: '', capacity_kg: 4, count: 1, manufactured_on: vnDay(-700), last_refill_on: null,
  expires_on: vnDay(400), ...over,
});

// `n` households present in the village and in no fire group, none of `except`: the
// demo's first (the demo has 40 in Khuôn Điển), else new ones.
async function freeHouseholds(village, n, except = []) {
  const officer = people['officer.tantrao'];
  const taken = new Set(except);
  const groups = await officer.get(`${BASE}/fire-groups?unit_id=${village}&include_dissolved=1&page_size=500`);
  assert.equal(groups.status, 200, groups.text);
  for (const g of groups.data.items) {
    for (const h of (await officer.get(`${BASE}/fire-groups/${g.id}`)).data.houses) taken.add(h.household_id);
  }
  const list = await officer.get(`${BASE}/households?unit_id=${village}&page_size=100`);
  assert.equal(list.status, 200, list.text);
  const free = list.data.items.map((h) => h.id).filter((id) => !taken.has(id)).slice(0, n);
  while (free.length < n) {
    const made = await officer.post(`${BASE}/households`, {
      village_id: village, head_name: `Hộ thêm cho tổ liên gia ${free.length + 1}`, address: 'Xóm Mới', members: 3,
      consent: { on: TODAY, channel: 'paper', text_version: 'ho-gia-dinh-1' },  // membership needs it (D3)
    });
    assert.equal(made.status, 201, made.text);
    free.push(made.data.id);
  }
  return free;
}

// A group of `n` free households of Khuôn Điển (or of `over.village_id`), made by `client`.
async function founded(client, n, over = {}) {
  const members = await freeHouseholds(over.village_id ?? KD(), n);
  const r = await client.post(`${BASE}/fire-groups`, group(members, over));
  assert.equal(r.status, 201, r.text);
  return { ...r.data, household_ids: members };
}

async function householdCode(id) {
  return (await people['officer.tantrao'].get(`${BASE}/households/${id}`)).data.code;
}

before(async () => {
  server = await start();
  ids = await unitIds(server.url);
  await signInPeople(server.url, people);
});
after(async () => server?.close());

test('an officer founds a group of six; four households need a reason; a household in another group is refused by name', async () => {
  const officer = people['officer.tantrao'];
  const six = await freeHouseholds(KD(), 6);
  const audited = auditCount('fire_group.create');
  const r = await officer.post(`${BASE}/fire-groups`, group(six, { leader_household_id: six[0], founded_on: vnDay(-30) }));
  assert.equal(r.status, 201, r.text);
  const first = r.data;
  assert.match(first.code, /^02545-LG-\d{5}$/);
  assert.equal(first.village_id, KD());
  assert.equal(first.village_name, 'Khuôn Điển');
  assert.equal(first.name, 'Tổ liên gia xóm Đình');
  assert.equal(first.members, 6);
  assert.equal(first.leader_household_id, six[0]);
  assert.equal(first.founded_on, vnDay(-30));
  assert.equal(first.dissolved_on, null);
  assert.equal(first.size_reason, '');
  assert.equal(first.last_drill_on, null);
  assert.equal(first.demo, false);
  assert.equal(typeof first.version, 'number');
  assert.equal(auditCount('fire_group.create'), audited + 1);

  const detail = await officer.get(`${BASE}/fire-groups/${first.id}`);
  assert.equal(detail.status, 200, detail.text);
  assert.equal(detail.data.code, first.code);
  assert.deepEqual(detail.data.houses.map((h) => h.household_id).sort(byNumber), [...six].sort(byNumber));
  for (const h of detail.data.houses) {
    assert.match(h.code, /^02545-HO-\d+$/);
    assert.ok(h.head_name, JSON.stringify(h));
    assert.deepEqual(h.extinguishers, []);
    assert.equal(h.gear, null);
    assert.ok(!('phone' in h) && !('has_phone' in h), 'no phone in a member house');
  }
  assert.deepEqual(detail.data.points, []);
  const found = await officer.get(`${BASE}/fire-groups?q=${encodeURIComponent('xom dinh')}&unit_id=${KD()}`);
  assert.equal(found.status, 200, found.text);
  assert.ok(found.data.items.some((g) => g.id === first.id && g.members === 6), 'found without accents');

  // Four households: the warning names 5–15 and nothing is written; sent again with a reason, kept.
  const count = groupCount();
  const four = await freeHouseholds(KD(), 4);
  const small = await officer.post(`${BASE}/fire-groups`, group(four, { name: 'Tổ liên gia xóm Trại' }));
  assert.equal(small.status, 422, small.text);
  assert.deepEqual(fieldsOf(small), ['members:group_size']);
  assert.match(small.data.errors[0].message, /5–15/);
  assert.ok(!small.data.errors[0].message.startsWith('field_error.'), small.data.errors[0].message);
  assert.equal(groupCount(), count, 'nothing written');
  const reason = 'Xóm Trại chỉ có 4 hộ, cách xa các xóm khác';
  const kept = await officer.post(`${BASE}/fire-groups`, group(four, { name: 'Tổ liên gia xóm Trại', size_reason: reason }));
  assert.equal(kept.status, 201, kept.text);
  assert.equal(kept.data.members, 4);
  assert.equal(kept.data.size_reason, reason);
  assert.notEqual(kept.data.code, first.code);

  // A household of the first group claimed by another: refused, naming the household and the group.
  const others = await freeHouseholds(KD(), 4);
  const claimed = await officer.post(`${BASE}/fire-groups`, group([six[2], ...others], { name: 'Tổ liên gia xóm Chợ' }));
  assert.equal(claimed.status, 422, claimed.text);
  assert.deepEqual(fieldsOf(claimed), ['household_ids:in_other_group']);
  const message = claimed.data.errors[0].message;
  assert.match(message, /tổ liên gia khác/);
  assert.ok(message.includes(first.code), `the first group named: ${message}`);
  assert.ok(message.includes(await householdCode(six[2])), `the household named: ${message}`);
  assert.equal(groupCount(), count + 1, 'nothing written');

  // Households of another village, and a leader who is not a member.
  const elsewhere = await freeHouseholds(LH(), 5);
  assert.deepEqual(distinctFieldsOf(await officer.post(`${BASE}/fire-groups`, group(elsewhere))), ['household_ids:not_found']);
  const five = [...others, ...(await freeHouseholds(KD(), 1, others))];
  const leader = await officer.post(`${BASE}/fire-groups`, group(five, { leader_household_id: six[0] }));
  assert.equal(leader.status, 422, leader.text);
  assert.deepEqual(fieldsOf(leader), ['leader_household_id:not_member']);
  assert.equal(groupCount(), count + 1, 'nothing written');
});

test('the member list changes at once; the group\'s own fields change with their version; a stale edit is refused', async () => {
  const officer = people['officer.tantrao'];
  const made = await founded(officer, 5, { name: 'Tổ liên gia xóm Đồi' });
  const [extra] = await freeHouseholds(KD(), 1);
  const url = `${BASE}/fire-groups/${made.id}`;

  const audited = auditCount('fire_group.members');
  const six = await officer.put(`${url}/members`, { household_ids: [...made.household_ids, extra], version: made.version });
  assert.equal(six.status, 200, six.text);
  assert.equal(six.data.members, 6);
  assert.ok(six.data.version > made.version);
  assert.equal(auditCount('fire_group.members'), audited + 1);
  const stale = await officer.put(`${url}/members`, { household_ids: made.household_ids, version: made.version });
  assert.equal(stale.status, 409, stale.text);
  assert.equal(stale.data.type, '/problems/conflict');
  assert.equal((await officer.get(url)).data.members, 6, 'nothing written');
  const three = await officer.put(`${url}/members`, { household_ids: made.household_ids.slice(0, 3), version: six.data.version });
  assert.deepEqual(fieldsOf(three), ['members:group_size']);
  assert.deepEqual(fieldsOf(await officer.put(`${url}/members`, { household_ids: [extra] })), ['version:required']);
  assert.deepEqual(fieldsOf(await officer.put(`${url}/members`, { version: six.data.version })), ['household_ids:required']);

  // The group's own fields: the leader among the members, dates in order, a stale version refused.
  const fields = (over = {}) => ({ village_id: KD(), name: 'Tổ liên gia xóm Đồi', founded_on: vnDay(-60), note: '', ...over });
  const changed = await officer.put(url, { ...fields({ leader_household_id: extra, note: 'Họp tổ ngày 15 hằng tháng' }), version: six.data.version });
  assert.equal(changed.status, 200, changed.text);
  assert.equal(changed.data.leader_household_id, extra);
  assert.equal(changed.data.note, 'Họp tổ ngày 15 hằng tháng');
  assert.equal(changed.data.members, 6);
  const detail = sql(server, `SELECT detail FROM audit_log WHERE action = 'fire_group.update' AND entity_id = '${made.id}'`);
  assert.match(detail, /leader_household_id/);
  assert.ok(!detail.includes('Họp tổ'), `field names only: ${detail}`);
  const staleEdit = await officer.put(url, { ...fields({ name: 'Tên khác' }), version: six.data.version });
  assert.equal(staleEdit.status, 409, staleEdit.text);
  const version = changed.data.version;
  const [outsider] = await freeHouseholds(KD(), 1);
  assert.deepEqual(fieldsOf(await officer.put(url, { ...fields({ leader_household_id: outsider }), version })),
    ['leader_household_id:not_member']);
  assert.deepEqual(fieldsOf(await officer.put(url, { ...fields({ dissolved_on: vnDay(-90) }), version })),
    ['dissolved_on:before_founded']);
  assert.deepEqual(fieldsOf(await officer.put(url, { ...fields({ founded_on: vnDay(1) }), version })), ['founded_on:in_future']);
  assert.deepEqual(fieldsOf(await officer.put(url, { ...fields({ village_id: LH() }), version })), ['village_id:has_members']);
  assert.deepEqual(fieldsOf(await officer.put(url, { ...fields({ name: '' }), version })), ['name:required']);
  assert.deepEqual(fieldsOf(await officer.put(url, fields())), ['version:required']);
  assert.equal((await officer.get(url)).data.name, 'Tổ liên gia xóm Đồi', 'nothing written');

  // Emptied (with a reason, the leader first) and dissolved: out of the list unless asked for.
  const leaderless = await officer.put(url, { ...fields(), version });
  assert.equal(leaderless.status, 200, leaderless.text);
  const empty = await officer.put(`${url}/members`, { household_ids: [], size_reason: 'Các hộ chuyển sang tổ khác', version: leaderless.data.version });
  assert.equal(empty.status, 200, empty.text);
  assert.equal(empty.data.members, 0);
  const dissolved = await officer.put(url, { ...fields({ dissolved_on: TODAY }), version: empty.data.version });
  assert.equal(dissolved.status, 200, dissolved.text);
  assert.equal(dissolved.data.dissolved_on, TODAY);
  const listed = await officer.get(`${BASE}/fire-groups?unit_id=${KD()}&page_size=500`);
  assert.ok(!listed.data.items.some((g) => g.id === made.id), 'a dissolved group is out of the list');
  const all = await officer.get(`${BASE}/fire-groups?unit_id=${KD()}&include_dissolved=1&page_size=500`);
  assert.ok(all.data.items.some((g) => g.id === made.id && g.dissolved_on === TODAY));
});

test('bodies and parameters are read strictly, each bad one named, nothing written', async () => {
  const officer = people['officer.tantrao'];
  const count = groupCount();
  const five = await freeHouseholds(KD(), 5);
  assert.deepEqual(fieldsOf(await officer.post(`${BASE}/fire-groups`, group(five, { village_id: String(KD()) }))), ['village_id:wrong_type']);
  assert.deepEqual(fieldsOf(await officer.post(`${BASE}/fire-groups`, group(five.map(String)))), ['household_ids:wrong_type']);
  assert.deepEqual(fieldsOf(await officer.post(`${BASE}/fire-groups`, group(five[0]))), ['household_ids:wrong_type']);
  assert.deepEqual(fieldsOf(await officer.post(`${BASE}/fire-groups`, { village_id: KD(), name: 'Tổ' })), ['household_ids:required']);
  assert.deepEqual(fieldsOf(await officer.post(`${BASE}/fire-groups`, group(five, { leader_household_id: 'Hộ ông Tuấn' }))),
    ['leader_household_id:wrong_type']);
  assert.deepEqual(fieldsOf(await officer.post(`${BASE}/fire-groups`, group(five, { founded_on: '30/02/2026' }))), ['founded_on:invalid_date']);
  assert.deepEqual(fieldsOf(await officer.post(`${BASE}/fire-groups`, group(five, { name: '' }))), ['name:required']);
  assert.deepEqual(fieldsOf(await officer.post(`${BASE}/fire-groups`, group(five, { village_id: ids['02545'] }))), ['village_id:not_found'],
    'a group is a village\'s');
  assert.deepEqual(fieldsOf(await officer.post(`${BASE}/fire-groups`, group(five, { village_id: undefined }))), ['village_id:required']);
  assert.equal(groupCount(), count, 'nothing written');
  const form = await officer.request('POST', `${BASE}/fire-groups`, { body: 'name=T', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(form.status, 415);

  assert.deepEqual(fieldsOf(await officer.get(`${BASE}/fire-groups?include_dissolved=true`)), ['include_dissolved:unknown_value']);
  assert.deepEqual(fieldsOf(await officer.get(`${BASE}/fire-groups?unit_id=-3`)), ['unit_id:invalid_format']);
  assert.deepEqual(fieldsOf(await officer.get(`${BASE}/fire-groups?page_size=0`)), ['page_size:invalid_format']);
  assert.deepEqual(fieldsOf(await officer.get(`${BASE}/fire-due?unit_id=abc`)), ['unit_id:invalid_format']);
  assert.equal((await officer.get(`${BASE}/fire-groups/abc`)).status, 404);
  assert.equal((await officer.get(`${BASE}/fire-groups/999999`)).status, 404);
  assert.equal((await officer.put(`${BASE}/extinguishers/999999`, { ...extinguisher(), version: 1 })).status, 404);
  assert.equal((await officer.request('DELETE', `${BASE}/fire-points/999999`)).status, 404);
  assert.equal((await officer.get(`${BASE}/fire-coverage?unit_id=${ids['DEMO-KIENTHIET']}`)).status, 404, 'another commune');
});

test('each house\'s extinguishers and gear; an expiry before manufacture is refused; a stale edit conflicts', async () => {
  const officer = people['officer.tantrao'];
  const made = await founded(officer, 5, { name: 'Tổ liên gia xóm Chợ' });
  const [house, other] = made.household_ids;
  const url = `${BASE}/households/${house}/extinguishers`;
  const audited = auditCount('extinguisher.create');

  const r = await officer.post(url, extinguisher());
  assert.equal(r.status, 201, r.text);
  assert.deepEqual({ ...r.data, id: 0 }, {
    id: 0, household_id: house, kind: 'abc_powder', kind_note: '', capacity_kg: 4, count: 1, manufactured_on: vnDay(-700),
    last_refill_on: null, expires_on: vnDay(400), retired_on: null, last_check_on: null, version: 1,
  });
  assert.equal(auditCount('extinguisher.create'), audited + 1);
  const count = Number(sql(server, 'SELECT COUNT(*) FROM fire_extinguishers'));
  const backwards = await officer.post(url, extinguisher({ manufactured_on: vnDay(-10), expires_on: vnDay(-20) }));
  assert.equal(backwards.status, 422, backwards.text);
  assert.deepEqual(fieldsOf(backwards), ['expires_on:before_manufactured']);
  assert.ok(!backwards.data.errors[0].message.startsWith('field_error.'), backwards.data.errors[0].message);
  assert.deepEqual(fieldsOf(await officer.post(url, extinguisher({ last_refill_on: vnDay(-800) }))), ['last_refill_on:before_manufactured']);
  assert.deepEqual(fieldsOf(await officer.post(url, extinguisher({ kind: 'water' }))), ['kind:unknown_value']);
  assert.deepEqual(fieldsOf(await officer.post(url, extinguisher({ kind: undefined }))), ['kind:required']);
  assert.deepEqual(fieldsOf(await officer.post(url, extinguisher({ count: 0 }))), ['count:out_of_range']);
  assert.deepEqual(fieldsOf(await officer.post(url, extinguisher({ count: 1.5 }))), ['count:wrong_type']);
  assert.deepEqual(fieldsOf(await officer.post(url, extinguisher({ capacity_kg: '4 kg' }))), ['capacity_kg:wrong_type']);
  assert.deepEqual(fieldsOf(await officer.post(url, extinguisher({ capacity_kg: 0 }))), ['capacity_kg:out_of_range']);
  assert.deepEqual(fieldsOf(await officer.post(url, extinguisher({ manufactured_on: vnDay(1) }))), ['manufactured_on:in_future']);
  assert.deepEqual(fieldsOf(await officer.post(url, extinguisher({ expires_on: '' }))), ['expires_on:required']);
  assert.equal(Number(sql(server, 'SELECT COUNT(*) FROM fire_extinguishers')), count, 'nothing written');
  const unknown = await officer.post(url, extinguisher({ capacity_kg: null, kind: 'other', kind_note: 'Bình cầu tự động' }));
  assert.equal(unknown.status, 201, unknown.text);
  assert.equal(unknown.data.capacity_kg, null);

  const changed = await officer.put(`${BASE}/extinguishers/${r.data.id}`, { ...extinguisher({ count: 2, capacity_kg: 8 }), version: 1 });
  assert.equal(changed.status, 200, changed.text);
  assert.equal(changed.data.count, 2);
  assert.equal(changed.data.capacity_kg, 8);
  assert.equal(changed.data.version, 2);
  const stale = await officer.put(`${BASE}/extinguishers/${r.data.id}`, { ...extinguisher({ count: 3 }), version: 1 });
  assert.equal(stale.status, 409, stale.text);
  assert.equal(stale.data.type, '/problems/conflict');
  assert.deepEqual(fieldsOf(await officer.put(`${BASE}/extinguishers/${r.data.id}`, extinguisher())), ['version:required']);

  // Retired: today unless said, out of service, after those in service on the group's page.
  const staleRetire = await officer.post(`${BASE}/extinguishers/${r.data.id}/retire`, { version: 1 });
  assert.equal(staleRetire.status, 409, staleRetire.text);
  assert.deepEqual(fieldsOf(await officer.post(`${BASE}/extinguishers/${r.data.id}/retire`, { retired_on: vnDay(1), version: 2 })),
    ['retired_on:in_future']);
  const retired = await officer.post(`${BASE}/extinguishers/${r.data.id}/retire`, { version: 2 });
  assert.equal(retired.status, 200, retired.text);
  assert.equal(retired.data.retired_on, TODAY);
  assert.equal(retired.data.version, 3);
  const page = await officer.get(`${BASE}/fire-groups/${made.id}`);
  const kept = page.data.houses.find((h) => h.household_id === house);
  assert.deepEqual(kept.extinguishers.map((e) => [e.id, e.retired_on]), [[unknown.data.id, null], [r.data.id, TODAY]]);

  // Gear: the whole of it at once.
  const gear = { forcing_tools: 'Xà beng, búa', forcing_tool_count: 2, bell: true, push_buttons: 1, interlinked: true, checked_on: TODAY };
  const gearAudited = auditCount('fire_gear.update');
  const put = await officer.put(`${BASE}/households/${other}/gear`, gear);
  assert.equal(put.status, 200, put.text);
  assert.deepEqual(put.data, { household_id: other, ...gear });
  const withGear = (await officer.get(`${BASE}/fire-groups/${made.id}`)).data.houses.find((h) => h.household_id === other);
  assert.deepEqual(withGear.gear, { household_id: other, ...gear });
  const less = await officer.put(`${BASE}/households/${other}/gear`, { bell: true });
  assert.deepEqual(less.data, { household_id: other, forcing_tools: '', forcing_tool_count: 0, bell: true, push_buttons: 0, interlinked: false, checked_on: null });
  assert.deepEqual(fieldsOf(await officer.put(`${BASE}/households/${other}/gear`, { push_buttons: 21 })), ['push_buttons:out_of_range']);
  assert.deepEqual(fieldsOf(await officer.put(`${BASE}/households/${other}/gear`, { bell: 'có' })), ['bell:wrong_type']);
  assert.deepEqual(fieldsOf(await officer.put(`${BASE}/households/${other}/gear`, { checked_on: vnDay(1) })), ['checked_on:in_future']);
  assert.equal(auditCount('fire_gear.update'), gearAudited + 2);
  assert.equal((await officer.put(`${BASE}/households/999999/gear`, gear)).status, 404);
});

test('the due lists: expired and expiring extinguishers, groups without a drill, member houses without an extinguisher', async () => {
  const officer = people['officer.tantrao'];
  const made = await founded(officer, 5, { name: 'Tổ liên gia xóm Gốc Đa' });
  const [bare, expiredHouse, soonHouse, laterHouse, retiredHouse] = made.household_ids;
  const add = async (household, over) => {
    const r = await officer.post(`${BASE}/households/${household}/extinguishers`, extinguisher(over));
    assert.equal(r.status, 201, r.text);
    return r.data;
  };
  const expired = await add(expiredHouse, { kind: 'co2', capacity_kg: 3, expires_on: vnDay(-1) });
  const soon = await add(soonHouse, { expires_on: vnDay(10) });
  const later = await add(laterHouse, { expires_on: vnDay(31) });
  const gone = await add(retiredHouse, { expires_on: vnDay(-5) });
  assert.equal((await officer.post(`${BASE}/extinguishers/${gone.id}/retire`, { version: gone.version })).status, 200);

  const r = await officer.get(`${BASE}/fire-due?unit_id=${KD()}`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.day, TODAY);
  assert.equal(r.data.expiring_until, vnDay(30));
  const listed = (list) => list.items.map((i) => i.id);
  const expiredRow = r.data.expired.items.find((i) => i.id === expired.id);
  assert.ok(expiredRow, JSON.stringify(r.data.expired));
  assert.ok(expiredRow.head_name, 'the head named');
  assert.deepEqual({ ...expiredRow, head_name: '' }, {
    id: expired.id, household_id: expiredHouse, household_code: await householdCode(expiredHouse), head_name: '',
    group_id: made.id, kind: 'co2', capacity_kg: 3, count: 1, expires_on: vnDay(-1),
  });
  assert.ok(!listed(r.data.expired).includes(soon.id));
  assert.ok(listed(r.data.expiring).includes(soon.id), JSON.stringify(r.data.expiring));
  assert.ok(!listed(r.data.expiring).includes(expired.id));
  assert.ok(!listed(r.data.expiring).includes(later.id), 'beyond 30 days');
  for (const list of [r.data.expired, r.data.expiring]) {
    assert.ok(!listed(list).includes(gone.id), 'a retired extinguisher is off the lists');
    assert.ok(list.total >= list.items.length);
  }
  const drill = r.data.without_drill.items.find((g) => g.id === made.id);
  assert.deepEqual(drill, { id: made.id, code: made.code, name: 'Tổ liên gia xóm Gốc Đa', village_id: KD(), last_drill_on: null });
  const bareHouses = r.data.without_extinguisher.items.filter((h) => h.group_id === made.id).map((h) => h.household_id).sort(byNumber);
  assert.deepEqual(bareHouses, [bare, retiredHouse].sort(byNumber), 'an expired extinguisher is still one; a retired one is not');
  const bareRow = r.data.without_extinguisher.items.find((h) => h.household_id === bare);
  assert.ok(bareRow.head_name, 'the head named');
  assert.deepEqual({ ...bareRow, head_name: '' }, { household_id: bare, code: await householdCode(bare), head_name: '', village_id: KD(), group_id: made.id });

  // The commune's lists hold the village's; the team sees its village's.
  const commune = await officer.get(`${BASE}/fire-due?unit_id=${ids['02545']}`);
  assert.ok(listed(commune.data.expired).includes(expired.id));
  assert.ok(commune.data.expired.total >= r.data.expired.total);
  const team = await people['team.khuondien'].get(`${BASE}/fire-due`);
  assert.equal(team.status, 200, team.text);
  assert.ok(listed(team.data.expired).includes(expired.id));
  assert.ok(team.data.without_extinguisher.items.every((h) => h.village_id === KD()));
});

test('the share of households in a group per village', async () => {
  const officer = people['officer.tantrao'];
  const coverage = async (unit) => {
    const r = await officer.get(`${BASE}/fire-coverage?unit_id=${unit}`);
    assert.equal(r.status, 200, r.text);
    return r.data;
  };
  const before = (await coverage(KD())).villages[0];
  await founded(officer, 5, { name: 'Tổ liên gia xóm Cầu' });
  const village = await coverage(KD());
  assert.equal(village.villages.length, 1);
  const row = village.villages[0];
  assert.equal(row.village_id, KD());
  assert.equal(row.village_name, 'Khuôn Điển');
  assert.equal(row.historic, false);
  const present = await officer.get(`${BASE}/households?unit_id=${KD()}&page_size=1`);
  assert.equal(row.households, present.data.total, 'the households present');
  assert.equal(row.in_group, before.in_group + 5);
  const groups = await officer.get(`${BASE}/fire-groups?unit_id=${KD()}&include_dissolved=1&page_size=500`);
  assert.equal(row.in_group, groups.data.items.reduce((n, g) => n + g.members, 0), 'every member counted once');
  near(row.share, row.in_group / row.households, 'share');
  assert.deepEqual([village.households, village.in_group, village.share], [row.households, row.in_group, row.share]);

  const commune = await coverage(ids['02545']);
  const same = commune.villages.find((v) => v.village_id === KD());
  assert.deepEqual(same, row);
  assert.ok(commune.villages.some((v) => v.village_id === LH()));
  assert.equal(commune.households, commune.villages.reduce((n, v) => n + v.households, 0));
  assert.equal(commune.in_group, commune.villages.reduce((n, v) => n + v.in_group, 0));
  near(commune.share, commune.in_group / commune.households, 'commune share');
  const reviewer = await people['reviewer.tuyenquang'].get(`${BASE}/fire-coverage?unit_id=${KD()}`);
  assert.equal(reviewer.status, 200, reviewer.text);
  assert.deepEqual(reviewer.data.villages[0], row);
});

test('a group\'s firefighting points, typed as people type a point; one outside the commune waits for a confirmation', async () => {
  const officer = people['officer.tantrao'];
  const made = await officer.post(`${BASE}/fire-groups`, group([], { name: 'Tổ liên gia mới', size_reason: 'Tổ mới thành lập, chưa có hộ' }));
  assert.equal(made.status, 201, made.text);
  assert.equal(made.data.members, 0);
  const url = `${BASE}/fire-groups/${made.data.id}/points`;
  const point = (over = {}) => ({ name: 'Điểm chữa cháy đầu xóm', point: `${MARKET.lat}, ${MARKET.lon}`, equipment: '2 bình bột ABC 8 kg, 1 thang', note: '', ...over });
  const count = () => Number(sql(server, 'SELECT COUNT(*) FROM fire_points'));
  const before = count();
  const deleted = auditCount('fire_point.delete');

  const swapped = await officer.post(url, point({ point: `${MARKET.lon}, ${MARKET.lat}` }));
  assert.equal(swapped.status, 422, swapped.text);
  assert.deepEqual(fieldsOf(swapped), ['point:swapped']);
  assert.deepEqual(fieldsOf(await officer.post(url, point({ point: 'đầu xóm' }))), ['point:invalid_format']);
  assert.deepEqual(fieldsOf(await officer.post(url, point({ point: '' }))), ['point:required']);
  assert.deepEqual(fieldsOf(await officer.post(url, point({ point: '10.5, 99.9' }))), ['point:outside_vietnam']);
  assert.deepEqual(fieldsOf(await officer.post(url, point({ name: '' }))), ['name:required']);
  assert.deepEqual(fieldsOf(await officer.post(url, point({ confirm_location: 'có' }))), ['confirm_location:wrong_type']);
  const elsewhere = await officer.post(url, point({ point: `${TOWN.lat}, ${TOWN.lon}` }));
  assert.equal(elsewhere.status, 422, elsewhere.text);
  assert.deepEqual(fieldsOf(elsewhere), ['point:outside_commune']);
  const there = await officer.get(`/api/v1/units/locate?lat=${TOWN.lat}&lon=${TOWN.lon}`);
  assert.ok(elsewhere.data.errors[0].message.endsWith(there.data.commune.name), elsewhere.data.errors[0].message);
  assert.equal(count(), before, 'nothing written');

  const audited = auditCount('fire_point.create');
  const r = await officer.post(url, point());
  assert.equal(r.status, 201, r.text);
  assert.equal(r.data.group_id, made.data.id);
  assert.equal(r.data.name, 'Điểm chữa cháy đầu xóm');
  assert.equal(r.data.equipment, '2 bình bột ABC 8 kg, 1 thang');
  near(r.data.lat, MARKET.lat, 'lat');
  near(r.data.lon, MARKET.lon, 'lon');
  assert.equal(auditCount('fire_point.create'), audited + 1);
  const confirmed = await officer.post(url, point({ name: 'Điểm ngoài xã', point: `${TOWN.lat}, ${TOWN.lon}`, confirm_location: true }));
  assert.equal(confirmed.status, 201, confirmed.text);
  near(confirmed.data.lon, TOWN.lon, 'lon');

  const dms = await officer.put(`${BASE}/fire-points/${r.data.id}`, point({ point: '21°48\'20.2"N 105°27\'05.6"E', note: 'Cạnh nhà văn hóa' }));
  assert.equal(dms.status, 200, dms.text);
  assert.equal(dms.data.id, r.data.id);
  assert.equal(dms.data.note, 'Cạnh nhà văn hóa');
  assert.ok(Math.abs(dms.data.lat - 21.80561) < 1e-4 && Math.abs(dms.data.lon - 105.45156) < 1e-4, JSON.stringify(dms.data));
  assert.deepEqual(fieldsOf(await officer.put(`${BASE}/fire-points/${r.data.id}`, point({ point: `${MARKET.lon}, ${MARKET.lat}` }))),
    ['point:swapped']);
  const page = await officer.get(`${BASE}/fire-groups/${made.data.id}`);
  assert.deepEqual(page.data.points.map((p) => p.id).sort(byNumber), [r.data.id, confirmed.data.id].sort(byNumber));
  assert.equal(page.data.points.find((p) => p.id === r.data.id).note, 'Cạnh nhà văn hóa');

  const removed = await officer.request('DELETE', `${BASE}/fire-points/${confirmed.data.id}`);
  assert.equal(removed.status, 204, removed.text);
  assert.equal((await officer.request('DELETE', `${BASE}/fire-points/${confirmed.data.id}`)).status, 404);
  assert.deepEqual((await officer.get(`${BASE}/fire-groups/${made.data.id}`)).data.points.map((p) => p.id), [r.data.id]);
  assert.equal(auditCount('fire_point.delete'), deleted + 1);
});

test('the team of Khuôn Điển keeps its village\'s groups and gets 404 on Làng Hản\'s; reviewers read; auditors see none', async () => {
  const officer = people['officer.tantrao'];
  const team = people['team.khuondien'];
  const own = await founded(team, 5, { name: 'Tổ liên gia của tổ bảo vệ' });
  assert.equal(own.village_name, 'Khuôn Điển');
  const ownUrl = `${BASE}/fire-groups/${own.id}`;
  assert.equal((await team.get(ownUrl)).status, 200);
  const changed = await team.put(ownUrl, { village_id: KD(), name: 'Tổ liên gia xóm Đình 2', version: own.version });
  assert.equal(changed.status, 200, changed.text);
  const ext = await team.post(`${BASE}/households/${own.household_ids[0]}/extinguishers`, extinguisher());
  assert.equal(ext.status, 201, ext.text);
  const point = { name: 'Điểm chữa cháy', point: `${MARKET.lat}, ${MARKET.lon}` };
  assert.equal((await team.post(`${ownUrl}/points`, point)).status, 201);

  const neighbour = await founded(officer, 5, { village_id: LH(), name: 'Tổ liên gia Làng Hản' });
  const url = `${BASE}/fire-groups/${neighbour.id}`;
  const lhPoint = await officer.post(`${url}/points`, point);
  assert.equal(lhPoint.status, 201, lhPoint.text);
  const lhExt = await officer.post(`${BASE}/households/${neighbour.household_ids[0]}/extinguishers`, extinguisher());
  assert.equal(lhExt.status, 201, lhExt.text);
  assert.equal((await team.get(url)).status, 404);
  assert.equal((await team.put(url, { village_id: LH(), name: 'Tổ', version: neighbour.version })).status, 404);
  assert.equal((await team.put(`${url}/members`, { household_ids: neighbour.household_ids, version: neighbour.version })).status, 404);
  assert.equal((await team.post(`${url}/points`, point)).status, 404);
  assert.equal((await team.put(`${BASE}/fire-points/${lhPoint.data.id}`, point)).status, 404);
  assert.equal((await team.request('DELETE', `${BASE}/fire-points/${lhPoint.data.id}`)).status, 404);
  assert.equal((await team.post(`${BASE}/households/${neighbour.household_ids[0]}/extinguishers`, extinguisher())).status, 404);
  assert.equal((await team.put(`${BASE}/extinguishers/${lhExt.data.id}`, { ...extinguisher(), version: 1 })).status, 404);
  assert.equal((await team.post(`${BASE}/extinguishers/${lhExt.data.id}/retire`, { version: 1 })).status, 404);
  assert.equal((await team.put(`${BASE}/households/${neighbour.household_ids[0]}/gear`, { bell: true })).status, 404);
  assert.equal((await team.get(`${BASE}/fire-due?unit_id=${LH()}`)).status, 404);
  assert.equal((await team.get(`${BASE}/fire-coverage?unit_id=${LH()}`)).status, 404);
  const there = await team.post(`${BASE}/fire-groups`, group([], { village_id: LH(), size_reason: 'Thử' }));
  assert.equal(there.status, 422, there.text);
  assert.deepEqual(fieldsOf(there), ['village_id:not_found']);
  const list = await team.get(`${BASE}/fire-groups?page_size=500`);
  assert.equal(list.status, 200, list.text);
  assert.ok(list.data.items.some((g) => g.id === own.id));
  assert.ok(list.data.items.every((g) => g.village_id === KD()), JSON.stringify(list.data.items.map((g) => g.village_name)));
  const coverage = await team.get(`${BASE}/fire-coverage`);
  assert.equal(coverage.status, 200, coverage.text);
  assert.ok(coverage.data.villages.length > 0 && coverage.data.villages.every((v) => v.village_id === KD()),
    JSON.stringify(coverage.data.villages));

  const reviewer = people['reviewer.tuyenquang'];
  for (const path of [url, ownUrl, `${BASE}/fire-groups`, `${BASE}/fire-due`, `${BASE}/fire-coverage`]) {
    assert.equal((await reviewer.get(path)).status, 200, path);
  }
  const count = groupCount();
  assert.equal((await reviewer.post(`${BASE}/fire-groups`, group([], { size_reason: 'Thử' }))).status, 403);
  assert.equal((await reviewer.put(url, { village_id: LH(), name: 'Tổ', version: neighbour.version })).status, 403);
  assert.equal((await reviewer.put(`${url}/members`, { household_ids: [], size_reason: 'Thử', version: neighbour.version })).status, 403);
  assert.equal((await reviewer.post(`${url}/points`, point)).status, 403);
  assert.equal((await reviewer.put(`${BASE}/fire-points/${lhPoint.data.id}`, point)).status, 403);
  assert.equal((await reviewer.request('DELETE', `${BASE}/fire-points/${lhPoint.data.id}`)).status, 403);
  assert.equal((await reviewer.post(`${BASE}/households/${neighbour.household_ids[0]}/extinguishers`, extinguisher())).status, 403);
  assert.equal((await reviewer.put(`${BASE}/extinguishers/${lhExt.data.id}`, { ...extinguisher(), version: 1 })).status, 403);
  assert.equal((await reviewer.post(`${BASE}/extinguishers/${lhExt.data.id}/retire`, { version: 1 })).status, 403);
  assert.equal((await reviewer.put(`${BASE}/households/${neighbour.household_ids[0]}/gear`, { bell: true })).status, 403);
  assert.equal(groupCount(), count, 'nothing written');

  for (const path of [url, `${BASE}/fire-groups`, `${BASE}/fire-due`, `${BASE}/fire-coverage`]) {
    assert.equal((await people.auditor.get(path)).status, 403, path);
  }
  assert.equal((await people.auditor.post(`${BASE}/fire-groups`, group([], { size_reason: 'Thử' }))).status, 403);
  const anonymous = await fetch(`${server.url}${BASE}/fire-groups`);
  assert.equal(anonymous.status, 401);
});

test('a drill by the id the phone made: sent twice, stored once; changed on its version; a stale change refused; the group\'s last drill follows', async () => {
  const officer = people['officer.tantrao'];
  const made = await founded(officer, 5, { name: 'Tổ liên gia xóm Nà Lừa' });
  const undrilled = async () => {
    const r = await officer.get(`${BASE}/fire-due?unit_id=${KD()}`);
    assert.equal(r.status, 200, r.text);
    return r.data.without_drill.items.map((g) => g.id);
  };
  const groupNow = async () => (await officer.get(`${BASE}/fire-groups/${made.id}`)).data;
  assert.ok((await undrilled()).includes(made.id), 'a new group has no drill this year');
  const id = randomUUID();
  const url = `${BASE}/drills/${id}`;
  const audited = auditCount('drill.record');
  const count = drillCount();

  const first = await officer.put(url, drill(made.id, { held_on: thisYear(10), device_at: Date.now() - 3600e3 }));
  assert.equal(first.status, 201, first.text);
  assert.equal(first.data.outcome, 'inserted');
  assert.deepEqual(first.data.drill, {
    id, group_id: made.id, held_on: thisYear(10), scenario: 'Cháy bếp nhà ông Thắng lúc nấu cơm tối, lan sang mái tranh nhà bên',
    participants: 14, observers: 'Đ/c Nguyễn Văn An, Công an xã Tân Trào', evaluation: 'good', evaluation_note: '', version: 1,
  });
  assert.equal(auditCount('drill.record'), audited + 1);
  assert.equal(drillCount(), count + 1);
  let group = await groupNow();
  assert.equal(group.last_drill_on, thisYear(10));
  assert.equal(group.version, made.version, 'a drill leaves the group\'s version as it is');

  // Sent again (the phone did not hear the answer): the same drill, nothing written.
  const again = await officer.put(url, drill(made.id, { held_on: thisYear(10), device_at: Date.now() }));
  assert.equal(again.status, 200, again.text);
  assert.equal(again.data.outcome, 'replayed');
  assert.deepEqual(again.data.drill, first.data.drill);
  assert.equal(auditCount('drill.record'), audited + 1, 'a replay is not audited');
  assert.equal(drillCount(), count + 1);

  // Other content on version 1: updated to version 2; the group's last drill follows its day.
  const change = drill(made.id, { evaluation: 'needs_work', evaluation_note: 'Chậm báo động, vòi nước không đủ dài', base_version: 1 });
  const changed = await officer.put(url, change);
  assert.equal(changed.status, 200, changed.text);
  assert.equal(changed.data.outcome, 'updated');
  assert.deepEqual(changed.data.drill, { ...first.data.drill, held_on: TODAY, evaluation: 'needs_work',
    evaluation_note: 'Chậm báo động, vòi nước không đủ dài', version: 2 });
  assert.equal(auditCount('drill.record'), audited + 2);
  group = await groupNow();
  assert.equal(group.last_drill_on, TODAY);
  assert.equal(group.version, made.version);

  // Other content on version 1 again: someone changed it meanwhile; 409 and nothing written.
  const stale = await officer.put(url, drill(made.id, { scenario: 'Cháy kho thóc của xóm', base_version: 1 }));
  assert.equal(stale.status, 409, stale.text);
  assert.equal(stale.data.type, '/problems/conflict');
  const read = await officer.get(url);
  assert.equal(read.status, 200, read.text);
  assert.deepEqual(read.data, changed.data.drill, 'nothing written');
  assert.equal(auditCount('drill.record'), audited + 2);
  // The change sent again, its base still 1: replayed. A new id on a base > 0: deleted meanwhile, 409.
  const resent = await officer.put(url, change);
  assert.equal(resent.status, 200, resent.text);
  assert.equal(resent.data.outcome, 'replayed');
  assert.equal(resent.data.drill.version, 2);
  const gone = await officer.put(`${BASE}/drills/${randomUUID()}`, drill(made.id, { base_version: 1 }));
  assert.equal(gone.status, 409, gone.text);
  assert.equal(drillCount(), count + 1, 'nothing written');

  // An older drill: listed after, the last drill stays the latest.
  const older = randomUUID();
  const second = await officer.put(`${BASE}/drills/${older}`, drill(made.id, { held_on: thisYear(20), scenario: 'Cháy chập điện', evaluation: 'fair' }));
  assert.equal(second.status, 201, second.text);
  const list = await officer.get(`${BASE}/fire-groups/${made.id}/drills`);
  assert.equal(list.status, 200, list.text);
  assert.deepEqual(list.data, { items: [changed.data.drill, second.data.drill] });
  assert.equal((await groupNow()).last_drill_on, TODAY);
  const listed = await officer.get(`${BASE}/fire-groups?unit_id=${KD()}&page_size=500`);
  assert.equal(listed.data.items.find((g) => g.id === made.id).last_drill_on, TODAY);
  assert.ok(!(await undrilled()).includes(made.id), 'drilled this year: off the due list');

  // Audited on the group: the drill's id, the outcome and the version, never what was written.
  const details = sql(server, `SELECT detail FROM audit_log WHERE action = 'drill.record' AND entity_id = '${made.id}' ORDER BY id`)
    .split('\n').map((line) => JSON.parse(line));
  assert.deepEqual(details.map((d) => [d.drill, d.outcome, d.version]),
    [[id, 'inserted', 1], [id, 'updated', 2], [older, 'inserted', 1]]);
  assert.ok(!JSON.stringify(details).includes('Cháy'), 'no content in the audit');
});

test('a drill\'s fields are checked, each bad one named, nothing written; an id that is not a lowercase UUID is 404', async () => {
  const officer = people['officer.tantrao'];
  const made = await founded(officer, 5, { name: 'Tổ liên gia xóm Bản Bó' });
  const other = await founded(officer, 5, { name: 'Tổ liên gia xóm Bản Vàng' });
  const fresh = () => `${BASE}/drills/${randomUUID()}`;
  const count = drillCount();

  const tomorrow = await officer.put(fresh(), drill(made.id, { held_on: vnDay(1) }));
  assert.equal(tomorrow.status, 422, tomorrow.text);
  assert.deepEqual(fieldsOf(tomorrow), ['held_on:in_future'], 'tomorrow in Vietnam');
  assert.ok(!tomorrow.data.errors[0].message.startsWith('field_error.'), tomorrow.data.errors[0].message);
  const excellent = await officer.put(fresh(), drill(made.id, { evaluation: 'excellent' }));
  assert.deepEqual(fieldsOf(excellent), ['evaluation:unknown_value']);
  assert.ok(!excellent.data.errors[0].message.startsWith('field_error.'), excellent.data.errors[0].message);
  assert.deepEqual(fieldsOf(await officer.put(fresh(), {})),
    ['base_version:required', 'evaluation:required', 'group_id:required', 'held_on:required', 'scenario:required']);
  assert.deepEqual(fieldsOf(await officer.put(fresh(), drill(made.id, { held_on: '20/06/2026' }))), ['held_on:invalid_date']);
  assert.deepEqual(fieldsOf(await officer.put(fresh(), drill(made.id, { scenario: '  ' }))), ['scenario:required']);
  assert.deepEqual(fieldsOf(await officer.put(fresh(), drill(made.id, { scenario: 'x'.repeat(2001) }))), ['scenario:too_long']);
  assert.deepEqual(fieldsOf(await officer.put(fresh(), drill(made.id, { participants: 1001 }))), ['participants:out_of_range']);
  assert.deepEqual(fieldsOf(await officer.put(fresh(), drill(made.id, { participants: 1.5 }))), ['participants:wrong_type']);
  assert.deepEqual(fieldsOf(await officer.put(fresh(), drill(String(made.id)))), ['group_id:wrong_type']);
  assert.deepEqual(fieldsOf(await officer.put(fresh(), drill(made.id, { base_version: -1 }))), ['base_version:out_of_range']);
  assert.deepEqual(fieldsOf(await officer.put(fresh(), drill(made.id, { device_at: -1 }))), ['device_at:out_of_range']);
  assert.equal((await officer.put(fresh(), drill(999999))).status, 404, 'no such group');
  assert.equal(drillCount(), count, 'nothing written');

  // A drill stays in its group.
  const id = randomUUID();
  const url = `${BASE}/drills/${id}`;
  assert.equal((await officer.put(url, drill(made.id))).status, 201);
  const moved = await officer.put(url, drill(other.id, { base_version: 1 }));
  assert.equal(moved.status, 422, moved.text);
  assert.deepEqual(fieldsOf(moved), ['group_id:cannot_change']);
  assert.ok(!moved.data.errors[0].message.startsWith('field_error.'), moved.data.errors[0].message);
  assert.equal((await officer.get(url)).data.group_id, made.id);
  assert.deepEqual((await officer.get(`${BASE}/fire-groups/${other.id}/drills`)).data, { items: [] });

  // The id: a UUID in lowercase, else 404 (no drill could have it).
  for (const bad of [id.toUpperCase(), id.replaceAll('-', ''), `${id}0`, 'abc', '1']) {
    assert.equal((await officer.put(`${BASE}/drills/${bad}`, drill(made.id))).status, 404, `PUT ${bad}`);
    assert.equal((await officer.get(`${BASE}/drills/${bad}`)).status, 404, `GET ${bad}`);
  }
  assert.equal((await officer.get(`${BASE}/drills/${randomUUID()}`)).status, 404, 'no such drill');
  assert.equal((await officer.get(`${BASE}/fire-groups/999999/drills`)).status, 404);
  assert.equal((await officer.get(`${BASE}/fire-groups/abc/drills`)).status, 404);
  assert.equal(drillCount(), count + 1);
  const form = await officer.request('PUT', fresh(), { body: 'held_on=2026-06-20', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(form.status, 415);
  const forged = await officer.put(fresh(), drill(made.id), { csrf: false });
  assert.equal(forged.status, 403);
  assert.equal(forged.data.type, '/problems/csrf-failed');
  assert.equal(drillCount(), count + 1, 'nothing written');
});

test('the team of Khuôn Điển records its village\'s drills; another commune\'s officer gets 404; reviewers read; auditors see none', async () => {
  const officer = people['officer.tantrao'];
  const team = people['team.khuondien'];
  const own = await founded(officer, 5, { name: 'Tổ liên gia xóm Đình Trên' });
  const id = randomUUID();
  const url = `${BASE}/drills/${id}`;
  const recorded = await team.put(url, drill(own.id, { device_at: Date.now() - 86400e3 }));
  assert.equal(recorded.status, 201, recorded.text);
  assert.equal(recorded.data.outcome, 'inserted');
  assert.equal(recorded.data.drill.group_id, own.id);
  assert.deepEqual((await team.get(url)).data, recorded.data.drill);
  assert.deepEqual((await team.get(`${BASE}/fire-groups/${own.id}/drills`)).data, { items: [recorded.data.drill] });
  assert.equal((await officer.get(url)).status, 200, 'the officer reads the team\'s drill');
  const recorder = sql(server, `SELECT u.username FROM fire_drills d JOIN users u ON u.id = d.recorded_by WHERE d.id = '${id}'`);
  assert.equal(recorder, 'team.khuondien');

  // Làng Hản's group is not the team's: 404 whatever it tries.
  const neighbour = await founded(officer, 5, { village_id: LH(), name: 'Tổ liên gia Làng Hản Dưới' });
  const theirs = randomUUID();
  assert.equal((await officer.put(`${BASE}/drills/${theirs}`, drill(neighbour.id))).status, 201);
  const count = drillCount();
  assert.equal((await team.put(`${BASE}/drills/${randomUUID()}`, drill(neighbour.id))).status, 404);
  assert.equal((await team.put(`${BASE}/drills/${theirs}`, drill(neighbour.id, { scenario: 'Sửa', base_version: 1 }))).status, 404);
  assert.equal((await team.get(`${BASE}/drills/${theirs}`)).status, 404);
  assert.equal((await team.get(`${BASE}/fire-groups/${neighbour.id}/drills`)).status, 404);

  // Another commune's officer: neither the group nor its drills exist for him.
  const stranger = people['officer.kienthiet'];
  assert.equal((await stranger.put(`${BASE}/drills/${randomUUID()}`, drill(own.id))).status, 404);
  assert.equal((await stranger.put(url, drill(own.id, { scenario: 'Sửa', base_version: 1 }))).status, 404);
  assert.equal((await stranger.get(url)).status, 404);
  assert.equal((await stranger.get(`${BASE}/fire-groups/${own.id}/drills`)).status, 404);

  // Reviewers read and may not write; auditors see none.
  const reviewer = people['reviewer.tuyenquang'];
  assert.deepEqual((await reviewer.get(url)).data, recorded.data.drill);
  assert.equal((await reviewer.get(`${BASE}/drills/${theirs}`)).status, 200);
  assert.equal((await reviewer.get(`${BASE}/fire-groups/${own.id}/drills`)).status, 200);
  assert.equal((await reviewer.put(`${BASE}/drills/${randomUUID()}`, drill(own.id))).status, 403);
  assert.equal((await reviewer.put(url, drill(own.id, { scenario: 'Sửa', base_version: 1 }))).status, 403);
  for (const path of [url, `${BASE}/fire-groups/${own.id}/drills`]) {
    assert.equal((await people.auditor.get(path)).status, 403, path);
  }
  assert.equal((await people.auditor.put(`${BASE}/drills/${randomUUID()}`, drill(own.id))).status, 403);
  assert.equal(drillCount(), count, 'nothing written');
  assert.deepEqual((await officer.get(url)).data, recorded.data.drill);
  assert.equal((await fetch(`${server.url}${url}`)).status, 401);
});

test('a team member adds a drill\'s photo, kept without its EXIF and GPS; a text file and a sixth photo are refused; reviewers read, auditors see none', async () => {
  const officer = people['officer.tantrao'];
  const team = people['team.khuondien'];
  const own = await founded(officer, 5, { name: 'Tổ liên gia xóm Ảnh' });
  const id = randomUUID();
  assert.equal((await team.put(`${BASE}/drills/${id}`, drill(own.id))).status, 201);
  const url = `${BASE}/drills/${id}/photos`;
  const audited = auditCount('drill.photo');
  const count = fileCount();

  const added = await addPhoto(team, id, photoForm(PHOTO));
  assert.equal(added.status, 201, added.text);
  const photo = added.data;
  assert.equal(photo.name, 'IMG_2041.jpg');
  assert.equal(photo.mime, 'image/jpeg');
  assert.match(photo.sha256, /^[0-9a-f]{64}$/);
  assert.ok(photo.size > 0 && photo.size < PHOTO.length, `stored without its metadata: ${photo.size} of ${PHOTO.length}`);
  assert.deepEqual(Object.keys(photo).sort(), ['id', 'mime', 'name', 'sha256', 'size']);
  assert.deepEqual((await team.get(url)).data, { items: [photo] });
  assert.equal(fileCount(), count + 1);
  assert.equal(sql(server, `SELECT u.username FROM community_files f JOIN users u ON u.id = f.uploaded_by WHERE f.id = ${photo.id}`),
    'team.khuondien');
  assert.equal(auditCount('drill.photo'), audited + 1);
  const detail = JSON.parse(sql(server, `SELECT detail FROM audit_log WHERE action = 'drill.photo' AND entity_id = '${own.id}'`));
  assert.deepEqual(detail, { drill: id, file: photo.id, sha256: photo.sha256 });

  // The bytes as stored: the same hash, a JPEG still, no EXIF block, no GPS, no marker.
  const image = await officer.get(`${BASE}/files/${photo.id}`);
  assert.equal(image.status, 200, image.text);
  assert.equal(image.headers.get('content-type'), 'image/jpeg');
  assert.equal(image.headers.get('content-disposition'), `inline; filename="anh-${photo.id}.jpg"`);
  assert.equal(image.headers.get('cache-control'), 'no-store');
  assert.equal(image.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(image.bytes.length, photo.size);
  assert.equal(sha256(image.bytes), photo.sha256);
  assert.notEqual(sha256(PHOTO), photo.sha256);
  assert.deepEqual([...image.bytes.subarray(0, 2)], [0xff, 0xd8]);
  assert.ok(PHOTO.includes(Buffer.from('Exif\0\0')) && PHOTO.includes(Buffer.from('ANTQMARKER')), 'the fixture has them');
  assert.ok(!image.bytes.includes(Buffer.from('Exif\0\0')), 'no EXIF block (APP1)');
  assert.ok(!image.bytes.includes(Buffer.from('ANTQMARKER')), 'EXIF, GPS and XMP are gone');

  // Refused by content, size or count: nothing stored, nothing audited.
  const refused = async (form, expected) => {
    const r = await addPhoto(team, id, form);
    assert.equal(r.status, 422, r.text);
    assert.deepEqual(fieldsOf(r), expected);
    assert.ok(!r.data.errors[0].message.startsWith('field_error.'), r.data.errors[0].message);
  };
  await refused(photoForm(Buffer.from('Biên bản diễn tập ngày 20/6'), 'bien-ban.txt', 'text/plain'), ['file:unsupported_type']);
  await refused(photoForm(Buffer.from('<html><script>alert(1)</script></html>'), 'anh.jpg'), ['file:unsupported_type']);
  await refused(photoForm(PHOTO.subarray(0, 20), 'hong.jpg'), ['file:invalid_format']);
  await refused(photoForm(Buffer.concat([PHOTO, Buffer.alloc(4 * 1024 * 1024)])), ['file:file_too_large']);
  await refused(new FormData(), ['file:required']);
  assert.equal(fileCount(), count + 1);
  assert.equal(auditCount('drill.photo'), audited + 1);
  const huge = await addPhoto(team, id, photoForm(Buffer.alloc(6 * 1024 * 1024)));
  assert.equal(huge.status, 413, 'past the route\'s 5 MiB');
  const json = await team.post(url, { file: 'anh.jpg' });
  assert.equal(json.status, 415, json.text);
  const forged = await team.request('POST', url, { body: photoForm(PHOTO), csrf: false });
  assert.equal(forged.status, 403);

  // Five a drill: a PNG and three more; the sixth is too many.
  const png = await addPhoto(officer, id, photoForm(PNG, 'so-do.png', 'image/png'));
  assert.equal(png.status, 201, png.text);
  assert.equal(png.data.mime, 'image/png');
  for (const n of [3, 4, 5]) assert.equal((await addPhoto(team, id, photoForm(PHOTO, `anh-${n}.jpg`))).status, 201);
  await refused(photoForm(PHOTO, 'anh-6.jpg'), ['file:too_many']);
  const listed = await team.get(url);
  assert.deepEqual(listed.data.items.map((f) => f.name), ['IMG_2041.jpg', 'so-do.png', 'anh-3.jpg', 'anh-4.jpg', 'anh-5.jpg']);
  assert.equal(fileCount(), count + 5);
  assert.equal(auditCount('drill.photo'), audited + 5);

  // Reviewers list and see them, never add; auditors see none; another commune: none exist.
  const reviewer = people['reviewer.tuyenquang'];
  assert.deepEqual((await reviewer.get(url)).data, listed.data);
  assert.equal((await reviewer.get(`${BASE}/files/${photo.id}`)).status, 200);
  const other = randomUUID();
  assert.equal((await officer.put(`${BASE}/drills/${other}`, drill(own.id))).status, 201);
  assert.equal((await addPhoto(reviewer, other, photoForm(PHOTO))).status, 403);
  assert.equal((await addPhoto(people.admin, other, photoForm(PHOTO))).status, 403);
  for (const path of [url, `${BASE}/files/${photo.id}`]) {
    assert.equal((await people.auditor.get(path)).status, 403, path);
    assert.equal((await people['officer.kienthiet'].get(path)).status, 404, path);
  }
  assert.equal((await addPhoto(people.auditor, other, photoForm(PHOTO))).status, 403);
  assert.equal((await addPhoto(people['officer.kienthiet'], other, photoForm(PHOTO))).status, 404);
  assert.equal(fileCount(), count + 5, 'nothing stored');

  // Ids: a drill that is not a lowercase UUID or that does not exist, a file that does not exist.
  assert.equal((await addPhoto(team, id.toUpperCase(), photoForm(PHOTO))).status, 404);
  assert.equal((await addPhoto(team, randomUUID(), photoForm(PHOTO))).status, 404);
  assert.equal((await team.get(`${BASE}/drills/abc/photos`)).status, 404);
  assert.equal((await team.get(`${BASE}/drills/${randomUUID()}/photos`)).status, 404);
  assert.equal((await team.get(`${BASE}/files/999999`)).status, 404);
  assert.equal((await team.get(`${BASE}/files/abc`)).status, 404);
  assert.equal((await fetch(`${server.url}${BASE}/files/${photo.id}`)).status, 401);
  assert.equal(fileCount(), count + 5);
});

test('an extinguisher check by the id the phone made: sent twice, stored once; a refill moves the expiry; rights and bad fields', async () => {
  const officer = people['officer.tantrao'];
  const team = people['team.khuondien'];
  const [house] = await freeHouseholds(KD(), 1);
  const made = await officer.post(`${BASE}/households/${house}/extinguishers`, extinguisher());
  assert.equal(made.status, 201, made.text);
  const e = made.data;
  const check = (over = {}) => ({ extinguisher_id: e.id, checked_on: TODAY, result: 'ok', new_expires_on: null, note: '', base_version: 0, ...over });
  const checkCount = () => Number(sql(server, 'SELECT COUNT(*) FROM fire_extinguisher_checks'));
  const id = randomUUID();
  const url = `${BASE}/extinguisher-checks/${id}`;
  const audited = auditCount('extinguisher.check');

  const first = await team.put(url, check({ result: 'low_pressure', note: 'Kim đồng hồ ở vạch vàng', device_at: Date.now() - 600e3 }));
  assert.equal(first.status, 201, first.text);
  assert.equal(first.data.outcome, 'inserted');
  assert.deepEqual(first.data.check, { id, extinguisher_id: e.id, checked_on: TODAY, result: 'low_pressure', new_expires_on: null, note: 'Kim đồng hồ ở vạch vàng', version: 1 });
  assert.equal(first.data.extinguisher.last_check_on, TODAY);
  assert.equal(first.data.extinguisher.version, e.version, 'a check alone leaves the extinguisher\'s version');
  const again = await team.put(url, check({ result: 'low_pressure', note: 'Kim đồng hồ ở vạch vàng' }));
  assert.equal(again.status, 200, again.text);
  assert.equal(again.data.outcome, 'replayed');
  assert.equal(checkCount(), 1);
  assert.equal(auditCount('extinguisher.check'), audited + 1);

  // Refilled the same day, on the version seen: the extinguisher's expiry follows.
  const refilled = await officer.put(url, check({ result: 'refilled', new_expires_on: vnDay(1000), base_version: 1 }));
  assert.equal(refilled.status, 200, refilled.text);
  assert.equal(refilled.data.outcome, 'updated');
  assert.equal(refilled.data.extinguisher.expires_on, vnDay(1000));
  assert.equal(refilled.data.extinguisher.last_refill_on, TODAY);
  assert.equal(refilled.data.extinguisher.version, e.version + 1);
  const stale = await team.put(url, check({ note: 'Bình tốt', base_version: 1 }));
  assert.equal(stale.status, 409, stale.text);
  assert.equal((await team.get(url)).data.result, 'refilled');
  const listed = await people['reviewer.tuyenquang'].get(`${BASE}/extinguishers/${e.id}/checks`);
  assert.equal(listed.status, 200, listed.text);
  assert.deepEqual(listed.data.items.map((c) => c.id), [id]);

  // Bad fields, each named; nothing written.
  const bad = await officer.put(`${BASE}/extinguisher-checks/${randomUUID()}`, check({ checked_on: vnDay(1), result: 'refilled' }));
  assert.deepEqual(fieldsOf(bad), ['checked_on:in_future', 'new_expires_on:required']);
  assert.deepEqual(fieldsOf(await officer.put(`${BASE}/extinguisher-checks/${randomUUID()}`, check({ new_expires_on: vnDay(30) }))),
    ['new_expires_on:not_renewed']);
  assert.deepEqual(fieldsOf(await officer.put(`${BASE}/extinguisher-checks/${randomUUID()}`, check({ result: 'broken' }))),
    ['result:unknown_value']);
  assert.equal((await officer.put(`${BASE}/extinguisher-checks/${id.toUpperCase()}`, check())).status, 404);
  assert.equal(checkCount(), 1);

  // Rights: another commune's officer 404, reviewers and administrators may not record, auditors see none.
  assert.equal((await people['officer.kienthiet'].put(`${BASE}/extinguisher-checks/${randomUUID()}`, check())).status, 404);
  for (const name of ['reviewer.tuyenquang', 'admin', 'auditor']) {
    assert.equal((await people[name].put(`${BASE}/extinguisher-checks/${randomUUID()}`, check())).status, 403, name);
  }
  assert.equal((await people.auditor.get(url)).status, 403);
  assert.equal((await people['officer.kienthiet'].get(url)).status, 404);

  // The pack of Khuôn Điển carries the check and the extinguisher as it stands.
  const pack = (await team.get(`${BASE}/offline-pack?village_id=${KD()}`)).data;
  assert.deepEqual(pack.extinguisher_checks.find((c) => c.id === id).result, 'refilled');
  assert.equal(pack.extinguishers.find((x) => x.id === e.id).expires_on, vnDay(1000));
});

test('a group\'s fires and incidents: recorded in Vietnam\'s local time, listed newest first; one in the future is refused, nothing written', async () => {
  const officer = people['officer.tantrao'];
  const team = people['team.khuondien'];
  const own = await founded(officer, 5, { name: 'Tổ liên gia xóm Cháy' });
  const url = `${BASE}/fire-groups/${own.id}/incidents`;
  const audited = auditCount('fire_incident.record');
  const count = incidentCount();
  assert.deepEqual((await officer.get(url)).data, { items: [] });

  const older = vnLocal(-3 * 86400e3);
  const first = await team.post(url, incident({ occurred_at: older, kind: 'rescue', description: 'Cứu người mắc kẹt trong nhà đổ' }));
  assert.equal(first.status, 201, first.text);
  assert.deepEqual(first.data, {
    id: first.data.id, group_id: own.id, occurred_at: utcOf(older), place: 'Nhà ông Hoàng Văn Khuôn, xóm Đình', kind: 'rescue',
    description: 'Cứu người mắc kẹt trong nhà đổ', damage: 'Cháy một phần mái bếp, không ai bị thương',
    response: 'Tổ dùng 2 bình bột ABC và nước từ bể đầu xóm, dập tắt sau 15 phút',
  });
  const recent = await officer.post(url, incident({ occurred_at: vnLocal(-60e3), place: '', damage: '', response: '' }));
  assert.equal(recent.status, 201, recent.text);
  const middle = await team.post(url, incident({ occurred_at: vnLocal(-86400e3), kind: 'explosion' }));
  assert.equal(middle.status, 201, middle.text);
  const list = await team.get(url);
  assert.equal(list.status, 200, list.text);
  assert.deepEqual(list.data, { items: [recent.data, middle.data, first.data] }, 'newest first');
  assert.equal(incidentCount(), count + 3);
  assert.equal(auditCount('fire_incident.record'), audited + 3);
  const details = sql(server, `SELECT detail FROM audit_log WHERE action = 'fire_incident.record' AND entity_id = '${own.id}' ORDER BY id`)
    .split('\n').map((line) => JSON.parse(line));
  assert.deepEqual(details, [{ incident: first.data.id, kind: 'rescue' }, { incident: recent.data.id, kind: 'fire' },
    { incident: middle.data.id, kind: 'explosion' }]);

  // In the future (past the five minutes a phone's clock may be ahead), or otherwise wrong: nothing written.
  const future = await team.post(url, incident({ occurred_at: vnLocal(3600e3) }));
  assert.equal(future.status, 422, future.text);
  assert.deepEqual(fieldsOf(future), ['occurred_at:in_future']);
  assert.ok(!future.data.errors[0].message.startsWith('field_error.'), future.data.errors[0].message);
  assert.deepEqual(fieldsOf(await team.post(url, incident({ kind: 'flood' }))), ['kind:unknown_value']);
  assert.deepEqual(fieldsOf(await team.post(url, incident({ occurred_at: '28/11/2026 19:40' }))), ['occurred_at:invalid_date']);
  assert.deepEqual(fieldsOf(await team.post(url, {})), ['kind:required', 'occurred_at:required']);
  assert.deepEqual(fieldsOf(await team.post(url, incident({ place: 'x'.repeat(301) }))), ['place:too_long']);
  assert.deepEqual(fieldsOf(await team.post(url, incident({ damage: 'x'.repeat(2001) }))), ['damage:too_long']);
  assert.deepEqual(fieldsOf(await team.post(url, incident({ kind: 1 }))), ['kind:wrong_type']);
  const form = await team.request('POST', url, { body: 'kind=fire', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(form.status, 415);
  assert.equal(incidentCount(), count + 3, 'nothing written');
  assert.equal(auditCount('fire_incident.record'), audited + 3);

  // Who: reviewers read and may not write, nor administrators; auditors see none; elsewhere 404.
  const reviewer = people['reviewer.tuyenquang'];
  assert.deepEqual((await reviewer.get(url)).data, list.data);
  assert.equal((await reviewer.post(url, incident())).status, 403);
  assert.equal((await people.admin.post(url, incident())).status, 403);
  assert.equal((await people.auditor.get(url)).status, 403);
  assert.equal((await people.auditor.post(url, incident())).status, 403);
  const neighbour = await founded(officer, 5, { village_id: LH(), name: 'Tổ liên gia Làng Hản Cháy' });
  assert.equal((await team.post(`${BASE}/fire-groups/${neighbour.id}/incidents`, incident())).status, 404);
  assert.equal((await team.get(`${BASE}/fire-groups/${neighbour.id}/incidents`)).status, 404);
  assert.equal((await people['officer.kienthiet'].get(url)).status, 404);
  assert.equal((await officer.post(`${BASE}/fire-groups/999999/incidents`, incident())).status, 404);
  assert.equal((await officer.get(`${BASE}/fire-groups/abc/incidents`)).status, 404);
  assert.equal(incidentCount(), count + 3, 'nothing written');
});
