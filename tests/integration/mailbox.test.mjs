// The digital mailbox: residents submit and follow tips; officers read them with the
// commune's key; nothing readable lands in the database files or the logs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, signedIn, unitIds, Client, PASSWORD, assertNoMarkers, sql } from './lib.mjs';

let server;
let ids;
before(async () => {
  server = await start();
  ids = await unitIds(server.url);
});
after(async () => { await server.close(); });

const tip = (extra = {}) => ({
  unit_id: ids['02545'], kind: 'denunciation', description: 'Có người buôn bán hàng cấm ở chợ.',
  identity_mode: 'anonymous', consent: true, ...extra,
});
const submit = (body, headers = {}) => new Client(server.url).request('POST', '/api/v1/public/tips', { json: body, headers });

test('a resident submits a denunciation without an account and gets a 16-digit receipt', async () => {
  const r = await submit(tip({ description: 'Tố giác: đánh bạc tại nhà văn hóa thôn Khuôn Điển', village_id: ids['DEMO-KQ-KHUONDIEN'] }));
  assert.equal(r.status, 201, r.text);
  assert.match(r.data.receipt, /^\d{4}-\d{4}-\d{4}-\d{4}$/);
  assert.equal(r.setCookie, null, 'no cookie for citizens');
  const officer = await signedIn(server.url, 'officer.tantrao');
  const list = await officer.get('/api/v1/tips');
  const mine = list.data.items.find((t) => t.description.includes('đánh bạc'));
  assert.ok(mine, JSON.stringify(list.data));
  assert.equal(mine.kind, 'denunciation');
  assert.equal(mine.status, 'received');
  assert.equal(mine.village_id, ids['DEMO-KQ-KHUONDIEN']);
  const received = Date.parse(mine.received_at);
  assert.equal(Date.parse(mine.deadline_at) - received, 24 * 3600 * 1000, '24 hours to record and transfer');
  const one = await officer.get(`/api/v1/tips/${mine.id}`);
  assert.equal(one.data.description, 'Tố giác: đánh bạc tại nhà văn hóa thôn Khuôn Điển');
});

test('the tipster follows the tip with the receipt, in plain Vietnamese or English', async () => {
  const { data } = await submit(tip({ kind: 'suggestion', description: 'Góp ý: lắp thêm đèn đường' }));
  const typed = data.receipt.replaceAll('-', ' ');
  const vi = await new Client(server.url).post('/api/v1/public/tips/follow', { receipt: typed });
  assert.equal(vi.status, 200, vi.text);
  assert.equal(vi.data.status, 'received');
  assert.match(vi.data.status_text, /Đã tiếp nhận/);
  assert.equal(vi.data.unit_name, 'Tân Trào');
  const en = await new Client(server.url).post('/api/v1/public/tips/follow', { receipt: data.receipt }, { headers: { 'accept-language': 'en' } });
  assert.match(en.data.status_text, /Received/);
  const wrong = await new Client(server.url).post('/api/v1/public/tips/follow', { receipt: '0000-0000-0000-0000' });
  assert.equal(wrong.status, 404);
  const malformed = await new Client(server.url).post('/api/v1/public/tips/follow', { receipt: '1234' });
  assert.equal(malformed.status, 422);
});

