// @vitest-environment node
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { precacheOf, writePrecache } from './precache.mjs';

let dist;

beforeEach(async () => {
  dist = await mkdtemp(join(tmpdir(), 'antq-dist-'));
  await mkdir(join(dist, 'assets'));
  await writeFile(join(dist, 'index.html'), '<!doctype html><script src="/assets/index-a1.js"></script>');
  await writeFile(join(dist, 'index.html.gz'), 'gzipped');
  await writeFile(join(dist, 'assets', 'index-a1.js'), 'console.log(1)');
  await writeFile(join(dist, 'assets', 'index-a1.js.gz'), 'gzipped');
  await writeFile(join(dist, 'manifest.webmanifest'), '{}');
  await writeFile(join(dist, 'sw.js'), '(function(){const p=self.__ANTQ_PRECACHE__;})();');
});

afterEach(async () => {
  await rm(dist, { recursive: true, force: true });
});

describe('precache', () => {
  it('lists every file of the build but the .gz twins and the worker, sorted', async () => {
    const { files } = await precacheOf(dist);
    expect(files).toEqual(['/assets/index-a1.js', '/index.html', '/manifest.webmanifest']);
  });

  it('changes its version when any file changes', async () => {
    const before = (await precacheOf(dist)).version;
    await writeFile(join(dist, 'manifest.webmanifest'), '{"name":"antq"}');
    expect((await precacheOf(dist)).version).not.toBe(before);
  });

  it('changes its version when a file is added or renamed', async () => {
    const before = (await precacheOf(dist)).version;
    await writeFile(join(dist, 'assets', 'page-b2.js'), '');
    const added = (await precacheOf(dist)).version;
    expect(added).not.toBe(before);
    await rm(join(dist, 'assets', 'page-b2.js'));
    await writeFile(join(dist, 'assets', 'page-c3.js'), '');
    expect((await precacheOf(dist)).version).not.toBe(added);
  });

  it('keeps its version when only a .gz twin or the worker changes', async () => {
    const before = (await precacheOf(dist)).version;
    await writeFile(join(dist, 'index.html.gz'), 'gzipped again');
    await writeFile(join(dist, 'sw.js'), '(function(){const p=self.__ANTQ_PRECACHE__;var x;})();');
    expect((await precacheOf(dist)).version).toBe(before);
  });

  it('writes the list and the version into sw.js in place of the placeholder', async () => {
    const precache = await writePrecache(dist);
    const worker = await readFile(join(dist, 'sw.js'), 'utf8');
    expect(worker).not.toContain('__ANTQ_PRECACHE__');
    expect(worker).toBe(`(function(){const p=${JSON.stringify(precache)};})();`);
    expect(precache.version).toMatch(/^[0-9a-f]{20}$/);
  });

  it('refuses a sw.js without the placeholder, naming it', async () => {
    await writePrecache(dist);
    await expect(writePrecache(dist)).rejects.toThrow(/self\.__ANTQ_PRECACHE__ exactly once/);
  });
});
