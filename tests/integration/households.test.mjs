// Households over HTTP on the demo (issue 11): registering and changing them with a stale
// edit refused, strict parameters, the phone (consent first, checked as people type it,
// read by officers with a reason, never in any other answer nor in the audit log), the
// consent withdrawn, a registration tick sent twice and stored once (offline rule, D4),
// the dates a tick may carry, the share per village, who may do what, and the commune's
// sheet (CSV or .xlsx) in and out, over HTTP and with `antq community`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { start, signInPeople, unitIds, sql, assertNoMarkers, vnDay, fieldsOf, auditEntries } from './lib.mjs';

let server;
let ids;
const people = {};
const BASE = '/api/v1/community';

// Vietnam's calendar day `days` from today, and the registration year a day falls in
// (1 November of the year before to 31 October).
const registrationYearOf = (day) => Number(day.slice(0, 4)) + (Number(day.slice(5, 7)) >= 11 ? 1 : 0);
const TODAY = vnDay();
const YEAR = registrationYearOf(TODAY);

const consent = () => ({ on: TODAY, channel: 'paper', text_version: 'ho-gia-dinh-1' });
const household = (over = {}) => ({
  village_id: ids['DEMO-KQ-KHUONDIEN'], head_name: 'Hoàng Văn Thắng', address: 'Xóm Đình, thôn Khuôn Điển', members: 4, ...over,
});
const tick = (over = {}) => ({ registered_on: TODAY, signed: true, note: '', base_version: 0, ...over });
const householdCount = () => Number(sql(server, 'SELECT COUNT(*) FROM households'));
const auditCount = (action) => auditEntries(server, action);

async function created(client, over = {}) {
  const r = await client.post(`${BASE}/households`, household(over));
  assert.equal(r.status, 201, r.text);
  return r.data;
}

before(async () => {
  server = await start();
  ids = await unitIds(server.url);
  await signInPeople(server.url, people);
});
after(async () => server?.close());

test('an officer adds a household, finds it without accents, changes it; a stale edit is refused', async () => {
  const officer = people['officer.tantrao'];
  const audited = auditCount('household.create');
  const r = await officer.post(`${BASE}/households`, household({ head_name: 'Hoàng Văn Thắng' }));
  assert.equal(r.status, 201, r.text);
  const made = r.data;
  assert.match(made.code, /^02545-HO-\d+$/);
  assert.equal(made.village_name, 'Khuôn Điển');
  assert.equal(made.members, 4);
  assert.equal(made.has_phone, false);
  assert.equal(made.consent, null);
  assert.equal(made.registration, null);
  assert.equal(made.version, 1);
  assert.ok(!('phone' in made), 'no phone member in a household');
  assert.equal(auditCount('household.create'), audited + 1);

  const found = await officer.get(`${BASE}/households?q=${encodeURIComponent('hoang van thang')}`);
  assert.equal(found.status, 200, found.text);
  assert.ok(found.data.items.some((h) => h.id === made.id), 'found without accents');
  const inVillage = await officer.get(`${BASE}/households?unit_id=${ids['DEMO-KQ-KHUONDIEN']}&page_size=500`);
  assert.ok(inVillage.data.items.some((h) => h.id === made.id));
  assert.ok(inVillage.data.items.every((h) => h.village_id === ids['DEMO-KQ-KHUONDIEN']));

  const detail = await officer.get(`${BASE}/households/${made.id}`);
  assert.equal(detail.status, 200);
  assert.equal(detail.data.code, made.code);
  assert.deepEqual(detail.data.registrations, []);

  const changed = await officer.put(`${BASE}/households/${made.id}`, {
    ...household({ address: 'Số 12, xóm Đình', members: 5 }), version: made.version,
  });
  assert.equal(changed.status, 200, changed.text);
  assert.equal(changed.data.address, 'Số 12, xóm Đình');
  assert.equal(changed.data.version, made.version + 1);
  const stale = await officer.put(`${BASE}/households/${made.id}`, { ...household({ members: 6 }), version: made.version });
  assert.equal(stale.status, 409, stale.text);
  assert.equal(stale.data.type, '/problems/conflict');
  assert.equal((await officer.get(`${BASE}/households/${made.id}`)).data.members, 5, 'nothing written');
  const detailText = sql(server, `SELECT detail FROM audit_log WHERE action = 'household.update' AND entity_id = '${made.id}'`);
  assert.match(detailText, /address/);
  assert.ok(!detailText.includes('Số 12'), `field names only: ${detailText}`);
  assert.deepEqual(fieldsOf(await officer.put(`${BASE}/households/${made.id}`, household())), ['version:required']);

  const backwards = await officer.post(`${BASE}/households`, household({ since_on: vnDay(-1), left_on: vnDay(-2) }));
  assert.deepEqual(fieldsOf(backwards), ['left_on:before_since']);
  assert.deepEqual(fieldsOf(await officer.post(`${BASE}/households`, household({ since_on: vnDay(1) }))), ['since_on:in_future']);
  // A household that has left is out of the list unless asked for.
  const left = await created(officer, { head_name: 'Triệu Văn Đi', since_on: vnDay(-400), left_on: vnDay(-1) });
  const present = await officer.get(`${BASE}/households?q=trieu%20van%20di`);
  assert.ok(!present.data.items.some((h) => h.id === left.id));
  const all = await officer.get(`${BASE}/households?q=trieu%20van%20di&include_left=1`);
  assert.ok(all.data.items.some((h) => h.id === left.id && h.left_on === vnDay(-1)));
});

