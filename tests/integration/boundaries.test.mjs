// Unit boundaries over HTTP and the command line: the demo's real Tuyên Quang boundaries
// served (simplified on request, cached by ETag), points located, bad files refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, signedIn, unitIds, sql, Client, DB } from './lib.mjs';

const REFDATA = new URL('../../refdata/vn-units-2025', import.meta.url).pathname;
let server;
let ids;
let dir;

before(async () => {
  server = await start();
  ids = await unitIds(server.url);
  dir = mkdtempSync(join(tmpdir(), 'antq-geo-'));
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await server?.close();
});

const boundaryCount = () => sql(server, 'SELECT COUNT(*) FROM unit_boundaries');
const file = (name, value) => {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};
const square = (lon, lat, size, hole = false) => {
  const ring = (x, y, s) => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
  return { type: 'Polygon', coordinates: hole ? [ring(lon, lat, size), ring(lon + size / 4, lat + size / 4, size / 2)] : [ring(lon, lat, size)] };
};
const collection = (...features) => ({ type: 'FeatureCollection', features });
const feature = (code, geometry) => ({ type: 'Feature', properties: { code }, geometry });

test("an officer gets Tân Trào's boundary at full detail and simplified, and an unchanged one as 304", async () => {
  const officer = await signedIn(server.url, 'officer.tantrao');
  const url = `/api/v1/units/${ids['02545']}/boundary`;
  const full = await officer.get(url);
  assert.equal(full.status, 200);
  assert.equal(full.headers.get('content-type'), 'application/geo+json');
  assert.equal(full.data.type, 'Feature');
  assert.equal(full.data.properties.code, '02545');
  assert.equal(full.data.properties.points, 3144, 'the full-detail boundary replaced the simplified one');
  assert.equal(full.data.geometry.type, 'MultiPolygon');
  assert.match(full.text, /\[105\.\d+,21\.\d+\]/, 'coordinates in plain decimals');
  const etag = full.headers.get('etag');
  const again = await officer.request('GET', url, { headers: { 'if-none-match': etag } });
  assert.equal(again.status, 304);
  const simple = await officer.get(`${url}?tolerance=25`);
  assert.equal(simple.data.properties.tolerance_m, 20, 'rounded down to a step');
  assert.ok(simple.data.properties.points < 1000, `${simple.data.properties.points} points`);
  assert.notEqual(simple.headers.get('etag'), etag);
  const bad = await officer.get(`${url}?tolerance=much`);
  assert.equal(bad.status, 422);
  assert.equal(bad.data.errors[0].field, 'tolerance');
  assert.equal((await officer.get(`/api/v1/units/${ids['08']}/boundary`)).status, 200, 'the province outline');
  assert.equal((await officer.get(`/api/v1/units/${ids['02455']}/boundary`)).status, 404, 'a neighbour is not in scope');
  const reviewer = await signedIn(server.url, 'reviewer.tuyenquang');
  assert.equal((await reviewer.get(`/api/v1/units/${ids['02455']}/boundary`)).status, 200);
  assert.equal((await reviewer.get(`/api/v1/units/${ids['DEMO-KIENTHIET']}/boundary`)).status, 404, 'no boundary');
});

test("a province's communes come as one collection, limited to what the caller may see", async () => {
  const reviewer = await signedIn(server.url, 'reviewer.tuyenquang');
  const url = `/api/v1/units/${ids['08']}/children/boundaries?tolerance=50`;
  const all = await reviewer.get(url);
  assert.equal(all.status, 200);
  assert.equal(all.data.type, 'FeatureCollection');
  assert.equal(all.data.features.length, 124);
  assert.ok(all.data.features.every((f) => f.properties.tolerance_m === 50));
  assert.equal((await reviewer.request('GET', url, { headers: { 'if-none-match': all.headers.get('etag') } })).status, 304);
  const officer = await signedIn(server.url, 'officer.tantrao');
  const own = await officer.get(url);
  assert.deepEqual(own.data.features.map((f) => f.properties.code), ['02545'], 'neighbours are left out');
  assert.deepEqual((await officer.get(`/api/v1/units/${ids['02545']}/children/boundaries`)).data.features, []);
});

