// The mailbox beyond the web form: tips registered by officers from other channels,
// statistics for the reports, retention and purge.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, signedIn, unitIds, Client, openedBox, sql } from './lib.mjs';

let server;
let ids;
before(async () => {
  server = await start();
  ids = await unitIds(server.url);
});
after(async () => { await server.close(); });

const today = () => new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
const registered = (officer, extra) => officer.post('/api/v1/tips', {
  unit_id: ids['02545'], kind: 'denunciation', description: 'Tin nhận trực tiếp', channel: 'in_person', ...extra,
});

test('an officer registers tips from other channels with the same deadlines', async () => {
  const officer = await signedIn(server.url, 'officer.tantrao');
  const phone = await registered(officer, { channel: 'phone', description: 'Tin báo qua điện thoại', issue_receipt: true });
  assert.equal(phone.status, 201, phone.text);
  assert.equal(phone.data.tip.channel, 'phone');
  assert.equal(phone.data.tip.description, 'Tin báo qua điện thoại');
  assert.match(phone.data.receipt, /^\d{4}-\d{4}-\d{4}-\d{4}$/);
  assert.equal(Date.parse(phone.data.tip.deadline_at) - Date.parse(phone.data.tip.received_at), 24 * 3600 * 1000);
  const follow = await new Client(server.url).post('/api/v1/public/tips/follow', { receipt: phone.data.receipt });
  assert.equal(follow.status, 200, 'the caller can follow it online');
  const opening = await openedBox(officer, ids['02545']);
  assert.equal((await registered(officer, { channel: 'box', kind: 'suggestion' })).status, 422, 'a letter needs its opening');
  const box = await registered(officer, { channel: 'box', kind: 'suggestion', description: 'Thư trong hòm thư giấy', box_opening_id: opening.id });
  assert.equal(box.status, 201, box.text);
  assert.equal(box.data.receipt, null);
  assert.equal(box.data.tip.deadline_at, null, 'suggestions have no legal deadline');
  assert.equal((await registered(officer, { channel: 'web' })).status, 422, 'web is for residents');
  assert.equal((await registered(officer, { channel: 'pigeon' })).status, 422);
  assert.equal((await registered(officer, { unit_id: ids['DEMO-KIENTHIET'] })).status, 422, 'only his commune');
  const team = await signedIn(server.url, 'team.khuondien');
  assert.equal((await registered(team, {})).status, 403);
  const auditor = await signedIn(server.url, 'auditor');
  const log = await auditor.get('/api/v1/audit?action=tip.register');
  assert.ok(log.data.items.every((e) => e.actor_name === 'officer.tantrao'));
  assert.ok(log.data.items.some((e) => e.detail.channel === 'box'));
});

test('statistics count by kind, channel, status, month and village, with transfer times', async () => {
  const officer = await signedIn(server.url, 'officer.tantrao');
  const a = await registered(officer, { village_id: ids['DEMO-KQ-KHUONDIEN'], description: 'Thống kê 1' });
  await officer.post(`/api/v1/tips/${a.data.tip.id}/transitions`, { status: 'transferred', reason: 'Đủ căn cứ', transferred_to: 'CSĐT', minutes_number: '1/BB' });
  await officer.patch(`/api/v1/tips/${a.data.tip.id}`, { useful: true, solved_case: true });
  const day = today();
  const st = await officer.get(`/api/v1/tips/stats?from=${day}&to=${day}`);
  assert.equal(st.status, 200, st.text);
  assert.ok(st.data.total >= 3);
  assert.ok(st.data.by_channel.in_person >= 1);
  assert.ok(st.data.by_kind.denunciation >= 1);
  assert.equal(st.data.by_month[day.slice(0, 7)], st.data.total);
  assert.equal(st.data.by_village['Khuôn Điển'], 1);
  assert.equal(st.data.useful, 1);
  assert.equal(st.data.solved_cases, 1);
  assert.equal(st.data.transferred, 1);
  assert.ok(st.data.median_hours_to_transfer >= 0 && st.data.median_hours_to_transfer < 1);
  assert.equal(st.data.overdue, 0);
  const reviewer = await signedIn(server.url, 'reviewer.tuyenquang');
  const province = await reviewer.get(`/api/v1/tips/stats?from=${day}&to=${day}`);
  assert.equal(province.data.total, st.data.total, 'the province sees the same counts, without content');
  const other = await signedIn(server.url, 'officer.kienthiet');
  assert.equal((await other.get(`/api/v1/tips/stats?from=${day}&to=${day}`)).data.total, 0);
  assert.equal((await other.get(`/api/v1/tips/stats?from=${day}&to=${day}&unit_id=${ids['02545']}`)).status, 422);
  assert.equal((await officer.get('/api/v1/tips/stats?from=2026-13-01&to=2026-01-01')).status, 422);
  const auditor = await signedIn(server.url, 'auditor');
  assert.equal((await auditor.get(`/api/v1/tips/stats?from=${day}&to=${day}`)).status, 403);
});