test('integers, flags and years are read strictly, each bad one named', async () => {
  const officer = people['officer.tantrao'];
  const count = householdCount();
  assert.deepEqual(fieldsOf(await officer.post(`${BASE}/households`, household({ members: '4' }))), ['members:wrong_type']);
  assert.deepEqual(fieldsOf(await officer.post(`${BASE}/households`, household({ members: 0 }))), ['members:out_of_range']);
  assert.deepEqual(fieldsOf(await officer.post(`${BASE}/households`, household({ members: 2.5 }))), ['members:wrong_type']);
  assert.deepEqual(fieldsOf(await officer.post(`${BASE}/households`, household({ village_id: 'Khuôn Điển' }))), ['village_id:wrong_type']);
  assert.deepEqual(fieldsOf(await officer.post(`${BASE}/households`, household({ consent: 'có' }))), ['consent:wrong_type']);
  assert.deepEqual(fieldsOf(await officer.post(`${BASE}/households`, household({ consent: { ...consent(), on: 20261120 } }))),
    ['consent.on:wrong_type']);
  assert.equal(householdCount(), count, 'nothing written');
  assert.deepEqual(fieldsOf(await officer.get(`${BASE}/households?registered=yes`)), ['registered:unknown_value']);
  assert.deepEqual(fieldsOf(await officer.get(`${BASE}/households?include_left=true`)), ['include_left:unknown_value']);
  assert.deepEqual(fieldsOf(await officer.get(`${BASE}/households?year=1999`)), ['year:out_of_range']);
  assert.deepEqual(fieldsOf(await officer.get(`${BASE}/households?year=2027a`)), ['year:invalid_format']);
  assert.deepEqual(fieldsOf(await officer.get(`${BASE}/households?unit_id=-3`)), ['unit_id:invalid_format']);
  assert.deepEqual(fieldsOf(await officer.get(`${BASE}/registrations?year=2101`)), ['year:out_of_range']);
  assert.equal((await officer.get(`${BASE}/households/abc`)).status, 404);
});

