// The staff app as an installable app (plan D6, D7): its manifest, its service worker at the
// root, Chromium's installability check, and a boot with no network from the shell the
// worker keeps and the user IndexedDB keeps, while the API is never answered from a cache.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { launch, newPage, login, start, PASSWORD } from './lib.mjs';

let server;
let browser;
before(async () => {
  server = await start();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// Signs in and waits until the worker is active and controls the page.
async function signedInApp(username) {
  const page = await newPage(browser);
  await login(page, server.url, username, PASSWORD);
  await page.waitForSelector('#welcome');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
  return page;
}

// The user the phone keeps for a boot with no network (IndexedDB antq-offline, profile 'me').
function keptUser(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('antq-offline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('profile').objectStore('profile').get('me');
          read.onsuccess = () => {
            open.result.close();
            resolve(read.result?.username ?? null);
          };
        };
      }),
  );
}

test('the manifest is linked and served as a manifest, with its two PNG icons', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/login`);
  await page.waitForSelector('#username');
  assert.equal(await page.getAttribute('link[rel=manifest]', 'href'), '/manifest.webmanifest');
  assert.equal(await page.getAttribute('meta[name=theme-color]', 'content'), '#0b5394');
  const manifest = await page.evaluate(async () => {
    const response = await fetch('/manifest.webmanifest');
    return { type: response.headers.get('content-type'), body: await response.json() };
  });
  assert.equal(manifest.type, 'application/manifest+json');
  assert.equal(manifest.body.name, 'antq – An ninh trật tự cơ sở');
  assert.equal(manifest.body.start_url, '/offline');
  assert.equal(manifest.body.display, 'standalone');
  for (const icon of manifest.body.icons) {
    const fetched = await page.evaluate(async (src) => {
      const response = await fetch(src);
      const bytes = new Uint8Array(await response.arrayBuffer());
      return { type: response.headers.get('content-type'), png: bytes[1] === 0x50 && bytes[2] === 0x4e };
    }, icon.src);
    assert.deepEqual(fetched, { type: 'image/png', png: true }, icon.src);
  }
  assert.deepEqual(page.jsErrors, []);
  await page.context().close();
});

test('the service worker controls the whole app at its root', async () => {
  const page = await signedInApp('officer.tantrao');
  const worker = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return { scope: registration.scope, state: registration.active?.state, script: registration.active?.scriptURL };
  });
  assert.deepEqual(worker, { scope: `${server.url}/`, state: 'activated', script: `${server.url}/sw.js` });
  // The citizen pages share the origin: the worker passes them on as the server wrote them.
  const portal = await page.goto(`${server.url}/hom-thu`);
  assert.equal(portal.status(), 200);
  assert.equal(await page.$('#app'), null);
  assert.deepEqual(page.jsErrors, []);
  await page.context().close();
});

test('Chromium finds the app installable', async () => {
  // Not in the incognito contexts of newPage: Chromium installs no app from those.
  const profile = mkdtempSync(join(tmpdir(), 'antq-pwa-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    locale: 'vi-VN',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-quic', '--disable-sync'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await login(page, server.url, 'officer.tantrao', PASSWORD);
    await page.waitForSelector('#welcome');
    await page.evaluate(() => navigator.serviceWorker.ready);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('with the network cut, a reload still opens the app with the user kept; the API is never cached', async () => {
  const page = await signedInApp('officer.tantrao');
  await page.goto(`${server.url}/households`);
  await page.waitForSelector('#households-table');
  assert.equal(await keptUser(page), 'officer.tantrao');

  await page.context().setOffline(true);
  await page.reload();
  // The households need the server: the shell opens, says so, and still knows the user.
  await page.waitForSelector('#needs-network');
  assert.equal(await page.textContent('#needs-network h1'), 'Cần kết nối mạng');
  assert.match(await page.textContent('#current-user'), /Nguyễn Văn Hùng/);
  const api = await page.evaluate(() =>
    fetch('/api/v1/auth/me').then(
      (response) => response.status,
      () => 'no answer',
    ),
  );
  assert.equal(api, 'no answer');
  const cached = await page.evaluate(async () => {
    const urls = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
    }
    return urls;
  });
  assert.ok(cached.includes('/index.html'));
  assert.deepEqual(cached.filter((path) => path.startsWith('/api/')), []);
  // "Thử lại" with no network yet: the same page again.
  await page.click('#needs-network button');
  await page.waitForSelector('#needs-network button:not([disabled])');
  assert.equal(await page.textContent('#needs-network h1'), 'Cần kết nối mạng');

  // The network back, the app finds its session and opens the page as usual.
  await page.context().setOffline(false);
  await page.waitForSelector('#households-table');
  assert.deepEqual(page.jsErrors, []);
  await page.context().close();
});

test('signing out forgets the user kept: with no network the app then offers only the sign-in page', async () => {
  const page = await signedInApp('team.khuondien');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.click('#logout');
  await page.waitForSelector('#username');
  assert.equal(await keptUser(page), null);

  await page.context().setOffline(true);
  await page.goto(`${server.url}/households`);
  await page.waitForSelector('#username');
  assert.equal(await page.$('#needs-network'), null);
  await page.context().close();
});
