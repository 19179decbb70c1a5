/**
 * The probability field as pixels, one per grid cell (scaled up smoothly when drawn). Two classes:
 * Spectral at P(class 1), so the boundary zone is the map's yellow middle; more classes: the mix of the
 * class colours weighted by their probabilities. Discretized: the colour of the most likely class only.
 * Regression (one output): the predicted value on a diverging map (colors.ts).
 */
import type { GridFrame } from '../protocol/training';
import { classRgb, divergingRgb, pastel, SPECTRAL_LUT } from './colors';

const NAN_GREY = 200;
export const REGRESSION_STRENGTH = 0.8;

/** Writes `grid` into `out` (RGBA, width x height of the grid). */
export function paintField(grid: GridFrame, out: Uint8ClampedArray, discrete = false): void {
  const { width, height, classes, probs } = grid;
  const cells = width * height;
  if (classes === 1) {
    paintValues(grid, out);
    return;
  }
  if (discrete && classes > 2) {
    paintArgmax(grid, out);
    return;
  }
  if (classes === 2) {
    const p1 = probs.subarray(cells, 2 * cells);
    for (let i = 0; i < cells; i++) {
      const p = p1[i]!;
      const o = 4 * i;
      if (p >= 0 && p <= 1) {
        const k = 3 * (discrete ? (p < 0.5 ? 0 : 255) : Math.round(p * 255));
        out[o] = SPECTRAL_LUT[k]!;
        out[o + 1] = SPECTRAL_LUT[k + 1]!;
        out[o + 2] = SPECTRAL_LUT[k + 2]!;
      } else {
        out[o] = out[o + 1] = out[o + 2] = NAN_GREY;
      }
      out[o + 3] = 255;
    }
    return;
  }
  const colors = Array.from({ length: classes }, (_, c) => pastel(classRgb(c)));
  for (let i = 0; i < cells; i++) {
    let r = 0;
    let g = 0;
    let b = 0;
    for (let c = 0; c < classes; c++) {
      const p = probs[c * cells + i]!;
      const col = colors[c]!;
      r += p * col[0];
      g += p * col[1];
      b += p * col[2];
    }
    const o = 4 * i;
    if (Number.isFinite(r + g + b)) {
      out[o] = r;
      out[o + 1] = g;
      out[o + 2] = b;
    } else {
      out[o] = out[o + 1] = out[o + 2] = NAN_GREY;
    }
    out[o + 3] = 255;
  }
}

/** Regression: each cell the diverging colour of the predicted value (grey where it is not finite). */
function paintValues(grid: GridFrame, out: Uint8ClampedArray): void {
  const cells = grid.width * grid.height;
  for (let i = 0; i < cells; i++) {
    const v = grid.probs[i]!;
    const o = 4 * i;
    if (Number.isFinite(v)) {
      // Lighter than the points (full colour), so they stand out on it; stronger than the class fields'
      // pastel, so that small values still read.
      const c = pastel(divergingRgb(v), REGRESSION_STRENGTH);
      out[o] = c[0];
      out[o + 1] = c[1];
      out[o + 2] = c[2];
    } else out[o] = out[o + 1] = out[o + 2] = NAN_GREY;
    out[o + 3] = 255;
  }
}

/** Each cell in the pastel colour of its most likely class (grey where a probability is not finite). */
function paintArgmax(grid: GridFrame, out: Uint8ClampedArray): void {
  const { width, height, classes, probs } = grid;
  const cells = width * height;
  const colors = Array.from({ length: classes }, (_, c) => pastel(classRgb(c)));
  for (let i = 0; i < cells; i++) {
    let best = 0;
    let top = Number.NEGATIVE_INFINITY;
    let finite = true;
    for (let c = 0; c < classes; c++) {
      const p = probs[c * cells + i]!;
      if (!Number.isFinite(p)) finite = false;
      else if (p > top) {
        top = p;
        best = c;
      }
    }
    const o = 4 * i;
    const col = colors[best]!;
    out[o] = finite ? col[0] : NAN_GREY;
    out[o + 1] = finite ? col[1] : NAN_GREY;
    out[o + 2] = finite ? col[2] : NAN_GREY;
    out[o + 3] = 255;
  }
}
