// The officers' mailbox in Chromium: a tip sent through the public API reaches the inbox
// of Tân Trào's officer, who reads it, writes to the tipster, adds an internal note, moves
// it through the workflow, is refused the identity without the permission, and gives the
// commune key to a colleague; axe-core on every page, desktop and a 360-px phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, axeViolations, fitsWidth, start, signedIn, unitIds, vietnamTime, Client, PASSWORD } from './lib.mjs';

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

const submit = (extra) =>
  new Client(server.url).post('/api/v1/public/tips', {
    unit_id: ids['02545'], kind: 'denunciation', consent: true, ...extra,
  });

async function officerPage(options) {
  const page = await newPage(browser, options);
  await login(page, server.url, 'officer.tantrao', PASSWORD);
  await page.waitForSelector('#welcome');
  return page;
}

// The tip whose description is `text`, as the officer's API sees it.
async function tipNamed(text) {
  const officer = await signedIn(server.url, 'officer.tantrao');
  const list = await officer.get('/api/v1/tips?page_size=200');
  const tip = list.data.items.find((t) => t.description === text);
  assert.ok(tip, `no tip "${text}"`);
  return tip;
}
async function tipId(text) {
  return (await tipNamed(text)).id;
}

const statusText = (page) => page.textContent('main [role=status]');

