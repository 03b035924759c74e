// Operating antq: configuration, migrations, backup and restore, overload and shutdown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { prepare, start, signedIn, Client, DB, PASSWORD, BIN, freshDatabaseUrl } from './lib.mjs';

test('antq --version names the version', () => {
  const p = prepare({ demo: false });
  const r = p.cli(['--version']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^antq \d+\.\d+\.\d+/);
});

test('every command describes itself from the catalog, in Vietnamese then English', () => {
  const p = prepare({ demo: false });
  const top = p.cli(['--help']);
  assert.equal(top.status, 0);
  assert.match(top.stdout, /audit\s+nhật ký kiểm toán \/ the audit log/);
  const areas = [...top.stdout.matchAll(/^  ([a-z]+)\s{2,}/gm)].map((m) => m[1]);
  assert.ok(areas.includes('keys') && areas.includes('units'), `areas: ${areas}`);
  for (const area of areas) {
    const help = p.cli([area, '--help']);
    assert.equal(help.status, 0, `${area} --help`);
    const subcommands = [...help.stdout.matchAll(/^  ([a-z]+)\s{2,}/gm)].map((m) => m[1]);
    for (const sub of subcommands) {
      const text = p.cli([area, sub, '--help']).stdout;
      assert.doesNotMatch(text, /\bcli\.|\.help\b|option\./, `${area} ${sub}: a catalog key is missing`);
    }
    assert.doesNotMatch(help.stdout, /\bcli\.|\.help\b|option\./, `${area}: a catalog key is missing`);
  }
});

test('only the test build accepts the test clock; the installed antq refuses it', () => {
  const p = prepare({ demo: false });
  const installed = BIN.replace(/antq-test$/, 'antq');
  assert.notEqual(installed, BIN, 'the suites run antq-test');
  const refused = spawnSync(installed, ['migrate', 'status', '--data', p.dir], { env: p.env, encoding: 'utf8' });
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /ANTQ_TEST_CLOCK_FILE is for the test build \(antq-test\) only/);
  const { ANTQ_TEST_CLOCK_FILE, ...plain } = p.env;
  assert.ok(ANTQ_TEST_CLOCK_FILE);
  assert.equal(spawnSync(installed, ['migrate', 'status', '--data', p.dir], { env: plain }).status, 0);
  assert.equal(p.cli(['migrate', 'status']).status, 0, 'antq-test takes it');
});

test('an unknown configuration key is refused with its name, in the file and in --set', () => {
  const p = prepare({ demo: false });
  writeFileSync(join(p.dir, 'antq.toml'), '[server]\nlisen = "127.0.0.1:1"\n');
  const r = p.cli(['migrate', 'status']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /unknown configuration key: server\.lisen/);
  writeFileSync(join(p.dir, 'antq.toml'), '');
  const s = p.cli(['--set', 'database.poool=3', 'migrate', 'status']);
  assert.match(s.stderr, /unknown configuration key: database\.poool/);
  const bad = p.cli(['migrate', 'status'], { env: { ANTQ_SERVER_THREADS: 'many' } });
  assert.match(bad.stderr, /server\.threads must be an integer/);
});

test('migrate status lists every migration as applied', () => {
  const p = prepare({ demo: false });
  const r = p.cli(['migrate', 'status']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /0001 units\s+applied/);
  assert.match(r.stdout, /0003 audit\s+applied/);
  assert.doesNotMatch(r.stdout, /pending/);
  const numbers = r.stdout.trim().split('\n').map((l) => Number(l.slice(0, 4)));
  assert.deepEqual(numbers, numbers.map((_, i) => i + 1), 'numbered 1, 2, 3 … without gaps');
});

test('the CLI manages users and units; bad CSV changes nothing', () => {
  const p = prepare();
  const add = p.cli(['user', 'add', 'can.bo.moi', '--full-name', 'Cán Bộ Mới', '--role', 'officer', '--unit', '02545'],
    { env: { ANTQ_PASSWORD: PASSWORD } });
  assert.equal(add.status, 0, add.stderr);
  assert.match(p.cli(['user', 'list']).stdout, /can\.bo\.moi\s+officer\s+Tân Trào/);
  assert.equal(p.cli(['user', 'disable', 'can.bo.moi']).status, 0);
  assert.match(p.cli(['user', 'list']).stdout, /can\.bo\.moi.*\[đã khóa \/ disabled\]/);
  const weak = p.cli(['user', 'passwd', 'auditor', '--password', 'short']);
  assert.equal(weak.status, 1);
  assert.match(weak.stderr, /password.*Mật khẩu phải có ít nhất 10 ký tự/);
  const csv = join(p.dir, 'bad.csv');
  writeFileSync(csv, 'code,name,kind,parent_code\nOK-1,Thôn Tốt,residential_area,02545\nBAD-1,Thôn Xấu,residential_area,NOWHERE\n');
  const imp = p.cli(['units', 'import', csv]);
  assert.equal(imp.status, 1);
  assert.match(imp.stderr, /dòng\/line 3 parent_code/);
  assert.doesNotMatch(p.cli(['units', 'export']).stdout, /OK-1/);

  // As officers' Excel saves it: Vietnamese headers, ';', dd/mm/yyyy; a dry run first.
  const excel = join(p.dir, 'excel.csv');
  writeFileSync(excel, 'Mã;Tên đơn vị;Loại;Mã cấp trên;Từ ngày\r\nOK-2;Thôn Đồng Vải 2;residential_area;02545;05/02/2026\r\n');
  const dry = p.cli(['units', 'import', '--dry-run', excel]);
  assert.equal(dry.status, 0, dry.stderr);
  assert.match(dry.stdout, /Kiểm tra, chưa ghi gì: 1 mới, 0 cập nhật \(UTF-8\) \/ dry run, nothing written: 1 created, 0 updated/);
  assert.match(dry.stderr, /Nhập đơn vị \/ units: 1 \/ 1 \(100%\)/, 'progress is shown');
  assert.doesNotMatch(p.cli(['units', 'export']).stdout, /OK-2/, 'a dry run writes nothing');
  const real = p.cli(['units', 'import', excel]);
  assert.equal(real.status, 0, real.stderr);
  assert.match(p.cli(['units', 'export']).stdout, /OK-2,Thôn Đồng Vải 2,residential_area,,02545,2026-02-05,/);
});

