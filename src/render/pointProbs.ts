/**
 * The class probabilities the network gives one point of the plane: the core's forward pass, the one
 * the grid is drawn with. Its own module (with the engine it pulls in) so the page loads it only once
 * the plot is first read (ui/data/usePointProbs.ts).
 */
import { Forward } from '../core/forward';
import type { WeightsFrame } from '../protocol/training';

/** One row's forward pass, made again only when the network's shape changes. */
let forward: Forward | null = null;
const row = new Float64Array(2);

function sameSizes(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/** The class probabilities the network gives the point (x, y). */
export function pointProbs(w: WeightsFrame, x: number, y: number): number[] {
  if (!forward || !sameSizes(forward.sizes, w.sizes)) forward = new Forward([...w.sizes], 1);
  row[0] = x;
  row[1] = y;
  forward.run(w, row, 1, null);
  return Array.from(forward.probs);
}
