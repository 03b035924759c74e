// The unit map in Chromium: boundaries drawn on a plain background with no basemap, and on
// a PMTiles basemap read in ranges from antq when one is set; a click tells the commune;
// nothing is loaded from another site; axe finds nothing serious.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, newPage, login, axeViolations, start, prepare, unitIds, PASSWORD } from './lib.mjs';
import { buildPmtiles } from './pmtiles-fixture.mjs';

let browser;
let dir;
before(async () => {
  browser = await launch();
  dir = mkdtempSync(join(tmpdir(), 'antq-map-e2e-'));
});
after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

// Runs `fn` with a fresh server and its units' ids, then stops the server.
async function withServer(prepared, fn) {
  const server = await start(prepared);
  try {
    await fn(server, await unitIds(server.url));
  } finally {
    await server.close();
  }
}

// Nothing was loaded from another site, axe finds nothing serious, no script failed.
async function assertCleanPage(page, requests, base) {
  const foreign = requests.filter((u) => !u.startsWith(base) && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.jsErrors, []);
  await page.context().close();
}

// Opens unit `id` as `username` and waits for its map; records every request the page makes.
async function openMap(server, username, id) {
  const page = await newPage(browser);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const ranges = [];
  page.on('response', (r) => {
    if (r.url().endsWith('/basemap.pmtiles')) ranges.push(r.status());
  });
  await login(page, server.url, username, PASSWORD);
  await page.waitForSelector('#welcome');
  await page.goto(`${server.url}/units/${id}`);
  await page.waitForSelector('#unit-map[data-status=ready]');
  return { page, requests, ranges };
}

test('with no basemap, Tân Trào is drawn on a plain background and a click names the commune', async () => {
  await withServer(undefined, async (server, ids) => {
    const { page, requests } = await openMap(server, 'officer.tantrao', ids['02545']);
    const paths = await page.$$eval('#unit-map .leaflet-overlay-pane path', (ps) => ps.map((p) => p.getAttribute('d').length));
    assert.ok(paths.length >= 1 && paths[0] > 1000, `boundary paths: ${paths}`);
    assert.equal(await page.$$eval('#unit-map canvas.leaflet-tile', (c) => c.length), 0, 'no basemap tiles');
    // The point of the map's centre: Tân Trào's interior point is near it.
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = await page.locator('#unit-map').boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction(() => /thuộc/.test(document.querySelector('#unit-map-answer')?.textContent ?? ''));
    assert.match(await page.textContent('#unit-map-answer'), /Điểm 21\.\d{5}, 105\.\d{5} thuộc Xã \S+/);
    await assertCleanPage(page, requests, server.url);
  });
});

test('with a PMTiles basemap, the tiles come from antq in ranges under the boundaries of the province', async () => {
  const archive = join(dir, 'vietnam.pmtiles');
  writeFileSync(archive, buildPmtiles({ minZoom: 0, maxZoom: 14 }));
  await withServer(prepare({ env: { ANTQ_MAP_BASEMAP: archive } }), async (server, ids) => {
    const { page, requests, ranges } = await openMap(server, 'reviewer.tuyenquang', ids['08']);
    await page.waitForSelector('#unit-map canvas.leaflet-tile');
    const children = await page.$$eval('#unit-map .leaflet-overlay-pane path', (ps) => ps.length);
    assert.ok(children >= 124, `${children} paths: the province and its 124 communes`);
    assert.ok(ranges.length > 0 && ranges.every((s) => s === 206), `basemap answers: ${ranges}`);
    assert.match(await page.textContent('#unit-map .leaflet-control-attribution'), /OpenStreetMap/);
    await assertCleanPage(page, requests, server.url);
  });
});

test('a unit without any boundary says so instead of an empty map', async () => {
  await withServer(undefined, async (server, ids) => {
    const page = await newPage(browser);
    await login(page, server.url, 'officer.kienthiet', PASSWORD);
    await page.waitForSelector('#welcome');
    await page.goto(`${server.url}/units/${ids['DEMO-KIENTHIET']}`);
    await page.waitForSelector('#unit-map-none');
    assert.match(await page.textContent('#unit-map-none'), /chưa có ranh giới/);
    await page.context().close();
  });
});
