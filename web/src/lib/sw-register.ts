// Registers the service worker (src/sw.ts, built to /sw.js) and offers a new version when
// one waits: the app shows "Có phiên bản mới — Tải lại" (components/UpdateBanner), whose
// button lets the new worker take over and reloads the page under it.
import { useEffect, useState } from 'preact/hooks';

/** Switches to the waiting version and reloads once it controls the page. */
export type ApplyUpdate = () => void;

let offered: ApplyUpdate | null = null;
const listeners = new Set<(apply: ApplyUpdate) => void>();

function offer(worker: ServiceWorker, container: ServiceWorkerContainer): void {
  offered = () => {
    container.addEventListener('controllerchange', () => window.location.reload(), { once: true });
    worker.postMessage({ type: 'skip-waiting' });
  };
  for (const listener of listeners) listener(offered);
}

/**
 * Whether this browser may keep the app for use with no network: a service worker runs
 * only on HTTPS with a certificate the phone trusts, or on localhost (docs/operations.md,
 * "Installing the staff app on phones").
 */
export function offlineCapable(): boolean {
  return 'serviceWorker' in navigator && window.isSecureContext === true;
}

/** Only where a worker may run; the app works the same online without one. */
export function registerServiceWorker(): void {
  if (!offlineCapable()) return;
  const container = navigator.serviceWorker;
  const register = () => {
    container.register('/sw.js', { scope: '/' }).then(
      (registration) => {
        // A worker installed alongside one already in control is a new version.
        if (registration.waiting && container.controller) offer(registration.waiting, container);
        registration.addEventListener('updatefound', () => {
          const installing = registration.installing;
          installing?.addEventListener('statechange', () => {
            if (installing.state === 'installed' && container.controller) offer(installing, container);
          });
        });
      },
      () => undefined, // no worker: the app still works online
    );
  };
  // After the page has loaded, so that the shell's precaching does not slow its first load.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

/** The waiting version's switch, or null while none waits. */
export function useUpdateOffer(): ApplyUpdate | null {
  const [apply, setApply] = useState<ApplyUpdate | null>(() => offered);
  useEffect(() => {
    const listener = (next: ApplyUpdate) => setApply(() => next);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return apply;
}
