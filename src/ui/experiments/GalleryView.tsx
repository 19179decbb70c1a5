/**
 * The tutorial's gallery of decision boundaries for several hidden sizes, trained live by a pool of
 * workers on the current data, seed and settings. A new configuration restarts it; a tile loads its
 * configuration into the playground. With a test split, the accuracies show overfitting.
 */
import { useCallback, useEffect, useId } from 'react';
import type { Tile } from '../../state/gallery';
import { useStore, useStoreApi } from '../../state/react';
import { AccuracyChart } from './AccuracyChart';
import { GalleryTile, unitsLabel } from './GalleryTile';
import { SizesForm } from './SizesForm';

/** The tile with the best test accuracy, once every tile is done (ties: the smaller network). */
function bestTile(tiles: readonly Tile[], done: number): number {
  if (tiles.length < 2 || done < tiles.length) return -1;
  let best = -1;
  tiles.forEach((t, i) => {
    if (t.testAcc !== null && (best < 0 || t.testAcc > tiles[best]!.testAcc!)) best = i;
  });
  return best;
}

export default function GalleryView() {
  const store = useStoreApi();
  const sizes = useStore((s) => s.gallerySizes);
  const setSizes = useStore((s) => s.setGallerySizes);
  const gallery = useStore((s) => s.gallery);
  const test = useStore((s) => s.config.test);
  const helpId = useId();

  useEffect(() => {
    store.getState().startGallery();
    return () => store.getState().stopGallery();
  }, [store]);

  const { tiles, done } = gallery;
  const points = useStore((s) => s.points);
  const regression = points.t !== undefined;
  const best = bestTile(tiles, done);
  const load = useCallback(
    (t: Tile) => {
      const s = store.getState();
      s.setConfig(t.config);
      s.setView('playground');
    },
    [store],
  );
  const overfit = () => {
    const c = store.getState().config;
    store.getState().setConfig({ ...c, noise: 0.4, test: 0.5, reg: 0.0001 });
  };
  const layers = tiles[0]?.config.hidden.length ?? 1;

  return (
    <div className="gallery-view">
      <p className="view-intro">
        The tutorial's gallery: the same data, seed and settings, with more and more hidden units. Small
        networks capture the trend; big ones also fit the noise (overfitting), which only a held-out test set
        shows. A tile loads its network into the playground.
      </p>
      <div className="gallery-controls">
        <SizesForm sizes={sizes} onChange={setSizes} />
        <div className="overfit">
          <p id={helpId} className="form-hint">
            {test === 0
              ? 'No test set yet: training accuracy alone rewards bigger networks.'
              : `${Math.round(test * 100)}% of the points are held out as a test set.`}{' '}
            Noisier points, half held out and almost no regularization make the gap plain.
          </p>
          <div className="button-row">
            {test === 0 ? (
              <button type="button" onClick={() => store.getState().setNumber('test', 0.3)}>
                Hold out 30% for testing
              </button>
            ) : null}
            <button type="button" aria-describedby={helpId} onClick={overfit}>
              Show overfitting
            </button>
          </div>
        </div>
      </div>
      {regression ? (
        <p className="form-hint" data-testid="gallery-no-accuracy">
          Accuracy does not apply to regression (plane, Gaussians): the points have values, not classes.
          Compare the fits by their shading; a tile loads its network into the playground, which shows its
          loss.
        </p>
      ) : null}
      <p className="gallery-status" data-testid="gallery-status" data-done={done} data-total={tiles.length}>
        {done < tiles.length ? `Training: ${done} of ${tiles.length} done` : `All ${tiles.length} trained`}
        {best >= 0 ? `; best test accuracy: ${unitsLabel(tiles[best]!.units, layers)}` : ''}
      </p>
      <ul className="tiles" aria-label="Decision boundaries by hidden size">
        {tiles.map((t, i) => (
          <GalleryTile
            key={t.units}
            tile={t}
            points={points}
            best={i === best}
            onLoad={load}
            accuracy={!regression}
          />
        ))}
      </ul>
      {tiles.length > 1 && !regression ? <AccuracyChart tiles={tiles} /> : null}
      <p className="sr-only" role="status">
        {tiles.length > 0 && done === tiles.length ? 'The gallery has finished training.' : ''}
      </p>
    </div>
  );
}