test('a phone needs a consent, is checked as people type it, and only officers read it, with a reason', async () => {
  const officer = people['officer.tantrao'];
  const digits = '386527194';  // as stored it would be +84386527194: it must appear in no answer, log or file
  const count = householdCount();
  const noConsent = await officer.post(`${BASE}/households`, household({ phone: '0386 527 194' }));
  assert.equal(noConsent.status, 422, noConsent.text);
  assert.deepEqual(noConsent.data.errors.map((e) => e.code), ['consent_required'], noConsent.text);
  assert.match(noConsent.data.errors[0].message, /đồng ý/);
  for (const [typed, code] of [['0912 345 67', 'invalid_length'], ['113', 'short_number'], ['09l2345678', 'invalid_characters'],
    ['+1 202 555 0100', 'not_vietnamese'], ['04 3826 1234', 'old_area_code'], ['0112 345 678', 'unknown_prefix']]) {
    const bad = await officer.post(`${BASE}/households`, household({ phone: typed, consent: consent() }));
    assert.equal(bad.status, 422, `${typed}: ${bad.text}`);
    assert.deepEqual(fieldsOf(bad), [`phone:${code}`], typed);
    assert.ok(!bad.data.errors[0].message.startsWith('field_error.'), `a Vietnamese message: ${bad.data.errors[0].message}`);
  }
  assert.equal(householdCount(), count, 'nothing written');

  const made = await officer.post(`${BASE}/households`, household({ head_name: 'Lục Thị Hoa', phone: '0386 527 194', consent: consent() }));
  assert.equal(made.status, 201, made.text);
  assert.equal(made.data.has_phone, true);
  assert.deepEqual(made.data.consent, consent());
  const id = made.data.id;
  const url = `${BASE}/households/${id}/phone`;
  for (const r of [made, await officer.get(`${BASE}/households/${id}`), await officer.get(`${BASE}/households?q=luc%20thi%20hoa`),
    await people['reviewer.tuyenquang'].get(`${BASE}/households/${id}`), await people['team.khuondien'].get(`${BASE}/households/${id}`)]) {
    assert.ok([200, 201].includes(r.status), r.text);
    assert.ok(!r.text.includes(digits), `no phone in ${r.text}`);
  }
  assert.equal((await people['reviewer.tuyenquang'].get(`${BASE}/households/${id}`)).data.has_phone, true, 'reviewers see there is one');

  assert.deepEqual(fieldsOf(await officer.get(url)), ['reason:required']);
  const read = await officer.get(`${url}?reason=${encodeURIComponent('Mời chủ hộ họp tổ liên gia')}`);
  assert.equal(read.status, 200, read.text);
  assert.deepEqual(read.data, { phone: '+84386527194' });
  assert.equal(read.headers.get('cache-control'), 'no-store');
  for (const name of ['team.khuondien', 'reviewer.tuyenquang', 'admin', 'auditor']) {
    assert.equal((await people[name].get(`${url}?reason=x`)).status, 403, name);
  }
  assert.equal((await people['officer.kienthiet'].get(`${url}?reason=x`)).status, 404);

  // A change without `phone` keeps it; the consent withdrawn erases it.
  const kept = await officer.put(`${BASE}/households/${id}`, { ...household({ head_name: 'Lục Thị Hoa', members: 3 }), version: made.data.version });
  assert.equal(kept.status, 200, kept.text);
  assert.equal(kept.data.has_phone, true);
  const withdrawn = await officer.post(`${BASE}/households/${id}/withdraw-consent`);
  assert.equal(withdrawn.status, 200, withdrawn.text);
  assert.equal(withdrawn.data.has_phone, false);
  assert.equal(withdrawn.data.consent, null);
  assert.equal((await officer.get(`${url}?reason=${encodeURIComponent('Kiểm tra sau khi rút đồng ý')}`)).data.phone, '');
  assert.equal((await officer.get(`${BASE}/households/${id}`)).status, 200, 'the household stays');

  const audit = await people.auditor.get('/api/v1/audit?action=household&page_size=200');
  assert.equal(audit.status, 200, audit.text);
  const reads = audit.data.items.filter((e) => e.action === 'household.phone_read' && e.entity_id === String(id));
  assert.ok(reads.some((e) => e.reason === 'Mời chủ hộ họp tổ liên gia'), JSON.stringify(reads));
  assert.ok(audit.data.items.some((e) => e.action === 'household.consent_withdrawn' && e.entity_id === String(id)));
  assert.ok(!JSON.stringify(audit.data).includes(digits), 'no phone digits in the audit log');
  assertNoMarkers(server, [digits]);
});

test('a registration sent twice is stored once; a change on the stored version is kept; a stale one is refused', async () => {
  const team = people['team.khuondien'];
  const made = await created(team, { head_name: 'Ma Văn Tích' });
  const url = `${BASE}/households/${made.id}/registrations/${YEAR}`;
  const stored = () => sql(server, `SELECT COUNT(*), MAX(version), MAX(note) FROM household_registrations WHERE household_id = ${made.id}`);
  const audited = auditCount('household.registration');
  const first = tick({ device_at: Date.now() - 3600e3 });

  const inserted = await team.put(url, first);
  assert.equal(inserted.status, 201, inserted.text);
  assert.equal(inserted.data.outcome, 'inserted');
  assert.deepEqual(inserted.data.registration, { year: YEAR, registered_on: TODAY, signed: true, note: '', version: 1 });
  const again = await team.put(url, first);
  assert.equal(again.status, 200, again.text);
  assert.equal(again.data.outcome, 'replayed');
  assert.equal(again.data.registration.version, 1);
  assert.equal(stored(), '1|1|', 'sent twice, stored once');
  assert.equal(auditCount('household.registration'), audited + 1, 'a replay writes nothing');

  const updated = await team.put(url, tick({ signed: false, note: 'Ký lại', base_version: 1 }));
  assert.equal(updated.status, 200, updated.text);
  assert.equal(updated.data.outcome, 'updated');
  assert.equal(updated.data.registration.version, 2);
  const stale = await people['officer.tantrao'].put(url, tick({ note: 'Bản trên máy khác', base_version: 1 }));
  assert.equal(stale.status, 409, stale.text);
  assert.equal(stale.data.type, '/problems/conflict');
  assert.equal(stored(), '1|2|Ký lại', 'nothing overwritten');
  const gone = await team.put(`${BASE}/households/${made.id}/registrations/${YEAR - 1}`, tick({ registered_on: `${YEAR - 1}-10-31`, base_version: 3 }));
  assert.equal(gone.status, 409, `a base version with nothing stored: ${gone.text}`);

  const detail = await team.get(`${BASE}/households/${made.id}`);
  assert.deepEqual(detail.data.registration, { year: YEAR, registered_on: TODAY, signed: false, note: 'Ký lại', version: 2 });
  assert.deepEqual(detail.data.registrations.map((r) => r.year), [YEAR]);
  const registered = await team.get(`${BASE}/households?year=${YEAR}&registered=1&page_size=500`);
  assert.ok(registered.data.items.some((h) => h.id === made.id && h.registration.version === 2));
  const notYet = await team.get(`${BASE}/households?year=${YEAR}&registered=0&page_size=500`);
  assert.ok(!notYet.data.items.some((h) => h.id === made.id));
});

