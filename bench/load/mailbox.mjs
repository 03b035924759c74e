// Mailbox benchmark (make bench): the receipt derivation, the submission rate it allows,
// a flood of submissions while staff keep working, the inbox and the search over the
// decrypted text. Prints figures; targets from issue 3 are printed beside them.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import { join, dirname } from 'node:path';
import { existsSync } from 'node:fs';
import net from 'node:net';

const root = new URL('../..', import.meta.url).pathname;
const BIN = process.env.ANTQ_BIN ?? join(root, 'build/release/antq');
const PASSWORD = 'mat-khau-do-hieu-nang';
const SECONDS = process.env.BENCH_SECONDS ?? '5';
const SEARCH_TIPS = Number(process.env.BENCH_SEARCH_TIPS ?? 2000);
const work = mkdtempSync(join(tmpdir(), 'antq-mailbench-'));
chmodSync(work, 0o755);
const children = [];
process.on('exit', () => { for (const c of children) if (c.exitCode === null) c.kill('SIGKILL'); });

// One receipt derivation alone (Argon2id with the receipt limits), timed by the
// micro-benchmark built next to the server, on one thread and on every core at once.
function derivations() {
  const micro = join(dirname(BIN), 'antq_micro_bench');
  if (!existsSync(micro)) return null;
  const out = JSON.parse(execFileSync(micro, ['--benchmark_filter=ReceiptDerivation', '--benchmark_format=json',
    '--benchmark_min_time=2'], { encoding: 'utf8' }));
  const one = out.benchmarks.find((b) => b.threads === 1);
  const all = out.benchmarks.find((b) => b.threads > 1);
  return { oneMs: one.real_time, together: all ? all.items_per_second : NaN };
}

const freePort = () => new Promise((ok) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => ok(p)); });
});

function wrk(url, { script, connections, threads = 2, seconds = SECONDS }) {
  const out = execFileSync('wrk', ['-t', String(threads), '-c', String(connections), '-d', `${seconds}s`, '--latency',
    '--timeout', '10s', ...(script ? ['-s', script] : []), url], { encoding: 'utf8' });
  const p99 = /\s99%\s+([\d.]+)(us|ms|s)/.exec(out);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out);
  const total = /(\d+) requests in/.exec(out);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)[1]),
    p99: p99 ? Number(p99[1]) * { us: 0.001, ms: 1, s: 1000 }[p99[2]] : NaN,
    requests: Number(total[1]),
    non2xx: non2xx ? Number(non2xx[1]) : 0,
  };
}

function runWrkAsync(url, opts) {
  return new Promise((resolve) => setImmediate(() => resolve(wrk(url, opts))));
}

