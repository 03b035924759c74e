/// <reference lib="webworker" />
// The service worker (docs/architecture.md, "Offline: the service worker"): it keeps the
// app's shell so that a phone with no signal still opens the app, and leaves everything else
// to the network. The village data lives in IndexedDB (lib/idb.ts), never here; the API is
// never touched. Built alone as an IIFE (vite.sw.config.ts): older Android browsers have no
// module workers.
import { OFFLINE_PAGE_WAIT_MS, strategyFor } from './lib/sw-strategy';

/** What scripts/precache.mjs writes in place of `self.__ANTQ_PRECACHE__` after the build. */
interface Precache {
  /** A hash of every file of the build: a new build is a new worker and a new cache. */
  version: string;
  /** The shell's URLs: index.html, every file under /assets/, the manifest and icons. */
  files: string[];
}

declare const self: ServiceWorkerGlobalScope & { __ANTQ_PRECACHE__: Precache };

const PRECACHE: Precache = self.__ANTQ_PRECACHE__;
const CACHE_PREFIX = 'antq-shell-';
const CACHE = CACHE_PREFIX + PRECACHE.version;
const SHELL = '/index.html';

self.addEventListener('install', (event) => {
  // no-cache: index.html and the manifest are revalidated, so the shell is this build's.
  const requests = PRECACHE.files.map((url) => new Request(url, { cache: 'no-cache' }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(CACHE_PREFIX) && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

// The app's "Tải lại" on a new version (lib/sw-register.ts).
self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'skip-waiting') void self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  switch (strategyFor(request, self.location.origin)) {
    case 'asset':
      event.respondWith(cacheFirst(event));
      break;
    case 'page':
      event.respondWith(networkFirst(request));
      break;
    case 'offline-page':
      event.respondWith(networkFirst(request, OFFLINE_PAGE_WAIT_MS));
      break;
    case 'untouched':
      break;
  }
});

/** A file of the build: named by its content, so a cached copy is always right. */
async function cacheFirst(event: FetchEvent): Promise<Response> {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(event.request);
  if (cached) return cached;
  const response = await fetch(event.request);
  if (response.ok && response.type === 'basic') event.waitUntil(cache.put(event.request, response.clone()));
  return response;
}

/**
 * A page from the network, whatever it answers; the cached shell when no answer comes (the
 * fetch fails) or, given `waitMs`, none came in time. A slow page is otherwise waited for:
 * the citizen pages share this origin and must never be replaced by the app.
 */
async function networkFirst(request: Request, waitMs?: number): Promise<Response> {
  const fromNetwork = fetch(request).then(
    (response) => response,
    () => null,
  );
  const contenders: Promise<Response | null>[] = [fromNetwork];
  if (waitMs !== undefined) {
    contenders.push(delay(waitMs).then(async () => (await cachedShell()) ?? fromNetwork));
  }
  const answer = await Promise.race(contenders);
  return answer ?? (await cachedShell()) ?? Response.error();
}

async function cachedShell(): Promise<Response | null> {
  const cache = await caches.open(CACHE);
  return (await cache.match(SHELL)) ?? null;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
