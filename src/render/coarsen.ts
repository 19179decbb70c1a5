/** A grid sampled down for small pictures: fewer cells cost the field and the boundary less. */
import type { GridFrame } from '../protocol/training';

/**
 * `grid` with each f x f block of cells averaged into one (cells that do not fill a block are dropped,
 * and the box shrinks to match), so the coarse cell centres are the centres of the blocks. f <= 1
 * returns `grid` itself.
 */
export function coarsen(grid: GridFrame, f: number): GridFrame {
  if (f <= 1) return grid;
  const { width: W, height: H, classes: C, box, probs } = grid;
  const w = Math.floor(W / f);
  const h = Math.floor(H / f);
  const out = new Float32Array(w * h * C);
  const k = 1 / (f * f);
  for (let c = 0; c < C; c++) {
    const src = c * W * H;
    const dst = c * w * h;
    for (let j = 0; j < h; j++) {
      for (let i = 0; i < w; i++) {
        let sum = 0;
        for (let b = 0; b < f; b++) {
          const row = src + (j * f + b) * W + i * f;
          for (let a = 0; a < f; a++) sum += probs[row + a]!;
        }
        out[dst + j * w + i] = sum * k;
      }
    }
  }
  const dx = (box.x1 - box.x0) / W;
  const dy = (box.y1 - box.y0) / H;
  return {
    width: w,
    height: h,
    classes: C,
    box: { x0: box.x0, x1: box.x0 + w * f * dx, y0: box.y1 - h * f * dy, y1: box.y1 },
    probs: out,
  };
}

/** The block size that brings the grid's longer side down to at most `maxSide` cells. */
export function coarseFactor(grid: GridFrame, maxSide: number): number {
  return Math.ceil(Math.max(grid.width, grid.height) / maxSide);
}
