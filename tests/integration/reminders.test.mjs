// The daily reminders through the notification outbox, on a real server: one digest per
// person and channel; a later day tells only what is new; a webhook receiver checks the
// signature of every POST and sees the retries spaced by the back-off; the SMS spool gets
// one UTF-16 file for the officer who chose SMS and has a mobile, which a real gammu-smsd
// (the dummy phone driver) reads and sends as Unicode.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sendWithGammu } from './gammu.mjs';
import { prepare, start, signInPeople, unitIds, sql, vnDay } from './lib.mjs';

const BASE = '/api/v1/community';
const MINUTE = 60e3;
let server;
let ids;
const people = {};
const spool = mkdtempSync(join(tmpdir(), 'antq-spool-'));

// The receiver: answers 500 to the first two attempts of the first notification it gets,
// 200 to everything else; keeps every request.
const received = [];
let failing = null;
const receiver = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    const id = req.headers['x-antq-delivery'];
    received.push({ headers: req.headers, body });
    failing ??= id;
    const tries = received.filter((r) => r.headers['x-antq-delivery'] === id).length;
    res.statusCode = id === failing && tries <= 2 ? 500 : 200;
    res.end();
  });
});

const signatureOk = (secret, { headers, body }) => {
  const expected = `sha256=${createHmac('sha256', secret).update(`${headers['x-antq-timestamp']}.${body}`).digest('hex')}`;
  const given = String(headers['x-antq-signature'] ?? '');
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
};

const userId = (name) => Number(sql(server, `SELECT id FROM users WHERE username = '${name}'`));
const rows = (query) => sql(server, query).trim().split('\n').filter(Boolean);
const runs = () => Number(sql(server, "SELECT COUNT(*) FROM job_runs WHERE job = 'community_reminders' AND finished_at IS NOT NULL"));

async function until(what, check, ms = 20000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`waited in vain for ${what}\n${server.logs().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// The digests queued for a user, by channel: each its body's lines.
function digests(user, day = null) {
  const out = {};
  const where = day ? ` AND dedupe_key LIKE 'reminder:${day}:%'` : '';
  for (const row of rows(`SELECT id || '|' || channel FROM notifications WHERE user_id = ${user}${where} ORDER BY id`)) {
    const [id, channel] = row.split('|');
    out[channel] = sql(server, `SELECT body FROM notifications WHERE id = ${id}`).split('\n');
  }
  return out;
}

before(async () => {
  await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
  const env = {
    ANTQ_NOTIFY_WEBHOOK_URL: `http://127.0.0.1:${receiver.address().port}/antq`,
    ANTQ_NOTIFY_SMS_SPOOL_DIR: spool,
    ANTQ_JOBS_CHECK_SECONDS: '1',
  };
  server = await start(prepare({ env }));
  ids = await unitIds(server.url);
  await signInPeople(server.url, people);
});
after(async () => {
  await server?.close();
  receiver.close();
  rmSync(spool, { recursive: true, force: true });
});