test('a registration is dated within its year and not in the future; bad ticks are named', async () => {
  const officer = people['officer.tantrao'];
  const made = await created(officer, { head_name: 'Hà Thị Ngày' });
  const put = (year, body) => officer.put(`${BASE}/households/${made.id}/registrations/${year}`, body);
  const tomorrow = vnDay(1);
  const future = await put(registrationYearOf(tomorrow), tick({ registered_on: tomorrow }));
  assert.equal(future.status, 422, future.text);
  assert.deepEqual(fieldsOf(future), ['registered_on:in_future']);
  const outside = await put(YEAR, tick({ registered_on: `${YEAR - 1}-10-31` }));
  assert.equal(outside.status, 422, outside.text);
  assert.deepEqual(fieldsOf(outside), ['registered_on:outside_year']);
  assert.deepEqual(fieldsOf(await put(YEAR, { registered_on: TODAY })), ['base_version:required']);
  assert.deepEqual(fieldsOf(await put(YEAR, tick({ signed: 'có' }))), ['signed:wrong_type']);
  assert.deepEqual(fieldsOf(await put(YEAR, tick({ base_version: -1 }))), ['base_version:out_of_range']);
  assert.deepEqual(fieldsOf(await put(YEAR, tick({ device_at: '2026-12-01' }))), ['device_at:wrong_type']);
  assert.deepEqual(fieldsOf(await put(YEAR, tick({ registered_on: '' }))), ['registered_on:required']);
  assert.deepEqual(fieldsOf(await put(1999, tick())), ['year:out_of_range']);
  assert.equal((await put('nam-nay', tick())).status, 404);
  assert.equal(Number(sql(server, `SELECT COUNT(*) FROM household_registrations WHERE household_id = ${made.id}`)), 0);
  const firstDay = await put(YEAR, tick({ registered_on: `${YEAR - 1}-11-01` }));
  assert.equal(firstDay.status, 201, `the year's first day counts: ${firstDay.text}`);
});

test('the share registered per village names the households still missing', async () => {
  const officer = people['officer.tantrao'];
  const village = ids['DEMO-KQ-DONGVAI'];
  // Measured against what the village holds already (the demo's households, if any).
  const before = (await officer.get(`${BASE}/registrations?unit_id=${village}&year=${YEAR}`)).data.villages[0];
  const done = await created(officer, { village_id: village, head_name: 'Nông Văn Đủ', address: 'Đồng Vải' });
  const missing = await created(officer, { village_id: village, head_name: 'Nông Thị Thiếu', address: 'Đồng Vải' });
  const put = await officer.put(`${BASE}/households/${done.id}/registrations/${YEAR}`, tick());
  assert.equal(put.status, 201, put.text);
  const households = before.households + 2;
  const registered = before.registered + 1;
  const share = registered / households;
  const near = (a, b, what) => assert.ok(Math.abs(a - b) < 1e-4, `${what}: ${a} ≠ ${b}`);

  const r = await officer.get(`${BASE}/registrations?unit_id=${village}&year=${YEAR}`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.year, YEAR);
  assert.equal(r.data.day, TODAY, 'a year still running is measured today');
  assert.equal(r.data.villages.length, 1);
  const row = r.data.villages[0];
  assert.equal(row.village_id, village);
  assert.equal(row.households, households);
  assert.equal(row.registered, registered);
  near(row.share, share, 'share');
  assert.deepEqual(row.missing.map((h) => h.id).sort(), [...before.missing.map((h) => h.id), missing.id].sort());
  assert.equal(row.missing.find((h) => h.id === missing.id).head_name, 'Nông Thị Thiếu');
  assert.ok(!row.missing.some((h) => h.id === done.id));
  assert.deepEqual([r.data.households, r.data.registered, r.data.missing_truncated], [households, registered, false]);
  near(r.data.share, share, 'total share');

  const commune = await officer.get(`${BASE}/registrations?unit_id=${ids['02545']}&year=${YEAR}`);
  assert.equal(commune.status, 200, commune.text);
  const same = commune.data.villages.find((v) => v.village_id === village);
  assert.deepEqual([same.households, same.registered, same.share], [row.households, row.registered, row.share]);
  const reviewer = await people['reviewer.tuyenquang'].get(`${BASE}/registrations?unit_id=${village}&year=${YEAR}`);
  assert.equal(reviewer.status, 200, reviewer.text);
  assert.equal(reviewer.data.villages[0].share, row.share);
  assert.equal((await people.auditor.get(`${BASE}/registrations?year=${YEAR}`)).status, 403);
  // The team of Khuôn Điển sees its own village only.
  const team = await people['team.khuondien'].get(`${BASE}/registrations?year=${YEAR}`);
  assert.equal(team.status, 200, team.text);
  assert.ok(team.data.villages.every((v) => v.village_name === 'Khuôn Điển'), JSON.stringify(team.data.villages));
  const elsewhere = await people['team.khuondien'].get(`${BASE}/registrations?unit_id=${village}&year=${YEAR}`);
  assert.equal(elsewhere.status, 404, `another village: ${elsewhere.text}`);
  assert.equal((await people['team.khuondien'].get(`${BASE}/households?unit_id=${village}`)).status, 404);
});

