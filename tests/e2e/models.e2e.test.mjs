// Self-management models in a real browser, as Tân Trào's officer: a "Liên kết về ANTT" site
// of Tân Trào with the commune of Kiến Thiết taking part, added through the form, Kiến Thiết
// (another commune, outside the officer's scope) found by typing "kien thiet" in the search of
// every unit of the country a site may take (for=model_site), shown with the units it lies in,
// and chosen with the keyboard; on its page Kiến Thiết made the standing unit of 2026, a
// steering board of two (a head and a member), a team of three, a team entered by mistake
// deleted after the page asked, an activity recorded under an id made in the browser, and
// the 2026 assessment (sent with the site's version); then the counts page shows the linked
// type with that site and its team, for this year to date and for the security teams' year.
// axe on every page and form, and the site's page at a phone's width.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, axeViolations, start, unitIds, signedIn, PASSWORD, fitsWidth } from './lib.mjs';

const BASE = '/api/v1/community';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const YEAR = 2026;
const LAUNCHED = `${YEAR}-01-05`;
const SITE = 'Liên kết ANTT Tân Trào – Kiến Thiết (thử nghiệm)';
// Today in Vietnam, as the forms fill it in.
const TODAY = new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 10);
const THIS_YEAR = Number(TODAY.slice(0, 4));

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

