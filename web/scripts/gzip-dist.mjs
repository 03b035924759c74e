// Writes X.gz beside every compressible file in dist/ (level 9), only when smaller.
// The antq server sends file.gz to clients that accept gzip.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, extname } from 'node:path';
import { gzipSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const compressible = new Set(['.js', '.css', '.html', '.svg', '.json']);

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

let written = 0;
for await (const path of walk(dist)) {
  if (!compressible.has(extname(path))) continue;
  const raw = await readFile(path);
  const gz = gzipSync(raw, { level: constants.Z_BEST_COMPRESSION });
  if (gz.length < raw.length) {
    await writeFile(`${path}.gz`, gz);
    written += 1;
  }
}
console.log(`gzip-dist: wrote ${written} .gz files`);
