/**
 * Fused loops for two-class tanh networks with several hidden layers. Each does the operations of
 * the layered path (kernels.ts) in the same order, so results are bit for bit the same; fusing saves
 * passes over the activations. Buffers are unit-major (kernels.ts). As in fused.ts, units go in
 * blocks that share the per-row loads, each block size in a function of its own.
 */
import { tanh } from './fastmath';

/**
 * The first hidden layer: A = tanh(W^T x + b) from the input columns X (2 x rows), W (2 x h) and b,
 * as `combine` and `activate` compute it. Units four at a time, as in fused.ts.
 */
export function inputTanh(
  X: Float64Array,
  W: Float64Array,
  b: Float64Array,
  A: Float64Array,
  rows: number,
  h: number,
): void {
  let j = 0;
  for (; j + 3 < h; j += 4) input4(X, W, b, A, rows, h, j);
  for (; j < h; j++) input1(X, W, b, A, rows, h, j);
}

/** Units j..j+3 of `inputTanh`. */
function input4(
  X: Float64Array,
  W: Float64Array,
  b: Float64Array,
  A: Float64Array,
  rows: number,
  h: number,
  j: number,
): void {
  const u0 = W[j]!;
  const u1 = W[h + j]!;
  const ub = b[j]!;
  const t0 = W[j + 1]!;
  const t1 = W[h + j + 1]!;
  const tb = b[j + 1]!;
  const q0 = W[j + 2]!;
  const q1 = W[h + j + 2]!;
  const qb = b[j + 2]!;
  const r0 = W[j + 3]!;
  const r1 = W[h + j + 3]!;
  const rb = b[j + 3]!;
  const o = j * rows;
  for (let i = 0; i < rows; i++) {
    const x0 = X[i]!;
    const x1 = X[rows + i]!;
    A[o + i] = tanh(x0 * u0 + x1 * u1 + ub);
    A[o + rows + i] = tanh(x0 * t0 + x1 * t1 + tb);
    A[o + 2 * rows + i] = tanh(x0 * q0 + x1 * q1 + qb);
    A[o + 3 * rows + i] = tanh(x0 * r0 + x1 * r1 + rb);
  }
}

/** Unit j of `inputTanh`. */
function input1(
  X: Float64Array,
  W: Float64Array,
  b: Float64Array,
  A: Float64Array,
  rows: number,
  h: number,
  j: number,
): void {
  const u0 = W[j]!;
  const u1 = W[h + j]!;
  const ub = b[j]!;
  const o = j * rows;
  for (let i = 0; i < rows; i++) A[o + i] = tanh(X[i]! * u0 + X[rows + i]! * u1 + ub);
}

/**
 * The last hidden layer from its pre-activations Z (h x rows), in place: A = tanh(Z); and the output
 * logits L = W^T A + b (2 x rows) with the output layer's weights W (h x 2) and b. Units go four at
 * a time (as in fused.ts), each block size its own function.
 */
export function topForwardTanh(
  A: Float64Array,
  W: Float64Array,
  b: Float64Array,
  L: Float64Array,
  rows: number,
  h: number,
): void {
  L.fill(0, 0, 2 * rows);
  let j = 0;
  for (; j + 3 < h; j += 4) top4(A, W, L, rows, j);
  for (; j < h; j++) top1(A, W, L, rows, j);
  const b0 = b[0]!;
  const b1 = b[1]!;
  for (let i = 0; i < rows; i++) {
    L[i]! += b0;
    L[rows + i]! += b1;
  }
}

/** Units j..j+3 of `topForwardTanh`. */
function top4(A: Float64Array, W: Float64Array, L: Float64Array, rows: number, j: number): void {
  const ua = W[2 * j]!;
  const uc = W[2 * j + 1]!;
  const ta = W[2 * j + 2]!;
  const tc = W[2 * j + 3]!;
  const qa = W[2 * j + 4]!;
  const qc = W[2 * j + 5]!;
  const ra = W[2 * j + 6]!;
  const rc = W[2 * j + 7]!;
  const o = j * rows;
  for (let i = 0; i < rows; i++) {
    const a = tanh(A[o + i]!);
    const c = tanh(A[o + rows + i]!);
    const e = tanh(A[o + 2 * rows + i]!);
    const f = tanh(A[o + 3 * rows + i]!);
    A[o + i] = a;
    A[o + rows + i] = c;
    A[o + 2 * rows + i] = e;
    A[o + 3 * rows + i] = f;
    L[i] = L[i]! + a * ua + c * ta + e * qa + f * ra;
    L[rows + i] = L[rows + i]! + a * uc + c * tc + e * qc + f * rc;
  }
}

/** Unit j of `topForwardTanh`. */
function top1(A: Float64Array, W: Float64Array, L: Float64Array, rows: number, j: number): void {
  const ua = W[2 * j]!;
  const uc = W[2 * j + 1]!;
  const o = j * rows;
  for (let i = 0; i < rows; i++) {
    const a = tanh(A[o + i]!);
    A[o + i] = a;
    L[i]! += a * ua;
    L[rows + i]! += a * uc;
  }
}

