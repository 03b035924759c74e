// Village security teams over HTTP on the demo (issue 11): founding a team over villages of
// one commune (villages of two communes refused), its fields changed with their version,
// strict bodies and parameters; its members (one leader at a time; a person, by name and
// birth date, in one team at a time, the other team named only in scope; a phone never
// shown); its patrols by the offline rule (the id the phone made; sent twice, stored once;
// a stale change refused; members in the team that day; the route as sent, one outside the
// commune kept once confirmed); its meetings (họp tổ) by the same rule, within the team's
// life (whose dates keep them inside), listed by at most a year; the yearly grading of the
// members (nine months of service, "xuất sắc" at most 20% of "tốt" or better across the
// commune: a draft may break it, finalising may not; a final year reopened with a reason);
// and who may do what.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { start, signInPeople, unitIds, sql, docxText, vnDay, fieldsOf, auditEntries, gradingServer } from './lib.mjs';

let server;
let ids;
const people = {};
const BASE = '/api/v1/community';

const TODAY = vnDay();
const MARKET = { lat: 21.80561, lon: 105.45156 };  // Tân Trào's centre, well inside 02545
const TOWN = { lat: 21.8236, lon: 105.2136 };  // Tuyên Quang's provincial town, another commune

const auditCount = (action) => auditEntries(server, action);
const teamCount = () => Number(sql(server, 'SELECT COUNT(*) FROM security_teams'));
const memberCount = () => Number(sql(server, 'SELECT COUNT(*) FROM security_team_members'));
const patrolCount = () => Number(sql(server, 'SELECT COUNT(*) FROM security_patrols'));
const meetingCount = () => Number(sql(server, 'SELECT COUNT(*) FROM security_team_meetings'));
const near = (a, b, what) => assert.ok(Math.abs(a - b) < 1e-6, `${what}: ${a} ≠ ${b}`);
const byNumber = (a, b) => a - b;
const translated = (r) => assert.ok(!r.data.errors[0].message.startsWith('field_error.'), r.data.errors[0].message);
const KD = () => ids['DEMO-KQ-KHUONDIEN'];
const LH = () => ids['DEMO-KQ-LANGHAN'];
const KH = () => ids['DEMO-KT-KHUONHAU'];  // a village of Kiến Thiết, another commune

const team = (over = {}) => ({
  village_ids: [KD(), LH()], name: 'Tổ bảo vệ ANTT thôn Khuôn Điển và Làng Hản', decision_number: '15/QĐ-UBND',
  decision_on: vnDay(-100), decision_signer: 'Nguyễn Văn Bình', founded_on: vnDay(-90), dissolved_on: null, note: '', ...over,
});
// A birth date no other member of these tests has: a person is their name and birth date.
let born = 0;
const birthDate = () => new Date(Date.UTC(1970, 0, 1) + ++born * 86400e3).toISOString().slice(0, 10);
const member = (over = {}) => ({
  full_name: 'Hoàng Văn Tuần', birth_date: birthDate(), position: 'member', residence: 'Xóm Đình, thôn Khuôn Điển',
  joined_on: vnDay(-60), ...over,
});
// A member as a PUT sends it back: the fields as read, with the version the user saw.
const memberUpdate = (m, over = {}) => ({
  full_name: m.full_name, birth_date: m.birth_date, position: m.position, residence: m.residence,
  phone_public: m.phone_public, joined_on: m.joined_on, left_on: m.left_on, note: m.note, version: m.version, ...over,
});
// A route walked around the market, [lat, lon] as map clicks send it.
const ROUTE = [[MARKET.lat, MARKET.lon], [MARKET.lat + 0.002, MARKET.lon + 0.001], [MARKET.lat + 0.003, MARKET.lon - 0.001]];
// A patrol of team `teamId` as a phone sends it: new (base version 0) unless said.
const patrol = (teamId, memberIds, over = {}) => ({
  team_id: teamId, patrol_on: TODAY, shift: 'night', member_ids: memberIds, route: ROUTE,
  findings: 'Nhắc 2 hộ khóa cổng; không phát hiện gì bất thường', tip_refs: '', base_version: 0, ...over,
});
// A meeting (họp tổ) of team `teamId` as a phone sends it: new (base version 0) unless said.
const meeting = (teamId, over = {}) => ({
  team_id: teamId, held_on: TODAY, attendees: 9, content: 'Rà soát tình hình ANTT trong tháng; phân công tuần tra đêm',
  base_version: 0, ...over,
});
const sameRoute = (got, sent) => {
  assert.equal(got.length, sent.length, JSON.stringify(got));
  got.forEach((p, i) => {
    near(p[0], sent[i][0], `lat ${i}`);
    near(p[1], sent[i][1], `lon ${i}`);
  });
};

// A patrol as read back: the route's numbers within a micro-degree, the rest exactly.
const samePatrol = (got, want) => {
  sameRoute(got.route, want.route);
  assert.deepEqual({ ...got, route: [] }, { ...want, route: [] });
};
const samePatrols = (got, want) => {
  assert.deepEqual(Object.keys(got), ['items']);
  assert.deepEqual(got.items.map((p) => p.id), want.map((p) => p.id));
  got.items.forEach((p, i) => samePatrol(p, want[i]));
};

async function founded(client, over = {}) {
  const r = await client.post(`${BASE}/teams`, team(over));
  assert.equal(r.status, 201, r.text);
  return r.data;
}

async function joined(client, teamId, over = {}) {
  const r = await client.post(`${BASE}/teams/${teamId}/members`, member(over));
  assert.equal(r.status, 201, r.text);
  return r.data;
}

// A team of Khuôn Điển and Làng Hản founded 90 days ago, with a leader and two members in it
// since 60 days ago.
async function staffed(over = {}) {
  const officer = people['officer.tantrao'];
  const made = await founded(officer, over);
  const leader = await joined(officer, made.id, { full_name: 'Hoàng Văn Tuần', position: 'leader' });
  const deputy = await joined(officer, made.id, { full_name: 'Lý Văn Sơn', position: 'deputy' });
  const plain = await joined(officer, made.id, { full_name: 'Nông Thị Mai' });
  return { team: made, leader, deputy, plain };
}

before(async () => {
  server = await start();
  ids = await unitIds(server.url);
  await signInPeople(server.url, people);
});
after(async () => server?.close());

