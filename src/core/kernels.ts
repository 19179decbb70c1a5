/**
 * The hot loops, in place on preallocated buffers; nothing here allocates.
 *
 * Layout: activations and deltas are unit-major ("transposed"): unit j's values over the batch's
 * `rows` rows are contiguous at [j * rows, (j + 1) * rows). Every inner loop then runs over rows,
 * contiguous and as long as the batch, whatever the layer sizes. Weights keep NumPy's row-major
 * din x dout layout (W[k * dout + j]).
 */
import type { Activation } from '../config/schema';
import { exp, log, sigmoid, tanh } from './fastmath';

/**
 * Z[o, i] = sum_r A[r, i] W[r * rs + o * os] (+ b[o]) for o < nOut and each row, summed in r order
 * and then b added: a layer's affine map (A its input, W as stored: rs = dout, os = 1), or the delta
 * product W D of backpropagation (A the deltas, rs = 1, os = dout). Two outputs by four rows at a
 * time, so the eight sums stay in registers and each load serves two or four multiply-adds.
 */
export function combine(
  A: Float64Array,
  nIn: number,
  W: Float64Array,
  rs: number,
  os: number,
  b: Float64Array | null,
  Z: Float64Array,
  nOut: number,
  rows: number,
): void {
  const rows4 = rows - (rows % 4);
  let o = 0;
  for (; o + 1 < nOut; o += 2) {
    const zo = o * rows;
    const zp = zo + rows;
    const wo = o * os;
    const bo = b === null ? 0 : b[o]!;
    const bp = b === null ? 0 : b[o + 1]!;
    const u = W[wo]!;
    const v = W[wo + os]!;
    for (let i = 0; i < rows4; i += 4) {
      let a0 = A[i]!;
      let a1 = A[i + 1]!;
      let a2 = A[i + 2]!;
      let a3 = A[i + 3]!;
      let s0 = a0 * u;
      let s1 = a1 * u;
      let s2 = a2 * u;
      let s3 = a3 * u;
      let t0 = a0 * v;
      let t1 = a1 * v;
      let t2 = a2 * v;
      let t3 = a3 * v;
      for (let r = 1, ao = rows + i, w = wo + rs; r < nIn; r++, ao += rows, w += rs) {
        const x = W[w]!;
        const y = W[w + os]!;
        a0 = A[ao]!;
        a1 = A[ao + 1]!;
        a2 = A[ao + 2]!;
        a3 = A[ao + 3]!;
        s0 += a0 * x;
        s1 += a1 * x;
        s2 += a2 * x;
        s3 += a3 * x;
        t0 += a0 * y;
        t1 += a1 * y;
        t2 += a2 * y;
        t3 += a3 * y;
      }
      Z[zo + i] = s0 + bo;
      Z[zo + i + 1] = s1 + bo;
      Z[zo + i + 2] = s2 + bo;
      Z[zo + i + 3] = s3 + bo;
      Z[zp + i] = t0 + bp;
      Z[zp + i + 1] = t1 + bp;
      Z[zp + i + 2] = t2 + bp;
      Z[zp + i + 3] = t3 + bp;
    }
    for (let i = rows4; i < rows; i++) {
      Z[zo + i] = dot(A, i, rows, W, wo, rs, nIn) + bo;
      Z[zp + i] = dot(A, i, rows, W, wo + os, rs, nIn) + bp;
    }
  }
  if (o < nOut) {
    const zo = o * rows;
    const wo = o * os;
    const bo = b === null ? 0 : b[o]!;
    for (let i = 0; i < rows; i++) Z[zo + i] = dot(A, i, rows, W, wo, rs, nIn) + bo;
  }
}

/** sum_r A[r * rows + i] W[w + r * rs] in r order. */
function dot(
  A: Float64Array,
  i: number,
  rows: number,
  W: Float64Array,
  w: number,
  rs: number,
  n: number,
): number {
  let s = A[i]! * W[w]!;
  for (let r = 1, ao = i + rows, wr = w + rs; r < n; r++, ao += rows, wr += rs) s += A[ao]! * W[wr]!;
  return s;
}

/** Applies the hidden activation to the first `len` entries of `z`, in place. */
export function activate(z: Float64Array, len: number, act: Activation): void {
  switch (act) {
    case 'tanh':
      for (let i = 0; i < len; i++) z[i] = tanh(z[i]!);
      return;
    case 'sigmoid':
      for (let i = 0; i < len; i++) z[i] = sigmoid(z[i]!);
      return;
    case 'relu':
      for (let i = 0; i < len; i++) if (!(z[i]! > 0) && !Number.isNaN(z[i]!)) z[i] = 0;
      return;
    case 'leaky':
      for (let i = 0; i < len; i++) if (z[i]! <= 0) z[i] = 0.01 * z[i]!;
      return;
    case 'linear':
      return;
  }
}

