// The unit tree: scoping, the 2025 merge, search, administration and CSV.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DB, prepare, start, signedIn, unitIds } from './lib.mjs';

let server;
let ids;
before(async () => {
  server = await start();
  ids = await unitIds(server.url);
});
after(async () => { await server.close(); });

const names = (nodes) => nodes.map((n) => n.name);
function find(nodes, code) {
  for (const n of nodes) {
    if (n.code === code) return n;
    const f = find(n.children, code);
    if (f) return f;
  }
  return null;
}

test('an officer sees the new commune Tân Trào as the root of the tree with its villages', async () => {
  const c = await signedIn(server.url, 'officer.tantrao');
  const r = await c.get('/api/v1/units/tree');
  assert.equal(r.status, 200);
  assert.equal(r.data.roots.length, 1);
  const root = r.data.roots[0];
  assert.equal(root.name, 'Tân Trào');
  assert.equal(root.valid_from, '2025-07-01');
  assert.ok(names(root.children).includes('Khuôn Điển'));
  assert.ok(names(root.children).includes('Làng Hản'));
  assert.ok(!names(root.children).includes('Kim Quan'), 'merged communes are history, hidden by default');
  const sorted = [...names(root.children)].sort((a, b) => a.localeCompare(b, 'vi'));
  assert.deepEqual(names(root.children), sorted, 'children in Vietnamese order');
});

test('with history, Kim Quan appears under Tân Trào, ended on 30/6/2025 and merged into it', async () => {
  const c = await signedIn(server.url, 'officer.tantrao');
  const r = await c.get('/api/v1/units/tree?history=1');
  const kimQuan = find(r.data.roots, '08-X-KIM-QUAN');
  assert.ok(kimQuan);
  assert.equal(kimQuan.valid_to, '2025-06-30');
  assert.equal(kimQuan.merged_into, ids['02545']);
  assert.equal(kimQuan.active, false);
  const detail = await c.get(`/api/v1/units/${ids['08-X-KIM-QUAN']}`);
  assert.equal(detail.status, 200, 'records filed under Kim Quan roll up to Tân Trào');
  assert.deepEqual(detail.data.ancestors.map((a) => a.name), ['Việt Nam', 'Tuyên Quang', 'Tân Trào']);
  assert.equal(detail.data.history[0].kind, 'merged');
  assert.equal(detail.data.history[0].date, '2025-07-01');
  assert.equal(detail.data.history[0].from_parent_id, ids['08-H-YEN-SON']);
  assert.match(detail.data.history[0].basis, /1684\/NQ-UBTVQH15/);
  const village = await c.get(`/api/v1/units/${ids['DEMO-KQ-KHUONDIEN']}`);
  assert.equal(village.data.parent_id, ids['02545']);
  assert.equal(village.data.history[0].kind, 'moved');
  assert.equal(village.data.history[0].from_parent_id, ids['08-X-KIM-QUAN']);
  assert.deepEqual(detail.data.successors.map((s) => [s.id, s.main, s.date]), [[ids['02545'], true, '2025-07-01']]);
  const tanTrao = await c.get(`/api/v1/units/${ids['02545']}`);
  assert.deepEqual(tanTrao.data.formed_from.map((u) => u.name), ['Kim Quan', 'Tân Trào', 'Trung Yên']);
  assert.match(tanTrao.data.formed_from[0].basis, /1684\/NQ-UBTVQH15/);
});

test('an officer of another commune sees nothing of Tân Trào', async () => {
  const c = await signedIn(server.url, 'officer.kienthiet');
  const tree = await c.get('/api/v1/units/tree?history=1');
  assert.equal(find(tree.data.roots, '02545'), null);
  assert.equal((await c.get(`/api/v1/units/${ids['08-X-KIM-QUAN']}`)).status, 404);
  const list = await c.get('/api/v1/units?q=khuon&history=1');
  assert.deepEqual(list.data.items.map((u) => u.code), ['DEMO-KT-KHUONHAU']);
});

test('search ignores case and diacritics: "dien" finds Khuôn Điển, "KIM QUAN" needs history', async () => {
  const c = await signedIn(server.url, 'admin');
  const dien = await c.get('/api/v1/units?q=dien');
  assert.deepEqual(dien.data.items.map((u) => u.name), ['Khuôn Điển']);
  assert.equal((await c.get('/api/v1/units?q=KIM%20QUAN')).data.total, 0);
  const kq = await c.get('/api/v1/units?q=KIM%20QUAN&history=1');
  assert.deepEqual(kq.data.items.map((u) => u.code), ['08-X-KIM-QUAN']);
  const byKind = await c.get('/api/v1/units?kind=commune&page_size=500');
  assert.equal(byKind.data.total, 117 + 1, "Tuyên Quang's 117 xã and the demo's Kiến Thiết");
  const codes = byKind.data.items.map((u) => u.code);
  assert.ok(codes.includes('02545') && codes.includes('DEMO-KIENTHIET'));
  assert.ok(byKind.data.items.every((u) => u.kind === 'commune' && u.active));
  assert.equal((await c.get('/api/v1/units?kind=planet')).status, 422);
  assert.equal((await c.get('/api/v1/units?page=0')).status, 422);
});