/**
 * Backward through the output layer from its deltas D (2 x rows): dW = A D^T (h x 2), the deltas
 * of the last hidden layer P = (W D) (1 - A^2) and their sums db[j] = sum_i P[j, i]. W is read only.
 */
export function topBackwardTanh(
  A: Float64Array,
  D: Float64Array,
  W: Float64Array,
  dW: Float64Array,
  P: Float64Array,
  db: Float64Array,
  rows: number,
  h: number,
): void {
  for (let j = 0; j < h; j++) {
    const w0 = W[2 * j]!;
    const w1 = W[2 * j + 1]!;
    const o = j * rows;
    let g0 = 0;
    let g1 = 0;
    let sb = 0;
    for (let i = 0; i < rows; i++) {
      const a = A[o + i]!;
      const d0 = D[i]!;
      const d1 = D[rows + i]!;
      g0 += a * d0;
      g1 += a * d1;
      const d = (d0 * w0 + d1 * w1) * (1 - a * a);
      P[o + i] = d;
      sb += d;
    }
    dW[2 * j] = g0;
    dW[2 * j + 1] = g1;
    db[j] = sb;
  }
}

/**
 * The deltas of a tanh hidden layer from those of the layer above: P[k, i] = (sum_j W[k, j] D[j, i])
 * (1 - A[k, i]^2), summed in j order, with W that layer's din x dout weights (before the update), and
 * sums[k] = sum_i P[k, i]. Two units by four rows at a time, as `combine` does.
 */
export function backTanh(
  D: Float64Array,
  W: Float64Array,
  A: Float64Array,
  P: Float64Array,
  sums: Float64Array,
  rows: number,
  din: number,
  dout: number,
): void {
  const rows4 = rows - (rows % 4);
  let k = 0;
  for (; k + 1 < din; k += 2) {
    const po = k * rows;
    const pp = po + rows;
    const wo = k * dout;
    const wp = wo + dout;
    let su = 0;
    let sv = 0;
    for (let i = 0; i < rows4; i += 4) {
      let x = W[wo]!;
      let y = W[wp]!;
      let d0 = D[i]!;
      let d1 = D[i + 1]!;
      let d2 = D[i + 2]!;
      let d3 = D[i + 3]!;
      let s0 = d0 * x;
      let s1 = d1 * x;
      let s2 = d2 * x;
      let s3 = d3 * x;
      let t0 = d0 * y;
      let t1 = d1 * y;
      let t2 = d2 * y;
      let t3 = d3 * y;
      for (let j = 1, dj = rows + i; j < dout; j++, dj += rows) {
        x = W[wo + j]!;
        y = W[wp + j]!;
        d0 = D[dj]!;
        d1 = D[dj + 1]!;
        d2 = D[dj + 2]!;
        d3 = D[dj + 3]!;
        s0 += d0 * x;
        s1 += d1 * x;
        s2 += d2 * x;
        s3 += d3 * x;
        t0 += d0 * y;
        t1 += d1 * y;
        t2 += d2 * y;
        t3 += d3 * y;
      }
      su = store4(P, A, po + i, s0, s1, s2, s3, su);
      sv = store4(P, A, pp + i, t0, t1, t2, t3, sv);
    }
    for (let i = rows4; i < rows; i++) {
      su += store1(P, A, po + i, deltaDot(D, i, rows, W, wo, dout));
      sv += store1(P, A, pp + i, deltaDot(D, i, rows, W, wp, dout));
    }
    sums[k] = su;
    sums[k + 1] = sv;
  }
  if (k < din) {
    const po = k * rows;
    let s = 0;
    for (let i = 0; i < rows; i++) s += store1(P, A, po + i, deltaDot(D, i, rows, W, k * dout, dout));
    sums[k] = s;
  }
}

/** P[at + r] = s_r (1 - A[at + r]^2) for r < 4; returns sum plus the four stored values, in order. */
function store4(
  P: Float64Array,
  A: Float64Array,
  at: number,
  s0: number,
  s1: number,
  s2: number,
  s3: number,
  sum: number,
): number {
  const a0 = A[at]!;
  const a1 = A[at + 1]!;
  const a2 = A[at + 2]!;
  const a3 = A[at + 3]!;
  const p0 = s0 * (1 - a0 * a0);
  const p1 = s1 * (1 - a1 * a1);
  const p2 = s2 * (1 - a2 * a2);
  const p3 = s3 * (1 - a3 * a3);
  P[at] = p0;
  P[at + 1] = p1;
  P[at + 2] = p2;
  P[at + 3] = p3;
  return sum + p0 + p1 + p2 + p3;
}

/** P[at] = s (1 - A[at]^2); returns it. */
function store1(P: Float64Array, A: Float64Array, at: number, s: number): number {
  const a = A[at]!;
  const p = s * (1 - a * a);
  P[at] = p;
  return p;
}

/** sum_j D[j * rows + i] W[w + j] in j order. */
function deltaDot(D: Float64Array, i: number, rows: number, W: Float64Array, w: number, n: number): number {
  let s = D[i]! * W[w]!;
  for (let j = 1, dj = i + rows; j < n; j++, dj += rows) s += D[dj]! * W[w + j]!;
  return s;
}
