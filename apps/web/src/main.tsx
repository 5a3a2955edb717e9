import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { reloadOnceForNewVersion } from './app/route-error';
import { initI18n } from './lib/i18n';
import { setOfflineStoreLoader } from './lib/offline/keep';
import { pruneDrafts } from './lib/local-draft';
import { startServiceWorker } from './lib/pwa/update-offer';
import './styles.css';

pruneDrafts();
// data kept for offline reading and changes made offline (IndexedDB): own chunks, loaded when first used (docs/offline.md)
setOfflineStoreLoader(
  () => import('./lib/offline/store'),
  () => import('./lib/offline/sync'),
);
// the installable app's service worker (docs/offline.md): registered after the page has loaded, from its own chunk
startServiceWorker();

// Vite reports a chunk it could not preload (an older version's asset after a deploy): reload once to the new version.
window.addEventListener('vite:preloadError', (event) => {
  if (reloadOnceForNewVersion()) event.preventDefault();
});

// Rendered once the chosen language's texts are there (Vietnamese at once; English after its chunk loads).
void initI18n().then(() => {
  const container = document.getElementById('root');
  if (container) {
    createRoot(container).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  }
});
