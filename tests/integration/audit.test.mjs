// The audit log: browsing for auditors, and tamper detection of the hash chain.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { start, signedIn, psql, DB } from './lib.mjs';

let server;
before(async () => { server = await start(); });
after(async () => { await server.close(); });

test('auditors browse the log newest first, filtered by actor, action and dates', async () => {
  const admin = await signedIn(server.url, 'admin');
  await admin.patch('/api/v1/auth/me', { locale: 'en' });
  const auditor = await signedIn(server.url, 'auditor');
  const all = await auditor.get('/api/v1/audit?page_size=5');
  assert.equal(all.status, 200);
  assert.equal(all.data.items.length, 5);
  assert.ok(all.data.total > 20);
  const ids = all.data.items.map((e) => e.id);
  assert.deepEqual(ids, [...ids].sort((a, b) => b - a));
  const mine = await auditor.get('/api/v1/audit?actor=admin&action=user');
  assert.ok(mine.data.items.length > 0);
  assert.ok(mine.data.items.every((e) => e.actor_name === 'admin' && e.action.startsWith('user.')));
  const today = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);  // the local (UTC+7) date
  const dated = await auditor.get(`/api/v1/audit?from=${today}&to=${today}&action=user.settings`);
  assert.equal(dated.data.items[0].actor_name, 'admin');
  assert.equal(dated.data.items[0].detail.locale, 'en');
  const old = await auditor.get('/api/v1/audit?to=2020-01-01');
  assert.equal(old.data.total, 0);
  assert.equal((await auditor.get('/api/v1/audit?from=yesterday')).status, 422);
  const demoImport = await auditor.get('/api/v1/audit?action=unit.import_official');
  assert.equal(demoImport.data.total, 1, 'one entry for the province, not one per unit');
  assert.equal(demoImport.data.items[0].actor_name, 'system');
  assert.equal(demoImport.data.items[0].detail.province, '08');
  assert.equal(demoImport.data.items[0].detail.merged, 3, 'Kim Quan, Trung Yên and the old Tân Trào');
});

test('nobody but auditors reads the log', async () => {
  for (const name of ['admin', 'officer.tantrao', 'team.khuondien', 'reviewer.tuyenquang']) {
    const c = await signedIn(server.url, name);
    assert.equal((await c.get('/api/v1/audit')).status, 403, name);
    assert.equal((await c.get('/api/v1/audit/verify')).status, 403, name);
  }
});

test('the append-only guard refuses updates and deletes through SQL', () => {
  const run = (sql) => DB === 'postgres'
    ? psql(server.databaseUrl, sql)
    : execFileSync('sqlite3', [`${server.dir}/antq.db`, sql], { stdio: 'pipe', encoding: 'utf8' });
  assert.throws(() => run("UPDATE audit_log SET reason = 'x' WHERE id = 2"), /append-only/);
  assert.throws(() => run('DELETE FROM audit_log WHERE id = 2'), /append-only/);
});

test('verify reports an intact chain, then the first edited entry after tampering', async () => {
  const auditor = await signedIn(server.url, 'auditor');
  const ok = await auditor.get('/api/v1/audit/verify');
  assert.equal(ok.status, 200);
  assert.equal(ok.data.ok, true);
  assert.ok(ok.data.checked > 20);
  const cliOk = server.cli(['audit', 'verify']);
  assert.equal(cliOk.status, 0, cliOk.stderr);
  assert.match(cliOk.stdout, /intact/);

  // An insider with database access edits entry 5 (after removing the append-only guard).
  if (DB === 'postgres') {
    psql(server.databaseUrl, "DROP TRIGGER audit_log_no_change ON audit_log; UPDATE audit_log SET detail = '{\"edited\":true}' WHERE id = 5;");
  } else {
    execFileSync('sqlite3', [`${server.dir}/antq.db`,
      "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET detail = '{\"edited\":true}' WHERE id = 5;"]);
  }
  const bad = await auditor.get('/api/v1/audit/verify');
  assert.equal(bad.data.ok, false);
  assert.equal(bad.data.first_bad_id, 5);
  assert.equal(bad.data.checked, 4);
  const cliBad = server.cli(['audit', 'verify']);
  assert.equal(cliBad.status, 3);
  assert.match(cliBad.stdout, /entry 5/);
});

