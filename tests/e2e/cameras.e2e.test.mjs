// Security cameras in Chromium on the demo: the map draws every cone by status, a search
// typed or clicked on the map lists the cameras that could have seen the point and those
// left out with their reasons, a camera registered over the commune's border is warned
// about and saved once confirmed, and a check changes its status; axe finds nothing serious.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, newPage, login, axeViolations, start, unitIds, PASSWORD, fitsWidth } from './lib.mjs';

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

async function openCameras(username, options) {
  const page = await newPage(browser, options);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await login(page, server.url, username, PASSWORD);
  await page.waitForSelector('#welcome');
  await page.goto(`${server.url}/cameras`);
  await page.waitForSelector('#cameras-table');
  return { page, requests };
}

async function assertClean(page, requests) {
  assert.deepEqual(requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:')), []);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.jsErrors, []);
}

test("the officer's map draws every cone, and a search lists who could have seen the market gate", async () => {
  const { page, requests } = await openCameras('officer.tantrao');
  await page.waitForSelector('#camera-map[data-status=ready]');
  const paths = await page.$$eval('#camera-map .leaflet-overlay-pane path', (ps) => ps.length);
  assert.ok(paths >= 30, `${paths} paths: the boundary and 30 cones`);
  const dashed = await page.$$eval('#camera-map path[stroke-dasharray="6 4"]', (ps) => ps.length);
  assert.equal(dashed, 4, 'the four faulty cameras are dashed');
  assert.match(await page.textContent('#cameras-count'), /30 camera/);

  await page.fill('#search-reason', 'Vụ trộm xe máy tại cổng chợ (tin báo số 7)');
  await page.fill('#search-point', '21.800907, 105.455966');  // the market gate's camera
  await page.click('#camera-search button[type=submit]');
  await page.waitForSelector('#camera-seen');
  const seen = await page.$$eval('#camera-seen tbody tr td:first-child', (tds) => tds.map((td) => td.textContent.trim()));
  assert.ok(seen.includes('02545-CAM-0005'), seen.join(', '));
  const reasons = await page.$$eval('#camera-excluded td.reasons', (tds) => tds.map((td) => td.textContent));
  assert.ok(reasons.some((r) => /quay hướng khác|ngoài tầm xa/.test(r)), reasons.join(' | '));
  const bold = await page.$$eval('#camera-map path[stroke="#a4161a"]', (ps) => ps.length);
  assert.ok(bold >= seen.length, 'the cameras found are drawn bold');

  // A click on the map searches there with the same reason and time.
  const before = await page.inputValue('#search-point');
  await page.locator('#camera-map').scrollIntoViewIfNeeded();
  const box = await page.locator('#camera-map').boundingBox();
  await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.3);
  await page.waitForFunction((old) => document.querySelector('#search-point').value !== old, before);
  await page.waitForFunction(() => !/Đang tìm/.test(document.querySelector('#camera-search-result').textContent));
  assert.match(await page.textContent('#camera-search-result'), /Có thể đã ghi được|Không có camera nào/);
  await assertClean(page, requests);
  await page.context().close();
});

