// The staff application in Chromium: sign-in (with TOTP), units, users, audit, account,
// language, a 360-px phone, and axe-core on every page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, axeViolations, fitsWidth, start, signedIn, totp, PASSWORD } from './lib.mjs';

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

test('a wrong password shows a Vietnamese error; the right one opens the overview', async () => {
  const page = await newPage(browser);
  await login(page, server.url, 'officer.tantrao', 'sai-mat-khau-roi');
  await page.waitForSelector('[role=alert]');
  assert.match(await page.textContent('[role=alert]'), /Sai tên đăng nhập hoặc mật khẩu/);
  await page.fill('#password', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForSelector('#welcome');
  assert.equal(new URL(page.url()).pathname, '/');
  assert.match(await page.textContent('#current-user'), /Nguyễn Văn Hùng/);
  assert.match(await page.textContent('#dashboard-scope'), /Tân Trào/);
  assert.match(await page.textContent('#dashboard-unit-count'), /\d/);
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  assert.deepEqual(page.jsErrors, []);
  await page.context().close();
});

test('an account with TOTP gets the second step and signs in with the code', async () => {
  const api = await signedIn(server.url, 'officer.kienthiet');
  const setup = await api.post('/api/v1/auth/totp/setup');
  await api.post('/api/v1/auth/totp/enable', { code: totp(setup.data.secret) });
  const page = await newPage(browser);
  await login(page, server.url, 'officer.kienthiet', PASSWORD);
  await page.waitForSelector('#totp');
  assert.deepEqual(await axeViolations(page), []);
  await page.fill('#totp', totp(setup.data.secret, Date.now() + 30000));  // the enabling code counts once
  await page.click('button[type=submit]');
  await page.waitForSelector('#welcome');
  assert.match(await page.textContent('#dashboard-scope'), /Kiến Thiết/);
  await page.context().close();
});

test('signing out returns to the sign-in page and the session is gone', async () => {
  const page = await newPage(browser);
  await login(page, server.url, 'team.khuondien', PASSWORD);
  await page.waitForSelector('#welcome');
  await page.click('#logout');
  await page.waitForSelector('#username');
  const me = await page.evaluate(() => fetch('/api/v1/auth/me').then((r) => r.status));
  assert.equal(me, 401);
  await page.context().close();
});

test('the units tree shows Tân Trào, its villages, and with history the merged Kim Quan', async () => {
  const page = await newPage(browser);
  await login(page, server.url, 'officer.tantrao', PASSWORD);
  await page.waitForSelector('#welcome');
  await page.click('a[href="/units"]');
  await page.waitForSelector('li[data-unit-id]');
  const text = await page.textContent('main');
  assert.match(text, /Tân Trào/);
  assert.match(text, /Khuôn Điển/);
  assert.doesNotMatch(text, /Kim Quan/);
  await page.check('#show-history');
  await page.waitForFunction(() => document.querySelector('main').textContent.includes('Kim Quan'));
  assert.match(await page.textContent('main'), /sáp nhập/i);
  assert.deepEqual(await axeViolations(page), []);
  await page.context().close();
});

test('an officer searches a village without diacritics and opens its details', async () => {
  const page = await newPage(browser);
  await login(page, server.url, 'officer.tantrao', PASSWORD);
  await page.waitForSelector('#welcome');
  await page.goto(`${server.url}/units`);
  await page.fill('#unit-search', 'lang han');
  await page.waitForFunction(() => document.querySelector('#unit-search-results')?.textContent.includes('Làng Hản'));
  await page.click('#unit-search-results a');
  await page.waitForSelector('#unit-details');
  assert.match(await page.textContent('#unit-code'), /DEMO-KQ-LANGHAN/);
  assert.match(await page.textContent('#unit-history'), /Kim Quan/);
  assert.deepEqual(await axeViolations(page), []);
  await page.context().close();
});

test("Tân Trào's page lists what it was formed from, and Kim Quan's where it went", async () => {
  const page = await newPage(browser);
  await login(page, server.url, 'officer.tantrao', PASSWORD);
  await page.waitForSelector('#welcome');
  const tree = await page.evaluate(() => fetch('/api/v1/units/tree').then((r) => r.json()));
  await page.goto(`${server.url}/units/${tree.roots[0].id}`);
  await page.waitForSelector('#unit-formed-from');
  assert.equal(await page.textContent('#unit-formed-from-heading'), 'Hình thành từ');
  const formed = await page.$$eval('#unit-formed-from li a', (as) => as.map((a) => a.textContent));
  assert.deepEqual(formed, ['Xã Kim Quan', 'Xã Tân Trào', 'Xã Trung Yên']);
  assert.equal(await page.textContent('#unit-name-en'), 'Tan Trao');
  assert.deepEqual(await axeViolations(page), []);
  await page.click('#unit-formed-from li a >> text=Xã Kim Quan');
  await page.waitForSelector('#unit-successors');
  assert.match(await page.textContent('#unit-successors'), /Xã Tân Trào.*02545.*01\/07\/2025/);
  assert.equal(await page.$('#unit-formed-from'), null, 'Kim Quan was formed from nothing the list names');
  await page.context().close();
});

test('an officer adds a village under Tân Trào and sees it confirmed', async () => {
  const page = await newPage(browser);
  await login(page, server.url, 'officer.tantrao', PASSWORD);
  await page.waitForSelector('#welcome');
  const ids = await page.evaluate(() => fetch('/api/v1/units/tree').then((r) => r.json()));
  await page.goto(`${server.url}/units/${ids.roots[0].id}`);
  await page.waitForSelector('#unit-create-form');
  await page.fill('#new-unit-name', 'Thôn Trình Duyệt');
  await page.fill('#new-unit-code', 'E2E-THON-1');
  await page.selectOption('#new-unit-kind', 'residential_area');
  await page.click('#unit-create-form button[type=submit]');
  await page.waitForSelector('main [role=status]');
  assert.match(await page.textContent('main [role=status]'), /Thôn Trình Duyệt/);
  const list = await page.evaluate(() => fetch('/api/v1/units?q=trinh%20duyet').then((r) => r.json()));
  assert.equal(list.items[0].code, 'E2E-THON-1');
  await page.context().close();
});

test('an officer checks an Excel CSV in Windows-1258 before importing it: bad rows listed by line, then imported', async () => {
  const page = await newPage(browser);
  await login(page, server.url, 'officer.tantrao', PASSWORD);
  await page.waitForSelector('#welcome');
  const tree = await page.evaluate(() => fetch('/api/v1/units/tree').then((r) => r.json()));
  await page.goto(`${server.url}/units/${tree.roots[0].id}`);
  await page.waitForSelector('#unit-import-form');
  // "Mã;Tên đơn vị;Loại;Mã cấp trên;Từ ngày" and "Thôn Đồng" as Vietnamese Windows saves them.
  const header = 'Ma\xDE;T\xEAn \xF0\xF5n vi\xF2;Loa\xF2i;Ma\xDE c\xE2\xECp tr\xEAn;T\xFD\xCC nga\xECy\r\n';
  const good = 'E2E-XL-1;Th\xF4n \xD0\xF4\xCCng;residential_area;02545;5/2/2026\r\n';
  const file = (rows) => ({ name: 'thon.csv', mimeType: 'text/csv', buffer: Buffer.from(header + rows, 'latin1') });
  await page.setInputFiles('#import-file', file(good + 'E2E-XL-2;;residential_area;02545;31/2/2026\r\n'));
  await page.click('#import-check');
  await page.waitForSelector('#import-errors tr td');
  const rows = await page.$$eval('#import-errors tbody tr', (trs) => trs.map((tr) => tr.textContent));
  assert.equal(rows.length, 2, rows.join('|'));
  assert.ok(rows.every((r) => r.startsWith('3')), 'both on line 3');
  assert.deepEqual(await axeViolations(page), [], 'import errors');
  await page.setInputFiles('#import-file', file(good));
  await page.click('#import-check');
  await page.waitForSelector('#import-checked');
  assert.match(await page.textContent('#import-checked'), /thon\.csv \(windows-1258\) hợp lệ: sẽ thêm mới 1, cập nhật 0 đơn vị\. Chưa có gì được ghi\./);
  assert.equal((await page.evaluate(() => fetch('/api/v1/units?q=E2E-XL-1').then((r) => r.json()))).total, 0);
  await page.click('#unit-import-form button[type=submit]:not(#import-check)');
  await page.waitForFunction(() => /thêm mới 1/.test(document.querySelector('main [role=status]')?.textContent ?? ''));
  const made = await page.evaluate(() => fetch('/api/v1/units?q=E2E-XL-1').then((r) => r.json()));
  assert.equal(made.items[0].name, 'Thôn Đồng');
  await page.context().close();
});

test('an admin creates a user; a short password is refused next to its field', async () => {
  const page = await newPage(browser);
  await login(page, server.url, 'admin', PASSWORD);
  await page.waitForSelector('#welcome');
  await page.click('a[href="/users"]');
  await page.waitForSelector('#users-table tr[data-username]');
  assert.deepEqual(await axeViolations(page), []);
  await page.fill('#new-username', 'canbo.trinhduyet');
  await page.fill('#new-full-name', 'Vũ Thị Trình');
  await page.selectOption('#new-role', 'officer');
  // The unit picker: "tan trao" finds Xã Tân Trào, chosen with the keyboard.
  await page.fill('#new-unit', 'tan trao');
  await page.waitForSelector('#new-unit-listbox [role=option]');
  await page.press('#new-unit', 'ArrowDown');
  assert.match(await page.textContent('#new-unit-listbox [role=option]:first-child'), /Xã Tân Trào/);
  await page.press('#new-unit', 'Enter');
  assert.equal(await page.inputValue('#new-unit'), 'Xã Tân Trào');
  assert.notEqual(await page.inputValue('#new-unit-value'), '');
  await page.fill('#new-password', 'ngan');
  await page.click('#new-password >> xpath=ancestor::form//button[@type="submit"]');
  await page.waitForSelector('#new-password-error');
  assert.match(await page.textContent('#new-password-error'), /10 ký tự/);
  assert.equal(await page.getAttribute('#new-password', 'aria-invalid'), 'true');
  await page.fill('#new-password', 'mat-khau-du-dai-1');
  await page.click('#new-password >> xpath=ancestor::form//button[@type="submit"]');
  await page.waitForSelector('#users-table tr[data-username="canbo.trinhduyet"]');
  assert.match(await page.textContent('main [role=status]'), /canbo\.trinhduyet/);
  await page.context().close();
});

test('the auditor browses the audit log and verifies the chain', async () => {
  const page = await newPage(browser);
  await login(page, server.url, 'auditor', PASSWORD);
  await page.waitForSelector('#welcome');
  await page.click('a[href="/audit"]');
  await page.waitForSelector('#audit-table tr[data-audit-id]');
  assert.match(await page.textContent('#audit-table'), /auth\.login|unit\.create/);
  await page.click('#audit-verify');
  await page.waitForSelector('#audit-verify-result[data-ok="true"]');
  assert.deepEqual(await axeViolations(page), []);
  await page.context().close();
});

test('users and audit pages are not offered to a village team member', async () => {
  const page = await newPage(browser);
  await login(page, server.url, 'team.khuondien', PASSWORD);
  await page.waitForSelector('#welcome');
  assert.equal(await page.$('a[href="/users"]'), null);
  assert.equal(await page.$('a[href="/audit"]'), null);
  await page.goto(`${server.url}/users`);
  await page.waitForSelector('h1');
  assert.equal(await page.$('#users-table'), null);
  await page.context().close();
});

test('the account page sets up TOTP with a QR code and shows recovery codes once', async () => {
  const page = await newPage(browser);
  await login(page, server.url, 'reviewer.tuyenquang', PASSWORD);
  await page.waitForSelector('#welcome');
  await page.goto(`${server.url}/account`);
  await page.waitForSelector('#totp-start');
  assert.deepEqual(await axeViolations(page), []);
  await page.click('#totp-start');
  await page.waitForSelector('#totp-qr');
  const loaded = await page.$eval('#totp-qr img, img#totp-qr', (img) => img.complete && img.naturalWidth > 0).catch(() => null);
  assert.notEqual(loaded, false, 'the QR image renders under the CSP');
  const secret = (await page.textContent('#totp-secret')).replace(/\s+/g, '');
  await page.fill('#totp-code', totp(secret));
  await page.click('#totp-enable-form button[type=submit]');
  await page.waitForSelector('#recovery-codes li');
  assert.equal((await page.$$('#recovery-codes li')).length, 10);
  await page.click('#recovery-codes-block button');
  assert.equal(await page.getAttribute('#totp-state', 'data-enabled'), 'true');
  await page.context().close();
});

test('the language switch turns the app to English and the choice is kept', async () => {
  const page = await newPage(browser);
  await login(page, server.url, 'auditor', PASSWORD);
  await page.waitForSelector('#welcome');
  const viNav = await page.textContent('a[href="/units"]');
  await page.click('[data-locale=en]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  const enNav = await page.textContent('a[href="/units"]');
  assert.notEqual(enNav, viNav);
  assert.match(enNav, /Units/i);
  await page.reload();
  await page.waitForSelector('#welcome');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  const me = await page.evaluate(() => fetch('/api/v1/auth/me').then((r) => r.json()));
  assert.equal(me.user.locale, 'en');
  await page.click('[data-locale=vi]');
  await page.waitForFunction(() => document.documentElement.lang === 'vi');
  await page.context().close();
});

test('on a 360-px phone every page fits the width and passes axe', async () => {
  const page = await newPage(browser, { width: 360, height: 740 });
  await page.goto(`${server.url}/login`);
  await page.waitForSelector('#username');
  assert.ok(await fitsWidth(page), 'login');
  assert.deepEqual(await axeViolations(page), []);
  await login(page, server.url, 'admin', PASSWORD);
  await page.waitForSelector('#welcome');
  for (const path of ['/', '/units', '/users', '/account']) {
    await page.goto(`${server.url}${path}`);
    await page.waitForSelector('main h1');
    await page.waitForLoadState('networkidle');
    assert.ok(await fitsWidth(page), path);
    assert.deepEqual(await axeViolations(page), [], path);
  }
  assert.ok(await page.isVisible('button[aria-controls=main-nav]'), 'the menu folds into a button');
  await page.context().close();
});