test('a second server on the same data directory is refused', async () => {
  const server = await start();
  try {
    const r = server.cli(['serve', '--listen', '127.0.0.1:0']);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /another antq process is serving/);
  } finally {
    await server.close();
  }
});

test('a backup taken while serving restores the data as it was', async () => {
  const server = await start();
  const backup = join(server.dir, DB === 'postgres' ? 'backup.dump' : 'backup.db');
  try {
    const admin = await signedIn(server.url, 'admin');
    const tree = await admin.get('/api/v1/units/tree');
    const root = tree.data.roots[0].id;
    await admin.post('/api/v1/units', { code: 'BEFORE-BACKUP', name: 'Trước sao lưu', kind: 'agency', parent_id: root });
    const b = server.cli(['backup', backup]);
    assert.equal(b.status, 0, b.stderr);
    assert.ok(existsSync(backup));
    await admin.post('/api/v1/units', { code: 'AFTER-BACKUP', name: 'Sau sao lưu', kind: 'agency', parent_id: root });
    const refused = server.cli(['restore', backup]);
    assert.equal(refused.status, 1, 'no restore while serving');
    assert.match(refused.stderr, /another antq process is serving/);
  } finally {
    await server.stop();
  }
  const r = server.cli(['restore', backup]);
  assert.equal(r.status, 0, r.stderr);
  const again = await start(server);
  try {
    const admin = await signedIn(again.url, 'admin');
    const codes = (await admin.get('/api/v1/units?page_size=500')).data.items.map((u) => u.code);
    assert.ok(codes.includes('BEFORE-BACKUP'));
    assert.ok(!codes.includes('AFTER-BACKUP'));
    assert.equal(again.cli(['audit', 'verify']).status, 0, 'the restored audit chain is intact');
  } finally {
    await again.close();
  }
});

test('a damaged backup is refused and the live database is untouched', () => {
  if (DB === 'postgres') return;  // pg_restore validates its own format
  const p = prepare();
  const junk = join(p.dir, 'junk.db');
  writeFileSync(junk, 'this is not a database');
  const r = p.cli(['restore', junk]);
  assert.equal(r.status, 1);
  assert.match(p.cli(['user', 'list']).stdout, /officer\.tantrao/);
  rmSync(p.dir, { recursive: true, force: true });
});

test('when the worker queue is full, requests get 503 with Retry-After quickly', async () => {
  const server = await start(prepare(), { args: ['--set', 'server.workers=1', '--set', 'server.queue=1'] });
  try {
    const tries = Array.from({ length: 12 }, () => new Client(server.url).login('admin'));
    const results = await Promise.all(tries);
    const statuses = results.map((r) => r.status);
    assert.ok(statuses.includes(200), statuses.join());
    const busy = results.find((r) => r.status === 503);
    assert.ok(busy, statuses.join());
    assert.equal(busy.data.type, '/problems/overloaded');
    assert.equal(busy.headers.get('retry-after'), '1');
    assert.equal((await new Client(server.url).get('/healthz')).status, 200, 'cheap routes still answer');
  } finally {
    await server.close();
  }
});

test('SIGTERM lets requests in flight finish, then the server exits cleanly', async () => {
  const server = await start();
  const slow = new Client(server.url).login('admin');  // Argon2id: tens of milliseconds
  await new Promise((ok) => setTimeout(ok, 30));
  const exited = server.stop('SIGTERM');
  const r = await slow;
  assert.equal(r.status, 200);
  const { code } = await exited;
  assert.equal(code, 0);
  assert.match(server.logs(), /stopping: no new connections/);
  assert.match(server.logs(), /stopped/);
  await assert.rejects(fetch(server.url + '/healthz'));
  rmSync(server.dir, { recursive: true, force: true });
});

test('four instances migrating one fresh database at once all succeed, each migration once', async () => {
  const url = freshDatabaseUrl();
  const p = prepare({ demo: false });
  const q = prepare({ demo: false });
  const run = (prep) => new Promise((resolve) => {
    const child = spawn(BIN, ['migrate', '--data', prep.dir], { env: { ...prep.env, ANTQ_DATABASE_URL: url } });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => resolve({ code, err }));
  });
  const results = await Promise.all([run(p), run(q), run(p), run(q)]);
  for (const r of results) assert.equal(r.code, 0, r.err);
  const applied = results.map((r) => /applied (\d+) migration/.exec(r.err)?.[1] ?? '0');
  const status = p.cli(['migrate', 'status'], { env: { ANTQ_DATABASE_URL: url } }).stdout;
  const total = status.trim().split('\n').length;
  assert.ok(total >= 5);
  assert.equal((status.match(/applied/g) ?? []).length, total);
  assert.equal(applied.map(Number).reduce((a, b) => a + b, 0), total, `each migration applied once: ${applied}`);
});