test('a camera over the border is warned about with the commune it lies in, saved once confirmed, then checked', async () => {
  const { page, requests } = await openCameras('officer.tantrao');
  await page.click('a[href="/cameras/new"]');
  await page.waitForSelector('#camera-form');
  await page.fill('#camera-place', 'Cổng nhà văn hóa (thử nghiệm)');
  await page.fill('#camera-point', '21.8236, 105.2136');  // Tuyên Quang's town, 25 km west
  await page.fill('#camera-bearing', '90');
  await page.click('#camera-form button[type=submit]');
  await page.waitForSelector('#camera-form-warning');
  const there = await (await fetch(`${server.url}/api/v1/units/locate?lat=21.8236&lon=105.2136`, {
    headers: { cookie: (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ') },
  })).json();
  assert.ok((await page.textContent('#camera-form-warning')).includes(there.commune.name));
  assert.deepEqual(await axeViolations(page), []);
  await page.check('#camera-confirm-location');
  await page.click('#camera-form button[type=submit]');
  await page.waitForSelector('#camera-facts');
  assert.match(await page.textContent('h1'), /Camera 02545-CAM-\d{4}/);

  await page.selectOption('#camera-check-result', 'faulty');
  await page.fill('#camera-check-note', 'Mất hình ban đêm');
  await page.click('#camera-check button[type=submit]');
  await page.waitForFunction(() => document.querySelector('#camera-history tbody tr')?.getAttribute('data-status') === 'faulty');
  assert.match(await page.textContent('#camera-checks'), /Mất hình ban đêm/);
  await assertClean(page, requests);
  await page.context().close();
});

test('the village team sees its cameras on a phone, with no search and no owner contact', async () => {
  const { page, requests } = await openCameras('team.khuondien', { width: 360, height: 740 });
  await page.waitForSelector('#camera-map[data-status=ready]');
  assert.equal(await page.$('#camera-search'), null);
  const villages = await page.$$eval('#cameras-table tbody tr td:nth-child(3)', (tds) => [...new Set(tds.map((td) => td.textContent))]);
  assert.deepEqual(villages, ['Khuôn Điển']);
  assert.ok(await fitsWidth(page), 'no sideways scrolling at 360 px');
  await page.click('#cameras-table tbody tr a');
  await page.waitForSelector('#camera-facts');
  assert.equal(await page.$('#camera-owner'), null);
  assert.equal(await page.$('#camera-erase'), null);
  assert.ok(await page.$('#camera-check'));
  await assertClean(page, requests);
  await page.context().close();
});

test('a route drawn on the map or typed finds the market camera with the time the route passed it', async () => {
  const { page, requests } = await openCameras('officer.tantrao');
  await page.waitForSelector('#camera-map[data-status=ready]');
  // Drawing: two clicks on the map become two lines of the route.
  await page.click('#route-draw');
  await page.locator('#camera-map').scrollIntoViewIfNeeded();
  const box = await page.locator('#camera-map').boundingBox();
  await page.mouse.click(box.x + box.width * 0.4, box.y + box.height * 0.5);
  await page.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.5);
  await page.waitForFunction(() => document.querySelector('#route-points').value.trim().split('\n').length === 2);
  assert.ok(await page.$('#camera-map path[stroke="#1d3557"]'), 'the route is drawn');
  // Typed: past the market gate, whose all-round camera sees 60 m.
  await page.fill('#route-points', '21.800500, 105.455000\n21.801300, 105.457000');
  await page.fill('#route-reason', 'Truy vết xe bỏ chạy qua cổng chợ');
  await page.fill('#route-speed', '30');
  await page.click('#camera-route button[type=submit]');
  await page.waitForSelector('#camera-route-summary');
  assert.match(await page.textContent('#camera-route-summary'), /Lộ trình dài \d+ m, tốc độ 30 km\/h/);
  const seen = await page.$$eval('#camera-route-seen tbody tr td:first-child', (tds) => tds.map((td) => td.textContent.trim()));
  assert.ok(seen.includes('02545-CAM-0005'), seen.join(', '));
  assert.match(await page.textContent('#camera-route-seen td.passed'), /mét thứ \d+/);
  await assertClean(page, requests);
  await page.context().close();
});

test('coverage: the share of the demo roads, the longest gaps listed and drawn, and a roads file checked then imported', async () => {
  const { page, requests } = await openCameras('officer.tantrao');
  await page.waitForSelector('#coverage-summary');
  assert.match(await page.textContent('#coverage-summary'), /km trong tổng số 7,\d km đường \(4 tuyến\).*: \d+(,\d)?%\.$/);
  const gaps = await page.$$eval('#coverage-gaps li', (lis) => lis.map((li) => li.textContent));
  assert.ok(gaps.length >= 5 && gaps.length <= 10, gaps.join(' | '));
  assert.match(gaps[0], /\(minh họa\): [\d.]+ m/);
  const villages = await page.$$eval('#coverage-villages tbody tr td:first-child', (tds) => tds.map((td) => td.textContent));
  assert.ok(villages.includes('Khuôn Điển'), villages.join(', '));
  await page.waitForSelector('#camera-map[data-status=ready]');
  // Four grey roads under the gaps, dashed red.
  assert.equal(await page.$$eval('#camera-map path[stroke="#6b6b6b"]', (ps) => ps.length), 4);
  assert.equal(await page.$$eval('#camera-map path[stroke="#b3261e"]', (ps) => ps.length), gaps.length);

  const upload = (name, json) => page.setInputFiles('#roads-import-file', { name, mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(json)) });
  const line = (coordinates, name) => ({ type: 'Feature', properties: { name }, geometry: { type: 'LineString', coordinates } });
  await upload('sai.geojson', { type: 'FeatureCollection', features: [line([[105.45, 21.8]], 'Một điểm')] });
  await page.click('#roads-import-check');
  await page.waitForSelector('#roads-import-errors');
  assert.match(await page.textContent('#roads-import-errors tbody'), /feature 0.*Quá ít điểm/);
  await upload('duong-moi.geojson', { type: 'FeatureCollection', features: [line([[105.4515, 21.8000], [105.4515, 21.8100]], 'Đường thử')] });
  await page.click('#roads-import-form button[type=submit]:not(#roads-import-check)');
  await page.waitForFunction(() => /Đã nhập duong-moi\.geojson: 1 tuyến, dài 1,1 km/.test(document.body.textContent));
  await page.waitForFunction(() => /\(1 tuyến\)/.test(document.querySelector('#coverage-summary')?.textContent ?? ''));
  await page.waitForFunction(() => document.querySelectorAll('#camera-map path[stroke="#6b6b6b"]').length === 1);
  await assertClean(page, requests);
  await page.context().close();
});

