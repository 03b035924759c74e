// Footage requests over HTTP on the demo: created for the cameras of a search, a link
// answered once through the owners' page (no cookie, the token never in the log), the
// outcome seen by the officer, every step audited; other people refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, signedIn, sql } from './lib.mjs';

const SHA = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
let server;
let officer;
const local = (minutes = 0) => new Date(Date.now() + 7 * 3600e3 + minutes * 60e3).toISOString().slice(0, 16);

before(async () => {
  server = await start();
  officer = await signedIn(server.url, 'officer.tantrao');
});
after(async () => server?.close());

async function marketCameras() {
  const r = await officer.get(`/api/v1/cameras/search?point=${encodeURIComponent('21.800907, 105.455966')}&at=${local(-120)}&reason=x`);
  assert.equal(r.status, 200, r.text);
  assert.ok(r.data.seen.length >= 1);
  return r.data.seen.map((s) => s.camera);
}

test('a request, a link answered once by the owner, and the outcome the officer sees', async () => {
  const cameras = await marketCameras();
  const created = await officer.post('/api/v1/footage-requests', {
    origin: 'search', lat: 21.800907, lon: 105.455966, from: local(-150), to: local(-90),
    reason: 'Vụ trộm xe máy tại cổng chợ', case_ref: 'CV 7/2026', camera_ids: cameras.map((c) => c.id),
  });
  assert.equal(created.status, 201, created.text);
  assert.match(created.data.number, /^YC-02545-\d{4}-0001$/);
  assert.equal(created.data.tasks.length, cameras.length);
  const task = created.data.tasks[0];
  const camera = cameras.find((c) => c.code === task.camera_code);
  assert.equal(Date.parse(task.deadline_at) - Date.parse(`${local(-150)}:00+07:00`), camera.retention_days * 86400e3);

  const link = await officer.post(`/api/v1/footage-tasks/${task.id}/link`);
  assert.equal(link.status, 201);
  assert.equal(link.headers.get('cache-control'), 'no-store');
  const page = await fetch(`${server.url}${link.data.path}`);
  assert.equal(page.status, 200);
  assert.equal(page.headers.get('set-cookie'), null);
  const html = await page.text();
  assert.ok(html.includes(created.data.number) && html.includes(task.camera_code));
  const answer = (status, sha256 = '') => fetch(`${server.url}/camera/yeu-cau`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ma: link.data.token, status, reference: 'cong-cho.mp4', sha256, note: '' }),
  });
  assert.equal((await answer('provided', 'abc')).status, 422);
  assert.equal((await answer('provided', SHA)).status, 200);
  assert.equal((await answer('none')).status, 404, 'answered once');
  assert.equal((await fetch(`${server.url}${link.data.path}`)).status, 404);

  const seen = await officer.get(`/api/v1/footage-requests/${created.data.id}`);
  const done = seen.data.tasks.find((t) => t.id === task.id);
  assert.equal(done.status, 'provided');
  assert.equal(done.sha256, SHA);
  assert.equal(done.answered_by, 'owner');
  assert.ok(!server.logs().includes(link.data.token), 'the token is never logged');
  for (const action of ['footage.request_create', 'footage.link_issue', 'footage.owner_answer']) {
    assert.equal(sql(server, `SELECT COUNT(*) FROM audit_log WHERE action = '${action}'`), '1', action);
  }
  const closed = await officer.post(`/api/v1/footage-requests/${created.data.id}/close`);
  assert.equal(closed.data.status, 'closed');
  assert.equal((await officer.post(`/api/v1/footage-tasks/${created.data.tasks.at(-1).id}/link`)).status,
    created.data.tasks.length > 1 ? 409 : 409);
  assert.equal((await officer.get('/api/v1/footage-requests?status=closed')).data.total, 1);
});

test('bad requests are named and write nothing; only the commune officer may ask', async () => {
  const cameras = await marketCameras();
  const before = sql(server, 'SELECT COUNT(*) FROM footage_requests');
  const bad = await officer.post('/api/v1/footage-requests', {
    from: local(-14 * 60), to: local(-60), reason: '', camera_ids: [cameras[0].id],
  });
  assert.equal(bad.status, 422);
  assert.deepEqual(bad.data.errors.map((e) => `${e.field}:${e.code}`).sort(), ['reason:required', 'to:window_too_long']);
  const old = await officer.post('/api/v1/footage-requests', {
    from: local(-60 * 24 * 40), to: local(-60 * 24 * 40 + 60), reason: 'x', camera_ids: [cameras[0].id],
  });
  assert.deepEqual(old.data.errors.map((e) => `${e.field}:${e.code}`), ['camera_ids:overwritten']);
  assert.ok(old.data.errors[0].message.includes(cameras[0].code));
  for (const name of ['officer.kienthiet', 'team.khuondien', 'admin', 'reviewer.tuyenquang', 'auditor']) {
    const other = await signedIn(server.url, name);
    const r = await other.post('/api/v1/footage-requests', { from: local(-60), to: local(-30), reason: 'x', camera_ids: [cameras[0].id] });
    assert.equal(r.status, name === 'officer.kienthiet' ? 422 : 403, name);
  }
  assert.equal(sql(server, 'SELECT COUNT(*) FROM footage_requests'), before);
});