test('a tip sent through the API is read, answered, noted and transferred by the officer', async () => {
  const description = 'E2E: nhóm người lạ đánh bạc ở nhà văn hóa thôn Khuôn Điển mỗi tối thứ bảy';
  const sent = await submit({ description, village_id: ids['DEMO-KQ-KHUONDIEN'], where: 'Nhà văn hóa thôn' });
  assert.equal(sent.status, 201, sent.text);
  const page = await officerPage();

  await page.click('a[href="/mailbox"]');
  await page.waitForSelector('#tips-table tr[data-tip-id]');
  const { id, received_at: receivedAt } = await tipNamed(description);
  const row = `#tips-table tr[data-tip-id="${id}"]`;
  const rowText = await page.textContent(row);
  assert.match(rowText, /Tố giác tội phạm/);
  assert.match(rowText, /Mới tiếp nhận/);
  assert.match(rowText, /Khuôn Điển/);
  assert.match(rowText, /còn 2\d giờ/);
  assert.match(rowText, /E2E: nhóm người lạ/);
  assert.ok(rowText.includes(vietnamTime(receivedAt)), `Vietnam's time on a browser set to UTC: ${rowText}`);
  assert.deepEqual(await axeViolations(page), [], 'inbox');

  await page.selectOption('#tip-kind', 'suggestion');
  await page.waitForFunction((r) => !document.querySelector(r), row);
  assert.match(page.url(), /kind=suggestion/);
  await page.selectOption('#tip-kind', '');
  await page.waitForSelector(row);

  await page.click(`${row} a`);
  await page.waitForSelector('#tip-description');
  assert.equal(new URL(page.url()).pathname, `/mailbox/${id}`);
  assert.equal(await page.textContent('#tip-description'), description);
  assert.equal(await page.textContent('#tip-status-label'), 'Mới tiếp nhận');
  assert.match(await page.textContent('main'), /Nhà văn hóa thôn/);
  assert.deepEqual(await axeViolations(page), [], 'tip page');

  await page.fill('#message-body', 'Bạn có nhớ biển số xe của nhóm người đó không?');
  await page.click('#message-form button[type=submit]');
  await page.waitForSelector('#tip-messages [data-message-id]');
  assert.equal(await statusText(page), 'Đã gửi tin nhắn cho người gửi.');

  await page.fill('#note-body', 'Thôn đã có 2 phản ánh tương tự trong tháng.');
  await page.click('#note-form button[type=submit]');
  await page.waitForFunction(() => document.querySelectorAll('#tip-messages [data-message-id]').length === 2);
  assert.equal(await statusText(page), 'Đã thêm ghi chú nội bộ.');
  const [message, note] = await page.$$eval('#tip-messages [data-message-id]', (els) => els.map((e) => e.textContent));
  assert.doesNotMatch(message, /Ghi chú nội bộ/);
  assert.match(note, /Ghi chú nội bộ — người gửi không thấy/);
  assert.match(note, /2 phản ánh tương tự/);

  await page.click('#assign-me');
  await page.waitForFunction(() => document.querySelector('#tip-assignee')?.textContent === 'Bạn');
  assert.match(await statusText(page), new RegExp(`Đã giao tin số ${id} cho bạn`));

  const offered = await page.$$eval('#transition-status option', (os) => os.map((o) => o.value).filter(Boolean));
  assert.deepEqual(offered, ['verifying', 'transferred', 'duplicate']);
  await page.selectOption('#transition-status', 'verifying');
  await page.click('#transition-form button[type=submit]');
  await page.waitForSelector('#transition-reason-error');
  await page.fill('#transition-reason', 'Cử cán bộ xác minh tại nhà văn hóa thôn.');
  await page.click('#transition-form button[type=submit]');
  await page.waitForFunction(() => document.querySelector('#tip-status-label')?.textContent === 'Đang xác minh');
  assert.match(await statusText(page), /sang “Đang xác minh”/);

  await page.selectOption('#transition-status', 'transferred');
  await page.fill('#transition-reason', 'Có dấu hiệu tội đánh bạc, đủ căn cứ chuyển cơ quan điều tra.');
  await page.fill('#transition-transferred-to', 'Cơ quan CSĐT Công an tỉnh Tuyên Quang');
  await page.fill('#transition-minutes', '15/BB-CAX');
  await page.click('#transition-form button[type=submit]');
  await page.waitForFunction(() => document.querySelector('#tip-status-label')?.textContent === 'Đã chuyển');
  assert.match(await statusText(page), /sang “Đã chuyển”/);

  const events = await page.$$eval('#tip-events li', (els) => els.map((e) => e.textContent));
  assert.equal(events.length, 2);
  assert.match(events[0], /Mới tiếp nhận.*Đang xác minh/);
  assert.match(events[0], /officer\.tantrao/);
  assert.match(events[0], /Cử cán bộ xác minh/);
  assert.match(events[1], /Đang xác minh.*Đã chuyển/);
  assert.match(events[1], /Cơ quan CSĐT Công an tỉnh Tuyên Quang/);
  assert.match(events[1], /15\/BB-CAX/);
  assert.deepEqual(
    await page.$$eval('#transition-status option', (os) => os.map((o) => o.value).filter(Boolean)),
    ['closed'],
  );

  // After a reload the page reads the same from the server.
  await page.reload();
  await page.waitForSelector('#tip-events li');
  assert.equal(await page.textContent('#tip-status-label'), 'Đã chuyển');
  assert.equal((await page.$$('#tip-messages [data-message-id]')).length, 2);
  assert.deepEqual(await axeViolations(page), [], 'tip page after the changes');

  // The tipster sees the message, not the note.
  const follow = await new Client(server.url).post('/api/v1/public/tips/follow', { receipt: sent.data.receipt });
  assert.deepEqual(follow.data.messages.map((m) => m.body), ['Bạn có nhớ biển số xe của nhóm người đó không?']);
  assert.equal(follow.data.status, 'transferred');
  assert.deepEqual(page.jsErrors, []);
  await page.context().close();
});

test('without the identity permission the reveal form says so; with it the identity shows until leaving', async () => {
  const description = 'E2E: tố giác có danh tính bảo mật';
  const sent = await submit({
    description, identity_mode: 'confidential', identity: { name: 'Trần Thị Bí Mật', phone: '0911000111' },
  });
  assert.equal(sent.status, 201, sent.text);
  const id = await tipId(description);
  const page = await officerPage();
  await page.goto(`${server.url}/mailbox/${id}`);
  await page.waitForSelector('#reveal-form');
  assert.equal(await page.textContent('#tip-identity-mode'), 'Bảo mật danh tính');
  await page.click('#reveal-form button[type=submit]');
  await page.waitForSelector('#reveal-reason-error');
  await page.fill('#reveal-reason', 'Mời người tố giác lên trụ sở làm việc.');
  await page.click('#reveal-form button[type=submit]');
  await page.waitForSelector('#reveal-form [role=alert]');
  assert.match(await page.textContent('#reveal-form [role=alert]'), /Bạn chưa được cấp quyền xem danh tính/);
  assert.equal(await page.$('#identity'), null);
  assert.doesNotMatch(await page.textContent('main'), /Trần Thị Bí Mật/);
  assert.deepEqual(await axeViolations(page), [], 'tip page with the refusal');

  const admin = await signedIn(server.url, 'admin');
  const me = (await admin.get('/api/v1/users?q=officer.tantrao')).data.items[0];
  assert.equal((await admin.patch(`/api/v1/users/${me.id}`, { identity_permission: true })).status, 200);
  await page.fill('#reveal-reason', 'Mời người tố giác lên trụ sở làm việc.');
  await page.click('#reveal-form button[type=submit]');
  await page.waitForSelector('#identity');
  assert.equal(await page.textContent('#identity-name'), 'Trần Thị Bí Mật');
  assert.equal(await page.textContent('#identity-phone'), '0911000111');
  assert.match(await statusText(page), /Đã hiện danh tính/);
  await page.click('a[href="/mailbox"]');
  await page.waitForSelector('#tips-table');
  await page.goBack();
  await page.waitForSelector('#reveal-form');
  assert.equal(await page.$('#identity'), null, 'the identity is gone once the page was left');
  await admin.patch(`/api/v1/users/${me.id}`, { identity_permission: false });
  await page.context().close();
});