/** delta *= f'(z) on the first `len` entries, with f' written in terms of the activation a = f(z). */
export function multiplyDerivative(delta: Float64Array, a: Float64Array, len: number, act: Activation): void {
  switch (act) {
    case 'tanh':
      for (let i = 0; i < len; i++) delta[i]! *= 1 - a[i]! * a[i]!;
      return;
    case 'sigmoid':
      for (let i = 0; i < len; i++) delta[i]! *= a[i]! * (1 - a[i]!);
      return;
    case 'relu':
      for (let i = 0; i < len; i++) if (!(a[i]! > 0)) delta[i] = 0;
      return;
    case 'leaky':
      for (let i = 0; i < len; i++) if (!(a[i]! > 0)) delta[i]! *= 0.01;
      return;
    case 'linear':
      return;
  }
}

/**
 * Softmax over classes for each row of Z (C x rows), in place. Returns the smallest probability of a
 * row's true class (NaN-safe: NaN anywhere gives NaN), which is 0 or NaN exactly when the loss is not
 * finite; 1 without labels.
 */
export function softmax(Z: Float64Array, rows: number, c: number, y: Uint8Array | null): number {
  let minP = 1;
  for (let i = 0; i < rows; i++) {
    let m = Z[i]!;
    for (let j = 1, o = rows + i; j < c; j++, o += rows) if (Z[o]! > m) m = Z[o]!;
    let s = 0;
    for (let j = 0, o = i; j < c; j++, o += rows) {
      // exp(0) is exactly 1: skip the call for the row's maximum.
      const d = Z[o]! - m;
      const e = d === 0 ? 1 : exp(d);
      Z[o] = e;
      s += e;
    }
    const inv = 1 / s;
    for (let j = 0, o = i; j < c; j++, o += rows) Z[o]! *= inv;
    if (y) {
      const p = Z[y[i]! * rows + i]!;
      if (!(p >= minP)) minP = p;
    }
  }
  return minP;
}

/**
 * `softmax` for two classes, with the same operations and results, without its inner loops: the
 * larger logit's term is exactly 1 (written hi - hi + 1 so that an infinite or NaN logit gives NaN
 * there, as exp(hi - hi) does in `softmax`), the other's is exp(lo - hi).
 */
export function softmax2(Z: Float64Array, rows: number, y: Uint8Array | null): number {
  let minP = 1;
  for (let i = 0; i < rows; i++) {
    const z0 = Z[i]!;
    const z1 = Z[rows + i]!;
    const up = z1 > z0;
    const hi = up ? z1 : z0;
    const e = exp((up ? z0 : z1) - hi);
    const one = hi - hi + 1;
    const inv = 1 / (one + e);
    const pHi = one * inv;
    const pLo = e * inv;
    const p0 = up ? pLo : pHi;
    const p1 = up ? pHi : pLo;
    Z[i] = p0;
    Z[rows + i] = p1;
    if (y) {
      const p = y[i] === 1 ? p1 : p0;
      if (!(p >= minP)) minP = p;
    }
  }
  return minP;
}

/** Past 1 - 2^-20, -log p is its series in e = 1 - p to three terms (the fourth is below an ulp). */
const CE_NEAR_ONE = 2 ** -20;
/** Probabilities under this take a log of their own: multiplied in, they could underflow the product. */
const CE_TINY = 2 ** -100;
const CE_FLOOR = 2 ** -900;
const CE_RESCALE = 2 ** 900;
/** fdlibm's split of ln 2: k * LN2_HI is exact for |k| < 2^20. */
const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;

/**
 * sum_i -log P[y_i, i] over the rows of class probabilities P (C x rows), in row order, with one log
 * for all rows rather than one each (a log is most of the cost): the product of the probabilities,
 * rescaled by 2^900 (exactly) whenever it falls below 2^-900, is logged once. That keeps the sum within
 * about 1e-10 relative of the sum of logs: a product's rounding is absolute, 1e-16 per row, so rows whose
 * -log p is under 1e-6 (p past 1 - 2^-20) are summed by their series instead, and probabilities under
 * 2^-100, 0 and NaN by their own log. The WebAssembly engine (wasm/index.ts) does the same operations.
 */
export function crossEntropySum(P: Float64Array, rows: number, y: Uint8Array): number {
  let prod = 1;
  let k = 0;
  let near = 0;
  let rest = 0;
  for (let i = 0; i < rows; i++) {
    const p = P[y[i]! * rows + i]!;
    const e = 1 - p;
    if (e >= 0 && e < CE_NEAR_ONE) near += e + e * e * (0.5 + e * (1 / 3));
    else if (p >= CE_TINY) {
      prod *= p;
      if (prod < CE_FLOOR) {
        prod *= CE_RESCALE;
        k += 900;
      }
    } else rest -= log(p);
  }
  return rest + (near + (k * LN2_HI + (k * LN2_LO - log(prod))));
}

/** D = P - onehot(y) for P, D both C x rows. */
export function probsMinusOneHot(
  P: Float64Array,
  D: Float64Array,
  rows: number,
  c: number,
  y: Uint8Array,
): void {
  for (let k = 0; k < rows * c; k++) D[k] = P[k]!;
  for (let i = 0; i < rows; i++) D[y[i]! * rows + i]! -= 1;
}

