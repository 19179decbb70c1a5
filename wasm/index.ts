// The engine's entry points. The loader (src/core/wasmNet.ts) lays out this instance's memory once:
// the network's layer table at `plan` (i32 words: L, activation, Wt scratch, gradient scratch G and
// gb, regression (1: one linear output and targets t, f64, where classes y, u8, would be), two spare,
// then per layer l = 1..L twelve words: din, dout, W, b, activations, deltas, and
// the optimizer's state of W and b: M, S, Mb, Sb), weights, data and buffers; nothing here
// allocates. Activations and deltas are rows x units, row-major; X is rows x d (the input features).
import { forwardLayer, gradientUpdate, hiddenDeltas, outputDeltas, softmax, transpose } from './layers';
import { ceBegin, ceEnd, ceRow } from './ce';
import { TABLE } from './math';
import { beginUpdate, optimizerKind, updateBiases, updateWeights } from './optimize';
import { output2, output2Loss } from './output2';
import { shallowBackward } from './shallow';

export { deriveTables } from './math';
export { setOptimizer } from './optimize';

let plan: usize = 0;

export function heapBase(): usize {
  return __heap_base;
}

export function tableAddress(): usize {
  return TABLE;
}

export function setPlan(p: usize): void {
  plan = p;
}

// @ts-ignore: decorator
@inline
function layerWord(l: i32, k: i32): usize {
  return <usize>load<i32>(plan + 32 + ((<usize>(l - 1) * 12 + <usize>k) << 2));
}

// @ts-ignore: decorator
@inline
function regression(): bool {
  return load<i32>(plan, 20) != 0;
}

/** 1 if the len values at Z are all finite, else 0. */
function allFinite(Z: usize, len: i32): f64 {
  for (let i = 0; i < len; i++) {
    const v = load<f64>(Z + (<usize>i << 3));
    if (!(v - v == 0)) return 0;
  }
  return 1;
}

/**
 * Class probabilities of rows of X (rows x d) into the last layer's activations; with labels (y != 0)
 * returns the smallest probability of a row's true class, else 1. Two-class networks also write the
 * output deltas P - onehot(y) to D when D != 0 (training). A regression network's output is its linear
 * unit, and it returns 1 if all outputs are finite, else 0.
 */
function run(X: usize, y: usize, rows: i32, D: usize, record: bool): f64 {
  const L = load<i32>(plan);
  const act = load<i32>(plan, 4);
  let A = X;
  // Layer l's activations are the next layer's input; the last layer's are the logits, then probabilities.
  for (let l = 1; l < L; l++) {
    const Z = layerWord(l, 4);
    forwardLayer(A, <i32>layerWord(l, 0), layerWord(l, 2), layerWord(l, 3), Z, <i32>layerWord(l, 1), rows, act);
    A = Z;
  }
  const din = <i32>layerWord(L, 0);
  const C = <i32>layerWord(L, 1);
  const P = layerWord(L, 4);
  if (regression()) {
    forwardLayer(A, din, layerWord(L, 2), layerWord(L, 3), P, C, rows, -1);
    return allFinite(P, rows * C);
  }
  if (C == 2) return output2(A, din, layerWord(L, 2), layerWord(L, 3), P, D, y, rows, record);
  forwardLayer(A, din, layerWord(L, 2), layerWord(L, 3), P, C, rows, -1);
  return softmax(P, rows, C, y);
}

export function forward(X: usize, y: usize, rows: i32): f64 {
  return run(X, y, rows, 0, false);
}

/** Rows of the last forward pass whose arg-max class (ties to the lower) is y's. */
export function correct(y: usize, rows: i32): i32 {
  const L = load<i32>(plan);
  const c = <i32>layerWord(L, 1);
  const P = layerWord(L, 4);
  let hits = 0;
  for (let i = 0; i < rows; i++) {
    const p = P + ((<usize>i * c) << 3);
    let best = 0;
    for (let j = 1; j < c; j++) if (load<f64>(p + (<usize>j << 3)) > load<f64>(p + (<usize>best << 3))) best = j;
    if (best == <i32>load<u8>(y + <usize>i)) hits++;
  }
  return hits;
}