test('closed tips past retention are purged by antq mailbox purge, leaving only counts', async () => {
  const officer = await signedIn(server.url, 'officer.tantrao');
  const r = await registered(officer, { kind: 'suggestion', channel: 'post', description: 'Sẽ bị xóa', issue_receipt: true });
  const id = r.data.tip.id;
  for (const [status, extra] of [['verifying', {}], ['resolved', {}], ['closed', {}]]) {
    const moved = await officer.post(`/api/v1/tips/${id}/transitions`, { status, reason: 'xử lý', ...extra });
    assert.equal(moved.status, 200, moved.text);
  }
  // Enough tips for the search to store the commune's encrypted index, which then holds
  // the text of the tip to purge.
  for (let i = 0; i < 16; i++) await registered(officer, { kind: 'security_report', description: `Phản ánh ${i}` });
  assert.equal((await officer.get('/api/v1/tips?q=se%20bi%20xoa')).data.total, 1);
  const indexed = `SELECT COUNT(*) FROM tip_search_index WHERE unit_id = ${ids['02545']}`;
  assert.equal(sql(server, indexed), '1');
  const inboxBefore = (await officer.get('/api/v1/tips')).data;
  const day = today();
  const before = (await officer.get(`/api/v1/tips/stats?from=${day}&to=${day}`)).data;
  const keep = server.cli(['mailbox', 'purge']);
  assert.equal(keep.status, 0, keep.stderr);
  assert.match(keep.stdout, /purged: 0/, 'within 365 days nothing goes');
  const set = server.cli(['mailbox', 'retention', '--kind', 'suggestion', '--days', '0']);
  assert.match(set.stdout, /suggestion\s+0/);
  assert.equal(server.cli(['mailbox', 'retention', '--kind', 'rumour', '--days', '3']).status, 1);
  await new Promise((ok) => setTimeout(ok, 20));
  const purge = server.cli(['mailbox', 'purge']);
  assert.match(purge.stdout, /purged: 1 /);
  assert.equal((await officer.get(`/api/v1/tips/${id}`)).status, 404, 'the tip is gone');
  assert.equal(sql(server, indexed), '0', 'the search index that held its text is dropped');
  assert.equal((await officer.get('/api/v1/tips?q=se%20bi%20xoa')).data.total, 0);
  const inboxAfter = (await officer.get('/api/v1/tips')).data;
  assert.equal(inboxAfter.total, inboxBefore.total - 1, 'the kept counts follow the purge');
  assert.equal(inboxAfter.counts.closed ?? 0, (inboxBefore.counts.closed ?? 0) - 1);
  const follow = await new Client(server.url).post('/api/v1/public/tips/follow', { receipt: r.data.receipt });
  assert.equal(follow.status, 404, 'its receipt expired with it');
  const after = (await officer.get(`/api/v1/tips/stats?from=${day}&to=${day}`)).data;
  assert.equal(after.total, before.total, 'the counts remain');
  assert.equal(after.by_channel.post, before.by_channel.post);
  const auditor = await signedIn(server.url, 'auditor');
  const log = await auditor.get('/api/v1/audit?action=mailbox.purge');
  assert.ok(log.data.items.some((e) => e.detail.purged === 1));
});
