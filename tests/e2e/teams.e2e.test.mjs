// Village security teams in a real browser on the demo data (Khuôn Điển's team of 6 members
// and 2 night patrols): the list, the team's page with its members and patrol log, a second
// leader refused naming the leader, a member added, the public member list downloaded, a
// patrol of two members recorded with its route drawn by two clicks on the map and seen in
// the log and on the map; axe on every page, and the team's page at a phone's width.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, axeViolations, start, PASSWORD, fitsWidth } from './lib.mjs';

const DEMO_TEAM = 'Tổ bảo vệ ANTT thôn Khuôn Điển (minh họa)';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

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

async function assertClean(page, requests) {
  assert.deepEqual(requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:')), []);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.jsErrors, []);
}

const rows = (page, table) => page.locator(`${table} tbody tr`).count();

test('the demo team: a second leader refused, a member added, a patrol of two with its route', async () => {
  const page = await newPage(browser);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await login(page, server.url, 'officer.tantrao', PASSWORD);
  await page.waitForSelector('#welcome');
  assert.equal(await page.textContent('a[href="/teams"]'), 'Tổ bảo vệ ANTT');
  await page.click('a[href="/teams"]');
  const row = page.locator('#teams-table tbody tr', { hasText: DEMO_TEAM });
  await row.waitFor();
  assert.match(await row.locator('td[data-label="Mã tổ"]').textContent(), /^02545-TBV-\d{3}/);
  assert.equal(await row.locator('td[data-label="Thôn, tổ dân phố phụ trách"]').textContent(), 'Khuôn Điển');
  assert.equal(await row.locator('td[data-label="Quyết định thành lập"]').textContent(), 'Số 15/QĐ-UBND ngày 01/07/2024');
  assert.equal(await row.locator('td[data-label="Thành viên hiện có"]').textContent(), '6');
  await assertClean(page, requests);

  // The team's page: its 6 members and its 2 patrols of the last week.
  await row.locator('a').first().click();
  await page.waitForSelector('#team-facts');
  await page.waitForSelector('#patrols-table');
  assert.equal(await page.textContent('h1'), `${DEMO_TEAM} (${await page.textContent('#team-facts dd')})`);
  assert.equal(await rows(page, '#team-members-current'), 6);
  assert.equal(await rows(page, '#patrols-table'), 2);
  assert.match(await page.textContent('#patrols-table'), /Ca đêm/);
  assert.match(await page.textContent('#patrols-table'), /Nhắc nhở nhóm thanh niên tụ tập/);
  await assertClean(page, requests);

  // The public member list, as printed.
  const docx = await page.request.get(new URL(await page.getAttribute('#team-members-docx', 'href'), server.url).toString());
  assert.equal(docx.status(), 200);
  assert.match(docx.headers()['content-type'], /wordprocessingml/);

  // A second leader: refused, the leader named in Vietnamese.
  await page.click('#team-member-add');
  await page.fill('#team-member-new-name', 'Đặng Văn Bảo');
  await page.fill('#team-member-new-birth', '1995-05-05');
  await page.selectOption('#team-member-new-position', 'leader');
  await page.fill('#team-member-new-residence', 'Thôn Khuôn Điển, xã Tân Trào');
  await page.click('#team-member-new button[type=submit]');
  await page.waitForSelector('#team-member-new-position-error');
  assert.equal(await page.textContent('#team-member-new-position-error'), 'Tổ đã có tổ trưởng trong thời gian này: Hoàng Văn Sơn (minh họa)');
  assert.match(await page.textContent('#team-member-new-named'), /Chức danh: Tổ đã có tổ trưởng/);
  assert.deepEqual(await axeViolations(page), [], 'the member form with its refusal');
  // As a member, with a phone kept sealed.
  await page.selectOption('#team-member-new-position', 'member');
  await page.fill('#team-member-new-phone', '0912 345 678');
  await page.check('#team-member-new-phone-public');
  await page.click('#team-member-new button[type=submit]');
  await page.waitForFunction(() => /Đã thêm thành viên Đặng Văn Bảo vào tổ 02545-TBV-\d+\./.test(document.body.textContent));
  await page.waitForFunction(() => document.querySelectorAll('#team-members-current tbody tr').length === 7);
  const added = page.locator('#team-members-current tbody tr', { hasText: 'Đặng Văn Bảo' });
  assert.equal(await added.locator('td[data-label="Chức danh"]').textContent(), 'Tổ viên');
  assert.equal(await added.locator('td[data-label="Số điện thoại"]').textContent(), 'Có, công khai');
  assert.doesNotMatch(await page.textContent('#team-members'), /0912/, 'the phone is never shown');
  assert.equal(await page.textContent('#team-members-heading'), 'Thành viên (7 người đang trong tổ)');
  await assertClean(page, requests);

  // A patrol of two members, its route drawn by two clicks on the commune's map.
  await page.click('#patrol-toggle');
  const patrolId = await page.getAttribute('#patrol-form', 'data-patrol-id');
  assert.match(patrolId, UUID);
  await page.waitForSelector('#patrol-map[data-status=ready]');
  await page.locator('#patrol-map').scrollIntoViewIfNeeded();
  const box = await page.locator('#patrol-map').boundingBox();
  await page.mouse.click(box.x + box.width * 0.47, box.y + box.height * 0.5);
  await page.mouse.click(box.x + box.width * 0.53, box.y + box.height * 0.52);
  assert.equal(await page.textContent('#patrol-route-count'), 'Lộ trình có 2 điểm.');
  assert.ok(await page.$('#patrol-map path[stroke="#1d3557"]'), 'the route is drawn as it is clicked');
  const lines = (await page.inputValue('#patrol-route')).split('\n');
  assert.equal(lines.length, 2);
  for (const line of lines) assert.match(line, /^21\.\d{6}, 105\.\d{6}$/);
  const members = await page.$$eval('#patrol-members li', (lis) =>
    lis.slice(0, 2).map((li) => ({ id: li.getAttribute('data-member-id'), name: li.textContent.split(' · ')[0].trim() })));
  for (const m of members) await page.check(`#patrol-member-${m.id}`);
  assert.equal(await page.textContent('#patrol-members-count'), 'Đã chọn 2 người.');
  await page.selectOption('#patrol-shift', 'evening');
  await page.fill('#patrol-findings', 'Tuần tra đường liên thôn, kiểm tra nhà văn hóa');
  await page.fill('#patrol-tips', 'TG-2026-0007');
  assert.deepEqual(await axeViolations(page), [], 'the patrol form with its map');
  await page.click('#patrol-form button[type=submit]');
  await page.waitForFunction(() => /Đã ghi nhận lần tuần tra ngày \d{2}\/\d{2}\/\d{4}, ca tối, của tổ 02545-TBV-\d+\./.test(document.body.textContent));
  const logged = page.locator(`#patrols-table tr[data-patrol-id="${patrolId}"]`);
  await logged.waitFor();
  assert.equal(await rows(page, '#patrols-table'), 3);
  assert.equal(await page.getAttribute('#patrols-table tbody tr', 'data-patrol-id'), patrolId, 'newest first');
  assert.equal(await logged.locator('td[data-label="Ca tuần tra"]').textContent(), 'Ca tối');
  const names = await logged.locator('td[data-label="Thành viên tham gia"]').textContent();
  assert.deepEqual(names.split(', ').sort(), members.map((m) => m.name).sort());
  assert.equal(await logged.locator('td[data-label="Tin báo đã xử lý"]').textContent(), 'TG-2026-0007');
  // Its route is shown on the map.
  assert.equal(await logged.locator('button').getAttribute('aria-pressed'), 'true');
  await page.waitForSelector('#patrol-map[data-status=ready] path[stroke="#1d3557"]');
  assert.match(await page.textContent('#patrol-map-caption'), /^Lộ trình lần tuần tra ngày \d{2}\/\d{2}\/\d{4}, ca tối\.$/);
  await assertClean(page, requests);

  // On a phone: the page fits, with the patrol form open too.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.reload();
  await page.waitForSelector('#patrols-table');
  assert.ok(await fitsWidth(page), 'the team page fits a phone');
  await page.click('#patrol-toggle');
  await page.waitForSelector('#patrol-map[data-status=ready]');
  assert.ok(await fitsWidth(page), 'the patrol form fits a phone');
  await page.click('#team-member-add');
  await page.waitForSelector('#team-member-new');
  assert.ok(await fitsWidth(page), 'the member form fits a phone');
  await assertClean(page, requests);
  await page.context().close();
});