/**
 * Backpropagation after `forward` on the same rows, and the update of every layer: W -= lr (dW +
 * reg W), b -= lr db, or the optimizer's rule with l1 (optimize.ts); each layer's deltas are taken
 * with its weights before the update.
 */
function backward(X: usize, y: usize, rows: i32, lr: f64, reg: f64, l1: f64): void {
  const L = load<i32>(plan);
  const act = load<i32>(plan, 4);
  const Wt = <usize>load<i32>(plan, 8);
  const rule = optimizerKind() >= 0;
  const G = rule ? <usize>load<i32>(plan, 12) : 0;
  const gb = <usize>load<i32>(plan, 16);
  if (rule) beginUpdate();
  const C = <i32>layerWord(L, 1);
  if (regression()) {
    // One output: D = out - t, targets t (f64) at y.
    const P = layerWord(L, 4);
    const D = layerWord(L, 5);
    for (let i = 0; i < rows; i++) {
      const o = <usize>i << 3;
      store<f64>(D + o, load<f64>(P + o) - load<f64>(y + o));
    }
  } else if (C != 2) outputDeltas(layerWord(L, 4), y, layerWord(L, 5), rows, C);
  // Two classes: `run` wrote the output deltas.
  if (!rule && L == 2 && C == 2 && layerWord(1, 0) == 2) {
    // [2, h, 2] with the plain update: one sweep (shallow.ts).
    const h = <i32>layerWord(1, 1);
    shallowBackward(X, layerWord(1, 4), layerWord(2, 5), layerWord(1, 2), layerWord(1, 3), layerWord(2, 2), layerWord(2, 3), rows, h, lr, reg, act);
    return;
  }
  for (let l = L; l >= 1; l--) {
    const din = <i32>layerWord(l, 0);
    const dout = <i32>layerWord(l, 1);
    const W = layerWord(l, 2);
    const D = layerWord(l, 5);
    const A = l > 1 ? layerWord(l - 1, 4) : X;
    if (l > 1) {
      const wt = Wt;
      transpose(W, wt, din, dout);
      hiddenDeltas(D, wt, A, layerWord(l - 1, 5), rows, din, dout, act);
    }
    gradientUpdate(A, D, W, layerWord(l, 3), rows, din, dout, lr, reg, G, gb);
    if (rule) {
      updateWeights(W, G, layerWord(l, 6), layerWord(l, 7), din * dout, lr, reg, l1);
      updateBiases(layerWord(l, 3), gb, layerWord(l, 8), layerWord(l, 9), dout, lr);
    }
  }
}

/**
 * sum over the last forward pass's rows of -log P[i, y_i], in row order: kernels.ts's crossEntropySum,
 * operation for operation (one log of the rescaled product, series near 1, own logs for tiny p).
 */
export function crossEntropy(y: usize, rows: i32): f64 {
  const L = load<i32>(plan);
  const c = <usize>layerWord(L, 1);
  const P = layerWord(L, 4);
  ceBegin();
  let prod = 1.0;
  for (let i = 0; i < rows; i++) {
    prod = ceRow(prod, load<f64>(P + ((<usize>i * c + <usize>load<u8>(y + <usize>i)) << 3)));
  }
  return ceEnd(prod);
}

/** The cross-entropy sum of the weights before the last `step` asked for it. */
let stepLoss: f64 = NaN;

export function lastCrossEntropy(): f64 {
  return stepLoss;
}

/**
 * One forward and backward pass on rows of X; returns the smallest true-class probability. With
 * record != 0 (classes only), keeps the cross-entropy sum of the forward pass for `lastCrossEntropy`.
 */
