// A footage request end to end in Chromium: an officer searches at the market gate, asks
// the owners of the cameras found, hands a one-time link to one owner, who answers on a
// phone with JavaScript off; the officer sees "provided" with the file's SHA-256, and the
// link no longer works. axe finds nothing serious on either side.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { launch, newPage, login, axeViolations, start, PASSWORD } from './lib.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const SHA = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
let browser;
let server;
before(async () => {
  browser = await launch();
  server = await start();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function axeOnHtml(html) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/hom-thu/style.css`);
  await page.setContent(html.replace('<head>', `<head><base href="${server.url}/">`));
  await page.evaluate(AXE);
  const result = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
  await context.close();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

test('from a search to the owner\'s answer through a one-time link', async () => {
  const page = await newPage(browser);
  await login(page, server.url, 'officer.tantrao', PASSWORD);
  await page.waitForSelector('#welcome');
  await page.goto(`${server.url}/cameras`);
  await page.fill('#search-reason', 'Vụ trộm xe máy tại cổng chợ (tin báo số 7)');
  await page.fill('#search-point', '21.800907, 105.455966');
  await page.click('#camera-search button[type=submit]');
  await page.waitForSelector('#footage-create');
  await page.fill('#footage-case', 'CV 7/2026');
  await page.click('#footage-create button[type=submit]');
  await page.waitForSelector('#footage-tasks');
  assert.match(await page.textContent('h1'), /YC-02545-\d{4}-0001/);
  const tasks = await page.$$eval('#footage-tasks tbody tr', (rows) => rows.map((r) => r.getAttribute('data-status')));
  assert.ok(tasks.length >= 1 && tasks.every((s) => s === 'pending'), tasks.join());
  assert.deepEqual(await axeViolations(page), []);

  await page.click('#footage-tasks tbody tr:first-child .link-issue');
  const url = (await page.waitForSelector('#footage-tasks .link-url')).textContent();
  const link = await url;
  assert.match(link, /\/camera\/yeu-cau\?ma=[A-Za-z0-9_-]{40,}$/);

  // The owner, on a phone with JavaScript off.
  const phone = await browser.newContext({ javaScriptEnabled: false, locale: 'vi-VN', viewport: { width: 360, height: 740 } });
  const owner = await phone.newPage();
  const first = await owner.goto(link);
  assert.equal(first.status(), 200);
  const html = await owner.content();
  assert.doesNotMatch(html, /<script/i);
  assert.ok(Buffer.byteLength(html) < 30 * 1024);
  assert.match(await owner.textContent('#request-number'), /YC-02545-/);
  await owner.check('#status-provided');
  await owner.fill('#reference', 'cong-cho-30-11.mp4 (đã chép vào USB của cán bộ)');
  await owner.fill('#sha256', 'not-a-hash');
  await owner.click('button[type=submit]');
  assert.match(await owner.textContent('.errors'), /SHA-256/);
  assert.deepEqual(await axeOnHtml(await owner.content()), []);
  await owner.fill('#sha256', SHA);
  await owner.click('button[type=submit]');
  await owner.waitForSelector('#answered');
  const again = await owner.goto(link);
  assert.equal(again.status(), 404, 'the link works once');
  assert.deepEqual(await axeOnHtml(await owner.content()), []);
  await phone.close();

  await page.reload();
  await page.waitForSelector('#footage-tasks tbody tr[data-status=provided]');
  assert.match(await page.textContent('#footage-tasks tbody tr[data-status=provided] .task-status'), new RegExp(SHA));
  assert.deepEqual(page.jsErrors, []);
  await page.context().close();
});
