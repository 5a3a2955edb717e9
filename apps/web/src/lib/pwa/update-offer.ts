import { useSyncExternalStore } from 'react';

// The service worker's new-version offer, in the entry chunk (tiny): register.ts (loaded after the page) sets it when
// a new worker is installed and waiting; the prompt (app/update-prompt.tsx) shows it. Nothing switches versions until
// the user clicks: then the waiting worker is told to skip waiting, takes control, and the page reloads once.

type Apply = () => Promise<void>;
let apply: Apply | null = null;
const listeners = new Set<() => void>();

export const offerUpdate = (next: Apply | null): void => {
  apply = next;
  listeners.forEach((l) => l());
};

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
const snapshot = () => apply;

/** The function that switches to the waiting version, or null while there is none. */
export const useUpdateOffer = (): Apply | null => useSyncExternalStore(subscribe, snapshot, snapshot);

/**
 * Registers the service worker once the page has loaded and the browser is idle, from a chunk of its own (the
 * registration code and workbox-window are not part of the first screen). Only in a build, in a browser that has
 * service workers.
 */
export const startServiceWorker = (): void => {
  if (!import.meta.env.PROD || typeof window === 'undefined' || !('serviceWorker' in navigator)) return;
  const start = () => {
    const go = () => void import('./register').then((m) => m.registerServiceWorker(offerUpdate)).catch(() => undefined);
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(go, { timeout: 5000 });
    else window.setTimeout(go, 1000);
  };
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
};
