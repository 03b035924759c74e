// The official unit list: `antq units import-official` on the demo (which is Tuyên Quang
// as published), the whole country checked, bad input refused; records of an old commune
// roll up to the new one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, signedIn, unitIds, sql } from './lib.mjs';

const REFDATA = new URL('../../refdata/vn-units-2025', import.meta.url).pathname;
let server;
let ids;

before(async () => {
  server = await start();
  ids = await unitIds(server.url);
});
after(async () => server?.close());

const unitsState = () => [sql(server, 'SELECT version FROM units_version'), sql(server, 'SELECT COUNT(*) FROM audit_log')];

test("importing Tuyên Quang again over the demo changes nothing and says so", () => {
  const state = unitsState();
  const r = server.cli(['units', 'import-official', REFDATA, '--province', '08']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Imported: 0 provinces changed; 0 new units, 0 updated \(0 renamed\), 0 merged, 0 new links, 444 unchanged/);
  assert.match(r.stderr, /Importing the official unit list: 443 \/ 443/, 'progress is shown');
  assert.deepEqual(unitsState(), state, 'no write, no audit entry');
});

test('a dry run of the whole country counts what it would make and writes nothing', async () => {
  const state = unitsState();
  const r = server.cli(['units', 'import-official', '--dry-run', REFDATA]);
  assert.equal(r.status, 0, r.stderr);
  // 33 more provinces, their 3,197 communes and the 9,627 units those were formed from.
  assert.match(r.stdout, /Checked, nothing written: 33 provinces; 12857 new units/);
  assert.match(r.stdout, /07537: Trường bắn TB1/, 'entries that are no unit are listed');
  assert.doesNotMatch(r.stdout, /Active unit not in the list/, 'the demo commune is flagged demo, not reported');
  assert.deepEqual(unitsState(), state);
  const admin = await signedIn(server.url, 'admin');
  assert.equal((await admin.get('/api/v1/units?kind=province')).data.total, 1);
});

test('an unknown province and a file with a commune under no province are refused, nothing written', () => {
  const state = unitsState();
  const unknown = server.cli(['units', 'import-official', REFDATA, '--province', '99']);
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /province: .*Does not exist/);
  const dir = mkdtempSync(join(tmpdir(), 'antq-official-'));
  writeFileSync(join(dir, 'units.csv'), 'code,parent_code,level,kind,name,full_name,name_en\n'
    + '08,,province,Tỉnh,Tuyên Quang,Tỉnh Tuyên Quang,Tuyen Quang\n'
    + '02545,99,commune,Xã,Tân Trào,Xã Tân Trào,Tan Trao\n');
  writeFileSync(join(dir, 'formed-from.csv'), 'province_code,commune_code,commune,formed_from,effective\n'
    + '08,02545,Xã Tân Trào,"Xã Kim Quan, Xã Trung Yên",2025-07-01\n');
  writeFileSync(join(dir, 'provinces-formed-from.csv'), 'province_code,province,formed_from,effective\n08,Tỉnh Tuyên Quang,giữ nguyên,2025-07-01\n');
  const bad = server.cli(['units', 'import-official', dir]);
  rmSync(dir, { recursive: true });
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /dòng\/line 3 units\.csv:parent_code/, bad.stderr);
  assert.deepEqual(unitsState(), state);
});

test('Tân Trào was formed from Kim Quan, Trung Yên and the old Tân Trào; Kim Quan went into it', async () => {
  const officer = await signedIn(server.url, 'officer.tantrao');
  const tanTrao = (await officer.get(`/api/v1/units/${ids['02545']}`)).data;
  assert.equal(tanTrao.name_en, 'Tan Trao');
  assert.equal(tanTrao.valid_from, '2025-07-01');
  assert.deepEqual(tanTrao.formed_from.map((u) => [u.code, u.name]),
    [['08-X-KIM-QUAN', 'Kim Quan'], ['08-X-TAN-TRAO', 'Tân Trào'], ['08-X-TRUNG-YEN', 'Trung Yên']]);
  const kimQuan = (await officer.get(`/api/v1/units/${ids['08-X-KIM-QUAN']}`)).data;
  assert.deepEqual(kimQuan.successors.map((s) => [s.code, s.main, s.part]), [['02545', true, '']]);
  const reviewer = await signedIn(server.url, 'reviewer.tuyenquang');
  const province = (await reviewer.get(`/api/v1/units/${ids['08']}`)).data;
  assert.deepEqual(province.formed_from.map((u) => u.code), ['08-TINH-HA-GIANG', '08-TINH-TUYEN-QUANG']);
  assert.match(province.formed_from[0].basis, /202\/2025\/QH15/);
});

test('a tip filed under Kim Quan before the merge counts for Tân Trào today', async () => {
  const june2025 = Date.parse('2025-06-20T03:00:00Z') - Date.now();
  server.advanceClock(june2025);
  try {
    const keys = server.cli(['keys', 'init', '--unit', '08-X-KIM-QUAN']);
    assert.equal(keys.status, 0, keys.stderr);
    const officer = await signedIn(server.url, 'officer.tantrao');
    const filed = await officer.post('/api/v1/tips', {
      unit_id: ids['08-X-KIM-QUAN'], kind: 'suggestion', channel: 'phone', description: 'Phản ánh gửi xã Kim Quan',
    });
    assert.equal(filed.status, 201, filed.text);
  } finally {
    server.advanceClock(-june2025);
  }
  const officer = await signedIn(server.url, 'officer.tantrao');
  const june = '/api/v1/tips/stats?from=2025-06-01&to=2025-06-30';
  assert.equal((await officer.get(`${june}&unit_id=${ids['02545']}`)).data.total, 1, 'rolled up to the new commune');
  assert.equal((await officer.get(june)).data.total, 1, "in the officer's scope");
  const other = await signedIn(server.url, 'officer.kienthiet');
  assert.equal((await other.get(june)).data.total, 0);
});
