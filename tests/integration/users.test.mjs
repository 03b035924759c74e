// User administration by administrators, with every access audited.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { start, signedIn, unitIds, PASSWORD, Client, DB, psql, fieldsOf } from './lib.mjs';

let server;
let ids;
before(async () => {
  server = await start();
  ids = await unitIds(server.url);
});
after(async () => { await server.close(); });

test('an admin creates, reads, lists and edits a user', async () => {
  const admin = await signedIn(server.url, 'admin');
  const r = await admin.post('/api/v1/users', {
    username: 'to.langhan', full_name: '  Đặng Văn Điệp ', role: 'team_member', unit_id: ids['DEMO-KQ-LANGHAN'], password: PASSWORD,
  });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.data.full_name, 'Đặng Văn Điệp');
  assert.equal(r.data.unit_name, 'Làng Hản');
  assert.equal(r.data.totp_enabled, false);
  assert.equal(r.data.password, undefined);
  const got = await admin.get(`/api/v1/users/${r.data.id}`);
  assert.equal(got.data.username, 'to.langhan');
  const found = await admin.get('/api/v1/users?q=DIEP');
  assert.deepEqual(found.data.items.map((u) => u.username), ['to.langhan']);
  const byRole = await admin.get('/api/v1/users?role=auditor');
  assert.deepEqual(byRole.data.items.map((u) => u.username), ['auditor']);
  const edited = await admin.patch(`/api/v1/users/${r.data.id}`, { role: 'officer', unit_id: ids['02545'] });
  assert.equal(edited.status, 200);
  assert.equal(edited.data.role, 'officer');
  assert.equal(edited.data.unit_name, 'Tân Trào');
  const signed = await signedIn(server.url, 'to.langhan');
  assert.equal((await signed.get('/api/v1/units/tree')).data.roots[0].code, '02545', 'the new scope applies');
});

test('each user gets an own key pair at first sign-in; disabling drops the wrapped key', async () => {
  const admin = await signedIn(server.url, 'admin');
  const u = await admin.post('/api/v1/users', { username: 'co.khoa', full_name: 'Có Khóa', role: 'officer', unit_id: ids['02545'], password: PASSWORD });
  const query = `SELECT count(*) FROM users WHERE id = ${u.data.id} AND box_secret_wrapped IS NOT NULL`;
  const count = () => Number(DB === 'postgres' ? psql(server.databaseUrl, query).trim()
    : execFileSync('sqlite3', [`${server.dir}/antq.db`, query], { encoding: 'utf8' }).trim());
  assert.equal(count(), 0, 'no key before the first sign-in');
  await signedIn(server.url, 'co.khoa');
  assert.equal(count(), 1);
  const raw = DB === 'postgres'
    ? psql(server.databaseUrl, `SELECT encode(box_secret_wrapped, 'hex') FROM users WHERE id = ${u.data.id}`)
    : execFileSync('sqlite3', [`${server.dir}/antq.db`, `SELECT hex(box_secret_wrapped) FROM users WHERE id = ${u.data.id}`], { encoding: 'utf8' });
  assert.ok(raw.trim().length >= 2 * (24 + 16 + 32), 'nonce, MAC and the secret key');
  await admin.patch(`/api/v1/users/${u.data.id}`, { disabled: true });
  assert.equal(count(), 0, 'disabling removes the wrapped key');
});

test('a password reset by the admin ends the user sessions', async () => {
  const admin = await signedIn(server.url, 'admin');
  const u = await admin.post('/api/v1/users', { username: 'quen.matkhau', full_name: 'Quên', role: 'officer', unit_id: ids['DEMO-KIENTHIET'], password: PASSWORD });
  const user = await signedIn(server.url, 'quen.matkhau');
  const r = await admin.patch(`/api/v1/users/${u.data.id}`, { password: 'mat-khau-dat-lai-1' });
  assert.equal(r.status, 200);
  assert.equal((await user.get('/api/v1/auth/me')).status, 401);
  assert.equal((await new Client(server.url).login('quen.matkhau', 'mat-khau-dat-lai-1')).status, 200);
});

test('bad user input is named field by field and nothing is created', async () => {
  const admin = await signedIn(server.url, 'admin');
  const r = await admin.post('/api/v1/users', { username: 'Có Dấu', full_name: '', role: 'king', unit_id: 999999, password: 'short' });
  assert.equal(r.status, 422);
  const got = Object.fromEntries(r.data.errors.map((e) => [e.field, e.code]));
  assert.deepEqual(got, { username: 'invalid_format', full_name: 'required', role: 'unknown_value', unit_id: 'not_found', password: 'weak_password' });
  const dup = await admin.post('/api/v1/users', { username: 'auditor', full_name: 'X', role: 'auditor', unit_id: ids.VN, password: PASSWORD });
  assert.equal(dup.status, 422);
  assert.equal(dup.data.errors[0].code, 'duplicate');
  const self = await admin.patch(`/api/v1/users/${(await admin.get('/api/v1/auth/me')).data.user.id}`, { disabled: true });
  assert.equal(self.status, 422, 'an admin cannot lock himself out');
  assert.equal((await admin.get('/api/v1/users?q=co%20dau')).data.total, 0);
});

