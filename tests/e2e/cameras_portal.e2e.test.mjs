// The camera owners' portal in Chromium on a 360-px phone with JavaScript off: choose the
// commune, register a camera with consent, keep the codes, see and change it with the
// management code, withdraw it; then every page is small, fits the phone and passes axe
// (in a JavaScript-enabled context, as axe needs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, start, signedIn, checkAnswer, noScriptPhone, assertPlainPages } from './lib.mjs';

let server;
let browser;
const pages = [];  // [url, html] of every page the phone got, for the axe pass
before(async () => {
  server = await start();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const phone = () => noScriptPhone(browser, (url, html) => pages.push([url, html]));

test('an owner registers a camera on a phone without JavaScript, manages it and withdraws it', async () => {
  const page = await phone();
  await page.goto(`${server.url}/camera`);
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  await page.click('a.button[href^="/camera/dang-ky"]');
  await page.click('text=Tuyên Quang');
  await page.fill('#q', 'tan trao');
  await page.click('form.search button');
  await page.click('text=xã Tân Trào');
  await page.waitForSelector('#point');

  await page.check('#kind-household');
  await page.selectOption('#village', { label: 'thôn Khuôn Điển' });
  await page.fill('#place', 'Cổng nhà, hướng ra đường liên thôn');
  await page.fill('#point', '21.80561, 105.45156');
  await page.selectOption('#direction', 'e');
  await page.selectOption('#retention', '15');
  await page.check('#sharing-on_request');
  await page.fill('#name', 'Hoàng Văn Chủ');
  await page.fill('#phone', '0912 678 000');
  await page.click('form button[type=submit]');
  assert.ok(await page.$('#consent:invalid'), 'the browser asks for the consent first');
  await page.check('#consent');
  await page.fill('#answer', checkAnswer(await page.textContent('label[for=answer]')));
  server.advanceClock(2100);  // the form must be at least two seconds old
  await page.click('form button[type=submit]');
  const cameraCode = (await page.textContent('#camera-code')).trim();
  const code = (await page.textContent('#management-code')).trim();
  assert.match(cameraCode, /^02545-CAM-\d{4}$/);
  assert.match(code, /^\d{4}-\d{4}-\d{4}-\d{4}$/);
  assert.deepEqual(await page.context().cookies(), [], 'no cookie at all');
  assert.ok(!page.url().includes(code.slice(0, 4) + '-'), 'the code is not in the address');

  await page.click('a.button[href^="/camera/quan-ly"]');
  await page.fill('#ma', code);
  await page.click('form button[type=submit]');
  assert.equal((await page.textContent('#camera-code')).trim(), cameraCode);
  assert.match(await page.textContent('#camera-status'), /Chờ Công an xã xác nhận/);
  assert.equal(await page.inputValue('#name'), 'Hoàng Văn Chủ', 'the owner sees their own contact');
  assert.ok(!page.url().includes('ma='), 'the code never travels in the address');

  await page.check('#sharing-live');
  await page.click('form[action^="/camera/cap-nhat"] button[type=submit]');
  assert.match(await page.textContent('.notice[role=status]'), /Đã lưu thay đổi/);
  const officer = await signedIn(server.url, 'officer.tantrao');
  const listed = (await officer.get('/api/v1/cameras?confirmed=0&page_size=500')).data.items.find((c) => c.code === cameraCode);
  assert.equal(listed.sharing, 'live');

  await page.click('form[action^="/camera/rut-dong-y"] button[type=submit]');
  await page.waitForSelector('input[name=chac_chan]', { state: 'attached' });
  await page.click('button.danger');
  assert.match(await page.textContent('h1'), /Đã xóa camera/);
  assert.equal((await officer.get(`/api/v1/cameras/${listed.id}`)).status, 404);

  await page.goto(`${server.url}/camera/quan-ly`);
  await page.fill('#ma', code);
  await page.click('form button[type=submit]');
  assert.match(await page.textContent('.errors'), /Không tìm thấy camera/);
  await page.context().close();
});

test('every camera owner page is small, fits a 360-px phone and passes axe', async () => {
  assert.ok(pages.length >= 8, pages.map(([url]) => url).join());
  await assertPlainPages(assert, browser, server.url, pages, { fits: true });
});
