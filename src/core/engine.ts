/**
 * Forward and backward passes for up to `capacity` rows at a time, on buffers made once here, in the
 * unit-major layout of kernels.ts. Two-class tanh networks (all of the tutorial's work) run fused
 * loops (fused.ts for [2, h, 2], deep.ts for more hidden layers); everything else runs layer by
 * layer. The fused loops do the layered path's operations in the same order, so every path gives the
 * same bits. That matters more than it seems: near pass 1236 the tutorial's run goes through a burst
 * that amplifies a last-bit difference to 1e-3 and picks the phase of the period-2 oscillation it
 * then settles into, so the loss it prints every 1000 passes from 3000 on (0.0712... or 0.0707...)
 * depends on every rounding. Cheaper formulations (softmax on the difference of the two logits, a
 * shorter exp polynomial) stay within 1e-15 per step but land on the other phase.
 */
import { backTanh, inputTanh, topBackwardTanh, topForwardTanh } from './deep';
import { featurize, plainInputs } from './features';
import { backwardTanh, forwardTanh } from './fused';
import {
  activate,
  allFinite,
  applyUpdate,
  combine,
  crossEntropySum,
  multiplyDerivative,
  probsMinusOneHot,
  rowSums,
  softmax,
  softmax2,
  squaredErrorSum,
  targetDeltas,
  twoClassDeltas,
  weightGradient,
} from './kernels';
import type { Params } from './network';
import type { Optimizer } from './optimizer';

/**
 * `auto` runs the specialised loops where they apply; `layered` runs only the general layer-by-layer
 * kernels (for tests: the results are the same).
 */
export type EngineMode = 'auto' | 'layered';

export class Engine {
  /**
   * acts[0] is the input transposed (2 x rows); acts[l] layer l's activations, the last one the class
   * probabilities (C x rows); all unit-major.
   */
  readonly acts: Float64Array[];
  /** Rows of the last forward pass. */
  rows = 0;

  private readonly L: number;
  /** deltas[l]: the deltas of layer l >= 1. */
  private readonly deltas: Float64Array[];
  private readonly dW: Float64Array[];
  private readonly db: Float64Array[];

  constructor(
    readonly sizes: readonly number[],
    readonly capacity: number,
    private readonly mode: EngineMode = 'auto',
  ) {
    this.L = sizes.length - 1;
    this.acts = sizes.map((s) => new Float64Array(capacity * s));
    this.deltas = sizes.map((s, l) => new Float64Array(l === 0 ? 0 : capacity * s));
    this.dW = sizes.slice(1).map((s, l) => new Float64Array(sizes[l]! * s));
    this.db = sizes.slice(1).map((s) => new Float64Array(s));
  }

  /** Class probabilities of the last forward pass: C x rows, unit-major (P[c * rows + i]). */
  get probs(): Float64Array {
    return this.acts[this.L]!;
  }

  /**
   * Runs rows of X (rows x 2, row-major: the points) through the network, whose input is the points'
   * features (p.inputs). Returns the smallest probability of a true class when labels are given (0 or
   * NaN means the loss is not finite), else 1. A regression network's output is its one linear unit,
   * and it returns 1 if every output is finite, else 0.
   */
  forward(p: Params, X: Float64Array, rows: number, y: Uint8Array | null): number {
    const { sizes, acts, L } = this;
    const C = sizes[L]!;
    this.rows = rows;
    const x = acts[0]!;
    if (plainInputs(p.inputs)) {
      for (let i = 0; i < rows; i++) {
        x[i] = X[2 * i]!;
        x[rows + i] = X[2 * i + 1]!;
      }
    } else featurize(p.inputs, X, rows, x, 1, rows);
    const path = this.path(p);
    if (path === 'shallow') {
      forwardTanh(x, p.W[0]!, p.b[0]!, p.W[1]!, p.b[1]!, acts[1]!, acts[2]!, rows, sizes[1]!);
      return softmax2(acts[2]!, rows, y);
    }
    let l = 1;
    if (path === 'deep') {
      inputTanh(x, p.W[0]!, p.b[0]!, acts[1]!, rows, sizes[1]!);
      l = 2;
    }
    for (; l < L; l++) {
      combine(acts[l - 1]!, sizes[l - 1]!, p.W[l - 1]!, sizes[l]!, 1, p.b[l - 1]!, acts[l]!, sizes[l]!, rows);
      if (path === 'layered' || l < L - 1) activate(acts[l]!, rows * sizes[l]!, p.act);
    }
    const h = sizes[L - 1]!;
    if (path === 'deep') topForwardTanh(acts[L - 1]!, p.W[L - 1]!, p.b[L - 1]!, acts[L]!, rows, h);
    else combine(acts[L - 1]!, h, p.W[L - 1]!, C, 1, p.b[L - 1]!, acts[L]!, C, rows);
    if (p.regression) return allFinite(acts[L]!, rows * C);
    return C === 2 && this.mode === 'auto' ? softmax2(acts[L]!, rows, y) : softmax(acts[L]!, rows, C, y);
  }

