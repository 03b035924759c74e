// Writes the shell the service worker keeps into dist/sw.js, after both Vite passes: every
// file of dist/ but the .gz twins and sw.js itself, with one SHA-256 over their names and
// contents. Any change to any file thus changes sw.js, and browsers install the new worker.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What src/sw.ts reads, and what this script replaces in the built sw.js. */
export const PLACEHOLDER = 'self.__ANTQ_PRECACHE__';
export const WORKER = 'sw.js';

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

/** The shell's URLs ("/index.html", "/assets/…"), sorted, so the hash is the same on any disk. */
export async function shellFiles(dist) {
  const files = [];
  for await (const path of walk(dist)) {
    const name = relative(dist, path).split(sep).join('/');
    if (name.endsWith('.gz') || name === WORKER) continue;
    files.push(`/${name}`);
  }
  return files.sort();
}

/** The shell's files and their version: a SHA-256 over each name, length and content. */
export async function precacheOf(dist) {
  const files = await shellFiles(dist);
  const hash = createHash('sha256');
  for (const url of files) {
    const content = await readFile(join(dist, url.slice(1)));
    hash.update(`${url}\0${content.length}\0`);
    hash.update(content);
  }
  return { version: hash.digest('hex').slice(0, 20), files };
}

/** Replaces the placeholder of dist/sw.js with the shell; throws when sw.js has none. */
export async function writePrecache(dist) {
  const worker = join(dist, WORKER);
  const source = await readFile(worker, 'utf8');
  const at = source.indexOf(PLACEHOLDER);
  if (at < 0 || source.indexOf(PLACEHOLDER, at + 1) >= 0) {
    throw new Error(`${worker} must hold ${PLACEHOLDER} exactly once: was it built by vite.sw.config.ts?`);
  }
  const precache = await precacheOf(dist);
  await writeFile(worker, source.replace(PLACEHOLDER, () => JSON.stringify(precache)));
  return precache;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { version, files } = await writePrecache(fileURLToPath(new URL('../dist/', import.meta.url)));
  console.log(`precache: ${files.length} files, version ${version}`);
}
