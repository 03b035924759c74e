// Sends what antq spooled through a real gammu-smsd (Debian's gammu-smsd, installed by
// `scripts/bootstrap --test`) with gammu's dummy phone driver, configured as
// docs/operations.md tells operators (the files backend, `transmitformat = auto`): the
// daemon reads every file of the outbox, logs the number, the text it decoded and the
// coding it will send in, and moves the file to its sent folder.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CODINGS = { 1: 'unicode', 3: '7bit' };

/**
 * Runs gammu-smsd over `outbox` until it is empty (at most `timeoutMs`), then stops it.
 * Returns each message as gammu read it, { to, text, coding }, and the files it moved to
 * its sent and error folders.
 */
export async function sendWithGammu(outbox, timeoutMs = 20000) {
  const dir = mkdtempSync(join(tmpdir(), 'antq-gammu-'));
  for (const sub of ['device', 'sent', 'error', 'inbox']) mkdirSync(join(dir, sub));
  const log = join(dir, 'smsd.log');
  writeFileSync(
    join(dir, 'smsdrc'),
    [
      '[gammu]',
      'model = dummy',
      'connection = none',
      `device = ${join(dir, 'device')}`,
      '',
      '[smsd]',
      'service = files',
      'transmitformat = auto',
      `outboxpath = ${outbox}/`,
      `sentsmspath = ${join(dir, 'sent')}/`,
      `errorsmspath = ${join(dir, 'error')}/`,
      `inboxpath = ${join(dir, 'inbox')}/`,
      `logfile = ${log}`,
      'debuglevel = 1',
      'commtimeout = 1',
      'checksecurity = 0',
      'checkbattery = 0',
      'checksignal = 0',
      '',
    ].join('\n'),
  );
  const daemon = spawn('gammu-smsd', ['-c', join(dir, 'smsdrc')], { stdio: 'ignore' });
  const exited = new Promise((resolve) => daemon.on('exit', resolve));
  const started = Date.now();
  try {
    while (readdirSync(outbox).length > 0 && Date.now() - started < timeoutMs) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    daemon.kill('SIGTERM');
    await exited;
  }
  const text = readFileSync(log, 'utf8');
  const messages = [...text.matchAll(/Found 1 sms to "([^"]*)" with text "([^"]*)" cod (\d+)/g)].map((m) => ({
    to: m[1],
    text: m[2],
    coding: CODINGS[m[3]] ?? `coding ${m[3]}`,
  }));
  const out = { messages, sent: readdirSync(join(dir, 'sent')), errors: readdirSync(join(dir, 'error')) };
  rmSync(dir, { recursive: true, force: true });
  return out;
}