test('the key page lists the holders and gives the key to a colleague by user id', async () => {
  const admin = await signedIn(server.url, 'admin');
  const made = await admin.post('/api/v1/users', {
    username: 'canbo.e2e', full_name: 'Cán Bộ Trình Duyệt', role: 'officer', unit_id: ids['02545'], password: PASSWORD,
  });
  assert.equal(made.status, 201, made.text);
  await signedIn(server.url, 'canbo.e2e');  // a key can only go to someone who has signed in

  const page = await officerPage();
  await page.goto(`${server.url}/mailbox`);
  await page.click('#mailbox-keys-link');
  await page.waitForSelector('#key-holders li');
  assert.deepEqual(await page.$$eval('#key-holders li', (els) => els.map((e) => e.getAttribute('data-user-id'))), ['2']);
  assert.match(await page.textContent('#key-holders'), /officer\.tantrao \(bạn\)/);
  assert.deepEqual(await axeViolations(page), [], 'key page');
  await page.fill('#grant-user-id', '999999');
  await page.click('#grant-form button[type=submit]');
  await page.waitForSelector('#grant-user-id-error');
  await page.fill('#grant-user-id', String(made.data.id));
  await page.click('#grant-form button[type=submit]');
  await page.waitForFunction(() => document.querySelectorAll('#key-holders li').length === 2);
  assert.match(await statusText(page), new RegExp(`mã số ${made.data.id}`));
  assert.match(await page.textContent('#key-holders'), /canbo\.e2e/);
  await page.context().close();

  const colleague = await newPage(browser);
  await login(colleague, server.url, 'canbo.e2e', PASSWORD);
  await colleague.waitForSelector('#welcome');
  await colleague.goto(`${server.url}/mailbox`);
  await colleague.waitForSelector('#tips-table tr[data-tip-id]');
  assert.equal(await colleague.$('[data-unreadable]'), null, 'the colleague reads every tip');
  await colleague.context().close();
});

test('the mailbox is not offered to a village team member', async () => {
  const page = await newPage(browser);
  await login(page, server.url, 'team.khuondien', PASSWORD);
  await page.waitForSelector('#welcome');
  assert.equal(await page.$('a[href="/mailbox"]'), null);
  await page.goto(`${server.url}/mailbox`);
  await page.waitForSelector('main h1');
  assert.equal(await page.$('#tips-table'), null);
  assert.match(await page.textContent('main h1'), /Không có quyền/);
  await page.context().close();
});

