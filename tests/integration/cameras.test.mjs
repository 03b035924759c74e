// The camera registry over HTTP on the demo: registering with the location warnings,
// every bad field named with nothing written, who may do what (the authorization
// matrix), status over time, stale edits, and "who could have seen it" with its audit.
import { test, before, after } from 'node:test';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { start, signInPeople, unitIds, sql, assertNoMarkers, convertWithLibreOffice, auditEntries } from './lib.mjs';

const MARKET = { lat: 21.80561, lon: 105.45156 };  // Tân Trào's centre, well inside 02545
let server;
let ids;
const people = {};

// Vietnam's local time `minutes` from now, as a datetime-local field sends it.
const local = (minutes = 0) => new Date(Date.now() + 7 * 3600e3 + minutes * 60e3).toISOString().slice(0, 16);
// A point `metres` north (negative: south) of `p`.
const north = (p, metres) => ({ lat: p.lat + metres / 110574, lon: p.lon });
const camera = (over = {}) => ({
  unit_id: ids['02545'], owner_kind: 'household', place: 'Ngã ba chợ Tân Trào', point: `${MARKET.lat}, ${MARKET.lon}`,
  bearing: 0, fov: 90, range_m: 50, retention_days: 7, storage: 'nvr', funding: 'socialised', sharing: 'on_request',
  installed_on: '2025-01-01', ...over,
});
const cameraCount = () => Number(sql(server, 'SELECT COUNT(*) FROM cameras'));
const auditCount = (action) => auditEntries(server, action);

before(async () => {
  server = await start();
  ids = await unitIds(server.url);
  await signInPeople(server.url, people);
});
after(async () => server?.close());

test('an officer registers a camera: the next code, working since its install date, due again in a year', async () => {
  const officer = people['officer.tantrao'];
  const before = auditCount('camera.create');
  const r = await officer.post('/api/v1/cameras', camera({ place: 'Cổng chợ Tân Trào' }));
  assert.equal(r.status, 201, r.text);
  assert.match(r.data.code, /^02545-CAM-\d{4}$/);
  assert.equal(r.data.unit_name, 'Tân Trào');
  assert.equal(r.data.status, 'working');
  assert.equal(r.data.lat, MARKET.lat);
  const detail = await officer.get(`/api/v1/cameras/${r.data.id}`);
  assert.equal(detail.status, 200);
  assert.equal(detail.data.history.length, 1);
  assert.equal(detail.data.history[0].since, '2024-12-31T17:00:00.000Z', 'midnight of the install date in Vietnam');
  assert.equal(detail.data.reconfirm_due.slice(0, 4), String(new Date().getUTCFullYear() + 1).slice(0, 4));
  assert.equal(auditCount('camera.create'), before + 1);
  const found = await officer.get('/api/v1/cameras?q=cong%20cho');
  assert.ok(found.data.items.some((c) => c.id === r.data.id), 'found without accents');
});

test('every bad field is named and nothing is written; the location warnings wait for a confirmation', async () => {
  const officer = people['officer.tantrao'];
  const count = cameraCount();
  const bad = await officer.post('/api/v1/cameras', camera({ bearing: 360, fov: 0, range_m: 0, sharing: 'sometimes' }));
  assert.equal(bad.status, 422);
  const fields = bad.data.errors.map((e) => `${e.field}:${e.code}`);
  assert.deepEqual(fields.sort(), ['bearing:out_of_range', 'fov:out_of_range', 'range_m:out_of_range', 'sharing:unknown_value']);
  const swapped = await officer.post('/api/v1/cameras', camera({ point: `${MARKET.lon}, ${MARKET.lat}` }));
  assert.deepEqual(swapped.data.errors.map((e) => `${e.field}:${e.code}`), ['point:swapped']);
  const abroad = await officer.post('/api/v1/cameras', camera({ point: '10.5, 99.9' }));
  assert.deepEqual(abroad.data.errors.map((e) => `${e.field}:${e.code}`), ['point:outside_vietnam']);
  // Tuyên Quang's provincial town, 25 km west: another commune's point.
  const town = { lat: 21.8236, lon: 105.2136 };
  const elsewhere = await officer.post('/api/v1/cameras', camera({ point: `${town.lat}, ${town.lon}` }));
  assert.equal(elsewhere.status, 422);
  assert.equal(elsewhere.data.errors[0].code, 'outside_commune');
  const there = await officer.get(`/api/v1/units/locate?lat=${town.lat}&lon=${town.lon}`);
  assert.ok(elsewhere.data.errors[0].message.endsWith(there.data.commune.name), elsewhere.data.errors[0].message);
  assert.equal(cameraCount(), count, 'nothing written');
  const confirmed = await officer.post('/api/v1/cameras', camera({ point: `${town.lat}, ${town.lon}`, confirm_location: true }));
  assert.equal(confirmed.status, 201, confirmed.text);
});

