// The unit picker in Chromium on a province-sized tree: 650 villages imported into Tân Trào,
// and the admin gives a new account the 617th by typing part of its name without tones and
// choosing it with the keyboard only; the account gets that unit. axe-core with the list
// open, on a desktop and on a 360-px phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, axeViolations, fitsWidth, start, signedIn, PASSWORD } from './lib.mjs';

const VILLAGES = 650;
const TARGET = 617;
const villageName = (n) => `Đồng Mới ${n}`;
const villageCode = (n) => `E2E-PK-${String(n).padStart(4, '0')}`;

let server;
let browser;
let admin;
before(async () => {
  server = await start();
  browser = await launch();
  admin = await signedIn(server.url, 'admin');
  const rows = ['code,name,kind,designation,parent_code'];
  for (let n = 1; n <= VILLAGES; n += 1) rows.push(`${villageCode(n)},${villageName(n)},residential_area,thôn,02545`);
  const r = await admin.request('POST', '/api/v1/units/import', {
    body: rows.join('\r\n') + '\r\n',
    headers: { 'content-type': 'text/csv' },
  });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.created, VILLAGES);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function unitId(code) {
  const r = await admin.get(`/api/v1/units?q=${encodeURIComponent(code)}`);
  const unit = r.data.items.find((u) => u.code === code);
  assert.ok(unit, code);
  return unit.id;
}

test('the admin gives an account the 617th of 650 villages, typed without tones and chosen with the keyboard', async () => {
  const target = await unitId(villageCode(TARGET));
  const page = await newPage(browser);
  await login(page, server.url, 'admin', PASSWORD);
  await page.waitForSelector('#welcome');
  await page.click('a[href="/users"]');
  await page.waitForSelector('#users-table tr[data-username]');
  // The whole tree is there: no "only the first 500 units" any more.
  assert.equal(await page.locator('text=/500/').count(), 0);

  await page.fill('#new-username', 'canbo.thon617');
  await page.fill('#new-full-name', 'Lò Văn Sáu');
  await page.selectOption('#new-role', 'team_member');
  // From the role to the picker with Tab, as a keyboard user goes.
  await page.focus('#new-role');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'new-unit');
  assert.equal(await page.getAttribute('#new-unit', 'role'), 'combobox');
  assert.equal(await page.getAttribute('#new-unit', 'aria-expanded'), 'false');

  // Part of the name, without tones: every village matches, 50 are drawn, more is asked.
  await page.keyboard.type('dong moi');
  await page.waitForSelector('#new-unit-listbox [role=option]');
  assert.equal(await page.getAttribute('#new-unit', 'aria-expanded'), 'true');
  assert.equal(await page.locator('#new-unit-listbox [role=option]').count(), 50);
  assert.match(await page.textContent('#new-unit-more'), /^Đang hiện 50 trong [\d.]+ đơn vị khớp — gõ thêm để thu hẹp\.$/);
  assert.deepEqual(await axeViolations(page), [], 'users page, unit list open');

  // Words in any order narrow it to the one village.
  await page.keyboard.type(` ${TARGET}`);
  await page.waitForFunction(() => document.querySelectorAll('#new-unit-listbox [role=option]').length === 1);
  const option = await page.textContent('#new-unit-listbox [role=option]');
  assert.match(option, new RegExp(`Thôn ${villageName(TARGET)}`));
  assert.match(option, /Thôn, tổ dân phố/);
  assert.match(option, new RegExp(villageCode(TARGET)));
  assert.match(option, /thuộc Xã Tân Trào/, 'the option says where the village lies');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.getAttribute('#new-unit', 'aria-activedescendant'), `new-unit-option-${target}`);
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('#new-unit', 'aria-expanded'), 'false');
  assert.equal(await page.inputValue('#new-unit'), `Thôn ${villageName(TARGET)}`);
  assert.equal(await page.inputValue('#new-unit-value'), String(target));
  // Enter chose the unit; the form was not sent.
  assert.equal(await page.locator('#users-table tr[data-username="canbo.thon617"]').count(), 0);

  await page.keyboard.press('Tab'); // the clear button
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'new-unit-clear');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'new-password');
  await page.keyboard.type('mat-khau-du-dai-617');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#users-table tr[data-username="canbo.thon617"]');
  assert.match(await page.textContent('main [role=status]'), /canbo\.thon617/);

  const users = await admin.get('/api/v1/users?q=canbo.thon617');
  const user = users.data.items.find((u) => u.username === 'canbo.thon617');
  assert.equal(user.unit_id, target, 'the account got the chosen village');
  assert.equal(user.unit_name, villageName(TARGET));

  // Editing the account shows its unit by name.
  await page.click('[data-edit-user="canbo.thon617"]');
  await page.waitForSelector('#user-edit-form');
  assert.equal(await page.inputValue('#edit-unit'), `Thôn ${villageName(TARGET)}`);
  assert.deepEqual(page.jsErrors, []);
  await page.context().close();
});

