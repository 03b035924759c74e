// Paper mailboxes: boxes, openings by at least two people, letters registered as tips,
// and the minutes as .docx that LibreOffice opens and reads back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, signedIn, unitIds, Client, docxText } from './lib.mjs';

let server;
let ids;
before(async () => {
  server = await start();
  ids = await unitIds(server.url);
});
after(async () => { await server.close(); });

const localNow = (minutesAgo = 1) => new Date(Date.now() + 7 * 3600 * 1000 - minutesAgo * 60000).toISOString().slice(0, 16);

const witnesses = [
  { name: 'Nguyễn Văn An', position: 'Trưởng Công an xã' },
  { name: 'Hoàng Thị Dung', position: 'Trưởng thôn Khuôn Điển' },
];

test('an officer registers a box, records an opening, registers its letters and prints the minutes', async () => {
  const officer = await signedIn(server.url, 'officer.tantrao');
  const box = await officer.post('/api/v1/mailbox/boxes', {
    unit_id: ids['02545'], village_id: ids['DEMO-KQ-KHUONDIEN'], place: 'Nhà văn hóa thôn Khuôn Điển',
  });
  assert.equal(box.status, 201, box.text);
  assert.equal(box.data.village_name, 'Khuôn Điển');
  const opening = await officer.post(`/api/v1/mailbox/boxes/${box.data.id}/openings`, {
    opened_at: localNow(), letters: 2, people: witnesses, number: '07/BB-CAX', notes: 'Hòm thư còn nguyên niêm phong.',
  });
  assert.equal(opening.status, 201, opening.text);
  assert.equal(opening.data.letters, 2);
  assert.equal(opening.data.registered, 0);
  const letter = (extra) => officer.post('/api/v1/tips', {
    unit_id: ids['02545'], channel: 'box', box_opening_id: opening.data.id, kind: 'denunciation',
    description: 'Thư tố giác: có người tàng trữ pháo nổ', ...extra,
  });
  const first = await letter({});
  assert.equal(first.status, 201, first.text);
  assert.equal(first.data.tip.box_opening_id, opening.data.id);
  assert.ok(first.data.tip.deadline_at, 'a denunciation from a box has the same 24 hours');
  assert.equal((await letter({ kind: 'suggestion', description: 'Góp ý: sửa đường' })).status, 201);
  const third = await letter({ description: 'Thư thứ ba' });
  assert.equal(third.status, 422, 'only two letters were found');
  assert.equal(third.data.errors[0].code, 'all_letters_registered');
  const list = await officer.get(`/api/v1/mailbox/boxes?unit_id=${ids['02545']}`);
  const mine = list.data.items.find((b) => b.id === box.data.id);
  assert.equal(mine.openings, 1);
  assert.ok(mine.last_opened_at);
  const again = await officer.get(`/api/v1/mailbox/openings/${opening.data.id}`);
  assert.equal(again.data.registered, 2);

  const minutes = await officer.get(`/api/v1/mailbox/openings/${opening.data.id}/minutes.docx`);
  assert.equal(minutes.status, 200);
  assert.match(minutes.headers.get('content-type'), /wordprocessingml/);
  const text = docxText(minutes.bytes);
  for (const expected of ['CÔNG AN TỈNH TUYÊN QUANG', 'CÔNG AN XÃ TÂN TRÀO', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc', 'Số: 07/BB-CAX', 'BIÊN BẢN', 'Mở hòm thư góp ý và tố giác tội phạm',
    'Nhà văn hóa thôn Khuôn Điển', 'Nguyễn Văn An', 'Hoàng Thị Dung', 'TRƯỞNG THÔN KHUÔN ĐIỂN',
    `Tin số ${first.data.tip.id}`, 'Tố giác tội phạm', 'Góp ý', 'Hòm thư còn nguyên niêm phong.']) {
    assert.ok(text.includes(expected), `minutes lack "${expected}":\n${text}`);
  }
  assert.ok(!text.includes('tàng trữ pháo'), 'no letter content in the minutes');
  const [year, month, day] = localNow().slice(0, 10).split('-');
  const written = `ngày ${day} tháng ${Number(month) <= 2 ? month : Number(month)} năm ${year}`;  // Decree 30
  assert.ok(text.includes(`Tân Trào, ${written}`), `the date as Decree 30 writes it (${written}):\n${text}`);
  assert.doesNotMatch(text, /ngày \d tháng/, 'no day under 10 without its zero');

  const record = await officer.get(`/api/v1/tips/${first.data.tip.id}/receipt-record.docx`);
  assert.equal(record.status, 200, record.text);
  const recordText = docxText(record.bytes);
  for (const expected of ['CÔNG AN XÃ TÂN TRÀO', 'BIÊN BẢN', 'Tiếp nhận nguồn tin về tội phạm',
    'tàng trữ pháo nổ', 'hòm thư góp ý và tố giác tội phạm',
    'NGƯỜI TIẾP NHẬN', `Tin số ${first.data.tip.id}`]) {
    assert.ok(recordText.includes(expected), `record lacks "${expected}":\n${recordText}`);
  }
  const suggestion = (await officer.get('/api/v1/tips?kind=suggestion')).data.items.find((t) => t.box_opening_id === opening.data.id);
  assert.equal((await officer.get(`/api/v1/tips/${suggestion.id}/receipt-record.docx`)).status, 409, 'for crime information only');

  const auditor = await signedIn(server.url, 'auditor');
  const log = await auditor.get('/api/v1/audit?action=mailbox.box');
  assert.deepEqual(new Set(log.data.items.map((e) => e.action)),
    new Set(['mailbox.box.create', 'mailbox.box.opening', 'mailbox.box.minutes']));
  const records = await auditor.get('/api/v1/audit?action=tip.receipt_record');
  assert.equal(records.data.items.length, 1);
});

