/**
 * Entry point: the store from the URL (and edited points kept in this browser), URL sync, the
 * training worker, then the React tree.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startWorkers } from './client/workers';
import { embedFromQuery } from './state/embedLink';
import { browserStorage, loadStoredData, startDataPersistence } from './state/persist';
import { StoreProvider } from './state/react';
import { createAppStore } from './state/store';
import { hasPoints, initFromQuery, loadDataCodec, readPoints, startUrlSync } from './state/urlSync';
import { App } from './ui/App';
import './ui/styles.css';
import './ui/handEdit.css';
import './ui/embed.css';

// Not a top-level await: lazy chunks import from the chunk holding this module, and would wait forever
// for a module whose evaluation is waiting for them (the points' codec is one of them).
async function start() {
  const { search } = window.location;
  // An embedded page shows the run its link names: points edited on this site's full page stay there.
  const storage = embedFromQuery(search).embed ? null : browserStorage();
  const stored = loadStoredData(storage);
  // The points' codec is fetched only for links, or browsers, that have points.
  const codec = hasPoints(search) || stored ? await loadDataCodec() : null;
  const points = codec ? await readPoints(search, codec) : null;
  const store = createAppStore(initFromQuery(search, { points, stored }));
  const url = startUrlSync(store, window, undefined, codec ?? loadDataCodec);
  startDataPersistence(store, storage);
  startWorkers(store);

  const root = document.getElementById('root');
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <StoreProvider store={store}>
          <App flushUrl={url.flush} />
        </StoreProvider>
      </StrictMode>,
    );
  }
}

void start();

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch(() => {
      // Offline support is optional; the page works without it.
    });
  });
}