test('who may do what: officers in their commune, the team in its village, nobody else', async () => {
  const officer = people['officer.tantrao'];
  const village = ids['DEMO-KQ-KHUONDIEN'];
  const inVillage = (await officer.post('/api/v1/cameras', camera({ village_id: village, place: 'Nhà văn hóa thôn' }))).data;
  const commune = (await officer.post('/api/v1/cameras', camera({ place: 'Trụ sở UBND xã' }))).data;
  const idsOf = (r) => r.data.items.map((c) => c.id);

  // Another commune's officer: nothing of Tân Trào exists.
  const other = people['officer.kienthiet'];
  assert.ok(!idsOf(await other.get('/api/v1/cameras?page_size=500')).includes(commune.id));
  assert.equal((await other.get(`/api/v1/cameras/${commune.id}`)).status, 404);
  assert.equal((await other.put(`/api/v1/cameras/${commune.id}`, { ...camera(), version: commune.version })).status, 404);
  assert.equal((await other.post(`/api/v1/cameras/${commune.id}/status`, { status: 'faulty' })).status, 404);
  const otherCreate = await other.post('/api/v1/cameras', camera());
  assert.deepEqual(otherCreate.data.errors.map((e) => `${e.field}:${e.code}`), ['unit_id:not_found']);
  const otherSearch = await other.get(`/api/v1/cameras/search?lat=${MARKET.lat}&lon=${MARKET.lon}&at=${local(-60)}&reason=x&excluded=1`);
  assert.equal(otherSearch.status, 200);
  assert.deepEqual([...otherSearch.data.seen, ...otherSearch.data.excluded], []);

  // The village team: its village's cameras, read and checked; no change, no search.
  const team = people['team.khuondien'];
  assert.deepEqual(idsOf(await team.get('/api/v1/cameras?page_size=500')).includes(inVillage.id), true);
  assert.ok(!idsOf(await team.get('/api/v1/cameras?page_size=500')).includes(commune.id));
  assert.equal((await team.get(`/api/v1/cameras/${inVillage.id}`)).status, 200);
  assert.equal((await team.get(`/api/v1/cameras/${commune.id}`)).status, 404);
  assert.equal((await team.post(`/api/v1/cameras/${inVillage.id}/checks`, { result: 'ok', note: 'Hình rõ' })).status, 201);
  assert.equal((await team.post(`/api/v1/cameras/${commune.id}/checks`, { result: 'ok' })).status, 404);
  assert.equal((await team.post('/api/v1/cameras', camera({ village_id: village }))).status, 403);
  assert.equal((await team.post(`/api/v1/cameras/${inVillage.id}/status`, { status: 'faulty' })).status, 403);
  assert.equal((await team.post(`/api/v1/cameras/${inVillage.id}/reconfirm`)).status, 403);
  assert.equal((await team.get(`/api/v1/cameras/search?lat=${MARKET.lat}&lon=${MARKET.lon}&at=${local(-60)}&reason=x`)).status, 403);

  // The cones of the map: the commune's for its officer, the village's for its team.
  const cones = await officer.get(`/api/v1/cameras/cones?unit_id=${ids['02545']}`);
  assert.equal(cones.status, 200);
  assert.equal(cones.headers.get('content-type'), 'application/geo+json');
  const coneIds = cones.data.features.map((f) => f.properties.id);
  assert.ok(coneIds.includes(commune.id) && coneIds.includes(inVillage.id));
  const cone = cones.data.features.find((f) => f.properties.id === commune.id);
  assert.equal(cone.geometry.type, 'MultiPolygon');
  assert.deepEqual(cone.geometry.coordinates[0][0][0], [MARKET.lon, MARKET.lat], 'the ring starts at the camera');
  assert.equal((await team.get(`/api/v1/cameras/cones?unit_id=${ids['02545']}`)).status, 422, 'the commune is above the team');
  const villageCones = await team.get(`/api/v1/cameras/cones?unit_id=${village}`);
  assert.ok(villageCones.data.features.every((f) => f.properties.village_name === 'Khuôn Điển'));
  assert.ok(villageCones.data.features.some((f) => f.properties.id === inVillage.id));
  assert.equal((await other.get(`/api/v1/cameras/cones?unit_id=${ids['02545']}`)).status, 422);

  // The administrator manages but does not search.
  const admin = people.admin;
  assert.equal((await admin.get(`/api/v1/cameras/${commune.id}`)).status, 200);
  assert.equal((await admin.post(`/api/v1/cameras/${commune.id}/reconfirm`)).status, 200);
  assert.equal((await admin.get(`/api/v1/cameras/search?lat=${MARKET.lat}&lon=${MARKET.lon}&at=${local(-60)}&reason=x`)).status, 403);

  // Reviewers and auditors see no camera.
  for (const name of ['reviewer.tuyenquang', 'auditor']) {
    const c = people[name];
    assert.equal((await c.get('/api/v1/cameras')).status, 403, name);
    assert.equal((await c.get(`/api/v1/cameras/${commune.id}`)).status, 403, name);
    assert.equal((await c.post('/api/v1/cameras', camera())).status, 403, name);
    assert.equal((await c.post(`/api/v1/cameras/${commune.id}/checks`, { result: 'ok' })).status, 403, name);
    assert.equal((await c.get(`/api/v1/cameras/${commune.id}/status-at?at=${local()}`)).status, 403, name);
    assert.equal((await c.get(`/api/v1/cameras/search?lat=${MARKET.lat}&lon=${MARKET.lon}&at=${local(-60)}&reason=x`)).status, 403, name);
  }
});

