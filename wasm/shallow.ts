// Backpropagation and the update for networks of one hidden layer and two classes, [2, h, 2] (the
// tutorial's shape), in one sweep over the rows per pair of hidden units instead of four layer-wise
// passes: the same operations as the layered path in the same order (each sum over rows in row
// order from 0), with the sums held in registers. As in layers.ts, an odd h computes one lane too
// many at its end and stores only the first.
import { derive } from './math';

/**
 * From the output deltas D (rows x 2), the hidden activations A (rows x h) and the input X (rows x
 * 2): W2 -= lr (A^T D + reg W2), b2 -= lr sum D, and with the hidden deltas P = (D W2^T + 0) f'(A)
 * (taken with W2 before its update): W1 -= lr (X^T P + reg W1), b1 -= lr sum P.
 */
export function shallowBackward(
  X: usize, A: usize, D: usize, W1: usize, b1: usize, W2: usize, b2: usize,
  rows: i32, h: i32, lr: f64, reg: f64, act: i32,
): void {
  const lv = f64x2.splat(lr);
  const rv = f64x2.splat(reg);
  const zero = f64x2.splat(0);
  const as = <usize>h << 3;
  const end = <usize>rows << 4;
  // b2: the sums of D's two columns, row by row.
  let db = zero;
  for (let d = D; d < D + end; d += 16) db = f64x2.add(db, v128.load(d));
  v128.store(b2, f64x2.sub(v128.load(b2), f64x2.mul(lv, db)));
  for (let k = 0; k < h; k += 2) {
    const whole = k + 1 < h;
    const ko = <usize>k << 3;
    // W2's rows k and k+1, as columns: w0 = (W2[k, 0], W2[k+1, 0]), w1 = (W2[k, 1], W2[k+1, 1]).
    const r0 = v128.load(W2 + (ko << 1));
    const r1 = v128.load(W2 + (ko << 1), 16);
    const w0 = v128.shuffle<f64>(r0, r1, 0, 2);
    const w1 = v128.shuffle<f64>(r0, r1, 1, 3);
    let g0 = zero;
    let g1 = zero;
    let s0 = zero;
    let s1 = zero;
    let sb = zero;
    let a = A + ko;
    for (let i: usize = 0; i < end; i += 16) {
      const av = v128.load(a);
      const d0 = v128.load64_splat(D + i);
      const d1 = v128.load64_splat(D + i, 8);
      g0 = f64x2.add(g0, f64x2.mul(av, d0));
      g1 = f64x2.add(g1, f64x2.mul(av, d1));
      const p = derive(f64x2.add(f64x2.add(f64x2.mul(d0, w0), f64x2.mul(d1, w1)), zero), av, act);
      s0 = f64x2.add(s0, f64x2.mul(v128.load64_splat(X + i), p));
      s1 = f64x2.add(s1, f64x2.mul(v128.load64_splat(X + i, 8), p));
      sb = f64x2.add(sb, p);
      a += as;
    }
    const n0 = f64x2.sub(w0, f64x2.mul(lv, f64x2.add(g0, f64x2.mul(rv, w0))));
    const n1 = f64x2.sub(w1, f64x2.mul(lv, f64x2.add(g1, f64x2.mul(rv, w1))));
    v128.store(W2 + (ko << 1), v128.shuffle<f64>(n0, n1, 0, 2));
    if (whole) v128.store(W2 + (ko << 1), v128.shuffle<f64>(n0, n1, 1, 3), 16);
    step(W1 + ko, s0, lv, rv, whole);
    step(W1 + as + ko, s1, lv, rv, whole);
    const bp = b1 + ko;
    const bn = f64x2.sub(v128.load(bp), f64x2.mul(lv, sb));
    if (whole) v128.store(bp, bn);
    else v128.store64_lane(bp, bn, 0);
  }
}

/** W -= lr (g + reg W) at w; only the first lane unless whole. */
// @ts-ignore: decorator
@inline
function step(w: usize, g: v128, lr: v128, reg: v128, whole: bool): void {
  const wv = v128.load(w);
  const n = f64x2.sub(wv, f64x2.mul(lr, f64x2.add(g, f64x2.mul(reg, wv))));
  if (whole) v128.store(w, n);
  else v128.store64_lane(w, n, 0);
}
