// Files with tips: sent with the tip or later with the receipt, checked by content,
// photos without metadata, stored encrypted in chunks, streamed to officers only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, prepare, signedIn, unitIds, Client, assertNoMarkers, openedBox } from './lib.mjs';

const fixture = (name) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
const photo = fixture('photo-gps.jpg');
const pdf = (text) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
const exe = () => {
  const b = Buffer.alloc(2048);
  b.write('MZ', 0);
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  b.writeUInt16LE(0x14c, 0x84);
  return b;
};

let server;
let ids;
before(async () => {
  // Small limits, so that "too large" needs no large upload.
  server = await start(prepare(), { env: { ANTQ_MAILBOX_MAX_FILE_MB: '1', ANTQ_MAILBOX_MAX_FILES: '3' } });
  ids = await unitIds(server.url);
});
after(async () => { await server.close(); });

const tipJson = (extra = {}) => ({
  unit_id: ids['02545'], kind: 'denunciation', description: 'Có người buôn bán hàng cấm, ảnh đính kèm.',
  identity_mode: 'anonymous', consent: true, ...extra,
});

function form(tip, files) {
  const f = new FormData();
  if (tip) f.append('tip', JSON.stringify(tip));
  for (const [name, bytes, type] of files) f.append('files', new Blob([bytes], { type: type ?? 'application/octet-stream' }), name);
  return f;
}

const send = (body, path = '/api/v1/public/tips') => new Client(server.url).request('POST', path, { body });

async function findTip(officer, words) {
  const list = await officer.get(`/api/v1/tips?q=${encodeURIComponent(words)}`);
  assert.equal(list.data.items.length, 1, JSON.stringify(list.data));
  return (await officer.get(`/api/v1/tips/${list.data.items[0].id}`)).data;
}

test('a tip arrives with a photo and a PDF; the officer previews the photo without its GPS and downloads the PDF', async () => {
  const r = await send(form(tipJson({ description: 'Tệp: buôn lậu thuốc lá ở bến xe' }), [
    ['IMG_2041.jpg', photo, 'image/jpeg'], ['biên bản.pdf', pdf('noi dung'), 'application/pdf'],
  ]));
  assert.equal(r.status, 201, r.text);
  const officer = await signedIn(server.url, 'officer.tantrao');
  const t = await findTip(officer, 'buon lau thuoc la');
  assert.deepEqual(t.files.map((f) => [f.name, f.mime, f.author]),
    [['IMG_2041.jpg', 'image/jpeg', 'tipster'], ['biên bản.pdf', 'application/pdf', 'tipster']]);
  const image = await officer.get(`/api/v1/tips/${t.id}/files/${t.files[0].id}`);
  assert.equal(image.status, 200);
  assert.equal(image.headers.get('content-type'), 'image/jpeg');
  assert.match(image.headers.get('content-disposition'), /^inline; filename="IMG_2041.jpg"/);
  assert.equal(image.headers.get('cache-control'), 'no-store');
  assert.equal(image.bytes[0], 0xff);
  assert.equal(image.bytes[1], 0xd8);
  assert.equal(image.bytes.length, t.files[0].size);
  assert.ok(!image.bytes.includes(Buffer.from('ANTQMARKER')), 'EXIF, GPS, XMP, IPTC and comments are gone');
  assert.ok(!image.bytes.includes(Buffer.from('GPS')) || !image.bytes.includes(Buffer.from([0x88, 0x25])), 'no GPS IFD');
  const doc = await officer.get(`/api/v1/tips/${t.id}/files/${t.files[1].id}?download=1`);
  assert.deepEqual(doc.bytes, pdf('noi dung'));
  assert.match(doc.headers.get('content-disposition'), /^attachment; .*filename\*=UTF-8''bi%C3%AAn%20b%E1%BA%A3n\.pdf/);
  const auditor = await signedIn(server.url, 'auditor');
  const reads = await auditor.get('/api/v1/audit?action=tip.file_read');
  assert.equal(reads.data.items.filter((e) => e.entity_id === String(t.id)).length, 2);
});

