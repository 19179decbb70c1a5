/**
 * Starts the page's worker clients and connects them to the store: the training worker at once, the
 * gallery's pool and the analysis worker when their views ask for them.
 */
import { MAX_TILES, poolSize } from '../config/gallery';
import type { AppStore } from '../state/store';
import { BaselineClient } from './baseline';
import { GalleryPool } from './galleryPool';
import { startPinClient } from './pin';
import { startWorkerClient } from './training';

export function startWorkers(store: AppStore): () => void {
  const training = startWorkerClient(store);
  const gallery = new GalleryPool(store, { workers: poolSize(navigator.hardwareConcurrency, MAX_TILES) });
  const baseline = new BaselineClient(store);
  store.getState().connect({ training, gallery, baseline });
  const pin = startPinClient(store);
  return () => {
    training.stop();
    pin.stop();
    gallery.stop();
    baseline.stop();
  };
}
