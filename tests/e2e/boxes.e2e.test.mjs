// Paper mailboxes in Chromium: Tân Trào's officer adds a box, records an opening by two
// people with one letter, registers that letter with a PDF attached, finds the attachment
// on the tip page and downloads the minutes; a reviewer only reads; axe-core on the pages,
// desktop and a 360-px phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, axeViolations, fitsWidth, start, unitIds, pickUnit, PASSWORD } from './lib.mjs';

let server;
let browser;
let ids;
before(async () => {
  server = await start();
  browser = await launch();
  ids = await unitIds(server.url);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PDF = Buffer.from('%PDF-1.4\n% thu to giac tu hom thu\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PLACE = 'Nhà văn hóa thôn Khuôn Điển (E2E)';

async function signIn(username, options) {
  const page = await newPage(browser, options);
  await login(page, server.url, username, PASSWORD);
  await page.waitForSelector('#welcome');
  return page;
}

const statusText = (page) => page.textContent('main [role=status]');

// The id of the box at `place`, once its row is listed.
async function boxRow(page, place) {
  const link = page.locator('.boxes-table tr[data-box-id] a', { hasText: place });
  await link.waitFor();
  return Number(await link.locator('xpath=ancestor::tr').getAttribute('data-box-id'));
}

test('an officer adds a box, records an opening, registers its letter with a PDF and gets the minutes', async () => {
  const page = await signIn('officer.tantrao');
  await page.click('a[href="/mailbox"]');
  await page.click('#mailbox-boxes-link');
  await page.waitForSelector('#box-form');
  assert.equal(new URL(page.url()).pathname, '/mailbox/boxes');
  assert.equal(await page.getAttribute('nav a[href="/mailbox/boxes"]', 'aria-current'), 'page');
  assert.equal(await page.getAttribute('nav a[href="/mailbox"]', 'aria-current'), null);
  await page.waitForSelector('#boxes-empty, .boxes-table');
  assert.deepEqual(await axeViolations(page), [], 'boxes page');

  // Add the box: the place is required, the village is one of the commune's.
  await page.click('#box-form button[type=submit]');
  await page.waitForSelector('#box-place-error');
  await pickUnit(page, '#box-village', 'khuon dien', ids['DEMO-KQ-KHUONDIEN']);
  await page.fill('#box-place', PLACE);
  await page.click('#box-form button[type=submit]');
  const boxId = await boxRow(page, PLACE);
  assert.equal(await statusText(page), `Đã thêm hòm thư ở ${PLACE}.`);
  const row = await page.textContent(`tr[data-box-id="${boxId}"]`);
  assert.match(row, /Khuôn Điển/);
  assert.match(row, /Đang đặt/);
  assert.match(row, /Chưa mở lần nào/);
  assert.deepEqual(await axeViolations(page), [], 'boxes page with a box');

  // Record an opening: two people are needed, then one letter.
  await page.click(`tr[data-box-id="${boxId}"] a`);
  await page.waitForSelector('#opening-form');
  assert.equal(new URL(page.url()).pathname, `/mailbox/boxes/${boxId}`);
  assert.match(await page.textContent('main h1'), /Hòm thư ở Nhà văn hóa thôn Khuôn Điển/);
  assert.match(await page.inputValue('#opening-at'), /^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
  assert.equal(await page.$$eval('[data-person]', (rows) => rows.length), 2);
  await page.fill('#person-0-name', 'Nguyễn Văn An');
  await page.fill('#person-0-position', 'Trưởng Công an xã');
  await page.fill('#opening-letters', '1');
  await page.click('#opening-form button[type=submit]');
  await page.waitForSelector('#person-1-name-error');
  await page.click('#add-person');
  assert.equal(await page.$$eval('[data-person]', (rows) => rows.length), 3);
  // The new row's first field takes the focus once it is drawn (a task after the click).
  await page.waitForFunction(() => document.activeElement?.id === 'person-2-name', null, { timeout: 2000 });
  await page.click('[data-person="2"] button');
  await page.fill('#person-1-name', 'Hoàng Thị Dung');
  await page.fill('#person-1-position', 'Trưởng thôn Khuôn Điển');
  await page.fill('#opening-number', '07/BB-CAX');
  await page.fill('#opening-notes', 'Hòm còn nguyên niêm phong.');
  await page.click('#opening-form button[type=submit]');
  await page.waitForSelector('#openings-table tr[data-opening-id]');
  assert.match(await statusText(page), /^Đã ghi lần mở hòm lúc \d\d\/\d\d\/\d{4} \d\d:\d\d: 1 thư\.$/);
  const openingId = Number(await page.getAttribute('#openings-table tr[data-opening-id]', 'data-opening-id'));
  const opening = await page.textContent(`tr[data-opening-id="${openingId}"]`);
  assert.match(opening, /Nguyễn Văn An — Trưởng Công an xã/);
  assert.match(opening, /Hoàng Thị Dung — Trưởng thôn Khuôn Điển/);
  assert.match(opening, /0\/1 đã vào sổ/);
  assert.match(opening, /07\/BB-CAX/);
  assert.match(opening, /officer\.tantrao/);
  await page.waitForFunction(() => document.querySelector('#box-openings-count')?.textContent === '1');
  assert.deepEqual(await axeViolations(page), [], 'box page with an opening');

  // The minutes (.docx) answer with the session cookie of the page.
  const minutesHref = await page.getAttribute(`[data-minutes="${openingId}"]`, 'href');
  assert.equal(minutesHref, `/api/v1/mailbox/openings/${openingId}/minutes.docx`);
  const minutes = await page.context().request.get(server.url + minutesHref);
  assert.equal(minutes.status(), 200);
  assert.equal(minutes.headers()['content-type'], DOCX);
  assert.equal((await minutes.body()).subarray(0, 2).toString(), 'PK', 'a .docx is a zip');

  // Register the letter, from the opening's link, with a PDF attached.
  await page.click(`[data-register="${openingId}"]`);
  await page.waitForSelector('#register-form');
  assert.equal(new URL(page.url()).search, `?channel=box&opening=${openingId}`);
  await page.waitForSelector('#register-opening');
  assert.equal(await page.inputValue('#register-channel'), 'box');
  assert.equal(await page.inputValue('#register-opening'), String(openingId));
  assert.match(
    await page.textContent(`#register-opening option[value="${openingId}"]`),
    /^Hòm ở Nhà văn hóa thôn Khuôn Điển \(E2E\) — mở ngày \d\d\/\d\d\/\d{4} \(0\/1 thư\)$/,
  );
  assert.equal(await page.inputValue('#register-unit-value'), String(ids['02545']));
  await page.selectOption('#register-kind', 'denunciation');
  await pickUnit(page, '#register-village', 'Khuôn Điển', ids['DEMO-KQ-KHUONDIEN']);
  await page.fill('#register-description', 'E2E: thư trong hòm tố giác có người tàng trữ pháo nổ ở thôn Khuôn Điển');
  await page.setInputFiles('#register-files', { name: 'thu-to-giac.pdf', mimeType: 'application/pdf', buffer: PDF });
  assert.match(await page.textContent('#register-files-chosen'), /thu-to-giac\.pdf \(\d+ byte\)/);
  assert.deepEqual(await axeViolations(page), [], 'register form');
  await page.click('#register-form button[type=submit]');
  await page.waitForSelector('#register-done');
  const done = await statusText(page);
  const tipId = Number(/^Đã vào sổ tin số (\d+) kèm 1 tệp\.$/.exec(done)?.[1]);
  assert.ok(tipId > 0, done);

  // The tip page lists the attachment, names the opening and offers the receipt record.
  await page.click('#register-open-tip');
  await page.waitForSelector('#tip-files tr[data-file-id]');
  assert.equal(new URL(page.url()).pathname, `/mailbox/${tipId}`);
  const file = await page.textContent('#tip-files tr[data-file-id]');
  assert.match(file, /thu-to-giac\.pdf/);
  assert.match(file, /Tài liệu PDF/);
  assert.match(file, /Cán bộ/);
  assert.match(file, /\d+ byte/);
  await page.waitForSelector('#tip-box-opening a');
  assert.equal(await page.textContent('#tip-box-opening'),
    `Thư từ hòm thư (lần mở #${openingId}) — Hòm ở ${PLACE}`);
  assert.equal(await page.textContent('#tip-status-label'), 'Mới tiếp nhận');
  const download = await page.getAttribute('#tip-files a[download]', 'href');
  assert.match(download, new RegExp(`^/api/v1/tips/${tipId}/files/\\d+\\?download=1$`));
  const stored = await page.context().request.get(server.url + download);
  assert.equal(stored.status(), 200);
  assert.deepEqual(await stored.body(), PDF);
  const record = await page.context().request.get(server.url + await page.getAttribute('#tip-receipt-record', 'href'));
  assert.equal(record.status(), 200);
  assert.equal(record.headers()['content-type'], DOCX);
  assert.deepEqual(await axeViolations(page), [], 'tip page with an attachment');

  // Back on the box: the only letter is registered, so no further one is offered.
  await page.click('#tip-box-opening a');
  await page.waitForSelector(`[data-register-done="${openingId}"]`);
  assert.match(await page.textContent(`tr[data-opening-id="${openingId}"]`), /1\/1 đã vào sổ/);
  assert.equal(await page.$(`[data-register="${openingId}"]`), null);

  // Taken down: no new opening; put back.
  await page.click('#box-take-down');
  await page.waitForSelector('#box-taken-down-note');
  assert.equal(await statusText(page), `Đã gỡ hòm thư ở ${PLACE}.`);
  assert.equal(await page.$('#opening-form'), null);
  assert.equal(await page.textContent('#box-state'), 'Đã gỡ');
  await page.click('#box-put-back');
  await page.waitForSelector('#opening-form');
  assert.equal(await statusText(page), `Đã đặt lại hòm thư ở ${PLACE}.`);
  assert.deepEqual(page.jsErrors, []);
  await page.context().close();
});

test('a reviewer reads the boxes without forms; a team member is refused', async () => {
  const page = await signIn('reviewer.tuyenquang');
  await page.click('nav a[href="/mailbox/boxes"]');
  await page.waitForSelector('.boxes-table tr[data-box-id]');
  assert.equal(await page.$('#box-form'), null);
  assert.match(await page.textContent('main'), /Bạn chỉ được xem/);
  assert.deepEqual(await axeViolations(page), [], 'boxes page of a reviewer');
  await page.click('.boxes-table tr[data-box-id] a');
  await page.waitForSelector('#openings-table, #openings-empty');
  assert.equal(await page.$('#opening-form'), null);
  assert.equal(await page.$('#box-edit'), null);
  assert.equal(await page.$('[data-register]'), null);
  assert.deepEqual(page.jsErrors, []);
  await page.context().close();

  const team = await signIn('team.khuondien');
  assert.equal(await team.$('nav a[href="/mailbox/boxes"]'), null);
  await team.goto(`${server.url}/mailbox/boxes`);
  await team.waitForSelector('main h1');
  assert.match(await team.textContent('main h1'), /Không có quyền/);
  assert.equal(await team.$('.boxes-table'), null);
  await team.context().close();
});

test('on a 360-px phone the boxes and a box are cards that fit, pass axe and have 44-px targets', async () => {
  const page = await signIn('officer.tantrao', { width: 360, height: 740 });
  await page.goto(`${server.url}/mailbox/boxes`);
  await page.waitForSelector('.boxes-table tr[data-box-id]');
  await page.waitForLoadState('networkidle');
  assert.ok(await fitsWidth(page), 'boxes page');
  assert.equal(await page.$eval('.boxes-table thead', (e) => getComputedStyle(e).position), 'absolute');
  assert.deepEqual(await axeViolations(page), [], 'boxes page on a phone');
  await page.click('.boxes-table tr[data-box-id] a');
  await page.waitForSelector('#opening-form');
  await page.waitForLoadState('networkidle');
  assert.ok(await fitsWidth(page), 'box page');
  assert.deepEqual(await axeViolations(page), [], 'box page on a phone');
  const small = await page.$$eval('main button, main a, main input, main select, main textarea', (els) =>
    els.filter((e) => e.offsetParent !== null && e.type !== 'checkbox')
      .filter((e) => e.getBoundingClientRect().height < 44 && getComputedStyle(e).display !== 'inline')
      .map((e) => e.id || e.textContent));
  assert.deepEqual(small, [], 'touch targets of at least 44 px');
  await page.context().close();
});