test('Escape puts back the chosen unit; the list fits a 360-px phone', async () => {
  const page = await newPage(browser, { width: 360, height: 740 });
  await login(page, server.url, 'admin', PASSWORD);
  await page.waitForSelector('#welcome');
  await page.goto(`${server.url}/users`);
  await page.waitForSelector('#users-table tr[data-username]');
  await page.focus('#new-unit');
  await page.keyboard.type('dong moi 64');
  await page.waitForFunction(() => document.querySelectorAll('#new-unit-listbox [role=option]').length > 1);
  // Home and End move in the list once the keyboard is in it.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  const count = await page.locator('#new-unit-listbox [role=option]').count();
  const last = await page.getAttribute(`#new-unit-listbox [role=option]:nth-child(${count})`, 'id');
  assert.equal(await page.getAttribute('#new-unit', 'aria-activedescendant'), last);
  assert.ok(await fitsWidth(page), 'no sideways scrolling with the list open');
  assert.deepEqual(await axeViolations(page), [], 'phone, list open');
  await page.keyboard.press('Enter');
  const chosen = await page.inputValue('#new-unit');
  assert.match(chosen, /^Thôn Đồng Mới \d*64\d?$/);
  await page.keyboard.type(' tan trao');
  await page.keyboard.press('Escape');
  assert.equal(await page.inputValue('#new-unit'), chosen);
  assert.equal(await page.getAttribute('#new-unit', 'aria-expanded'), 'false');
  assert.deepEqual(page.jsErrors, []);
  await page.context().close();
});

test('the admin moves a village under another commune by name; the village and what lies below are not offered', async () => {
  const village = await unitId(villageCode(1));
  const kienThiet = await unitId('DEMO-KIENTHIET');
  const page = await newPage(browser);
  await login(page, server.url, 'admin', PASSWORD);
  await page.waitForSelector('#welcome');
  await page.goto(`${server.url}/units/${village}`);
  await page.waitForSelector('#unit-edit-form');
  assert.equal(await page.inputValue('#edit-unit-parent'), 'Xã Tân Trào');
  await page.focus('#edit-unit-parent');
  await page.keyboard.type(villageName(1));
  await page.waitForSelector('#edit-unit-parent-listbox [role=option]');
  const offered = await page.$$eval('#edit-unit-parent-listbox [role=option]', (os) => os.map((o) => Number(o.dataset.unitId)));
  assert.ok(!offered.includes(village), 'not under itself');
  await page.fill('#edit-unit-parent', '');
  await page.keyboard.type('kien thiet minh hoa');
  await page.waitForSelector(`#edit-unit-parent-option-${kienThiet}`);
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.getAttribute('#edit-unit-parent', 'aria-activedescendant'), `edit-unit-parent-option-${kienThiet}`);
  await page.keyboard.press('Enter');
  assert.equal(await page.inputValue('#edit-unit-parent-value'), String(kienThiet));
  await page.click('#unit-edit-form button[type=submit]');
  await page.waitForFunction(() => /Đồng Mới 1/.test(document.querySelector('main [role=status]')?.textContent ?? ''));
  const moved = await admin.get(`/api/v1/units/${village}`);
  assert.equal(moved.data.parent_id, kienThiet);
  assert.deepEqual(page.jsErrors, []);
  await page.context().close();
});
