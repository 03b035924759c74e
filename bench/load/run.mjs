// Load benchmark (make bench): antq and nginx side by side on loopback, measured by wrk.
// Prints requests/s and p99 for /healthz, an authenticated units tree over 1,000 units
// and login, each also as a ratio to nginx serving a static JSON file in the same run;
// then antq's idle RSS and its time from start to the first 200.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { children, freePort, waitFor200, wrk, CONNECTIONS, DURATION } from './lib.mjs';

const root = new URL('../..', import.meta.url).pathname;
const BIN = process.env.ANTQ_BIN ?? join(root, 'build/release/antq');
const PASSWORD = 'mat-khau-do-hieu-nang';
const work = mkdtempSync(join(tmpdir(), 'antq-bench-'));
chmodSync(work, 0o755);  // nginx workers run as nobody

function unitsCsv(count) {
  const lines = ['code,name,kind,designation,parent_code,valid_from,valid_to,remote,note'];
  for (let i = 0; i < count; i++) lines.push(`BENCH-${i},Thôn Đo Hiệu Năng ${i},residential_area,thôn,02545,,,0,`);
  return lines.join('\n') + '\n';
}

async function main() {
  const data = join(work, 'data');
  execFileSync(BIN, ['demo', '--data', data, '--password', PASSWORD], { stdio: 'ignore' });
  writeFileSync(join(work, 'units.csv'), unitsCsv(1000));
  execFileSync(BIN, ['units', 'import', join(work, 'units.csv'), '--data', data], { stdio: 'ignore' });

  const port = await freePort();
  const antq = spawn(BIN, ['serve', '--data', data, '--listen', `127.0.0.1:${port}`, '--set', 'log.level=warn'],
    { stdio: 'ignore' });
  children.push(antq);
  const startMs = await waitFor200(`http://127.0.0.1:${port}/healthz`);
  const base = `http://127.0.0.1:${port}`;

  await new Promise((ok) => setTimeout(ok, 1000));
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${antq.pid}/status`, 'utf8'))[1]);

  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'officer.tantrao', password: PASSWORD }),
  });
  const cookie = /antq_session=[^;]+/.exec(login.headers.get('set-cookie'))[0];
  const treeCheck = await (await fetch(`${base}/api/v1/units/tree`, { headers: { cookie } })).json();
  const unitCount = (function count(nodes) { return nodes.reduce((n, x) => n + 1 + count(x.children), 0); })(treeCheck.roots);

  const nginxPort = await freePort();
  const nginxDir = join(work, 'nginx');
  execFileSync('mkdir', ['-p', join(nginxDir, 'html'), join(nginxDir, 'logs')]);
  writeFileSync(join(nginxDir, 'html', 'healthz.json'), JSON.stringify({ status: 'ok' }));
  // The same tree antq serves, as a static file: the reference for the tree scenario.
  writeFileSync(join(nginxDir, 'html', 'tree.json'), await (await fetch(`${base}/api/v1/units/tree`, { headers: { cookie } })).text());
  writeFileSync(join(nginxDir, 'nginx.conf'), `
worker_processes auto; daemon off; pid ${nginxDir}/nginx.pid; error_log ${nginxDir}/logs/error.log warn;
events { worker_connections 4096; }
http { access_log off; server { listen 127.0.0.1:${nginxPort}; root ${nginxDir}/html; } }
`);
  const nginx = spawn('nginx', ['-c', join(nginxDir, 'nginx.conf'), '-p', nginxDir], { stdio: 'ignore' });
  children.push(nginx);
  await waitFor200(`http://127.0.0.1:${nginxPort}/healthz.json`);

  const cookieScript = join(work, 'cookie.lua');
  writeFileSync(cookieScript, `wrk.headers["Cookie"] = "${cookie}"\n`);
  const loginScript = join(work, 'login.lua');
  writeFileSync(loginScript, `wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n` +
    `wrk.body = '{"username":"auditor","password":"${PASSWORD}"}'\n`);

  // Alternate the servers over three rounds and keep each scenario's median, so that a
  // noisy moment does not decide a ratio.
  const scenarios = [
    ['nginx static JSON {"status":"ok"}', () => wrk(`http://127.0.0.1:${nginxPort}/healthz.json`)],
    ['antq GET /healthz', () => wrk(`${base}/healthz`), 0],
    [`nginx static tree.json (same bytes as antq's tree)`, () => wrk(`http://127.0.0.1:${nginxPort}/tree.json`)],
    [`antq GET /api/v1/units/tree (${unitCount} units, signed in)`, () => wrk(`${base}/api/v1/units/tree`, { script: cookieScript }), 2],
    ['antq POST /api/v1/auth/login (Argon2id, 4 connections)', () => wrk(`${base}/api/v1/auth/login`, { script: loginScript, connections: 4 }), 0],
  ];
  const runs = scenarios.map(() => []);
  for (let round = 0; round < 3; round++) scenarios.forEach(([, run], i) => runs[i].push(run()));
  const median = (xs, f) => [...xs].sort((a, b) => f(a) - f(b))[1];
  const results = scenarios.map(([name, , ref], i) => [name, median(runs[i], (r) => r.rps), ref]);
  console.log(`\nantq load benchmark — ${new Date().toISOString()} — wrk ${CONNECTIONS} connections, ${DURATION} s each, ${spawnSync('nproc').stdout.toString().trim()} cores\n`);
  console.log('| scenario | requests/s (median of 3) | p99 (ms) | ratio to its nginx reference | non-2xx |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [name, r, ref] of results) {
    const ratio = ref === undefined ? '—' : `${(r.rps / results[ref][1].rps).toFixed(2)}×`;
    console.log(`| ${name} | ${r.rps.toFixed(0)} | ${r.p99.toFixed(2)} | ${ratio} | ${r.errors} |`);
  }
  console.log(`\nidle RSS after start: ${(rssKb / 1024).toFixed(1)} MB (target ≤ 30 MB)`);
  console.log(`start to first 200: ${startMs.toFixed(0)} ms (target ≤ 150 ms)`);
  console.log('targets: /healthz ≥ 1.0× nginx, units tree ≥ 0.5× nginx');

  antq.kill('SIGTERM');
  nginx.kill('SIGQUIT');
  await new Promise((ok) => setTimeout(ok, 300));
  rmSync(work, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
});