test('bad submissions name each field and store nothing', async () => {
  const officer = await signedIn(server.url, 'officer.tantrao');
  const before = (await officer.get('/api/v1/tips')).data.total;
  const cases = [
    [{ description: '', kind: 'rumour', consent: false }, { description: 'required', kind: 'unknown_value', consent: 'required' }],
    [{ description: 'x'.repeat(10001) }, { description: 'too_long' }],
    [{ identity_mode: 'confidential' }, { 'identity.name': 'required' }],
    [{ unit_id: 999999 }, { unit_id: 'not_found' }],
    [{ unit_id: ids['08-X-KIM-QUAN'] }, { unit_id: 'not_found' }],
    [{ village_id: ids['DEMO-KT-KHUONHAU'] }, { village_id: 'not_found' }],
    [{ unit_id: 'Tân Trào', latitude: 'north' }, { unit_id: 'wrong_type', latitude: 'wrong_type' }],
    [{ latitude: 95, longitude: 10 }, { latitude: 'invalid_format' }],
  ];
  for (const [change, expected] of cases) {
    const r = await submit(tip(change));
    assert.equal(r.status, 422, JSON.stringify(change));
    const got = Object.fromEntries(r.data.errors.map((e) => [e.field, e.code]));
    assert.deepEqual(got, expected, JSON.stringify(change));
  }
  const utf8 = await new Client(server.url).request('POST', '/api/v1/public/tips', {
    body: Buffer.concat([Buffer.from('{"description":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]),
    headers: { 'content-type': 'application/json' },
  });
  assert.equal(utf8.status, 400);
  assert.equal((await officer.get('/api/v1/tips')).data.total, before, 'nothing stored');
});

test('a commune without a mailbox key refuses tips; once opened, remote communes get 48 hours', async () => {
  const closed = await submit(tip({ unit_id: ids['DEMO-KIENTHIET'] }));
  assert.equal(closed.status, 422);
  assert.equal(closed.data.errors[0].code, 'not_ready');
  assert.match(closed.data.errors[0].message, /chưa mở hòm thư/);
  const init = server.cli(['keys', 'init', '--unit', 'DEMO-KIENTHIET']);
  assert.equal(init.status, 0, init.stderr);
  const recovery = /([A-Z2-7]{4}(?:-[A-Z2-7]{1,4}){12})/.exec(init.stdout)[1];
  const early = server.cli(['keys', 'grant', '--unit', 'DEMO-KIENTHIET', '--user', 'officer.kienthiet', '--recovery-key', recovery]);
  assert.equal(early.status, 1, 'the officer has no own key before signing in');
  assert.match(early.stderr, /đăng nhập một lần/);
  await signedIn(server.url, 'officer.kienthiet');
  const grant = server.cli(['keys', 'grant', '--unit', 'DEMO-KIENTHIET', '--user', 'officer.kienthiet', '--recovery-key', recovery]);
  assert.equal(grant.status, 0, grant.stderr);
  const wrongKey = server.cli(['keys', 'grant', '--unit', 'DEMO-KIENTHIET', '--user', 'officer.kienthiet', '--recovery-key', 'A'.repeat(52)]);
  assert.equal(wrongKey.status, 1);
  const r = await submit(tip({ unit_id: ids['DEMO-KIENTHIET'], kind: 'crime_report', description: 'Tin báo: mất trộm trâu' }));
  assert.equal(r.status, 201, r.text);
  const officer = await signedIn(server.url, 'officer.kienthiet');
  const t = (await officer.get('/api/v1/tips')).data.items[0];
  assert.equal(t.description, 'Tin báo: mất trộm trâu');
  assert.equal(Date.parse(t.deadline_at) - Date.parse(t.received_at), 48 * 3600 * 1000);
});

test('only commune officers read tips, and only their own commune\'s', async () => {
  const { data } = await submit(tip({ description: 'Chỉ cán bộ Tân Trào được đọc' }));
  assert.ok(data.receipt);
  const officer = await signedIn(server.url, 'officer.tantrao');
  const id = (await officer.get('/api/v1/tips')).data.items[0].id;
  const other = await signedIn(server.url, 'officer.kienthiet');
  const theirs = await other.get('/api/v1/tips');
  assert.ok(theirs.data.items.every((t) => t.unit_id === ids['DEMO-KIENTHIET']));
  assert.equal((await other.get(`/api/v1/tips/${id}`)).status, 404);
  for (const name of ['admin', 'team.khuondien', 'reviewer.tuyenquang', 'auditor']) {
    const c = await signedIn(server.url, name);
    assert.equal((await c.get('/api/v1/tips')).status, 403, name);
    assert.equal((await c.get(`/api/v1/tips/${id}`)).status, 403, name);
  }
  assert.equal((await new Client(server.url).get('/api/v1/tips')).status, 401);
});

test('a new officer reads only after a holder grants the key; disabling removes the grant', async () => {
  const admin = await signedIn(server.url, 'admin');
  const u = await admin.post('/api/v1/users', { username: 'canbo.moi', full_name: 'Cán Bộ Mới', role: 'officer', unit_id: ids['02545'], password: PASSWORD });
  assert.equal(u.status, 201);
  await submit(tip({ description: 'Tin gửi trước khi cán bộ mới có khóa' }));
  const newcomer = await signedIn(server.url, 'canbo.moi');
  const locked = await newcomer.get('/api/v1/tips');
  assert.ok(locked.data.total > 0);
  assert.ok(locked.data.items.every((t) => t.readable === false && t.description === undefined));
  const holder = await signedIn(server.url, 'officer.tantrao');
  const status = await holder.get(`/api/v1/mailbox/keys/${ids['02545']}`);
  assert.deepEqual(status.data.holders.map((h) => h.username), ['officer.tantrao']);
  const outsider = await holder.post(`/api/v1/mailbox/keys/${ids['02545']}/grants`, { user_id: (await admin.get('/api/v1/users?q=kienthiet')).data.items[0].id });
  assert.equal(outsider.status, 422, 'keys go only to officers of the commune');
  const granted = await holder.post(`/api/v1/mailbox/keys/${ids['02545']}/grants`, { user_id: u.data.id });
  assert.equal(granted.status, 204, granted.text);
  const open = await newcomer.get('/api/v1/tips');
  assert.ok(open.data.items.every((t) => t.readable === true && typeof t.description === 'string'));
  assert.ok(open.data.items.some((t) => t.description === 'Tin gửi trước khi cán bộ mới có khóa'));
  await admin.patch(`/api/v1/users/${u.data.id}`, { disabled: true });
  const after = await holder.get(`/api/v1/mailbox/keys/${ids['02545']}`);
  assert.deepEqual(after.data.holders.map((h) => h.username), ['officer.tantrao'], 'the grant is gone');
  const cannot = await new Client(server.url).login('canbo.moi');
  assert.equal(cannot.status, 401);
});

test('a rotated key keeps old tips readable, takes new tips, and retires the old recovery key', async () => {
  await submit(tip({ description: 'Trước khi đổi khóa' }));
  const demoKey = /recovery key: ([A-Z2-7-]+)/.exec(server.demoOutput)[1];
  assert.match(server.cli(['keys', 'status', '--unit', '02545']).stdout, /version 1\n\s+officer\.tantrao/);
  const rot = server.cli(['keys', 'rotate', '--unit', '02545', '--recovery-key', demoKey]);
  assert.equal(rot.status, 0, rot.stderr);
  const newKey = /([A-Z2-7]{4}(?:-[A-Z2-7]{1,4}){12})/.exec(rot.stdout)[1];
  assert.notEqual(newKey, demoKey);
  assert.match(server.cli(['keys', 'status', '--unit', '02545']).stdout, /version 2\n\s+officer\.tantrao/);
  await submit(tip({ description: 'Sau khi đổi khóa' }));
  const officer = await signedIn(server.url, 'officer.tantrao');
  const texts = (await officer.get('/api/v1/tips?page_size=200')).data.items.map((t) => t.description);
  assert.ok(texts.includes('Trước khi đổi khóa') && texts.includes('Sau khi đổi khóa'));
  const stale = server.cli(['keys', 'recover', '--unit', '02545', '--user', 'officer.tantrao', '--recovery-key', demoKey]);
  assert.equal(stale.status, 1, 'the old recovery key no longer opens the key');
  const admin = await signedIn(server.url, 'admin');
  const u = await admin.post('/api/v1/users', { username: 'canbo.phuchoi', full_name: 'Phục Hồi', role: 'officer', unit_id: ids['02545'], password: PASSWORD });
  await signedIn(server.url, 'canbo.phuchoi');
  const rec = server.cli(['keys', 'recover', '--unit', '02545', '--user', 'canbo.phuchoi', '--recovery-key', newKey.toLowerCase()]);
  assert.equal(rec.status, 0, rec.stderr);
  const restored = await signedIn(server.url, 'canbo.phuchoi');
  const all = (await restored.get('/api/v1/tips?page_size=200')).data.items;
  assert.ok(all.every((t) => t.readable), 'the new recovery key opens old and new versions');
  assert.ok(all.some((t) => t.description === 'Trước khi đổi khóa'));
  assert.ok(u.data.id > 0);
});

test('tips and tipsters leave no readable trace in the database files or the logs', async () => {
  const markers = ['MARKER-NOI-DUNG-7781', 'MARKER-TEN-NGUOI-TO-GIAC', '0987654321'];
  const r = await submit(tip({
    description: `Nội dung bí mật ${markers[0]}`, identity_mode: 'confidential',
    identity: { name: markers[1], phone: markers[2], address: 'Số 1 đường bí mật' }, where: 'Cạnh cây đa',
  }));
  assert.equal(r.status, 201);
  const officer = await signedIn(server.url, 'officer.tantrao');
  const seen = await officer.get('/api/v1/tips');
  assert.ok(seen.data.items.some((t) => t.description.includes(markers[0])), 'the officer can read it');
  assert.ok(!JSON.stringify(seen.data).includes(markers[1]), 'no identity without the identity permission');
  assertNoMarkers(server, markers);
  const logs = server.logs();
  assert.doesNotMatch(logs, /POST \/api\/v1\/public\/tips 201 [\d.]+ms client=/, 'no client address for citizen routes');
  const auditor = await signedIn(server.url, 'auditor');
  const entries = await auditor.get('/api/v1/audit?action=tip.submit');
  assert.ok(entries.data.items.every((e) => e.actor_name === 'citizen' && !JSON.stringify(e).includes(markers[0])));
  const reads = await auditor.get('/api/v1/audit?action=tip');
  assert.ok(reads.data.items.some((e) => e.action === 'tip.list' && e.actor_name === 'officer.tantrao'));
});

test('the workflow refuses illegal moves, needs reasons, and tells the tipster the outcome', async () => {
  const { data } = await submit(tip({ description: 'Tố giác: trộm cắp xe máy', wants_outcome: true }));
  const officer = await signedIn(server.url, 'officer.tantrao');
  const id = (await officer.get('/api/v1/tips')).data.items.find((t) => t.description === 'Tố giác: trộm cắp xe máy').id;
  const move = (body) => officer.post(`/api/v1/tips/${id}/transitions`, body);
  const illegal = await move({ status: 'closed', reason: 'đóng luôn' });
  assert.equal(illegal.status, 409);
  assert.equal(illegal.data.type, '/problems/conflict');
  const noReason = await move({ status: 'verifying' });
  assert.equal(noReason.status, 422);
  assert.equal(noReason.data.errors[0].field, 'reason');
  assert.equal((await move({ status: 'verifying', reason: 'Cử cán bộ xác minh tại chỗ' })).status, 200);
  const incomplete = await move({ status: 'transferred', reason: 'Đủ căn cứ' });
  assert.deepEqual(incomplete.data.errors.map((e) => e.field).sort(), ['minutes_number', 'transferred_to']);
  const transferred = await move({ status: 'transferred', reason: 'Đủ căn cứ', transferred_to: 'Cơ quan CSĐT Công an tỉnh Tuyên Quang', minutes_number: '15/BB-CAX' });
  assert.equal(transferred.status, 200, transferred.text);
  assert.equal(transferred.data.status, 'transferred');
  assert.ok(transferred.data.transferred_at);
  assert.equal(transferred.data.overdue, false);
  const closed = await move({ status: 'closed', reason: 'Hoàn tất' });
  assert.equal(closed.data.status, 'closed');
  assert.deepEqual(closed.data.events.map((e) => `${e.from}>${e.to}`), ['received>verifying', 'verifying>transferred', 'transferred>closed']);
  assert.equal(closed.data.events[1].transferred_to, 'Cơ quan CSĐT Công an tỉnh Tuyên Quang');
  assert.equal(closed.data.events[0].reason, 'Cử cán bộ xác minh tại chỗ');
  const follow = await new Client(server.url).post('/api/v1/public/tips/follow', { receipt: data.receipt });
  assert.equal(follow.data.status, 'closed');
  assert.match(follow.data.messages.at(-1).body, /chuyển đến cơ quan có thẩm quyền điều tra/);
  const reply = await new Client(server.url).post('/api/v1/public/tips/messages', { receipt: data.receipt, body: 'Cảm ơn' });
  assert.equal(reply.status, 409, 'a closed tip takes no more messages');
  const auditor = await signedIn(server.url, 'auditor');
  const log = await auditor.get(`/api/v1/audit?action=tip.transition&entity_id=${id}`);
  assert.equal(log.data.total, 3);
});

test('officers and the tipster talk through the receipt; internal notes stay internal', async () => {
  const { data } = await submit(tip({ kind: 'security_report', description: 'Phản ánh: tụ tập gây ồn ào ban đêm' }));
  const officer = await signedIn(server.url, 'officer.tantrao');
  const id = (await officer.get('/api/v1/tips')).data.items.find((t) => t.description.startsWith('Phản ánh: tụ tập')).id;
  const ask = await officer.post(`/api/v1/tips/${id}/messages`, { body: 'Bạn có nhớ biển số xe không?' });
  assert.equal(ask.status, 201);
  await officer.post(`/api/v1/tips/${id}/messages`, { body: 'Ghi chú nội bộ: đã có 2 phản ánh tương tự', internal: true });
  const follow = await new Client(server.url).post('/api/v1/public/tips/follow', { receipt: data.receipt });
  assert.deepEqual(follow.data.messages.map((m) => m.body), ['Bạn có nhớ biển số xe không?']);
  assert.equal(follow.data.messages[0].author_name, undefined, 'the tipster does not see officers\' names');
  const reply = await new Client(server.url).post('/api/v1/public/tips/messages', { receipt: data.receipt, body: 'Biển số 22B1-123.45' });
  assert.equal(reply.status, 204);
  const wrong = await new Client(server.url).post('/api/v1/public/tips/messages', { receipt: '1111-2222-3333-4444', body: 'x' });
  assert.equal(wrong.status, 404);
  const detail = await officer.get(`/api/v1/tips/${id}`);
  assert.deepEqual(detail.data.messages.map((m) => [m.author, m.internal, m.body]), [
    ['officer', false, 'Bạn có nhớ biển số xe không?'],
    ['officer', true, 'Ghi chú nội bộ: đã có 2 phản ánh tương tự'],
    ['tipster', false, 'Biển số 22B1-123.45'],
  ]);
  const again = await new Client(server.url).post('/api/v1/public/tips/follow', { receipt: data.receipt });
  assert.equal(again.data.messages.length, 2, 'the tipster sees the question and his answer');
});

test('a confidential identity is revealed only with the permission and a reason, and audited', async () => {
  await submit(tip({ description: 'Tố giác có danh tính', identity_mode: 'confidential', identity: { name: 'Trần Thị Bí Mật', phone: '0911000111' } }));
  const officer = await signedIn(server.url, 'officer.tantrao');
  const listed = (await officer.get('/api/v1/tips')).data.items.find((t) => t.description === 'Tố giác có danh tính');
  assert.equal(listed.identity_mode, 'confidential');
  const denied = await officer.post(`/api/v1/tips/${listed.id}/identity`, { reason: 'Cần liên hệ' });
  assert.equal(denied.status, 403);
  const admin = await signedIn(server.url, 'admin');
  const me = (await admin.get('/api/v1/users?q=officer.tantrao')).data.items[0];
  assert.equal((await admin.patch(`/api/v1/users/${me.id}`, { identity_permission: true })).data.identity_permission, true);
  const noReason = await officer.post(`/api/v1/tips/${listed.id}/identity`, {});
  assert.equal(noReason.status, 422);
  const shown = await officer.post(`/api/v1/tips/${listed.id}/identity`, { reason: 'Mời người tố giác lên làm việc' });
  assert.equal(shown.status, 200);
  assert.deepEqual(shown.data, { name: 'Trần Thị Bí Mật', phone: '0911000111', address: '' });
  const auditor = await signedIn(server.url, 'auditor');
  const log = await auditor.get(`/api/v1/audit?action=tip.identity_reveal&entity_id=${listed.id}`);
  assert.equal(log.data.items[0].actor_name, 'officer.tantrao');
  assert.equal(log.data.items[0].reason, 'Mời người tố giác lên làm việc');
  const anonymous = (await officer.get('/api/v1/tips')).data.items.find((t) => t.identity_mode === 'anonymous');
  assert.equal((await officer.post(`/api/v1/tips/${anonymous.id}/identity`, { reason: 'x' })).status, 404);
});

test('the inbox finds words in the encrypted text, ignoring case and diacritics', async () => {
  await submit(tip({ description: 'Đại tá Phạm Hoàng Điệp đã nhận được tin', where: 'Đường Lê Lợi' }));
  const officer = await signedIn(server.url, 'officer.tantrao');
  const found = await officer.get('/api/v1/tips?q=diep');
  assert.deepEqual(found.data.items.map((t) => t.description), ['Đại tá Phạm Hoàng Điệp đã nhận được tin']);
  assert.equal(found.data.total, 1);
  assert.equal((await officer.get('/api/v1/tips?q=DUONG%20LE%20LOI')).data.total, 1, 'where is searched too');
  assert.equal((await officer.get('/api/v1/tips?q=khong%20co%20tu%20nay')).data.total, 0);
  const words = await officer.get(`/api/v1/tips?q=${encodeURIComponent('loi  HOANG dai')}`);
  assert.equal(words.data.total, 1, 'every word, in any order, wherever it stands');
  assert.equal((await officer.get('/api/v1/tips?q=loi%20hoang%20vinh')).data.total, 0, 'every word must be there');
  const other = await signedIn(server.url, 'officer.kienthiet');
  assert.equal((await other.get('/api/v1/tips?q=diep')).data.total, 0, 'never across communes');
});

test('an inbox page and a sign-in bring the search index up to date in the background', async () => {
  const officer = await signedIn(server.url, 'officer.kienthiet');
  const unit = ids['DEMO-KIENTHIET'];
  for (let i = 0; i < 18; i++) {
    const r = await officer.post('/api/v1/tips', { unit_id: unit, kind: 'suggestion', channel: 'phone',
      description: `Phản ánh ${i}: ${i === 7 ? 'Cầu treo Nà Khà lung lay' : 'Rác thải ven đường'}` });
    assert.equal(r.status, 201);
  }
  const indexed = `SELECT COUNT(*) FROM tip_search_index WHERE unit_id = ${unit}`;
  assert.equal(sql(server, indexed), '0', 'no index before the page');
  assert.equal((await officer.get('/api/v1/tips')).status, 200);
  let waited = 0;
  while (sql(server, indexed) !== '1' && waited < 10000) {
    await new Promise((ok) => setTimeout(ok, 100));
    waited += 100;
  }
  assert.equal(sql(server, indexed), '1', 'stored by the background refresh, before any search');
  const stamp = sql(server, `SELECT updated_at FROM tip_search_index WHERE unit_id = ${unit}`);
  const found = await officer.get(`/api/v1/tips?q=${encodeURIComponent('nà khà')}`);
  assert.equal(found.data.total, 1);
  assert.ok(found.data.items[0].description.includes('Cầu treo Nà Khà'));
  assert.equal(sql(server, `SELECT updated_at FROM tip_search_index WHERE unit_id = ${unit}`), stamp,
    'the search found every tip in the stored index and did not store it again');

  const entries = () => Number(sql(server, `SELECT entries FROM tip_search_index WHERE unit_id = ${unit}`));
  const before = entries();
  for (let i = 0; i < 17; i++) {
    assert.equal((await officer.post('/api/v1/tips', { unit_id: unit, kind: 'suggestion', channel: 'phone',
      description: `Phản ánh thêm ${i}` })).status, 201);
  }
  assert.equal(entries(), before, 'registering tips does not touch the index');
  await signedIn(server.url, 'officer.kienthiet');
  waited = 0;
  while (entries() !== before + 17 && waited < 10000) {
    await new Promise((ok) => setTimeout(ok, 100));
    waited += 100;
  }
  assert.equal(entries(), before + 17, 'signing in brought the index up to date, with no page and no search');
});

test('tips are assigned to officers of the commune only', async () => {
  const officer = await signedIn(server.url, 'officer.tantrao');
  const id = (await officer.get('/api/v1/tips')).data.items[0].id;
  const me = (await officer.get('/api/v1/auth/me')).data.user.id;
  const ok = await officer.patch(`/api/v1/tips/${id}`, { assignee_id: me });
  assert.equal(ok.status, 200);
  assert.equal(ok.data.assignee_id, me);
  const admin = await signedIn(server.url, 'admin');
  const team = (await admin.get('/api/v1/users?q=team.khuondien')).data.items[0].id;
  const bad = await officer.patch(`/api/v1/tips/${id}`, { assignee_id: team });
  assert.equal(bad.status, 422);
  const cleared = await officer.patch(`/api/v1/tips/${id}`, { assignee_id: null });
  assert.equal(cleared.data.assignee_id, null);
  const overdue = await officer.get('/api/v1/tips?overdue=1');
  assert.equal(overdue.data.total, 0, 'nothing is past its 24 hours yet');
});

test('searches go through an encrypted per-commune index that follows new and purged tips', async () => {
  const officer = await signedIn(server.url, 'officer.tantrao');
  const register = (description) => officer.post('/api/v1/tips', {
    unit_id: ids['02545'], kind: 'suggestion', channel: 'in_person', description,
  });
  for (let i = 0; i < 20; i++) assert.equal((await register(`Góp ý số ${i}: Đường liên thôn ${i % 2 ? 'Khuổi Kịt' : 'Bản Bung'} hỏng`)).status, 201);
  const kit = await officer.get(`/api/v1/tips?q=${encodeURIComponent('khuoi kit')}`);
  assert.equal(kit.data.total, 10);
  assert.equal(kit.data.counts.received >= 20, true, 'counts per status come with the page');
  assert.equal(sql(server, `SELECT COUNT(*) FROM tip_search_index WHERE unit_id = ${ids['02545']}`), '1', 'the index was stored');
  assertNoMarkers(server, ['khuoi kit', 'ban bung']);
  const again = await officer.get(`/api/v1/tips?q=${encodeURIComponent('Bản Bung')}&page_size=4&page=2`);
  assert.equal(again.data.total, 10);
  assert.equal(again.data.items.length, 4);
  assert.ok(again.data.items.every((t) => t.description.includes('Bản Bung')));
  assert.equal((await register('Góp ý mới: Đèn đường Khuổi Kịt tắt')).status, 201);
  assert.equal((await officer.get(`/api/v1/tips?q=${encodeURIComponent('khuoi kit')}`)).data.total, 11, 'a tip added after the index is found');
  const other = await signedIn(server.url, 'officer.kienthiet');
  assert.equal((await other.get(`/api/v1/tips?q=${encodeURIComponent('khuoi kit')}`)).data.total, 0, 'another commune finds nothing');
});

// The workflow and the taxonomies live in the mailbox service; clients ask for them.
test('the server says which moves each tip allows and sends the taxonomies with their labels', async () => {
  const officer = await signedIn(server.url, 'officer.tantrao');
  const tax = await officer.get('/api/v1/mailbox/taxonomies');
  assert.equal(tax.status, 200);
  assert.deepEqual(tax.data.kinds.map((k) => [k.code, k.legal_deadline, k.receipt_record]), [
    ['denunciation', true, true], ['crime_report', true, true], ['security_report', false, false], ['suggestion', false, false]]);
  assert.deepEqual(tax.data.kinds[0].label, { vi: 'Tố giác tội phạm', en: 'Crime denunciation' });
  const next = Object.fromEntries(tax.data.statuses.map((s) => [s.code, s.next]));
  assert.deepEqual(next.received, ['verifying', 'transferred', 'duplicate']);
  assert.deepEqual(next.closed, []);
  assert.deepEqual(tax.data.statuses.filter((s) => s.deadline_runs).map((s) => s.code), ['received', 'verifying']);
  assert.deepEqual(tax.data.channels.filter((c) => !c.registrable).map((c) => c.code), ['web']);
  assert.deepEqual(tax.data.identity_modes.map((m) => m.code), ['anonymous', 'confidential', 'open']);
  assert.equal((await new Client(server.url).get('/api/v1/mailbox/taxonomies')).status, 401, 'staff only');

  await submit(tip({ kind: 'suggestion', description: 'Góp ý: lắp thêm đèn đường' }));
  const page = await officer.get('/api/v1/tips?page_size=200');
  assert.ok(page.data.items.length > 1);
  for (const t of page.data.items) {
    assert.deepEqual(t.next_statuses, next[t.status], `tip ${t.id}`);
    assert.equal(t.deadline_running, ['received', 'verifying'].includes(t.status));
    assert.equal(t.receipt_record, ['denunciation', 'crime_report'].includes(t.kind));
  }
  const counts = page.data.counts;
  assert.equal(page.data.running, (counts.received ?? 0) + (counts.verifying ?? 0));
  const received = page.data.items.find((t) => t.status === 'received');
  const refused = await officer.post(`/api/v1/tips/${received.id}/transitions`, { status: 'closed', reason: 'Thử' });
  assert.equal(refused.status, 409, 'a move the tip does not list is refused');
});