test('an officer adds and renames a village in his commune but may not add a commune', async () => {
  const c = await signedIn(server.url, 'officer.tantrao');
  const made = await c.post('/api/v1/units', {
    code: 'DEMO-TT-MOI', name: '  Thôn Mới  ', kind: 'residential_area', designation: 'thôn', parent_id: ids['02545'],
  });
  assert.equal(made.status, 201, made.text);
  assert.equal(made.data.name, 'Thôn Mới');
  assert.equal(made.data.parent_id, ids['02545']);
  const renamed = await c.patch(`/api/v1/units/${made.data.id}`, { name: 'Thôn Mới Lập', remote: true });
  assert.equal(renamed.status, 200);
  assert.equal(renamed.data.name, 'Thôn Mới Lập');
  assert.equal(renamed.data.remote, true);
  const history = (await c.get(`/api/v1/units/${made.data.id}`)).data.history;
  assert.deepEqual(history.map((h) => [h.kind, h.old_name]), [['renamed', 'Thôn Mới']]);
  const commune = await c.post('/api/v1/units', { code: 'X1', name: 'Xã X', kind: 'commune', parent_id: ids['08'] });
  assert.equal(commune.status, 403);
  const outside = await c.post('/api/v1/units', { code: 'X2', name: 'Thôn X', kind: 'residential_area', parent_id: ids['DEMO-KIENTHIET'] });
  assert.equal(outside.status, 403);
  const dup = await c.post('/api/v1/units', { code: 'DEMO-TT-MOI', name: 'Trùng', kind: 'residential_area', parent_id: ids['02545'] });
  assert.equal(dup.status, 422);
  assert.deepEqual(dup.data.errors.map((e) => [e.field, e.code]), [['code', 'duplicate']]);
});

test('each unit says what the caller may do with it, as the server then allows', async () => {
  const officer = await signedIn(server.url, 'officer.tantrao');
  const commune = await officer.get(`/api/v1/units/${ids['02545']}`);
  assert.equal(commune.data.manageable, false, 'an officer does not change the commune itself');
  assert.deepEqual(commune.data.child_kinds, ['residential_area', 'agency', 'enterprise', 'school']);
  const village = await officer.get(`/api/v1/units/${ids['DEMO-KQ-KHUONDIEN']}`);
  assert.equal(village.data.manageable, true);
  const refused = await officer.patch(`/api/v1/units/${ids['02545']}`, { note: 'ghi chú' });
  assert.equal(refused.status, 403, 'manageable false means the PATCH is refused');
  const admin = await signedIn(server.url, 'admin');
  const province = await admin.get(`/api/v1/units/${ids['08']}`);
  assert.equal(province.data.manageable, true);
  assert.ok(province.data.child_kinds.includes('commune') && !province.data.child_kinds.includes('country'));
  const auditor = await signedIn(server.url, 'auditor');
  const seen = await auditor.get(`/api/v1/units/${ids['08']}`);
  assert.equal(seen.data.manageable, false);
  assert.deepEqual(seen.data.child_kinds, []);
});

test('invalid unit fields are each named and nothing is stored', async () => {
  const c = await signedIn(server.url, 'admin');
  const before = (await c.get('/api/v1/units?history=1&page_size=1')).data.total;
  const r = await c.post('/api/v1/units', { code: 'có dấu', name: 'x'.repeat(201), kind: 'planet', parent_id: 999999, valid_from: '2025-02-30' });
  assert.equal(r.status, 422);
  const got = Object.fromEntries(r.data.errors.map((e) => [e.field, e.code]));
  assert.deepEqual(got, { code: 'invalid_format', name: 'too_long', kind: 'unknown_value', parent_id: 'not_found', valid_from: 'invalid_date' });
  assert.equal((await c.get('/api/v1/units?history=1&page_size=1')).data.total, before);
});

test('moving a unit under its own descendant is refused as a cycle', async () => {
  const c = await signedIn(server.url, 'admin');
  const r = await c.patch(`/api/v1/units/${ids['08']}`, { parent_id: ids['DEMO-KQ-LANGHAN'] });
  assert.equal(r.status, 422);
  assert.equal(r.data.errors[0].code, 'cycle');
});

