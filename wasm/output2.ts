// The output layer of a two-class network, its softmax and (when training) its deltas: the
// operations of `combine`, `softmax2` and `probsMinusOneHot` (kernels.ts) in their order, each row's
// two classes in the lanes; the logits four rows at a time, the softmax two rows at a time.
import { ceBegin, ceEnd, ceRow } from './ce';
import { exp2 } from './math';

/** A row's probabilities from its two logits (lanes 0 and 1), as `softmax` computes them. */
// @ts-ignore: decorator
@inline
function probs2(z: v128): v128 {
  const z0 = f64x2.extract_lane(z, 0);
  const z1 = f64x2.extract_lane(z, 1);
  // exp(0) is exactly 1: the larger logit's lane needs no special case.
  const e = exp2(f64x2.sub(z, f64x2.splat(z1 > z0 ? z1 : z0)));
  return f64x2.mul(e, f64x2.splat(1 / (f64x2.extract_lane(e, 0) + f64x2.extract_lane(e, 1))));
}

/**
 * A row's probabilities from the term e = exp(lo - hi) of its smaller logit and `one` = hi - hi + 1
 * of its larger (1, or NaN if hi is infinite or NaN, as exp(hi - hi)), as `softmax2`; `up`: class 1's
 * logit is the larger.
 */
// @ts-ignore: decorator
@inline
function fromTerms(e: f64, one: f64, up: bool): v128 {
  const terms = up ? f64x2.replace_lane(f64x2.splat(e), 1, one) : f64x2.replace_lane(f64x2.splat(one), 1, e);
  return f64x2.mul(terms, f64x2.splat(1 / (one + e)));
}

/**
 * Stores row i's probabilities p at P and, with D != 0, its deltas p - onehot(y_i); returns P[y_i], or
 * 1 without labels (y == 0).
 */
// @ts-ignore: decorator
@inline
function finish(p: v128, P: usize, D: usize, y: usize, i: i32): f64 {
  const o = <usize>i << 4;
  v128.store(P + o, p);
  if (y == 0) return 1.0;
  const one = load<u8>(y + <usize>i) != 0;
  if (D != 0) v128.store(D + o, f64x2.sub(p, one ? f64x2(0, 1) : f64x2(1, 0)));
  return one ? f64x2.extract_lane(p, 1) : f64x2.extract_lane(p, 0);
}

/** The smaller of minP and t, NaN-aware as `softmax` (a NaN t wins). */
// @ts-ignore: decorator
@inline
function least(minP: f64, t: f64): f64 {
  return t >= minP ? minP : t;
}

/** The cross-entropy sum of the last call of `output2` that was asked for it. */
export let output2Loss: f64 = NaN;

/**
 * P = softmax(A W + b) for rows of A (rows x din), W din x 2; each logit summed over r in order, then
 * b added. With labels y (y != 0), returns the smallest probability of a row's true class (NaN-aware
 * as `softmax`), with D != 0 writes the deltas P - onehot(y), and with record != 0 sums the
 * cross-entropy over the rows (as index.ts's `crossEntropy`) into `output2Loss`; else returns 1.
 */
export function output2(A: usize, din: i32, W: usize, b: usize, P: usize, D: usize, y: usize, rows: i32, record: bool): f64 {
  const as = <usize>din << 3;
  const bv = v128.load(b);
  let minP = 1.0;
  let i = 0;
  for (; i + 3 < rows; i += 4) {
    const a0 = A + <usize>i * as;
    const a1 = a0 + as;
    const a2 = a1 + as;
    const a3 = a2 + as;
    let w = W;
    let wv = v128.load(w);
    let s0 = f64x2.mul(v128.load64_splat(a0), wv);
    let s1 = f64x2.mul(v128.load64_splat(a1), wv);
    let s2 = f64x2.mul(v128.load64_splat(a2), wv);
    let s3 = f64x2.mul(v128.load64_splat(a3), wv);
    for (let r: usize = 8; r < as; r += 8) {
      w += 16;
      wv = v128.load(w);
      s0 = f64x2.add(s0, f64x2.mul(v128.load64_splat(a0 + r), wv));
      s1 = f64x2.add(s1, f64x2.mul(v128.load64_splat(a1 + r), wv));
      s2 = f64x2.add(s2, f64x2.mul(v128.load64_splat(a2 + r), wv));
      s3 = f64x2.add(s3, f64x2.mul(v128.load64_splat(a3 + r), wv));
    }
    // The logits first; the softmax below in a loop of its own, whose body stays small enough for
    // the registers (four exps inlined here would spill).
    const p = P + (<usize>i << 4);
    v128.store(p, f64x2.add(s0, bv));
    v128.store(p, f64x2.add(s1, bv), 16);
    v128.store(p, f64x2.add(s2, bv), 32);
    v128.store(p, f64x2.add(s3, bv), 48);
  }
  // Two rows at a time, with one exp2 for both: only the smaller logit's term needs one.
  const sum = record && y != 0;
  if (sum) ceBegin();
  let prod = 1.0;
  for (let r = 0; r + 1 < i; r += 2) {
    const p = P + (<usize>r << 4);
    const a = v128.load(p);
    const b = v128.load(p, 16);
    const a0 = f64x2.extract_lane(a, 0);
    const a1 = f64x2.extract_lane(a, 1);
    const b0 = f64x2.extract_lane(b, 0);
    const b1 = f64x2.extract_lane(b, 1);
    const upA = a1 > a0;
    const upB = b1 > b0;
    const hiA = upA ? a1 : a0;
    const hiB = upB ? b1 : b0;
    const e = exp2(f64x2.replace_lane(f64x2.splat((upA ? a0 : a1) - hiA), 1, (upB ? b0 : b1) - hiB));
    const ta = finish(fromTerms(f64x2.extract_lane(e, 0), hiA - hiA + 1, upA), P, D, y, r);
    const tb = finish(fromTerms(f64x2.extract_lane(e, 1), hiB - hiB + 1, upB), P, D, y, r + 1);
    minP = least(least(minP, ta), tb);
    if (sum) prod = ceRow(ceRow(prod, ta), tb);
  }
  for (; i < rows; i++) {
    const a0 = A + <usize>i * as;
    let w = W;
    let s0 = f64x2.mul(v128.load64_splat(a0), v128.load(w));
    for (let r: usize = 8; r < as; r += 8) {
      w += 16;
      s0 = f64x2.add(s0, f64x2.mul(v128.load64_splat(a0 + r), v128.load(w)));
    }
    const t = finish(probs2(f64x2.add(s0, bv)), P, D, y, i);
    minP = least(minP, t);
    if (sum) prod = ceRow(prod, t);
  }
  if (sum) output2Loss = ceEnd(prod);
  return minP;
}