test('only administrators manage users', async () => {
  for (const name of ['officer.tantrao', 'team.khuondien', 'reviewer.tuyenquang', 'auditor']) {
    const c = await signedIn(server.url, name);
    assert.equal((await c.get('/api/v1/users')).status, 403, name);
    assert.equal((await c.get('/api/v1/users/1')).status, 403, name);
    const post = await c.post('/api/v1/users', { username: 'x.y', full_name: 'X', role: 'admin', unit_id: ids.VN, password: PASSWORD });
    assert.equal(post.status, 403, name);
  }
});

test('reading and changing users is in the audit log with who and which record', async () => {
  const admin = await signedIn(server.url, 'admin');
  const u = await admin.post('/api/v1/users', { username: 'kiem.tra', full_name: 'Kiểm Tra', role: 'officer', unit_id: ids['02545'], password: PASSWORD });
  await admin.get(`/api/v1/users/${u.data.id}`);
  const auditor = await signedIn(server.url, 'auditor');
  const log = await auditor.get(`/api/v1/audit?entity=user&entity_id=${u.data.id}`);
  const actions = log.data.items.map((e) => `${e.actor_name}:${e.action}`);
  assert.ok(actions.includes('admin:user.create'), actions.join());
  assert.ok(actions.includes('admin:user.read'), actions.join());
  const created = log.data.items.find((e) => e.action === 'user.create');
  assert.equal(created.detail.username, 'kiem.tra');
  assert.equal(JSON.stringify(created).includes(PASSWORD), false, 'no secret in the log');
});

test('a staff phone is kept in one form; SMS needs a mobile; the number stays out of the audit log', async () => {
  const admin = await signedIn(server.url, 'admin');
  const u = await admin.post('/api/v1/users', { username: 'so.dien.thoai', full_name: 'Lò Văn Sơn', role: 'officer', unit_id: ids['02545'], password: PASSWORD });
  assert.equal(u.data.phone, null);
  assert.equal(u.data.sms_opt_in, false);
  const set = await admin.patch(`/api/v1/users/${u.data.id}`, { phone: '(+84) 0912.345.678', sms_opt_in: true });
  assert.equal(set.status, 200, set.text);
  assert.deepEqual([set.data.phone, set.data.phone_national, set.data.sms_opt_in], ['+84912345678', '0912 345 678', true]);

  // A landline takes no SMS; a bad number is named; nothing changes on a refusal.
  const landline = await admin.patch(`/api/v1/users/${u.data.id}`, { phone: '(0207) 3822 123', sms_opt_in: true });
  assert.equal(landline.status, 422);
  assert.deepEqual(fieldsOf(landline), ['sms_opt_in:no_mobile']);
  const bad = await admin.patch(`/api/v1/users/${u.data.id}`, { phone: '113' });
  assert.deepEqual(fieldsOf(bad), ['phone:short_number']);
  assert.equal((await admin.get(`/api/v1/users/${u.data.id}`)).data.phone, '+84912345678', 'unchanged');
  const moved = await admin.patch(`/api/v1/users/${u.data.id}`, { phone: '0207 3822 123' });
  assert.deepEqual([moved.data.phone, moved.data.phone_national, moved.data.sms_opt_in], ['+842073822123', '0207 3822 123', false],
    'a landline ends the SMS reminders');

  // The user's own settings: the phone and the SMS choice, not the role.
  const own = await signedIn(server.url, 'so.dien.thoai');
  const mine = await own.patch('/api/v1/auth/me', { phone: '0387 654 321', sms_opt_in: true });
  assert.equal(mine.status, 200, mine.text);
  assert.deepEqual([mine.data.user.phone, mine.data.user.sms_opt_in], ['+84387654321', true]);
  const role = await own.patch('/api/v1/auth/me', { role: 'admin' });
  assert.equal(role.status, 422, 'an unknown field of one\'s own settings');
  const cleared = await own.patch('/api/v1/auth/me', { phone: '' });
  assert.deepEqual([cleared.data.user.phone, cleared.data.user.sms_opt_in], [null, false]);
  assert.equal((await own.patch('/api/v1/auth/me', {})).status, 422, 'nothing to change');

  const auditor = await signedIn(server.url, 'auditor');
  const log = await auditor.get(`/api/v1/audit?entity=user&entity_id=${u.data.id}`);
  const actions = log.data.items.map((e) => e.action);
  assert.ok(actions.includes('user.settings'), actions.join());
  const text = JSON.stringify(log.data.items);
  for (const digits of ['912345678', '3822123', '387654321']) assert.equal(text.includes(digits), false, digits);
});
