/**
 * The tutorial's network, [2, h, 2] with tanh, as one loop over the hidden units forward and one
 * backward, so each hidden value is computed, stored and read back once. Both do exactly the
 * operations of the layered path (engine.ts with kernels.ts), in the same order, so the results are
 * bit for bit the same; only the loops are fused. Buffers are unit-major: X holds the input columns
 * x0 = X[0, rows), x1 = X[rows, 2 rows); A is h x rows; Z and D are the output layer's logits and
 * deltas, class 0 in [0, rows), class 1 in [rows, 2 rows).
 *
 * Units go in blocks (four forward, two backward) to share the per-row loads and stores and to give
 * the CPU independent work: one tanh alone is mostly latency. Each block size is its own function,
 * so that V8 optimises and inlines each with the feedback of its own loop.
 */
import { tanh } from './fastmath';

/** A = tanh(W1^T x + b1) and the output logits Z = W2^T A + b2. */
export function forwardTanh(
  X: Float64Array,
  W1: Float64Array,
  b1: Float64Array,
  W2: Float64Array,
  b2: Float64Array,
  A: Float64Array,
  Z: Float64Array,
  rows: number,
  h: number,
): void {
  Z.fill(0, 0, 2 * rows);
  let j = 0;
  for (; j + 3 < h; j += 4) forward4(X, W1, b1, W2, A, Z, rows, h, j);
  for (; j + 1 < h; j += 2) forward2(X, W1, b1, W2, A, Z, rows, h, j);
  if (j < h) forward1(X, W1, b1, W2, A, Z, rows, h, j);
  const b0 = b2[0]!;
  const bb = b2[1]!;
  for (let i = 0; i < rows; i++) {
    Z[i]! += b0;
    Z[rows + i]! += bb;
  }
}

/** Units j..j+3 of `forwardTanh`, adding their terms to Z. */
function forward4(
  X: Float64Array,
  W1: Float64Array,
  b1: Float64Array,
  W2: Float64Array,
  A: Float64Array,
  Z: Float64Array,
  rows: number,
  h: number,
  j: number,
): void {
  const u0 = W1[j]!;
  const u1 = W1[h + j]!;
  const ub = b1[j]!;
  const t0 = W1[j + 1]!;
  const t1 = W1[h + j + 1]!;
  const tb = b1[j + 1]!;
  const q0 = W1[j + 2]!;
  const q1 = W1[h + j + 2]!;
  const qb = b1[j + 2]!;
  const r0 = W1[j + 3]!;
  const r1 = W1[h + j + 3]!;
  const rb = b1[j + 3]!;
  const ua = W2[2 * j]!;
  const uc = W2[2 * j + 1]!;
  const ta = W2[2 * j + 2]!;
  const tc = W2[2 * j + 3]!;
  const qa = W2[2 * j + 4]!;
  const qc = W2[2 * j + 5]!;
  const ra = W2[2 * j + 6]!;
  const rc = W2[2 * j + 7]!;
  const o = j * rows;
  for (let i = 0; i < rows; i++) {
    const x0 = X[i]!;
    const x1 = X[rows + i]!;
    const a = tanh(x0 * u0 + x1 * u1 + ub);
    const c = tanh(x0 * t0 + x1 * t1 + tb);
    const e = tanh(x0 * q0 + x1 * q1 + qb);
    const f = tanh(x0 * r0 + x1 * r1 + rb);
    A[o + i] = a;
    A[o + rows + i] = c;
    A[o + 2 * rows + i] = e;
    A[o + 3 * rows + i] = f;
    Z[i] = Z[i]! + a * ua + c * ta + e * qa + f * ra;
    Z[rows + i] = Z[rows + i]! + a * uc + c * tc + e * qc + f * rc;
  }
}

/** Units j, j+1 of `forwardTanh`. */
function forward2(
  X: Float64Array,
  W1: Float64Array,
  b1: Float64Array,
  W2: Float64Array,
  A: Float64Array,
  Z: Float64Array,
  rows: number,
  h: number,
  j: number,
): void {
  const u0 = W1[j]!;
  const u1 = W1[h + j]!;
  const ub = b1[j]!;
  const t0 = W1[j + 1]!;
  const t1 = W1[h + j + 1]!;
  const tb = b1[j + 1]!;
  const ua = W2[2 * j]!;
  const uc = W2[2 * j + 1]!;
  const ta = W2[2 * j + 2]!;
  const tc = W2[2 * j + 3]!;
  const o = j * rows;
  for (let i = 0; i < rows; i++) {
    const x0 = X[i]!;
    const x1 = X[rows + i]!;
    const a = tanh(x0 * u0 + x1 * u1 + ub);
    const c = tanh(x0 * t0 + x1 * t1 + tb);
    A[o + i] = a;
    A[o + rows + i] = c;
    Z[i] = Z[i]! + a * ua + c * ta;
    Z[rows + i] = Z[rows + i]! + a * uc + c * tc;
  }
}

