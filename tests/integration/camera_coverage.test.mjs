// Coverage over HTTP on the demo: Tân Trào's roads and what its working cameras see of
// them, a new camera closing part of the longest gap, who may see and import what, and a
// roads file refused whole or imported and audited.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, signedIn, unitIds, sql, auditEntries } from './lib.mjs';

let server;
let ids;
const people = {};
const coverageOf = (who, unit) => people[who].get(`/api/v1/cameras/coverage?unit_id=${unit}`);
const roadCount = () => Number(sql(server, 'SELECT COUNT(*) FROM camera_roads'));
const auditCount = (action) => auditEntries(server, action);
const postRoads = (who, body, query = '', type = 'application/geo+json') =>
  people[who].request('POST', `/api/v1/cameras/roads?unit_id=${ids['02545']}${query}`, {
    body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': type },
  });
const line = (coordinates, name) => ({ type: 'Feature', properties: name ? { name } : {}, geometry: { type: 'LineString', coordinates } });

before(async () => {
  server = await start();
  ids = await unitIds(server.url);
  for (const name of ['officer.tantrao', 'officer.kienthiet', 'team.khuondien', 'reviewer.tuyenquang', 'admin']) {
    people[name] = await signedIn(server.url, name);
  }
});
after(async () => server?.close());

test("the demo's roads: the share its working cameras see and the longest gaps", async () => {
  const r = await coverageOf('officer.tantrao', ids['02545']);
  assert.equal(r.status, 200, r.text);
  const c = r.data;
  assert.equal(c.basis, 'roads');
  assert.equal(c.roads, 4);
  assert.ok(c.road_m > 5000 && c.covered_m > 0 && c.covered_m < c.road_m, `${c.covered_m} of ${c.road_m}`);
  assert.ok(Math.abs(c.road_share - c.covered_m / c.road_m) < 0.001);
  assert.ok(c.gaps.length > 0 && c.gaps.length <= 10);
  for (let i = 1; i < c.gaps.length; i++) assert.ok(c.gaps[i - 1].length_m >= c.gaps[i].length_m, 'longest first');
  for (const g of c.gaps) {
    assert.equal(g.geometry.type, 'LineString');
    assert.ok(g.geometry.coordinates.length >= 2);
    assert.match(g.road, /\(minh họa\)$/);
  }
  // Every camera of the commune is counted once, in its village's row or the commune's own (last).
  const total = c.villages.reduce((n, v) => n + v.cameras.total, 0);
  assert.equal(total, Number(sql(server, `SELECT COUNT(*) FROM cameras WHERE unit_id = ${ids['02545']}`)));
  const faulty = c.villages.reduce((n, v) => n + (v.cameras.by_status.faulty ?? 0), 0);
  assert.equal(faulty, Number(sql(server, `SELECT COUNT(*) FROM cameras WHERE unit_id = ${ids['02545']} AND status = 'faulty'`)));
  assert.ok(c.villages.some((v) => v.name === 'Khuôn Điển'));

  const roads = await people['officer.tantrao'].get(`/api/v1/cameras/roads?unit_id=${ids['02545']}`);
  assert.equal(roads.status, 200);
  assert.match(roads.headers.get('content-type'), /geo\+json/);
  assert.equal(roads.data.features.length, 4);
  assert.ok(roads.data.features.every((f) => f.properties.demo === true && f.properties.length_m > 0));
});

