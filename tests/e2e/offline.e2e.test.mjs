// The offline pages in a browser (plan D8, step 27), as team.khuondien on a 360-px phone,
// with axe at each step. The first test turns the browser offline (context.setOffline:
// navigator.onLine false). The others put a TCP proxy between the browser and antq
// (netcut.mjs) whose cut() resets every connection while the browser believes it is online,
// as on a Wi-Fi with no way out: a reload still opens the offline pages from the service
// worker's shell, records entered there wait in the outbox ("N đang chờ gửi") and go once the
// network is back; an entry sent twice is stored once (`replayed`); a patrol the officer
// changed meanwhile is a conflict the member settles either way; a session that expired
// while the phone was cut off keeps the entries until the member signs in again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, fitsWidth, launch, login, newPage, signedIn, start, PASSWORD } from './lib.mjs';
import { sql } from '../integration/lib.mjs';
import { netcut } from './netcut.mjs';

let server;
let browser;
let proxy;
before(async () => {
  server = await start();
  browser = await launch();
  proxy = await netcut(server.url);
});
after(async () => {
  await browser?.close();
  await proxy?.close();
  await server?.close();
});

// ---- Helpers --------------------------------------------------------------------------

// A 360-px phone signed in at `base`, its service worker active and in control.
async function phone(base, username = 'team.khuondien') {
  const page = await newPage(browser, { width: 360, height: 740 });
  await login(page, base, username, PASSWORD);
  await page.waitForSelector('#welcome');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
  return page;
}

// No serious axe violation, nothing wider than the phone.
async function assertClean(page, what) {
  assert.deepEqual(await axeViolations(page), [], what);
  assert.ok(await fitsWidth(page), `${what} fits 360 px`);
}

// /offline with the village's pack loaded (a fresh one: 0 days old).
async function openPack(page, base) {
  await page.goto(`${base}/offline`);
  await page.waitForSelector('#pack-age');
  assert.match(await page.textContent('#pack-age'), /^Dữ liệu ngày \d\d\/\d\d\/\d{4} \(0 ngày trước\)\.$/);
}

// Every value of an IndexedDB store of the app (antq-offline), read from the page.
function storedValues(page, store) {
  return page.evaluate(
    (name) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('antq-offline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction(name).objectStore(name).getAll();
          read.onsuccess = () => {
            open.result.close();
            resolve(read.result);
          };
          read.onerror = () => reject(read.error);
        };
      }),
    store,
  );
}