test('an admin merges two villages into a third; the sources end the day before', async () => {
  const c = await signedIn(server.url, 'admin');
  const mk = async (code, name) =>
    (await c.post('/api/v1/units', { code, name, kind: 'residential_area', parent_id: ids['DEMO-KIENTHIET'] })).data.id;
  const a = await mk('DEMO-KT-A', 'Thôn A');
  const b = await mk('DEMO-KT-B', 'Thôn B');
  const target = await mk('DEMO-KT-AB', 'Thôn A-B');
  const officer = await signedIn(server.url, 'officer.kienthiet');
  assert.equal((await officer.post('/api/v1/units/merge', { source_ids: [a, b], target_id: target, effective_date: '2026-01-01', basis: 'QĐ 1' })).status, 403);
  const missing = await c.post('/api/v1/units/merge', { source_ids: [a], target_id: target });
  assert.equal(missing.status, 422);
  assert.deepEqual(missing.data.errors.map((e) => e.field).sort(), ['basis', 'effective_date']);
  const r = await c.post('/api/v1/units/merge', { source_ids: [a, b], target_id: target, effective_date: '2026-01-01', basis: 'Nghị quyết HĐND tỉnh số 1/NQ-HĐND' });
  assert.equal(r.status, 200, r.text);
  const ended = await c.get(`/api/v1/units/${a}`);
  assert.equal(ended.data.valid_to, '2025-12-31');
  assert.equal(ended.data.merged_into, target);
  assert.equal(ended.data.parent_id, target);
  const again = await c.post('/api/v1/units/merge', { source_ids: [a], target_id: target, effective_date: '2026-02-01', basis: 'x' });
  assert.equal(again.status, 422, 'an ended unit cannot merge again');
});

test('CSV export then import of the same file updates every row and creates none', async () => {
  const c = await signedIn(server.url, 'admin');
  const exported = await c.get('/api/v1/units/export');
  assert.equal(exported.status, 200);
  assert.match(exported.headers.get('content-type'), /text\/csv/);
  assert.ok(exported.text.startsWith('code,name,kind,designation,parent_code'));
  const bytes = Buffer.from(await (await fetch(server.url + '/api/v1/units/export', { headers: { cookie: c.cookie } })).arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a BOM so that Excel reads UTF-8');
  assert.match(exported.text, /DEMO-KQ-KHUONDIEN,Khuôn Điển,residential_area,thôn,02545/);
  const rows = exported.text.trim().split('\r\n').length - 1;
  const r = await c.request('POST', '/api/v1/units/import', { body: exported.text, headers: { 'content-type': 'text/csv' } });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.data, { created: 0, updated: rows, dry_run: false, encoding: 'UTF-8' });
});

test('a CSV import with one bad row reports its line and changes nothing', async () => {
  const c = await signedIn(server.url, 'admin');
  const before = (await c.get('/api/v1/units?history=1&page_size=1')).data.total;
  const csv = [
    'code,name,kind,designation,parent_code,valid_from,valid_to,remote,note',
    'DEMO-CSV-1,Thôn Một,residential_area,thôn,02545,,,0,',
    'DEMO-CSV-2,"Thôn Hai, mới",residential_area,thôn,DEMO-CSV-1,,,1,',
    'DEMO-CSV-3,,residential_area,thôn,NO-SUCH-CODE,2025-13-01,,maybe,',
  ].join('\r\n');
  const r = await c.request('POST', '/api/v1/units/import', { body: csv, headers: { 'content-type': 'text/csv' } });
  assert.equal(r.status, 422);
  assert.equal(r.data.type, '/problems/csv-invalid');
  assert.ok(r.data.errors.every((e) => e.line === 4), JSON.stringify(r.data.errors));
  assert.deepEqual(r.data.errors.map((e) => e.field).sort(), ['name', 'parent_code', 'remote', 'valid_from']);
  assert.equal((await c.get('/api/v1/units?history=1&page_size=1')).data.total, before, 'nothing written');
  const good = await c.request('POST', '/api/v1/units/import', { body: '\uFEFF' + csv.split('\r\n').slice(0, 3).join('\n'), headers: { 'content-type': 'text/csv' } });
  assert.equal(good.status, 200, good.text);
  assert.deepEqual(good.data, { created: 2, updated: 0, dry_run: false, encoding: 'UTF-8' });
  const two = await c.get('/api/v1/units?q=thon%20hai');
  assert.equal(two.data.items[0].name, 'Thôn Hai, mới');
  assert.equal(two.data.items[0].remote, true);
});

