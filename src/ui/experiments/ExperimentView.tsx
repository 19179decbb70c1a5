/**
 * The experiments' views in place of the playground's stage. They are one chunk, loaded on first
 * use, so the playground alone loads hardly more script than before.
 */
import { useId } from 'react';
import { VIEW_LABELS, type ViewId } from '../../state/view';
import { lazyChunk } from '../lazyChunk';

const load = () => import('./views');
const VIEWS = {
  baseline: lazyChunk(VIEW_LABELS.baseline, () => load().then((m) => m.BaselineView)),
  gallery: lazyChunk(VIEW_LABELS.gallery, () => load().then((m) => m.GalleryView)),
  equations: lazyChunk(VIEW_LABELS.equations, () => load().then((m) => m.EquationsView)),
  exercises: lazyChunk(VIEW_LABELS.exercises, () => load().then((m) => m.ExercisesView)),
};

export type ExperimentId = Exclude<ViewId, 'playground'>;

export function ExperimentView({ view }: { view: ExperimentId }) {
  const id = useId();
  const View = VIEWS[view];
  return (
    <section className="experiment" aria-labelledby={id} data-view={view}>
      <h2 id={id} className="view-title">
        {VIEW_LABELS[view]}
      </h2>
      <View loading={<p className="view-intro">Loading…</p>} />
    </section>
  );
}
