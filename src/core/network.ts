/**
 * The network's shape and parameters: `[d_in, h_1, ..., h_L, C]` (d_in the number of input features),
 * one weight matrix and bias per layer.
 */
import type { Activation, Feature } from '../config/schema';
import { PLAIN_INPUTS } from './features';
import type { RandomState } from './rng';

export interface Params {
  /** Layer sizes, input first: [d_in, ...hidden, classes]. */
  sizes: number[];
  act: Activation;
  /** The input features, in order (sizes[0] of them); the first layer's input is these of each point. */
  inputs: readonly Feature[];
  /** Regression: one linear output unit and the squared error (absent: softmax and cross-entropy). */
  regression?: boolean;
  /** W[l] is sizes[l] x sizes[l+1], row-major (NumPy's `randn(in, out)` order). */
  W: Float64Array[];
  b: Float64Array[];
}

/** The tutorial's init: `np.random.seed(seed)`, then per layer `randn(in, out) / sqrt(in)`, biases 0. */
export function initParams(
  sizes: readonly number[],
  act: Activation,
  rng: RandomState,
  inputs: readonly Feature[] = PLAIN_INPUTS,
  regression = false,
): Params {
  const W: Float64Array[] = [];
  const b: Float64Array[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const din = sizes[l]!;
    const dout = sizes[l + 1]!;
    const w = new Float64Array(din * dout);
    const s = Math.sqrt(din);
    for (let i = 0; i < w.length; i++) w[i] = rng.randn() / s;
    W.push(w);
    b.push(new Float64Array(dout));
  }
  const p: Params = { sizes: [...sizes], act, inputs: [...inputs], W, b };
  if (regression) p.regression = true;
  return p;
}

export function cloneParams(p: Params): Params {
  const q: Params = {
    sizes: [...p.sizes],
    act: p.act,
    inputs: [...p.inputs],
    W: p.W.map((w) => w.slice()),
    b: p.b.map((v) => v.slice()),
  };
  if (p.regression) q.regression = true;
  return q;
}

/** sum over layers of |W|^2 (biases are not penalised). */
export function weightSquares(p: Params): number {
  let s = 0;
  for (const w of p.W) for (let i = 0; i < w.length; i++) s += w[i]! * w[i]!;
  return s;
}

/** sum over layers of |W| (biases are not penalised). */
export function weightAbs(p: Params): number {
  let s = 0;
  for (const w of p.W) for (let i = 0; i < w.length; i++) s += Math.abs(w[i]!);
  return s;
}

/**
 * The regularization terms of the loss, before the division by N: reg / 2 sum W^2 + l1 sum |W|. The
 * L1 term is left out when l1 is 0, so that the tutorial's loss keeps its bits even for infinite weights.
 */
export function penalty(p: Params, reg: number, l1: number): number {
  const l2 = (reg / 2) * weightSquares(p);
  return l1 === 0 ? l2 : l2 + l1 * weightAbs(p);
}

/** Weights as nested arrays, `W[l][row][col]`, for JSON. */
export function paramsToJSON(p: Params): { W: number[][]; b: number[] }[] {
  return p.W.map((w, l) => {
    const din = p.sizes[l]!;
    const dout = p.sizes[l + 1]!;
    const rows: number[][] = [];
    for (let i = 0; i < din; i++) rows.push(Array.from(w.subarray(i * dout, (i + 1) * dout)));
    return { W: rows, b: Array.from(p.b[l]!) };
  });
}
