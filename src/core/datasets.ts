/**
 * Seeded datasets, defined in docs/algorithms.md. `moons` and `circles` are scikit-learn's
 * `make_moons` / `make_circles` after `np.random.seed(seed)`, to the last bit.
 */
import { testCount } from '../config/derived';
import type { Dataset } from '../config/schema';
import { linspace } from './linspace';
import { RandomState } from './rng';

export interface Data {
  /** n x 2, row-major. */
  X: Float64Array;
  /** Class of each row, 0..classes-1. */
  y: Uint8Array;
  n: number;
  /** The network's outputs: the number of classes, or 1 for regression. */
  classes: number;
  /** Regression only (plane, gauss): the number to predict at each row (y is then all 0). */
  t?: Float64Array;
}

export interface DatasetSpec {
  data: Dataset;
  n: number;
  noise: number;
  seed: number;
  classes: number;
}

function classSizes(n: number, k: number): number[] {
  return Array.from({ length: k }, (_, j) => Math.floor(n / k) + (j < n % k ? 1 : 0));
}

/** Shuffles rows with one `rng.shuffle(np.arange(n))`, then adds `normal(scale=s, size=(n, 2))`. */
function shuffleAndNoise(d: Data, rng: RandomState, scale: number, shuffle: boolean): Data {
  const { n } = d;
  let { X, y } = d;
  if (shuffle) {
    const idx = new Float64Array(n);
    for (let i = 0; i < n; i++) idx[i] = i;
    rng.shuffle(idx);
    const X2 = new Float64Array(2 * n);
    const y2 = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const j = idx[i]!;
      X2[2 * i] = X[2 * j]!;
      X2[2 * i + 1] = X[2 * j + 1]!;
      y2[i] = y[j]!;
    }
    X = X2;
    y = y2;
  }
  for (let i = 0; i < 2 * n; i++) X[i]! += rng.normal(0, scale);
  return d.t ? { X, y, n, classes: d.classes, t: d.t } : { X, y, n, classes: d.classes };
}

function twoArcs(
  n: number,
  outer: (t: Float64Array) => [Float64Array, Float64Array],
  inner: (t: Float64Array) => [Float64Array, Float64Array],
): Data {
  const nOut = Math.floor(n / 2);
  const nIn = n - nOut;
  const [ox, oy] = outer(new Float64Array(nOut));
  const [ix, iy] = inner(new Float64Array(nIn));
  const X = new Float64Array(2 * n);
  const y = new Uint8Array(n);
  for (let i = 0; i < nOut; i++) {
    X[2 * i] = ox[i]!;
    X[2 * i + 1] = oy[i]!;
  }
  for (let i = 0; i < nIn; i++) {
    X[2 * (nOut + i)] = ix[i]!;
    X[2 * (nOut + i) + 1] = iy[i]!;
    y[nOut + i] = 1;
  }
  return { X, y, n, classes: 2 };
}

function moons(n: number): Data {
  return twoArcs(
    n,
    (t) => {
      const s = linspace(0, Math.PI, t.length);
      return [s.map(Math.cos), s.map(Math.sin)];
    },
    (t) => {
      const s = linspace(0, Math.PI, t.length);
      return [s.map((v) => 1 - Math.cos(v)), s.map((v) => 1 - Math.sin(v) - 0.5)];
    },
  );
}

function circles(n: number): Data {
  return twoArcs(
    n,
    (t) => {
      const s = linspace(0, 2 * Math.PI, t.length, false);
      return [s.map(Math.cos), s.map(Math.sin)];
    },
    (t) => {
      const s = linspace(0, 2 * Math.PI, t.length, false);
      return [s.map((v) => Math.cos(v) * 0.5), s.map((v) => Math.sin(v) * 0.5)];
    },
  );
}

function xor(n: number, rng: RandomState): Data {
  const X = new Float64Array(2 * n);
  const y = new Uint8Array(n);
  for (let i = 0; i < 2 * n; i++) X[i] = rng.uniform(-1, 1);
  for (let i = 0; i < n; i++) y[i] = X[2 * i]! >= 0 !== X[2 * i + 1]! >= 0 ? 1 : 0;
  return { X, y, n, classes: 2 };
}