test('a status change has a past, a stale edit is refused, the audit keeps field names only', async () => {
  const officer = people['officer.tantrao'];
  const made = (await officer.post('/api/v1/cameras', camera({ place: 'Đầu cầu Tân Trào' }))).data;
  const changed = await officer.post(`/api/v1/cameras/${made.id}/status`, { status: 'faulty', since: local(-60), reason: 'Mất nguồn' });
  assert.equal(changed.status, 200, changed.text);
  assert.deepEqual(changed.data.history.map((h) => h.status), ['working', 'faulty']);
  assert.equal((await officer.get(`/api/v1/cameras/${made.id}/status-at?at=${local(-30)}`)).data.status, 'faulty');
  assert.equal((await officer.get(`/api/v1/cameras/${made.id}/status-at?at=${local(-90)}`)).data.status, 'working');
  assert.equal((await officer.get(`/api/v1/cameras/${made.id}/status-at?at=2020-01-01T00:00`)).data.status, null);
  const early = await officer.post(`/api/v1/cameras/${made.id}/status`, { status: 'working', since: local(-120) });
  assert.deepEqual(early.data.errors.map((e) => `${e.field}:${e.code}`), ['since:before_current']);

  const current = (await officer.get(`/api/v1/cameras/${made.id}`)).data;
  const edit = await officer.put(`/api/v1/cameras/${made.id}`, { ...camera({ bearing: 90, place: 'Đầu cầu' }), version: current.version });
  assert.equal(edit.status, 200, edit.text);
  assert.equal(edit.data.bearing, 90);
  const stale = await officer.put(`/api/v1/cameras/${made.id}`, { ...camera(), version: current.version });
  assert.equal(stale.status, 409);
  const detail = sql(server, `SELECT detail FROM audit_log WHERE action = 'camera.update' AND entity_id = '${made.id}'`);
  assert.equal(detail, '{"fields":["place","bearing"]}');
});

