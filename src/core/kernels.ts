/**
 * The hot loops: forward and backward passes over rows of a batch, in place on preallocated buffers.
 * Nothing here allocates. Shapes: `a` buffers are rows x size, row-major.
 */
import type { Activation } from '../config/schema';
import { exp, sigmoid, tanh } from './fastmath';

/** out = a_in . W + b for `rows` rows (in x out weights, row-major). */
export function affine(
  ain: Float64Array, W: Float64Array, b: Float64Array, out: Float64Array, rows: number, din: number, dout: number,
): void {
  for (let i = 0; i < rows; i++) {
    const ai = i * din;
    const oi = i * dout;
    for (let j = 0; j < dout; j++) {
      let s = ain[ai]! * W[j]!;
      for (let k = 1; k < din; k++) s += ain[ai + k]! * W[k * dout + j]!;
      out[oi + j] = s + b[j]!;
    }
  }
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
      for (let i = 0; i < len; i++) if (!(z[i]! > 0)) z[i] = z[i]! === z[i]! ? 0 : z[i]!;
      return;
    case 'leaky':
      for (let i = 0; i < len; i++) if (z[i]! <= 0) z[i] = 0.01 * z[i]!;
      return;
    case 'linear':
      return;
  }
}

/** delta *= f'(z), with f' written in terms of the activation a = f(z). */
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
 * Softmax over each row of z, in place. Returns the smallest probability of a row's true class
 * (NaN-safe: NaN anywhere gives NaN), which is 0 or NaN exactly when the loss is not finite.
 */
export function softmaxRows(z: Float64Array, rows: number, c: number, y: Uint8Array | null): number {
  let minP = 1;
  for (let i = 0; i < rows; i++) {
    const o = i * c;
    let m = z[o]!;
    for (let j = 1; j < c; j++) if (z[o + j]! > m) m = z[o + j]!;
    let s = 0;
    for (let j = 0; j < c; j++) {
      // exp(0) is exactly 1: skip the call for the row's maximum.
      const d = z[o + j]! - m;
      const e = d === 0 ? 1 : exp(d);
      z[o + j] = e;
      s += e;
    }
    const inv = 1 / s;
    for (let j = 0; j < c; j++) z[o + j]! *= inv;
    if (y) {
      const p = z[o + y[i]!]!;
      if (!(p >= minP)) minP = p;
    }
  }
  return minP;
}

/** sum_i -log p_i[y_i] over rows of probabilities. */
export function crossEntropySum(p: Float64Array, rows: number, c: number, y: Uint8Array): number {
  let s = 0;
  for (let i = 0; i < rows; i++) s -= Math.log(p[i * c + y[i]!]!);
  return s;
}

/** delta = probs - onehot(y), in place on the probabilities. */
export function subtractOneHot(p: Float64Array, rows: number, c: number, y: Uint8Array): void {
  for (let i = 0; i < rows; i++) p[i * c + y[i]!]! -= 1;
}

/** dW = a_in^T . delta and db = column sums of delta (both overwritten). */
export function weightGradient(
  ain: Float64Array, delta: Float64Array, dW: Float64Array, db: Float64Array, rows: number, din: number, dout: number,
): void {
  for (let j = 0; j < dout; j++) {
    for (let k = 0; k < din; k++) {
      let s = 0;
      for (let i = 0; i < rows; i++) s += ain[i * din + k]! * delta[i * dout + j]!;
      dW[k * dout + j] = s;
    }
    let t = 0;
    for (let i = 0; i < rows; i++) t += delta[i * dout + j]!;
    db[j] = t;
  }
}

/** prev = delta . W^T (rows x din), before W is updated. */
export function backpropDelta(
  delta: Float64Array, W: Float64Array, prev: Float64Array, rows: number, din: number, dout: number,
): void {
  for (let i = 0; i < rows; i++) {
    const di = i * dout;
    const pi = i * din;
    for (let k = 0; k < din; k++) {
      const wk = k * dout;
      let s = delta[di]! * W[wk]!;
      for (let j = 1; j < dout; j++) s += delta[di + j]! * W[wk + j]!;
      prev[pi + k] = s;
    }
  }
}

/** W -= lr (dW + regScale W); b -= lr db. */
export function applyUpdate(
  W: Float64Array, b: Float64Array, dW: Float64Array, db: Float64Array, lr: number, regScale: number,
): void {
  for (let i = 0; i < W.length; i++) W[i]! -= lr * (dW[i]! + regScale * W[i]!);
  for (let j = 0; j < b.length; j++) b[j]! -= lr * db[j]!;
}