/** `probsMinusOneHot` and `rowSums` of its result for two classes, in one loop. */
export function twoClassDeltas(
  P: Float64Array,
  D: Float64Array,
  db: Float64Array,
  rows: number,
  y: Uint8Array,
): void {
  let s0 = 0;
  let s1 = 0;
  for (let i = 0; i < rows; i++) {
    const one = y[i] === 1;
    const d0 = one ? P[i]! : P[i]! - 1;
    const d1 = one ? P[rows + i]! - 1 : P[rows + i]!;
    D[i] = d0;
    D[rows + i] = d1;
    s0 += d0;
    s1 += d1;
  }
  db[0] = s0;
  db[1] = s1;
}

/** db[j] = sum_i D[j, i] (overwritten). */
export function rowSums(D: Float64Array, db: Float64Array, rows: number, dout: number): void {
  for (let j = 0, o = 0; j < dout; j++) {
    let t = 0;
    for (let i = 0; i < rows; i++, o++) t += D[o]!;
    db[j] = t;
  }
}

/**
 * dW[k, j] = sum_i A[k, i] D[j, i] (din x dout, overwritten), summed in row order: a layer's weight
 * gradient from its input activations A (din x rows) and output deltas D (dout x rows). Two inputs
 * by four outputs at a time, so each load serves two or four multiply-adds.
 */
export function weightGradient(
  A: Float64Array,
  D: Float64Array,
  dW: Float64Array,
  rows: number,
  din: number,
  dout: number,
): void {
  let k = 0;
  for (; k + 1 < din; k += 2) {
    let j = 0;
    for (; j + 3 < dout; j += 4) gradient24(A, D, dW, rows, dout, k, j);
    for (; j < dout; j++) {
      dW[k * dout + j] = rowDot(A, k * rows, D, j * rows, rows);
      dW[(k + 1) * dout + j] = rowDot(A, (k + 1) * rows, D, j * rows, rows);
    }
  }
  if (k < din) for (let j = 0; j < dout; j++) dW[k * dout + j] = rowDot(A, k * rows, D, j * rows, rows);
}

/** The 2 x 4 block of `weightGradient` at inputs k, k+1 and outputs j..j+3. */
function gradient24(
  A: Float64Array,
  D: Float64Array,
  dW: Float64Array,
  rows: number,
  dout: number,
  k: number,
  j: number,
): void {
  const ak = k * rows;
  const al = ak + rows;
  const d0 = j * rows;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let t0 = 0;
  let t1 = 0;
  let t2 = 0;
  let t3 = 0;
  for (let i = 0; i < rows; i++) {
    const a = A[ak + i]!;
    const c = A[al + i]!;
    const e0 = D[d0 + i]!;
    const e1 = D[d0 + rows + i]!;
    const e2 = D[d0 + 2 * rows + i]!;
    const e3 = D[d0 + 3 * rows + i]!;
    s0 += a * e0;
    s1 += a * e1;
    s2 += a * e2;
    s3 += a * e3;
    t0 += c * e0;
    t1 += c * e1;
    t2 += c * e2;
    t3 += c * e3;
  }
  const o = k * dout + j;
  dW[o] = s0;
  dW[o + 1] = s1;
  dW[o + 2] = s2;
  dW[o + 3] = s3;
  dW[o + dout] = t0;
  dW[o + dout + 1] = t1;
  dW[o + dout + 2] = t2;
  dW[o + dout + 3] = t3;
}

/** sum_i A[a + i] D[d + i] in row order. */
function rowDot(A: Float64Array, a: number, D: Float64Array, d: number, rows: number): number {
  let s = 0;
  for (let i = 0; i < rows; i++) s += A[a + i]! * D[d + i]!;
  return s;
}

/** W -= lr (dW + regScale W); b -= lr db. */
export function applyUpdate(
  W: Float64Array,
  b: Float64Array,
  dW: Float64Array,
  db: Float64Array,
  lr: number,
  regScale: number,
): void {
  for (let i = 0; i < W.length; i++) W[i]! -= lr * (dW[i]! + regScale * W[i]!);
  for (let j = 0; j < b.length; j++) b[j]! -= lr * db[j]!;
}

/** 1 if the first `len` values are all finite, else 0 (the regression output's divergence check). */
export function allFinite(Z: Float64Array, len: number): number {
  for (let i = 0; i < len; i++) if (!(Z[i]! - Z[i]! === 0)) return 0;
  return 1;
}

/** sum_i (1/2) (Z[i] - t[i])^2, in row order, halved at the end. */
export function squaredErrorSum(Z: Float64Array, rows: number, t: Float64Array): number {
  let s = 0;
  for (let i = 0; i < rows; i++) {
    const d = Z[i]! - t[i]!;
    s += d * d;
  }
  return 0.5 * s;
}

/** D = Z - t for one output unit (the derivative of the squared error), and db[0] = sum_i D[i]. */
export function targetDeltas(
  Z: Float64Array,
  D: Float64Array,
  db: Float64Array,
  rows: number,
  t: Float64Array,
): void {
  let s = 0;
  for (let i = 0; i < rows; i++) {
    const d = Z[i]! - t[i]!;
    D[i] = d;
    s += d;
  }
  db[0] = s;
}