test('each person hears once of what is theirs; a new day tells only what is new; webhook retried, SMS spooled', async () => {
  const officer = userId('officer.tantrao');
  const team = userId('team.khuondien');
  const other = userId('officer.kienthiet');
  // The run at start (the day's slot caught up): the officer's digest on the log and the webhook.
  await until('the first run', () => runs() >= 1);
  const first = digests(officer);
  assert.deepEqual(Object.keys(first).sort(), ['log', 'webhook'], JSON.stringify(first));
  assert.match(first.log[0], /^antq: .+ – Tân Trào$/);
  assert.deepEqual(first.webhook, first.log);
  for (const line of first.log.slice(1)) assert.equal(Object.values(digests(other)).flat().includes(line), false, 'not another commune\'s');

  // The officer gives a mobile and takes SMS; a house of Khuôn Điển gets an extinguisher expiring in 10 days.
  const me = await people['officer.tantrao'].patch('/api/v1/auth/me', { phone: '0912 345 678', sms_opt_in: true });
  assert.equal(me.status, 200, me.text);
  const houses = await people['officer.tantrao'].get(`${BASE}/households?village_id=${ids['DEMO-KQ-KHUONDIEN']}&page_size=1`);
  const house = houses.data.items[0];
  const added = await people['officer.tantrao'].post(`${BASE}/households/${house.id}/extinguishers`, {
    kind: 'abc_powder', kind_note: '', capacity_kg: 4, count: 1, manufactured_on: vnDay(-700), last_refill_on: null,
    expires_on: vnDay(10),
  });
  assert.equal(added.status, 201, added.text);
  const expiring = `Bình chữa cháy của hộ ${house.code} hết hạn ngày ${vnDay(10).split('-').reverse().join('/')}`;
  assert.equal(first.log.some((l) => l.includes(house.code)), false);

  // The next day: only the new extinguisher, to the officer (log, webhook, SMS) and to the village's team.
  server.advanceClock(24 * 3600e3);
  await until('the next day\'s run', () => runs() >= 2);
  const next = digests(officer, vnDay(1));
  assert.deepEqual(Object.keys(next).sort(), ['log', 'sms', 'webhook'], JSON.stringify(next));
  assert.equal(next.log[0], 'antq: 1 bình chữa cháy sắp hết hạn – Tân Trào');
  assert.deepEqual(next.log.slice(1), [`- ${expiring}`], 'only what is new');
  assert.deepEqual(next.webhook, next.log);
  assert.deepEqual(next.sms, ['antq: 1 bình chữa cháy sắp hết hạn – Tân Trào']);
  const teamNext = digests(team, vnDay(1));
  assert.deepEqual(Object.keys(teamNext).sort(), ['log', 'webhook'], 'the team member: no phone');
  assert.deepEqual(teamNext.log.slice(1), [`- ${expiring}`]);

  // The SMS: one file in gammu's outbox, UTF-16LE with a BOM.
  const file = await until('the SMS file', () => readdirSync(spool).find((f) => f.startsWith('OUTA')));
  assert.match(file, /^OUTA\d{8}_\d{6}_00_\+84912345678_antq\d+\.txt$/);
  assert.equal(readdirSync(spool).length, 1, 'one message, no temporary file');
  const bytes = readFileSync(join(spool, file));
  assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe]);
  assert.equal(bytes.subarray(2).toString('utf16le'), 'antq: 1 bình chữa cháy sắp hết hạn – Tân Trào');
  // gammu-smsd itself reads the file: the number, the text with its diacritics, sent as
  // Unicode (not the GSM alphabet, which has no "ì" or "ạ"), and the file moved to "sent".
  const gammu = await sendWithGammu(spool);
  assert.deepEqual(gammu.messages, [
    { to: '+84912345678', text: 'antq: 1 bình chữa cháy sắp hết hạn – Tân Trào', coding: 'unicode' },
  ]);
  assert.deepEqual(gammu.sent, [file]);
  assert.deepEqual(gammu.errors, []);

  // The webhook: every POST signed with the secret antq made; 500, 500, then 200 for the first,
  // each retry after its back-off (1 then 2 minutes, ± 10 %).
  const secret = readFileSync(join(server.dir, 'webhook.key'), 'utf8').trim();
  await until('the first webhook POST', () => received.length >= 1);
  const firstId = received[0].headers['x-antq-delivery'];
  server.advanceClock(1.2 * MINUTE);
  await until('the second attempt', () => received.filter((r) => r.headers['x-antq-delivery'] === firstId).length >= 2);
  server.advanceClock(2.3 * MINUTE);
  await until('the third attempt', () => received.filter((r) => r.headers['x-antq-delivery'] === firstId).length >= 3);
  for (const r of received) assert.ok(signatureOk(secret, r), `signature of ${r.headers['x-antq-delivery']}`);
  assert.equal(signatureOk('another secret', received[0]), false);
  const attempts = await until('three attempts recorded', () => {
    const a = rows(`SELECT attempt || '|' || outcome || '|' || detail FROM notification_attempts WHERE notification_id = ${firstId} ORDER BY attempt`);
    return a.length === 3 ? a : null;
  });
  assert.deepEqual(attempts, ['1|retry|HTTP 500', '2|retry|HTTP 500', '3|sent|HTTP 200']);
  assert.equal(sql(server, `SELECT status FROM notifications WHERE id = ${firstId}`).trim(), 'sent');
  const body = JSON.parse(received.find((r) => r.headers['x-antq-delivery'] === firstId).body);
  assert.deepEqual(Object.keys(body).sort(), ['body', 'created_at', 'id', 'key', 'subject', 'user_id']);

  // Another day with nothing new: nobody is told again.
  server.advanceClock(24 * 3600e3);
  await until('the third day\'s run', () => runs() >= 3);
  assert.deepEqual(digests(officer, vnDay(2)), {}, 'nothing twice');
  assert.deepEqual(digests(team, vnDay(2)), {});
});

test('the administrator reads the outbox with numbers masked; others may not; only a given-up one is sent again', async () => {
  await signInPeople(server.url, people);  // the first test's days ended the sessions
  const admin = people.admin;
  const all = await admin.get('/api/v1/notifications?page_size=500');
  assert.equal(all.status, 200, all.text);
  assert.deepEqual(all.data.channels, ['log', 'webhook', 'sms']);
  assert.equal(all.data.total, all.data.counts.pending + all.data.counts.sent + all.data.counts.dead);
  const sms = all.data.items.find((n) => n.channel === 'sms');
  assert.equal(sms.address, '+8491*****78');
  assert.equal(all.text.includes('912345678'), false, 'no number in the answer');
  const retried = all.data.items.find((n) => n.channel === 'webhook' && n.attempts === 3);
  const one = await admin.get(`/api/v1/notifications/${retried.id}`);
  assert.deepEqual(one.data.attempts_made.map((a) => `${a.outcome} ${a.detail}`), ['retry HTTP 500', 'retry HTTP 500', 'sent HTTP 200']);
  assert.equal((await admin.post(`/api/v1/notifications/${retried.id}/retry`, {})).status, 409, 'it was sent');
  assert.equal((await admin.get('/api/v1/notifications?status=lost')).status, 422);
  for (const name of ['officer.tantrao', 'team.khuondien', 'reviewer.tuyenquang', 'auditor']) {
    assert.equal((await people[name].get('/api/v1/notifications')).status, 403, name);
  }
  const metrics = await fetch(`${server.url}/metrics`).then((r) => r.text());
  assert.match(metrics, /antq_notifications\{status="sent"\} \d+/);
});