/** TensorFlow Playground's plane, on our scale: t = (x1 + x2) / 2 over uniform points in [-1, 1]². */
function plane(n: number, rng: RandomState): Data {
  const X = new Float64Array(2 * n);
  const t = new Float64Array(n);
  for (let i = 0; i < 2 * n; i++) X[i] = rng.uniform(-1, 1);
  for (let i = 0; i < n; i++) t[i] = (X[2 * i]! + X[2 * i + 1]!) / 2;
  return { X, y: new Uint8Array(n), n, classes: 1, t };
}

/**
 * TensorFlow Playground's six Gaussians, on our scale (its coordinates / 6): centres (cx, cy) with a
 * sign, each a bump s * max(0, 1 - 3 d) at distance d; t is the bump of largest magnitude (the first
 * one on a tie), 0 away from all of them.
 */
const GAUSSIANS: readonly (readonly [number, number, number])[] = [
  [-4, 2.5, 1],
  [0, 2.5, -1],
  [4, 2.5, 1],
  [-4, -2.5, -1],
  [0, -2.5, 1],
  [4, -2.5, -1],
];

export function gaussTarget(a: number, b: number): number {
  let t = 0;
  for (const [cx, cy, sign] of GAUSSIANS) {
    const dx = a - cx / 6;
    const dy = b - cy / 6;
    const v = sign * Math.max(0, 1 - 3 * Math.sqrt(dx * dx + dy * dy));
    if (Math.abs(v) > Math.abs(t)) t = v;
  }
  return t;
}

function gauss(n: number, rng: RandomState): Data {
  const X = new Float64Array(2 * n);
  const t = new Float64Array(n);
  for (let i = 0; i < 2 * n; i++) X[i] = rng.uniform(-1, 1);
  for (let i = 0; i < n; i++) t[i] = gaussTarget(X[2 * i]!, X[2 * i + 1]!);
  return { X, y: new Uint8Array(n), n, classes: 1, t };
}

/** Points of class j placed by `place(j, i, m)`, class 0's rows first. */
function perClass(
  n: number,
  k: number,
  place: (j: number, r: Float64Array) => [Float64Array, Float64Array],
): Data {
  const X = new Float64Array(2 * n);
  const y = new Uint8Array(n);
  let row = 0;
  classSizes(n, k).forEach((m, j) => {
    const [px, py] = place(j, linspace(0, 1, m));
    for (let i = 0; i < m; i++, row++) {
      X[2 * row] = px[i]!;
      X[2 * row + 1] = py[i]!;
      y[row] = j;
    }
  });
  return { X, y, n, classes: k };
}

function blobs(n: number, k: number): Data {
  return perClass(n, k, (j, r) => {
    const a = (2 * Math.PI * j) / k;
    return [r.map(() => Math.cos(a)), r.map(() => Math.sin(a))];
  });
}

function spiral(n: number, k: number): Data {
  return perClass(n, k, (j, r) => {
    const angle = (v: number) => (2 * Math.PI * j) / k + 3 * Math.PI * v;
    return [r.map((v) => v * Math.cos(angle(v))), r.map((v) => v * Math.sin(angle(v)))];
  });
}

export function makeDataset(spec: DatasetSpec): Data {
  const rng = new RandomState(spec.seed);
  const { n, noise } = spec;
  switch (spec.data) {
    case 'moons':
      return shuffleAndNoise(moons(n), rng, noise, true);
    case 'circles':
      return shuffleAndNoise(circles(n), rng, noise, true);
    case 'xor':
      return shuffleAndNoise(xor(n, rng), rng, noise, false);
    case 'blobs':
      return shuffleAndNoise(blobs(n, spec.classes), rng, noise, true);
    case 'spiral':
      return shuffleAndNoise(spiral(n, spec.classes), rng, noise / 2, true);
    case 'plane':
      return shuffleAndNoise(plane(n, rng), rng, noise, false);
    case 'gauss':
      return shuffleAndNoise(gauss(n, rng), rng, noise, false);
  }
}

export interface Split {
  train: Data;
  test: Data | null;
}

/** The first `n - round(test * n)` rows train, the rest test. */
export function splitData(d: Data, test: number): Split {
  const nTest = testCount(test, d.n);
  if (nTest <= 0) return { train: d, test: null };
  const nTrain = d.n - nTest;
  const part = (from: number, to: number): Data => {
    const p: Data = {
      X: d.X.slice(2 * from, 2 * to),
      y: d.y.slice(from, to),
      n: to - from,
      classes: d.classes,
    };
    if (d.t) p.t = d.t.slice(from, to);
    return p;
  };
  return { train: part(0, nTrain), test: part(nTrain, d.n) };
}