test('a CSV with wrong columns is refused naming them', async () => {
  const c = await signedIn(server.url, 'admin');
  const r = await c.request('POST', '/api/v1/units/import', { body: 'mau,ten\r\nA,B\r\n', headers: { 'content-type': 'text/csv' } });
  assert.equal(r.status, 422);
  const fields = r.data.errors.map((e) => `${e.code}:${e.field}`).sort();
  assert.deepEqual(fields, ['missing_column:code', 'missing_column:kind', 'missing_column:parent_code', 'unknown_column:mau'], '"ten" is the name');
  const json = await c.request('POST', '/api/v1/units/import', { body: '{}', headers: { 'content-type': 'application/json' } });
  assert.equal(json.status, 415);
  const broken = await c.request('POST', '/api/v1/units/import', { body: 'code,name\r\n"unterminated,x\r\n', headers: { 'content-type': 'text/csv' } });
  assert.equal(broken.status, 422);
});

test('a CSV saved by Excel with Vietnamese settings imports after a dry run that lists every bad row', async () => {
  const c = await signedIn(server.url, 'admin');
  const post = (body, query = '') => c.request('POST', `/api/v1/units/import${query}`, { body, headers: { 'content-type': 'text/csv' } });
  // Windows-1258 as Vietnamese Windows writes it: "Thôn Đồng" is Th, ô (F4), n, Đ (D0), ô (F4), grave (CC), ng.
  const header = Buffer.from('Ma\xDE;T\xEAn \xF0\xF5n vi\xF2;Loa\xF2i;Ma\xDE c\xE2\xECp tr\xEAn;T\xFD\xCC nga\xECy;Ghi chu\xEC\r\n', 'latin1');
  const rows = (...lines) => Buffer.concat([header, Buffer.from(lines.join('\r\n') + '\r\n', 'latin1')]);
  const good = 'XL-1;Th\xF4n \xD0\xF4\xCCng;residential_area;02545;5/2/2026;=1+1';
  const bad = rows(good, 'XL-2;;residential_area;02545;31/2/2026;', 'XL 3;Th\xF4n Ba;residential_area;KHONG-CO;;');
  const before = (await c.get('/api/v1/units?history=1&page_size=1')).data.total;
  const checked = await post(bad, '?dry_run=1');
  assert.equal(checked.status, 422);
  assert.deepEqual(checked.data.errors.map((e) => `${e.line}:${e.field}:${e.code}`).sort(),
    ['3:name:required', '3:valid_from:invalid_date', '4:code:invalid_format', '4:parent_code:not_found']);
  const dry = await post(rows(good), '?dry_run=1');
  assert.equal(dry.status, 200, dry.text);
  assert.deepEqual(dry.data, { created: 1, updated: 0, dry_run: true, encoding: 'windows-1258' });
  assert.equal((await c.get('/api/v1/units?history=1&page_size=1')).data.total, before, 'nothing written');
  const done = await post(rows(good));
  assert.deepEqual(done.data, { created: 1, updated: 0, dry_run: false, encoding: 'windows-1258' });
  const made = (await c.get('/api/v1/units?q=XL-1')).data.items[0];
  assert.equal(made.name, 'Thôn Đồng');
  assert.equal(made.valid_from, '2026-02-05');
  const exported = await c.get('/api/v1/units/export');
  assert.ok(exported.text.includes("\r\nXL-1,Thôn Đồng,residential_area,,02545,2026-02-05,,0,'=1+1\r\n"), 'a formula is escaped in the export');
});

// Every instance caches the tree and checks one version row: every unit write must move
// it, or a rename stays old (with a 304 to browsers) on the other instances.
test('a rename on one instance reaches the cached tree of another at once', { skip: DB !== 'postgres' && 'one SQLite file serves one instance' }, async () => {
  const prepared = prepare();
  const first = await start(prepared);
  const copy = mkdtempSync(join(tmpdir(), 'antq-it-second-'));
  cpSync(prepared.dir, copy, { recursive: true });
  const second = await start({ ...prepared, dir: copy });
  try {
    const here = await signedIn(first.url, 'admin');
    const there = await signedIn(second.url, 'admin');
    const ids2 = await unitIds(first.url);
    const before = await there.get('/api/v1/units/tree');
    const etag = before.headers.get('etag');
    assert.equal((await there.get('/api/v1/units/tree', { headers: { 'if-none-match': etag } })).status, 304);
    const renamed = await here.patch(`/api/v1/units/${ids2['DEMO-KQ-LANGHAN']}`, { name: 'Làng Hản Mới', hotline: '0207 3822 113' });
    assert.equal(renamed.status, 200);
    const after = await there.get('/api/v1/units/tree', { headers: { 'if-none-match': etag } });
    assert.equal(after.status, 200, 'the old ETag no longer matches');
    assert.equal(find(after.data.roots, 'DEMO-KQ-LANGHAN').name, 'Làng Hản Mới');
  } finally {
    await second.stop();
    rmSync(copy, { recursive: true, force: true });
    await first.close();
  }
});
