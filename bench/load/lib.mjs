// What the load benchmarks share: free ports, waiting for a server, wrk, and nginx serving
// static files as the reference.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import net from 'node:net';

export const DURATION = process.env.BENCH_SECONDS ?? '5';
export const CONNECTIONS = process.env.BENCH_CONNECTIONS ?? '64';

// Servers started by a run are stopped whatever happens.
export const children = [];
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

export const freePort = () => new Promise((ok) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => ok(p)); });
});

export async function waitFor200(url, timeoutMs = 10000) {
  const start = performance.now();
  while (performance.now() - start < timeoutMs) {
    try {
      const r = await fetch(url);
      if (r.status === 200) return performance.now() - start;
    } catch { /* not listening yet */ }
    await new Promise((ok) => setTimeout(ok, 2));
  }
  throw new Error(`no 200 from ${url}`);
}

export function wrk(url, { script, threads = 2, connections = CONNECTIONS } = {}) {
  const args = ['-t', String(threads), '-c', String(connections), '-d', `${DURATION}s`, '--latency', '--timeout', '10s'];
  if (script) args.push('-s', script);
  const out = execFileSync('wrk', [...args, url], { encoding: 'utf8' });
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)[1]);
  const p99raw = /\s99%\s+([\d.]+)(us|ms|s)/.exec(out);
  const scale = { us: 0.001, ms: 1, s: 1000 }[p99raw[2]];
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out);
  return { rps, p99: Number(p99raw[1]) * scale, errors: non2xx ? Number(non2xx[1]) : 0 };
}

// nginx on a free port serving `files` ({ name: content }) from `dir`; resolves to its base URL.
export async function startNginx(dir, files) {
  const port = await freePort();
  mkdirSync(join(dir, 'html'), { recursive: true });
  mkdirSync(join(dir, 'logs'), { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, 'html', name), content);
  writeFileSync(join(dir, 'nginx.conf'), `
worker_processes auto; daemon off; pid ${dir}/nginx.pid; error_log ${dir}/logs/error.log warn;
events { worker_connections 4096; }
http { access_log off; default_type application/json; server { listen 127.0.0.1:${port}; root ${dir}/html; } }
`);
  const nginx = spawn('nginx', ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore' });
  children.push(nginx);
  const base = `http://127.0.0.1:${port}`;
  await waitFor200(`${base}/${Object.keys(files)[0]}`);
  return { base, stop: () => nginx.kill('SIGQUIT') };
}

// Runs each scenario once unmeasured (a server just started has cold caches: the first
// run of a search measured here was a third slower than the next), then three times,
// alternating, and keeps the median of each: a noisy moment does not decide a ratio. A
// scenario is [name, run, index of its reference].
export function medianOfThree(scenarios) {
  scenarios.forEach(([, run]) => run());
  const runs = scenarios.map(() => []);
  for (let round = 0; round < 3; round++) scenarios.forEach(([, run], i) => runs[i].push(run()));
  const median = (xs) => [...xs].sort((a, b) => a.rps - b.rps)[1];
  return scenarios.map(([name, , ref], i) => ({ name, result: median(runs[i]), ref }));
}

export function printTable(title, results) {
  console.log(`\n${title}\n`);
  console.log('| scenario | requests/s (median of 3) | p99 (ms) | ratio to its nginx reference | non-2xx |');
  console.log('|---|---:|---:|---:|---:|');
  for (const { name, result, ref } of results) {
    const ratio = ref === undefined ? '—' : `${(result.rps / results[ref].result.rps).toFixed(2)}×`;
    console.log(`| ${name} | ${result.rps.toFixed(0)} | ${result.p99.toFixed(2)} | ${ratio} | ${result.errors} |`);
  }
}