// Puts `entry` into the phone's outbox, waiting and due now, as the app queues one.
function putOutboxEntry(page, entry) {
  const queued = { ...entry, state: 'waiting', attempts: 0, next_try_at: 0, created_at: Date.now() };
  delete queued.last_error;
  return page.evaluate(
    (value) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('antq-offline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('outbox', 'readwrite');
          tx.objectStore('outbox').put(value);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    queued,
  );
}

async function outboxEntry(page, id) {
  const entry = (await storedValues(page, 'outbox')).find((e) => e.id === id);
  assert.ok(entry, `outbox entry ${id}`);
  return entry;
}

// The badge's words for the records still to send ("2 đang chờ gửi").
async function waitingBadge(page, text) {
  await page.waitForFunction((want) => document.querySelector('#outbox-waiting')?.textContent === want, text);
}

// Enters a patrol on /offline/patrol (night shift, the first member, a route of two points
// clicked on the village's boundary); resolves with its id once it shows as "chờ gửi".
async function enterPatrol(page, findings) {
  await page.waitForSelector('#offline-patrol');
  await page.selectOption('#offline-patrol-shift', 'night');
  await page.check('#offline-patrol-members input[type=checkbox] >> nth=0');
  const map = await page.$('#offline-patrol-map');
  const box = await map.boundingBox();
  await map.click({ position: { x: box.width * 0.48, y: box.height * 0.48 } });
  await map.click({ position: { x: box.width * 0.52, y: box.height * 0.52 } });
  assert.equal(await page.getAttribute('#offline-patrol-map', 'data-points'), '2');
  await page.fill('#offline-patrol-findings', findings);
  const id = await page.getAttribute('#offline-patrol', 'data-patrol-id');
  await page.click('#offline-patrol button[type=submit]');
  await page.waitForSelector(`#offline-patrols [data-patrol-id="${id}"][data-pending="true"]`);
  return id;
}

// Ticks this year's registration of `household` (from the pack) on /offline/registration.
async function tickHousehold(page, household, note) {
  await page.fill('#offline-household-search', household.code);
  await page.click(`#offline-household-${household.id}-tick`);
  await page.waitForSelector(`#offline-tick[data-household-id="${household.id}"]`);
  await page.check('#offline-tick-signed');
  await page.fill('#offline-tick-note', note);
  await page.click('#offline-tick button[type=submit]');
  await page.waitForSelector('#offline-tick', { state: 'detached' });
  await page.waitForFunction(
    (id) => /chờ gửi/.test(document.querySelector(`#offline-households [data-household-id="${id}"]`)?.textContent ?? ''),
    household.id,
  );
}

// Back online: /offline through the badge (no reload), and "Gửi ngay".
async function sendNow(page) {
  await page.click('#outbox-status');
  await page.waitForSelector('#outbox-send:not([disabled])');
  await page.click('#outbox-send');
}

// The answer to the phone's next PUT of patrol `id`.
function patrolAnswer(page, id) {
  return page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith(`/api/v1/community/patrols/${id}`));
}

// An officer's change of a patrol's findings through the API, on the version they read.
async function officerEdits(id, findings) {
  const officer = await signedIn(server.url, 'officer.tantrao');
  const { data: stored } = await officer.get(`/api/v1/community/patrols/${id}`);
  const body = { team_id: stored.team_id, patrol_on: stored.patrol_on, shift: stored.shift, member_ids: stored.member_ids,
    route: stored.route, findings, tip_refs: stored.tip_refs, base_version: stored.version };
  const r = await officer.put(`/api/v1/community/patrols/${id}`, body);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.outcome, 'updated');
  return r.data.patrol.version;
}

async function storedPatrol(id) {
  const officer = await signedIn(server.url, 'officer.tantrao');
  const r = await officer.get(`/api/v1/community/patrols/${id}`);
  assert.equal(r.status, 200, r.text);
  return r.data;
}

// The member's change of a patrol the phone holds at `baseVersion`, queued as the offline
// forms queue a record (the app has no form to change a patrol once sent: the test queues
// what one would, from the entry the phone first sent).
async function phoneEdits(page, sent, findings, baseVersion) {
  await putOutboxEntry(page, {
    ...sent,
    body: { ...sent.body, findings, device_at: Date.now() },
    base_version: baseVersion,
  });
}

// Opens the conflict of entry `id` on /offline and checks both versions of the findings.
async function openConflict(page, id, mine, theirs) {
  await page.waitForSelector(`#outbox [data-entry-id="${id}"][data-state="conflict"]`);
  assert.equal(await page.textContent('#outbox-conflicts'), '1 xung đột');
  await page.click(`#entry-${id}-compare`);
  const row = `#conflict-${id}-table tr[data-field="findings"]`;
  await page.waitForSelector(row);
  assert.equal(await page.getAttribute(row, 'data-same'), 'false');
  assert.equal(await page.textContent(`${row} [data-side="mine"]`), mine);
  assert.equal(await page.textContent(`${row} [data-side="server"]`), theirs);
}

// ---- Tests ----------------------------------------------------------------------------

