// Helpers for black-box tests: start the real antq binary on a fresh database (SQLite,
// or PostgreSQL when ANTQ_TEST_DB=postgres) and talk to it over HTTP.
import { spawn, execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, readdirSync, readFileSync, statSync, existsSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHmac, randomBytes } from 'node:crypto';
import assert from 'node:assert/strict';

// The test build of the binary (antq-test): the same code as antq, and it accepts the
// test clock (ANTQ_TEST_CLOCK_FILE), which the installed antq refuses.
export const BIN = process.env.ANTQ_BIN ?? new URL('../../build/release/antq-test', import.meta.url).pathname;
export const DB = process.env.ANTQ_TEST_DB ?? 'sqlite';
export const PASSWORD = 'mat-khau-thu-nghiem';

function newPostgresDatabase() {
  const admin = process.env.ANTQ_PG_URL;
  if (!admin) throw new Error('ANTQ_TEST_DB=postgres needs ANTQ_PG_URL');
  const name = `antq_it_${randomBytes(6).toString('hex')}`;
  execFileSync('psql', [admin, '-q', '-v', 'ON_ERROR_STOP=1', '-c', `CREATE DATABASE ${name}`]);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

// Drops a database made by newPostgresDatabase (the cluster outlives the suites; left
// behind, hundreds of them make every scan of its data directory slow).
function dropPostgresDatabase(url) {
  const name = new URL(url).pathname.slice(1);
  if (!/^antq_it_[0-9a-f]+$/.test(name)) return;
  execFileSync('psql', [process.env.ANTQ_PG_URL, '-q', '-c', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
}

// A database nobody has migrated yet.
export function freshDatabaseUrl() {
  if (DB === 'postgres') return newPostgresDatabase();
  return `sqlite://${mkdtempSync(join(tmpdir(), 'antq-fresh-'))}/antq.db`;
}

export function psql(url, sql) {
  return execFileSync('psql', [url, '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8' });
}

// A data directory (and database) with or without the demo data; not serving yet.
export function prepare({ demo = true, env = {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'antq-it-'));
  // The test clock: the server and every command add the milliseconds in this file to
  // the system clock, so a test moves time forward instead of sleeping.
  const clockFile = join(dir, 'test-clock-offset-ms');
  const baseEnv = { ...process.env, ANTQ_LOG_LEVEL: 'info', ANTQ_TEST_CLOCK_FILE: clockFile, ...env };
  delete baseEnv.ANTQ_DATA;
  if (DB === 'postgres' && !baseEnv.ANTQ_DATABASE_URL) baseEnv.ANTQ_DATABASE_URL = newPostgresDatabase();
  const cli = (args, options = {}) =>
    spawnSync(BIN, [...args, '--data', dir], { env: { ...baseEnv, ...(options.env ?? {}) }, encoding: 'utf8', input: options.input });
  const r = demo ? cli(['demo', '--password', PASSWORD]) : cli(['init']);
  if (r.status !== 0) throw new Error(`antq ${demo ? 'demo' : 'init'} failed: ${r.stderr}`);
  const advanceClock = (ms) => {
    const now = existsSync(clockFile) ? Number(readFileSync(clockFile, 'utf8')) : 0;
    writeFileSync(`${clockFile}.new`, String(now + ms));
    renameSync(`${clockFile}.new`, clockFile);  // whole, never an empty file to a reader
  };
  return {
    dir, env: baseEnv, cli, advanceClock, demoOutput: r.stdout,
    databaseUrl: baseEnv.ANTQ_DATABASE_URL ?? `sqlite://${dir}/antq.db`,
  };
}

// Starts `antq serve` on a free port and resolves when it listens.
export async function start(prepared = prepare(), { env = {}, args = [] } = {}) {
  const proc = spawn(BIN, ['serve', '--data', prepared.dir, '--listen', '127.0.0.1:0', ...args], {
    env: { ...prepared.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`antq did not start:\n${log}`)), 20000);
    proc.stderr.on('data', (chunk) => {
      log += chunk;
      const m = /listening on (https?:\/\/[^\s]+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    proc.on('exit', (code) => reject(new Error(`antq exited with ${code}:\n${log}`)));
  });
  proc.stderr.on('data', (chunk) => (log += chunk));
  const exited = new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    ...prepared,
    url,
    proc,
    exited,
    logs: () => log,
    async stop(signal = 'SIGTERM') {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      return exited;
    },
    async close() {
      await this.stop();
      rmSync(prepared.dir, { recursive: true, force: true });
      if (DB === 'postgres') dropPostgresDatabase(prepared.databaseUrl);
    },
  };
}

// An HTTP client with one session cookie and the CSRF token of its last sign-in.
export class Client {
  constructor(base) {
    this.base = base;
    this.cookie = '';
    this.csrf = '';
  }

  async request(method, path, { json, body, headers = {}, csrf = true } = {}) {
    const h = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (csrf && this.csrf && method !== 'GET' && method !== 'HEAD') h['x-csrf-token'] = this.csrf;
    let payload = body;
    if (json !== undefined) {
      h['content-type'] = 'application/json';
      payload = JSON.stringify(json);
    }
    const res = await fetch(this.base + path, { method, headers: h, body: payload, redirect: 'manual' });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const m = /antq_session=([^;]*)/.exec(setCookie);
      if (m) this.cookie = m[1] ? `antq_session=${m[1]}` : '';
    }
    const bytes = Buffer.from(await res.arrayBuffer());
    const text = new TextDecoder().decode(bytes);  // drops a BOM, as fetch's text() does
    let data = null;
    const type = res.headers.get('content-type') ?? '';
    if (type.includes('json') && text) data = JSON.parse(text);
    return { status: res.status, headers: res.headers, text, bytes, data, setCookie };
  }

  get(path, o) { return this.request('GET', path, o); }
  post(path, json, o = {}) { return this.request('POST', path, { json, ...o }); }
  patch(path, json, o = {}) { return this.request('PATCH', path, { json, ...o }); }
  put(path, json, o = {}) { return this.request('PUT', path, { json, ...o }); }

  async login(username, password = PASSWORD, totp) {
    const r = await this.post('/api/v1/auth/login', { username, password, ...(totp ? { totp } : {}) });
    if (r.status === 200) this.csrf = r.data.csrf_token;
    return r;
  }
}

export async function signedIn(base, username, password = PASSWORD) {
  const c = new Client(base);
  const r = await c.login(username, password);
  if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${r.text}`);
  return c;
}

// The demo's people who use the community modules: each commune's officer, Khuôn Điển's
// team member, the province's reviewer, the administrator and the auditor.
export const DEMO_PEOPLE = ['officer.tantrao', 'officer.kienthiet', 'team.khuondien', 'reviewer.tuyenquang', 'admin', 'auditor'];

// Signs each of `names` in (one after another: sign-ins are rate-limited) into `into`, by name.
export async function signInPeople(base, into = {}, names = DEMO_PEOPLE) {
  for (const name of names) into[name] = await signedIn(base, name);
  return into;
}

// RFC 6238 TOTP (SHA-1, 30 s, 6 digits) from a base32 secret.
export function totp(secret, when = Date.now()) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of secret.replace(/=+$/, '')) bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  const key = Buffer.alloc(Math.floor(bits.length / 8));
  for (let i = 0; i < key.length; i++) key[i] = parseInt(bits.slice(i * 8, i * 8 + 8), 2);
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(when / 30000)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 1000000;
  return String(code).padStart(6, '0');
}

// Units of the demo by code, as the admin sees them.
export async function unitIds(base) {
  const admin = await signedIn(base, 'admin');
  const ids = {};
  for (let page = 1; ; page++) {
    const r = await admin.get(`/api/v1/units?history=1&page_size=500&page=${page}`);
    for (const u of r.data.items) ids[u.code] = u.id;
    if (r.data.items.length === 0 || Object.keys(ids).length >= r.data.total) return ids;
  }
}

// Every file under the server's data directory (and PostgreSQL's, after a checkpoint).
function storedFiles(server) {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      try {
        if (statSync(p).isDirectory()) walk(p); else files.push(p);
      } catch (e) {
        if (e.code !== 'ENOENT') throw e;
      }
    }
  };
  if (DB === 'postgres') {
    psql(server.databaseUrl, 'CHECKPOINT');
    if (process.env.ANTQ_PG_DATA && existsSync(process.env.ANTQ_PG_DATA)) walk(process.env.ANTQ_PG_DATA);
  }
  walk(server.dir);
  // Temporary files antq or SQLite ("etilqs_…") left at the top of the temp directory
  // (upload spools live in the data directory and have no name).
  for (const name of readdirSync(tmpdir()).filter((n) => /^(antq|etilqs_|sqlite)/.test(n))) {
    const p = join(tmpdir(), name);
    try {
      if (statSync(p).isFile()) files.push(p);
    } catch (e) {
      if (e.code !== 'ENOENT') throw e;
    }
  }
  return files;
}

// Fails when a marker appears in the logs or in any stored byte (database files, WAL,
// PostgreSQL's data directory, temporary files).
export function assertNoMarkers(server, markers) {
  const files = storedFiles(server);
  if (files.length === 0) throw new Error('no files to scan');
  const logs = server.logs();
  for (const m of markers) {
    if (logs.includes(m)) throw new Error(`log holds ${m}`);
    const needle = Buffer.from(m);
    for (const f of files) {
      let bytes;
      try {
        bytes = readFileSync(f);
      } catch (e) {
        if (e.code === 'ENOENT' || e.code === 'EACCES') continue;  // temporary files come and go
        throw e;
      }
      if (bytes.includes(needle)) throw new Error(`${f} holds ${m}`);
    }
  }
}

// A paper mailbox of the commune, opened just now by two people with `letters` letters;
// returns the opening.
export async function openedBox(officer, unitId, letters = 5) {
  const box = await officer.post('/api/v1/mailbox/boxes', { unit_id: unitId, place: 'Trụ sở Công an xã' });
  if (box.status !== 201) throw new Error(`box: ${box.status} ${box.text}`);
  const now = new Date(Date.now() + 7 * 3600 * 1000 - 60000).toISOString().slice(0, 16);
  const opening = await officer.post(`/api/v1/mailbox/boxes/${box.data.id}/openings`, {
    opened_at: now, letters,
    people: [{ name: 'Nguyễn Văn An', position: 'Trưởng Công an xã' }, { name: 'Lê Thị Bình', position: 'Đại diện Mặt trận' }],
  });
  if (opening.status !== 201) throw new Error(`opening: ${opening.status} ${opening.text}`);
  return opening.data;
}

// One SQL query against the server's database (sqlite3 or psql); rows as text lines.
export function sql(server, query) {
  if (DB === 'postgres') return psql(server.databaseUrl, query).trim();
  return execFileSync('sqlite3', [server.databaseUrl.replace('sqlite://', ''), query], { encoding: 'utf8' }).trim();
}

// The citizen pages' check question ("tám cộng sáu bằng mấy?", "eight plus six?") answered
// as a person reads it; from its label's text, or from a whole form's HTML.
const NUMBERS = { không: 0, một: 1, hai: 2, ba: 3, bốn: 4, năm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9,
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
export function checkAnswer(label) {
  const words = label.toLowerCase().match(/[a-zà-ỹđ]+/gu).filter((w) => w in NUMBERS);
  return String(NUMBERS[words.at(-2)] + NUMBERS[words.at(-1)]);
}
export const formAnswer = (html) => checkAnswer(/<label for="answer">([^<]*)<\/label>/.exec(html)[1]);

// The citizen pages as a browser without JavaScript asks for them: plain GETs and
// url-encoded form POSTs, no cookie. `base` is a function, as the server starts later.
export function formClient(base) {
  return {
    get: (path) => fetch(base() + path),
    post: (path, fields) => fetch(base() + path, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString(),
    }),
  };
}

// A file converted by LibreOffice headless (its own profile, so that runs never collide):
// `to` is a --convert-to target ("txt:Text (encoded):UTF8", "xlsx"), `infilter` an
// import filter when the file's own type is not enough.
export function convertWithLibreOffice(bytes, name, to, infilter) {
  const dir = mkdtempSync(join(tmpdir(), 'antq-office-'));
  try {
    writeFileSync(join(dir, name), bytes);
    const args = ['--headless', `-env:UserInstallation=file://${dir}/profile`, ...(infilter ? [`--infilter=${infilter}`] : []),
      '--convert-to', to, '--outdir', join(dir, 'out'), join(dir, name)];
    const r = spawnSync('soffice', args, { encoding: 'utf8', timeout: 90000 });
    const out = join(dir, 'out', name.replace(/\.[a-z]+$/, '.' + to.split(':')[0]));
    assert.ok(existsSync(out), `LibreOffice could not convert it: ${r.stderr}`);
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The text LibreOffice reads from a .docx.
export function docxText(bytes) {
  return convertWithLibreOffice(bytes, 'doc.docx', 'txt:Text (encoded):UTF8').toString('utf8');
}

// Vietnam's calendar day `days` from today (the server runs on the system clock).
export const vnDay = (days = 0) => new Date(Date.now() + 7 * 3600e3 + days * 86400e3).toISOString().slice(0, 10);
// A 422's errors as "field:code", sorted.
export const fieldsOf = (r) => (r.data?.errors ?? []).map((e) => `${e.field}:${e.code}`).sort();
// The number of audit entries of an action.
export const auditEntries = (server, action) =>
  Number(sql(server, `SELECT COUNT(*) FROM audit_log WHERE action = '${action}'`));

// Village security team members are graded for year Y from 01/11/Y to 31/01/(Y+1): the
// year whose window is open on Vietnam's `day`, or null (February to October).
export const openGradingYear = (day = vnDay()) => {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (month >= 11) return year;
  return month === 1 ? year - 1 : null;
};

// The server a grading test runs on and the year it grades: `shared` while a window is
// open today; else a demo of its own whose test clock stands on 20 November, that year's
// window open (`own`: the test closes it).
export async function gradingServer(shared) {
  const open = openGradingYear();
  if (open !== null) return { server: shared, year: open, own: false };
  const year = Number(vnDay().slice(0, 4));
  const prepared = prepare();
  prepared.advanceClock(Date.parse(`${year}-11-20T03:00:00Z`) - Date.now());
  return { server: await start(prepared), year, own: true };
}
