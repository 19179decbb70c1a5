/**
 * The tutorial's logistic-regression baseline, as scikit-learn's `LogisticRegressionCV()`: L2, ten C
 * values log-spaced over [1e-4, 1e4], stratified 5-fold CV on accuracy, then a refit on all rows.
 * Binary for two classes, multinomial for more; solved by damped Newton's method (docs/algorithms.md).
 */
import type { Data } from './datasets';
import { solve } from './linalg';

export interface Logistic {
  classes: number;
  /** Binary: w = [w0, w1, b]. Multinomial: per class k, [w0k, w1k, bk] at 3k. */
  coef: Float64Array;
}

export interface BaselineResult {
  model: Logistic;
  C: number;
  Cs: number[];
  /** Mean CV accuracy per C. */
  cvScores: number[];
  accuracy: number;
}

const FOLDS = 5;

export function logspace(a: number, b: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => 10 ** (a + ((b - a) * i) / (n - 1)));
}

/** Scores, rows x K (binary: K = 1, the logit of class 1). */
function scores(m: Logistic, X: Float64Array, i: number, out: Float64Array): void {
  const K = m.classes === 2 ? 1 : m.classes;
  const x0 = X[2 * i]!;
  const x1 = X[2 * i + 1]!;
  for (let k = 0; k < K; k++) out[k] = m.coef[3 * k]! * x0 + m.coef[3 * k + 1]! * x1 + m.coef[3 * k + 2]!;
}

/** Class probabilities of row i into out (length = classes). */
export function logisticProbs(m: Logistic, X: Float64Array, i: number, out: Float64Array): void {
  if (m.classes === 2) {
    scores(m, X, i, out);
    const p = 1 / (1 + Math.exp(-out[0]!));
    out[0] = 1 - p;
    out[1] = p;
    return;
  }
  scores(m, X, i, out);
  let mx = out[0]!;
  for (let k = 1; k < m.classes; k++) mx = Math.max(mx, out[k]!);
  let s = 0;
  for (let k = 0; k < m.classes; k++) {
    out[k] = Math.exp(out[k]! - mx);
    s += out[k]!;
  }
  for (let k = 0; k < m.classes; k++) out[k]! /= s;
}

export function logisticPredict(m: Logistic, X: Float64Array, i: number, tmp: Float64Array): number {
  logisticProbs(m, X, i, tmp);
  let best = 0;
  for (let k = 1; k < m.classes; k++) if (tmp[k]! > tmp[best]!) best = k;
  return best;
}

/** Objective C sum logloss + 0.5 |w|^2 with its gradient and Hessian over the rows in `rows`. */
function objective(
  coef: Float64Array,
  K: number,
  d: Data,
  rows: Int32Array,
  C: number,
  g: Float64Array | null,
  H: Float64Array | null,
): number {
  const P = 3 * K;
  const binary = d.classes === 2;
  if (g) g.fill(0);
  if (H) H.fill(0);
  let f = 0;
  const z = new Float64Array(K);
  const p = new Float64Array(K);
  for (const i of rows) {
    const x = [d.X[2 * i]!, d.X[2 * i + 1]!, 1];
    const yi = d.y[i]!;
    for (let k = 0; k < K; k++) z[k] = coef[3 * k]! * x[0]! + coef[3 * k + 1]! * x[1]! + coef[3 * k + 2]!;
    if (binary) {
      const t = yi === 1 ? z[0]! : -z[0]!;
      // log(1 + e^{-t}) without overflow.
      f += t > 0 ? Math.log1p(Math.exp(-t)) : -t + Math.log1p(Math.exp(t));
      p[0] = 1 / (1 + Math.exp(-z[0]!));
    } else {
      let mx = z[0]!;
      for (let k = 1; k < K; k++) mx = Math.max(mx, z[k]!);
      let s = 0;
      for (let k = 0; k < K; k++) s += Math.exp(z[k]! - mx);
      f += mx + Math.log(s) - z[yi]!;
      for (let k = 0; k < K; k++) p[k] = Math.exp(z[k]! - mx) / s;
    }
    if (g) {
      for (let k = 0; k < K; k++) {
        const r = p[k]! - (binary ? yi : yi === k ? 1 : 0);
        for (let a = 0; a < 3; a++) g[3 * k + a]! += C * r * x[a]!;
      }
    }
    if (H) {
      for (let k = 0; k < K; k++) {
        for (let l = 0; l < K; l++) {
          const w = binary ? p[0]! * (1 - p[0]!) : p[k]! * ((k === l ? 1 : 0) - p[l]!);
          for (let a = 0; a < 3; a++)
            for (let b = 0; b < 3; b++) H[(3 * k + a) * P + 3 * l + b]! += C * w * x[a]! * x[b]!;
        }
      }
    }
  }
  f *= C;
  for (let k = 0; k < K; k++) {
    for (let a = 0; a < 2; a++) {
      const w = coef[3 * k + a]!;
      f += 0.5 * w * w;
      if (g) g[3 * k + a]! += w;
      if (H) H[(3 * k + a) * P + 3 * k + a]! += 1;
    }
    // The intercepts are not penalised; a tiny ridge keeps the multinomial Hessian invertible.
    if (H) H[(3 * k + 2) * P + 3 * k + 2]! += 1e-12;
  }
  return f;
}