/** Unit j of `forwardTanh`. */
function forward1(
  X: Float64Array,
  W1: Float64Array,
  b1: Float64Array,
  W2: Float64Array,
  A: Float64Array,
  Z: Float64Array,
  rows: number,
  h: number,
  j: number,
): void {
  const u0 = W1[j]!;
  const u1 = W1[h + j]!;
  const ub = b1[j]!;
  const ua = W2[2 * j]!;
  const uc = W2[2 * j + 1]!;
  const o = j * rows;
  for (let i = 0; i < rows; i++) {
    const a = tanh(X[i]! * u0 + X[rows + i]! * u1 + ub);
    A[o + i] = a;
    Z[i]! += a * ua;
    Z[rows + i]! += a * uc;
  }
}

/**
 * Backpropagation from the output deltas D and the update of W1, b1 and W2 (b2's update needs only
 * the sums of D and is the caller's). Each unit's weights are updated once its gradients are summed.
 */
export function backwardTanh(
  X: Float64Array,
  A: Float64Array,
  D: Float64Array,
  W1: Float64Array,
  b1: Float64Array,
  W2: Float64Array,
  rows: number,
  h: number,
  lr: number,
  reg: number,
): void {
  let j = 0;
  for (; j + 1 < h; j += 2) backward2(X, A, D, W1, b1, W2, rows, h, lr, reg, j);
  if (j < h) backward1(X, A, D, W1, b1, W2, rows, h, lr, reg, j);
}

/** Units j, j+1 of `backwardTanh`. */
function backward2(
  X: Float64Array,
  A: Float64Array,
  D: Float64Array,
  W1: Float64Array,
  b1: Float64Array,
  W2: Float64Array,
  rows: number,
  h: number,
  lr: number,
  reg: number,
  j: number,
): void {
  const w0 = W2[2 * j]!;
  const w1 = W2[2 * j + 1]!;
  const v0 = W2[2 * j + 2]!;
  const v1 = W2[2 * j + 3]!;
  const o = j * rows;
  let g0 = 0;
  let g1 = 0;
  let s0 = 0;
  let s1 = 0;
  let sb = 0;
  let f0 = 0;
  let f1 = 0;
  let t0 = 0;
  let t1 = 0;
  let tb = 0;
  for (let i = 0; i < rows; i++) {
    const a = A[o + i]!;
    const c = A[o + rows + i]!;
    const d0 = D[i]!;
    const d1 = D[rows + i]!;
    const x0 = X[i]!;
    const x1 = X[rows + i]!;
    g0 += a * d0;
    g1 += a * d1;
    f0 += c * d0;
    f1 += c * d1;
    const d = (d0 * w0 + d1 * w1) * (1 - a * a);
    const e = (d0 * v0 + d1 * v1) * (1 - c * c);
    s0 += x0 * d;
    s1 += x1 * d;
    sb += d;
    t0 += x0 * e;
    t1 += x1 * e;
    tb += e;
  }
  update(W1, b1, W2, h, j, g0, g1, s0, s1, sb, lr, reg);
  update(W1, b1, W2, h, j + 1, f0, f1, t0, t1, tb, lr, reg);
}

/** Unit j of `backwardTanh`. */
function backward1(
  X: Float64Array,
  A: Float64Array,
  D: Float64Array,
  W1: Float64Array,
  b1: Float64Array,
  W2: Float64Array,
  rows: number,
  h: number,
  lr: number,
  reg: number,
  j: number,
): void {
  const w0 = W2[2 * j]!;
  const w1 = W2[2 * j + 1]!;
  const o = j * rows;
  let g0 = 0;
  let g1 = 0;
  let s0 = 0;
  let s1 = 0;
  let sb = 0;
  for (let i = 0; i < rows; i++) {
    const a = A[o + i]!;
    const d0 = D[i]!;
    const d1 = D[rows + i]!;
    g0 += a * d0;
    g1 += a * d1;
    const d = (d0 * w0 + d1 * w1) * (1 - a * a);
    s0 += X[i]! * d;
    s1 += X[rows + i]! * d;
    sb += d;
  }
  update(W1, b1, W2, h, j, g0, g1, s0, s1, sb, lr, reg);
}

/** Hidden unit j's update from its gradients: (g0, g1) of its output weights, (s0, s1, sb) of its own. */
function update(
  W1: Float64Array,
  b1: Float64Array,
  W2: Float64Array,
  h: number,
  j: number,
  g0: number,
  g1: number,
  s0: number,
  s1: number,
  sb: number,
  lr: number,
  reg: number,
): void {
  W2[2 * j]! -= lr * (g0 + reg * W2[2 * j]!);
  W2[2 * j + 1]! -= lr * (g1 + reg * W2[2 * j + 1]!);
  W1[j]! -= lr * (s0 + reg * W1[j]!);
  W1[h + j]! -= lr * (s1 + reg * W1[h + j]!);
  b1[j]! -= lr * sb;
}