async function assertClean(page, requests, what) {
  assert.deepEqual(requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:')), [], what);
  assert.deepEqual(await axeViolations(page), [], what);
  assert.deepEqual(page.jsErrors, [], what);
}

const rows = (page, table) => page.locator(`${table} tbody tr`).count();
// Waits for the page to say what was written (its live region).
const said = (page, pattern) => page.waitForFunction(
  (source) => [...document.querySelectorAll('[role="status"]')].some((e) => new RegExp(source).test(e.textContent)), pattern.source);

test('a linked site of Tân Trào with Kiến Thiết: its standing unit, board, team, activity and assessment, then counted', async () => {
  const officer = await signedIn(server.url, 'officer.tantrao');
  const types = await officer.get(`${BASE}/model-types`);
  assert.equal(types.status, 200, types.text);
  const type = types.data.items.find((t) => t.code === 'LKANTT');
  const kienThiet = ids['DEMO-KIENTHIET'];
  // The linked type's counts before (the demo has a linked site of Tân Trào already): this year
  // to date, and the security teams' year (15/11 last year – 14/11, not after today).
  const teamsYear = `from=${THIS_YEAR - 1}-11-15&to=${[`${THIS_YEAR}-11-14`, TODAY].sort()[0]}`;
  const linkedCount = async (query) => {
    const counts = await officer.get(`${BASE}/model-counts${query}`);
    assert.equal(counts.status, 200, counts.text);
    const total = counts.data.totals.find((c) => c.type_id === type.id);
    return { sites: total?.sites ?? 0, teams: total?.teams ?? 0 };
  };
  const yearBefore = await linkedCount('');
  const teamsYearBefore = await linkedCount(`?${teamsYear}`);
  // Where Kiến Thiết lies, as the directory says (the country left out).
  const found = await officer.get('/api/v1/units/directory?q=kien+thiet&for=model_site');
  assert.equal(found.status, 200, found.text);
  const kienThietFound = found.data.items.find((u) => u.id === kienThiet);
  assert.ok(kienThietFound, 'the directory finds Kiến Thiết for a model site');
  assert.ok(kienThietFound.within.length > 0, 'it says where Kiến Thiết lies');
  assert.ok(found.data.items.every((u) => !['country', 'province', 'district'].includes(u.kind)), 'only the kinds a site takes');
  const within = kienThietFound.within.join(', ');
  const kienThietLabel = `Xã ${kienThietFound.name}`;
  const page = await newPage(browser);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await login(page, server.url, 'officer.tantrao', PASSWORD);
  await page.waitForSelector('#welcome');

  // The counts page from the menu, then the sites.
  assert.equal(await page.textContent('a[href="/models"]'), 'Mô hình');
  await page.click('a[href="/models"]');
  await page.waitForSelector('#models-table');
  assert.equal(await page.textContent('h1'), 'Mô hình tự quản về ANTT');
  await assertClean(page, requests, 'the counts page');
  await page.click('#models-sites-link');
  await page.waitForSelector('#model-site-add-toggle');
  await assertClean(page, requests, 'the sites list');

  // The form adding a site, with the linked type chosen: its other units asked for.
  await page.click('#model-site-add-toggle');
  await page.selectOption('#model-site-new-type', String(type.id));
  await page.waitForSelector('#model-site-new-participants');
  await page.fill('#model-site-new-unit', 'tan trao');
  await page.click(`#model-site-new-unit-listbox [data-unit-id="${ids['02545']}"]`);
  await page.fill('#model-site-new-name', SITE);
  await page.fill('#model-site-new-launched', LAUNCHED);
  await page.fill('#model-site-new-note', 'Ký quy chế phối hợp');
  // Kiến Thiết is another commune, outside the officer's scope (and tree): the search of the
  // whole country finds it, typed without tones, and the keyboard chooses it.
  const search = '#model-site-new-participants-search';
  assert.equal(await page.getAttribute(search, 'role'), 'combobox');
  await page.focus(search);
  await page.keyboard.type('kien thiet');
  const option = `${search}-listbox [role=option][data-unit-id="${kienThiet}"]`;
  await page.waitForSelector(option);
  assert.equal(await page.getAttribute(search, 'aria-expanded'), 'true');
  assert.equal(await page.textContent(option), `${kienThietLabel} — ${within}, Xã · DEMO-KIENTHIET`);
  assert.ok(requests.some((u) => u.startsWith(`${server.url}/api/v1/units/directory?q=kien+thiet`) && u.includes('for=model_site')),
    'asked the directory for the units a site may take');
  await assertClean(page, requests, 'the new site form, units found');
  const options = await page.$$eval(`${search}-listbox [role=option]`, (els) => els.map((e) => e.getAttribute('data-unit-id')));
  for (let i = 0; i <= options.indexOf(String(kienThiet)); i += 1) await page.keyboard.press('ArrowDown');
  assert.equal(await page.getAttribute(search, 'aria-activedescendant'), `model-site-new-participants-search-option-${kienThiet}`);
  // The option under the keyboard is the selected one, and only it.
  assert.deepEqual(await page.$$eval(`${search}-listbox [role=option][aria-selected="true"]`, (els) => els.map((e) => e.getAttribute('data-unit-id'))),
    [String(kienThiet)]);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#model-site-new-participants-0-unit');
  assert.equal(await page.textContent('#model-site-new-participants-0-unit'), `${kienThietLabel} — ${within}`);
  assert.equal(await page.inputValue('#model-site-new-participants-0-joined'), LAUNCHED, 'it joins on the launch');
  assert.equal(await page.inputValue(search), '');
  // Enter chose the unit; the form was not sent.
  assert.ok(await page.isVisible('#model-site-new'));
  assert.equal((await officer.get(`${BASE}/model-sites`)).data.items.filter((s) => s.name === SITE).length, 0);
  // Found again, it says it is in the list already and cannot be chosen twice.
  await page.keyboard.type('kien thiet');
  await page.waitForSelector(`${option}[aria-disabled="true"]`);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await assertClean(page, requests, 'the new site form, filled in');
  await page.click('#model-site-new button[type=submit]');
  await said(page, new RegExp(`^Đã thêm điểm mô hình \\S+ – ${SITE.replace(/[()]/g, '\\$&')}\\.$`));
  const listed = await officer.get(`${BASE}/model-sites`);
  const site = listed.data.items.find((s) => s.name === SITE);
  assert.ok(site, 'the site was stored');
  assert.deepEqual([site.unit_id, site.note, site.launched_on], [ids['02545'], 'Ký quy chế phối hợp', LAUNCHED]);
  assert.deepEqual(site.participants.map((p) => [p.unit_id, p.joined_on]), [[kienThiet, LAUNCHED]]);
  const row = page.locator(`#model-sites-table tr[data-site-id="${site.id}"]`);
  await row.waitFor();
  assert.equal(await row.locator('td[data-label="Loại mô hình"]').textContent(), 'Liên kết về ANTT');
  assert.match(await row.locator('td[data-label="Đơn vị tham gia"]').textContent(), /Kiến Thiết/);
  await assertClean(page, requests, 'the sites list with the new site');

  // The site's page.
  await row.locator('a').first().click();
  await page.waitForSelector('#model-site-facts');
  assert.equal(await page.textContent('h1'), `${SITE} (${site.code})`);
  assert.match(await page.textContent('#model-participants'), /Kiến Thiết/);
  assert.ok(await page.$('#model-board-none'));
  assert.ok(await page.$('#model-teams-none'));
  await assertClean(page, requests, 'the new site');

  // Kiến Thiết stands for 2026.
  await page.click('#model-standing-toggle');
  await page.selectOption('#model-standing-form-year', String(YEAR));
  await page.selectOption('#model-standing-form-unit', String(kienThiet));
  await assertClean(page, requests, 'the standing form');
  await page.click('#model-standing-form button[type=submit]');
  await said(page, new RegExp(`làm đơn vị thường trực năm ${YEAR}\\.$`));
  await page.waitForSelector(`#model-standing tr[data-year="${YEAR}"]`);
  assert.match(await page.textContent(`#model-standing tr[data-year="${YEAR}"] td[data-label="Đơn vị thường trực"]`), /Kiến Thiết/);

  // A board of two: the head and a member.
  await page.click('#model-board-toggle');
  await page.fill('#model-board-form-0-name', 'Hoàng Văn Thắng');
  await page.fill('#model-board-form-0-title', 'Phó Chủ tịch UBND xã Tân Trào');
  await page.selectOption('#model-board-form-0-role', 'head');
  await page.click('#model-board-form-members-add');
  await page.fill('#model-board-form-1-name', 'Lý Thị Mai');
  await page.fill('#model-board-form-1-title', 'Trưởng Công an xã Kiến Thiết');
  await page.selectOption('#model-board-form-1-role', 'member');
  await assertClean(page, requests, 'the board form');
  await page.click('#model-board-form button[type=submit]');
  await said(page, /^Đã lưu ban chỉ đạo \(2 thành viên\)\.$/);
  await page.waitForSelector('#model-board-table');
  assert.equal(await rows(page, '#model-board-table'), 2);
  assert.deepEqual(await page.$$eval('#model-board-table td[data-label="Vai trò trong ban"]', (tds) => tds.map((td) => td.textContent)),
    ['Trưởng ban', 'Thành viên']);

  // A team of three, founded after the launch.
  await page.click('#model-team-add');
  await page.fill('#model-team-new-name', 'Tổ liên kết tuần tra giáp ranh');
  await page.fill('#model-team-new-founded', `${YEAR}-01-10`);
  const members = [['Ma Văn Toàn', 'leader'], ['Hà Thị Dung', 'deputy'], ['Nông Văn Khải', 'member']];
  for (const [i, [name, role]] of members.entries()) {
    if (i > 0) await page.click('#model-team-new-members-add');
    await page.fill(`#model-team-new-${i}-name`, name);
    await page.selectOption(`#model-team-new-${i}-role`, role);
  }
  assert.equal(await page.inputValue('#model-team-new-2-joined'), `${YEAR}-01-10`, 'members join on the founding day');
  await assertClean(page, requests, 'the team form');
  await page.click('#model-team-new button[type=submit]');
  await said(page, /^Đã thêm tổ Tổ liên kết tuần tra giáp ranh \(3 thành viên\)\.$/);
  await page.waitForSelector('#model-teams section[data-team-id] table');
  assert.equal(await rows(page, '#model-teams section[data-team-id] table'), 3);
  assert.equal(await page.textContent('#model-teams-heading'), 'Các tổ (1)');

  // A second team entered by mistake, then deleted from the page once it asked.
  await page.click('#model-team-add');
  await page.fill('#model-team-new-name', 'Tổ nhập nhầm');
  await page.fill('#model-team-new-founded', `${YEAR}-01-12`);
  await page.fill('#model-team-new-0-name', 'Người nhập nhầm');
  await page.click('#model-team-new button[type=submit]');
  await said(page, /^Đã thêm tổ Tổ nhập nhầm \(1 thành viên\)\.$/);
  await page.waitForFunction(() => document.querySelector('#model-teams-heading')?.textContent === 'Các tổ (2)');
  const mistaken = (await officer.get(`${BASE}/model-sites/${site.id}`)).data.teams.find((t) => t.name === 'Tổ nhập nhầm');
  assert.ok(mistaken, 'the mistaken team was stored');
  await page.click(`#model-team-${mistaken.id}-delete`);
  await page.waitForSelector(`#model-team-${mistaken.id}-delete-form`);
  assert.equal(await page.textContent(`#model-team-${mistaken.id}-delete-form h4`), 'Xóa tổ Tổ nhập nhầm?');
  await assertClean(page, requests, 'the team\'s deletion asked');
  await page.click(`#model-team-${mistaken.id}-delete-form button[type=submit]`);
  await said(page, /^Đã xóa tổ Tổ nhập nhầm\.$/);
  await page.waitForFunction(() => document.querySelector('#model-teams-heading')?.textContent === 'Các tổ (1)');
  assert.equal(await page.$(`section[data-team-id="${mistaken.id}"]`), null);
  assert.ok(requests.includes(`${server.url}${BASE}/model-teams/${mistaken.id}?version=${mistaken.version}`), 'DELETE with the team\'s version');
  assert.deepEqual((await officer.get(`${BASE}/model-sites/${site.id}`)).data.teams.map((t) => t.name), ['Tổ liên kết tuần tra giáp ranh']);

  // An activity, under an id made in the browser.
  await page.click('#model-activity-toggle');
  const activityId = await page.getAttribute('#model-activity-form', 'data-activity-id');
  assert.match(activityId, UUID);
  assert.equal(await page.inputValue('#model-activity-form-held'), TODAY);
  await page.selectOption('#model-activity-form-kind', 'meeting');
  await page.fill('#model-activity-form-participants', '18');
  await page.fill('#model-activity-form-content', 'Họp giao ban liên kết, thống nhất lịch tuần tra giáp ranh dịp cuối năm');
  await assertClean(page, requests, 'the activity form');
  await page.click('#model-activity-form button[type=submit]');
  await said(page, /^Đã ghi hoạt động ngày \d{2}\/\d{2}\/\d{4} của điểm mô hình /);
  await page.waitForSelector(`#model-activities-table tr[data-activity-id="${activityId}"]`);
  assert.equal(await page.textContent(`#model-activities-table tr[data-activity-id="${activityId}"] td[data-label="Hoạt động"]`), 'Họp');
  assert.ok(requests.includes(`${server.url}${BASE}/model-activities/${activityId}`), 'PUT under the browser\'s id');
  const stored = await officer.get(`${BASE}/model-activities/${activityId}`);
  assert.deepEqual([stored.status, stored.data.site_id, stored.data.participants, stored.data.version], [200, site.id, 18, 1]);

  // The 2026 assessment, sent with the site's version as the page saw it.
  const before = (await officer.get(`${BASE}/model-sites/${site.id}`)).data;
  assert.ok(before.assessable_years.includes(YEAR), `${YEAR} may be assessed`);
  await page.click('#model-assessment-toggle');
  await page.selectOption('#model-assessment-form-year', String(YEAR));
  await page.selectOption('#model-assessment-form-rating', 'effective');
  await page.fill('#model-assessment-form-note', 'Phối hợp giải quyết 3 vụ việc giáp ranh');
  await assertClean(page, requests, 'the assessment form');
  await page.click('#model-assessment-form button[type=submit]');
  await said(page, new RegExp(`^Đã lưu đánh giá năm ${YEAR}: Hiệu quả\\.$`));
  await page.waitForSelector(`#model-assessments-table tr[data-year="${YEAR}"]`);
  assert.equal(await page.textContent(`#model-assessments-table tr[data-year="${YEAR}"] td[data-label="Kết quả đánh giá"]`), 'Hiệu quả');
  const assessed = (await officer.get(`${BASE}/model-sites/${site.id}`)).data;
  assert.equal(assessed.version, before.version + 1, 'the assessment moved the site\'s version');
  await assertClean(page, requests, 'the site with all it holds');

  // As stored.
  const read = await officer.get(`${BASE}/model-sites/${site.id}`);
  assert.equal(read.status, 200, read.text);
  assert.deepEqual(read.data.standing.map((s) => [s.year, s.unit_id]), [[YEAR, kienThiet]]);
  assert.deepEqual(read.data.board.map((m) => [m.full_name, m.role]), [['Hoàng Văn Thắng', 'head'], ['Lý Thị Mai', 'member']]);
  assert.deepEqual(read.data.teams.map((t) => t.members.length), [3]);
  assert.deepEqual(read.data.assessments.map((a) => [a.year, a.rating]), [[YEAR, 'effective']]);
  assert.deepEqual([read.data.may_keep, read.data.may_record], [true, true]);

  // On a phone: the site's page fits, with the team form open too.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.reload();
  await page.waitForSelector('#model-board-table');
  assert.ok(await fitsWidth(page), 'the site page fits a phone');
  await page.click('#model-team-add');
  await page.waitForSelector('#model-team-new');
  assert.ok(await fitsWidth(page), 'the team form fits a phone');
  await page.setViewportSize({ width: 1280, height: 900 });

  // Counted: the linked type has the site and its team, on Tân Trào itself (in the total).
  await page.click('a[href="/models"]');
  await page.waitForSelector('#models-table');
  const linkedRow = page.locator(`#models-table tr[data-type-id="${type.id}"]`);
  assert.match(await linkedRow.locator('td[data-total="true"]').textContent(), new RegExp(`^${yearBefore.sites + 1} / ${yearBefore.teams + 1}`));
  await assertClean(page, requests, 'the counts with the site');
  // The security teams' year (15/11 last year – 14/11) holds it too.
  await page.selectOption('#models-period', 'teams');
  await page.waitForFunction((y) => new URL(location.href).search.includes(`from=${y - 1}-11-15`), THIS_YEAR);
  await page.waitForFunction(() => document.querySelector('#models-heading')?.textContent.startsWith('Từ 15/11/'));
  assert.match(await linkedRow.locator('td[data-total="true"]').textContent(),
    new RegExp(`^${teamsYearBefore.sites + 1} / ${teamsYearBefore.teams + 1}`));
  assert.deepEqual(await linkedCount(`?${teamsYear}`), { sites: teamsYearBefore.sites + 1, teams: teamsYearBefore.teams + 1 });
  await assertClean(page, requests, 'the counts of the teams\' year');
  await page.context().close();
});
