// Signing in and out, sessions, CSRF, throttling, passwords and the second factor.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, Client, signedIn, totp, PASSWORD } from './lib.mjs';

let server;
before(async () => { server = await start(); });
after(async () => { await server.close(); });

test('a good login answers the user and a CSRF token and sets a strict HttpOnly cookie', async () => {
  const c = new Client(server.url);
  const r = await c.login('officer.tantrao');
  assert.equal(r.status, 200);
  assert.equal(r.data.user.username, 'officer.tantrao');
  assert.equal(r.data.user.role, 'officer');
  assert.equal(r.data.user.unit_name, 'Tân Trào');
  assert.ok(r.data.csrf_token.length >= 20);
  assert.match(r.setCookie, /antq_session=[A-Za-z0-9_-]{40,}/);
  assert.match(r.setCookie, /HttpOnly/);
  assert.match(r.setCookie, /SameSite=Strict/);
  assert.doesNotMatch(r.setCookie, /Secure/, 'plain HTTP on loopback: no Secure flag');
  const me = await c.get('/api/v1/auth/me');
  assert.equal(me.status, 200);
  assert.equal(me.data.csrf_token, r.data.csrf_token);
});

test('each role\'s capabilities come with the session, from the services\' own rules', async () => {
  const expected = {
    'officer.tantrao': ['households.read', 'households.write', 'households.witness', 'households.phones',
      'households.sheets', 'teams.keep', 'gradings.read', 'gradings.grade', 'models.read', 'models.keep',
      'models.record', 'offline.pack'],
    'team.khuondien': ['households.read', 'households.write', 'households.witness', 'models.read', 'models.record',
      'offline.pack'],
    'reviewer.tuyenquang': ['households.read', 'gradings.read', 'models.read'],
    admin: ['households.read', 'households.write', 'households.sheets', 'teams.keep', 'gradings.read', 'models.read',
      'models.keep', 'models.types'],
    auditor: [],
  };
  for (const [username, capabilities] of Object.entries(expected)) {
    const c = new Client(server.url);
    const login = await c.login(username);
    assert.deepEqual(login.data.capabilities, capabilities, username);
    assert.deepEqual((await c.get('/api/v1/auth/me')).data.capabilities, capabilities, username);
  }
});

test('behind a TLS proxy on loopback the cookie is Secure', async () => {
  const r = await fetch(server.url + '/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
    body: JSON.stringify({ username: 'auditor', password: PASSWORD }),
  });
  assert.equal(r.status, 200);
  assert.match(r.headers.get('set-cookie'), /; Secure/);
});

test('a wrong password or unknown user gets the same 401 and is audited', async () => {
  const c = new Client(server.url);
  const wrong = await c.login('reviewer.tuyenquang', 'not-the-password');
  const unknown = await c.login('nobody.here', 'not-the-password');
  for (const r of [wrong, unknown]) {
    assert.equal(r.status, 401);
    assert.equal(r.data.type, '/problems/invalid-credentials');
    assert.equal(r.setCookie, null);
  }
  const auditor = await signedIn(server.url, 'auditor');
  const log = await auditor.get('/api/v1/audit?action=auth.login_failed');
  const names = log.data.items.map((e) => e.actor_name);
  assert.ok(names.includes('reviewer.tuyenquang') && names.includes('nobody.here'));
});

test('without a session the API answers 401', async () => {
  const r = await new Client(server.url).get('/api/v1/units/tree');
  assert.equal(r.status, 401);
  assert.equal(r.data.type, '/problems/unauthenticated');
});

test('a state-changing request without the CSRF token is refused and changes nothing', async () => {
  const c = await signedIn(server.url, 'admin');
  const r = await c.request('PATCH', '/api/v1/auth/me', { json: { locale: 'en' }, csrf: false });
  assert.equal(r.status, 403);
  assert.equal(r.data.type, '/problems/csrf-failed');
  const wrong = await c.request('PATCH', '/api/v1/auth/me', { json: { locale: 'en' }, headers: { 'x-csrf-token': 'forged' }, csrf: false });
  assert.equal(wrong.status, 403);
  assert.equal((await c.get('/api/v1/auth/me')).data.user.locale, 'vi');
});

test('the user language choice switches error messages to English', async () => {
  const c = await signedIn(server.url, 'team.khuondien');
  const r = await c.patch('/api/v1/auth/me', { locale: 'en' });
  assert.equal(r.status, 200);
  assert.equal(r.data.user.locale, 'en');
  const err = await c.get('/api/v1/units/999999');
  assert.equal(err.data.title, 'Not found');
  const bad = await c.patch('/api/v1/auth/me', { locale: 'fr' });
  assert.equal(bad.status, 422);
  await c.patch('/api/v1/auth/me', { locale: 'vi' });
});

test('logout ends the session on the server', async () => {
  const c = await signedIn(server.url, 'officer.kienthiet');
  const cookie = c.cookie;
  assert.equal((await c.post('/api/v1/auth/logout')).status, 204);
  const replay = new Client(server.url);
  replay.cookie = cookie;
  assert.equal((await replay.get('/api/v1/auth/me')).status, 401);
});

