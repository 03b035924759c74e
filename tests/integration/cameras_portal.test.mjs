// The camera owners' portal over plain HTTP forms, on both databases: register with
// consent (antibot, warnings, every bad field named and nothing saved), the codes shown
// once, manage and withdraw with the management code (POST only, never logged), nothing
// of the owner left anywhere once withdrawn but the tombstone; wrong codes answered alike
// and throttled; an officer confirms, and only then does the camera count.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, signedIn, unitIds, sql, assertNoMarkers, formClient, formAnswer, auditEntries } from './lib.mjs';

const MARKET = { lat: 21.80561, lon: 105.45156 };  // Tân Trào's centre, well inside 02545
const TOWN = { lat: 21.8236, lon: 105.2136 };      // Tuyên Quang's town: another commune
let server;
let ids;

before(async () => {
  server = await start();
  ids = await unitIds(server.url);
});
after(async () => server?.close());

const { get, post } = formClient(() => server.url);
const cameraCount = () => Number(sql(server, 'SELECT COUNT(*) FROM cameras'));
const auditCount = (action) => auditEntries(server, action);

const owner = (over = {}) => ({
  owner_kind: 'household', place: 'Cổng nhà', point: `${MARKET.lat}, ${MARKET.lon}`, direction: 'e', fov: '90',
  range: '30', retention: '7', storage: 'memory_card', sharing: 'on_request', name: 'Lê Văn Chủ', phone: '0912 345 000',
  address: '', consent: '1', ...over,
});

// Fills a fresh registration form (token and check answer) and sends it once it is old enough.
async function register(fields) {
  const html = await (await get(`/camera/dang-ky?xa=${ids['02545']}`)).text();
  const token = /name="token" value="([^"]+)"/.exec(html)[1];
  server.advanceClock(2100);  // a form answered within two seconds looks automated
  return post('/camera/dang-ky', { xa: ids['02545'], token, answer: formAnswer(html), ...fields });
}

async function registered(fields) {
  const res = await register(fields);
  const html = await res.text();
  assert.equal(res.status, 201, html);
  return {
    html,
    res,
    cameraCode: /id="camera-code">([^<]+)</.exec(html)[1],
    code: /id="management-code">([\d-]+)</.exec(html)[1],
  };
}

// Links as a browser reads them (mustache escapes "/" and "&" in values).
const decoded = (html) => html.replaceAll('&#x2F;', '/').replaceAll('&amp;', '&');

function assertPlain(res, html) {
  assert.equal(res.headers.get('set-cookie'), null, 'no cookie');
  assert.match(res.headers.get('content-type'), /text\/html/);
  assert.doesNotMatch(html, /<script/i, 'no script');
}

test('the start page, the commune choice and the form: Vietnamese first, English on request, no script, no cookie', async () => {
  const start = await get('/camera');
  const html = await start.text();
  assert.equal(start.status, 200);
  assertPlain(start, html);
  assert.match(html, /<html lang="vi">/);
  assert.match(html, /href="\/camera\/dang-ky\?lang=vi"/);
  assert.match(html, /href="\/camera\/quan-ly\?lang=vi"/);
  assert.match(await (await get('/camera?lang=en')).text(), /<html lang="en">[\s\S]*Register a camera/);
  assert.match(await (await get('/hom-thu')).text(), /href="\/camera\?lang=vi"/, 'linked from the portal home');
  const provinces = decoded(await (await get('/camera/dang-ky')).text());
  assert.match(provinces, new RegExp(`href="/camera/dang-ky\\?tinh=${ids['08']}&lang=vi"`));
  const communes = decoded(await (await get(`/camera/dang-ky?tinh=${ids['08']}`)).text());
  assert.match(communes, new RegExp(`href="/camera/dang-ky\\?xa=${ids['02545']}&lang=vi">xã Tân Trào`));
  const form = await get(`/camera/dang-ky?xa=${ids['02545']}`);
  const formHtml = await form.text();
  assertPlain(form, formHtml);
  assert.equal((formHtml.match(/<option value="(n|ne|e|se|s|sw|w|nw|all)"/g) ?? []).length, 9, '8 compass points and 360°');
  assert.match(formHtml, /name="consent" value="1"[^>]* required/);
  assert.equal((await get(`/camera/dang-ky?xa=${ids['08']}`)).status, 404, 'a province is not a commune');
});