test('a patrol entered with no network waits in the outbox, then reaches the server', async () => {
  const page = await phone(server.url);
  await openPack(page, server.url);
  assert.equal(await page.$('#outbox-status'), null);
  await assertClean(page, '/offline');

  await page.context().setOffline(true);
  await page.goto(`${server.url}/offline/patrol`);
  const findings = `Tuần tra khi mất sóng (e2e ${Date.now()})`;
  const id = await enterPatrol(page, findings);
  await page.waitForSelector('#outbox-waiting');
  assert.equal(await page.textContent('#outbox-waiting'), '1 đang chờ gửi');
  await assertClean(page, '/offline/patrol');

  await page.context().setOffline(false);
  await page.waitForSelector('#outbox-status', { state: 'detached', timeout: 20_000 });
  const member = await signedIn(server.url, 'team.khuondien');
  const stored = await member.get(`/api/v1/community/patrols/${id}`);
  assert.equal(stored.status, 200, stored.text);
  assert.equal(stored.data.findings, findings);
  assert.equal(stored.data.route.length, 2);
  assert.equal(stored.data.version, 1);
  await page.waitForSelector(`#offline-patrols [data-patrol-id="${id}"][data-pending="false"]`);
  assert.deepEqual(page.jsErrors, []);
  await page.context().close();
});

test('cut off, a patrol and a tick wait; restored, both go; a patrol sent twice is stored once', async () => {
  const page = await phone(proxy.url);
  await openPack(page, proxy.url);
  await assertClean(page, '/offline');
  const [{ pack }] = await storedValues(page, 'packs');
  const household = pack.households.find((h) => h.registration === null);
  assert.ok(household, 'a household of the pack not yet registered this year');

  proxy.cut();
  try {
    // The service worker's shell opens the page; the app boots from the user it kept.
    await page.reload();
    await page.goto(`${proxy.url}/offline/patrol`);
    const findings = `Tuần tra khi đứt mạng (e2e ${Date.now()})`;
    const id = await enterPatrol(page, findings);
    await waitingBadge(page, '1 đang chờ gửi');
    await assertClean(page, '/offline/patrol, cut off');
    const sent = await outboxEntry(page, id);

    await page.goto(`${proxy.url}/offline/registration`);
    const note = `Đăng ký khi đứt mạng (e2e ${Date.now()})`;
    await tickHousehold(page, household, note);
    await waitingBadge(page, '2 đang chờ gửi');
    await assertClean(page, '/offline/registration, cut off');

    proxy.restore();
    await sendNow(page);
    await page.waitForSelector('#outbox-status', { state: 'detached' });
    await page.waitForSelector('#outbox-empty');
    await assertClean(page, '/offline, sent');

    const officer = await signedIn(server.url, 'officer.tantrao');
    const patrol = await officer.get(`/api/v1/community/patrols/${id}`);
    assert.equal(patrol.status, 200, patrol.text);
    assert.equal(patrol.data.findings, findings);
    assert.equal(patrol.data.route.length, 2);
    assert.equal(patrol.data.version, 1);
    const ticked = await officer.get(`/api/v1/community/households/${household.id}`);
    assert.equal(ticked.status, 200, ticked.text);
    assert.equal(ticked.data.registration?.note, note);
    assert.equal(ticked.data.registration?.signed, true);

    // The same entry again (a send whose answer was lost): `replayed`, one row.
    await putOutboxEntry(page, sent);
    const answer = patrolAnswer(page, id);
    await page.reload();
    const replay = await answer;
    assert.equal(replay.status(), 200);
    assert.equal((await replay.json()).outcome, 'replayed');
    await page.waitForSelector('#outbox-empty');
    assert.equal(await page.$('#outbox-status'), null);
    assert.equal(sql(server, `SELECT COUNT(*) FROM security_patrols WHERE id = '${id}'`), '1');
    assert.equal((await officer.get(`/api/v1/community/patrols/${id}`)).data.version, 1);
    assert.deepEqual(page.jsErrors, []);
  } finally {
    proxy.restore();
    await page.context().close();
  }
});