test('a new camera at the middle of the longest gap sees more of the road', async () => {
  const before = (await coverageOf('officer.tantrao', ids['02545'])).data;
  const gap = before.gaps[0];
  const [lon, lat] = gap.geometry.coordinates[Math.floor(gap.geometry.coordinates.length / 2)];
  const created = await people['officer.tantrao'].post('/api/v1/cameras', {
    unit_id: ids['02545'], owner_kind: 'public', place: 'Giữa đoạn chưa có camera', point: `${lat}, ${lon}`,
    fov: 360, range_m: 60, retention_days: 15, storage: 'nvr', funding: 'commune_budget', sharing: 'live',
    installed_on: '2025-06-01', confirm_location: true,
  });
  assert.equal(created.status, 201, created.text);
  const after = (await coverageOf('officer.tantrao', ids['02545'])).data;
  const gained = after.covered_m - before.covered_m;
  assert.ok(gained >= 100 && gained <= 121, `a 60-m circle on the road sees up to 120 m of it; gained ${gained}`);
  assert.ok(after.gaps[0].length_m < gap.length_m || after.gaps[0].road !== gap.road || after.gaps[0].geometry.coordinates[0][1] !== gap.geometry.coordinates[0][1]);
});

test('who sees coverage: the village team its village, other communes nothing, reviewers no', async () => {
  const village = await coverageOf('team.khuondien', ids['DEMO-KQ-KHUONDIEN']);
  assert.equal(village.status, 200, village.text);
  assert.equal(village.data.unit_name, 'Khuôn Điển');
  assert.equal(village.data.basis, 'none', 'the demo village has no boundary: its roads cannot be told apart');
  assert.deepEqual(village.data.villages.map((v) => v.name), ['Khuôn Điển']);
  assert.equal((await coverageOf('team.khuondien', ids['02545'])).status, 422);
  assert.equal((await coverageOf('officer.kienthiet', ids['02545'])).status, 422);
  assert.equal((await coverageOf('reviewer.tuyenquang', ids['02545'])).status, 403);
  assert.equal((await people['officer.tantrao'].get('/api/v1/cameras/coverage')).status, 422);
  assert.equal((await postRoads('team.khuondien', line([[105.45, 21.8], [105.451, 21.8]]))).status, 403);
  assert.equal(roadCount(), 4);
});

test('a bad roads file is refused whole, each feature named; a good one replaces the roads, audited', async () => {
  const bad = { type: 'FeatureCollection', features: [
    line([[105.4500, 21.8000], [105.4510, 21.8010]], 'Đường tốt'),
    line([[105.45, 21.80]]),
    line([[21.80, 105.45], [21.81, 105.45]]),
    line([[105.85, 21.03], [105.86, 21.03]], 'Đường ở Hà Nội'),
  ] };
  const r = await postRoads('officer.tantrao', bad);
  assert.equal(r.status, 422, r.text);
  assert.deepEqual(r.data.errors.map((e) => `${e.field}:${e.code}`),
    ['feature 1:too_few_positions', 'feature 2:swapped', 'feature 3:far_from_commune']);
  assert.ok(r.data.errors.every((e) => e.message), 'each error has a message');
  assert.equal((await postRoads('officer.tantrao', '{"type":')).status, 422);
  assert.equal((await postRoads('officer.tantrao', bad, '', 'text/csv')).status, 415);
  assert.equal(roadCount(), 4);

  const one = { type: 'FeatureCollection', features: [line([[105.4500, 21.8000], [105.4500, 21.8090]], 'Đường mới')] };
  const dry = await postRoads('officer.tantrao', one, '&dry_run=1');
  assert.equal(dry.status, 200, dry.text);
  assert.deepEqual({ ...dry.data, length_m: Math.round(dry.data.length_m / 10) }, { roads: 1, length_m: 100, replaced: 4, dry_run: true });
  assert.equal(roadCount(), 4);
  const audits = auditCount('camera.roads_import');
  const done = await postRoads('officer.tantrao', one, '&source=duong-moi.geojson');
  assert.equal(done.status, 200, done.text);
  assert.equal(roadCount(), 1);
  assert.equal(auditCount('camera.roads_import'), audits + 1);
  const c = (await coverageOf('officer.tantrao', ids['02545'])).data;
  assert.equal(c.roads, 1);
  assert.ok(Math.abs(c.road_m - 996) < 5, `${c.road_m}`);
});
