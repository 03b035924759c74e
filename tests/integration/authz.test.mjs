// The authorization matrix: every endpoint, every role, in scope and out of scope.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { start, signedIn, unitIds, PASSWORD, gradingServer } from './lib.mjs';

const PHOTO = readFileSync(new URL('../fixtures/photo-gps.jpg', import.meta.url));

let server;
let ids;
const clients = {};
const ROLES = ['admin', 'officer.tantrao', 'team.khuondien', 'reviewer.tuyenquang', 'auditor'];

before(async () => {
  server = await start();
  ids = await unitIds(server.url);
  for (const name of ROLES) clients[name] = await signedIn(server.url, name);
});
after(async () => { await server.close(); });

let serial = 0;
const village = (parent) => ({ code: `AUTHZ-${++serial}`, name: `Thôn ${serial}`, kind: 'residential_area', parent_id: ids[parent] });

// [description, request(client) -> response, expected status per role]
const matrix = () => [
  ['GET tree', (c) => c.get('/api/v1/units/tree'), { admin: 200, 'officer.tantrao': 200, 'team.khuondien': 200, 'reviewer.tuyenquang': 200, auditor: 200 }],
  ['GET unit Khuôn Điển', (c) => c.get(`/api/v1/units/${ids['DEMO-KQ-KHUONDIEN']}`),
    { admin: 200, 'officer.tantrao': 200, 'team.khuondien': 200, 'reviewer.tuyenquang': 200, auditor: 200 }],
  ['GET unit Làng Hản (sibling village)', (c) => c.get(`/api/v1/units/${ids['DEMO-KQ-LANGHAN']}`),
    { admin: 200, 'officer.tantrao': 200, 'team.khuondien': 404, 'reviewer.tuyenquang': 200, auditor: 200 }],
  ['GET unit in Kiến Thiết', (c) => c.get(`/api/v1/units/${ids['DEMO-KT-KHUONHAU']}`),
    { admin: 200, 'officer.tantrao': 404, 'team.khuondien': 404, 'reviewer.tuyenquang': 200, auditor: 200 }],
  ['GET unit Việt Nam', (c) => c.get(`/api/v1/units/${ids.VN}`),
    { admin: 200, 'officer.tantrao': 404, 'team.khuondien': 404, 'reviewer.tuyenquang': 404, auditor: 200 }],
  ['GET units list', (c) => c.get('/api/v1/units'), { admin: 200, 'officer.tantrao': 200, 'team.khuondien': 200, 'reviewer.tuyenquang': 200, auditor: 200 }],
  ['GET units export', (c) => c.get('/api/v1/units/export'), { admin: 200, 'officer.tantrao': 200, 'team.khuondien': 200, 'reviewer.tuyenquang': 200, auditor: 200 }],
  ['POST village in Tân Trào', (c) => c.post('/api/v1/units', village('02545')),
    { admin: 201, 'officer.tantrao': 201, 'team.khuondien': 403, 'reviewer.tuyenquang': 403, auditor: 403 }],
  ['POST village in Kiến Thiết', (c) => c.post('/api/v1/units', village('DEMO-KIENTHIET')),
    { admin: 201, 'officer.tantrao': 403, 'team.khuondien': 403, 'reviewer.tuyenquang': 403, auditor: 403 }],
  ['PATCH village Làng Hản', (c) => c.patch(`/api/v1/units/${ids['DEMO-KQ-LANGHAN']}`, { note: 'ghi chú' }),
    { admin: 200, 'officer.tantrao': 200, 'team.khuondien': 404, 'reviewer.tuyenquang': 403, auditor: 403 }],
  ['PATCH commune Tân Trào', (c) => c.patch(`/api/v1/units/${ids['02545']}`, { note: 'x' }),
    { admin: 200, 'officer.tantrao': 403, 'team.khuondien': 404, 'reviewer.tuyenquang': 403, auditor: 403 }],
  ['PATCH village in Kiến Thiết', (c) => c.patch(`/api/v1/units/${ids['DEMO-KT-KHUONHAU']}`, { note: 'x' }),
    { admin: 200, 'officer.tantrao': 404, 'team.khuondien': 404, 'reviewer.tuyenquang': 403, auditor: 403 }],
  ['POST merge', (c) => c.post('/api/v1/units/merge', { source_ids: [999998], target_id: 999999, effective_date: '2026-01-01', basis: 'x' }),
    { admin: 422, 'officer.tantrao': 403, 'team.khuondien': 403, 'reviewer.tuyenquang': 403, auditor: 403 }],
  ['POST import', (c) => c.request('POST', '/api/v1/units/import', { body: 'code,name,kind,parent_code\r\n', headers: { 'content-type': 'text/csv' } }),
    { admin: 200, 'officer.tantrao': 200, 'team.khuondien': 403, 'reviewer.tuyenquang': 403, auditor: 403 }],
  ['GET users', (c) => c.get('/api/v1/users'), { admin: 200, 'officer.tantrao': 403, 'team.khuondien': 403, 'reviewer.tuyenquang': 403, auditor: 403 }],
  ['GET user 1', (c) => c.get('/api/v1/users/1'), { admin: 200, 'officer.tantrao': 403, 'team.khuondien': 403, 'reviewer.tuyenquang': 403, auditor: 403 }],
  ['POST user', (c) => c.post('/api/v1/users', { username: `u${++serial}`.padEnd(4, 'x'), full_name: 'X', role: 'officer', unit_id: ids['02545'], password: PASSWORD }),
    { admin: 201, 'officer.tantrao': 403, 'team.khuondien': 403, 'reviewer.tuyenquang': 403, auditor: 403 }],
  ['PATCH user 2', (c) => c.patch('/api/v1/users/2', { full_name: 'Nguyễn Văn Hùng (minh họa)' }),
    { admin: 200, 'officer.tantrao': 403, 'team.khuondien': 403, 'reviewer.tuyenquang': 403, auditor: 403 }],
  ['GET notifications', (c) => c.get('/api/v1/notifications'), { admin: 200, 'officer.tantrao': 403, 'team.khuondien': 403, 'reviewer.tuyenquang': 403, auditor: 403 }],
  ['GET notification 999999', (c) => c.get('/api/v1/notifications/999999'), { admin: 404, 'officer.tantrao': 403, 'team.khuondien': 403, 'reviewer.tuyenquang': 403, auditor: 403 }],
  ['POST notification retry 999999', (c) => c.post('/api/v1/notifications/999999/retry', {}), { admin: 404, 'officer.tantrao': 403, 'team.khuondien': 403, 'reviewer.tuyenquang': 403, auditor: 403 }],
  ['GET audit', (c) => c.get('/api/v1/audit'), { admin: 403, 'officer.tantrao': 403, 'team.khuondien': 403, 'reviewer.tuyenquang': 403, auditor: 200 }],
  ['GET audit verify', (c) => c.get('/api/v1/audit/verify'), { admin: 403, 'officer.tantrao': 403, 'team.khuondien': 403, 'reviewer.tuyenquang': 403, auditor: 200 }],
  ['GET me', (c) => c.get('/api/v1/auth/me'), { admin: 200, 'officer.tantrao': 200, 'team.khuondien': 200, 'reviewer.tuyenquang': 200, auditor: 200 }],
];

