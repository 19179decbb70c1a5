/**
 * Starts the page's worker clients and connects them to the store: the training worker at once, the
 * gallery's pool and the analysis worker (each a chunk of its own, lazyPort.ts) when their views ask
 * for them.
 */
import { MAX_TILES, poolSize } from '../config/gallery';
import type { AppStore } from '../state/store';
import { lazyPort } from './lazyPort';
import { startPinClient } from './pin';
import { startWorkerClient } from './training';

export function startWorkers(store: AppStore): () => void {
  const training = startWorkerClient(store);
  const notLoaded = (what: string) => (message: string) =>
    store.getState().notify('error', `${what} could not be loaded`, [message]);
  const gallery = lazyPort(
    () =>
      import('./galleryPool').then(
        (m) => new m.GalleryPool(store, { workers: poolSize(navigator.hardwareConcurrency, MAX_TILES) }),
      ),
    notLoaded('The gallery'),
  );
  const baseline = lazyPort(
    () => import('./baseline').then((m) => new m.BaselineClient(store)),
    notLoaded('The baseline'),
  );
  store.getState().connect({ training, gallery, baseline });
  const pin = startPinClient(store);
  return () => {
    training.stop();
    pin.stop();
    gallery.stop();
    baseline.stop();
  };
}
