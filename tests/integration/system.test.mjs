// The HTTP layer as any client meets it: health, metrics, headers, static files, and
// bad input answered with problem+json, never a 500.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { start, signedIn, Client } from './lib.mjs';

let server;
before(async () => { server = await start(); });
after(async () => { await server.close(); });

// Sends raw bytes (fetch would normalise paths and refuse bad encodings).
function raw(url, bytes) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.end(bytes));
    let data = '';
    socket.on('data', (d) => (data += d));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

function assertProblem(r, status, slug) {
  assert.equal(r.status, status, r.text);
  assert.match(r.headers.get('content-type'), /application\/problem\+json/);
  assert.equal(r.data.type, `/problems/${slug}`);
  assert.equal(r.data.status, status);
  assert.ok(r.data.title.length > 0);
}

test('healthz answers ok with a request id and the security headers', async () => {
  const r = await new Client(server.url).get('/healthz');
  assert.equal(r.status, 200);
  assert.equal(r.text, 'ok\n');
  assert.match(r.headers.get('x-request-id'), /^[0-9a-f]{16}$/);
  assert.match(r.headers.get('content-security-policy'), /default-src 'self'/);
  assert.match(r.headers.get('content-security-policy'), /frame-ancestors 'none'/);
  assert.equal(r.headers.get('referrer-policy'), 'no-referrer');
  assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(r.headers.get('strict-transport-security'), null, 'no HSTS on plain HTTP');
});

test('the request id appears in the log line of the request', async () => {
  const r = await new Client(server.url).get('/healthz');
  const id = r.headers.get('x-request-id');
  await new Promise((ok) => setTimeout(ok, 50));
  assert.match(server.logs(), new RegExp(`${id} GET /healthz 200`));
});

test('readyz reports the database and current migrations', async () => {
  const r = await new Client(server.url).get('/readyz');
  assert.equal(r.status, 200);
  assert.deepEqual(r.data, { database: 'ok', migrations: 'current' });
});

test('metrics count requests by route and status and expose queue and pool gauges', async () => {
  const c = new Client(server.url);
  await c.get('/api/v1/units/tree');  // 401
  const r = await c.get('/metrics');
  assert.equal(r.status, 200);
  assert.match(r.text, /antq_http_requests_total\{route="\/api\/v1\/units\/tree",status="401"\} [1-9]/);
  assert.match(r.text, /antq_http_request_duration_seconds_bucket\{route="\/healthz",le="0\.001"\}/);
  assert.match(r.text, /antq_worker_queue_depth \d/);
  assert.match(r.text, /antq_db_pool_in_use \d/);
});

test('unknown API routes answer 404 problem+json in Vietnamese by default', async () => {
  const r = await new Client(server.url).get('/api/v1/nothing-here');
  assertProblem(r, 404, 'not-found');
  assert.equal(r.data.title, 'Không tìm thấy');
  assert.match(r.data.instance, /^[0-9a-f]{16}$/);
});

test('Accept-Language: en gives English titles', async () => {
  const r = await new Client(server.url).get('/api/v1/nothing-here', { headers: { 'accept-language': 'en-US,en;q=0.9' } });
  assert.equal(r.data.title, 'Not found');
});

test('a wrong method answers 405 with Allow', async () => {
  const r = await new Client(server.url).request('DELETE', '/api/v1/units/tree');
  assertProblem(r, 405, 'method-not-allowed');
  assert.equal(r.headers.get('allow'), 'GET');
});

