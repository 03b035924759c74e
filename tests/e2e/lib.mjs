// Browser tests: Debian's Chromium driven by playwright-core against a real antq.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export { start, prepare, signedIn, unitIds, totp, PASSWORD, Client, checkAnswer } from '../integration/lib.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-quic', '--disable-sync'],
  });
}

// A new page in a fresh context (no cookies), Vietnamese browser by default.
// Pages run on a computer whose clock is set to UTC, as an officer's laptop may be: what
// they show must still be Vietnam's time.
export async function newPage(browser, { locale = 'vi-VN', width = 1280, height = 900, timezoneId = 'UTC' } = {}) {
  const context = await browser.newContext({ locale, timezoneId, viewport: { width, height } });
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text()); });
  page.jsErrors = errors;
  return page;
}

export async function login(page, base, username, password) {
  await page.goto(`${base}/login`);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
}

// Chooses a unit in a unit picker (the combobox of web/src/components/UnitPicker): types
// `text` and clicks the option of unit `unitId` once the list offers it.
export async function pickUnit(page, selector, text, unitId) {
  await page.fill(selector, text);
  const listbox = await page.getAttribute(selector, 'aria-controls');
  await page.click(`#${listbox} [role=option][data-unit-id="${unitId}"]`);
  await page.waitForFunction(
    ([s, id]) => document.querySelector(s)?.getAttribute('data-value') === String(id),
    [selector, unitId],
  );
}

// axe-core's serious and critical violations on the current page (evaluated through the
// DevTools protocol, so the page's strict CSP stays on).
export async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

// True when nothing is wider than the viewport (no sideways scrolling on a phone).
export async function fitsWidth(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
}

// "28/11/2026 17:05": an ISO instant as Vietnam's wall clock (UTC+7, no daylight saving).
export function vietnamTime(iso) {
  const local = new Date(Date.parse(iso) + 7 * 3600 * 1000).toISOString();
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 16)}`;
}

// A 360-px phone with JavaScript off, as residents use the citizen pages; every HTML page
// it gets goes to `record(url, html)` (for assertPlainPages).
export async function noScriptPhone(browser, record) {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'vi-VN', viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  page.on('response', async (r) => {
    if ((r.headers()['content-type'] ?? '').startsWith('text/html')) record(r.url(), await r.text().catch(() => ''));
  });
  return page;
}

// Every [url, html] of citizen pages: at most 30 KB, no script, fitting a 360-px phone
// when `fits`, and no serious axe violation (audited in a JavaScript-enabled page on the
// same origin, as axe needs, with the page's stylesheet).
export async function assertPlainPages(assert, browser, base, pages, { fits = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  for (const [url, html] of pages) {
    assert.ok(Buffer.byteLength(html) <= 30 * 1024, `${url} is ${Buffer.byteLength(html)} bytes`);
    assert.doesNotMatch(html, /<script/i, `${url} has no script`);
    await page.goto(`${base}/hom-thu/style.css`);  // same origin, so the stylesheet loads
    await page.setContent(html.replace('<head>', `<head><base href="${base}/">`));
    if (fits) assert.ok(await fitsWidth(page), `${url} fits`);
    await page.evaluate(AXE_SOURCE);
    const result = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    assert.deepEqual(serious, [], url);
  }
  await context.close();
}