test('who could have seen it: the camera facing the point, the one facing away with its reason, audited with why', async () => {
  const officer = people['officer.tantrao'];
  const spot = { lat: 21.7998, lon: 105.4601 };  // a quiet corner of Tân Trào, away from the other tests' cameras
  const facing = (await officer.post('/api/v1/cameras', camera({ point: `${spot.lat}, ${spot.lon}`, bearing: 0 }))).data;
  const away = (await officer.post('/api/v1/cameras', camera({ point: `${spot.lat}, ${spot.lon}`, bearing: 180, place: 'Nhà bên' }))).data;
  const target = north(spot, 20);
  const before = auditCount('camera.search');
  const url = `/api/v1/cameras/search?lat=${target.lat}&lon=${target.lon}&at=${local(-60)}&excluded=1&reason=${encodeURIComponent('Vụ trộm xe máy, tin báo số 12')}`;
  const r = await officer.get(url);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.data.seen.map((s) => s.camera.id), [facing.id]);
  assert.ok(Math.abs(r.data.seen[0].distance_m - 20) < 0.5, `${r.data.seen[0].distance_m} m`);
  assert.equal(r.data.seen[0].status_then, 'working');
  const left = r.data.excluded.find((s) => s.camera.id === away.id);
  assert.deepEqual(left.reasons, ['pointing_away']);
  assert.equal(auditCount('camera.search'), before + 1);
  const reason = sql(server, "SELECT reason FROM audit_log WHERE action = 'camera.search' ORDER BY id DESC LIMIT 1");
  assert.equal(reason, 'Vụ trộm xe máy, tin báo số 12');

  const old = await officer.get(url.replace(/&at=[^&]+/, `&at=${local(-8 * 24 * 60)}`));
  assert.deepEqual(old.data.seen, [], 'footage of 8 days ago is overwritten after 7');
  assert.deepEqual(old.data.excluded.find((s) => s.camera.id === facing.id).reasons, ['overwritten']);

  const bad = await officer.get(`/api/v1/cameras/search?lat=${target.lat}&lon=${target.lon}&at=${local(60)}&radius=2001`);
  assert.equal(bad.status, 422);
  assert.deepEqual(bad.data.errors.map((e) => `${e.field}:${e.code}`).sort(), ['at:in_future', 'radius:out_of_range', 'reason:required']);
  assert.equal(auditCount('camera.search'), before + 2, 'a refused search writes nothing');
});