test('the staff app is served with an ETag, revalidated with 304, and gzip when accepted', async () => {
  const first = await fetch(server.url + '/', { headers: { 'accept-encoding': 'identity' } });
  assert.equal(first.status, 200);
  const html = await first.text();
  assert.match(html, /<div id="app"|<!doctype html>/i);
  const etag = first.headers.get('etag');
  assert.ok(etag);
  const again = await fetch(server.url + '/', { headers: { 'if-none-match': etag } });
  assert.equal(again.status, 304);
  const spa = await fetch(server.url + '/units/12');
  assert.equal(spa.status, 200, 'client-side routes get index.html');
  assert.equal(await spa.text(), html);
  const asset = /\/assets\/[^"]+\.js/.exec(html)[0];
  const gz = await raw(server.url, `GET ${asset} HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n`);
  assert.match(gz, /content-encoding: gzip/i);
  assert.match(gz, /cache-control: public, max-age=31536000, immutable/i);
});

test('a missing static file with an extension is 404, not the app', async () => {
  const r = await new Client(server.url).get('/assets/nope.js');
  assertProblem(r, 404, 'not-found');
});

test('path traversal in static paths is refused with 400', async () => {
  for (const path of ['/../../etc/passwd', '/assets/%2e%2e/%2e%2e/etc/passwd', '/%2e%2e%2fantq.toml']) {
    const res = await raw(server.url, `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    assert.match(res, /^HTTP\/1\.1 (400|404)/, path);
    assert.doesNotMatch(res, /root:|\[server\]/, path);
  }
  const encoded = await raw(server.url, 'GET /assets/%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  assert.match(encoded, /^HTTP\/1\.1 400/);
  assert.match(encoded, /bad-path/);
});

test('a malformed request line gets 400 and the server keeps serving', async () => {
  const res = await raw(server.url, 'THIS IS NOT HTTP\r\n\r\n');
  assert.match(res, /^HTTP\/1\.1 400/);
  assert.equal((await new Client(server.url).get('/healthz')).status, 200);
});

test('an oversized body gets 413 problem+json', async () => {
  const c = await signedIn(server.url, 'admin');
  const r = await c.request('POST', '/api/v1/units', {
    body: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
    headers: { 'content-type': 'application/json' },
  });
  assertProblem(r, 413, 'payload-too-large');
});

test('oversized headers get 431', async () => {
  const res = await raw(server.url, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20000)}\r\nConnection: close\r\n\r\n`);
  assert.match(res, /^HTTP\/1\.1 431/);
});

test('malformed JSON, invalid UTF-8, wrong types, missing fields and wrong media type are named', async () => {
  const c = await signedIn(server.url, 'admin');
  const before = (await c.get('/api/v1/units?history=1&page_size=1')).data.total;
  const bad = await c.request('POST', '/api/v1/units', { body: '{"code": ', headers: { 'content-type': 'application/json' } });
  assertProblem(bad, 400, 'malformed-json');
  const notObject = await c.request('POST', '/api/v1/units', { body: '[1,2]', headers: { 'content-type': 'application/json' } });
  assertProblem(notObject, 400, 'malformed-json');
  const utf8 = await c.request('POST', '/api/v1/units', {
    body: Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    headers: { 'content-type': 'application/json' },
  });
  assertProblem(utf8, 400, 'invalid-utf8');
  const types = await c.post('/api/v1/units', { code: 5, name: ['x'], kind: 'commune', parent_id: 'two' });
  assertProblem(types, 422, 'validation-failed');
  const fields = Object.fromEntries(types.data.errors.map((e) => [e.field, e.code]));
  assert.deepEqual(fields, { code: 'wrong_type', name: 'wrong_type', parent_id: 'wrong_type' });
  const missing = await c.post('/api/v1/units', {});
  assertProblem(missing, 422, 'validation-failed');
  assert.deepEqual(missing.data.errors.map((e) => e.field).sort(), ['code', 'kind', 'name', 'parent_id']);
  assert.equal(missing.data.errors.find((e) => e.field === 'code').message, 'Bắt buộc nhập');
  const media = await c.request('POST', '/api/v1/units', { body: 'code=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assertProblem(media, 415, 'unsupported-media-type');
  const after = await c.get('/api/v1/units?history=1&page_size=1');
  assert.equal(after.data.total, before, 'nothing was written');
});

test('keep-alive serves several requests on one connection', async () => {
  const res = await raw(server.url,
    'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  assert.equal(res.match(/HTTP\/1\.1 200/g).length, 2);
});