test('a patrol changed by the officer and by the cut-off phone: the member keeps either version', async () => {
  const page = await phone(proxy.url);
  await openPack(page, proxy.url);
  proxy.cut();
  try {
    await page.goto(`${proxy.url}/offline/patrol`);
    const first = `Tuần tra, bản đầu (e2e ${Date.now()})`;
    const id = await enterPatrol(page, first);
    const sent = await outboxEntry(page, id);
    proxy.restore();
    await sendNow(page);
    await page.waitForSelector('#outbox-empty');

    // Cut off again: the officer corrects the findings, the member too.
    proxy.cut();
    const officers = 'Cán bộ xã sửa: đã kiểm tra lại';
    assert.equal(await officerEdits(id, officers), 2);
    const mine = 'Tổ viên sửa trên máy khi mất sóng';
    await phoneEdits(page, sent, mine, 1);
    await page.reload();
    await waitingBadge(page, '1 đang chờ gửi');
    await assertClean(page, '/offline, a change waiting');

    proxy.restore();
    await sendNow(page);
    await openConflict(page, id, mine, officers);
    await assertClean(page, '/offline, a conflict');
    await page.click(`#conflict-${id}-keep`);
    await page.waitForSelector(`#outbox [data-entry-id="${id}"]`, { state: 'detached' });
    await page.waitForSelector('#outbox-status', { state: 'detached' });
    let stored = await storedPatrol(id);
    assert.equal(stored.findings, officers);
    assert.equal(stored.version, 2);

    // Again, and this time the member's version wins.
    proxy.cut();
    const officers2 = 'Cán bộ xã sửa lần hai';
    assert.equal(await officerEdits(id, officers2), 3);
    const mine2 = 'Tổ viên giữ bản của mình';
    await phoneEdits(page, sent, mine2, 2);
    await page.reload();
    await waitingBadge(page, '1 đang chờ gửi');
    proxy.restore();
    await sendNow(page);
    await openConflict(page, id, mine2, officers2);
    const answer = patrolAnswer(page, id);
    await page.click(`#conflict-${id}-mine`);
    assert.equal((await (await answer).json()).outcome, 'updated');
    await page.waitForSelector('#outbox-status', { state: 'detached' });
    await page.waitForSelector('#outbox-empty');
    await assertClean(page, '/offline, settled');
    stored = await storedPatrol(id);
    assert.equal(stored.findings, mine2);
    assert.equal(stored.version, 4);
    assert.deepEqual(page.jsErrors, []);
  } finally {
    proxy.restore();
    await page.context().close();
  }
});

// Last: it moves the server's clock 13 hours on, past every session of this file.
test('a session that expired while the phone was cut off: the entry waits for a sign-in, then goes', async () => {
  const page = await phone(proxy.url);
  await openPack(page, proxy.url);
  proxy.cut();
  try {
    await page.goto(`${proxy.url}/offline/patrol`);
    const findings = `Tuần tra trước khi hết phiên (e2e ${Date.now()})`;
    const id = await enterPatrol(page, findings);
    await waitingBadge(page, '1 đang chờ gửi');

    server.advanceClock(13 * 3600 * 1000);
    proxy.restore();
    await sendNow(page);
    await waitingBadge(page, 'Đăng nhập lại để gửi 1 bản ghi');
    await page.waitForSelector(`#outbox [data-entry-id="${id}"][data-state="waiting"]`);
    await assertClean(page, '/offline, signed out');

    // The app booted with no network (the user it kept): the 401 ends that too.
    await page.click('#outbox-sign-in button');
    await page.waitForSelector('#username');
    assert.match(page.url(), /\/login\?reason=expired/);
    await page.fill('#username', 'team.khuondien');
    await page.fill('#password', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('#outbox-empty');
    assert.equal(await page.$('#outbox-status'), null);
    await assertClean(page, '/offline, signed in again');
    const stored = await storedPatrol(id);
    assert.equal(stored.findings, findings);
    assert.deepEqual(page.jsErrors, []);
  } finally {
    proxy.restore();
    await page.context().close();
  }
});