test('every endpoint answers each role as the access rules say', async () => {
  const wrong = [];
  for (const [what, call, expected] of matrix()) {
    for (const role of ROLES) {
      const r = await call(clients[role]);
      if (r.status !== expected[role]) wrong.push(`${what} as ${role}: ${r.status}, expected ${expected[role]} ${r.text.slice(0, 120)}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('the tree of a village team member holds only his village', async () => {
  const r = await clients['team.khuondien'].get('/api/v1/units/tree?history=1');
  assert.equal(r.data.roots.length, 1);
  assert.equal(r.data.roots[0].name, 'Khuôn Điển');
  const csv = await clients['team.khuondien'].get('/api/v1/units/export');
  assert.equal(csv.text.trim().split('\r\n').length, 2, 'header and his village only');
});

test('an admin scoped to a province cannot reach units or users outside it', async () => {
  const admin = clients.admin;
  const made = await admin.post('/api/v1/users', { username: 'admin.tuyenquang', full_name: 'QT tỉnh', role: 'admin', unit_id: ids['08'], password: PASSWORD });
  assert.equal(made.status, 201, made.text);
  const local = await signedIn(server.url, 'admin.tuyenquang');
  assert.equal((await local.get(`/api/v1/units/${ids.VN}`)).status, 404);
  assert.equal((await local.get('/api/v1/users/1')).status, 404, 'the national admin is outside');
  const users = await local.get('/api/v1/users?page_size=100');
  assert.ok(!users.data.items.some((u) => u.username === 'admin' || u.username === 'auditor'));
  const escalate = await local.post('/api/v1/users', { username: 'leo.thang', full_name: 'X', role: 'admin', unit_id: ids.VN, password: PASSWORD });
  assert.equal(escalate.status, 422);
  assert.equal(escalate.data.errors[0].code, 'out_of_scope');
  assert.equal((await local.post('/api/v1/units', { code: 'NEW-COUNTRY', name: 'X', kind: 'country' })).status, 403);
});

test('mailbox endpoints: officers of the commune handle tips, files and boxes; reviewers and admins only read boxes', async () => {
  const officer = clients['officer.tantrao'];
  const box = (await officer.post('/api/v1/mailbox/boxes', { unit_id: ids['02545'], place: 'Nhà văn hóa thôn' })).data;
  const at = new Date(Date.now() + 7 * 3600 * 1000 - 60000).toISOString().slice(0, 16);
  const people = [{ name: 'Nguyễn Văn An', position: 'Trưởng Công an xã' }, { name: 'Lê Thị Bình', position: 'Trưởng thôn' }];
  const opening = (await officer.post(`/api/v1/mailbox/boxes/${box.id}/openings`, { opened_at: at, letters: 1, people })).data;
  const form = new FormData();
  form.append('tip', JSON.stringify({ unit_id: ids['02545'], kind: 'denunciation', description: 'Thư tố giác', channel: 'box', box_opening_id: opening.id }));
  form.append('files', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')]), 'thu.pdf');
  const tip = (await officer.request('POST', '/api/v1/tips', { body: form })).data.tip;
  const file = tip.files[0];
  const only = (who, status, others) => Object.fromEntries(ROLES.map((r) => [r, r === who ? status : others]));
  const readers = (status) => ({ admin: status, 'officer.tantrao': status, 'team.khuondien': 403, 'reviewer.tuyenquang': status, auditor: 403 });
  const rows = [
    ['GET tips', (c) => c.get('/api/v1/tips'), only('officer.tantrao', 200, 403)],
    ['GET tip', (c) => c.get(`/api/v1/tips/${tip.id}`), only('officer.tantrao', 200, 403)],
    ['GET tip file', (c) => c.get(`/api/v1/tips/${tip.id}/files/${file.id}`), only('officer.tantrao', 200, 403)],
    ['GET receipt record', (c) => c.get(`/api/v1/tips/${tip.id}/receipt-record.docx`), only('officer.tantrao', 200, 403)],
    ['GET boxes', (c) => c.get('/api/v1/mailbox/boxes'), readers(200)],
    ['POST box', (c) => c.post('/api/v1/mailbox/boxes', { unit_id: ids['02545'], place: 'Chợ' }), only('officer.tantrao', 201, 403)],
    ['PATCH box', (c) => c.patch(`/api/v1/mailbox/boxes/${box.id}`, { place: 'Nhà văn hóa thôn mới' }), only('officer.tantrao', 200, 403)],
    ['GET openings', (c) => c.get(`/api/v1/mailbox/boxes/${box.id}/openings`), readers(200)],
    ['GET opening', (c) => c.get(`/api/v1/mailbox/openings/${opening.id}`), readers(200)],
    ['GET minutes', (c) => c.get(`/api/v1/mailbox/openings/${opening.id}/minutes.docx`), readers(200)],
    ['POST opening', (c) => c.post(`/api/v1/mailbox/boxes/${box.id}/openings`, { opened_at: at, letters: 0, people }), only('officer.tantrao', 201, 403)],
  ];
  const wrong = [];
  for (const [what, call, expected] of rows) {
    for (const role of ROLES) {
      const r = await call(clients[role]);
      if (r.status !== expected[role]) wrong.push(`${what} as ${role}: ${r.status}, expected ${expected[role]} ${r.text.slice(0, 120)}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('households endpoints: officers, admins and the village team keep them, reviewers read, auditors see none', async () => {
  const officer = clients['officer.tantrao'];
  const base = '/api/v1/community';
  const today = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4)) + (Number(today.slice(5, 7)) >= 11 ? 1 : 0);
  const body = (village = 'DEMO-KQ-KHUONDIEN') => ({ village_id: ids[village], head_name: 'Hộ kiểm tra quyền', address: 'Thôn', members: 2 });
  const consent = { on: today, channel: 'paper', text_version: 'ho-gia-dinh-1' };
  // A household of Khuôn Điển made just now by the officer, for the writes each role tries once.
  const fresh = async () => {
    const r = await officer.post(`${base}/households`, { ...body(), phone: '0912 345 678', consent });
    if (r.status !== 201) throw new Error(`household: ${r.status} ${r.text}`);
    return r.data;
  };
  const home = await fresh();
  const neighbour = (await officer.post(`${base}/households`, body('DEMO-KQ-LANGHAN'))).data;
  const version = async (id) => (await clients.admin.get(`${base}/households/${id}`)).data.version;
  const roles = (admin, officerStatus, team, reviewer, auditor) =>
    ({ admin, 'officer.tantrao': officerStatus, 'team.khuondien': team, 'reviewer.tuyenquang': reviewer, auditor });
  const rows = [
    ['GET households', (c) => c.get(`${base}/households`), roles(200, 200, 200, 200, 403)],
    ['GET household of Khuôn Điển', (c) => c.get(`${base}/households/${home.id}`), roles(200, 200, 200, 200, 403)],
    ['GET household of Làng Hản', (c) => c.get(`${base}/households/${neighbour.id}`), roles(200, 200, 404, 200, 403)],
    ['POST household in Khuôn Điển', (c) => c.post(`${base}/households`, body()), roles(201, 201, 201, 403, 403)],
    ['PUT household of Khuôn Điển', async (c) => c.put(`${base}/households/${home.id}`, { ...body(), version: await version(home.id) }),
      roles(200, 200, 200, 403, 403)],
    ['PUT household of Làng Hản', async (c) => c.put(`${base}/households/${neighbour.id}`, { ...body('DEMO-KQ-LANGHAN'), version: await version(neighbour.id) }),
      roles(200, 200, 404, 403, 403)],
    ['GET household phone', (c) => c.get(`${base}/households/${home.id}/phone?reason=x`), roles(403, 200, 403, 403, 403)],
    ['POST withdraw-consent', async (c) => c.post(`${base}/households/${(await fresh()).id}/withdraw-consent`), roles(403, 200, 200, 403, 403)],
    ['PUT registration', async (c) => c.put(`${base}/households/${(await fresh()).id}/registrations/${year}`,
      { registered_on: today, signed: true, base_version: 0 }), roles(403, 201, 201, 403, 403)],
    ['PUT registration in Làng Hản', (c) => c.put(`${base}/households/${neighbour.id}/registrations/${year}`,
      { registered_on: today, signed: true, base_version: 0 }), roles(403, 201, 404, 403, 403)],
    ['GET registrations', (c) => c.get(`${base}/registrations?year=${year}`), roles(200, 200, 200, 200, 403)],
    ['GET offline-pack of Khuôn Điển', (c) => c.get(`${base}/offline-pack?village_id=${ids['DEMO-KQ-KHUONDIEN']}`),
      roles(403, 200, 200, 403, 403)],
    ['GET offline-pack of Làng Hản', (c) => c.get(`${base}/offline-pack?village_id=${ids['DEMO-KQ-LANGHAN']}`),
      roles(403, 200, 404, 403, 403)],
  ];
  const wrong = [];
  for (const [what, call, expected] of rows) {
    for (const role of ROLES) {
      const r = await call(clients[role]);
      if (r.status !== expected[role]) wrong.push(`${what} as ${role}: ${r.status}, expected ${expected[role]} ${r.text.slice(0, 120)}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('fire-safety group endpoints: officers, admins and the village team keep them, reviewers read, auditors see none', async () => {
  const officer = clients['officer.tantrao'];
  const base = '/api/v1/community';
  const day = (days) => new Date(Date.now() + 7 * 3600 * 1000 + days * 86400 * 1000).toISOString().slice(0, 10);
  // Groups with no households yet (a reason given), so that each role's writes take none from the demo.
  const groupBody = (village = 'DEMO-KQ-KHUONDIEN') =>
    ({ village_id: ids[village], name: 'Tổ kiểm tra quyền', household_ids: [], size_reason: 'Tổ mới thành lập' });
  const made = async (path, body) => {
    const r = await officer.post(path, body);
    if (r.status !== 201) throw new Error(`${path}: ${r.status} ${r.text}`);
    return r.data;
  };
  const home = await made(`${base}/fire-groups`, groupBody());
  const neighbour = await made(`${base}/fire-groups`, groupBody('DEMO-KQ-LANGHAN'));
  const house = (village) => made(`${base}/households`, { village_id: ids[village], head_name: 'Hộ kiểm tra quyền', address: 'Thôn', members: 2 });
  const homeHouse = await house('DEMO-KQ-KHUONDIEN');
  const neighbourHouse = await house('DEMO-KQ-LANGHAN');
  const extinguisher = { kind: 'abc_powder', capacity_kg: 4, count: 1, manufactured_on: day(-300), expires_on: day(400) };
  const freshExtinguisher = (h = homeHouse) => made(`${base}/households/${h.id}/extinguishers`, extinguisher);
  const point = { name: 'Điểm chữa cháy', point: '21.80561, 105.45156' };
  const freshPoint = (group = home) => made(`${base}/fire-groups/${group.id}/points`, point);
  const version = async (id) => (await clients.admin.get(`${base}/fire-groups/${id}`)).data.version;
  const fields = (village) => ({ village_id: ids[village], name: 'Tổ kiểm tra quyền' });
  // Drills by the id a phone makes: a new one per call, or one the officer recorded just now.
  const drillBody = (group) => ({ group_id: group.id, held_on: day(0), scenario: 'Diễn tập kiểm tra quyền', evaluation: 'good', base_version: 0 });
  const drilled = async (group) => {
    const id = randomUUID();
    const r = await officer.put(`${base}/drills/${id}`, drillBody(group));
    if (r.status !== 201) throw new Error(`drill: ${r.status} ${r.text}`);
    return r.data.drill;
  };
  const homeDrill = await drilled(home);
  const neighbourDrill = await drilled(neighbour);
  // A drill's photo (one part "file"), sent by `client` to a drill just recorded, at most five a drill.
  const photo = (client, drill) => {
    const form = new FormData();
    form.append('file', new Blob([PHOTO], { type: 'image/jpeg' }), 'anh.jpg');
    return client.request('POST', `${base}/drills/${drill.id}/photos`, { body: form });
  };
  const photographed = async (drill) => {
    const r = await photo(officer, drill);
    if (r.status !== 201) throw new Error(`photo: ${r.status} ${r.text}`);
    return r.data;
  };
  const homePhoto = await photographed(homeDrill);
  const neighbourPhoto = await photographed(neighbourDrill);
  const incident = { occurred_at: new Date(Date.now() + 7 * 3600 * 1000 - 3600 * 1000).toISOString().slice(0, 16), kind: 'fire' };
  const roles = (admin, officerStatus, team, reviewer, auditor) =>
    ({ admin, 'officer.tantrao': officerStatus, 'team.khuondien': team, 'reviewer.tuyenquang': reviewer, auditor });
  const rows = [
    ['GET fire-groups', (c) => c.get(`${base}/fire-groups`), roles(200, 200, 200, 200, 403)],
    ['GET fire-group of Khuôn Điển', (c) => c.get(`${base}/fire-groups/${home.id}`), roles(200, 200, 200, 200, 403)],
    ['GET fire-group of Làng Hản', (c) => c.get(`${base}/fire-groups/${neighbour.id}`), roles(200, 200, 404, 200, 403)],
    ['POST fire-group in Khuôn Điển', (c) => c.post(`${base}/fire-groups`, groupBody()), roles(201, 201, 201, 403, 403)],
    ['POST fire-group in Làng Hản', (c) => c.post(`${base}/fire-groups`, groupBody('DEMO-KQ-LANGHAN')), roles(201, 201, 422, 403, 403)],
    ['PUT fire-group of Khuôn Điển', async (c) => c.put(`${base}/fire-groups/${home.id}`, { ...fields('DEMO-KQ-KHUONDIEN'), version: await version(home.id) }),
      roles(200, 200, 200, 403, 403)],
    ['PUT fire-group of Làng Hản', async (c) => c.put(`${base}/fire-groups/${neighbour.id}`, { ...fields('DEMO-KQ-LANGHAN'), version: await version(neighbour.id) }),
      roles(200, 200, 404, 403, 403)],
    ['PUT fire-group members', async (c) => c.put(`${base}/fire-groups/${home.id}/members`,
      { household_ids: [], size_reason: 'Tổ mới thành lập', version: await version(home.id) }), roles(200, 200, 200, 403, 403)],
    ['PUT fire-group members in Làng Hản', async (c) => c.put(`${base}/fire-groups/${neighbour.id}/members`,
      { household_ids: [], size_reason: 'Tổ mới thành lập', version: await version(neighbour.id) }), roles(200, 200, 404, 403, 403)],
    ['POST extinguisher in Khuôn Điển', (c) => c.post(`${base}/households/${homeHouse.id}/extinguishers`, extinguisher), roles(201, 201, 201, 403, 403)],
    ['POST extinguisher in Làng Hản', (c) => c.post(`${base}/households/${neighbourHouse.id}/extinguishers`, extinguisher),
      roles(201, 201, 404, 403, 403)],
    ['PUT extinguisher', async (c) => {
      const e = await freshExtinguisher();
      return c.put(`${base}/extinguishers/${e.id}`, { ...extinguisher, count: 2, version: e.version });
    }, roles(200, 200, 200, 403, 403)],
    ['PUT extinguisher in Làng Hản', async (c) => {
      const e = await freshExtinguisher(neighbourHouse);
      return c.put(`${base}/extinguishers/${e.id}`, { ...extinguisher, count: 2, version: e.version });
    }, roles(200, 200, 404, 403, 403)],
    ['POST retire extinguisher', async (c) => {
      const e = await freshExtinguisher();
      return c.post(`${base}/extinguishers/${e.id}/retire`, { version: e.version });
    }, roles(200, 200, 200, 403, 403)],
    ['PUT extinguisher check', async (c) => c.put(`${base}/extinguisher-checks/${randomUUID()}`,
      { extinguisher_id: (await freshExtinguisher()).id, checked_on: day(0), result: 'ok', base_version: 0 }), roles(403, 201, 201, 403, 403)],
    ['PUT extinguisher check in Làng Hản', async (c) => c.put(`${base}/extinguisher-checks/${randomUUID()}`,
      { extinguisher_id: (await freshExtinguisher(neighbourHouse)).id, checked_on: day(0), result: 'ok', base_version: 0 }), roles(403, 201, 404, 403, 403)],
    ['GET extinguisher checks', async (c) => c.get(`${base}/extinguishers/${(await freshExtinguisher()).id}/checks`), roles(200, 200, 200, 200, 403)],
    ['GET extinguisher checks in Làng Hản', async (c) => c.get(`${base}/extinguishers/${(await freshExtinguisher(neighbourHouse)).id}/checks`),
      roles(200, 200, 404, 200, 403)],
    ['PUT gear in Khuôn Điển', (c) => c.put(`${base}/households/${homeHouse.id}/gear`, { bell: true, push_buttons: 1 }), roles(200, 200, 200, 403, 403)],
    ['PUT gear in Làng Hản', (c) => c.put(`${base}/households/${neighbourHouse.id}/gear`, { bell: true }), roles(200, 200, 404, 403, 403)],
    ['POST point in Khuôn Điển', (c) => c.post(`${base}/fire-groups/${home.id}/points`, point), roles(201, 201, 201, 403, 403)],
    ['POST point in Làng Hản', (c) => c.post(`${base}/fire-groups/${neighbour.id}/points`, point), roles(201, 201, 404, 403, 403)],
    ['PUT point', async (c) => c.put(`${base}/fire-points/${(await freshPoint()).id}`, { ...point, note: 'Sửa' }), roles(200, 200, 200, 403, 403)],
    ['DELETE point', async (c) => c.request('DELETE', `${base}/fire-points/${(await freshPoint()).id}`), roles(204, 204, 204, 403, 403)],
    ['DELETE point in Làng Hản', async (c) => c.request('DELETE', `${base}/fire-points/${(await freshPoint(neighbour)).id}`),
      roles(204, 204, 404, 403, 403)],
    ['PUT drill in Khuôn Điển', (c) => c.put(`${base}/drills/${randomUUID()}`, drillBody(home)), roles(403, 201, 201, 403, 403)],
    ['PUT drill in Làng Hản', (c) => c.put(`${base}/drills/${randomUUID()}`, drillBody(neighbour)), roles(403, 201, 404, 403, 403)],
    ['PUT drill changed', async (c) => {
      const d = await drilled(home);
      return c.put(`${base}/drills/${d.id}`, { ...drillBody(home), evaluation: 'fair', base_version: d.version });
    }, roles(403, 200, 200, 403, 403)],
    ['PUT drill changed in Làng Hản', async (c) => {
      const d = await drilled(neighbour);
      return c.put(`${base}/drills/${d.id}`, { ...drillBody(neighbour), evaluation: 'fair', base_version: d.version });
    }, roles(403, 200, 404, 403, 403)],
    ['GET drill of Khuôn Điển', (c) => c.get(`${base}/drills/${homeDrill.id}`), roles(200, 200, 200, 200, 403)],
    ['GET drill of Làng Hản', (c) => c.get(`${base}/drills/${neighbourDrill.id}`), roles(200, 200, 404, 200, 403)],
    ['GET fire-group drills', (c) => c.get(`${base}/fire-groups/${home.id}/drills`), roles(200, 200, 200, 200, 403)],
    ['GET fire-group drills in Làng Hản', (c) => c.get(`${base}/fire-groups/${neighbour.id}/drills`), roles(200, 200, 404, 200, 403)],
    ['POST drill photo in Khuôn Điển', async (c) => photo(c, await drilled(home)), roles(403, 201, 201, 403, 403)],
    ['POST drill photo in Làng Hản', async (c) => photo(c, await drilled(neighbour)), roles(403, 201, 404, 403, 403)],
    ['GET drill photos', (c) => c.get(`${base}/drills/${homeDrill.id}/photos`), roles(200, 200, 200, 200, 403)],
    ['GET drill photos in Làng Hản', (c) => c.get(`${base}/drills/${neighbourDrill.id}/photos`), roles(200, 200, 404, 200, 403)],
    ['GET drill photo file', (c) => c.get(`${base}/files/${homePhoto.id}`), roles(200, 200, 200, 200, 403)],
    ['GET drill photo file in Làng Hản', (c) => c.get(`${base}/files/${neighbourPhoto.id}`), roles(200, 200, 404, 200, 403)],
    ['POST incident in Khuôn Điển', (c) => c.post(`${base}/fire-groups/${home.id}/incidents`, incident), roles(403, 201, 201, 403, 403)],
    ['POST incident in Làng Hản', (c) => c.post(`${base}/fire-groups/${neighbour.id}/incidents`, incident), roles(403, 201, 404, 403, 403)],
    ['GET incidents', (c) => c.get(`${base}/fire-groups/${home.id}/incidents`), roles(200, 200, 200, 200, 403)],
    ['GET incidents in Làng Hản', (c) => c.get(`${base}/fire-groups/${neighbour.id}/incidents`), roles(200, 200, 404, 200, 403)],
    ['GET fire-due', (c) => c.get(`${base}/fire-due`), roles(200, 200, 200, 200, 403)],
    ['GET fire-due of Làng Hản', (c) => c.get(`${base}/fire-due?unit_id=${ids['DEMO-KQ-LANGHAN']}`), roles(200, 200, 404, 200, 403)],
    ['GET fire-coverage', (c) => c.get(`${base}/fire-coverage`), roles(200, 200, 200, 200, 403)],
  ];
  const wrong = [];
  for (const [what, call, expected] of rows) {
    for (const role of ROLES) {
      const r = await call(clients[role]);
      if (r.status !== expected[role]) wrong.push(`${what} as ${role}: ${r.status}, expected ${expected[role]} ${r.text.slice(0, 120)}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('security team endpoints: officers and admins keep teams and members, the village team records patrols and meetings, reviewers read, auditors see none', async () => {
  const officer = clients['officer.tantrao'];
  const base = '/api/v1/community';
  const day = (days) => new Date(Date.now() + 7 * 3600 * 1000 + days * 86400 * 1000).toISOString().slice(0, 10);
  const made = async (path, body) => {
    const r = await officer.post(path, body);
    if (r.status !== 201) throw new Error(`${path}: ${r.status} ${r.text}`);
    return r.data;
  };
  const teamBody = (village = 'DEMO-KQ-KHUONDIEN') => ({ village_ids: [ids[village]], name: 'Tổ kiểm tra quyền', founded_on: day(-30) });
  const home = await made(`${base}/teams`, teamBody());
  const neighbour = await made(`${base}/teams`, teamBody('DEMO-KQ-LANGHAN'));
  // A member no other row has: a person (name and birth date) is in one team at a time.
  let born = 0;
  const memberBody = () => ({ full_name: 'Thành viên kiểm tra quyền', birth_date: new Date(Date.UTC(1980, 0, 1) + ++born * 86400 * 1000).toISOString().slice(0, 10),
    position: 'member', joined_on: day(-20) });
  const freshMember = (team = home) => made(`${base}/teams/${team.id}/members`, memberBody());
  const homeMember = await freshMember();
  const neighbourMember = await freshMember(neighbour);
  const version = async (id) => (await clients.admin.get(`${base}/teams/${id}`)).data.version;
  const memberChange = (m) => ({ full_name: m.full_name, birth_date: m.birth_date, position: m.position, joined_on: m.joined_on, note: 'Sửa', version: m.version });
  // Patrols by the id a phone makes: a new one per call, or one the officer recorded just now.
  const patrolBody = (team, member) => ({ team_id: team.id, patrol_on: day(0), shift: 'night', member_ids: [member.id], base_version: 0 });
  const patrolled = async (team, member) => {
    const r = await officer.put(`${base}/patrols/${randomUUID()}`, patrolBody(team, member));
    if (r.status !== 201) throw new Error(`patrol: ${r.status} ${r.text}`);
    return r.data.patrol;
  };
  const homePatrol = await patrolled(home, homeMember);
  const neighbourPatrol = await patrolled(neighbour, neighbourMember);
  // Meetings (họp tổ) by the same rule.
  const meetingBody = (team) => ({ team_id: team.id, held_on: day(0), attendees: 8, content: 'Họp tổ kiểm tra quyền', base_version: 0 });
  const met = async (team) => {
    const r = await officer.put(`${base}/meetings/${randomUUID()}`, meetingBody(team));
    if (r.status !== 201) throw new Error(`meeting: ${r.status} ${r.text}`);
    return r.data.meeting;
  };
  const homeMeeting = await met(home);
  const neighbourMeeting = await met(neighbour);
  const roles = (admin, officerStatus, team, reviewer, auditor) =>
    ({ admin, 'officer.tantrao': officerStatus, 'team.khuondien': team, 'reviewer.tuyenquang': reviewer, auditor });
  const rows = [
    ['GET teams', (c) => c.get(`${base}/teams`), roles(200, 200, 200, 200, 403)],
    ['GET team of Khuôn Điển', (c) => c.get(`${base}/teams/${home.id}`), roles(200, 200, 200, 200, 403)],
    ['GET team of Làng Hản', (c) => c.get(`${base}/teams/${neighbour.id}`), roles(200, 200, 404, 200, 403)],
    ['POST team in Khuôn Điển', (c) => c.post(`${base}/teams`, teamBody()), roles(201, 201, 403, 403, 403)],
    ['POST team in Kiến Thiết', (c) => c.post(`${base}/teams`, teamBody('DEMO-KT-KHUONHAU')), roles(201, 422, 403, 403, 403)],
    ['PUT team of Khuôn Điển', async (c) => c.put(`${base}/teams/${home.id}`, { ...teamBody(), version: await version(home.id) }),
      roles(200, 200, 403, 403, 403)],
    ['PUT team of Làng Hản', async (c) => c.put(`${base}/teams/${neighbour.id}`, { ...teamBody('DEMO-KQ-LANGHAN'), version: await version(neighbour.id) }),
      roles(200, 200, 403, 403, 403)],
    ['POST team member', (c) => c.post(`${base}/teams/${home.id}/members`, memberBody()), roles(201, 201, 403, 403, 403)],
    ['POST team member in Làng Hản', (c) => c.post(`${base}/teams/${neighbour.id}/members`, memberBody()), roles(201, 201, 403, 403, 403)],
    ['PUT team member', async (c) => {
      const m = await freshMember();
      return c.put(`${base}/team-members/${m.id}`, memberChange(m));
    }, roles(200, 200, 403, 403, 403)],
    ['PUT team member in Làng Hản', async (c) => {
      const m = await freshMember(neighbour);
      return c.put(`${base}/team-members/${m.id}`, memberChange(m));
    }, roles(200, 200, 403, 403, 403)],
    ['PUT patrol in Khuôn Điển', (c) => c.put(`${base}/patrols/${randomUUID()}`, patrolBody(home, homeMember)), roles(403, 201, 201, 403, 403)],
    ['PUT patrol in Làng Hản', (c) => c.put(`${base}/patrols/${randomUUID()}`, patrolBody(neighbour, neighbourMember)),
      roles(403, 201, 404, 403, 403)],
    ['PUT patrol changed', async (c) => {
      const p = await patrolled(home, homeMember);
      return c.put(`${base}/patrols/${p.id}`, { ...patrolBody(home, homeMember), shift: 'morning', base_version: p.version });
    }, roles(403, 200, 200, 403, 403)],
    ['PUT patrol changed in Làng Hản', async (c) => {
      const p = await patrolled(neighbour, neighbourMember);
      return c.put(`${base}/patrols/${p.id}`, { ...patrolBody(neighbour, neighbourMember), shift: 'morning', base_version: p.version });
    }, roles(403, 200, 404, 403, 403)],
    ['GET patrol of Khuôn Điển', (c) => c.get(`${base}/patrols/${homePatrol.id}`), roles(200, 200, 200, 200, 403)],
    ['GET patrol of Làng Hản', (c) => c.get(`${base}/patrols/${neighbourPatrol.id}`), roles(200, 200, 404, 200, 403)],
    ['GET team patrols', (c) => c.get(`${base}/teams/${home.id}/patrols`), roles(200, 200, 200, 200, 403)],
    ['GET team patrols in Làng Hản', (c) => c.get(`${base}/teams/${neighbour.id}/patrols`), roles(200, 200, 404, 200, 403)],
    ['PUT meeting in Khuôn Điển', (c) => c.put(`${base}/meetings/${randomUUID()}`, meetingBody(home)), roles(403, 201, 201, 403, 403)],
    ['PUT meeting in Làng Hản', (c) => c.put(`${base}/meetings/${randomUUID()}`, meetingBody(neighbour)), roles(403, 201, 404, 403, 403)],
    ['PUT meeting changed', async (c) => {
      const m = await met(home);
      return c.put(`${base}/meetings/${m.id}`, { ...meetingBody(home), attendees: 9, base_version: m.version });
    }, roles(403, 200, 200, 403, 403)],
    ['PUT meeting changed in Làng Hản', async (c) => {
      const m = await met(neighbour);
      return c.put(`${base}/meetings/${m.id}`, { ...meetingBody(neighbour), attendees: 9, base_version: m.version });
    }, roles(403, 200, 404, 403, 403)],
    ['GET meeting of Khuôn Điển', (c) => c.get(`${base}/meetings/${homeMeeting.id}`), roles(200, 200, 200, 200, 403)],
    ['GET meeting of Làng Hản', (c) => c.get(`${base}/meetings/${neighbourMeeting.id}`), roles(200, 200, 404, 200, 403)],
    ['GET team meetings', (c) => c.get(`${base}/teams/${home.id}/meetings`), roles(200, 200, 200, 200, 403)],
    ['GET team meetings in Làng Hản', (c) => c.get(`${base}/teams/${neighbour.id}/meetings`), roles(200, 200, 404, 200, 403)],
  ];
  const wrong = [];
  for (const [what, call, expected] of rows) {
    for (const role of ROLES) {
      const r = await call(clients[role]);
      if (r.status !== expected[role]) wrong.push(`${what} as ${role}: ${r.status}, expected ${expected[role]} ${r.text.slice(0, 120)}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('self-management model endpoints: administrators keep the types, officers and admins the sites, the village team and reviewers read them and the counts, auditors see none', async () => {
  const officer = clients['officer.tantrao'];
  const admin = clients.admin;
  const base = '/api/v1/community';
  const must = async (call, status) => {
    const r = await call;
    if (r.status !== status) throw new Error(`${r.status} ${r.text}`);
    return r.data;
  };
  const types = Object.fromEntries((await must(admin.get(`${base}/model-types`), 200)).items.map((t) => [t.code, t]));
  const kept = await must(admin.post(`${base}/model-types`, { code: `AUTHZ${++serial}`, name: 'Loại kiểm tra quyền' }), 201);
  const typeBody = async () => {
    const t = await must(admin.get(`${base}/model-types`), 200);
    const now = t.items.find((x) => x.id === kept.id);
    return { code: now.code, name: now.name, description: now.description, linked: now.linked, active: now.active, sort: now.sort, version: now.version };
  };
  const siteBody = (village = 'DEMO-KQ-KHUONDIEN') =>
    ({ type_id: types['3Q2TC'].id, unit_id: ids[village], name: 'Mô hình kiểm tra quyền', launched_on: '2024-03-26' });
  const linkedBody = (unit, other) => ({ type_id: types.LKANTT.id, unit_id: ids[unit], name: 'Liên kết kiểm tra quyền',
    launched_on: '2024-03-26', participants: [{ unit_id: ids[other], joined_on: '2024-03-26' }] });
  const home = await must(officer.post(`${base}/model-sites`, siteBody()), 201);
  const neighbour = await must(officer.post(`${base}/model-sites`, siteBody('DEMO-KQ-LANGHAN')), 201);
  const far = await must(admin.post(`${base}/model-sites`, siteBody('DEMO-KT-KHUONHAU')), 201);
  const link = await must(officer.post(`${base}/model-sites`, linkedBody('02545', 'DEMO-KIENTHIET')), 201);
  const farLink = await must(admin.post(`${base}/model-sites`, linkedBody('DEMO-KIENTHIET', 'DEMO-KT-KHUONHAU')), 201);
  // A site as a PUT sends it back, with the version the administrator reads now.
  const siteChange = async (s) => {
    const now = await must(admin.get(`${base}/model-sites/${s.id}`), 200);
    return { type_id: now.type_id, unit_id: now.unit_id, name: now.name, launched_on: now.launched_on, ended_on: now.ended_on,
      note: 'Sửa', participants: now.participants.map(({ unit_id, joined_on }) => ({ unit_id, joined_on })), version: now.version };
  };
  // A new team on a site, as the administrator makes it (each row deletes or changes its own).
  const newTeam = async (s = home) => {
    const name = `Tổ kiểm tra quyền ${++serial}`;
    const d = await must(admin.post(`${base}/model-sites/${s.id}/teams`, { name, founded_on: '2024-04-01' }), 201);
    return d.teams.find((t) => t.name === name);
  };
  const year = Number(new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 4));
  const activityBody = (s) => ({ site_id: s.id, held_on: '2024-05-01', kind: 'meeting', participants: 5, content: 'Họp', base_version: 0 });
  const pdfForm = () => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')], { type: 'application/pdf' }), 'quy-che.pdf');
    return form;
  };
  const roles = (adminStatus, officerStatus, team, reviewer, auditor) =>
    ({ admin: adminStatus, 'officer.tantrao': officerStatus, 'team.khuondien': team, 'reviewer.tuyenquang': reviewer, auditor });
  const homeActivity = randomUUID();
  const farActivity = randomUUID();
  await must(officer.put(`${base}/model-activities/${homeActivity}`, activityBody(home)), 201);
  await must((await signedIn(server.url, 'officer.kienthiet')).put(`${base}/model-activities/${farActivity}`, activityBody(far)), 201);
  const rows = [
    ['GET model-types', (c) => c.get(`${base}/model-types`), roles(200, 200, 200, 200, 403)],
    ['POST model-type', (c) => c.post(`${base}/model-types`, { code: `AUTHZ${++serial}`, name: 'Loại kiểm tra quyền' }),
      roles(201, 403, 403, 403, 403)],
    ['PUT model-type', async (c) => c.put(`${base}/model-types/${kept.id}`, await typeBody()), roles(200, 403, 403, 403, 403)],
    ['GET model-sites', (c) => c.get(`${base}/model-sites`), roles(200, 200, 200, 200, 403)],
    ['GET model-sites of Làng Hản', (c) => c.get(`${base}/model-sites?unit_id=${ids['DEMO-KQ-LANGHAN']}`), roles(200, 200, 404, 200, 403)],
    ['GET model-sites of Kiến Thiết', (c) => c.get(`${base}/model-sites?unit_id=${ids['DEMO-KIENTHIET']}`), roles(200, 404, 404, 200, 403)],
    ['POST model-site in Khuôn Điển', (c) => c.post(`${base}/model-sites`, siteBody()), roles(201, 201, 403, 403, 403)],
    ['POST model-site in Kiến Thiết', (c) => c.post(`${base}/model-sites`, siteBody('DEMO-KT-KHUONHAU')), roles(201, 422, 403, 403, 403)],
    ['GET model-site of Khuôn Điển', (c) => c.get(`${base}/model-sites/${home.id}`), roles(200, 200, 200, 200, 403)],
    ['GET model-site of Làng Hản', (c) => c.get(`${base}/model-sites/${neighbour.id}`), roles(200, 200, 404, 200, 403)],
    ['GET model-site of Kiến Thiết', (c) => c.get(`${base}/model-sites/${far.id}`), roles(200, 404, 404, 200, 403)],
    ['GET linked model-site of Tân Trào', (c) => c.get(`${base}/model-sites/${link.id}`), roles(200, 200, 404, 200, 403)],
    ['PUT model-site of Khuôn Điển', async (c) => c.put(`${base}/model-sites/${home.id}`, await siteChange(home)), roles(200, 200, 403, 403, 403)],
    ['PUT model-site of Làng Hản', async (c) => c.put(`${base}/model-sites/${neighbour.id}`, await siteChange(neighbour)),
      roles(200, 200, 403, 403, 403)],
    ['PUT model-site of Kiến Thiết', async (c) => c.put(`${base}/model-sites/${far.id}`, await siteChange(far)), roles(200, 404, 403, 403, 403)],
    ['PUT standing of Tân Trào\'s linked site', (c) => c.put(`${base}/model-sites/${link.id}/standing/${year}`, { unit_id: ids['DEMO-KIENTHIET'] }),
      roles(200, 200, 403, 403, 403)],
    ['PUT standing of Kiến Thiết\'s linked site', (c) => c.put(`${base}/model-sites/${farLink.id}/standing/${year}`, { unit_id: ids['DEMO-KIENTHIET'] }),
      roles(200, 404, 403, 403, 403)],
    ['PUT board of Khuôn Điển\'s site', async (c) => c.put(`${base}/model-sites/${home.id}/board`,
      { version: (await must(admin.get(`${base}/model-sites/${home.id}`), 200)).version, members: [{ full_name: 'Trưởng ban', role: 'head' }] }),
      roles(200, 200, 403, 403, 403)],
    ['POST team of Khuôn Điển\'s site', (c) => c.post(`${base}/model-sites/${home.id}/teams`, { name: 'Tổ kiểm tra quyền', founded_on: '2024-04-01' }),
      roles(201, 201, 403, 403, 403)],
    ['PUT activity of Khuôn Điển\'s site', (c) => c.put(`${base}/model-activities/${randomUUID()}`, activityBody(home)),
      roles(403, 201, 201, 403, 403)],
    ['PUT activity of Kiến Thiết\'s site', (c) => c.put(`${base}/model-activities/${randomUUID()}`, activityBody(far)),
      roles(403, 404, 404, 403, 403)],
    ['GET activities of Khuôn Điển\'s site', (c) => c.get(`${base}/model-sites/${home.id}/activities`), roles(200, 200, 200, 200, 403)],
    ['PUT assessment of Khuôn Điển\'s site', async (c) => c.put(`${base}/model-sites/${home.id}/assessments/${year}`,
      { version: (await must(admin.get(`${base}/model-sites/${home.id}`), 200)).version, rating: 'effective',
        assessed_on: `${year}-01-01` }), roles(200, 200, 403, 403, 403)],
    ['PUT team of Khuôn Điển\'s site', async (c) => {
      const t = await newTeam();
      return c.put(`${base}/model-teams/${t.id}`, { name: 'Tổ đã sửa', founded_on: '2024-04-01', version: t.version });
    }, roles(200, 200, 403, 403, 403)],
    ['DELETE team of Khuôn Điển\'s site', async (c) => {
      const t = await newTeam();
      return c.request('DELETE', `${base}/model-teams/${t.id}?version=${t.version}`);
    }, roles(200, 200, 403, 403, 403)],
    ['DELETE team of Kiến Thiết\'s site', async (c) => {
      const t = await newTeam(far);
      return c.request('DELETE', `${base}/model-teams/${t.id}?version=${t.version}`);
    }, roles(200, 404, 403, 403, 403)],
    ['GET activity of Khuôn Điển\'s site', (c) => c.get(`${base}/model-activities/${homeActivity}`), roles(200, 200, 200, 200, 403)],
    ['GET activity of Kiến Thiết\'s site', (c) => c.get(`${base}/model-activities/${farActivity}`), roles(200, 404, 404, 200, 403)],
    ['GET units/directory (the whole country)', (c) => c.get('/api/v1/units/directory?q=kien%20thiet'), roles(200, 200, 200, 200, 200)],
    ['PUT regulation of Khuôn Điển\'s site', (c) => c.request('PUT', `${base}/model-sites/${home.id}/regulation`, { body: pdfForm() }),
      roles(200, 200, 403, 403, 403)],
    ['GET regulation of Khuôn Điển\'s site', (c) => c.get(`${base}/model-sites/${home.id}/regulation`), roles(200, 200, 200, 200, 403)],
    ['GET regulation of Kiến Thiết\'s site', (c) => c.get(`${base}/model-sites/${far.id}/regulation`), roles(404, 404, 404, 404, 403)],
    ['GET model-counts', (c) => c.get(`${base}/model-counts`), roles(200, 200, 200, 200, 403)],
    ['GET model-counts of Khuôn Điển', (c) => c.get(`${base}/model-counts?unit_id=${ids['DEMO-KQ-KHUONDIEN']}`), roles(200, 200, 200, 200, 403)],
    ['GET model-counts of Làng Hản', (c) => c.get(`${base}/model-counts?unit_id=${ids['DEMO-KQ-LANGHAN']}`), roles(200, 200, 404, 200, 403)],
    ['GET model-counts of Kiến Thiết', (c) => c.get(`${base}/model-counts?unit_id=${ids['DEMO-KIENTHIET']}`), roles(200, 404, 404, 200, 403)],
  ];
  const wrong = [];
  for (const [what, call, expected] of rows) {
    for (const role of ROLES) {
      const r = await call(clients[role]);
      if (r.status !== expected[role]) wrong.push(`${what} as ${role}: ${r.status}, expected ${expected[role]} ${r.text.slice(0, 120)}`);
    }
  }
  assert.deepEqual(wrong, []);
});

// The grading rows of `year` on a server whose grading window is open, by the clients `cs`.
async function gradingRows(cs, units, year) {
  const officer = cs['officer.tantrao'];
  const base = '/api/v1/community';
  const home = units['02545'];
  const far = units['DEMO-KIENTHIET'];
  const must = async (call, status) => {
    const r = await call;
    if (r.status !== status) throw new Error(`${r.status} ${r.text}`);
    return r.data;
  };
  const sheet = () => must(cs.admin.get(`${base}/gradings?commune_id=${home}&year=${year}`), 200);
  const gradeUrl = (id) => `${base}/team-members/${id}/grade`;
  // A member of Kiến Thiết since 01/07 of last year (eligible), kept by the administrator.
  const farTeam = await must(cs.admin.post(`${base}/teams`,
    { village_ids: [units['DEMO-KT-KHUONHAU']], name: 'Tổ kiểm tra quyền xếp loại', founded_on: `${year - 1}-07-01` }), 201);
  const farMember = await must(cs.admin.post(`${base}/teams/${farTeam.id}/members`,
    { full_name: 'Thành viên kiểm tra xếp loại', birth_date: '1975-03-04', position: 'member', joined_on: `${year - 1}-07-01` }), 201);
  const homeMember = (await sheet()).members.find((m) => m.eligible).member_id;
  // Tân Trào's year as a row needs it, set by its officer: a draft; every eligible member
  // graded (none "xuất sắc"), ready to finalise; final.
  const draft = async () => {
    const s = await sheet();
    if (s.status === 'final') {
      await must(officer.post(`${base}/gradings/reopen`, { commune_id: home, year, reason: 'Kiểm tra quyền', version: s.version }), 200);
    }
  };
  const finalisable = async () => {
    await draft();
    let s = await sheet();
    for (const m of s.members.filter((x) => x.eligible && x.grade === null)) {
      s = await must(officer.put(gradeUrl(m.member_id), { year, grade: 'complete' }), 200);
    }
    return s.version;
  };
  const final = async () => {
    const s = await sheet();
    if (s.status === 'final') return s.version;
    const version = await finalisable();
    return (await must(officer.post(`${base}/gradings/finalise`, { commune_id: home, year, version }), 200)).version;
  };
  const roles = (admin, officerStatus, team, reviewer, auditor) =>
    ({ admin, 'officer.tantrao': officerStatus, 'team.khuondien': team, 'reviewer.tuyenquang': reviewer, auditor });
  const rows = [
    ['GET gradings of Tân Trào', (c) => c.get(`${base}/gradings?commune_id=${home}&year=${year}`), roles(200, 200, 403, 200, 403)],
    ['GET gradings of Kiến Thiết', (c) => c.get(`${base}/gradings?commune_id=${far}&year=${year}`), roles(200, 404, 403, 200, 403)],
    ['PUT grade', async (c) => {
      await draft();
      return c.put(gradeUrl(homeMember), { year, grade: 'good' });
    }, roles(403, 200, 403, 403, 403)],
    ['PUT grade in Kiến Thiết', (c) => c.put(gradeUrl(farMember.id), { year, grade: 'good' }), roles(403, 404, 403, 403, 403)],
    ['POST gradings finalise', async (c) => c.post(`${base}/gradings/finalise`, { commune_id: home, year, version: await finalisable() }),
      roles(403, 200, 403, 403, 403)],
    ['POST gradings finalise in Kiến Thiết', (c) => c.post(`${base}/gradings/finalise`, { commune_id: far, year, version: 1 }),
      roles(403, 404, 403, 403, 403)],
    ['POST gradings reopen', async (c) => c.post(`${base}/gradings/reopen`,
      { commune_id: home, year, reason: 'Kiểm tra quyền', version: await final() }), roles(403, 200, 403, 403, 403)],
    ['POST gradings reopen in Kiến Thiết', (c) => c.post(`${base}/gradings/reopen`,
      { commune_id: far, year, reason: 'Kiểm tra quyền', version: 1 }), roles(403, 404, 403, 403, 403)],
  ];
  const wrong = [];
  for (const [what, call, expected] of rows) {
    for (const role of ROLES) {
      const r = await call(cs[role]);
      if (r.status !== expected[role]) wrong.push(`${what} as ${role}: ${r.status}, expected ${expected[role]} ${r.text.slice(0, 120)}`);
    }
  }
  return wrong;
}

// Grades are given in a window (01/11–31/01): on this server while one is open, else on a
// demo of its own whose clock stands in one (gradingServer).
test('grading endpoints: commune officers grade, finalise and reopen; reviewers and admins read; team members and auditors see none', async () => {
  const g = await gradingServer(server);
  try {
    const cs = g.own ? {} : clients;
    if (g.own) for (const name of ROLES) cs[name] = await signedIn(g.server.url, name);
    assert.deepEqual(await gradingRows(cs, g.own ? await unitIds(g.server.url) : ids, g.year), []);
  } finally {
    if (g.own) await g.server.close();
  }
});