test('bad input names every field next to it and saves nothing; a point in another commune asks for a confirmation', async () => {
  const count = cameraCount();
  const bad = await register(owner({ point: '', name: '', consent: '', direction: 'up' }));
  const html = await bad.text();
  assert.equal(bad.status, 422);
  for (const id of ['point', 'name', 'consent', 'direction']) assert.match(html, new RegExp(`href="#${id}"`), id);
  assert.ok((html.match(/class="field-error"/g) ?? []).length >= 4, 'messages beside the fields');
  assert.match(html, /value="Cổng nhà"/, 'what was written comes back');
  assert.equal(cameraCount(), count);

  const robot = await register(owner({ answer: '99' }));
  assert.equal(robot.status, 422, 'a wrong check answer');

  const far = await register(owner({ point: `${TOWN.lat}, ${TOWN.lon}` }));
  const farHtml = await far.text();
  assert.equal(far.status, 422);
  const officer = await signedIn(server.url, 'officer.tantrao');
  const there = await officer.get(`/api/v1/units/locate?lat=${TOWN.lat}&lon=${TOWN.lon}`);
  assert.ok(farHtml.includes(there.data.commune.name), 'the warning names the commune the point is in');
  assert.match(farHtml, /name="confirm_location" value="1"/);
  assert.equal(cameraCount(), count, 'nothing saved before the confirmation');
  await registered(owner({ point: `${TOWN.lat}, ${TOWN.lon}`, confirm_location: '1' }));
  assert.equal(cameraCount(), count + 1);
});

test('an owner registers, manages and withdraws a camera; nothing of theirs is left but the tombstone', async () => {
  const markers = ['Portal-Marker-Ten', '0966 123 789', 'Portal-Marker-Ngo'];
  const officer = await signedIn(server.url, 'officer.tantrao');
  const made = await registered(owner({ name: `Bà ${markers[0]}`, phone: markers[1], address: `Số 5, ${markers[2]}` }));
  assertPlain(made.res, made.html);
  assert.match(made.cameraCode, /^02545-CAM-\d{4}$/);
  assert.match(made.code, /^\d{4}-\d{4}-\d{4}-\d{4}$/);

  const waiting = await officer.get('/api/v1/cameras?confirmed=0&page_size=500');
  const listed = waiting.data.items.find((c) => c.code === made.cameraCode);
  assert.ok(listed, 'waiting for an officer');
  assert.equal(listed.confirmed, false);
  assert.equal((await officer.get(`/api/v1/cameras/${listed.id}`)).data.consent.channel, 'portal');
  assert.ok(!(await officer.get('/api/v1/cameras?confirmed=1&page_size=500')).data.items.some((c) => c.id === listed.id));

  const view = await post('/camera/quan-ly', { ma: made.code });
  const viewHtml = await view.text();
  assert.equal(view.status, 200);
  assertPlain(view, viewHtml);
  assert.ok(viewHtml.includes(made.cameraCode) && viewHtml.includes(markers[0]), 'the owner sees their camera and contact');

  const changed = await post('/camera/cap-nhat', { ma: made.code, ...owner({ name: `Bà ${markers[0]}`, phone: markers[1], address: `Số 5, ${markers[2]}`, sharing: 'live', retention: '15' }) });
  assert.equal(changed.status, 200, await changed.clone().text());
  assert.match(await changed.text(), /Đã lưu thay đổi/);
  const after = (await officer.get(`/api/v1/cameras/${listed.id}`)).data;
  assert.equal(after.sharing, 'live');
  assert.equal(after.retention_days, 15);
  const refused = await post('/camera/cap-nhat', { ma: made.code, ...owner({ phone: 'gọi tôi' }) });
  assert.equal(refused.status, 422);
  assert.match(await refused.text(), /href="#phone"/);

  const ask = await post('/camera/rut-dong-y', { ma: made.code });
  assert.equal(ask.status, 200);
  assert.match(await ask.text(), /name="chac_chan" value="1"/, 'asks before erasing');
  assert.equal((await officer.get(`/api/v1/cameras/${listed.id}`)).status, 200, 'still there until confirmed');
  const gone = await post('/camera/rut-dong-y', { ma: made.code, chac_chan: '1' });
  assert.equal(gone.status, 200);
  assert.equal((await officer.get(`/api/v1/cameras/${listed.id}`)).status, 404);
  assert.equal((await post('/camera/quan-ly', { ma: made.code })).status, 404, 'the code no longer works');

  assert.equal(sql(server, `SELECT channel FROM camera_tombstones WHERE camera_code = '${made.cameraCode}'`), 'portal');
  for (const action of ['camera.portal_register', 'camera.portal_update', 'camera.portal_withdraw']) {
    assert.ok(auditCount(action) >= 1, action);
  }
  assert.equal(sql(server, `SELECT COUNT(*) FROM camera_manage_codes WHERE camera_id = ${listed.id}`), '0');
  const digits = made.code.replaceAll('-', '');
  await new Promise((ok) => setTimeout(ok, 50));
  assertNoMarkers(server, [...markers, made.code, digits]);
  assert.doesNotMatch(server.logs(), / \/camera(\/\S*)? \d{3} [\d.]+ms client=/, 'no client address logged');
});

