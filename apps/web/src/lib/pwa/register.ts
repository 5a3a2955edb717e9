import { Workbox } from 'workbox-window';

// How often an open app asks the server whether sw.js changed (the browser also checks on each navigation).
const CHECK_EVERY_MS = 60 * 60_000;

// How long the reload waits for the new version to take control after the click.
const SWITCH_TIMEOUT_MS = 4000;

let started = false;

/**
 * Registers /sw.js (built by vite-plugin-pwa, scope /) through workbox-window. A new version that is installed and
 * waiting is offered through update-offer.ts and never applied by itself: on the user's click the waiting worker is
 * told to skip waiting (the generated worker listens for that message), takes control, and the page reloads once, so
 * one page never runs the code of two versions. workbox-window is imported here, statically: this whole chunk is
 * loaded after the page (update-offer.ts), in one file, and imports nothing from the entry (`offerUpdate` is passed in).
 */
export const registerServiceWorker = (offerUpdate: (apply: () => Promise<void>) => void): void => {
  if (started) return;
  started = true;
  const wb = new Workbox('/sw.js', { scope: '/', type: 'classic' });
  const offer = () =>
    offerUpdate(async () => {
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
      // should the switch not be reported (another tab took it first), reload anyway: the page then loads under
      // whichever version controls it
      window.setTimeout(() => window.location.reload(), SWITCH_TIMEOUT_MS);
    });
  // 'waiting': a new version is installed while this page is controlled by the previous one (also found at
  // registration, when a worker was already waiting from an earlier visit)
  wb.addEventListener('waiting', offer);
  void wb
    .register({ immediate: true })
    .then((registration) => {
      if (!registration) return;
      window.setInterval(() => {
        if (navigator.onLine) void registration.update().catch(() => undefined);
      }, CHECK_EVERY_MS);
    })
    .catch(() => undefined);
};
