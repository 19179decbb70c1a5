/**
 * A hidden unit's activation as pixels, one per cell: white at 0, blue for positive values and orange
 * for negative ones (the diagram's weight colours), at full strength for the largest |value| shown.
 */
import type { UnitFrame } from '../protocol/training';
import { parseRgb } from './colors';
import { NEGATIVE, POSITIVE } from './diagram';

const POS = parseRgb(POSITIVE);
const NEG = parseRgb(NEGATIVE);
const NAN_GREY = 200;

/** Smallest and largest finite value (0, 0 when there is none). */
export function valueRange(values: Float32Array): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : [0, 0];
}

/** Writes the field into `out` (RGBA, width x height of the frame). */
export function paintUnitField(frame: UnitFrame, out: Uint8ClampedArray): void {
  paintDiverging(frame.values, out);
}

/** Writes `values` into `out` (RGBA, one pixel per value), white at 0 and full colour at the largest |value|. */
export function paintDiverging(values: Float32Array, out: Uint8ClampedArray): void {
  const [lo, hi] = valueRange(values);
  const m = Math.max(Math.abs(lo), Math.abs(hi));
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const o = 4 * i;
    out[o + 3] = 255;
    if (!Number.isFinite(v)) {
      out[o] = out[o + 1] = out[o + 2] = NAN_GREY;
      continue;
    }
    const t = m > 0 ? Math.min(1, Math.abs(v) / m) : 0;
    const c = v >= 0 ? POS : NEG;
    out[o] = 255 + (c[0] - 255) * t;
    out[o + 1] = 255 + (c[1] - 255) * t;
    out[o + 2] = 255 + (c[2] - 255) * t;
  }
}