export function fitLogistic(d: Data, rows: Int32Array, C: number): Logistic {
  const K = d.classes === 2 ? 1 : d.classes;
  const P = 3 * K;
  const coef = new Float64Array(P);
  const g = new Float64Array(P);
  const H = new Float64Array(P * P);
  let f = objective(coef, K, d, rows, C, g, H);
  for (let it = 0; it < 200; it++) {
    let gn = 0;
    for (let i = 0; i < P; i++) gn = Math.max(gn, Math.abs(g[i]!));
    if (gn < 1e-10 * Math.max(1, C)) break;
    const step = solve(H, g, P);
    let t = 1;
    const trial = new Float64Array(P);
    let ft = f;
    for (let ls = 0; ls < 60; ls++) {
      for (let i = 0; i < P; i++) trial[i] = coef[i]! - t * step[i]!;
      ft = objective(trial, K, d, rows, C, null, null);
      if (ft <= f) break;
      t /= 2;
    }
    if (!(ft <= f)) break;
    coef.set(trial);
    const prev = f;
    f = objective(coef, K, d, rows, C, g, H);
    if (prev - f <= 1e-15 * Math.abs(f) && t < 1e-6) break;
  }
  return { classes: d.classes, coef };
}

/** StratifiedKFold(5) without shuffle: the fold of each row. */
export function stratifiedFolds(y: Uint8Array, classes: number, folds = FOLDS): Int32Array {
  const sorted = Array.from(y).sort((a, b) => a - b);
  const alloc: number[][] = [];
  for (let f = 0; f < folds; f++) {
    const counts = new Array<number>(classes).fill(0);
    for (let i = f; i < sorted.length; i += folds) counts[sorted[i]!]!++;
    alloc.push(counts);
  }
  const fold = new Int32Array(y.length);
  for (let k = 0; k < classes; k++) {
    const labels: number[] = [];
    for (let f = 0; f < folds; f++) for (let c = 0; c < alloc[f]![k]!; c++) labels.push(f);
    let next = 0;
    for (let i = 0; i < y.length; i++) if (y[i] === k) fold[i] = labels[next++]!;
  }
  return fold;
}

function accuracyOn(m: Logistic, d: Data, rows: Int32Array): number {
  const tmp = new Float64Array(Math.max(2, d.classes));
  let hits = 0;
  for (const i of rows) if (logisticPredict(m, d.X, i, tmp) === d.y[i]) hits++;
  return hits / rows.length;
}

export function logisticRegressionCV(d: Data): BaselineResult {
  const Cs = logspace(-4, 4, 10);
  const fold = stratifiedFolds(d.y, d.classes);
  const all = Int32Array.from({ length: d.n }, (_, i) => i);
  // scikit-learn picks the first C with the largest sum of fold scores.
  const sums = Cs.map((C) => {
    let sum = 0;
    for (let f = 0; f < FOLDS; f++) {
      const trainRows = all.filter((i) => fold[i] !== f);
      const testRows = all.filter((i) => fold[i] === f);
      sum += accuracyOn(fitLogistic(d, trainRows, C), d, testRows);
    }
    return sum;
  });
  const cvScores = sums.map((s) => s / FOLDS);
  let best = 0;
  for (let i = 1; i < Cs.length; i++) if (sums[i]! > sums[best]!) best = i;
  const C = Cs[best]!;
  const model = fitLogistic(d, all, C);
  return { model, C, Cs, cvScores, accuracy: accuracyOn(model, d, all) };
}
