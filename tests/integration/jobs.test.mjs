// Scheduled jobs: the daily purge runs at 02:00 Vietnam time, once across the instances
// that share a database, and /metrics tells when it last ran and how it went.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepare, start, signedIn, Client, DB } from './lib.mjs';

const DAY = 24 * 3600 * 1000;
const FAST = { env: { ANTQ_JOBS_CHECK_SECONDS: '1' } };

// The purge's last run as /metrics reports it: { at, ok } or null before the first.
async function lastPurge(url) {
  const text = (await new Client(url).get('/metrics')).text;
  const at = /^antq_job_last_run_timestamp_seconds\{job="mailbox_purge"\} (\S+)$/m.exec(text);
  const ok = /^antq_job_last_run_success\{job="mailbox_purge"\} (\S+)$/m.exec(text);
  return at ? { at: Number(at[1]), ok: Number(ok[1]) } : null;
}

async function waitFor(what, check, ms = 15000) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 200));
  }
}

async function purgeEntries(url) {
  const auditor = await signedIn(url, 'auditor');
  const r = await auditor.get('/api/v1/audit?action=mailbox.purge&page_size=100');
  assert.equal(r.status, 200);
  return r.data.items.length;
}

test('the purge runs at start when its day has not run, then each day at 02:00, and /metrics says so', async () => {
  const server = await start(prepare(), FAST);
  try {
    const first = await waitFor('the first purge', () => lastPurge(server.url));
    assert.equal(first.ok, 1);
    assert.equal(await purgeEntries(server.url), 1);
    await new Promise((ok) => setTimeout(ok, 1500));
    assert.equal(await purgeEntries(server.url), 1, 'checked again within the same day: nothing runs');
    server.advanceClock(DAY);
    const next = await waitFor('the next day\'s purge', async () => {
      const last = await lastPurge(server.url);
      return last && last.at > first.at ? last : null;
    });
    assert.ok(next.at - first.at >= DAY / 1000 - 5, 'a day later on the (test) clock');
    assert.equal(await purgeEntries(server.url), 2);
  } finally {
    await server.close();
  }
});

test('two instances on one PostgreSQL database run each day\'s purge once', { skip: DB !== 'postgres' && 'one SQLite file serves one instance' }, async () => {
  const prepared = prepare();
  const first = await start(prepared, FAST);
  const copy = mkdtempSync(join(tmpdir(), 'antq-it-second-'));
  cpSync(prepared.dir, copy, { recursive: true });
  const second = await start({ ...prepared, dir: copy }, FAST);
  try {
    let last = await waitFor('the first purge', () => lastPurge(first.url));
    for (let day = 1; day <= 3; day++) {
      prepared.advanceClock(DAY);
      const seen = last.at;
      last = await waitFor(`day ${day} on both`, async () => {
        const [a, b] = [await lastPurge(first.url), await lastPurge(second.url)];
        return a && b && a.at > seen && a.at === b.at ? a : null;
      });
    }
    await new Promise((ok) => setTimeout(ok, 1500));
    assert.equal(await purgeEntries(first.url), 4, 'one purge per day, whichever instance ran it');
  } finally {
    await second.stop();
    rmSync(copy, { recursive: true, force: true });
    await first.close();
  }
});
