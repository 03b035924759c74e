// Fire-safety groups in a real browser on the demo data (Khuôn Điển's 40 households, no
// group yet): a group of 4 houses gets the warning naming 5–15 and is saved with a reason;
// an extinguisher expiring in 10 days (Vietnam's calendar) is marked on the group's page and
// listed on the dashboard; a drill recorded from the group's page shows in its drills; axe on
// every page, and the group's page at a phone's width.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, axeViolations, start, unitIds, pickUnit, PASSWORD, fitsWidth } from './lib.mjs';

let browser;
let server;
let ids;
before(async () => {
  browser = await launch();
  server = await start();
  ids = await unitIds(server.url);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function assertClean(page, requests) {
  assert.deepEqual(requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:')), []);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.jsErrors, []);
}

// Today + `days` on Vietnam's calendar (UTC+7, no daylight saving), as <input type=date> takes it.
const vietnamDay = (days) => new Date(Date.now() + 7 * 3600 * 1000 + days * 86400 * 1000).toISOString().slice(0, 10);
const shown = (iso) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

test('a group of 4 houses saved with a reason, an extinguisher expiring in 10 days on the dashboard, a drill', async () => {
  const page = await newPage(browser);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await login(page, server.url, 'officer.tantrao', PASSWORD);
  await page.waitForSelector('#welcome');
  await page.goto(`${server.url}/fire-groups`);
  await page.waitForSelector('#fire-groups-empty');

  // A group of Khuôn Điển's first 4 households: the warning names the rule, then a reason.
  await page.click('#fire-group-add-toggle');
  await pickUnit(page, '#fire-group-new-village', 'khuon dien', ids['DEMO-KQ-KHUONDIEN']);
  await page.fill('#fire-group-new-name', 'Tổ liên gia Xóm Đồi');
  await page.waitForSelector('#fire-group-new-households li');
  assert.equal(await page.locator('#fire-group-new-households li').count(), 40);
  const chosen = await page.$$eval('#fire-group-new-households li', (lis) =>
    lis.slice(0, 4).map((li) => ({ id: li.getAttribute('data-household-id'), text: li.textContent })));
  for (const h of chosen) await page.check(`#fire-group-new-households-${h.id}`);
  assert.equal(await page.textContent('#fire-group-new-households-count'), 'Đã chọn 4 hộ.');
  await page.click('#fire-group-form button[type=submit]');
  await page.waitForSelector('#fire-group-new-size');
  assert.match(await page.textContent('#fire-group-new-size'), /5–15/);
  assert.deepEqual(await axeViolations(page), [], 'the form with its warning');
  await page.fill('#fire-group-new-reason', 'Xóm Đồi chỉ có 4 hộ ở liền nhau');
  await page.click('#fire-group-form button[type=submit]');
  await page.waitForFunction(() => /Đã thêm tổ 02545-LG-\d+ \(Tổ liên gia Xóm Đồi\)/.test(document.body.textContent));
  const row = page.locator('#fire-groups-table tbody tr', { hasText: 'Tổ liên gia Xóm Đồi' });
  await row.waitFor();
  assert.equal(await row.getAttribute('data-size-reason'), '1');
  assert.match(await row.textContent(), /4\s*⚠ ngoài số hộ quy định/);
  // The coverage follows: 4 of Khuôn Điển's 40 households are in a group.
  const village = `#fire-coverage-table tr[data-village-id="${ids['DEMO-KQ-KHUONDIEN']}"]`;
  await page.waitForFunction((s) => document.querySelector(`${s} td[data-label="Trong tổ liên gia"]`)?.textContent === '4', village);
  assert.match(await page.textContent(`${village} td[data-label="Tỷ lệ"]`), /^10\s?%$/);
  await assertClean(page, requests);

  // An extinguisher of the first house, expiring in 10 days: marked as expiring.
  await row.locator('a').first().click();
  await page.waitForSelector('#fire-group-facts');
  const groupUrl = page.url();
  assert.match(await page.textContent('#fire-group-facts'), /Xóm Đồi chỉ có 4 hộ ở liền nhau/);
  const house = chosen[0].id;
  await page.click(`#fire-house-${house}-add`);
  const expires = vietnamDay(10);
  await page.fill(`#fire-extinguisher-new-${house}-expires`, expires);
  await page.click(`#fire-extinguisher-new-${house} button[type=submit]`);
  await page.waitForSelector(`#fire-house-${house}-extinguishers [data-due-state="expiring"]`);
  assert.match(await page.textContent(`#fire-house-${house}-extinguishers`), new RegExp(`${shown(expires)}\\s*⚠ Sắp hết hạn`));

  // The dashboard lists it among the extinguishers expiring, linked to the group.
  await page.goto(`${server.url}/`);
  await page.waitForSelector('#fire-due [data-due="expiring"] li');
  const expiring = await page.textContent('#fire-due [data-due="expiring"]');
  assert.match(expiring, /Bình sắp hết hạn \(đến ngày \d{2}\/\d{2}\/\d{4}\): 1/, expiring);
  assert.ok(expiring.includes(shown(expires)), expiring);
  assert.equal(await page.getAttribute('#fire-due [data-due="expiring"] li a', 'href'), new URL(groupUrl).pathname);
  assert.match(await page.textContent('#fire-due [data-due="without_drill"] h3'), /: 1$/);
  assert.match(await page.textContent('#fire-due [data-due="without_extinguisher"] h3'), /: 3$/);
  await assertClean(page, requests);

  // A drill from the group's page, on a phone.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.click('#fire-due [data-due="expiring"] li a');
  await page.waitForSelector('#fire-drills-none');
  await page.click('#fire-drill-toggle');
  const drillId = await page.getAttribute('#fire-drill', 'data-drill-id');
  assert.match(drillId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  await page.fill('#fire-drill-scenario', 'Cháy bếp tại hộ đầu xóm, lan sang nhà liền kề');
  await page.fill('#fire-drill-participants', '12');
  await page.fill('#fire-drill-observers', 'Công an xã Tân Trào');
  await page.click('#fire-drill button[type=submit]');
  await page.waitForFunction(() => /Đã ghi nhận buổi diễn tập ngày \d{2}\/\d{2}\/\d{4} của tổ 02545-LG-\d+\./.test(document.body.textContent));
  await page.waitForSelector(`#fire-drills-table tr[data-drill-id="${drillId}"]`);
  assert.match(await page.textContent(`#fire-drills-table tr[data-drill-id="${drillId}"]`), /Cháy bếp tại hộ đầu xóm/);
  assert.match(await page.textContent('#fire-group-facts'), new RegExp(shown(vietnamDay(0))));
  assert.ok(await fitsWidth(page), 'the group page fits a phone');
  await assertClean(page, requests);
  // With a form open too.
  await page.click('#fire-members-toggle');
  await page.waitForSelector('#fire-members-households li');
  assert.ok(await fitsWidth(page), 'the member list fits a phone');
  await assertClean(page, requests);
  await page.context().close();
});
