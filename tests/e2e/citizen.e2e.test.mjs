// The citizen mailbox pages in Chromium with JavaScript turned off: choose the commune,
// send a tip, keep the receipt, follow it and answer the officers; axe on every page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, start, signedIn, checkAnswer, noScriptPhone, assertPlainPages } from './lib.mjs';
import { readFileSync } from 'node:fs';

const PHOTO = readFileSync(new URL('../fixtures/photo-gps.jpg', import.meta.url));

let server;
let browser;
const pages = new Map();  // url -> html, for the axe pass
before(async () => {
  server = await start();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const noJsPage = () => noScriptPhone(browser, (url, html) => pages.set(url, html));

async function chooseTanTrao(page) {
  await page.goto(`${server.url}/hom-thu`);
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  await page.click('text=Gửi tin');
  await page.click('text=Tuyên Quang');
  await page.fill('#q', 'tan trao');
  await page.click('form.search button');
  await page.click('text=xã Tân Trào');
  await page.waitForSelector('#description');
}

test('a resident sends a tip with JavaScript off and follows it with the receipt', async () => {
  const page = await noJsPage();
  await chooseTanTrao(page);
  await page.check('#kind-denunciation');
  await page.selectOption('#village', { label: 'thôn Khuôn Điển' });
  await page.fill('#description', 'Có nhóm người đánh bạc ở nhà văn hóa thôn vào tối thứ bảy.');
  await page.fill('#when', 'Tối thứ bảy hằng tuần');
  await page.check('#consent');
  await page.check('#wants_outcome');
  await page.fill('#answer', checkAnswer(await page.textContent('label[for=answer]')));
  server.advanceClock(2100);  // the form must be at least two seconds old
  await page.click('form button[type=submit]');
  const receipt = (await page.textContent('#receipt')).trim();
  assert.match(receipt, /^\d{4}-\d{4}-\d{4}-\d{4}$/);
  const cookies = await page.context().cookies();
  assert.deepEqual(cookies, [], 'no cookie at all');

  const officer = await signedIn(server.url, 'officer.tantrao');
  const tip = (await officer.get('/api/v1/tips')).data.items[0];
  assert.equal(tip.description, 'Có nhóm người đánh bạc ở nhà văn hóa thôn vào tối thứ bảy.');
  assert.equal(tip.wants_outcome, true);
  await officer.post(`/api/v1/tips/${tip.id}/messages`, { body: 'Bạn có biết họ bắt đầu lúc mấy giờ?' });

  await page.click('main a[href^="/hom-thu/theo-doi"]');
  await page.fill('input#receipt', receipt.replaceAll('-', ' '));
  await page.click('form button[type=submit]');
  assert.match(await page.textContent('#status'), /Đã tiếp nhận/);
  assert.match(await page.textContent('main'), /Bạn có biết họ bắt đầu lúc mấy giờ\?/);
  await page.fill('#body', 'Khoảng 20 giờ.');
  await page.click('form button[type=submit]');
  assert.match(await page.textContent('[role=status]'), /Đã gửi trả lời/);
  assert.match(await page.textContent('main'), /Khoảng 20 giờ\./);
  const detail = await officer.get(`/api/v1/tips/${tip.id}`);
  assert.equal(detail.data.messages.at(-1).body, 'Khoảng 20 giờ.');
  await page.context().close();
});

test('a bad form names what to fix, keeps what was typed, and stores nothing', async () => {
  const page = await noJsPage();
  await chooseTanTrao(page);
  await page.fill('#description', '   ');
  await page.fill('#where', 'Chợ xã');
  await page.check('#mode-confidential');
  await page.check('#consent');  // the browser itself insists on consent (required)
  await page.fill('#answer', '99');
  server.advanceClock(2100);
  await page.click('form button[type=submit]');
  assert.match(await page.textContent('[role=alert]'), /Câu trả lời kiểm tra chưa đúng/);
  assert.equal(await page.inputValue('#where'), 'Chợ xã', 'what was typed is kept');
  await page.fill('#answer', checkAnswer(await page.textContent('label[for=answer]')));
  server.advanceClock(2100);
  await page.click('form button[type=submit]');
  const alert = await page.textContent('[role=alert]');
  assert.match(alert, /Chưa gửi được/);
  assert.match(alert, /Bắt buộc nhập/);
  assert.ok(await page.$('[role=alert] a[href="#description"]'), 'each error links to its field');
  assert.ok(await page.$('[role=alert] a[href="#name"]'), 'a confidential tip needs a name');
  const officer = await signedIn(server.url, 'officer.tantrao');
  assert.ok(!(await officer.get('/api/v1/tips')).data.items.some((t) => t.description.includes('Chợ xã')));
  await page.context().close();
});

test('a wrong receipt is refused politely; the pages switch to English', async () => {
  const page = await noJsPage();
  await page.goto(`${server.url}/hom-thu/theo-doi`);
  await page.fill('#receipt', '1234-5678-9012-3456');
  await page.click('form button[type=submit]');
  assert.match(await page.textContent('[role=alert]'), /Không tìm thấy tin với mã này/);
  await page.click('text=English');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.textContent('h1'), /Follow a tip/);
  await page.context().close();
});

test('a resident attaches a photo with JavaScript off, then adds a document with the receipt', async () => {
  const page = await noJsPage();
  await chooseTanTrao(page);
  await page.check('#kind-crime_report');
  await page.fill('#description', 'Ảnh chụp xe chở gỗ lậu qua cầu lúc nửa đêm.');
  await page.setInputFiles('#files', { name: 'IMG_0815.jpg', mimeType: 'image/jpeg', buffer: PHOTO });
  await page.check('#consent');
  await page.fill('#answer', checkAnswer(await page.textContent('label[for=answer]')));
  server.advanceClock(2100);
  await page.click('form button[type=submit]');
  const receipt = (await page.textContent('#receipt')).trim();
  await page.click('main a[href^="/hom-thu/theo-doi"]');
  await page.fill('input#receipt', receipt);
  await page.click('form button[type=submit]');
  assert.equal((await page.textContent('#files-count')).trim(), '1');
  await page.setInputFiles('form[action^="/hom-thu/them-tep"] #files',
    { name: 'giay-to.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% giay to\n%%EOF\n') });
  await page.click('form[action^="/hom-thu/them-tep"] button[type=submit]');
  assert.match(await page.textContent('[role=status]'), /Đã nhận tệp của bạn/);
  assert.equal((await page.textContent('#files-count')).trim(), '2');

  const officer = await signedIn(server.url, 'officer.tantrao');
  const tip = (await officer.get(`/api/v1/tips?q=${encodeURIComponent('go lau')}`)).data.items[0];
  const detail = (await officer.get(`/api/v1/tips/${tip.id}`)).data;
  assert.deepEqual(detail.files.map((f) => f.name), ['IMG_0815.jpg', 'giay-to.pdf']);
  const photo = await officer.get(`/api/v1/tips/${tip.id}/files/${detail.files[0].id}`);
  assert.ok(!photo.bytes.includes(Buffer.from('ANTQMARKER')), 'the photo lost its EXIF, GPS and XMP');
  await page.context().close();
});

test('every citizen page is small and passes axe', async () => {
  assert.ok(pages.size >= 5, [...pages.keys()].join());
  await assertPlainPages(assert, browser, server.url, pages);
});