test('disguised, oversized, too many or broken uploads are refused and store nothing', async () => {
  const officer = await signedIn(server.url, 'officer.tantrao');
  const before = (await officer.get('/api/v1/tips')).data.total;
  const refused = async (body, status, code) => {
    const r = await send(body);
    assert.equal(r.status, status, `${code}: ${r.text}`);
    if (code) assert.ok(r.data.errors.some((e) => e.field === 'files' && e.code === code), r.text);
    return r;
  };
  const exeAsJpg = await refused(form(tipJson(), [['anh.jpg', exe(), 'image/jpeg']]), 422, 'file_type_refused');
  assert.match(exeAsJpg.data.errors[0].message, /Loại tệp không được chấp nhận.*anh\.jpg/);
  await refused(form(tipJson(), [['a.pdf', pdf('a')], ['b.pdf', pdf('b')], ['c.pdf', pdf('c')], ['d.pdf', pdf('d')]]),
    422, 'too_many_files');
  await refused(form(tipJson(), [['to.pdf', Buffer.concat([pdf('x'), Buffer.alloc(1024 * 1024)])]]), 422, 'file_too_large');
  await refused(form(tipJson(), [['html.jpg', Buffer.from('<html><script>alert(1)</script></html>')]]), 422, 'file_type_refused');
  await refused(form(tipJson({ description: '' }), [['ok.pdf', pdf('ok')]]), 422);
  await refused(form(null, [['ok.pdf', pdf('ok')]]), 422);
  const broken = await new Client(server.url).request('POST', '/api/v1/public/tips', {
    body: '--xyz\r\nContent-Disposition: form-data; name="tip"\r\n\r\n{}',
    headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
  });
  assert.equal(broken.status, 400, broken.text);
  assert.equal(broken.data.type, '/problems/malformed-body');
  const huge = await new Client(server.url).request('POST', '/api/v1/public/tips', {
    body: form(tipJson(), [['h.pdf', Buffer.alloc(5 * 1024 * 1024)]]),
  });
  assert.equal(huge.status, 413, 'past all files at their largest');
  assert.equal((await officer.get('/api/v1/tips')).data.total, before, 'no tip stored');
  // The server is still fine after all that.
  assert.equal((await send(form(tipJson(), [['ok.pdf', pdf('ok')]]))).status, 201);
});

test('the tipster adds files with the receipt until the tip is closed', async () => {
  const r = await new Client(server.url).post('/api/v1/public/tips', tipJson({ description: 'Tệp bổ sung: trộm chó ban đêm' }));
  assert.equal(r.status, 201);
  const receipt = r.data.receipt;
  const more = new FormData();
  more.append('receipt', receipt);
  more.append('files', new Blob([pdf('bo sung')]), 'bổ sung.pdf');
  const added = await send(more, '/api/v1/public/tips/files');
  assert.equal(added.status, 201, added.text);
  assert.equal(added.data.added, 1);
  const follow = await new Client(server.url).post('/api/v1/public/tips/follow', { receipt });
  assert.equal(follow.data.files, 1);
  const wrong = new FormData();
  wrong.append('receipt', '0000-0000-0000-0001');
  wrong.append('files', new Blob([pdf('x')]), 'x.pdf');
  assert.equal((await send(wrong, '/api/v1/public/tips/files')).status, 404);

  const officer = await signedIn(server.url, 'officer.tantrao');
  const t = await findTip(officer, 'trom cho ban dem');
  assert.equal(t.files[0].name, 'bổ sung.pdf');
  for (const [to, reason] of [['verifying', 'Xác minh'], ['unfounded', 'Không có căn cứ'], ['closed', 'Đóng']]) {
    assert.equal((await officer.post(`/api/v1/tips/${t.id}/transitions`, { status: to, reason })).status, 200);
  }
  const late = new FormData();
  late.append('receipt', receipt);
  late.append('files', new Blob([pdf('muon')]), 'muon.pdf');
  assert.equal((await send(late, '/api/v1/public/tips/files')).status, 409);
});

