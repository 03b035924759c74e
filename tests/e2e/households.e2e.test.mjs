// Households in a real browser on the demo data (refdata/demo/households-tan-trao.csv):
// the share registered per village with the households still missing, a commune's sheet
// checked with its bad line named and imported once fixed, and a village team member who
// sees their own village only and ticks a registration; axe on every page, and the pages
// at a phone's width.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, axeViolations, start, PASSWORD, fitsWidth } from './lib.mjs';

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

async function open(username, path, selector, options) {
  const page = await newPage(browser, options);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await login(page, server.url, username, PASSWORD);
  await page.waitForSelector('#welcome');
  await page.goto(`${server.url}${path}`);
  await page.waitForSelector(selector);
  return { page, requests };
}

async function assertClean(page, requests) {
  assert.deepEqual(requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:')), []);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.jsErrors, []);
}

const countOf = async (page) => Number((await page.textContent('#households-count')).replace(/\D/g, ''));

test("the commune's share registered: Khuôn Điển at 95% with its two missing households named, also on a phone", async () => {
  for (const width of [1280, 360]) {
    const { page, requests } = await open('officer.tantrao', '/households/registrations', '#registrations-table', { width });
    const row = (name) => page.$$eval('#registrations-table tbody tr', (trs, n) =>
      trs.map((tr) => tr.textContent).find((t) => t.includes(n)) ?? '', name);
    const khuonDien = await row('Khuôn Điển');
    assert.match(khuonDien, /40/, khuonDien);
    assert.match(khuonDien, /38/, khuonDien);
    assert.match(khuonDien, /95\s?%/, khuonDien);
    assert.match(await row('Đồng Vải'), /100\s?%/);
    const missing = await page.textContent('#registrations-missing');
    assert.ok(missing.includes('Trần Văn Phúc (minh họa)') && missing.includes('Bùi Thị Thu (minh họa)'), missing);
    assert.match(await page.textContent('#registrations-total'), /109\/120/);
    if (width === 360) assert.ok(await fitsWidth(page), 'the report fits a phone');
    await assertClean(page, requests);
    await page.context().close();
  }
});

test("the commune's household sheet: checked first with the bad line named, then imported once fixed", async () => {
  const { page, requests } = await open('officer.tantrao', '/households', '#households-table');
  const before = await countOf(page);
  assert.equal(before, 120);
  const sheet = (rows) => Buffer.from(['STT;Thôn/Tổ dân phố;Họ tên chủ hộ;Địa chỉ;Số nhân khẩu;Đăng ký xây dựng KDC an toàn', ...rows].join('\r\n'));
  const upload = (rows) => page.setInputFiles('#household-import-file', { name: 'ho-gia-dinh.csv', mimeType: 'text/csv', buffer: sheet(rows) });
  await upload(['1;Làng Hản;Ma Văn Sáng Sheet;Xóm Chợ;4;không', '2;Thôn Không Có;Ma Thị Sương Sheet;Xóm Chợ;3;không']);
  await page.click('#household-import-check');
  await page.waitForSelector('#household-import-errors');
  const errors = await page.textContent('#household-import-errors tbody');
  assert.match(errors, /3\s*village/, errors);
  assert.equal(await countOf(page), before, 'nothing written');
  await upload(['1;Làng Hản;Ma Văn Sáng Sheet;Xóm Chợ;4;không']);
  await page.click('#household-import-form button[type=submit]:not(#household-import-check)');
  await page.waitForFunction(() => /Đã nhập ho-gia-dinh\.csv: thêm 1/.test(document.body.textContent));
  await page.waitForFunction((n) => Number(document.querySelector('#households-count')?.textContent.replace(/\D/g, '')) === n, before + 1);
  await page.fill('#households-q', 'ma van sang');
  await page.press('#households-q', 'Enter');
  await page.waitForFunction(() => document.querySelector('#households-table tbody')?.textContent.includes('Ma Văn Sáng Sheet'));
  await assertClean(page, requests);
  await page.context().close();
});

test("a village team member sees Khuôn Điển's households only and ticks a missing one's registration", async () => {
  const { page, requests } = await open('team.khuondien', '/households?registered=0', '#households-table', { width: 360 });
  await page.waitForFunction(() => /\b2\b/.test(document.querySelector('#households-count')?.textContent ?? ''));
  const rows = await page.textContent('#households-table tbody');
  assert.ok(rows.includes('Trần Văn Phúc (minh họa)') && rows.includes('Bùi Thị Thu (minh họa)'), rows);
  assert.ok(!rows.includes('Làng Hản'), 'no other village');
  await page.click('#households-table tbody tr:has-text("Trần Văn Phúc") a');
  await page.waitForSelector('#household-tick');
  await page.click('#household-tick button[type=submit]');
  await page.waitForFunction(() => /Đã ghi nhận: hộ 02545-HO-\d+ đăng ký năm \d{4}/.test(document.body.textContent));
  assert.ok(await fitsWidth(page), 'the household page fits a phone');
  await assertClean(page, requests);
  await page.goto(`${server.url}/households?registered=0`);
  await page.waitForFunction(() => /\b1\b/.test(document.querySelector('#households-count')?.textContent ?? ''));
  await page.context().close();
});
