// Optional TLS in the server itself: HTTPS with HSTS and a Secure session cookie.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import https from 'node:https';
import { prepare, start, PASSWORD } from './lib.mjs';

function request(url, { method = 'GET', body, headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method, headers, rejectUnauthorized: false }, (res) => {
      let data = '';
      res.on('data', (d) => (data += d));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('with a certificate and key, antq serves HTTPS with HSTS and a Secure cookie', async () => {
  const p = prepare();
  const cert = join(p.dir, 'cert.pem');
  const key = join(p.dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert,
    '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
  const server = await start(p, { args: ['--set', `server.tls_cert=${cert}`, '--set', `server.tls_key=${key}`] });
  try {
    assert.match(server.url, /^https:\/\//);
    const health = await request(`${server.url}/healthz`);
    assert.equal(health.status, 200);
    assert.match(health.headers['strict-transport-security'], /max-age=\d+/);
    const login = await request(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    });
    assert.equal(login.status, 200);
    assert.match(login.headers['set-cookie'][0], /; Secure/);
    await assert.rejects(fetch(server.url.replace('https', 'http') + '/healthz'), 'plain HTTP is not served on the TLS port');
  } finally {
    await server.close();
  }
});

test('a certificate without its key is refused at start', () => {
  const p = prepare({ demo: false });
  const r = p.cli(['--set', 'server.tls_cert=/nonexistent.pem', 'migrate', 'status']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /tls_cert and server\.tls_key must be set together/);
});