test('repeated failures are slowed with 429 and Retry-After, per account', async () => {
  const c = new Client(server.url);
  const statuses = [];
  let retry = null;
  for (let i = 0; i < 8; i++) {
    const r = await c.login('throttle.target', 'wrong-password-x');
    statuses.push(r.status);
    if (r.status === 429) retry = Number(r.headers.get('retry-after'));
  }
  assert.deepEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401]);
  assert.ok(statuses.slice(5).includes(429), statuses.join());
  assert.ok(retry >= 1 && retry <= 900);
});

test('a password change needs the current password and a long new one', async () => {
  const admin = await signedIn(server.url, 'admin');
  const created = await admin.post('/api/v1/users', {
    username: 'doi.matkhau', full_name: 'Trần Văn Đổi', role: 'officer', unit_id: (await admin.get('/api/v1/auth/me')).data.user.unit_id, password: PASSWORD,
  });
  assert.equal(created.status, 201, created.text);
  const c = await signedIn(server.url, 'doi.matkhau');
  const wrong = await c.post('/api/v1/auth/password', { current_password: 'nope-nope-nope', new_password: 'mot-mat-khau-moi' });
  assert.equal(wrong.status, 422);
  assert.equal(wrong.data.errors[0].field, 'current_password');
  const weak = await c.post('/api/v1/auth/password', { current_password: PASSWORD, new_password: 'short' });
  assert.equal(weak.data.errors[0].code, 'weak_password');
  const ok = await c.post('/api/v1/auth/password', { current_password: PASSWORD, new_password: ' mot mat khau moi ' });
  assert.equal(ok.status, 204);
  assert.equal((await new Client(server.url).login('doi.matkhau', PASSWORD)).status, 401);
  assert.equal((await new Client(server.url).login('doi.matkhau', ' mot mat khau moi ')).status, 200, 'spaces are kept');
});

test('TOTP: setup, enable with a code, then login needs a code never used before; recovery codes work once', async () => {
  const c = await signedIn(server.url, 'reviewer.tuyenquang');
  const setup = await c.post('/api/v1/auth/totp/setup');
  assert.equal(setup.status, 200);
  assert.match(setup.data.secret, /^[A-Z2-7]{32}$/);
  assert.match(setup.data.otpauth_uri, /^otpauth:\/\/totp\/antq:reviewer\.tuyenquang\?secret=/);
  assert.match(setup.data.qr_svg, /^<svg /);
  const badEnable = await c.post('/api/v1/auth/totp/enable', { code: '000000' === totp(setup.data.secret) ? '111111' : '000000' });
  assert.equal(badEnable.status, 422);
  const enableCode = totp(setup.data.secret);
  const enabled = await c.post('/api/v1/auth/totp/enable', { code: enableCode });
  assert.equal(enabled.status, 200);
  assert.equal(enabled.data.recovery_codes.length, 10);

  const fresh = new Client(server.url);
  const needs = await fresh.login('reviewer.tuyenquang');
  assert.equal(needs.status, 401);
  assert.equal(needs.data.type, '/problems/totp-required');
  assert.equal(needs.data.totp_required, true);
  const wrongCode = await fresh.login('reviewer.tuyenquang', PASSWORD, '123456' === totp(setup.data.secret) ? '654321' : '123456');
  assert.equal(wrongCode.data.type, '/problems/invalid-totp');
  const used = await fresh.login('reviewer.tuyenquang', PASSWORD, enableCode);
  assert.equal(used.data.type, '/problems/invalid-totp', 'the code that turned TOTP on cannot sign in');
  const next = totp(setup.data.secret, Date.now() + 30000);  // the next step, within the allowed drift
  const good = await fresh.login('reviewer.tuyenquang', PASSWORD, next);
  assert.equal(good.status, 200);
  assert.equal(good.data.user.totp_enabled, true);
  const replayed = await new Client(server.url).login('reviewer.tuyenquang', PASSWORD, next);
  assert.equal(replayed.status, 401, 'a code is accepted once (RFC 6238 §5.2)');
  assert.equal(replayed.data.type, '/problems/invalid-totp');
  const earlier = await new Client(server.url).login('reviewer.tuyenquang', PASSWORD, totp(setup.data.secret, Date.now() - 30000));
  assert.equal(earlier.status, 401, 'nor one of a step before the last accepted');

  const recovery = enabled.data.recovery_codes[0];
  assert.equal((await new Client(server.url).login('reviewer.tuyenquang', PASSWORD, recovery)).status, 200);
  assert.equal((await new Client(server.url).login('reviewer.tuyenquang', PASSWORD, recovery)).status, 401, 'used once');

  const off = await fresh.post('/api/v1/auth/totp/disable', { password: PASSWORD });
  assert.equal(off.status, 204);
  assert.equal((await new Client(server.url).login('reviewer.tuyenquang')).status, 200);
});

test('a disabled account cannot sign in and loses its sessions', async () => {
  const admin = await signedIn(server.url, 'admin');
  const me = (await admin.get('/api/v1/auth/me')).data.user;
  const u = await admin.post('/api/v1/users', { username: 'sap.khoa', full_name: 'Sắp Khóa', role: 'auditor', unit_id: me.unit_id, password: PASSWORD });
  const victim = await signedIn(server.url, 'sap.khoa');
  assert.equal((await admin.patch(`/api/v1/users/${u.data.id}`, { disabled: true })).status, 200);
  assert.equal((await victim.get('/api/v1/auth/me')).status, 401);
  assert.equal((await new Client(server.url).login('sap.khoa')).status, 401);
});
