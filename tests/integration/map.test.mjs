// The offline basemap: a PMTiles archive named in antq.toml, served to signed-in staff in
// byte ranges (206, one range, 416 on a bad one, ETag and If-Range), or none at all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepare, start, signedIn, Client } from './lib.mjs';
import { buildPmtiles } from '../e2e/pmtiles-fixture.mjs';

const archive = buildPmtiles({ minZoom: 0, maxZoom: 6 });
const size = archive.length;
let dir;
let server;
let officer;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'antq-map-'));
  writeFileSync(join(dir, 'vietnam.pmtiles'), archive);
  server = await start(prepare({ env: { ANTQ_MAP_BASEMAP: join(dir, 'vietnam.pmtiles') } }));
  officer = await signedIn(server.url, 'officer.tantrao');
});
after(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const URL_ = '/api/v1/map/basemap.pmtiles';
const ranged = (range, headers = {}) => officer.request('GET', URL_, { headers: { range, ...headers } });

test('the map settings name the basemap and its attribution', async () => {
  const r = await officer.get('/api/v1/map');
  assert.deepEqual(r.data, { basemap: URL_, attribution: '© OpenStreetMap contributors, © Protomaps' });
  assert.equal((await new Client(server.url).get(URL_)).status, 401, 'staff only');
});

test('the first bytes (the PMTiles header), the last bytes and an open range', async () => {
  const head = await ranged('bytes=0-126');
  assert.equal(head.status, 206);
  assert.equal(head.headers.get('content-range'), `bytes 0-126/${size}`);
  assert.equal(head.headers.get('content-length'), '127');
  assert.equal(head.headers.get('content-type'), 'application/vnd.pmtiles');
  assert.deepEqual(head.bytes, archive.subarray(0, 127));
  assert.equal(head.bytes.subarray(0, 7).toString(), 'PMTiles');
  const tail = await ranged('bytes=-16');
  assert.equal(tail.status, 206);
  assert.equal(tail.headers.get('content-range'), `bytes ${size - 16}-${size - 1}/${size}`);
  assert.deepEqual(tail.bytes, archive.subarray(size - 16));
  const open = await ranged(`bytes=${size - 100}-`);
  assert.deepEqual(open.bytes, archive.subarray(size - 100));
});

test('past the end, two ranges and a malformed range are 416 with the size', async () => {
  for (const range of [`bytes=${size}-`, `bytes=${size + 10}-${size + 20}`, 'bytes=0-1,5-6', 'bytes=ten-twenty']) {
    const r = await ranged(range);
    assert.equal(r.status, 416, range);
    assert.equal(r.headers.get('content-range'), `bytes */${size}`, range);
  }
});

test('no range gives the whole archive; If-Range with a stale ETag too, with the current one the part', async () => {
  const whole = await officer.get(URL_);
  assert.equal(whole.status, 200);
  assert.equal(whole.headers.get('accept-ranges'), 'bytes');
  assert.deepEqual(whole.bytes, archive);
  const etag = whole.headers.get('etag');
  assert.match(etag, /^"\d+-\d+"$/);
  assert.equal((await ranged('bytes=0-9', { 'if-range': etag })).status, 206);
  assert.equal((await officer.request('GET', URL_, { headers: { 'if-none-match': etag } })).status, 304);
  const stale = await ranged('bytes=0-9', { 'if-range': '"1-1"' });
  assert.equal(stale.status, 200);
  assert.equal(stale.bytes.length, size);
});

test('without a basemap the map has none and the archive is 404', async () => {
  const plain = await start();
  try {
    const c = await signedIn(plain.url, 'officer.tantrao');
    assert.deepEqual((await c.get('/api/v1/map')).data, { basemap: null, attribution: '' });
    assert.equal((await c.get(URL_)).status, 404);
  } finally {
    await plain.close();
  }
});