test('locating a point: inside Tân Trào, nowhere, and a shared vertex that always gets the same answer', async () => {
  const officer = await signedIn(server.url, 'officer.kienthiet');
  const at = (lat, lon) => officer.get(`/api/v1/units/locate?lat=${lat}&lon=${lon}`);
  const inside = await at(21.80561, 105.45156);
  assert.equal(inside.status, 200);
  assert.deepEqual([inside.data.commune.code, inside.data.commune.name, inside.data.exact], ['02545', 'Tân Trào', true]);
  assert.equal(inside.data.village, null);
  assert.deepEqual((await at(0, 0)).data, { commune: null, village: null, exact: true, distance_m: 0 });
  const answers = new Set();
  for (let i = 0; i < 20; i++) answers.add((await at(21.83263, 105.49749)).data.commune.code);
  assert.deepEqual([...answers], ['02455']);
  assert.equal((await new Client(server.url).get('/api/v1/units/locate?lat=21.8&lon=105.4')).status, 401);
});

test('a point a few metres outside the province takes the nearest commune, not exact', async () => {
  const communes = JSON.parse(readFileSync(`${REFDATA}/boundaries/communes/communes-08.geojson`, 'utf8'));
  let north = null;
  for (const f of communes.features) {
    for (const polygon of f.geometry.coordinates) {
      for (const [lon, lat] of polygon[0]) if (!north || lat > north.lat) north = { lon, lat, code: f.properties.code };
    }
  }
  const officer = await signedIn(server.url, 'reviewer.tuyenquang');
  const r = await officer.get(`/api/v1/units/locate?lat=${north.lat + 0.0001}&lon=${north.lon}`);
  assert.equal(r.data.commune.code, north.code);
  assert.equal(r.data.exact, false);
  assert.ok(r.data.distance_m > 5 && r.data.distance_m <= 12, `${r.data.distance_m} m`);
});

test("a point given for a unit is checked against the unit's commune, naming the commune it is in", async () => {
  const officer = await signedIn(server.url, 'officer.tantrao');
  const check = (id, lat, lon) => officer.get(`/api/v1/units/${id}/check-location?lat=${lat}&lon=${lon}`);
  const own = await check(ids['02545'], 21.80561, 105.45156);
  assert.deepEqual([own.data.inside, own.data.commune.code], [true, '02545']);
  const village = await check(ids['DEMO-KQ-LANGHAN'], 21.80561, 105.45156);
  assert.equal(village.data.inside, true, "a village's point in its commune");
  const neighbour = await check(ids['02545'], 21.83263, 105.49749);
  assert.deepEqual([neighbour.data.inside, neighbour.data.commune.name], [false, 'Hùng Lợi']);
  assert.equal((await check(ids['DEMO-KIENTHIET'], 21.8, 105.45)).status, 404, 'outside the scope');
  assert.equal((await check(ids['02545'], 'x', 105)).status, 422);
});

test('bad coordinates are named', async () => {
  const officer = await signedIn(server.url, 'officer.tantrao');
  const fields = async (q) => (await officer.get(`/api/v1/units/locate?${q}`)).data.errors.map((e) => [e.field, e.code]);
  assert.deepEqual(await fields('lat=abc&lon=105'), [['lat', 'invalid_format']]);
  assert.deepEqual(await fields('lat=95&lon=105'), [['lat', 'out_of_range']]);
  assert.deepEqual(await fields('lat=21'), [['lon', 'required']]);
});