test('a team member keeps the households of their village only; reviewers read; auditors see none', async () => {
  const officer = people['officer.tantrao'];
  const team = people['team.khuondien'];
  const neighbour = await created(officer, { village_id: ids['DEMO-KQ-LANGHAN'], head_name: 'Đàm Văn Hản', address: 'Làng Hản' });
  const url = `${BASE}/households/${neighbour.id}`;
  assert.equal((await team.get(url)).status, 404);
  assert.equal((await team.put(url, { ...household(), version: neighbour.version })).status, 404);
  assert.equal((await team.put(`${url}/registrations/${YEAR}`, tick())).status, 404);
  assert.equal((await team.post(`${url}/withdraw-consent`)).status, 404);
  const list = await team.get(`${BASE}/households?page_size=500`);
  assert.ok(!list.data.items.some((h) => h.id === neighbour.id));
  assert.ok(list.data.items.every((h) => h.village_id === ids['DEMO-KQ-KHUONDIEN']));
  const there = await team.post(`${BASE}/households`, household({ village_id: ids['DEMO-KQ-LANGHAN'] }));
  assert.equal(there.status, 422, there.text);
  assert.deepEqual(fieldsOf(there), ['village_id:not_found']);

  const own = await created(team, { head_name: 'Hoàng Thị Nhà' });
  assert.equal(own.village_name, 'Khuôn Điển');
  const changed = await team.put(`${BASE}/households/${own.id}`, { ...household({ head_name: 'Hoàng Thị Nhà', members: 2 }), version: own.version });
  assert.equal(changed.status, 200, changed.text);

  const reviewer = people['reviewer.tuyenquang'];
  assert.equal((await reviewer.get(url)).status, 200);
  assert.ok((await reviewer.get(`${BASE}/households?page_size=500`)).data.items.some((h) => h.id === neighbour.id));
  assert.equal((await reviewer.post(`${BASE}/households`, household())).status, 403);
  assert.equal((await reviewer.put(url, { ...household(), version: neighbour.version })).status, 403);
  assert.equal((await reviewer.put(`${url}/registrations/${YEAR}`, tick())).status, 403);
  assert.equal((await people['officer.kienthiet'].get(url)).status, 404);
  assert.ok(!(await people['officer.kienthiet'].get(`${BASE}/households?page_size=500`)).data.items.some((h) => h.id === neighbour.id));
  for (const path of [`${BASE}/households`, url, `${BASE}/registrations`]) {
    assert.equal((await people.auditor.get(path)).status, 403, path);
  }
  const anonymous = await fetch(`${server.url}${BASE}/households`);
  assert.equal(anonymous.status, 401);
});

// The commune's sheet as officers keep it: a title row, `;`, Vietnamese headers, d/m/yyyy.
const BAD_SHEET = fileURLToPath(new URL('../data/community/households-bad.csv', import.meta.url));
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const dmy = (day) => day.split('-').reverse().join('/');
const HEADER = 'STT;Thôn/Tổ dân phố;Họ tên chủ hộ;Địa chỉ;Số nhân khẩu;Số điện thoại;Ngày đồng ý;Đăng ký xây dựng KDC an toàn;Ngày đăng ký;Đã ký cam kết;Năm;Ghi chú';
const sheet = (rows) => ['DANH SÁCH HỘ GIA ĐÌNH XÃ TÂN TRÀO;;;;;;;;;;;', HEADER, ...rows].join('\r\n') + '\r\n';
const GOOD_ROWS = [
  `1;Khuôn Điển;Sầm Văn Nhập;Xóm Nhập;5;0915 246 813;${dmy(TODAY)};có;${dmy(TODAY)};x;${YEAR};Nhập từ bảng`,
  `2;Làng Hản;Quan Thị Bảng;Xóm Bảng;3;;;không;;;${YEAR};`,
];
const lineErrors = (r) => (r.data?.errors ?? []).map((e) => `${e.line} ${e.field}:${e.code}`).sort();
const postSheet = (client, body, query = '', type = 'text/csv') =>
  client.request('POST', `${BASE}/households/import?unit_id=${ids['02545']}${query}`, { body, headers: { 'content-type': type } });