test("an owner's contact is sealed, read with a reason, and leaves no trace once consent is withdrawn", async () => {
  const officer = people['officer.tantrao'];
  const markers = ['Owner-Marker-Ten', '0987 654 321', 'Address-Marker-Nha'];
  const owner = { name: `Bà ${markers[0]}`, phone: markers[1], address: `Số 9, ${markers[2]}` };
  const made = await officer.post('/api/v1/cameras', camera({ place: 'Nhà bà Marker', owner }));
  assert.equal(made.status, 201, made.text);
  assert.equal((await people.admin.post('/api/v1/cameras', camera({ owner }))).status, 403, 'administrators register no contact');
  const url = `/api/v1/cameras/${made.data.id}/owner`;
  assert.deepEqual((await officer.get(url)).data.errors.map((e) => `${e.field}:${e.code}`), ['reason:required']);
  const read = await officer.get(`${url}?reason=${encodeURIComponent('Xin trích xuất hình ảnh')}`);
  assert.equal(read.status, 200);
  assert.deepEqual(read.data, owner);
  assert.equal(read.headers.get('cache-control'), 'no-store');
  assert.equal((await people.admin.get(`${url}?reason=x`)).status, 403);
  assert.equal((await people['team.khuondien'].get(`${url}?reason=x`)).status, 403);
  assert.equal((await people['officer.kienthiet'].get(`${url}?reason=x`)).status, 404);

  const erased = await officer.request('DELETE', `/api/v1/cameras/${made.data.id}`, { json: { reason: 'Chủ hộ rút đồng ý' } });
  assert.equal(erased.status, 204, erased.text);
  assert.equal((await officer.get(`/api/v1/cameras/${made.data.id}`)).status, 404);
  assert.equal(sql(server, `SELECT owner_kind FROM camera_tombstones WHERE camera_code = '${made.data.code}'`), 'household');
  assert.equal(sql(server, "SELECT COUNT(*) FROM audit_log WHERE action IN ('camera.owner_read', 'camera.erase')"), '2');
  assertNoMarkers(server, markers);
});

test('a sheet saved by Vietnamese Excel (Windows-1258, semicolons) is checked line by line, then imported whole', async () => {
  const officer = people['officer.tantrao'];
  const sheet = (rows) => execFileSync('iconv', ['-f', 'UTF-8', '-t', 'WINDOWS-1258'], {
    input: ['STT;Thôn/Tổ dân phố;Loại chủ sở hữu;Địa chỉ;Vĩ độ;Kinh độ;Hướng (độ);Góc nhìn (độ);Tầm xa (m);Số ngày lưu;Mức chia sẻ;Tình trạng', ...rows].join('\r\n'),
  });
  const post = (body, query = '') => officer.request('POST', `/api/v1/cameras/import?unit_id=${ids['02545']}${query}`, {
    body, headers: { 'content-type': 'text/csv' },
  });
  const count = cameraCount();
  const bad = await post(sheet([
    '1;Làng Hản;Hộ gia đình;Nhà bà Đồng Xuyến;21,8012;105,4561;10;90;25;7;Theo yêu cầu;Hoạt động',
    '2;Thôn Không Có;Hộ gia đình;Nhà ông Tư;21,8013;105,4562;10;90;25;7;Theo yêu cầu;Cháy',
  ]));
  assert.equal(bad.status, 422, bad.text);
  assert.deepEqual(bad.data.errors.map((e) => `${e.line} ${e.field}:${e.code}`), ['3 village:not_found', '3 status:unknown_value']);
  assert.equal(cameraCount(), count, 'nothing written');
  const good = sheet(['1;Làng Hản;Hộ gia đình;Nhà bà Đồng Xuyến;21,8012;105,4561;10;90;25;7;Theo yêu cầu;Hỏng']);
  const dry = await post(good, '&dry_run=1');
  assert.deepEqual(dry.data, { created: 1, updated: 0, unchanged: 0, dry_run: true, encoding: 'windows-1258' });
  assert.equal(cameraCount(), count);
  const done = await post(good);
  assert.equal(done.status, 200, done.text);
  assert.equal(cameraCount(), count + 1);
  const made = (await officer.get('/api/v1/cameras?q=nha%20ba%20dong%20xuyen')).data.items[0];
  assert.equal(made.village_name, 'Làng Hản');
  assert.equal(made.status, 'faulty');
  assert.equal((await people['team.khuondien'].request('POST', `/api/v1/cameras/import?unit_id=${ids['02545']}`, {
    body: good, headers: { 'content-type': 'text/csv' },
  })).status, 403);
});