test('the officer\'s overview lists the deadlines, a new denunciation is not yet due soon; a team member has no panel', async () => {
  const description = 'E2E: tố giác mới gửi, còn gần 24 giờ để xử lý';
  const sent = await submit({ description });
  assert.equal(sent.status, 201, sent.text);
  const id = await tipId(description);

  // What the panel should show, from the officer's API: overdue tips, and running tips
  // (received, verifying) whose deadline falls within the next 6 hours.
  const api = await signedIn(server.url, 'officer.tantrao');
  const overdue = (await api.get('/api/v1/tips?overdue=1&page_size=20')).data;
  const running = [
    ...(await api.get('/api/v1/tips?status=received&page_size=200')).data.items,
    ...(await api.get('/api/v1/tips?status=verifying&page_size=200')).data.items,
  ];
  const mine = running.find((t) => t.id === id);
  const left = Date.parse(mine.deadline_at) - Date.now();
  assert.ok(left > 23 * 3600e3 && left <= 24 * 3600e3, `a denunciation is due in 24 hours, not ${left} ms`);
  const soon = running.filter((t) => !t.overdue && t.deadline_at
    && Date.parse(t.deadline_at) > Date.now() && Date.parse(t.deadline_at) - Date.now() <= 6 * 3600e3);

  const page = await officerPage();
  await page.waitForSelector('#deadlines-panel[data-soon-count]');
  assert.match(await page.textContent('#deadlines-heading'), /^Hạn xử lý/);
  assert.equal(await page.$(`#deadlines-soon li[data-tip-id="${id}"]`), null, 'more than 6 hours left: not due soon');
  assert.equal(await page.$(`#deadlines-overdue li[data-tip-id="${id}"]`), null);
  const soonCount = Number(await page.getAttribute('#deadlines-panel', 'data-soon-count'));
  const overdueCount = Number(await page.getAttribute('#deadlines-panel', 'data-overdue-count'));
  assert.equal(soonCount, soon.length);
  assert.equal(overdueCount, overdue.total);
  assert.equal((await page.$$('#deadlines-soon li[data-tip-id]')).length, soonCount);
  assert.equal((await page.$$('#deadlines-overdue li[data-tip-id]')).length, Math.min(overdueCount, 20));
  assert.equal(await page.textContent('#deadlines-counts'), ` (${overdueCount} quá hạn, ${soonCount} sắp đến hạn)`);
  if (soonCount === 0 && overdueCount === 0) {
    assert.equal(await page.textContent('#deadlines-empty'), 'Không có tin nào quá hạn hay sắp đến hạn.');
  } else {
    assert.equal(await page.$('#deadlines-empty'), null);
  }
  assert.deepEqual(await axeViolations(page), [], 'overview with the deadlines');
  assert.deepEqual(page.jsErrors, []);
  await page.context().close();

  const team = await newPage(browser);
  const asked = [];
  team.on('request', (r) => { if (new URL(r.url()).pathname.startsWith('/api/v1/tips')) asked.push(r.url()); });
  await login(team, server.url, 'team.khuondien', PASSWORD);
  await team.waitForSelector('#welcome');
  await team.waitForSelector('#dashboard-unit-count:not(:empty)');
  await team.waitForLoadState('networkidle');
  assert.equal(await team.$('#deadlines-panel'), null);
  assert.deepEqual(asked, [], 'a team member does not ask for tips');
  assert.deepEqual(team.jsErrors, []);
  await team.context().close();
});

test('on a 360-px phone the inbox is cards, and inbox and tip page fit and pass axe', async () => {
  const description = 'E2E: phản ánh trên điện thoại về tụ tập gây ồn ào ban đêm ở ngã ba chợ';
  await submit({ kind: 'security_report', description });
  const id = await tipId(description);
  const page = await officerPage({ width: 360, height: 740 });
  await page.goto(`${server.url}/mailbox`);
  await page.waitForSelector(`#tips-table tr[data-tip-id="${id}"]`);
  await page.waitForLoadState('networkidle');
  assert.ok(await fitsWidth(page), 'inbox');
  assert.equal(await page.$eval('#tips-table thead', (e) => getComputedStyle(e).position), 'absolute');
  assert.deepEqual(await axeViolations(page), [], 'inbox on a phone');
  await page.goto(`${server.url}/mailbox/${id}`);
  await page.waitForSelector('#tip-description');
  await page.waitForLoadState('networkidle');
  assert.ok(await fitsWidth(page), 'tip page');
  assert.deepEqual(await axeViolations(page), [], 'tip page on a phone');
  const small = await page.$$eval('main button, main a, main input, main select, main textarea', (els) =>
    els.filter((e) => e.offsetParent !== null && e.type !== 'checkbox')
      .filter((e) => e.getBoundingClientRect().height < 44 && getComputedStyle(e).display !== 'inline')
      .map((e) => e.id || e.textContent));
  assert.deepEqual(small, [], 'touch targets of at least 44 px');
  await page.context().close();
});