async function main() {
  const data = join(work, 'data');
  const demo = execFileSync(BIN, ['demo', '--data', data, '--password', PASSWORD], { encoding: 'utf8' });
  const port = await freePort();
  const antq = spawn(BIN, ['serve', '--data', data, '--listen', `127.0.0.1:${port}`, '--set', 'log.level=warn'], { stdio: 'ignore' });
  children.push(antq);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 500; i++) {
    try { if ((await fetch(`${base}/healthz`)).ok) break; } catch { /* starting */ }
    await new Promise((ok) => setTimeout(ok, 10));
  }
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'officer.tantrao', password: PASSWORD }) });
  const cookie = /antq_session=[^;]+/.exec(login.headers.get('set-cookie'))[0];
  const tree = await (await fetch(`${base}/api/v1/units/tree`, { headers: { cookie } })).json();
  const unitId = tree.roots[0].id;

  // One derivation, measured as the server does it: a submission costs one Argon2id.
  const t0 = performance.now();
  const probes = 5;
  for (let i = 0; i < probes; i++) {
    await fetch(`${base}/api/v1/public/tips`, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ unit_id: unitId, kind: 'suggestion', description: 'đo', consent: true }) });
  }
  const oneSubmissionMs = (performance.now() - t0) / probes;

  const text = 'Nội dung tin báo dài khoảng hai nghìn byte để đo hiệu năng. '.repeat(32).slice(0, 2000);
  const submitLua = join(work, 'submit.lua');
  writeFileSync(submitLua, `wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = [[${JSON.stringify({ unit_id: unitId, kind: 'denunciation', description: text, consent: true })}]]\n`);
  const cookieLua = join(work, 'cookie.lua');
  writeFileSync(cookieLua, `wrk.headers["Cookie"] = "${cookie}"\n`);

  const cores = availableParallelism();
  const derived = derivations();
  const steady = wrk(`${base}/api/v1/public/tips`, { script: submitLua, connections: 8 });
  const ceiling = cores / ((derived ? derived.oneMs : oneSubmissionMs) / 1000);

  // A flood of submissions and staff reading their inbox in the same seconds.
  const [flood, staff] = await Promise.all([
    runWrkAsync(`${base}/api/v1/public/tips`, { script: submitLua, connections: 128, threads: 1 }),
    new Promise((ok) => setTimeout(() => ok(wrk(`${base}/api/v1/tips?page_size=50`, { script: cookieLua, connections: 4, threads: 1 })), 50)),
  ]);

  // Search over the decrypted text of SEARCH_TIPS tips.
  const have = (await (await fetch(`${base}/api/v1/tips?page_size=1`, { headers: { cookie } })).json()).total;
  const times = [];
  for (let i = 0; i < 5; i++) {
    const s0 = performance.now();
    await fetch(`${base}/api/v1/tips?q=dien%20bien&page_size=50`, { headers: { cookie } });
    times.push(performance.now() - s0);
  }
  times.sort((a, b) => a - b);
  // One officer loading pages (the latency a person sees), then four at once.
  const inbox = wrk(`${base}/api/v1/tips?page_size=50`, { script: cookieLua, connections: 1, threads: 1, seconds: 3 });
  const inbox4 = wrk(`${base}/api/v1/tips?page_size=50`, { script: cookieLua, connections: 4, seconds: 3 });

  console.log(`\nantq mailbox benchmark — ${new Date().toISOString()} — ${cores} cores, SQLite\n`);
  console.log('| measure | result | target |');
  console.log('|---|---:|---|');
  if (derived) {
    console.log(`| one receipt derivation alone, one thread | ${derived.oneMs.toFixed(1)} ms | — |`);
    console.log(`| derivations alone, every core at once | ${derived.together.toFixed(1)}/s | — |`);
  }
  console.log(`| one submission (Argon2id receipt derivation + sealing + audit + durable commit), sequential | ${oneSubmissionMs.toFixed(0)} ms | — |`);
  console.log(`| submissions/s, 2 KB text, 8 clients | ${steady.rps.toFixed(1)} (p99 ${steady.p99.toFixed(0)} ms) | ≥ 0.9 × cores ÷ one ${derived ? 'derivation' : 'submission'} = ${(0.9 * ceiling).toFixed(1)}; p99 ≤ 250 ms |`);
  console.log(`| flood, 128 clients: answered / refused fast (503) | ${flood.requests - flood.non2xx} / ${flood.non2xx} (p99 ${flood.p99.toFixed(0)} ms) | quick 429/503 |`);
  console.log(`| staff inbox during the flood, p99 | ${staff.p99.toFixed(1)} ms (${staff.non2xx} errors) | ≤ 50 ms |`);
  console.log(`| inbox page of 50 out of ${have} tips, one officer, p99 | ${inbox.p99.toFixed(1)} ms | ≤ 10 ms (1,000,000 tips: antq_scale_bench) |`);
  console.log(`| the same, four officers at once, p99 | ${inbox4.p99.toFixed(1)} ms | — |`);
  console.log(`| search over the decrypted text of ${have} tips, median | ${times[2].toFixed(0)} ms | ≤ 200 ms at 10,000 |`);
  void demo;
  antq.kill('SIGTERM');
  await new Promise((ok) => setTimeout(ok, 300));
  rmSync(work, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
});