test('files are opened only by officers of the tip\'s commune', async () => {
  await send(form(tipJson({ description: 'Tệp riêng: cờ bạc ở bãi sông' }), [['p.pdf', pdf('rieng')]]));
  const officer = await signedIn(server.url, 'officer.tantrao');
  const t = await findTip(officer, 'co bac o bai song');
  const path = `/api/v1/tips/${t.id}/files/${t.files[0].id}`;
  assert.equal((await (await signedIn(server.url, 'officer.kienthiet')).get(path)).status, 404);
  assert.equal((await (await signedIn(server.url, 'reviewer.tuyenquang')).get(path)).status, 403);
  assert.equal((await (await signedIn(server.url, 'admin')).get(path)).status, 403);
  assert.equal((await new Client(server.url).get(path)).status, 401);
  assert.equal((await officer.get(`/api/v1/tips/${t.id}/files/999999`)).status, 404);
});

test('an officer registers a letter from a paper box with its scan', async () => {
  const officer = await signedIn(server.url, 'officer.tantrao');
  const opening = await openedBox(officer, ids['02545'], 1);
  const r = await officer.request('POST', '/api/v1/tips', {
    body: form({ ...tipJson({ description: 'Thư trong hòm: phản ánh tụ tập gây rối', kind: 'security_report' }), channel: 'box', box_opening_id: opening.id },
      [['thu.pdf', pdf('thu tay')]]),
  });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.data.tip.channel, 'box');
  assert.deepEqual(r.data.tip.files.map((f) => [f.name, f.author]), [['thu.pdf', 'officer']]);
});

test('file contents and names leave no readable trace at rest', async () => {
  const markers = ['MARKER-TEP-PDF-5521', 'MARKER-TEN-TEP-9183'];
  const r = await send(form(tipJson({ description: 'Tệp bí mật' }), [[`${markers[1]}.pdf`, pdf(markers[0].repeat(20000))]]));
  assert.equal(r.status, 201, r.text);
  assertNoMarkers(server, [...markers, 'ANTQMARKER']);
});

test('uploads in progress are bounded: beyond the citizens\' queue a new one gets 503 at once', async () => {
  const { connect } = await import('node:net');
  const { port } = new URL(server.url);
  const head = (length) => `POST /api/v1/public/tips HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: ${length}\r\n\r\n`;
  // Slow senders: each holds an upload slot with a body that never finishes.
  const slow = [];
  const answer = (socket) => new Promise((resolve) => {
    let text = '';
    socket.on('data', (d) => { text += d; if (text.includes('\r\n\r\n')) resolve(text); });
    socket.on('close', () => resolve(text));
  });
  let refused = null;
  for (let i = 0; i < 40 && !refused; i++) {
    const s = connect(Number(port), '127.0.0.1');
    await new Promise((ok) => s.once('connect', ok));
    const reply = answer(s);
    s.write(head(1000000) + '--b\r\n');
    const quick = await Promise.race([reply, new Promise((ok) => setTimeout(() => ok(null), 300))]);
    if (quick) refused = quick; else slow.push(s);
  }
  assert.ok(refused, 'a new upload was refused');
  assert.match(refused, /^HTTP\/1\.1 503/);
  assert.match(refused, /Retry-After: 1/);
  assert.ok(slow.length >= 4, `${slow.length} uploads were let in first`);
  for (const s of slow) s.destroy();
  await new Promise((ok) => setTimeout(ok, 300));
  assert.equal((await send(form(tipJson(), [['ok.pdf', pdf('ok')]]))).status, 201, 'slots come back when they end');
});
