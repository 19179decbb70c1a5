/** Where and how finely the worker samples the network for drawing: a box of the plot's shape and a grid size. */
import type { Box } from './box';

/** Largest grid: 150 x 150 cells at aspect 1 (a few ms for small networks). */
const MAX_CELLS = 150 * 150;
const MIN_CELLS = 32 * 32;
/** Multiply-adds per grid evaluation we aim for; big networks get a coarser grid. */
const MAC_BUDGET = 3e6;

export const MIN_ASPECT = 0.4;
export const MAX_ASPECT = 2.5;

export function clampAspect(aspect: number): number {
  if (!Number.isFinite(aspect) || aspect <= 0) return 1;
  return Math.min(MAX_ASPECT, Math.max(MIN_ASPECT, aspect));
}

/** Grows the shorter side of `box` (about its centre) so that width / height equals `aspect`. */
export function fitBox(box: Box, aspect: number): Box {
  const a = clampAspect(aspect);
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;
  if (w / h < a) {
    const grow = (h * a - w) / 2;
    return { x0: box.x0 - grow, x1: box.x1 + grow, y0: box.y0, y1: box.y1 };
  }
  const grow = (w / a - h) / 2;
  return { x0: box.x0, x1: box.x1, y0: box.y0 - grow, y1: box.y1 + grow };
}

/** Multiply-adds of one forward pass for one point. */
export function macsPerPoint(sizes: readonly number[]): number {
  let m = 0;
  for (let l = 0; l + 1 < sizes.length; l++) m += sizes[l]! * sizes[l + 1]!;
  return m;
}

/** Grid width and height for a network and a plot shape. */
export function gridSize(sizes: readonly number[], aspect: number): { width: number; height: number } {
  const a = clampAspect(aspect);
  const cells = Math.max(MIN_CELLS, Math.min(MAX_CELLS, MAC_BUDGET / macsPerPoint(sizes)));
  const width = Math.max(8, Math.round(Math.sqrt(cells * a)));
  const height = Math.max(8, Math.round(width / a));
  return { width, height };
}
