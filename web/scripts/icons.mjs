// Draws the app's icons (public/icon-192.png, public/icon-512.png): a white shield with a
// gold star on the theme colour. Only node:zlib, so no image tool is needed; the PNGs are
// committed, and this is run again by hand when the drawing changes: node scripts/icons.mjs
import { writeFile } from 'node:fs/promises';
import { crc32, deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const THEME = [0x0b, 0x53, 0x94]; // --accent of src/global.css
const WHITE = [0xff, 0xff, 0xff];
const GOLD = [0xf1, 0xc2, 0x32];
const SAMPLES = 4; // per side of a pixel, for smooth edges

/** Inside the shield (coordinates from 0 to 1): a flat top dipping to its middle, a point below. */
function inShield(x, y) {
  const dx = Math.abs(x - 0.5);
  if (dx > 0.3) return false;
  const top = 0.2 - 0.05 * (dx / 0.3) ** 2;
  if (y < top) return false;
  if (y <= 0.5) return true;
  if (y >= 0.86) return false;
  return dx <= 0.3 * Math.cos(((y - 0.5) / 0.36) * (Math.PI / 2));
}

const STAR = Array.from({ length: 10 }, (_, i) => {
  const radius = i % 2 === 0 ? 0.17 : 0.068;
  const angle = -Math.PI / 2 + (i * Math.PI) / 5;
  return [0.5 + radius * Math.cos(angle), 0.47 + radius * Math.sin(angle)];
});

function inStar(x, y) {
  let inside = false;
  for (let i = 0, j = STAR.length - 1; i < STAR.length; j = i++) {
    const [xi, yi] = STAR[i];
    const [xj, yj] = STAR[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function colourAt(x, y) {
  if (inStar(x, y)) return GOLD;
  return inShield(x, y) ? WHITE : THEME;
}

/** size × size RGBA pixels, each the mean of SAMPLES² points. */
function draw(size) {
  const rows = Buffer.alloc(size * (1 + size * 4));
  for (let py = 0; py < size; py++) {
    const row = py * (1 + size * 4);
    rows[row] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour = colourAt((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          for (let c = 0; c < 3; c++) sum[c] += colour[c];
        }
      }
      const at = row + 1 + px * 4;
      for (let c = 0; c < 3; c++) rows[at + c] = Math.round(sum[c] / (SAMPLES * SAMPLES));
      rows[at + 3] = 0xff;
    }
  }
  return rows;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function png(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(draw(size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const size of [192, 512]) {
    const path = fileURLToPath(new URL(`../public/icon-${size}.png`, import.meta.url));
    await writeFile(path, png(size));
    console.log(`icons: wrote ${path}`);
  }
}