test("the commune's sheet: checked first with the bad line named, then imported; the CSV and Excel exports download, and the Excel one checks back unchanged", async () => {
  const { page, requests } = await openCameras('officer.tantrao');
  const countOf = async () => Number((await page.textContent('#cameras-count')).replace(/\D/g, ''));
  const before = await countOf();
  const sheet = (rows) => Buffer.from(['STT;Thôn/Tổ dân phố;Loại chủ sở hữu;Địa chỉ;Vĩ độ;Kinh độ;Hướng (độ);Góc nhìn (độ);Tầm xa (m);Số ngày lưu;Mức chia sẻ;Tình trạng', ...rows].join('\r\n'));
  const upload = (rows) => page.setInputFiles('#camera-import-file', { name: 'camera.csv', mimeType: 'text/csv', buffer: sheet(rows) });
  await upload([
    '1;Làng Hản;Hộ gia đình;Nhà bà Tư Sheet;21,8012;105,4561;10;90;25;7;Theo yêu cầu;Hoạt động',
    '2;Làng Hản;Hộ gia đình;Nhà ông Năm Sheet;21,8013;105,4562;400;90;25;7;Theo yêu cầu;Hoạt động',
  ]);
  await page.click('#camera-import-check');
  await page.waitForSelector('#camera-import-errors');
  assert.match(await page.textContent('#camera-import-errors tbody'), /3\s*bearing/);
  await upload(['1;Làng Hản;Hộ gia đình;Nhà bà Tư Sheet;21,8012;105,4561;10;90;25;7;Theo yêu cầu;Hoạt động']);
  await page.click('#camera-import-form button[type=submit]:not(#camera-import-check)');
  await page.waitForFunction(() => /Đã nhập camera\.csv: thêm 1/.test(document.body.textContent));
  await page.waitForFunction((n) => Number(document.querySelector('#cameras-count')?.textContent.replace(/\D/g, '')) === n, before + 1);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#camera-export')]);
  const text = readFileSync(await download.path(), 'utf8');
  assert.ok(text.startsWith('\uFEFFSTT,Mã camera,'), text.slice(0, 40));
  assert.ok(text.includes('Nhà bà Tư Sheet'), 'the imported camera is in the sheet');
  // The Excel sheet downloads too and, checked back, changes nothing.
  const [workbook] = await Promise.all([page.waitForEvent('download'), page.click('#camera-export-xlsx')]);
  assert.equal(workbook.suggestedFilename(), 'camera-an-ninh.xlsx');
  const bytes = readFileSync(await workbook.path());
  assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PK\x03\x04');
  await page.setInputFiles('#camera-import-file', { name: 'camera-an-ninh.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
  await page.click('#camera-import-check');
  await page.waitForFunction(() => /camera-an-ninh\.xlsx \(xlsx\) hợp lệ: sẽ thêm 0, cập nhật 0/.test(document.body.textContent));
  await assertClean(page, requests);
  await page.context().close();
});