test('the Excel sheet: LibreOffice reads its Vietnamese header and dates, and an .xlsx saved by LibreOffice imports back unchanged', async () => {
  const officer = people['officer.tantrao'];
  const xlsx = await officer.get(`/api/v1/cameras/export.xlsx?unit_id=${ids['02545']}`);
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);
  assert.match(xlsx.headers.get('content-disposition'), /camera-an-ninh\.xlsx/);
  // LibreOffice Calc shows it as an officer would see it: UTF-8 CSV with dd/mm/yyyy dates.
  const shown = convertWithLibreOffice(xlsx.bytes, 'camera.xlsx', 'csv:Text - txt - csv (StarCalc):44,34,76').toString('utf8');
  const [header, ...rows] = shown.trim().split(/\r?\n/);
  assert.match(header, /^STT,Mã camera,Thôn\/Tổ dân phố,/);
  assert.ok(rows.length >= 30, `${rows.length} rows`);
  assert.ok(rows.some((r) => /,\d{2}\/\d{2}\/\d{4},/.test(r)), 'install dates shown as dd/mm/yyyy');
  const count = cameraCount();
  const post = (body, type) => officer.request('POST', `/api/v1/cameras/import?unit_id=${ids['02545']}&dry_run=1`, {
    body, headers: { 'content-type': type },
  });
  const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const ours = await post(xlsx.bytes, type);
  assert.equal(ours.status, 200, ours.text);
  const inCommune = Number(sql(server, `SELECT COUNT(*) FROM cameras WHERE unit_id = ${ids['02545']}`));
  assert.deepEqual(ours.data, { created: 0, updated: 0, unchanged: inCommune, dry_run: true, encoding: 'xlsx' });
  // A workbook written by another program: our CSV opened by a Vietnamese LibreOffice
  // (language 1066: d/m/yyyy read as real dates) and saved as .xlsx.
  const csv = await officer.get(`/api/v1/cameras/export.csv?unit_id=${ids['02545']}`);
  const theirs = convertWithLibreOffice(csv.bytes, 'camera.csv', 'xlsx:Calc Office Open XML', 'CSV:44,34,76,1,,1066');
  const again = await post(theirs, type);
  assert.equal(again.status, 200, again.text);
  assert.equal(again.data.created + again.data.updated, 0, again.text);
  assert.equal(again.data.unchanged, ours.data.unchanged);
  const broken = await post(Buffer.concat([xlsx.bytes.subarray(0, 200), Buffer.from('hỏng')]), type);
  assert.equal(broken.status, 422, broken.text);
  assert.equal(broken.data.errors[0].code, 'xlsx_invalid');
  assert.equal(cameraCount(), count, 'dry runs and a broken file write nothing');
});

test('along a route: the camera facing the road with the time the route passed it, bad routes refused', async () => {
  const officer = people['officer.tantrao'];
  const spot = { lat: 21.7985, lon: 105.4625 };
  const facing = (await officer.post('/api/v1/cameras', camera({ point: `${spot.lat}, ${spot.lon}`, bearing: 0, place: 'Cổng số 2' }))).data;
  // A road running east 20 m north of the camera, 100 m each way.
  const north20 = north(spot, 20);
  const dLon = 100 / 103400;
  const body = {
    line: [[north20.lat, north20.lon - dLon], `${north20.lat}, ${(north20.lon + dLon).toFixed(7)}`],
    width: 0, from: local(-60), speed_kmh: 36, excluded: true, reason: 'Truy vết xe máy',
  };
  const r = await officer.post('/api/v1/cameras/route-search', body);
  assert.equal(r.status, 200, r.text);
  assert.ok(Math.abs(r.data.length_m - 200) <= 1, `${r.data.length_m} m`);
  const seen = r.data.seen.find((s) => s.camera.id === facing.id);
  assert.ok(seen, JSON.stringify(r.data.seen.map((s) => s.camera.code)));
  // 36 km/h is 10 m/s: it first sees the road 20 m west of its axis, 80 m along: 8 s in.
  const entered = (Date.parse(seen.enters_at) - Date.parse(`${body.from}:00+07:00`)) / 1000;
  assert.ok(Math.abs(entered - 8) <= 1, `${entered} s`);
  assert.equal(sql(server, "SELECT COUNT(*) FROM audit_log WHERE action = 'camera.route_search'"), '1');

  const bad = await officer.post('/api/v1/cameras/route-search', { ...body, line: [[north20.lat, north20.lon]], speed_kmh: undefined, to: local(13 * 60) });
  assert.equal(bad.status, 422);
  assert.deepEqual(bad.data.errors.map((e) => `${e.field}:${e.code}`).sort(), ['line:too_few_points', 'to:window_too_long']);
  assert.equal((await people['team.khuondien'].post('/api/v1/cameras/route-search', body)).status, 403);
  assert.equal(sql(server, "SELECT COUNT(*) FROM audit_log WHERE action = 'camera.route_search'"), '1');
});