test('openings need two people, a real past time and a box still in place', async () => {
  const officer = await signedIn(server.url, 'officer.tantrao');
  const box = (await officer.post('/api/v1/mailbox/boxes', { unit_id: ids['02545'], place: 'Chợ Tân Trào' })).data;
  const open = (body) => officer.post(`/api/v1/mailbox/boxes/${box.id}/openings`, { opened_at: localNow(), letters: 1, people: witnesses, ...body });
  const codes = async (body) => (await open(body)).data.errors.map((e) => `${e.field}:${e.code}`);
  assert.deepEqual(await codes({ people: [witnesses[0]] }), ['people:at_least_two']);
  assert.deepEqual(await codes({ opened_at: localNow(-120) }), ['opened_at:in_future']);
  assert.deepEqual(await codes({ opened_at: '2026-02-30T10:00' }), ['opened_at:invalid_date']);
  assert.deepEqual(await codes({ letters: -1 }), ['letters:invalid_format']);
  assert.deepEqual(await codes({ people: [witnesses[0], { name: '', position: 'Trưởng thôn' }] }), ['people[1].name:required']);
  assert.equal((await officer.get(`/api/v1/mailbox/boxes/${box.id}/openings`)).data.items.length, 0, 'nothing stored');
  const down = await officer.patch(`/api/v1/mailbox/boxes/${box.id}`, { active: false });
  assert.equal(down.data.active, false);
  assert.equal((await open({})).status, 409);
  assert.equal((await officer.post('/api/v1/mailbox/boxes', { unit_id: ids['02545'], place: '' })).status, 422);
  assert.equal((await officer.post('/api/v1/mailbox/boxes', { unit_id: ids['DEMO-KIENTHIET'], place: 'Chợ' })).status, 422);
});

test('who may see and change paper mailboxes', async () => {
  const officer = await signedIn(server.url, 'officer.tantrao');
  const box = (await officer.post('/api/v1/mailbox/boxes', { unit_id: ids['02545'], place: 'Bưu điện xã' })).data;
  const other = await signedIn(server.url, 'officer.kienthiet');
  assert.equal((await other.get(`/api/v1/mailbox/boxes/${box.id}/openings`)).status, 404);
  assert.ok(!(await other.get('/api/v1/mailbox/boxes')).data.items.some((b) => b.id === box.id));
  const reviewer = await signedIn(server.url, 'reviewer.tuyenquang');
  assert.ok((await reviewer.get('/api/v1/mailbox/boxes')).data.items.some((b) => b.id === box.id), 'reviewers read');
  assert.equal((await reviewer.post('/api/v1/mailbox/boxes', { unit_id: ids['02545'], place: 'X' })).status, 403);
  assert.equal((await reviewer.patch(`/api/v1/mailbox/boxes/${box.id}`, { place: 'X' })).status, 403);
  const team = await signedIn(server.url, 'team.khuondien');
  assert.equal((await team.get('/api/v1/mailbox/boxes')).status, 403);
  assert.equal((await new Client(server.url).get('/api/v1/mailbox/boxes')).status, 401);
});