  /**
   * The loops to run: fused ones for two-class tanh networks with two inputs (whichever features) and
   * at least one hidden layer, else layer by layer.
   */
  private path(p: Params): 'shallow' | 'deep' | 'layered' {
    const { sizes, L } = this;
    if (this.mode !== 'auto' || sizes[L] !== 2 || p.act !== 'tanh' || sizes[0] !== 2 || L < 2)
      return 'layered';
    return this.L === 2 ? 'shallow' : 'deep';
  }

  /** sum of (1/2) (output - t)^2 over the last forward pass's rows (regression). */
  squaredError(rows: number, t: Float64Array): number {
    return squaredErrorSum(this.probs, rows, t);
  }

  /** sum of -log p[y] over the last forward pass's rows. */
  crossEntropy(rows: number, y: Uint8Array): number {
    return crossEntropySum(this.probs, rows, y);
  }

  /** Number of rows of the last forward pass whose arg-max class equals y (ties go to the lower class). */
  correct(rows: number, y: Uint8Array): number {
    const c = this.sizes[this.L]!;
    const P = this.probs;
    let hits = 0;
    for (let i = 0; i < rows; i++) {
      let best = 0;
      for (let j = 1; j < c; j++) if (P[j * rows + i]! > P[best * rows + i]!) best = j;
      if (best === y[i]) hits++;
    }
    return hits;
  }

  /**
   * Backpropagation after `forward` on the same rows with labels y, and the update of every layer:
   * W -= lr (dW + regScale W), b -= lr db, each layer's delta taken with its weights before the update.
   * With an optimizer (L1, momentum, Adam), it updates each layer instead, on the layer-by-layer path.
   */
  backward(
    p: Params,
    y: Uint8Array | Float64Array,
    lr: number,
    regScale: number,
    opt: Optimizer | null = null,
    l1Scale = 0,
  ): void {
    const { sizes, acts, deltas, dW, db, L, rows } = this;
    const C = sizes[L]!;
    // Regression: y holds the targets; classification: the classes.
    if (p.regression) targetDeltas(this.probs, deltas[L]!, db[L - 1]!, rows, y as Float64Array);
    else if (C === 2 && this.mode === 'auto')
      twoClassDeltas(this.probs, deltas[L]!, db[L - 1]!, rows, y as Uint8Array);
    else {
      probsMinusOneHot(this.probs, deltas[L]!, rows, C, y as Uint8Array);
      rowSums(deltas[L]!, db[L - 1]!, rows, C);
    }
    const path = opt ? 'layered' : this.path(p);
    opt?.begin();
    if (path === 'shallow') {
      backwardTanh(acts[0]!, acts[1]!, deltas[2]!, p.W[0]!, p.b[0]!, p.W[1]!, rows, sizes[1]!, lr, regScale);
      const b = p.b[1]!;
      b[0]! -= lr * db[1]![0]!;
      b[1]! -= lr * db[1]![1]!;
      return;
    }
    let l = L;
    if (path === 'deep') {
      topBackwardTanh(
        acts[L - 1]!,
        deltas[L]!,
        p.W[L - 1]!,
        dW[L - 1]!,
        deltas[L - 1]!,
        db[L - 2]!,
        rows,
        sizes[L - 1]!,
      );
      applyUpdate(p.W[L - 1]!, p.b[L - 1]!, dW[L - 1]!, db[L - 1]!, lr, regScale);
      for (l = L - 1; l >= 2; l--) {
        const din = sizes[l - 1]!;
        const dout = sizes[l]!;
        weightGradient(acts[l - 1]!, deltas[l]!, dW[l - 1]!, rows, din, dout);
        backTanh(deltas[l]!, p.W[l - 1]!, acts[l - 1]!, deltas[l - 1]!, db[l - 2]!, rows, din, dout);
        applyUpdate(p.W[l - 1]!, p.b[l - 1]!, dW[l - 1]!, db[l - 1]!, lr, regScale);
      }
      weightGradient(acts[0]!, deltas[1]!, dW[0]!, rows, 2, sizes[1]!);
      applyUpdate(p.W[0]!, p.b[0]!, dW[0]!, db[0]!, lr, regScale);
      return;
    }
    for (; l >= 1; l--) {
      const din = sizes[l - 1]!;
      const dout = sizes[l]!;
      if (l < L) rowSums(deltas[l]!, db[l - 1]!, rows, dout);
      weightGradient(acts[l - 1]!, deltas[l]!, dW[l - 1]!, rows, din, dout);
      if (l > 1) {
        combine(deltas[l]!, dout, p.W[l - 1]!, 1, dout, null, deltas[l - 1]!, din, rows);
        multiplyDerivative(deltas[l - 1]!, acts[l - 1]!, rows * din, p.act);
      }
      if (opt) opt.apply(l - 1, p.W[l - 1]!, p.b[l - 1]!, dW[l - 1]!, db[l - 1]!, lr, regScale, l1Scale);
      else applyUpdate(p.W[l - 1]!, p.b[l - 1]!, dW[l - 1]!, db[l - 1]!, lr, regScale);
    }
  }
}