test('a village boundary with a hole: the ring is the village, the hole is only the commune', async () => {
  const village = file('village.geojson', collection(feature('DEMO-KQ-KHUONDIEN', square(105.44, 21.79, 0.02, true))));
  const r = server.cli(['units', 'boundaries', 'import', village]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /1 features, 1 imported, 0 unchanged/);
  const officer = await signedIn(server.url, 'officer.tantrao');
  const ring = (await officer.get('/api/v1/units/locate?lat=21.7925&lon=105.4425')).data;
  assert.equal(ring.commune.code, '02545');
  assert.equal(ring.village.code, 'DEMO-KQ-KHUONDIEN');
  const hole = (await officer.get('/api/v1/units/locate?lat=21.80&lon=105.45')).data;
  assert.equal(hole.commune.code, '02545');
  assert.equal(hole.village, null);
  assert.match(server.cli(['units', 'boundaries', 'import', village]).stdout, /0 imported, 1 unchanged/, 'a second import changes nothing');
});

test('bad GeoJSON files are refused naming the feature, and nothing is written', () => {
  const count = boundaryCount();
  const refused = (path, pattern) => {
    const r = server.cli(['units', 'boundaries', 'import', path]);
    assert.equal(r.status, 1, r.stdout);
    assert.match(r.stderr, pattern);
  };
  refused(file('not-json.geojson', '{"type": "Feature'), /file: .*Not valid GeoJSON/);
  refused(file('point.geojson', { type: 'Point', coordinates: [105, 21] }), /file: .*Not valid GeoJSON/);
  const open = { type: 'Polygon', coordinates: [[[105.4, 21.8], [105.5, 21.8], [105.5, 21.9], [105.4, 21.9]]] };
  refused(file('open.geojson', collection(feature('02545', square(105.4, 21.8, 0.1)), feature('02455', open))),
    /feature 1 \(02455\): .*A ring is not closed .*\(polygon 0, ring 0\)/);
  refused(file('range.geojson', collection(feature('02545', square(205.4, 21.8, 0.1)))), /feature 0 \(02545\): .*Out of range/);
  refused(file('swapped.geojson', collection(feature('02545', square(21.8, 105.4, 0.1)))), /Longitude and latitude are exchanged/);
  refused(file('unknown.geojson', collection(feature('02545', square(105.4, 21.8, 0.1)), feature('99999', square(1, 1, 1)))),
    /feature 1 \(99999\): .*Does not exist/);
  assert.equal(boundaryCount(), count);
  const skipped = server.cli(['units', 'boundaries', 'import', '--dry-run', '--skip-unmatched', join(dir, 'unknown.geojson')]);
  assert.equal(skipped.status, 0, skipped.stderr);
  assert.match(skipped.stdout, /No unit has this code: feature 1 \(99999\)/);
  assert.match(skipped.stdout, /checked, nothing written: 2 features, 1 to import/);
  assert.equal(boundaryCount(), count);
});

test('the candidate query can use the spatial index', () => {
  // The query of src/modules/units/boundary_repo.cpp, with the search box of a point.
  const where = DB === 'postgres'
    ? "box(point(b.min_lon, b.min_lat), point(b.max_lon, b.max_lat)) && box(point(105.45, 21.80), point(105.46, 21.81))"
    : 'r.max_lon >= 105.45 AND r.min_lon <= 105.46 AND r.max_lat >= 21.80 AND r.min_lat <= 21.81';
  const from = DB === 'postgres' ? 'unit_boundaries b' : 'unit_boundary_rtree r JOIN unit_boundaries b ON b.unit_id = r.id';
  const query = `SELECT b.unit_id FROM ${from} WHERE ${where}`;
  const plan = DB === 'postgres' ? sql(server, `SET enable_seqscan = off; EXPLAIN ${query}`) : sql(server, `EXPLAIN QUERY PLAN ${query}`);
  assert.match(plan, DB === 'postgres' ? /unit_boundaries_box/ : /VIRTUAL TABLE INDEX/, plan);
  const found = sql(server, query).split('\n').map(Number);
  assert.ok(found.includes(ids['02545']), 'Tân Trào is a candidate');
});
