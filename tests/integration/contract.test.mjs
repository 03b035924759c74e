// The API contract, once: every route the server answers under /api/ or for the system
// (/healthz, /readyz, /metrics) is in docs/openapi.yaml with the same methods, and every
// documented operation is served. The citizen pages (/hom-thu, /camera) are HTML, not API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import yaml from 'js-yaml';
import { prepare } from './lib.mjs';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

function documented() {
  const doc = yaml.load(readFileSync(new URL('../../docs/openapi.yaml', import.meta.url), 'utf8'));
  const out = new Set();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) if (item[method]) out.add(`${method.toUpperCase()} ${path}`);
  }
  return out;
}

test('every API route is documented and every documented operation is served, with the same methods', () => {
  const p = prepare({ demo: false });
  try {
    const r = p.cli(['routes']);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.ok(lines.some((l) => l.startsWith('GET /hom-thu')), 'the citizen pages are routed too');
    const served = new Set(lines.filter((l) => !/^\S+ \/(hom-thu|camera)(\/|\?|$)/.test(l)));
    const doc = documented();
    const undocumented = [...served].filter((r) => !doc.has(r)).sort();
    const unserved = [...doc].filter((r) => !served.has(r)).sort();
    assert.deepEqual(undocumented, [], 'served but not in docs/openapi.yaml');
    assert.deepEqual(unserved, [], 'documented but not served');
    assert.ok(served.has('GET /api/v1/mailbox/taxonomies'));
  } finally {
    rmSync(p.dir, { recursive: true, force: true });
  }
});