test('a bad sheet names each bad row by its line and writes nothing', async () => {
  const officer = people['officer.tantrao'];
  const count = householdCount();
  const audited = auditCount('household.import');
  const bad = await postSheet(officer, readFileSync(BAD_SHEET));
  assert.equal(bad.status, 422, bad.text);
  assert.equal(bad.data.type, '/problems/csv-invalid');
  assert.deepEqual(lineErrors(bad), ['5 village:not_found', '6 members:out_of_range', '7 phone:invalid_length', '8 registered_on:outside_year']);
  for (const e of bad.data.errors) assert.ok(!e.message.startsWith('field_error.'), `a Vietnamese message: ${e.message}`);
  assert.equal(householdCount(), count, 'nothing written');
  assert.equal(auditCount('household.import'), audited);

  // The sheet's requests themselves: the commune, the content type.
  const good = sheet(GOOD_ROWS);
  const noUnit = await officer.request('POST', `${BASE}/households/import`, { body: good, headers: { 'content-type': 'text/csv' } });
  assert.deepEqual(fieldsOf(noUnit), ['unit_id:required']);
  const village = await officer.request('POST', `${BASE}/households/import?unit_id=${ids['DEMO-KQ-KHUONDIEN']}`, {
    body: good, headers: { 'content-type': 'text/csv' },
  });
  assert.deepEqual(fieldsOf(village), ['unit_id:not_found'], 'a sheet is a commune\'s');
  assert.deepEqual(fieldsOf(await officer.request('POST', `${BASE}/households/import?unit_id=${ids['DEMO-KIENTHIET']}`, {
    body: good, headers: { 'content-type': 'text/csv' },
  })), ['unit_id:not_found'], 'another commune');
  assert.equal((await postSheet(officer, JSON.stringify({ rows: [] }), '', 'application/json')).status, 415);
  const noHeader = await postSheet(officer, 'Họ tên;Thôn\r\nA;B\r\n');
  assert.equal(noHeader.status, 422, noHeader.text);
  assert.ok(noHeader.data.errors.every((e) => e.line >= 1 && !e.message.startsWith('field_error.')), noHeader.text);
  const broken = await postSheet(officer, Buffer.from('PK\x03\x04hỏng'), '', XLSX);
  assert.equal(broken.status, 422, broken.text);
  assert.equal(broken.data.errors[0].code, 'xlsx_invalid');
  assert.equal(householdCount(), count, 'nothing written');
});

test('a good sheet: a dry run counts, the import writes the households and their registration once', async () => {
  const officer = people['officer.tantrao'];
  const count = householdCount();
  const audited = auditCount('household.import');
  const good = sheet(GOOD_ROWS);
  const dry = await postSheet(officer, good, '&dry_run=1');
  assert.equal(dry.status, 200, dry.text);
  assert.deepEqual(dry.data, { created: 2, updated: 0, unchanged: 0, registrations: 1, dry_run: true, encoding: 'UTF-8' });
  assert.equal(householdCount(), count, 'a dry run writes nothing');
  assert.equal(auditCount('household.import'), audited);

  const done = await postSheet(officer, good);
  assert.equal(done.status, 200, done.text);
  assert.deepEqual(done.data, { created: 2, updated: 0, unchanged: 0, registrations: 1, dry_run: false, encoding: 'UTF-8' });
  assert.equal(householdCount(), count + 2);
  assert.equal(auditCount('household.import'), audited + 1);
  const nhap = (await officer.get(`${BASE}/households?q=${encodeURIComponent('sam van nhap')}`)).data.items;
  assert.equal(nhap.length, 1, JSON.stringify(nhap));
  assert.match(nhap[0].code, /^02545-HO-\d+$/);
  assert.equal(nhap[0].village_name, 'Khuôn Điển');
  assert.equal(nhap[0].members, 5);
  assert.equal(nhap[0].has_phone, true);
  assert.equal(nhap[0].note, 'Nhập từ bảng');
  assert.deepEqual(nhap[0].consent, { on: TODAY, channel: 'paper', text_version: '' });
  assert.equal(nhap[0].registration_year, YEAR);
  assert.deepEqual(nhap[0].registration, { year: YEAR, registered_on: TODAY, signed: true, note: '', version: 1 });
  const bang = (await officer.get(`${BASE}/households?unit_id=${ids['DEMO-KQ-LANGHAN']}&q=${encodeURIComponent('quan thi bang')}`)).data.items;
  assert.equal(bang.length, 1, JSON.stringify(bang));
  assert.equal(bang[0].registration, null);
  assert.equal(bang[0].has_phone, false);
  const detail = sql(server, "SELECT detail FROM audit_log WHERE action = 'household.import' ORDER BY id DESC LIMIT 1");
  assert.ok(!/0915|246 ?813/.test(detail), `no phone in the audit entry: ${detail}`);

  // The same sheet again: each row is found by its village, head and address; nothing changes.
  const again = await postSheet(officer, good);
  assert.deepEqual(again.data, { created: 0, updated: 0, unchanged: 2, registrations: 0, dry_run: false, encoding: 'UTF-8' });
  assert.equal(householdCount(), count + 2);
  // A row naming its code updates that household; the same household twice is refused.
  const code = nhap[0].code;
  const changed = await postSheet(officer, sheet([`1;Khuôn Điển;Sầm Văn Nhập;Xóm Nhập;6;;;có;${dmy(TODAY)};x;${YEAR};Nhập từ bảng`]));
  assert.deepEqual(changed.data, { created: 0, updated: 1, unchanged: 0, registrations: 0, dry_run: false, encoding: 'UTF-8' });
  const withCode = (rows) => ['STT;Mã hộ;Thôn/Tổ dân phố;Họ tên chủ hộ;Địa chỉ', ...rows].join('\r\n');
  const twice = await postSheet(officer, withCode([`1;${code};Khuôn Điển;Sầm Văn Nhập;Xóm Nhập`, `2;${code};Khuôn Điển;Sầm Văn Nhập;Xóm Nhập`]));
  assert.equal(twice.status, 422, twice.text);
  assert.deepEqual(lineErrors(twice), ['3 row:duplicate']);
  const unknown = await postSheet(officer, withCode(['1;02545-HO-99999;Khuôn Điển;Không Có;Xóm']));
  assert.deepEqual(lineErrors(unknown), ['2 code:not_found']);
  const after = (await officer.get(`${BASE}/households?q=${encodeURIComponent('sam van nhap')}`)).data.items[0];
  assert.equal(after.members, 6, 'the row without a phone kept it');
  assert.equal(after.has_phone, true);
});