test("the dashboard's counts: the demo's faulty cameras, checks and reconfirmations due, and the lists behind them", async () => {
  const officer = people['officer.tantrao'];
  const m = await officer.get('/api/v1/cameras/maintenance');
  assert.equal(m.status, 200);
  const faulty = await officer.get('/api/v1/cameras?status=faulty&page_size=500');
  assert.equal(m.data.faulty, faulty.data.total);
  assert.ok(faulty.data.items.some((c) => c.code === '02545-CAM-0011' || c.status === 'faulty'));
  const check = await officer.get('/api/v1/cameras?due=check&page_size=500');
  assert.equal(m.data.check_due, check.data.total);
  assert.ok(check.data.items.every((c) => c.status !== 'removed' && c.last_check_at === null), 'nothing checked in the demo yet');
  assert.equal((await officer.get('/api/v1/cameras?due=soon')).status, 422);
  assert.equal((await officer.get('/api/v1/cameras?status=broken')).status, 422);
  const team = await people['team.khuondien'].get('/api/v1/cameras/maintenance');
  assert.ok(team.data.check_due <= m.data.check_due);
  assert.equal((await people['reviewer.tuyenquang'].get('/api/v1/cameras/maintenance')).status, 403);
});

test('the registry\'s taxonomies: every code the API takes, in the forms\' order, labelled in Vietnamese and English', async () => {
  const r = await people['team.khuondien'].get('/api/v1/cameras/taxonomies');
  assert.equal(r.status, 200, r.text);
  assert.match(r.headers.get('cache-control'), /max-age=3600/);
  const codes = (list) => r.data[list].map((entry) => entry.code);
  assert.deepEqual(codes('owner_kinds'), ['public', 'household', 'business', 'agency', 'school']);
  assert.deepEqual(codes('statuses'), ['working', 'faulty', 'removed']);
  assert.deepEqual(codes('sharings'), ['live', 'on_request', 'none']);
  assert.deepEqual(codes('storages'), ['nvr', 'cloud', 'memory_card']);
  assert.deepEqual(codes('fundings'), ['socialised', 'commune_budget', 'shared']);
  assert.deepEqual(codes('check_results'), ['ok', 'faulty', 'unreachable']);
  assert.deepEqual(r.data.statuses[1].label, { vi: 'Hỏng', en: 'Faulty' });
  for (const list of Object.values(r.data)) {
    for (const entry of list) assert.ok(entry.label.vi && entry.label.en && entry.label.vi !== entry.code, entry.code);
  }
  // Each code is one the registry takes: a camera made of the last of each list saves.
  const officer = people['officer.tantrao'];
  const made = await officer.post('/api/v1/cameras', camera({
    owner_kind: codes('owner_kinds').at(-1), storage: codes('storages').at(-1), funding: codes('fundings').at(-1),
    sharing: codes('sharings').at(-1), point: `${north(MARKET, 900).lat}, ${MARKET.lon}`,
  }));
  assert.equal(made.status, 201, made.text);
  const anonymous = await fetch(`${server.url}/api/v1/cameras/taxonomies`);
  assert.equal(anonymous.status, 401);
});