export function step(X: usize, y: usize, rows: i32, lr: f64, reg: f64, l1: f64, record: i32): f64 {
  const L = load<i32>(plan);
  const two = !regression() && layerWord(L, 1) == 2;
  // Two classes: the output layer sums the loss as it makes the probabilities.
  const minP = run(X, y, rows, two ? layerWord(L, 5) : 0, record != 0);
  if (record != 0) stepLoss = two ? output2Loss : crossEntropy(y, rows);
  backward(X, y, rows, lr, reg, l1);
  return minP;
}

/**
 * One minibatch pass, as trainer.ts runs it: the rows in the order `order` (n f64, shuffled by the
 * caller), `batch` at a time gathered into Xb, yb, each batch's regularization reg (|B| / N) and
 * l1 (|B| / N). X has d columns (the input features). Returns 1 if some batch's loss was not finite,
 * else 0.
 */
export function minibatchPass(X: usize, y: usize, n: i32, d: i32, batch: i32, order: usize, Xb: usize, yb: usize, lr: f64, reg: f64, l1: f64): i32 {
  let bad = 0;
  const rs = <usize>d << 3;
  const regress = regression();
  for (let start = 0; start < n; start += batch) {
    const rows = min(batch, n - start);
    for (let r = 0; r < rows; r++) {
      const j = <usize><i32>load<f64>(order + (<usize>(start + r) << 3));
      const src = X + j * rs;
      const dst = Xb + <usize>r * rs;
      for (let c: usize = 0; c < rs; c += 8) store<f64>(dst + c, load<f64>(src + c));
      if (regress) store<f64>(yb + (<usize>r << 3), load<f64>(y + (j << 3)));
      else store<u8>(yb + <usize>r, load<u8>(y + j));
    }
    const share = <f64>rows / <f64>n;
    const minP = step(Xb, yb, rows, lr, reg * share, l1 * share, 0);
    if (!(minP > 0)) bad = 1;
  }
  return bad;
}

/**
 * Class probabilities of a w x h grid whose rows of input features (w x d each, row after row) the
 * caller wrote at `input`, as f32 class-major planes to out (as `grid`).
 */
export function gridFrom(input: usize, d: i32, w: i32, h: i32, out: usize): void {
  const L = load<i32>(plan);
  const c = <i32>layerWord(L, 1);
  const P = layerWord(L, 4);
  const plane = <usize>w * h;
  for (let j = 0; j < h; j++) {
    forward(input + ((<usize>j * w * d) << 3), 0, w);
    for (let k = 0; k < c; k++) {
      const o = out + ((<usize>k * plane + <usize>j * w) << 2);
      for (let i = 0; i < w; i++) store<f32>(o + (<usize>i << 2), <f32>load<f64>(P + ((<usize>i * c + k) << 3)));
    }
  }
}

/**
 * Class probabilities on a w x h grid, as grid.ts computes them: cell (i, j) at x0 + (i + 0.5) dx,
 * y1 - (j + 0.5) dy, written as f32 class-major planes to out. row: w x 2 f64 scratch.
 */
export function grid(x0: f64, dx: f64, y1: f64, dy: f64, w: i32, h: i32, row: usize, out: usize): void {
  const L = load<i32>(plan);
  const c = <i32>layerWord(L, 1);
  const P = layerWord(L, 4);
  const plane = <usize>w * h;
  for (let i = 0; i < w; i++) store<f64>(row + (<usize>i << 4), x0 + (<f64>i + 0.5) * dx);
  for (let j = 0; j < h; j++) {
    const y = y1 - (<f64>j + 0.5) * dy;
    for (let i = 0; i < w; i++) store<f64>(row + (<usize>i << 4), y, 8);
    forward(row, 0, w);
    for (let k = 0; k < c; k++) {
      const o = out + ((<usize>k * plane + <usize>j * w) << 2);
      for (let i = 0; i < w; i++) store<f32>(o + (<usize>i << 2), <f32>load<f64>(P + ((<usize>i * c + k) << 3)));
    }
  }
}
