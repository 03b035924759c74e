// The yearly grading of village security team members in a real browser, in a year whose
// window is open (today's when it is, else a server of its own whose test clock stands on
// 20 November): a team founded last year with three members who serve the whole year; the
// commune's eligible members graded on the page so that "xuất sắc" breaks the 20% quota;
// the warning names the numbers, finalising is refused with them, one grade lowered and the
// year is final; then reopened with a reason; a reviewer of the province picks the commune
// and reads without grading. axe on every state, and the page at a phone's width.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, axeViolations, start, unitIds, signedIn, pickUnit, PASSWORD, fitsWidth } from './lib.mjs';
import { gradingServer } from '../integration/lib.mjs';

let browser;
let server;
let year;
let ids;
before(async () => {
  browser = await launch();
  // A window open today: a plain server; else one whose clock stands in that year's window.
  const g = await gradingServer(undefined);
  year = g.year;
  server = g.own ? g.server : await start();
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

const BASE = '/api/v1/community';
const NEW_TEAM = 'Tổ bảo vệ ANTT thôn Làng Hản (xếp loại)';
const NEW_MEMBERS = [
  { full_name: 'Ma Văn Cường', birth_date: '1980-03-04', position: 'leader' },
  { full_name: 'Lục Thị Huyền', birth_date: '1986-08-19', position: 'deputy' },
  { full_name: 'Hà Văn Khánh', birth_date: '1992-12-01', position: 'member' },
];

// A team of Làng Hản founded on 01/06 of last year; its three members joined on 01/07, so
// each has served the whole grading year (15/11 last year – 14/11 this year) and is graded.
async function foundTeam() {
  const officer = await signedIn(server.url, 'officer.tantrao');
  const made = await officer.post(`${BASE}/teams`, {
    village_ids: [ids['DEMO-KQ-LANGHAN']], name: NEW_TEAM, decision_number: '21/QĐ-UBND', decision_on: `${year - 1}-05-25`,
    decision_signer: 'Nguyễn Văn Bình', founded_on: `${year - 1}-06-01`, dissolved_on: null, note: '',
  });
  assert.equal(made.status, 201, made.text);
  for (const m of NEW_MEMBERS) {
    const r = await officer.post(`${BASE}/teams/${made.data.id}/members`, {
      ...m, residence: 'Thôn Làng Hản, xã Tân Trào', joined_on: `${year - 1}-07-01`,
    });
    assert.equal(r.status, 201, r.text);
  }
  return { officer, team: made.data };
}

const version = (page) => page.getAttribute('#grading-sheet', 'data-version');

// Grades a row on the page (select, note, "Lưu") and waits for the sheet answered.
async function grade(page, memberId, value, note) {
  const before = await version(page);
  await page.selectOption(`#grading-row-${memberId}-grade`, value);
  if (note !== undefined) await page.fill(`#grading-row-${memberId}-note`, note);
  await page.click(`tr[data-member-id="${memberId}"] button[type=submit]`);
  await page.waitForFunction((v) => document.querySelector('#grading-sheet')?.getAttribute('data-version') !== v, before);
}

test('a grading that breaks the quota: the warning and the refusal name the numbers; one grade lowered, the year is final', async () => {
  const { officer, team } = await foundTeam();
  const page = await newPage(browser);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await login(page, server.url, 'officer.tantrao', PASSWORD);
  await page.waitForSelector('#welcome');

  // From the teams' list to the commune's sheet of the year whose window is open.
  await page.click('a[href="/teams"]');
  await page.click('#teams-grading-link');
  await page.waitForSelector('#grading-table');
  assert.equal(await page.textContent('h1'), 'Xếp loại thành viên Tổ bảo vệ ANTT');
  assert.equal(new URL(page.url()).pathname, '/teams/grading');
  assert.equal(await page.inputValue('#grading-year'), String(year));
  assert.equal(await page.textContent('#grading-heading'), `Năm ${year}`);
  assert.equal(await page.textContent('#grading-commune'), 'Tân Trào');
  assert.equal(await page.textContent('#grading-window'),
    `Từ 01/11/${year} đến 31/01/${year + 1} (đang trong thời gian xếp loại)`);
  assert.equal(await page.textContent('#grading-status'), 'Dự thảo');
  assert.equal(await page.textContent('#grading-excellent'), '0');
  await assertClean(page, requests, 'the sheet as found');

  // Every eligible member of the commune: the new team's three and the demo team's.
  const rows = await page.$$eval('#grading-table tbody tr', (trs) => trs.map((tr) => ({
    id: Number(tr.getAttribute('data-member-id')),
    eligible: tr.getAttribute('data-eligible') === 'true',
    team: tr.querySelector('td[data-label="Tổ"]').textContent,
    name: tr.querySelector('td[data-label="Thành viên"]').textContent,
    eligibility: tr.querySelector('td[data-label="Điều kiện xếp loại"]').textContent,
  })));
  const eligible = rows.filter((r) => r.eligible);
  const mine = eligible.filter((r) => r.team.startsWith(team.code));
  assert.equal(mine.length, 3, JSON.stringify(rows));
  for (const r of mine) assert.equal(r.eligibility, 'Đủ điều kiện');
  assert.ok(eligible.length >= 9, `the demo team's six and the new three: ${eligible.length}`);
  assert.ok(eligible.length < 15, 'at most three "xuất sắc" are needed to break the quota');
  const total = eligible.length;
  // One "xuất sắc" more than 20% of everybody allows; all the others "tốt".
  const allowed = Math.floor(total / 5);
  const excellent = mine.slice(0, allowed + 1);
  const options = await page.$$eval(`#grading-row-${mine[0].id}-grade option`, (os) => os.map((o) => o.textContent));
  assert.deepEqual(options, ['— (chưa xếp loại)', 'Hoàn thành xuất sắc nhiệm vụ', 'Hoàn thành tốt nhiệm vụ',
    'Hoàn thành nhiệm vụ', 'Không hoàn thành nhiệm vụ']);
  await grade(page, excellent[0].id, 'excellent', 'Phát hiện, báo tin giúp bắt 2 vụ trộm trâu');
  assert.equal(await page.textContent('#grading-done'),
    `Đã lưu xếp loại của ${NEW_MEMBERS[0].full_name}: Hoàn thành xuất sắc nhiệm vụ.`);
  for (const r of excellent.slice(1)) await grade(page, r.id, 'excellent');
  for (const r of eligible.filter((e) => !excellent.includes(e))) await grade(page, r.id, 'good');

  // The draft breaks the quota: the page says so with the numbers.
  const numbers = `${allowed + 1} xuất sắc; tối đa ${allowed} = 20% của ${total} người hoàn thành tốt trở lên`;
  await page.waitForSelector('#grading-quota-warning');
  assert.equal(await page.textContent('#grading-excellent'), String(allowed + 1));
  assert.equal(await page.textContent('#grading-good'), String(total - allowed - 1));
  assert.equal(await page.textContent('#grading-ungraded'), '0');
  assert.equal(await page.textContent('#grading-max-excellent'), String(allowed));
  const warning = await page.textContent('#grading-quota-warning');
  assert.match(warning, /^Vượt tỷ lệ “Hoàn thành xuất sắc nhiệm vụ”/);
  assert.ok(warning.includes(`${numbers}. Bản dự thảo vẫn được lưu`), warning);
  assert.equal(await page.textContent('#grading-status'), 'Dự thảo');
  assert.equal(await page.inputValue(`#grading-row-${excellent[0].id}-note`), 'Phát hiện, báo tin giúp bắt 2 vụ trộm trâu');
  await assertClean(page, requests, 'the quota broken in the draft');

  // Finalising is refused, naming the numbers; nothing changes.
  const draftVersion = await version(page);
  await page.click('#grading-finalise');
  await page.waitForSelector('#grading-refusal');
  assert.equal(await page.textContent('#grading-refusal'),
    `Chưa chốt được kết quảVượt tỷ lệ “Hoàn thành xuất sắc nhiệm vụ”: ${numbers}.`);
  assert.equal(await page.textContent('#grading-status'), 'Dự thảo');
  assert.equal(await version(page), draftVersion);
  const stored = await officer.get(`${BASE}/gradings?commune_id=${ids['02545']}&year=${year}`);
  assert.deepEqual([stored.data.status, stored.data.excellent, stored.data.quota_ok], ['draft', allowed + 1, false]);
  await assertClean(page, requests, 'finalising refused');

  // One "xuất sắc" lowered to "tốt": the quota holds, the warning and the refusal are gone.
  await grade(page, excellent[excellent.length - 1].id, 'good');
  await page.waitForSelector('#grading-quota-warning', { state: 'detached' });
  assert.equal(await page.$('#grading-refusal'), null);
  assert.equal(await page.textContent('#grading-excellent'), String(allowed));
  assert.match(await page.textContent('#grading-quota'),
    new RegExp(`${allowed} xuất sắc; tối đa ${allowed} = 20% của ${total} người hoàn thành tốt trở lên\\.$`));

  // Final: said, read-only, and so on the server.
  await page.click('#grading-finalise');
  await page.waitForFunction(() => document.querySelector('#grading-status')?.textContent === 'Chính thức (đã chốt)');
  assert.equal(await page.textContent('#grading-done'), `Đã chốt kết quả xếp loại năm ${year}.`);
  assert.match(await page.textContent('#grading-sheet'), /Kết quả đã chốt: không sửa được, trừ khi mở lại và nêu lý do\./);
  assert.equal(await page.$('#grading-finalise'), null);
  assert.ok(await page.isDisabled(`#grading-row-${mine[0].id}-grade`));
  assert.ok(await page.isDisabled(`#grading-row-${mine[0].id}-note`));
  const final = await officer.get(`${BASE}/gradings?commune_id=${ids['02545']}&year=${year}`);
  assert.deepEqual([final.data.status, final.data.excellent, final.data.good, final.data.ungraded, final.data.quota_ok],
    ['final', allowed, total - allowed, 0, true]);
  await assertClean(page, requests, 'the final sheet');

  // Reopened with a reason: a draft again, the reason on the sheet.
  await page.click('#grading-reopen-toggle');
  await page.click('#grading-reopen button[type=submit]');
  await page.waitForSelector('#grading-reopen-reason-input-error');
  assert.equal(await page.textContent('#grading-reopen-reason-input-error'), 'Bắt buộc nhập');
  await assertClean(page, requests, 'the reopening form with its refusal');
  const reason = 'Xếp loại lại theo kết luận kiểm tra của Công an tỉnh';
  await page.fill('#grading-reopen-reason-input', reason);
  await page.click('#grading-reopen button[type=submit]');
  await page.waitForFunction(() => document.querySelector('#grading-status')?.textContent === 'Dự thảo');
  assert.equal(await page.textContent('#grading-reopen-reason'), reason);
  assert.equal(await page.textContent('#grading-done'), `Đã mở lại kết quả xếp loại năm ${year}; bảng trở lại dự thảo.`);
  assert.ok(await page.isEnabled(`#grading-row-${mine[0].id}-grade`));
  await assertClean(page, requests, 'reopened');

  // On a phone: the sheet fits.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.reload();
  await page.waitForSelector('#grading-table');
  assert.ok(await fitsWidth(page), 'the grading page fits a phone');
  await assertClean(page, requests, 'on a phone');
  await page.context().close();

  // A reviewer of the province picks the commune and reads the sheet: no grade to give.
  const reviewer = await newPage(browser);
  await login(reviewer, server.url, 'reviewer.tuyenquang', PASSWORD);
  await reviewer.waitForSelector('#welcome');
  await reviewer.goto(`${server.url}/teams/grading`);
  await reviewer.waitForSelector('#grading-choose');
  await pickUnit(reviewer, '#grading-commune-picker', 'tan trao', ids['02545']);
  await reviewer.waitForSelector('#grading-table');
  assert.equal(new URL(reviewer.url()).search, `?commune_id=${ids['02545']}`);
  assert.equal(await reviewer.textContent('#grading-status'), 'Dự thảo');
  assert.equal(await reviewer.textContent('#grading-reopen-reason'), reason);
  assert.equal(await reviewer.$('#grading-table select'), null);
  assert.equal(await reviewer.$('#grading-finalise'), null);
  const read = reviewer.locator(`#grading-table tr[data-member-id="${mine[0].id}"]`);
  assert.equal(await read.locator('td[data-label="Xếp loại"]').textContent(), 'Hoàn thành xuất sắc nhiệm vụ');
  assert.equal(await read.locator('td[data-label="Ghi chú"]').textContent(), 'Phát hiện, báo tin giúp bắt 2 vụ trộm trâu');
  assert.deepEqual(await axeViolations(reviewer), [], 'the reviewer\'s sheet');
  assert.deepEqual(reviewer.jsErrors, []);
  await reviewer.context().close();
});
