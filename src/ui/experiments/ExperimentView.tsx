/**
 * The experiments' views in place of the playground's stage. They are one chunk, loaded on first
 * use, so the playground alone loads hardly more script than before.
 */
import { lazy, Suspense, useId } from 'react';
import { VIEW_LABELS, type ViewId } from '../../state/view';

const load = () => import('./views');
const VIEWS = {
  baseline: lazy(() => load().then((m) => ({ default: m.BaselineView }))),
  gallery: lazy(() => load().then((m) => ({ default: m.GalleryView }))),
  equations: lazy(() => load().then((m) => ({ default: m.EquationsView }))),
  exercises: lazy(() => load().then((m) => ({ default: m.ExercisesView }))),
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
      <Suspense fallback={<p className="view-intro">Loading…</p>}>
        <View />
      </Suspense>
    </section>
  );
}