test('an officer of the commune confirms an owner\'s camera, and only then does it count', async () => {
  const made = await registered(owner({ place: 'Cửa hàng tạp hóa', owner_kind: 'business' }));
  const officer = await signedIn(server.url, 'officer.tantrao');
  const camera = (await officer.get('/api/v1/cameras?confirmed=0&page_size=500')).data.items.find((c) => c.code === made.cameraCode);
  const counted = async () => {
    const r = await officer.get(`/api/v1/cameras/coverage?unit_id=${ids['02545']}`);
    assert.equal(r.status, 200, r.text);
    return r.data.villages.reduce((n, v) => n + v.cameras.total, 0);
  };
  const before = await counted();
  const at = new Date(Date.now() + 7 * 3600e3 + 2 * 60e3).toISOString().slice(0, 16);
  const search = await officer.get(`/api/v1/cameras/search?lat=${MARKET.lat}&lon=${MARKET.lon}&at=${at}&radius=50&excluded=1&reason=x`);
  assert.equal(search.status, 200, search.text);
  const found = [...search.data.seen, ...search.data.excluded].find((s) => s.camera.id === camera.id);
  assert.ok(found, 'searches keep a camera waiting for confirmation');
  assert.equal(found.camera.confirmed, false, 'flagged');
  const seen = { version: camera.version };
  for (const name of ['team.khuondien', 'admin']) {
    assert.equal((await (await signedIn(server.url, name)).post(`/api/v1/cameras/${camera.id}/confirm`, seen)).status, 403, name);
  }
  assert.equal((await (await signedIn(server.url, 'officer.kienthiet')).post(`/api/v1/cameras/${camera.id}/confirm`, seen)).status, 404);
  const unversioned = await officer.post(`/api/v1/cameras/${camera.id}/confirm`, {});
  assert.equal(unversioned.status, 422, unversioned.text);
  assert.equal(unversioned.data.errors[0].field, 'version');
  // The owner turns the camera after the officer opened its page: what they saw is gone.
  const turned = await post('/camera/cap-nhat', { ma: made.code, ...owner({ place: 'Cửa hàng tạp hóa', direction: 's' }) });
  assert.equal(turned.status, 200, await turned.text());
  const stale = await officer.post(`/api/v1/cameras/${camera.id}/confirm`, seen);
  assert.equal(stale.status, 409, stale.text);
  assert.equal(stale.data.type, '/problems/conflict');
  assert.equal(auditCount('camera.confirm'), 0);
  const current = (await officer.get(`/api/v1/cameras/${camera.id}`)).data;
  assert.equal(current.confirmed, false);
  const confirmed = await officer.post(`/api/v1/cameras/${camera.id}/confirm`, { version: current.version });
  assert.equal(confirmed.status, 200, confirmed.text);
  assert.equal(confirmed.data.confirmed, true);
  assert.equal(await counted(), before + 1);
  assert.equal(auditCount('camera.confirm'), 1);
  const view = await (await post('/camera/quan-ly', { ma: made.code })).text();
  assert.match(view, /id="camera-status">Đã được Công an xã xác nhận/);
});

test('wrong codes all get the same answer, and many of them make everyone wait', async () => {
  const wrong = await post('/camera/quan-ly', { ma: '0000-0000-0000-0000' });
  const malformed = await post('/camera/quan-ly', { ma: 'abc' });
  assert.equal(wrong.status, 404);
  assert.equal(malformed.status, 404);
  const message = (html) => /<div class="errors" role="alert"><p>([^<]*)</.exec(html)[1];
  assert.equal(message(await wrong.text()), message(await malformed.text()));
  let last;
  for (let i = 0; i < 120; i++) {
    last = await post('/camera/quan-ly', { ma: `bad-${i}` });
    if (last.status === 429) break;
  }
  assert.equal(last.status, 429, 'throttled');
  assert.ok(Number(last.headers.get('retry-after')) >= 1);
  assert.match(last.headers.get('content-type'), /text\/html/);
  server.advanceClock(61000);
  assert.equal((await post('/camera/quan-ly', { ma: '0000-0000-0000-0000' })).status, 404, 'the wait ends');
});
