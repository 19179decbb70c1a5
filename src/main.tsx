/** Entry point: the store from the URL, URL sync, the training worker, then the React tree. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { StoreProvider } from './state/react';
import { createAppStore } from './state/store';
import { initFromQuery, startUrlSync } from './state/urlSync';
import { App } from './ui/App';
import { startWorkerClient } from './worker/client';
import './ui/styles.css';

const store = createAppStore(initFromQuery(window.location.search));
const url = startUrlSync(store);
startWorkerClient(store);

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

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch(() => {
      // Offline support is optional; the page works without it.
    });
  });
}
