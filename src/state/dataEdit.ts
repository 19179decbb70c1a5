/**
 * Editing the points: pure functions from one dataset to the next (the store keeps the result).
 * New points go first, so they train: the test split takes the last rows (core/datasets.ts), and the
 * points held out before an edit stay held out.
 */
import { classCount } from '../config/derived';
import type { Config } from '../config/schema';
import type { Data } from '../core/datasets';
import type { PointsFrame } from '../protocol/training';

/** As many rows as a CSV import or a link may hold (io/csv.ts). */
export const MAX_POINTS = 2000;
export const MAX_CLASSES = 5;
/** Training needs at least this many rows. */
export const MIN_POINTS = 2;

/**
 * Edited data is kept at float32 precision, so the share link (io/dataLink.ts, float32 rows) carries it
 * exactly and a link restores the very same run.
 */
export function atLinkPrecision(d: Data): Data {
  return { ...d, X: d.X.map(Math.fround) };
}

export function dataFromPoints(p: PointsFrame): Data {
  const d: Data = { X: p.X.slice(), y: p.y.slice(), n: p.y.length, classes: p.classes };
  if (p.t) d.t = p.t.slice();
  return d;
}

function classesOf(y: Uint8Array, atLeast: number): number {
  let top = 0;
  for (let i = 0; i < y.length; i++) if (y[i]! > top) top = y[i]!;
  return Math.max(2, atLeast, top + 1);
}

/** `d` with (x, y) of class `label` as its first row; null when full or the label is out of range. */
export function withPoint(d: Data, x: number, y: number, label: number): Data | null {
  if (d.n >= MAX_POINTS || !Number.isInteger(label) || label < 0 || label >= MAX_CLASSES) return null;
  if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
  const X = new Float64Array(2 * (d.n + 1));
  X[0] = x;
  X[1] = y;
  X.set(d.X.subarray(0, 2 * d.n), 2);
  const labels = new Uint8Array(d.n + 1);
  labels[0] = label;
  labels.set(d.y.subarray(0, d.n), 1);
  return { X, y: labels, n: d.n + 1, classes: Math.max(d.classes, label + 1) };
}

/** `d` without row `i`; null when that would leave too few rows. */
export function withoutPoint(d: Data, i: number): Data | null {
  if (d.n <= MIN_POINTS || !Number.isInteger(i) || i < 0 || i >= d.n) return null;
  const X = new Float64Array(2 * (d.n - 1));
  X.set(d.X.subarray(0, 2 * i));
  X.set(d.X.subarray(2 * (i + 1), 2 * d.n), 2 * i);
  const y = new Uint8Array(d.n - 1);
  y.set(d.y.subarray(0, i));
  y.set(d.y.subarray(i + 1, d.n), i);
  // Removing the last point of the top class drops that class (down to two).
  return { X, y, n: d.n - 1, classes: classesOf(y, 2) };
}

/** Index of the row nearest (x, y) within `radius` (data units), or -1. */
export function nearestPoint(X: Float64Array, n: number, x: number, y: number, radius: number): number {
  let best = -1;
  let bestD = radius * radius;
  for (let i = 0; i < n; i++) {
    const dx = X[2 * i]! - x;
    const dy = X[2 * i + 1]! - y;
    const d = dx * dx + dy * dy;
    if (d <= bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

/** The settings the generator draws the points from (not the test split, which applies to edited data too). */
export function generatorKey(c: Config): string {
  return [c.data, c.n, c.noise, c.seed, classCount(c)].join('|');
}
