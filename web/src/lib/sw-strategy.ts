// How the service worker (src/sw.ts) answers a request, apart from the worker so that Vitest
// checks it: the worker keeps the app's shell for a boot with no signal, and nothing else.
// The same origin also serves the JSON API and the citizen pages, which it must never change.

/**
 * untouched     the browser fetches it as if there were no worker (any non-GET, another
 *               origin, /api/, and every request that is not an asset or a page);
 * asset         a file of the build (/assets/*, named by its hash): the cache first;
 * page          a navigation: the network, and the cached shell only when the network fails;
 * offline-page  a navigation to the app's offline pages: the same, and the cached shell as
 *               well when the network has not answered within OFFLINE_PAGE_WAIT_MS.
 */
export type Strategy = 'untouched' | 'asset' | 'page' | 'offline-page';

/** The app's pages that work with no network (routes.ts marks them `offline`) live here. */
export const OFFLINE_PATH = '/offline';

/** How long an offline page waits for the network on a weak signal before the shell opens. */
export const OFFLINE_PAGE_WAIT_MS = 3000;

export interface RequestFacts {
  method: string;
  url: string;
  /** Request.mode: 'navigate' for a page the browser opens. */
  mode: string;
}

export function strategyFor(request: RequestFacts, origin: string): Strategy {
  if (request.method !== 'GET') return 'untouched';
  const url = new URL(request.url);
  if (url.origin !== origin) return 'untouched';
  const path = url.pathname;
  if (path === '/api' || path.startsWith('/api/')) return 'untouched';
  if (path.startsWith('/assets/')) return 'asset';
  if (request.mode !== 'navigate') return 'untouched';
  return isOfflinePath(path) ? 'offline-page' : 'page';
}

export function isOfflinePath(path: string): boolean {
  return path === OFFLINE_PATH || path.startsWith(`${OFFLINE_PATH}/`);
}