test('the household JSON says which registration year its registration is about', async () => {
  const officer = people['officer.tantrao'];
  const made = await created(officer, { head_name: 'Vi Văn Năm' });
  assert.equal(made.registration_year, YEAR);
  assert.equal((await officer.get(`${BASE}/households/${made.id}`)).data.registration_year, YEAR);
  const last = await officer.get(`${BASE}/households?q=vi%20van%20nam&year=${YEAR - 1}`);
  assert.deepEqual(last.data.items.map((h) => [h.id, h.registration_year, h.registration]), [[made.id, YEAR - 1, null]]);
});

test('the sheet exports as CSV and .xlsx, imports back unchanged; phones only for officers, with a reason', async () => {
  const officer = people['officer.tantrao'];
  const url = (format, query = '') => `${BASE}/households/export.${format}?unit_id=${ids['02545']}${query}`;
  const csv = await officer.get(url('csv'));
  assert.equal(csv.status, 200, csv.text);
  assert.match(csv.headers.get('content-type'), /^text\/csv/);
  assert.match(csv.headers.get('content-disposition'), /ho-gia-dinh\.csv/);
  assert.equal(csv.headers.get('cache-control'), 'no-store');
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a BOM for Excel');
  const [header, ...rows] = csv.text.trim().split('\r\n');
  assert.match(header, /^STT,Mã hộ,Thôn\/Tổ dân phố,Họ tên chủ hộ,Địa chỉ,Số nhân khẩu,Ngày đồng ý,/);
  assert.ok(!header.includes('Số điện thoại'), 'no phone column unless asked for');
  assert.ok(rows.some((r) => r.includes('Sầm Văn Nhập') && r.includes(dmy(TODAY))), csv.text);
  assert.ok(!/0915|246 ?813/.test(csv.text), 'no phone');
  const present = await officer.get(`${BASE}/households?unit_id=${ids['02545']}&page_size=1`);
  assert.equal(rows.length, present.data.total, 'the households present, every one');

  const count = householdCount();
  const back = await postSheet(officer, csv.bytes);
  assert.equal(back.status, 200, back.text);
  assert.deepEqual(back.data, { created: 0, updated: 0, unchanged: rows.length, registrations: 0, dry_run: false, encoding: 'UTF-8' });
  assert.equal(householdCount(), count);

  const xlsx = await officer.get(url('xlsx'));
  assert.equal(xlsx.status, 200, xlsx.text);
  assert.equal(xlsx.headers.get('content-type'), XLSX);
  assert.match(xlsx.headers.get('content-disposition'), /ho-gia-dinh\.xlsx/);
  assert.equal(xlsx.bytes.subarray(0, 2).toString('latin1'), 'PK');
  const xlsxBack = await postSheet(officer, xlsx.bytes, '&dry_run=1', XLSX);
  assert.equal(xlsxBack.status, 200, xlsxBack.text);
  assert.deepEqual(xlsxBack.data, { created: 0, updated: 0, unchanged: rows.length, registrations: 0, dry_run: true, encoding: 'xlsx' });
  const lastYear = await officer.get(url('csv', `&year=${YEAR - 1}`));
  assert.ok(lastYear.text.trim().split('\r\n').slice(1).every((r) => r.includes(`,${YEAR - 1},`)), lastYear.text);
  assert.deepEqual(fieldsOf(await officer.get(url('csv', '&year=1999'))), ['year:out_of_range']);
  assert.equal((await officer.get(`${BASE}/households/export.csv?unit_id=${ids['DEMO-KIENTHIET']}`)).status, 404);

  // Phones: officers only, with a reason, audited.
  assert.deepEqual(fieldsOf(await officer.get(url('csv', '&phones=1'))), ['reason:required']);
  const audited = auditCount('household.export');
  const reason = 'Mời các hộ họp tổ liên gia';
  const phones = await officer.get(url('csv', `&phones=1&reason=${encodeURIComponent(reason)}`));
  assert.equal(phones.status, 200, phones.text);
  assert.match(phones.text.split('\r\n')[0], /Số điện thoại/);
  assert.ok(phones.text.includes('0915 246 813'), phones.text);
  assert.equal(auditCount('household.export'), audited + 1);
  const audit = await people.auditor.get('/api/v1/audit?action=household.export&page_size=50');
  assert.ok(audit.data.items.some((e) => e.reason === reason), JSON.stringify(audit.data.items));
  // The phone as written or its digits; not any '246', which hashes and times may hold.
  assert.ok(!/0915|246 ?813/.test(JSON.stringify(audit.data)), 'no phone in the audit log');
  const admin = people.admin;
  assert.equal((await admin.get(url('csv', `&phones=1&reason=x`))).status, 403);
  assert.equal((await admin.get(url('xlsx', `&phones=1&reason=x`))).status, 403);
  assert.equal((await admin.get(url('csv'))).status, 200, 'administrators export without phones');
  for (const name of ['team.khuondien', 'reviewer.tuyenquang', 'auditor']) {
    assert.equal((await people[name].get(url('csv'))).status, 403, name);
    assert.equal((await people[name].get(url('xlsx'))).status, 403, name);
  }
});

