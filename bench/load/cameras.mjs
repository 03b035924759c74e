// Cameras load benchmark (make bench): "who could have seen it" at 200 m among 1,000,000
// cameras (200,000 of them in a 20 × 20 km city around Tân Trào), each request a random
// point of the city and audited, against nginx serving an answer of the same size as a
// static file in the same run; then the server's peak memory (VmHWM). SQLite by default;
// ANTQ_BENCH_DB_URL=postgresql://… (an empty database) runs the same on PostgreSQL.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, chmodSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { children, freePort, waitFor200, wrk, startNginx, medianOfThree, printTable, CONNECTIONS, DURATION } from './lib.mjs';

const root = new URL('../..', import.meta.url).pathname;
const BIN = process.env.ANTQ_BIN ?? join(root, 'build/release/antq');
const FILL = process.env.ANTQ_CAMERAS_BENCH ?? join(dirname(BIN), 'antq_cameras_bench');
const PASSWORD = 'mat-khau-do-hieu-nang';
const DB_URL = process.env.ANTQ_BENCH_DB_URL;
const database = DB_URL ? ['--database-url', DB_URL] : [];
const work = mkdtempSync(join(tmpdir(), 'antq-bench-cameras-'));
chmodSync(work, 0o755);  // nginx workers run as nobody

const peakKb = (pid) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);

async function main() {
  const data = join(work, 'data');
  execFileSync(BIN, ['demo', '--password', PASSWORD, '--data', data, ...database], { stdio: 'ignore' });
  execFileSync(FILL, ['--data', data], { stdio: 'inherit' });

  const port = await freePort();
  const antq = spawn(BIN, ['serve', '--data', data, ...database, '--listen', `127.0.0.1:${port}`, '--set', 'log.level=warn'], { stdio: 'ignore' });
  children.push(antq);
  const base = `http://127.0.0.1:${port}`;
  await waitFor200(`${base}/healthz`);
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'officer.tantrao', password: PASSWORD }),
  });
  const cookie = /antq_session=[^;]+/.exec(login.headers.get('set-cookie'))[0];
  const at = new Date(Date.now() + 6 * 3600e3).toISOString().slice(0, 16);  // an hour ago, Vietnam time
  const path = `/api/v1/cameras/search?lat=21.80561&lon=105.45156&at=${at}&radius=200&reason=bench`;
  const answer = await (await fetch(`${base}${path}`, { headers: { cookie } })).text();
  const nginx = await startNginx(join(work, 'nginx'), { 'search.json': answer });
  const script = join(work, 'search.lua');
  writeFileSync(script, `wrk.headers["Cookie"] = "${cookie}"
math.randomseed(7)
request = function()
  local lat = 21.80561 + (math.random() - 0.5) * 0.18
  local lon = 105.45156 + (math.random() - 0.5) * 0.19
  return wrk.format(nil, string.format("/api/v1/cameras/search?lat=%.6f&lon=%.6f&at=${at}&radius=200&reason=bench", lat, lon))
end
`);
  const results = medianOfThree([
    [`nginx static search answer (${(answer.length / 1024).toFixed(1)} KB)`, () => wrk(`${nginx.base}/search.json`)],
    ['antq GET /api/v1/cameras/search, random points of the city, 200 m, audited', () => wrk(`${base}${path}`, { script }), 0],
  ]);
  printTable(`antq cameras load benchmark — ${new Date().toISOString()} — ${DB_URL ? 'PostgreSQL' : 'SQLite'} — 1,000,000 cameras — wrk ${CONNECTIONS} connections, ${DURATION} s each, ${spawnSync('nproc').stdout.toString().trim()} cores`, results);
  console.log(`antq server peak memory (VmHWM) with 1,000,000 cameras, after the runs: ${(peakKb(antq.pid) / 1024).toFixed(0)} MB (target ≤ 300 MB)`);
  console.log('target: search ≥ 0.3× nginx');
  antq.kill('SIGTERM');
  nginx.stop();
  await new Promise((ok) => setTimeout(ok, 300));
  rmSync(work, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
