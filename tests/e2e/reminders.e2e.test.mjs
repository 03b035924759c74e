// Reminders in Chromium: an officer gives a phone and takes SMS on the account page (a
// landline is refused for SMS, by the field); the administrator reads the outbox the
// morning's reminders went through, on a phone-sized screen too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, axeViolations, fitsWidth, start, signedIn, PASSWORD } from './lib.mjs';

let server;
let browser;
before(async () => {
  server = await start(undefined, { env: { ANTQ_JOBS_CHECK_SECONDS: '1' } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('an officer keeps a mobile for SMS reminders; a landline cannot take them', async () => {
  const page = await newPage(browser, { width: 360, height: 740 });
  await login(page, server.url, 'officer.tantrao', PASSWORD);
  await page.waitForSelector('#welcome');
  await page.goto(`${server.url}/account`);
  await page.waitForSelector('#phone-form');
  assert.equal(await page.inputValue('#account-phone'), '');

  await page.fill('#account-phone', '(0207) 3822 123');
  await page.check('#account-sms');
  await page.click('#phone-form button[type=submit]');
  await page.waitForSelector('#account-sms-error');
  assert.match(await page.textContent('#account-sms-error'), /Cần số điện thoại di động/);
  assert.deepEqual(await axeViolations(page), [], 'the refusal');

  await page.fill('#account-phone', '0912.345.678');
  await page.click('#phone-form button[type=submit]');
  await page.waitForFunction(() => document.querySelector('#account-phone')?.value === '0912 345 678');
  assert.match(await page.textContent('main'), /Đã lưu số điện thoại và cách nhận nhắc việc\./);
  assert.equal(await page.isChecked('#account-sms'), true);
  const me = (await (await signedIn(server.url, 'officer.tantrao')).get('/api/v1/auth/me')).data.user;
  assert.deepEqual([me.phone, me.sms_opt_in], ['+84912345678', true]);
  assert.ok(await fitsWidth(page));
  assert.deepEqual(page.jsErrors, []);
  await page.context().close();
});

test('the administrator reads the outbox of the morning\'s reminders', async () => {
  const api = await signedIn(server.url, 'admin');
  // The reminders of the day go at the first check after start (Tân Trào's grading is open).
  const deadline = Date.now() + 15000;
  while ((await api.get('/api/v1/notifications?status=sent')).data.total === 0) {
    if (Date.now() > deadline) throw new Error('no reminder was sent');
    await new Promise((r) => setTimeout(r, 250));
  }
  const page = await newPage(browser, { width: 360, height: 740 });
  await login(page, server.url, 'admin', PASSWORD);
  await page.waitForSelector('#welcome');
  await page.goto(`${server.url}/notifications`);
  await page.waitForSelector('#notifications-table');
  assert.equal(await page.textContent('h1'), 'Thông báo nhắc việc');
  assert.equal(await page.textContent('#notifications-channels'), 'Nhật ký');
  const row = page.locator('#notifications-table tr[data-status="sent"]').first();
  assert.match(await row.textContent(), /antq: nhắc việc ngày/);
  assert.match(await row.textContent(), /Đã gửi/);
  await page.selectOption('#notifications-status', 'dead');
  await page.waitForSelector('text=Không có thông báo nào.');
  assert.ok(await fitsWidth(page));
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.jsErrors, []);
  await page.context().close();
});
