/**
 * The exact reading under the pointer (render/pointProbs.ts, with the engine it needs) is fetched when
 * the plot is first read, not with the page: until it arrives, and if it cannot (offline before it was
 * ever fetched), the readout shows the nearest grid cell's probabilities.
 */
import { useEffect, useState } from 'react';
import type { pointProbs } from '../../render/pointProbs';

export type PointProbs = typeof pointProbs;

let loaded: PointProbs | null = null;
let loading: Promise<PointProbs> | null = null;

export function loadPointProbs(): Promise<PointProbs> {
  loading ??= import('../../render/pointProbs').then(
    (m) => {
      loaded = m.pointProbs;
      return loaded;
    },
    (err: unknown) => {
      // The next reading tries again.
      loading = null;
      throw err;
    },
  );
  return loading;
}

/** The exact reading once loaded; asks for it the first time `wanted` is true. */
export function usePointProbs(wanted: boolean): PointProbs | null {
  const [fn, setFn] = useState<PointProbs | null>(() => loaded);
  useEffect(() => {
    if (!wanted || fn) return;
    let live = true;
    loadPointProbs().then(
      (f) => {
        if (live) setFn(() => f);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [wanted, fn]);
  return fn;
}
