// The citizen pages over plain HTTP forms, on both databases.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, unitIds, formClient, formAnswer } from './lib.mjs';

let server;
let ids;
before(async () => {
  server = await start();
  ids = await unitIds(server.url);
});
after(async () => { await server.close(); });

const { get, post } = formClient(() => server.url);

test('the start page is Vietnamese by default, English on request, and sets no cookie', async () => {
  const vi = await get('/hom-thu');
  assert.equal(vi.status, 200);
  assert.match(vi.headers.get('content-type'), /text\/html/);
  assert.equal(vi.headers.get('set-cookie'), null);
  const html = await vi.text();
  assert.match(html, /<html lang="vi">/);
  assert.doesNotMatch(html, /<script/);
  const en = await (await get('/hom-thu?lang=en')).text();
  assert.match(en, /<html lang="en">/);
  const byHeader = await (await fetch(server.url + '/hom-thu', { headers: { 'accept-language': 'en' } })).text();
  assert.match(byHeader, /Suggestion and crime-denunciation mailbox/);
});

test('only communes with an open mailbox are offered', async () => {
  const list = await (await get(`/hom-thu/gui?tinh=${ids['08']}`)).text();
  assert.match(list, /xã Tân Trào/);
  assert.doesNotMatch(list, /Kiến Thiết/, 'Kiến Thiết has no mailbox key');
  const closed = await get(`/hom-thu/gui?xa=${ids['DEMO-KIENTHIET']}`);
  assert.equal(closed.status, 404);
  assert.match(closed.headers.get('content-type'), /text\/html/, 'citizens get a page, not JSON');
  assert.match(await closed.text(), /Không tìm thấy/);
  const search = await (await get(`/hom-thu/gui?tinh=${ids['08']}&q=KIEN`)).text();
  assert.doesNotMatch(search, /Tân Trào/);
});

test('the commune hotline set by an officer appears on the form', async () => {
  const { signedIn } = await import('./lib.mjs');
  const admin = await signedIn(server.url, 'admin');
  const set = await admin.patch(`/api/v1/units/${ids['02545']}`, { hotline: '0207 3822 113' });
  assert.equal(set.status, 200, set.text);
  assert.equal(set.data.hotline, '0207 3822 113');
  const form = await (await get(`/hom-thu/gui?xa=${ids['02545']}`)).text();
  assert.match(form, /Đường dây nóng của Công an xã: <strong>0207 3822 113<\/strong>/);
});

test('a form tip is stored once and followed by its receipt', async () => {
  const form = await (await get(`/hom-thu/gui?xa=${ids['02545']}`)).text();
  const token = /name="token" value="([^"]+)"/.exec(form)[1];
  assert.equal(token.split('.').length, 3, 'issued time, nonce, MAC: the answer is not in the token');
  const fields = { xa: ids['02545'], token, answer: formAnswer(form), kind: 'suggestion', description: 'Góp ý qua biểu mẫu', identity_mode: 'anonymous', consent: '1' };
  const early = await post('/hom-thu/gui', fields);
  assert.equal(early.status, 422, 'a form answered within two seconds looks automated');
  const form2 = await (await get(`/hom-thu/gui?xa=${ids['02545']}`)).text();
  const token2 = /name="token" value="([^"]+)"/.exec(form2)[1];
  server.advanceClock(2100);  // the form must be at least two seconds old
  const wrongAnswer = await post('/hom-thu/gui', { ...fields, token: token2, answer: String((Number(formAnswer(form2)) % 18) + 1) });
  assert.equal(wrongAnswer.status, 422);
  const form3 = await (await get(`/hom-thu/gui?xa=${ids['02545']}`)).text();
  const token3 = /name="token" value="([^"]+)"/.exec(form3)[1];
  server.advanceClock(2100);  // the form must be at least two seconds old
  const sent = await post('/hom-thu/gui', { ...fields, token: token3, answer: formAnswer(form3) });
  assert.equal(sent.status, 201);
  const receipt = /id="receipt">([\d-]+)</.exec(await sent.text())[1];
  const replay = await post('/hom-thu/gui', { ...fields, token: token3, answer: formAnswer(form3) });
  assert.equal(replay.status, 422, 'a token works once');
  const status = await post('/hom-thu/theo-doi', { receipt });
  assert.equal(status.status, 200);
  assert.match(await status.text(), /Đã tiếp nhận/);
  const wrong = await post('/hom-thu/theo-doi', { receipt: '0000-0000-0000-0000' });
  assert.equal(wrong.status, 404);
  const trap = await post('/hom-thu/gui', { ...fields, website: 'http://spam' });
  assert.equal(trap.status, 403, 'the hidden field catches robots');
  assert.match(trap.headers.get('content-type'), /text\/html/);
  const broken = await fetch(server.url + '/hom-thu/gui', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'description=%C3%28' });
  assert.equal(broken.status, 400);
  await new Promise((ok) => setTimeout(ok, 50));
  assert.doesNotMatch(server.logs(), /\/hom-thu\S* \d{3} [\d.]+ms client=/, 'no client address logged');
});