test('only officers and administrators import; a new phone needs an officer', async () => {
  const count = householdCount();
  const good = sheet(GOOD_ROWS);
  for (const name of ['team.khuondien', 'reviewer.tuyenquang', 'auditor']) {
    assert.equal((await postSheet(people[name], good, '&dry_run=1')).status, 403, name);
  }
  const phone = sheet([`1;Khuôn Điển;Lăng Văn Số;Xóm Số;2;0915 246 814;${dmy(TODAY)};không;;;${YEAR};`]);
  assert.equal((await postSheet(people.admin, phone)).status, 403, 'an administrator\'s sheet with a new phone');
  const none = sheet([`1;Khuôn Điển;Lăng Văn Số;Xóm Số;2;;;không;;;${YEAR};`]);
  const admin = await postSheet(people.admin, none);
  assert.equal(admin.status, 200, admin.text);
  assert.equal(admin.data.created, 1);
  assert.equal(householdCount(), count + 1);
});

test('antq community import-households and export-households on the data directory', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'antq-households-'));
  try {
    const before = householdCount();
    const bad = server.cli(['community', 'import-households', BAD_SHEET, '--commune', '02545']);
    assert.notEqual(bad.status, 0, bad.stdout);
    for (const line of ['5 village', '6 members', '7 phone', '8 registered_on']) assert.match(bad.stderr, new RegExp(`line ${line}: `), bad.stderr);
    assert.equal(householdCount(), before, 'nothing written');
    const count = householdCount();
    const file = join(dir, 'ho-gia-dinh.csv');
    writeFileSync(file, sheet([`1;Làng Hản;Ma Thị Dòng;Xóm Lệnh;4;;;có;${dmy(TODAY)};;${YEAR};`]));
    const dry = server.cli(['community', 'import-households', file, '--commune', '02545', '--dry-run']);
    assert.equal(dry.status, 0, dry.stderr);
    assert.match(dry.stdout, /\b1\b.*\b0\b.*\b1\b.*UTF-8/, dry.stdout);
    assert.equal(householdCount(), count);
    const done = server.cli(['community', 'import-households', file, '--commune', '02545']);
    assert.equal(done.status, 0, done.stderr);
    assert.equal(householdCount(), count + 1);
    assert.equal(Number(sql(server, "SELECT COUNT(*) FROM households WHERE head_name = 'Ma Thị Dòng'")), 1);

    const out = join(dir, 'xa.xlsx');
    const exported = server.cli(['community', 'export-households', out, '--commune', '02545']);
    assert.equal(exported.status, 0, exported.stderr);
    const again = server.cli(['community', 'import-households', out, '--commune', '02545', '--dry-run']);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /^\D*0\D+0\D+0\D*\(xlsx\)/, again.stdout);
    assert.equal((await people['officer.tantrao'].get(`${BASE}/households?q=ma%20thi%20dong`)).data.items.length, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
