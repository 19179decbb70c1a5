/**
 * The update rules of docs/algorithms.md ("Regularization" and "Optimizers") for runs that are not the
 * tutorial's plain step: L1, momentum or Adam. The plain step without L1 stays fused into the engine's
 * loops (kernels.ts `applyUpdate`, fused.ts), so old links keep their bits. wasm/optimize.ts does the
 * same operations in the same order; keep the two in step.
 */
import type { OptimizerName } from '../config/schema';

/** The wasm engine's code for each rule (wasm/optimize.ts). */
export const OPTIMIZER_CODES: Readonly<Record<OptimizerName, number>> = { sgd: 0, momentum: 1, adam: 2 };

/** Adam's β₂ and ε, fixed as in the paper's defaults. */
export const ADAM_BETA2 = 0.999;
export const ADAM_EPS = 1e-8;

/**
 * One optimizer state for one network, shared by every minibatch of every pass: the velocities
 * (momentum) or first and second moments (Adam) of each weight and bias, and Adam's step count.
 * `begin` starts an update; `apply` then updates each layer, in place.
 */
export class Optimizer {
  private readonly code: number;
  /** Momentum's velocity or Adam's first moment, per layer. */
  private readonly mW: Float64Array[];
  private readonly mb: Float64Array[];
  /** Adam's second moment, per layer (empty otherwise). */
  private readonly sW: Float64Array[];
  private readonly sb: Float64Array[];
  /** beta^t and 0.999^t as running products (no pow: the same bits in JS, wasm and the reference). */
  private b1t = 1;
  private b2t = 1;
  private c1 = 1;
  private c2 = 1;

  constructor(
    sizes: readonly number[],
    name: OptimizerName,
    private readonly beta: number,
  ) {
    this.code = OPTIMIZER_CODES[name];
    const moments = this.code > 0;
    const second = this.code === 2;
    const layer = (l: number, k: number) => sizes[l]! * k;
    const L = sizes.length - 1;
    const make = (on: boolean, len: (l: number) => number) =>
      Array.from({ length: L }, (_, l) => new Float64Array(on ? len(l) : 0));
    this.mW = make(moments, (l) => layer(l, sizes[l + 1]!));
    this.mb = make(moments, (l) => sizes[l + 1]!);
    this.sW = make(second, (l) => layer(l, sizes[l + 1]!));
    this.sb = make(second, (l) => sizes[l + 1]!);
  }

  /** Starts one update (one batch): Adam's t goes up by one. */
  begin(): void {
    if (this.code !== 2) return;
    this.b1t *= this.beta;
    this.b2t *= ADAM_BETA2;
    this.c1 = 1 - this.b1t;
    this.c2 = 1 - this.b2t;
  }

  /**
   * Layer l's update from its summed gradients dW, db: the weights' g = dW + regScale W +
   * l1Scale sign(W), the biases' g = db (never penalised), then the rule.
   */
  apply(
    l: number,
    W: Float64Array,
    b: Float64Array,
    dW: Float64Array,
    db: Float64Array,
    lr: number,
    regScale: number,
    l1Scale: number,
  ): void {
    const mW = this.mW[l]!;
    const sW = this.sW[l]!;
    for (let i = 0; i < W.length; i++) {
      const w = W[i]!;
      let g = dW[i]! + regScale * w;
      if (l1Scale !== 0) g += l1Scale * (w > 0 ? 1 : w < 0 ? -1 : 0);
      W[i] = w - this.delta(g, mW, sW, i, lr);
    }
    const mb = this.mb[l]!;
    const sb = this.sb[l]!;
    for (let j = 0; j < b.length; j++) b[j] = b[j]! - this.delta(db[j]!, mb, sb, j, lr);
  }

  /** The step the rule takes for gradient g at index i of the state arrays m, s (updated). */
  private delta(g: number, m: Float64Array, s: Float64Array, i: number, lr: number): number {
    switch (this.code) {
      case 1: {
        const v = this.beta * m[i]! + g;
        m[i] = v;
        return lr * v;
      }
      case 2: {
        const mi = this.beta * m[i]! + (1 - this.beta) * g;
        const si = ADAM_BETA2 * s[i]! + 0.001 * g * g;
        m[i] = mi;
        s[i] = si;
        return (lr * (mi / this.c1)) / (Math.sqrt(si / this.c2) + ADAM_EPS);
      }
      default:
        return lr * g;
    }
  }
}