test('an officer founds a team over two villages of the commune; villages of two communes are refused; its fields change with their version', async () => {
  const officer = people['officer.tantrao'];
  const audited = auditCount('security_team.create');
  const count = teamCount();
  const commune = (await officer.get(`/api/v1/units/${ids['02545']}`)).data;

  const r = await officer.post(`${BASE}/teams`, team());
  assert.equal(r.status, 201, r.text);
  const made = r.data;
  assert.match(made.code, /^02545-TBV-\d{3,}$/);
  assert.equal(typeof made.id, 'number');
  assert.equal(typeof made.version, 'number');
  assert.deepEqual({ ...made, id: 0, code: '', version: 0 }, {
    id: 0, code: '', commune_id: ids['02545'], commune_name: commune.name, name: 'Tổ bảo vệ ANTT thôn Khuôn Điển và Làng Hản',
    decision_number: '15/QĐ-UBND', decision_on: vnDay(-100), decision_signer: 'Nguyễn Văn Bình', founded_on: vnDay(-90),
    dissolved_on: null, note: '', demo: false, version: 0,
    villages: [{ id: KD(), name: 'Khuôn Điển' }, { id: LH(), name: 'Làng Hản' }].sort((a, b) => a.id - b.id), members: 0,
  });
  assert.equal(auditCount('security_team.create'), audited + 1);
  assert.equal(teamCount(), count + 1);

  // Its page: the same team with its member list; in the lists of both villages and of the commune.
  const detail = await officer.get(`${BASE}/teams/${made.id}`);
  assert.equal(detail.status, 200, detail.text);
  assert.deepEqual(detail.data, { ...made, member_list: [] });
  for (const unit of [KD(), LH(), ids['02545']]) {
    const listed = await officer.get(`${BASE}/teams?unit_id=${unit}&page_size=500`);
    assert.equal(listed.status, 200, listed.text);
    assert.deepEqual(listed.data.items.find((t) => t.id === made.id), made, `listed under ${unit}`);
    assert.ok(listed.data.total >= listed.data.items.length);
  }
  const found = await officer.get(`${BASE}/teams?q=${encodeURIComponent('khuon dien lang han')}`);
  assert.ok(found.data.items.some((t) => t.id === made.id), 'found without accents');
  const second = await founded(officer, { name: 'Tổ bảo vệ ANTT thôn Làng Hản', village_ids: [LH()] });
  assert.notEqual(second.code, made.code);

  // Villages of two communes: refused for whoever sees both; outside the scope, not found.
  const mixed = await people.admin.post(`${BASE}/teams`, team({ village_ids: [KD(), KH()] }));
  assert.equal(mixed.status, 422, mixed.text);
  assert.deepEqual(fieldsOf(mixed), ['village_ids:other_commune']);
  translated(mixed);
  assert.deepEqual(fieldsOf(await officer.post(`${BASE}/teams`, team({ village_ids: [KD(), KH()] }))), ['village_ids:not_found']);
  assert.deepEqual(fieldsOf(await officer.post(`${BASE}/teams`, team({ village_ids: [ids['02545']] }))), ['village_ids:not_found'],
    'a team is villages\'');
  assert.deepEqual(fieldsOf(await officer.post(`${BASE}/teams`, team({ village_ids: [] }))), ['village_ids:required']);
  assert.deepEqual(fieldsOf(await officer.post(`${BASE}/teams`, team({ village_ids: undefined }))), ['village_ids:required']);
  assert.deepEqual(fieldsOf(await officer.post(`${BASE}/teams`, team({ village_ids: KD() }))), ['village_ids:wrong_type']);
  assert.deepEqual(fieldsOf(await officer.post(`${BASE}/teams`, team({ village_ids: [String(KD())] }))), ['village_ids:wrong_type']);
  assert.deepEqual(fieldsOf(await officer.post(`${BASE}/teams`, team({ name: ' ' }))), ['name:required']);
  assert.deepEqual(fieldsOf(await officer.post(`${BASE}/teams`, team({ name: 'x'.repeat(201) }))), ['name:too_long']);
  assert.deepEqual(fieldsOf(await officer.post(`${BASE}/teams`, team({ decision_number: 'x'.repeat(51) }))), ['decision_number:too_long']);
  assert.deepEqual(fieldsOf(await officer.post(`${BASE}/teams`, team({ decision_on: '30/02/2026' }))), ['decision_on:invalid_date']);
  assert.deepEqual(fieldsOf(await officer.post(`${BASE}/teams`, team({ founded_on: vnDay(1) }))), ['founded_on:in_future']);
  const backwards = await officer.post(`${BASE}/teams`, team({ dissolved_on: vnDay(-95) }));
  assert.deepEqual(fieldsOf(backwards), ['dissolved_on:before_founded']);
  translated(backwards);
  assert.deepEqual(fieldsOf(await officer.post(`${BASE}/teams`, team({ note: 'x'.repeat(2001) }))), ['note:too_long']);
  assert.equal(teamCount(), count + 2, 'nothing written');
  const form = await officer.request('POST', `${BASE}/teams`, { body: 'name=T', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(form.status, 415);
  assert.deepEqual(fieldsOf(await officer.get(`${BASE}/teams?include_dissolved=true`)), ['include_dissolved:unknown_value']);
  assert.deepEqual(fieldsOf(await officer.get(`${BASE}/teams?unit_id=-3`)), ['unit_id:invalid_format']);
  assert.deepEqual(fieldsOf(await officer.get(`${BASE}/teams?page_size=0`)), ['page_size:invalid_format']);
  assert.equal((await officer.get(`${BASE}/teams/abc`)).status, 404);
  assert.equal((await officer.get(`${BASE}/teams/999999`)).status, 404);

  // Changed with the version the user saw; a stale change is refused; audited by field names.
  const url = `${BASE}/teams/${made.id}`;
  const changed = await officer.put(url, { ...team({ village_ids: [KD()], note: 'Họp tổ ngày 5 hằng tháng' }), version: made.version });
  assert.equal(changed.status, 200, changed.text);
  assert.deepEqual(changed.data.villages, [{ id: KD(), name: 'Khuôn Điển' }]);
  assert.equal(changed.data.note, 'Họp tổ ngày 5 hằng tháng');
  assert.ok(changed.data.version > made.version);
  assert.equal(changed.data.code, made.code);
  const detailAudit = sql(server, `SELECT detail FROM audit_log WHERE action = 'security_team.update' AND entity_id = '${made.id}'`);
  assert.match(detailAudit, /village_ids/);
  assert.match(detailAudit, /note/);
  assert.ok(!detailAudit.includes('Họp tổ'), `field names only: ${detailAudit}`);
  const stale = await officer.put(url, { ...team({ name: 'Tên khác' }), version: made.version });
  assert.equal(stale.status, 409, stale.text);
  assert.equal(stale.data.type, '/problems/conflict');
  assert.deepEqual(fieldsOf(await officer.put(url, team())), ['version:required']);
  assert.deepEqual(fieldsOf(await officer.put(url, { ...team({ village_ids: [KD(), KH()] }), version: changed.data.version })),
    ['village_ids:not_found']);
  assert.equal((await officer.get(url)).data.name, made.name, 'nothing written');

  // Dissolved: out of the list unless asked for.
  const dissolved = await officer.put(url, { ...team({ village_ids: [KD()], dissolved_on: TODAY }), version: changed.data.version });
  assert.equal(dissolved.status, 200, dissolved.text);
  assert.equal(dissolved.data.dissolved_on, TODAY);
  const listed = await officer.get(`${BASE}/teams?unit_id=${KD()}&page_size=500`);
  assert.ok(!listed.data.items.some((t) => t.id === made.id), 'a dissolved team is out of the list');
  const all = await officer.get(`${BASE}/teams?unit_id=${KD()}&include_dissolved=1&page_size=500`);
  assert.ok(all.data.items.some((t) => t.id === made.id && t.dissolved_on === TODAY));
});

test('members: one leader at a time; a person in one team at a time, the other team named only in scope; a phone is never shown', async () => {
  const officer = people['officer.tantrao'];
  const made = await founded(officer, { village_ids: [KD()], name: 'Tổ bảo vệ ANTT thôn Khuôn Điển' });
  const url = `${BASE}/teams/${made.id}/members`;
  const audited = auditCount('team_member.create');

  const leaderBody = member({ full_name: 'Hoàng Văn Tuần', position: 'leader', phone: '0912 345 678', phone_public: true });
  const leader = await officer.post(url, leaderBody);
  assert.equal(leader.status, 201, leader.text);
  assert.deepEqual(leader.data, {
    id: leader.data.id, team_id: made.id, full_name: 'Hoàng Văn Tuần', birth_date: leaderBody.birth_date,
    birth_year: Number(leaderBody.birth_date.slice(0, 4)), position: 'leader',
    residence: 'Xóm Đình, thôn Khuôn Điển', has_phone: true, phone_public: true, joined_on: vnDay(-60), left_on: null, note: '',
    version: 1,
  });
  assert.ok(!leader.text.includes('912345678') && !leader.text.includes('912 345'), 'never the phone');
  const deputy = await joined(officer, made.id, { full_name: 'Lý Văn Sơn', position: 'deputy', residence: 'Xóm Chợ' });
  const plain = await joined(officer, made.id, { full_name: 'Nông Thị Mai', joined_on: TODAY });
  assert.equal(deputy.has_phone, false);
  assert.equal(auditCount('team_member.create'), audited + 3);
  const page = await officer.get(`${BASE}/teams/${made.id}`);
  assert.equal(page.status, 200, page.text);
  assert.equal(page.data.members, 3);
  assert.deepEqual(page.data.member_list.map((m) => m.id), [leader.data.id, deputy.id, plain.id], 'leader, deputy, member');
  assert.deepEqual(page.data.member_list[0], leader.data);
  assert.ok(!page.text.includes('912345678'), 'never the phone');

  // A second leader at the same time, and bad fields: each named, nothing written.
  const count = memberCount();
  const second = await officer.post(url, member({ full_name: 'Đàm Văn Lực', position: 'leader' }));
  assert.equal(second.status, 422, second.text);
  assert.deepEqual(fieldsOf(second), ['position:second_leader']);
  translated(second);
  assert.deepEqual(fieldsOf(await officer.post(url, member({ position: 'chief' }))), ['position:unknown_value']);
  assert.deepEqual(fieldsOf(await officer.post(url, member({ position: undefined }))), ['position:required']);
  assert.deepEqual(fieldsOf(await officer.post(url, member({ full_name: '' }))), ['full_name:required']);
  assert.deepEqual(fieldsOf(await officer.post(url, member({ birth_date: '' }))), ['birth_date:required']);
  assert.deepEqual(fieldsOf(await officer.post(url, member({ birth_date: '1980-02-30' }))), ['birth_date:invalid_date']);
  assert.deepEqual(fieldsOf(await officer.post(url, member({ joined_on: undefined }))), ['joined_on:required']);
  assert.deepEqual(fieldsOf(await officer.post(url, member({ joined_on: vnDay(1) }))), ['joined_on:in_future']);
  const early = await officer.post(url, member({ joined_on: vnDay(-91) }));
  assert.deepEqual(fieldsOf(early), ['joined_on:before_founded']);
  translated(early);
  const left = await officer.post(url, member({ left_on: vnDay(-61) }));
  assert.deepEqual(fieldsOf(left), ['left_on:before_joined']);
  translated(left);
  assert.deepEqual(fieldsOf(await officer.post(url, member({ phone: '0912 345 67' }))), ['phone:invalid_length']);
  const noPhone = await officer.post(url, member({ phone_public: true }));
  assert.deepEqual(fieldsOf(noPhone), ['phone_public:no_phone']);
  translated(noPhone);
  assert.deepEqual(fieldsOf(await officer.post(url, member({ phone_public: 'có' }))), ['phone_public:wrong_type']);
  assert.deepEqual(fieldsOf(await officer.post(url, member({ residence: 'x'.repeat(301) }))), ['residence:too_long']);
  assert.equal(memberCount(), count, 'nothing written');

  // Changed on its version: a phone left out is kept, "" removes it; a stale change is refused.
  const memberUrl = `${BASE}/team-members/${leader.data.id}`;
  const kept = await officer.put(memberUrl, memberUpdate(leader.data, { phone_public: false, note: 'Trưởng thôn giới thiệu' }));
  assert.equal(kept.status, 200, kept.text);
  assert.equal(kept.data.has_phone, true, 'kept');
  assert.equal(kept.data.phone_public, false);
  assert.equal(kept.data.version, 2);
  const removed = await officer.put(memberUrl, memberUpdate(kept.data, { phone: '' }));
  assert.equal(removed.status, 200, removed.text);
  assert.equal(removed.data.has_phone, false, 'removed');
  const stale = await officer.put(memberUrl, memberUpdate(kept.data, { note: 'Sửa' }));
  assert.equal(stale.status, 409, stale.text);
  assert.deepEqual(fieldsOf(await officer.put(memberUrl, { ...memberUpdate(removed.data), version: undefined })), ['version:required']);
  const details = sql(server, `SELECT detail FROM audit_log WHERE action = 'team_member.update' AND entity_id = '${made.id}' ORDER BY id`);
  assert.match(details, /phone/);
  assert.ok(!details.includes('Trưởng thôn') && !details.includes('912'), `field names only: ${details}`);
  assert.equal((await officer.put(`${BASE}/team-members/999999`, memberUpdate(removed.data))).status, 404);

  // The deputy in a second team while still in the first: refused, the first team named (accents and case do not matter).
  const other = await founded(officer, { village_ids: [LH()], name: 'Tổ bảo vệ ANTT thôn Làng Hản' });
  const otherUrl = `${BASE}/teams/${other.id}/members`;
  const twice = await officer.post(otherUrl, member({ full_name: 'LÝ VĂN SƠN', birth_date: deputy.birth_date, joined_on: vnDay(-5) }));
  assert.equal(twice.status, 422, twice.text);
  assert.deepEqual(fieldsOf(twice), ['full_name:in_other_team']);
  assert.ok(twice.data.errors[0].message.includes(made.code), `the first team named: ${twice.data.errors[0].message}`);
  // Another commune's officer is told, not where.
  const far = await founded(people['officer.kienthiet'], { village_ids: [KH()], name: 'Tổ bảo vệ ANTT thôn Khuôn Hấu' });
  assert.match(far.code, /^\S+-TBV-\d{3,}$/);
  const elsewhere = await people['officer.kienthiet'].post(`${BASE}/teams/${far.id}/members`,
    member({ full_name: 'Lý Văn Sơn', birth_date: deputy.birth_date, joined_on: vnDay(-5) }));
  assert.equal(elsewhere.status, 422, elsewhere.text);
  assert.deepEqual(fieldsOf(elsewhere), ['full_name:in_other_team']);
  translated(elsewhere);
  assert.ok(!elsewhere.data.errors[0].message.includes(made.code), elsewhere.data.errors[0].message);
  assert.ok(!elsewhere.data.errors[0].message.includes('Khuôn Điển'), elsewhere.data.errors[0].message);

  // Once he left the first team, he joins the second from that day.
  const gone = await officer.put(`${BASE}/team-members/${deputy.id}`, memberUpdate(deputy, { left_on: vnDay(-5) }));
  assert.equal(gone.status, 200, gone.text);
  assert.equal(gone.data.left_on, vnDay(-5));
  const moved = await officer.post(otherUrl, member({ full_name: 'Lý Văn Sơn', birth_date: deputy.birth_date, joined_on: vnDay(-5) }));
  assert.equal(moved.status, 201, moved.text);
  const before = await officer.post(otherUrl, member({ full_name: 'Lý Văn Sơn', birth_date: deputy.birth_date, joined_on: vnDay(-6) }));
  assert.deepEqual(fieldsOf(before), ['full_name:in_other_team'], 'the days overlap');
  const first = (await officer.get(`${BASE}/teams/${made.id}`)).data;
  assert.equal(first.members, 2);
  assert.deepEqual(first.member_list.map((m) => m.id), [leader.data.id, plain.id, deputy.id], 'those who left last');
});

test('a patrol by the id the phone made: sent twice, stored once; changed on its version; a stale change refused; members in the team that day', async () => {
  const officer = people['officer.tantrao'];
  const { team: made, leader, deputy, plain } = await staffed({ name: 'Tổ bảo vệ ANTT tuần tra đêm' });
  const id = randomUUID();
  const url = `${BASE}/patrols/${id}`;
  const list = `${BASE}/teams/${made.id}/patrols`;
  const audited = auditCount('patrol.record');
  const count = patrolCount();

  const body = patrol(made.id, [plain.id, leader.id, plain.id], { device_at: Date.now() - 3600e3 });
  const first = await officer.put(url, body);
  assert.equal(first.status, 201, first.text);
  assert.equal(first.data.outcome, 'inserted');
  const stored = first.data.patrol;
  sameRoute(stored.route, ROUTE);
  assert.deepEqual({ ...stored, route: [] }, {
    id, team_id: made.id, patrol_on: TODAY, shift: 'night', member_ids: [leader.id, plain.id].sort(byNumber), route: [],
    findings: 'Nhắc 2 hộ khóa cổng; không phát hiện gì bất thường', tip_refs: '', version: 1,
  });
  assert.equal(auditCount('patrol.record'), audited + 1);
  assert.equal(patrolCount(), count + 1);
  samePatrol((await officer.get(url)).data, stored);

  // Sent again (the phone did not hear the answer): the same patrol, nothing written, one row.
  const again = await officer.put(url, { ...body, device_at: Date.now() });
  assert.equal(again.status, 200, again.text);
  assert.equal(again.data.outcome, 'replayed');
  samePatrol(again.data.patrol, stored);
  assert.equal(auditCount('patrol.record'), audited + 1, 'a replay is not audited');
  assert.equal(patrolCount(), count + 1);
  samePatrols((await officer.get(list)).data, [stored]);

  // Other content on version 1: version 2. Other content on version 1 again: 409, nothing written.
  const change = patrol(made.id, [leader.id, deputy.id], { findings: 'Phát hiện 1 xe máy không biển số, đã báo Công an xã',
    tip_refs: 'TG-2026-0042', route: [], base_version: 1 });
  const changed = await officer.put(url, change);
  assert.equal(changed.status, 200, changed.text);
  assert.equal(changed.data.outcome, 'updated');
  assert.deepEqual(changed.data.patrol, { ...stored, member_ids: [leader.id, deputy.id].sort(byNumber), route: [],
    findings: change.findings, tip_refs: 'TG-2026-0042', version: 2 });
  assert.equal(auditCount('patrol.record'), audited + 2);
  const stale = await officer.put(url, patrol(made.id, [leader.id], { shift: 'morning', base_version: 1 }));
  assert.equal(stale.status, 409, stale.text);
  assert.equal(stale.data.type, '/problems/conflict');
  samePatrol((await officer.get(url)).data, changed.data.patrol);
  const resent = await officer.put(url, change);
  assert.equal(resent.status, 200, resent.text);
  assert.equal(resent.data.outcome, 'replayed');
  const gone = await officer.put(`${BASE}/patrols/${randomUUID()}`, patrol(made.id, [leader.id], { base_version: 1 }));
  assert.equal(gone.status, 409, gone.text);
  assert.equal(patrolCount(), count + 1, 'nothing written');

  // A member who left ten days ago: not on a patrol five days ago, on one twenty days ago.
  const left = await officer.put(`${BASE}/team-members/${plain.id}`, memberUpdate(plain, { left_on: vnDay(-10) }));
  assert.equal(left.status, 200, left.text);
  const after = await officer.put(`${BASE}/patrols/${randomUUID()}`, patrol(made.id, [leader.id, plain.id], { patrol_on: vnDay(-5) }));
  assert.equal(after.status, 422, after.text);
  assert.deepEqual(fieldsOf(after), ['member_ids:not_in_team']);
  translated(after);
  const joinedLater = await officer.put(`${BASE}/patrols/${randomUUID()}`, patrol(made.id, [leader.id], { patrol_on: vnDay(-61) }));
  assert.deepEqual(fieldsOf(joinedLater), ['member_ids:not_in_team'], 'before he joined');
  const olderId = randomUUID();
  const older = await officer.put(`${BASE}/patrols/${olderId}`, patrol(made.id, [plain.id], { patrol_on: vnDay(-20), shift: 'evening' }));
  assert.equal(older.status, 201, older.text);
  assert.equal(patrolCount(), count + 2);

  // The team's patrols, newest first; from and to inclusive.
  samePatrols((await officer.get(list)).data, [changed.data.patrol, older.data.patrol]);
  samePatrols((await officer.get(`${list}?from=${vnDay(-20)}&to=${vnDay(-20)}`)).data, [older.data.patrol]);
  samePatrols((await officer.get(`${list}?from=${vnDay(-19)}`)).data, [changed.data.patrol]);
  samePatrols((await officer.get(`${list}?to=${vnDay(-1)}`)).data, [older.data.patrol]);
  assert.deepEqual(fieldsOf(await officer.get(`${list}?from=${vnDay(-1)}&to=${vnDay(-2)}`)), ['from:after_to']);
  assert.deepEqual(fieldsOf(await officer.get(`${list}?from=20%2F6%2F2026`)), ['from:invalid_date']);
  assert.equal((await officer.get(`${BASE}/teams/999999/patrols`)).status, 404);

  // Audited on the team: the patrol's id, the outcome and the version, never what was written.
  const details = sql(server, `SELECT detail FROM audit_log WHERE action = 'patrol.record' AND entity_id = '${made.id}' ORDER BY id`)
    .split('\n').map((line) => JSON.parse(line));
  assert.deepEqual(details.map((d) => [d.patrol, d.outcome, d.version]), [[id, 'inserted', 1], [id, 'updated', 2], [olderId, 'inserted', 1]]);
  assert.ok(!JSON.stringify(details).includes('xe máy'), 'no content in the audit');
});

test('a patrol\'s fields are checked, each bad one named, nothing written; a route outside the commune waits for a confirmation; an id that is not a lowercase UUID is 404', async () => {
  const officer = people['officer.tantrao'];
  const { team: made, leader } = await staffed({ name: 'Tổ bảo vệ ANTT kiểm tra' });
  const { team: other } = await staffed({ name: 'Tổ bảo vệ ANTT bên cạnh', village_ids: [LH()] });
  const fresh = () => `${BASE}/patrols/${randomUUID()}`;
  const put = (over) => officer.put(fresh(), patrol(made.id, [leader.id], over));
  const count = patrolCount();

  const tomorrow = await put({ patrol_on: vnDay(1) });
  assert.equal(tomorrow.status, 422, tomorrow.text);
  assert.deepEqual(fieldsOf(tomorrow), ['patrol_on:in_future'], 'tomorrow in Vietnam');
  translated(tomorrow);
  const early = await put({ patrol_on: vnDay(-91) });
  assert.deepEqual(fieldsOf(early), ['patrol_on:before_founded']);
  translated(early);
  const shift = await put({ shift: 'midnight' });
  assert.deepEqual(fieldsOf(shift), ['shift:unknown_value']);
  translated(shift);
  assert.deepEqual(fieldsOf(await officer.put(fresh(), {})),
    ['base_version:required', 'member_ids:required', 'patrol_on:required', 'shift:required', 'team_id:required']);
  assert.deepEqual(fieldsOf(await put({ member_ids: [] })), ['member_ids:required']);
  assert.deepEqual(fieldsOf(await put({ member_ids: [String(leader.id)] })), ['member_ids:wrong_type']);
  assert.deepEqual(fieldsOf(await put({ patrol_on: '20/06/2026' })), ['patrol_on:invalid_date']);
  assert.deepEqual(fieldsOf(await put({ team_id: String(made.id) })), ['team_id:wrong_type']);
  assert.deepEqual(fieldsOf(await put({ findings: 'x'.repeat(2001) })), ['findings:too_long']);
  assert.deepEqual(fieldsOf(await put({ tip_refs: 'x'.repeat(2001) })), ['tip_refs:too_long']);
  assert.deepEqual(fieldsOf(await put({ base_version: -1 })), ['base_version:out_of_range']);
  assert.deepEqual(fieldsOf(await put({ device_at: -1 })), ['device_at:out_of_range']);
  assert.deepEqual(fieldsOf(await put({ confirm_route: 'có' })), ['confirm_route:wrong_type']);
  // The route: none, or 2–500 points, each [lat, lon] or a text as people type it.
  const one = await put({ route: [[MARKET.lat, MARKET.lon]] });
  assert.deepEqual(fieldsOf(one), ['route:too_few_points']);
  translated(one);
  const long = Array.from({ length: 501 }, (_, i) => [MARKET.lat + i * 1e-5, MARKET.lon]);
  assert.deepEqual(fieldsOf(await put({ route: long })), ['route:too_long']);
  assert.deepEqual(fieldsOf(await put({ route: [[95, 105], [95, 105.1]] })), ['route:out_of_range']);
  assert.deepEqual(fieldsOf(await put({ route: 'đầu xóm' })), ['route:wrong_type']);
  assert.deepEqual(fieldsOf(await put({ route: [[MARKET.lat, MARKET.lon], [1, 2, 3]] })), ['route:wrong_type']);
  assert.deepEqual(fieldsOf(await put({ route: [[MARKET.lat, MARKET.lon], 'đầu xóm'] })), ['route:invalid_format']);
  assert.deepEqual(fieldsOf(await put({ route: [[10.5, 99.9], [10.6, 99.9]] })), ['route:outside_vietnam']);
  const townRoute = [[MARKET.lat, MARKET.lon], [TOWN.lat, TOWN.lon]];
  const outside = await put({ route: townRoute });
  assert.equal(outside.status, 422, outside.text);
  assert.deepEqual(fieldsOf(outside), ['route:outside_commune']);
  const there = await officer.get(`/api/v1/units/locate?lat=${TOWN.lat}&lon=${TOWN.lon}`);
  assert.ok(outside.data.errors[0].message.endsWith(there.data.commune.name), outside.data.errors[0].message);
  assert.equal((await put({ team_id: 999999 })).status, 404, 'no such team');
  assert.equal(patrolCount(), count, 'nothing written');

  // Confirmed, kept as sent; a text point is read as people type it; no route is none.
  const confirmed = await put({ route: townRoute, confirm_route: true });
  assert.equal(confirmed.status, 201, confirmed.text);
  sameRoute(confirmed.data.patrol.route, townRoute);
  const typed = await put({ route: [`${MARKET.lat}, ${MARKET.lon}`, [MARKET.lat + 0.001, MARKET.lon]] });
  assert.equal(typed.status, 201, typed.text);
  sameRoute(typed.data.patrol.route, [[MARKET.lat, MARKET.lon], [MARKET.lat + 0.001, MARKET.lon]]);
  for (const route of [[], null, undefined]) {
    const none = await put({ route });
    assert.equal(none.status, 201, none.text);
    assert.deepEqual(none.data.patrol.route, []);
  }

  // A patrol stays with its team.
  const id = randomUUID();
  const url = `${BASE}/patrols/${id}`;
  assert.equal((await officer.put(url, patrol(made.id, [leader.id]))).status, 201);
  const moved = await officer.put(url, patrol(other.id, [leader.id], { base_version: 1 }));
  assert.equal(moved.status, 422, moved.text);
  assert.deepEqual(fieldsOf(moved), ['team_id:cannot_change']);
  translated(moved);
  assert.equal((await officer.get(url)).data.team_id, made.id);

  // The id: a UUID in lowercase, else 404 (no patrol could have it).
  for (const bad of [id.toUpperCase(), id.replaceAll('-', ''), `${id}0`, 'abc', '1']) {
    assert.equal((await officer.put(`${BASE}/patrols/${bad}`, patrol(made.id, [leader.id]))).status, 404, `PUT ${bad}`);
    assert.equal((await officer.get(`${BASE}/patrols/${bad}`)).status, 404, `GET ${bad}`);
  }
  assert.equal((await officer.get(`${BASE}/patrols/${randomUUID()}`)).status, 404, 'no such patrol');
  const form = await officer.request('PUT', fresh(), { body: 'shift=night', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(form.status, 415);
  const forged = await officer.put(fresh(), patrol(made.id, [leader.id]), { csrf: false });
  assert.equal(forged.status, 403);
  assert.equal(forged.data.type, '/problems/csrf-failed');
  assert.equal(patrolCount(), count + 6);
});

test('the team member of Khuôn Điển reads its teams and records their patrols but keeps no team; reviewers read; auditors see none; another commune gets 404', async () => {
  const officer = people['officer.tantrao'];
  const villager = people['team.khuondien'];
  const { team: own, leader } = await staffed({ name: 'Tổ bảo vệ ANTT thôn Khuôn Điển và Làng Hản (quyền)' });
  const { team: neighbour, leader: neighbourLeader } = await staffed({ name: 'Tổ bảo vệ ANTT Làng Hản (quyền)', village_ids: [LH()] });
  const ownUrl = `${BASE}/teams/${own.id}`;
  const neighbourUrl = `${BASE}/teams/${neighbour.id}`;
  const theirs = randomUUID();
  assert.equal((await officer.put(`${BASE}/patrols/${theirs}`, patrol(neighbour.id, [neighbourLeader.id]))).status, 201);

  // The village's team member: his village's teams, their patrols; nothing of the neighbour's; no team kept.
  const id = randomUUID();
  const url = `${BASE}/patrols/${id}`;
  const recorded = await villager.put(url, patrol(own.id, [leader.id], { device_at: Date.now() - 86400e3 }));
  assert.equal(recorded.status, 201, recorded.text);
  assert.equal(sql(server, `SELECT u.username FROM security_patrols p JOIN users u ON u.id = p.recorded_by WHERE p.id = '${id}'`),
    'team.khuondien');
  samePatrol((await villager.get(url)).data, recorded.data.patrol);
  samePatrols((await villager.get(`${ownUrl}/patrols`)).data, [recorded.data.patrol]);
  const page = await villager.get(ownUrl);
  assert.equal(page.status, 200, page.text);
  assert.ok(!page.text.includes('"phone"'), 'no phone');
  const leaderRead = page.data.member_list.find((m) => m.id === leader.id);
  assert.deepEqual([leaderRead.birth_date, leaderRead.birth_year], [null, Number(leader.birth_date.slice(0, 4))],
    'the birth year, not the date, for those who do not keep the team');
  const listed = await villager.get(`${BASE}/teams?page_size=500`);
  assert.equal(listed.status, 200, listed.text);
  assert.ok(listed.data.items.some((t) => t.id === own.id));
  assert.ok(!listed.data.items.some((t) => t.id === neighbour.id), 'not his village\'s');
  const teams = teamCount();
  const members = memberCount();
  const patrols = patrolCount();
  assert.equal((await villager.get(neighbourUrl)).status, 404);
  assert.equal((await villager.get(`${neighbourUrl}/patrols`)).status, 404);
  assert.equal((await villager.get(`${BASE}/patrols/${theirs}`)).status, 404);
  assert.equal((await villager.put(`${BASE}/patrols/${randomUUID()}`, patrol(neighbour.id, [neighbourLeader.id]))).status, 404);
  assert.equal((await villager.get(`${BASE}/teams?unit_id=${LH()}`)).status, 404);
  assert.equal((await villager.post(`${BASE}/teams`, team({ village_ids: [KD()] }))).status, 403);
  assert.equal((await villager.put(ownUrl, { ...team(), version: own.version })).status, 403);
  assert.equal((await villager.post(`${ownUrl}/members`, member({ full_name: 'Hà Văn Kiên' }))).status, 403);
  assert.equal((await villager.put(`${BASE}/team-members/${leader.id}`, memberUpdate(leader, { note: 'Sửa' }))).status, 403);

  // Reviewers read everything in the province and write nothing.
  const reviewer = people['reviewer.tuyenquang'];
  for (const path of [`${BASE}/teams`, ownUrl, neighbourUrl, `${ownUrl}/patrols`, url]) {
    assert.equal((await reviewer.get(path)).status, 200, path);
  }
  samePatrol((await reviewer.get(url)).data, recorded.data.patrol);
  assert.equal((await reviewer.post(`${BASE}/teams`, team())).status, 403);
  assert.equal((await reviewer.put(ownUrl, { ...team(), version: own.version })).status, 403);
  assert.equal((await reviewer.post(`${ownUrl}/members`, member({ full_name: 'Hà Văn Kiên' }))).status, 403);
  assert.equal((await reviewer.put(`${BASE}/patrols/${randomUUID()}`, patrol(own.id, [leader.id]))).status, 403);
  assert.equal((await reviewer.put(url, patrol(own.id, [leader.id], { shift: 'morning', base_version: 1 }))).status, 403);

  // Administrators keep teams but record no patrol; auditors see none.
  assert.equal((await people.admin.get(url)).status, 200);
  assert.equal((await people.admin.put(`${BASE}/patrols/${randomUUID()}`, patrol(own.id, [leader.id]))).status, 403);
  for (const path of [`${BASE}/teams`, ownUrl, `${ownUrl}/patrols`, url]) {
    assert.equal((await people.auditor.get(path)).status, 403, path);
  }
  assert.equal((await people.auditor.post(`${BASE}/teams`, team())).status, 403);
  assert.equal((await people.auditor.put(`${BASE}/patrols/${randomUUID()}`, patrol(own.id, [leader.id]))).status, 403);

  // Another commune's officer: neither the team, its members nor its patrols exist for him.
  const stranger = people['officer.kienthiet'];
  for (const path of [ownUrl, `${ownUrl}/patrols`, url]) {
    assert.equal((await stranger.get(path)).status, 404, path);
  }
  assert.equal((await stranger.put(ownUrl, { ...team(), version: own.version })).status, 404);
  assert.equal((await stranger.post(`${ownUrl}/members`, member({ full_name: 'Hà Văn Kiên' }))).status, 404);
  assert.equal((await stranger.put(`${BASE}/team-members/${leader.id}`, memberUpdate(leader, { note: 'Sửa' }))).status, 404);
  assert.equal((await stranger.put(`${BASE}/patrols/${randomUUID()}`, patrol(own.id, [leader.id]))).status, 404);
  assert.equal((await stranger.put(url, patrol(own.id, [leader.id], { shift: 'morning', base_version: 1 }))).status, 404);
  const strangers = await stranger.get(`${BASE}/teams?page_size=500`);
  assert.equal(strangers.status, 200, strangers.text);
  assert.ok(!strangers.data.items.some((t) => t.id === own.id));
  assert.deepEqual([teamCount(), memberCount(), patrolCount()], [teams, members, patrols], 'nothing written');
  samePatrol((await officer.get(url)).data, recorded.data.patrol);
  assert.equal((await fetch(`${server.url}${BASE}/teams`)).status, 401);
});

test('a meeting by the id the phone made: sent twice, stored once; changed on its version; a stale change refused; each bad field named, nothing written; a team is not dissolved on or before a meeting\'s day', async () => {
  const officer = people['officer.tantrao'];
  const made = await founded(officer, { village_ids: [KD()], name: 'Tổ bảo vệ ANTT họp tổ' });
  const other = await founded(officer, { village_ids: [LH()], name: 'Tổ bảo vệ ANTT họp tổ bên cạnh' });
  const id = randomUUID();
  const url = `${BASE}/meetings/${id}`;
  const list = `${BASE}/teams/${made.id}/meetings`;
  const audited = auditCount('meeting.record');
  const count = meetingCount();

  const body = meeting(made.id, { held_on: vnDay(-3), device_at: Date.now() - 3600e3 });
  const first = await officer.put(url, body);
  assert.equal(first.status, 201, first.text);
  const stored = first.data.meeting;
  assert.deepEqual(first.data, {
    meeting: { id, team_id: made.id, held_on: vnDay(-3), attendees: 9, content: body.content, version: 1 }, outcome: 'inserted',
  });
  assert.equal(auditCount('meeting.record'), audited + 1);
  assert.equal(meetingCount(), count + 1);
  assert.equal(sql(server, `SELECT u.username FROM security_team_meetings m JOIN users u ON u.id = m.recorded_by WHERE m.id = '${id}'`),
    'officer.tantrao');
  const read = await officer.get(url);
  assert.equal(read.status, 200, read.text);
  assert.deepEqual(read.data, stored);

  // Sent again (the phone did not hear the answer; the text as typed again, spaces around):
  // the same meeting, nothing written, one row, not audited.
  const again = await officer.put(url, { ...body, content: `  ${body.content} `, device_at: Date.now() });
  assert.equal(again.status, 200, again.text);
  assert.deepEqual(again.data, { meeting: stored, outcome: 'replayed' });
  assert.equal(auditCount('meeting.record'), audited + 1, 'a replay is not audited');
  assert.equal(meetingCount(), count + 1);
  assert.deepEqual((await officer.get(list)).data, { items: [stored] });

  // Other content on version 1: version 2. Other content on version 1 again: 409, nothing written.
  const change = meeting(made.id, { held_on: vnDay(-2), attendees: 11, content: 'Họp bất thường: phân công trực dịp lễ hội', base_version: 1 });
  const changed = await officer.put(url, change);
  assert.equal(changed.status, 200, changed.text);
  assert.deepEqual(changed.data, {
    meeting: { ...stored, held_on: vnDay(-2), attendees: 11, content: change.content, version: 2 }, outcome: 'updated',
  });
  assert.equal(auditCount('meeting.record'), audited + 2);
  const stale = await officer.put(url, meeting(made.id, { attendees: 5, base_version: 1 }));
  assert.equal(stale.status, 409, stale.text);
  assert.equal(stale.data.type, '/problems/conflict');
  assert.deepEqual((await officer.get(url)).data, changed.data.meeting);
  const resent = await officer.put(url, change);
  assert.equal(resent.status, 200, resent.text);
  assert.deepEqual(resent.data, { meeting: changed.data.meeting, outcome: 'replayed' });
  const gone = await officer.put(`${BASE}/meetings/${randomUUID()}`, meeting(made.id, { base_version: 1 }));
  assert.equal(gone.status, 409, gone.text);
  assert.equal(meetingCount(), count + 1, 'nothing written');
  assert.equal(auditCount('meeting.record'), audited + 2);

  // Each bad field named, nothing written.
  const fresh = () => `${BASE}/meetings/${randomUUID()}`;
  const put = (over) => officer.put(fresh(), meeting(made.id, over));
  const tomorrow = await put({ held_on: vnDay(1) });
  assert.equal(tomorrow.status, 422, tomorrow.text);
  assert.deepEqual(fieldsOf(tomorrow), ['held_on:in_future'], 'tomorrow in Vietnam');
  translated(tomorrow);
  const early = await put({ held_on: vnDay(-91) });
  assert.deepEqual(fieldsOf(early), ['held_on:before_founded']);
  translated(early);
  const nobody = await put({ attendees: 0 });
  assert.deepEqual(fieldsOf(nobody), ['attendees:out_of_range']);
  translated(nobody);
  assert.deepEqual(fieldsOf(await put({ attendees: 501 })), ['attendees:out_of_range']);
  assert.deepEqual(fieldsOf(await put({ attendees: -3 })), ['attendees:out_of_range']);
  assert.deepEqual(fieldsOf(await put({ attendees: 1e12 })), ['attendees:out_of_range']);
  assert.deepEqual(fieldsOf(await put({ attendees: '9' })), ['attendees:wrong_type']);
  const empty = await put({ content: '' });
  assert.deepEqual(fieldsOf(empty), ['content:required']);
  translated(empty);
  assert.deepEqual(fieldsOf(await put({ content: '   ' })), ['content:required']);
  assert.deepEqual(fieldsOf(await put({ content: undefined })), ['content:required']);
  assert.deepEqual(fieldsOf(await put({ content: 'ệ'.repeat(4001) })), ['content:too_long']);
  assert.deepEqual(fieldsOf(await put({ content: 9 })), ['content:wrong_type']);
  assert.deepEqual(fieldsOf(await put({ held_on: '20/06/2026' })), ['held_on:invalid_date']);
  assert.deepEqual(fieldsOf(await put({ held_on: undefined })), ['held_on:required']);
  assert.deepEqual(fieldsOf(await officer.put(fresh(), {})),
    ['attendees:required', 'base_version:required', 'held_on:required', 'team_id:required']);
  assert.deepEqual(fieldsOf(await put({ team_id: String(made.id) })), ['team_id:wrong_type']);
  assert.deepEqual(fieldsOf(await put({ base_version: -1 })), ['base_version:out_of_range']);
  assert.deepEqual(fieldsOf(await put({ device_at: -1 })), ['device_at:out_of_range']);
  assert.deepEqual(fieldsOf(await put({ attendees: 0, content: '' })), ['attendees:out_of_range', 'content:required'], 'all at once');
  assert.equal((await put({ team_id: 999999 })).status, 404, 'no such team');
  assert.equal(meetingCount(), count + 1, 'nothing written');
  assert.equal(auditCount('meeting.record'), audited + 2);

  // The bounds themselves are taken: 1 and 500 people, 4000 characters (counted as characters).
  for (const over of [{ attendees: 1 }, { attendees: 500 }, { content: 'ệ'.repeat(4000) }]) {
    const r = await put(over);
    assert.equal(r.status, 201, `${JSON.stringify(over).slice(0, 40)}: ${r.text.slice(0, 200)}`);
  }
  assert.equal(meetingCount(), count + 4);

  // A meeting stays with its team; its id is a lowercase UUID, else 404.
  const moved = await officer.put(url, meeting(other.id, { content: 'Chuyển sang tổ khác', base_version: 2 }));
  assert.equal(moved.status, 422, moved.text);
  assert.deepEqual(fieldsOf(moved), ['team_id:cannot_change']);
  translated(moved);
  assert.deepEqual((await officer.get(url)).data, changed.data.meeting);
  for (const bad of [id.toUpperCase(), id.replaceAll('-', ''), `${id}0`, 'abc', '1']) {
    assert.equal((await officer.put(`${BASE}/meetings/${bad}`, meeting(made.id))).status, 404, `PUT ${bad}`);
    assert.equal((await officer.get(`${BASE}/meetings/${bad}`)).status, 404, `GET ${bad}`);
  }
  assert.equal((await officer.get(fresh())).status, 404, 'no such meeting');
  const form = await officer.request('PUT', fresh(), { body: 'attendees=9', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(form.status, 415);
  const forged = await officer.put(fresh(), meeting(made.id), { csrf: false });
  assert.equal(forged.status, 403);
  assert.equal(forged.data.type, '/problems/csrf-failed');
  assert.equal(meetingCount(), count + 4);

  // Audited on the team: the meeting's id, the outcome and the version, never what was said.
  const details = sql(server, `SELECT detail FROM audit_log WHERE action = 'meeting.record' AND entity = 'security_team' AND entity_id = '${made.id}' ORDER BY id`)
    .split('\n').map((line) => JSON.parse(line));
  assert.deepEqual(details.filter((d) => d.meeting === id), [{ meeting: id, outcome: 'inserted', version: 1 }, { meeting: id, outcome: 'updated', version: 2 }]);
  assert.equal(details.length, 5);
  assert.ok(!JSON.stringify(details).includes('lễ hội'), 'no content in the audit');

  // The team's dates keep its meetings inside: not founded after the first, not dissolved on
  // or before the last (the message ends with that day); nothing written.
  const ending = await founded(officer, { village_ids: [LH()], name: 'Tổ bảo vệ ANTT sắp giải thể' });
  const lastId = randomUUID();
  const last = meeting(ending.id, { held_on: vnDay(-5), content: 'Họp tổ lần cuối' });
  assert.equal((await officer.put(`${BASE}/meetings/${lastId}`, last)).status, 201);
  const teamUrl = `${BASE}/teams/${ending.id}`;
  const teamPut = (over) => officer.put(teamUrl, { ...team({ village_ids: [LH()], name: ending.name, ...over }), version: ending.version });
  for (const day of [vnDay(-5), vnDay(-6)]) {
    const early = await teamPut({ dissolved_on: day });
    assert.equal(early.status, 422, early.text);
    assert.deepEqual(fieldsOf(early), ['dissolved_on:before_patrols'], `dissolved on ${day}`);
    translated(early);
    assert.ok(early.data.errors[0].message.endsWith(vnDay(-5)), early.data.errors[0].message);
  }
  const late = await teamPut({ founded_on: vnDay(-4) });
  assert.deepEqual(fieldsOf(late), ['founded_on:after_patrols']);
  assert.ok(late.data.errors[0].message.endsWith(vnDay(-5)), late.data.errors[0].message);
  const unchanged = (await officer.get(teamUrl)).data;
  assert.deepEqual([unchanged.version, unchanged.founded_on, unchanged.dissolved_on], [ending.version, vnDay(-90), null], 'nothing written');
  const dissolved = await teamPut({ dissolved_on: vnDay(-4) });
  assert.equal(dissolved.status, 200, dissolved.text);
  assert.equal(dissolved.data.dissolved_on, vnDay(-4));
  // Dissolved: no meeting on or after that day; the last one sent again is still a replay.
  const after = await officer.put(fresh(), meeting(ending.id, { held_on: vnDay(-4) }));
  assert.deepEqual(fieldsOf(after), ['held_on:after_dissolved']);
  translated(after);
  const replayed = await officer.put(`${BASE}/meetings/${lastId}`, last);
  assert.equal(replayed.status, 200, replayed.text);
  assert.equal(replayed.data.outcome, 'replayed');
});

test('a team\'s meetings, newest first within at most a year; the team member of Khuôn Điển records his team\'s but finds no other village\'s; reviewers read; auditors see none', async () => {
  const officer = people['officer.tantrao'];
  const villager = people['team.khuondien'];
  const own = await founded(officer, { village_ids: [KD()], name: 'Tổ bảo vệ ANTT họp tổ (danh sách)', decision_on: vnDay(-420), founded_on: vnDay(-400) });
  const neighbour = await founded(officer, { village_ids: [LH()], name: 'Tổ bảo vệ ANTT Làng Hản họp tổ (quyền)' });
  const list = `${BASE}/teams/${own.id}/meetings`;
  const neighbourList = `${BASE}/teams/${neighbour.id}/meetings`;
  const recorded = async (client, teamId, over) => {
    const r = await client.put(`${BASE}/meetings/${randomUUID()}`, meeting(teamId, over));
    assert.equal(r.status, 201, r.text);
    return r.data.meeting;
  };

  // The village's team member records his team's meeting (held on his own phone, sent later).
  const mine = await recorded(villager, own.id, { held_on: vnDay(-5), attendees: 7, device_at: Date.now() - 86400e3 });
  assert.equal(sql(server, `SELECT u.username FROM security_team_meetings m JOIN users u ON u.id = m.recorded_by WHERE m.id = '${mine.id}'`),
    'team.khuondien');
  assert.deepEqual((await villager.get(`${BASE}/meetings/${mine.id}`)).data, mine);
  const theirs = await recorded(officer, neighbour.id, { held_on: vnDay(-1) });

  // The list: by default the 365 days up to today; from and to inclusive; newest first, the
  // same day by when they were received.
  const oldest = await recorded(officer, own.id, { held_on: vnDay(-366), content: 'Họp tổng kết năm trước' });
  const yearAgo = await recorded(officer, own.id, { held_on: vnDay(-365), content: 'Họp triển khai năm' });
  const month = await recorded(officer, own.id, { held_on: vnDay(-20), attendees: 12 });
  const sameDay = await recorded(villager, own.id, { held_on: vnDay(-5), content: 'Họp bổ sung chiều cùng ngày' });
  const listed = async (client, query = '') => {
    const r = await client.get(`${list}${query}`);
    assert.equal(r.status, 200, `${query}: ${r.text}`);
    assert.deepEqual(Object.keys(r.data), ['items']);
    return r.data.items;
  };
  assert.deepEqual(await listed(officer), [sameDay, mine, month, yearAgo]);
  assert.deepEqual(await listed(villager), [sameDay, mine, month, yearAgo]);
  assert.deepEqual(await listed(officer, `?from=${vnDay(-366)}&to=${vnDay(-366)}`), [oldest]);
  assert.deepEqual(await listed(officer, `?to=${vnDay(-6)}`), [month, yearAgo, oldest], 'to alone: the 365 days up to it');
  assert.deepEqual(await listed(officer, `?from=${vnDay(-19)}`), [sameDay, mine]);
  assert.deepEqual(await listed(officer, `?from=${vnDay(-400)}&to=${vnDay(-34)}`), [yearAgo, oldest], '366 days at most');
  const long = await officer.get(`${list}?from=${vnDay(-400)}&to=${vnDay(-33)}`);
  assert.equal(long.status, 422, long.text);
  assert.deepEqual(fieldsOf(long), ['from:range_too_long']);
  translated(long);
  assert.deepEqual(fieldsOf(await officer.get(`${list}?from=${vnDay(-400)}`)), ['from:range_too_long'], 'up to today');
  const backwards = await officer.get(`${list}?from=${vnDay(-1)}&to=${vnDay(-2)}`);
  assert.deepEqual(fieldsOf(backwards), ['from:after_to']);
  translated(backwards);
  assert.deepEqual(fieldsOf(await officer.get(`${list}?from=20%2F6%2F2026`)), ['from:invalid_date']);
  assert.deepEqual(fieldsOf(await officer.get(`${list}?to=2026-02-30`)), ['to:invalid_date']);
  assert.equal((await officer.get(`${BASE}/teams/999999/meetings`)).status, 404);

  // Nothing of another village's team for him: its meetings, its list, recording one.
  const count = meetingCount();
  const audited = auditCount('meeting.record');
  assert.equal((await villager.get(`${BASE}/meetings/${theirs.id}`)).status, 404);
  assert.equal((await villager.get(neighbourList)).status, 404);
  assert.equal((await villager.put(`${BASE}/meetings/${randomUUID()}`, meeting(neighbour.id))).status, 404);
  assert.equal((await villager.put(`${BASE}/meetings/${theirs.id}`, meeting(neighbour.id, { attendees: 3, base_version: 1 }))).status, 404);
  assert.equal((await villager.put(`${BASE}/meetings/${theirs.id}`, meeting(own.id, { base_version: 1 }))).status, 404,
    'nor by naming his own team');

  // Reviewers read everything in the province and record nothing; administrators read too.
  for (const reader of [people['reviewer.tuyenquang'], people.admin]) {
    assert.deepEqual((await reader.get(`${BASE}/meetings/${mine.id}`)).data, mine);
    assert.deepEqual(await listed(reader), [sameDay, mine, month, yearAgo]);
    assert.equal((await reader.get(neighbourList)).status, 200);
    assert.equal((await reader.put(`${BASE}/meetings/${randomUUID()}`, meeting(own.id))).status, 403);
    assert.equal((await reader.put(`${BASE}/meetings/${mine.id}`, meeting(own.id, { attendees: 3, base_version: 1 }))).status, 403);
  }
  // Auditors see none; another commune's officer finds none.
  const auditor = people.auditor;
  assert.equal((await auditor.get(`${BASE}/meetings/${mine.id}`)).status, 403);
  assert.equal((await auditor.get(list)).status, 403);
  assert.equal((await auditor.put(`${BASE}/meetings/${randomUUID()}`, meeting(own.id))).status, 403);
  const stranger = people['officer.kienthiet'];
  assert.equal((await stranger.get(`${BASE}/meetings/${mine.id}`)).status, 404);
  assert.equal((await stranger.get(list)).status, 404);
  assert.equal((await stranger.put(`${BASE}/meetings/${randomUUID()}`, meeting(own.id))).status, 404);
  assert.equal((await stranger.put(`${BASE}/meetings/${mine.id}`, meeting(own.id, { attendees: 3, base_version: 1 }))).status, 404);
  assert.equal((await fetch(`${server.url}${list}`)).status, 401);
  assert.deepEqual([meetingCount(), auditCount('meeting.record')], [count, audited], 'nothing written');
  assert.deepEqual((await officer.get(`${BASE}/meetings/${mine.id}`)).data, mine);
});

test('the public member list (.docx): the People\'s Committee\'s head, the members in the team today, a phone only where agreed', async () => {
  const officer = people['officer.tantrao'];
  const { team: made, leader } = await staffed({ name: 'Tổ bảo vệ ANTT liên thôn số 9' });
  const published = await joined(officer, made.id, { full_name: 'Triệu Văn Phúc', phone: '0912 345 678', phone_public: true });
  await joined(officer, made.id, { full_name: 'Bàn Thị Nga', phone: '0987 654 321' });
  await joined(officer, made.id, { full_name: 'Đặng Văn Cũ', joined_on: vnDay(-60), left_on: vnDay(-10) });
  assert.equal(published.has_phone, true);
  const audited = auditCount('security_team.member_list');
  const r = await officer.get(`${BASE}/teams/${made.id}/members.docx`);
  assert.equal(r.status, 200, r.text);
  assert.match(r.headers.get('content-type'), /wordprocessingml/);
  assert.match(r.headers.get('content-disposition'), /danh-sach-thanh-vien-to-bao-ve-\d+\.docx/);
  const text = docxText(r.bytes);
  assert.match(text, /ỦY BAN NHÂN DÂN/);
  assert.match(text, /XÃ TÂN TRÀO/);
  assert.match(text, /DANH SÁCH/);
  assert.match(text, /Thành viên Tổ bảo vệ ANTT liên thôn số 9/);
  assert.match(text, /Kèm theo Quyết định số 15\/QĐ-UBND/);
  for (const name of [leader.full_name, 'Lý Văn Sơn', 'Nông Thị Mai', 'Triệu Văn Phúc', 'Bàn Thị Nga']) assert.match(text, new RegExp(name));
  assert.match(text, /Tổ trưởng/);
  assert.match(text, /0912 345 678/, 'the phone its member agreed to publish');
  assert.doesNotMatch(text, /0987 ?654 ?321/, 'no phone without the agreement');
  assert.doesNotMatch(text, /Đặng Văn Cũ/, 'who left is not listed');
  assert.match(text, /CHỦ TỊCH/);
  assert.match(text, /Nguyễn Văn Bình/);
  assert.equal(auditCount('security_team.member_list'), audited + 1);
  assert.equal((await people.auditor.get(`${BASE}/teams/${made.id}/members.docx`)).status, 403);
  assert.equal((await people['officer.kienthiet'].get(`${BASE}/teams/${made.id}/members.docx`)).status, 404);
});

// The sheet's numbers, counted from its own members: other tests add members to the commune.
function sameNumbers(s) {
  const count = (grade) => s.members.filter((m) => m.grade === grade).length;
  const excellent = count('excellent');
  const good = count('good');
  const max = Math.floor(((excellent + good) * 20) / 100);
  assert.deepEqual(
    [s.excellent, s.good, s.complete, s.incomplete, s.ungraded, s.max_excellent, s.quota_ok],
    [excellent, good, count('complete'), count('incomplete'), s.members.filter((m) => m.eligible && m.grade === null).length,
      max, excellent <= max],
    'the sheet\'s numbers');
}

// Grading on `srv` (the shared server while a window is open, see gradingServer) for `year`.
async function grading(srv, who, units, year) {
  const officer = who['officer.tantrao'];
  const commune = units['02545'];
  const gradingUrl = `${BASE}/gradings?commune_id=${commune}&year=${year}`;
  const read = async (client = officer) => {
    const r = await client.get(gradingUrl);
    assert.equal(r.status, 200, r.text);
    sameNumbers(r.data);
    return r.data;
  };
  const gradeUrl = (id) => `${BASE}/team-members/${id}/grade`;
  const grade = (id, value, over = {}, client = officer) => client.put(gradeUrl(id), { year, grade: value, ...over });
  const graded = async (id, value, over) => {
    const r = await grade(id, value, over);
    assert.equal(r.status, 200, r.text);
    sameNumbers(r.data);
    assert.equal(r.data.members.find((m) => m.member_id === id).grade, value === '' ? null : value);
    return r.data;
  };
  const finalise = (version, client = officer) => client.post(`${BASE}/gradings/finalise`, { commune_id: commune, year, version });
  const reopen = (body, client = officer) => client.post(`${BASE}/gradings/reopen`, { commune_id: commune, year, ...body });
  const audited = (action) => auditEntries(srv, action);
  const status = () => sql(srv, `SELECT status FROM team_gradings WHERE commune_id = ${commune} AND year = ${year}`);
  const lastDetail = (action) =>
    JSON.parse(sql(srv, `SELECT detail FROM audit_log WHERE action = '${action}' ORDER BY id DESC LIMIT 1`));
  const message = (r) => r.data.errors[0].message;

  // A team of Khuôn Điển since 01/07 of last year: a member who joined on 15/02 has nine
  // months by 15/11, one who joined a day later has not; one left before 14/11, one before
  // the year began (not on the sheet).
  const made = (await officer.post(`${BASE}/teams`, team({
    village_ids: [units['DEMO-KQ-KHUONDIEN']], name: 'Tổ bảo vệ ANTT thôn Khuôn Điển (xếp loại)',
    decision_on: `${year - 1}-06-20`, founded_on: `${year - 1}-07-01`,
  })));
  assert.equal(made.status, 201, made.text);
  const teamId = made.data.id;
  const onTime = await joined(officer, teamId, { full_name: 'Hà Văn Đủ', joined_on: `${year}-02-15` });
  const late = await joined(officer, teamId, { full_name: 'Hà Văn Thiếu', joined_on: `${year}-02-16` });
  const gone = await joined(officer, teamId, { full_name: 'Hà Văn Đi', joined_on: `${year - 1}-07-01`, left_on: `${year}-06-30` });
  const before = await joined(officer, teamId, { full_name: 'Hà Văn Trước', joined_on: `${year - 1}-07-01`, left_on: `${year - 1}-10-31` });

  // The sheet: the year's window open; the demo team's six members (joined 01/07/2024) and
  // the new ones, each eligible or why not.
  const fresh = await read();
  assert.deepEqual(Object.keys(fresh).sort(), ['commune_id', 'complete', 'excellent', 'good', 'incomplete', 'max_excellent',
    'members', 'quota_ok', 'reopen_reason', 'status', 'ungraded', 'version', 'window_from', 'window_open', 'window_to', 'year']);
  assert.deepEqual([fresh.commune_id, fresh.year, fresh.status, fresh.window_from, fresh.window_to, fresh.window_open, fresh.reopen_reason],
    [commune, year, 'draft', `${year}-11-01`, `${year + 1}-01-31`, true, '']);
  assert.deepEqual((await officer.get(`${BASE}/gradings?commune_id=${commune}`)).data, fresh, 'the year whose window is open');
  const demo = fresh.members.filter((m) => m.team_name === 'Tổ bảo vệ ANTT thôn Khuôn Điển (minh họa)');
  assert.equal(demo.length, 6, JSON.stringify(fresh.members.map((m) => m.team_name)));
  for (const m of demo) {
    assert.deepEqual([m.joined_on, m.left_on, m.eligible, m.not_eligible, m.grade], ['2024-07-01', null, true, '', null], m.full_name);
  }
  const line = (id) => fresh.members.find((m) => m.member_id === id);
  assert.deepEqual(line(onTime.id), {
    member_id: onTime.id, full_name: 'Hà Văn Đủ', position: 'member', joined_on: `${year}-02-15`, left_on: null, team_id: teamId,
    team_code: made.data.code, team_name: made.data.name, eligible: true, not_eligible: '', grade: null, note: '',
  });
  assert.deepEqual([line(late.id).eligible, line(late.id).not_eligible], [false, 'under_nine_months']);
  assert.deepEqual([line(gone.id).eligible, line(gone.id).not_eligible], [false, 'left']);
  assert.equal(line(before.id), undefined, 'not in the team that year');
  assert.ok(fresh.members.every((m) => m.eligible === (m.not_eligible === '')));
  const last = await officer.get(`${BASE}/gradings?commune_id=${commune}&year=${year - 1}`);
  assert.equal(last.status, 200, last.text);
  assert.equal(last.data.window_open, false);
  assert.deepEqual(fieldsOf(await officer.get(`${BASE}/gradings`)), ['commune_id:required']);
  assert.deepEqual(fieldsOf(await officer.get(`${BASE}/gradings?commune_id=${commune}&year=1999`)), ['year:out_of_range']);
  assert.deepEqual(fieldsOf(await officer.get(`${BASE}/gradings?commune_id=${commune}&year=nam`)), ['year:invalid_format']);
  assert.equal((await officer.get(`${BASE}/gradings?commune_id=${units['DEMO-KQ-KHUONDIEN']}&year=${year}`)).status, 404, 'a village');

  // Refused, each named, nothing written: under nine months, left, a bad grade or note, a
  // year outside its window.
  const gradesAudited = audited('team_member.grade');
  const short = await grade(late.id, 'good');
  assert.equal(short.status, 422, short.text);
  assert.deepEqual(fieldsOf(short), ['grade:not_eligible']);
  translated(short);
  assert.deepEqual(fieldsOf(await grade(gone.id, 'good')), ['grade:not_eligible']);
  const unknown = await grade(onTime.id, 'outstanding');
  assert.deepEqual(fieldsOf(unknown), ['grade:unknown_value']);
  translated(unknown);
  assert.deepEqual(fieldsOf(await grade(onTime.id, 'good', { note: 'x'.repeat(501) })), ['note:too_long']);
  const closed = await grade(onTime.id, 'good', { year: year - 1 });
  assert.deepEqual(fieldsOf(closed), ['year:outside_window']);
  translated(closed);
  assert.deepEqual(fieldsOf(await grade(onTime.id, 'good', { year: 1999 })), ['year:out_of_range']);
  assert.deepEqual(fieldsOf(await grade(onTime.id, 'good', { year: undefined })), ['year:required']);
  assert.deepEqual(fieldsOf(await officer.put(gradeUrl(onTime.id), { year })), ['grade:required'], 'a missing key clears nothing');
  assert.equal((await grade(999999, 'good')).status, 404);
  assert.equal(audited('team_member.grade'), gradesAudited);
  assert.deepEqual(await read(), fresh, 'nothing written');

  // Two "xuất sắc" and four "tốt": more than 20% of six allows (one); a draft, the sheet tells.
  await graded(demo[0].member_id, 'excellent', { note: 'Phát hiện, báo tin giúp bắt 2 vụ trộm trâu' });
  await graded(demo[1].member_id, 'excellent');
  for (const m of demo.slice(2)) await graded(m.member_id, 'good');
  const broken = await read();
  assert.deepEqual([broken.status, broken.excellent, broken.good, broken.max_excellent, broken.quota_ok], ['draft', 2, 4, 1, false]);
  assert.equal(broken.members.find((m) => m.member_id === demo[0].member_id).note, 'Phát hiện, báo tin giúp bắt 2 vụ trộm trâu');
  assert.ok(broken.version > fresh.version);
  assert.equal(audited('team_member.grade'), gradesAudited + 6);
  assert.deepEqual(lastDetail('team_member.grade'), { member: demo[5].member_id, year, grade: 'good', quota_ok: false });

  // Finalising: every eligible member graded first, then the quota; nothing written.
  const finalsAudited = audited('team_grading.finalise');
  const missing = await finalise(broken.version);
  assert.equal(missing.status, 422, missing.text);
  assert.deepEqual(fieldsOf(missing), ['grade:missing']);
  assert.ok(broken.ungraded >= 1);
  assert.ok(message(missing).endsWith(`: ${broken.ungraded}`), message(missing));
  let s = broken;
  for (const m of broken.members.filter((x) => x.eligible && x.grade === null)) s = await graded(m.member_id, 'complete');
  assert.deepEqual([s.ungraded, s.excellent, s.good, s.max_excellent, s.quota_ok], [0, 2, 4, 1, false]);
  const over = await finalise(s.version);
  assert.equal(over.status, 422, over.text);
  assert.deepEqual(fieldsOf(over), ['grade:quota_exceeded']);
  assert.ok(message(over).endsWith(': 2 xuất sắc; tối đa 1 = 20% của 6 người hoàn thành tốt trở lên'), message(over));
  assert.equal((await finalise(s.version - 1)).status, 409, 'a stale version');
  assert.deepEqual(fieldsOf(await officer.post(`${BASE}/gradings/finalise`, { commune_id: commune, year })), ['version:required']);
  assert.deepEqual(fieldsOf(await officer.post(`${BASE}/gradings/finalise`, { year, version: s.version })), ['commune_id:required']);
  assert.deepEqual(await read(), s, 'still a draft');
  assert.equal(status(), 'draft');
  assert.equal(audited('team_grading.finalise'), finalsAudited);

  // One "xuất sắc" lowered to "tốt": one of seven is within 20%; final.
  s = await graded(demo[1].member_id, 'good');
  assert.deepEqual([s.excellent, s.good, s.max_excellent, s.quota_ok], [1, 5, 1, true]);
  const final = await finalise(s.version);
  assert.equal(final.status, 200, final.text);
  sameNumbers(final.data);
  assert.equal(final.data.status, 'final');
  assert.ok(final.data.version > s.version);
  assert.deepEqual({ ...final.data, status: 'draft', version: s.version }, s, 'the same grades');
  assert.equal(status(), 'final');
  assert.equal(audited('team_grading.finalise'), finalsAudited + 1);
  assert.deepEqual(lastDetail('team_grading.finalise'), { year, excellent: 1, good: 5, complete: s.complete, incomplete: 0 });
  assert.equal((await finalise(final.data.version)).status, 409, 'final already');

  // A final year takes no grade.
  for (const value of ['excellent', '']) {
    const refused = await grade(demo[2].member_id, value);
    assert.equal(refused.status, 409, refused.text);
    assert.equal(refused.data.type, '/problems/conflict');
  }
  assert.deepEqual(await read(), final.data, 'nothing written');

  // Reopened with a reason (kept in the audit log), a draft again.
  const reopensAudited = audited('team_grading.reopen');
  const noReason = await reopen({ version: final.data.version });
  assert.equal(noReason.status, 422, noReason.text);
  assert.deepEqual(fieldsOf(noReason), ['reason:required']);
  assert.deepEqual(fieldsOf(await reopen({ reason: '   ', version: final.data.version })), ['reason:required']);
  assert.deepEqual(fieldsOf(await reopen({ reason: 'x'.repeat(501), version: final.data.version })), ['reason:too_long']);
  assert.equal((await reopen({ reason: 'Sửa', version: final.data.version - 1 })).status, 409, 'a stale version');
  assert.equal(status(), 'final');
  assert.equal(audited('team_grading.reopen'), reopensAudited);
  const reason = 'Xếp loại lại theo kết luận kiểm tra của Công an tỉnh';
  const reopened = await reopen({ reason, version: final.data.version });
  assert.equal(reopened.status, 200, reopened.text);
  assert.deepEqual([reopened.data.status, reopened.data.reopen_reason], ['draft', reason]);
  assert.ok(reopened.data.version > final.data.version);
  assert.equal(status(), 'draft');
  assert.equal(audited('team_grading.reopen'), reopensAudited + 1);
  assert.equal(sql(srv, `SELECT reason FROM audit_log WHERE action = 'team_grading.reopen' AND entity_id = '${commune}' ORDER BY id DESC LIMIT 1`),
    reason);
  assert.deepEqual(lastDetail('team_grading.reopen'), { year });
  assert.equal((await reopen({ reason, version: reopened.data.version })).status, 409, 'a draft is not reopened');
  s = await graded(onTime.id, '');
  assert.equal(s.ungraded, 1, 'a grade cleared again');
  assert.equal(lastDetail('team_member.grade').grade, '');

  // Reviewers and administrators read and grade nothing; the village's team member and
  // auditors see none; another commune's officer finds none.
  const reviewer = who['reviewer.tuyenquang'];
  assert.deepEqual(await read(reviewer), s);
  assert.deepEqual(await read(who.admin), s);
  const villager = who['team.khuondien'];
  const stranger = who['officer.kienthiet'];
  for (const client of [reviewer, who.admin, villager, who.auditor]) {
    assert.equal((await grade(demo[2].member_id, 'excellent', {}, client)).status, 403);
    assert.equal((await finalise(s.version, client)).status, 403);
    assert.equal((await reopen({ reason, version: s.version }, client)).status, 403);
  }
  assert.equal((await villager.get(gradingUrl)).status, 403);
  assert.equal((await who.auditor.get(gradingUrl)).status, 403);
  assert.equal((await stranger.get(gradingUrl)).status, 404);
  assert.equal((await grade(demo[2].member_id, 'excellent', {}, stranger)).status, 404);
  assert.equal((await finalise(s.version, stranger)).status, 404);
  assert.equal((await reopen({ reason, version: s.version }, stranger)).status, 404);
  const forged = await officer.put(gradeUrl(demo[2].member_id), { year, grade: 'excellent' }, { csrf: false });
  assert.equal(forged.status, 403);
  assert.equal(forged.data.type, '/problems/csrf-failed');
  assert.equal((await fetch(`${srv.url}${gradingUrl}`)).status, 401);
  assert.deepEqual(await read(), s, 'nothing written');
}

test('a grading that breaks the quota: a draft shows it, finalising refuses it until lowered; a final year takes no grade until reopened with a reason; who may read and grade', async () => {
  const g = await gradingServer(server);
  try {
    const who = g.own ? {} : people;
    if (g.own) await signInPeople(g.server.url, who);
    await grading(g.server, who, g.own ? await unitIds(g.server.url) : ids, g.year);
  } finally {
    if (g.own) await g.server.close();
  }
});
