import { registerSW } from 'virtual:pwa-register';
import { offerUpdate } from './update-offer';

// How often an open app asks the server whether sw.js changed (the browser also checks on each navigation).
const CHECK_EVERY_MS = 60 * 60_000;

let started = false;

/** Registers /sw.js (scope /); a new version is offered through update-offer.ts, never applied by itself. */
export const registerServiceWorker = (): void => {
  if (started) return;
  started = true;
  const update = registerSW({
    immediate: true,
    // a new worker is installed and waiting: the user decides when to switch (the prompt's reload button)
    onNeedRefresh: () => offerUpdate(() => update(true)),
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      window.setInterval(() => {
        if (navigator.onLine) void registration.update().catch(() => undefined);
      }, CHECK_EVERY_MS);
    },
    onRegisterError: () => undefined,
  });
};