test('the form takes files as multipart without JavaScript; refused files keep what was written', async () => {
  const fresh = async () => {
    const html = await (await get(`/hom-thu/gui?xa=${ids['02545']}`)).text();
    assert.match(html, /enctype="multipart\/form-data"/);
    assert.match(html, /<input type="file" id="files" name="files" multiple/);
    return { token: /name="token" value="([^"]+)"/.exec(html)[1], answer: formAnswer(html) };
  };
  const multipart = (fields, files) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) f.append(k, String(v));
    for (const [name, bytes] of files) f.append('files', new Blob([bytes]), name);
    return fetch(server.url + '/hom-thu/gui', { method: 'POST', body: f });
  };
  const base = { xa: ids['02545'], kind: 'denunciation', description: 'Tố giác kèm tệp: cướp giật ở cầu', identity_mode: 'anonymous', consent: '1' };
  const first = await fresh();
  server.advanceClock(2100);  // the form must be at least two seconds old
  const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(4000)]);
  const refused = await multipart({ ...base, ...first }, [['anh.jpg', exe]]);
  assert.equal(refused.status, 422);
  const page = await refused.text();
  assert.match(page, /Loại tệp không được chấp nhận[^<]*anh\.jpg/);
  assert.match(page, /xin chọn lại/, 'says that files must be chosen again');
  assert.match(page, /cướp giật ở cầu/, 'the description is kept');
  const second = await fresh();
  server.advanceClock(2100);  // the form must be at least two seconds old
  const pdf = Buffer.from('%PDF-1.4\n% bien ban\n%%EOF\n');
  const sent = await multipart({ ...base, ...second }, [['ảnh hiện trường.pdf', pdf]]);
  assert.equal(sent.status, 201, await sent.clone().text());
  const receipt = /id="receipt">([\d-]+)</.exec(await sent.text())[1];
  const status = await post('/hom-thu/theo-doi', { receipt });
  const statusPage = await status.text();
  assert.match(statusPage, /id="files-count">1</);
  assert.match(statusPage, /action="\/hom-thu\/them-tep/);
  const more = new FormData();
  more.append('receipt', receipt);
  more.append('files', new Blob([pdf]), 'them.pdf');
  const added = await fetch(server.url + '/hom-thu/them-tep', { method: 'POST', body: more });
  assert.equal(added.status, 200);
  const addedPage = await added.text();
  assert.match(addedPage, /Đã nhận tệp của bạn/);
  assert.match(addedPage, /id="files-count">2</);
  assert.ok(Buffer.byteLength(statusPage) <= 30 * 1024);
  await new Promise((ok) => setTimeout(ok, 50));
  assert.doesNotMatch(server.logs(), /\/hom-thu\S* \d{3} [\d.]+ms client=/, 'no client address logged');
});
