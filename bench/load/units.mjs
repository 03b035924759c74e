// Units load benchmark (make bench): the unit tree of a province reviewer (Tuyên Quang,
// 443 units with their predecessors) and of a national administrator (13,301 units), and
// locating points among the 3,321 communes' boundaries, each against nginx serving the
// same bytes as a static file in the same run.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, chmodSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { children, freePort, waitFor200, wrk, startNginx, medianOfThree, printTable, CONNECTIONS, DURATION } from './lib.mjs';

const root = new URL('../..', import.meta.url).pathname;
const BIN = process.env.ANTQ_BIN ?? join(root, 'build/release/antq');
const REFDATA = join(root, 'refdata/vn-units-2025');
const PASSWORD = 'mat-khau-do-hieu-nang';
const work = mkdtempSync(join(tmpdir(), 'antq-bench-units-'));
chmodSync(work, 0o755);  // nginx workers run as nobody

async function signIn(base, username) {
  const r = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }),
  });
  return /antq_session=[^;]+/.exec(r.headers.get('set-cookie'))[0];
}

// A wrk script sending the session cookie, and for locate a random point of Tuyên Quang per request.
function script(name, cookie, body = '') {
  const path = join(work, `${name}.lua`);
  writeFileSync(path, `wrk.headers["Cookie"] = "${cookie}"\n${body}`);
  return path;
}

async function main() {
  const data = join(work, 'data');
  const run = (...args) => execFileSync(BIN, [...args, '--data', data], { stdio: 'ignore' });
  run('demo', '--password', PASSWORD);
  run('units', 'import-official', REFDATA);
  const communes = readdirSync(join(REFDATA, 'boundaries/communes')).map((f) => join(REFDATA, 'boundaries/communes', f));
  run('units', 'boundaries', 'import', ...communes);

  const port = await freePort();
  const antq = spawn(BIN, ['serve', '--data', data, '--listen', `127.0.0.1:${port}`, '--set', 'log.level=warn'], { stdio: 'ignore' });
  children.push(antq);
  const base = `http://127.0.0.1:${port}`;
  await waitFor200(`${base}/healthz`);
  const reviewer = await signIn(base, 'reviewer.tuyenquang');
  const admin = await signIn(base, 'admin');
  const get = async (path, cookie) => (await fetch(`${base}${path}`, { headers: { cookie } })).text();
  const provinceTree = await get('/api/v1/units/tree?history=1', reviewer);
  const nationTree = await get('/api/v1/units/tree?history=1', admin);
  const locatePath = '/api/v1/units/locate?lat=21.80561&lon=105.45156';
  const located = await get(locatePath, reviewer);

  const nginx = await startNginx(join(work, 'nginx'), {
    'province.json': provinceTree, 'nation.json': nationTree, 'locate.json': located,
  });
  const reviewerScript = script('reviewer', reviewer);
  const adminScript = script('admin', admin);
  // Random points in Tuyên Quang's box, so that each request tests different communes.
  const locateScript = script('locate', reviewer, `math.randomseed(7)
request = function()
  local lat = 21.5 + math.random() * 1.3
  local lon = 104.5 + math.random() * 1.4
  return wrk.format(nil, string.format("/api/v1/units/locate?lat=%.5f&lon=%.5f", lat, lon))
end
`);
  const results = medianOfThree([
    [`nginx static province tree (${(provinceTree.length / 1024).toFixed(0)} KB)`, () => wrk(`${nginx.base}/province.json`)],
    ['antq GET /api/v1/units/tree?history=1 as the Tuyên Quang reviewer (443 units)', () => wrk(`${base}/api/v1/units/tree?history=1`, { script: reviewerScript }), 0],
    [`nginx static national tree (${(nationTree.length / 1048576).toFixed(1)} MB)`, () => wrk(`${nginx.base}/nation.json`)],
    ['antq GET /api/v1/units/tree?history=1 as a national admin (13,301 units)', () => wrk(`${base}/api/v1/units/tree?history=1`, { script: adminScript }), 2],
    ['nginx static locate answer', () => wrk(`${nginx.base}/locate.json`)],
    ['antq GET /api/v1/units/locate, random points of Tuyên Quang among 3,321 communes', () => wrk(`${base}${locatePath}`, { script: locateScript }), 4],
  ]);
  printTable(`antq units load benchmark — ${new Date().toISOString()} — wrk ${CONNECTIONS} connections, ${DURATION} s each, ${spawnSync('nproc').stdout.toString().trim()} cores`, results);
  console.log('targets: province reviewer tree ≥ 0.5× nginx; national tree: reported; locate ≥ 0.3× nginx');
  antq.kill('SIGTERM');
  nginx.stop();
  await new Promise((ok) => setTimeout(ok, 300));
  rmSync(work, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
