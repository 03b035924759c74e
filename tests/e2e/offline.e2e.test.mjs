// The offline pages in a browser (plan D8), short of step 27's network-cutting proxy: as
// team.khuondien on a 360-px phone, /offline loads the village's pack; with the network off
// (context.setOffline) a reload still opens /offline/patrol, a patrol entered there waits in
// the outbox ("1 đang chờ gửi"), and once the network is back it reaches the server and the
// badge empties.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, fitsWidth, launch, login, newPage, signedIn, start, PASSWORD } from './lib.mjs';

let server;
let browser;
before(async () => {
  server = await start();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('a patrol entered with no network waits in the outbox, then reaches the server', async () => {
  const page = await newPage(browser, { width: 360, height: 740 });
  await login(page, server.url, 'team.khuondien', PASSWORD);
  await page.waitForSelector('#welcome');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');

  await page.goto(`${server.url}/offline`);
  await page.waitForSelector('#pack-age');
  assert.match(await page.textContent('#pack-age'), /^Dữ liệu ngày \d\d\/\d\d\/\d{4} \(0 ngày trước\)\.$/);
  assert.equal(await page.$('#outbox-status'), null);
  assert.deepEqual(await axeViolations(page), []);
  assert.ok(await fitsWidth(page), '/offline fits 360 px');

  await page.context().setOffline(true);
  await page.goto(`${server.url}/offline/patrol`);
  await page.waitForSelector('#offline-patrol');
  await page.selectOption('#offline-patrol-shift', 'night');
  await page.check('#offline-patrol-members input[type=checkbox] >> nth=0');
  const map = await page.$('#offline-patrol-map');
  const box = await map.boundingBox();
  await map.click({ position: { x: box.width * 0.48, y: box.height * 0.48 } });
  await map.click({ position: { x: box.width * 0.52, y: box.height * 0.52 } });
  assert.equal(await page.getAttribute('#offline-patrol-map', 'data-points'), '2');
  const findings = `Tuần tra khi mất sóng (e2e ${Date.now()})`;
  await page.fill('#offline-patrol-findings', findings);
  const id = await page.getAttribute('#offline-patrol', 'data-patrol-id');
  await page.click('#offline-patrol button[type=submit]');
  await page.waitForSelector(`#offline-patrols [data-patrol-id="${id}"][data-pending="true"]`);
  await page.waitForSelector('#outbox-waiting');
  assert.equal(await page.textContent('#outbox-waiting'), '1 đang chờ gửi');
  assert.deepEqual(await axeViolations(page), []);
  assert.ok(await fitsWidth(page), '/offline/patrol fits 360 px');

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
