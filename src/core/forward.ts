/**
 * A forward pass with its own buffers, for up to `capacity` rows at a time, giving its results
 * row-major. It runs the same kernels as training (engine.ts) and transposes what they leave.
 */
import { Engine } from './engine';
import type { Params } from './network';

export class Forward {
  /** acts[l] holds layer l's activations (l >= 1), rows x size, row-major; the last is the softmax output. */
  readonly acts: Float64Array[];
  private readonly engine: Engine;

  constructor(
    readonly sizes: readonly number[],
    readonly capacity: number,
  ) {
    this.acts = sizes.map((s, l) => new Float64Array(l === 0 ? 0 : capacity * s));
    this.engine = new Engine(sizes, capacity);
  }

  /**
   * Runs rows of X (rows x 2) through the network. Returns the smallest probability of a true class
   * when labels are given (0 or NaN means the loss is not finite), else 1.
   */
  run(p: Params, X: Float64Array, rows: number, y: Uint8Array | null): number {
    const minP = this.engine.forward(p, X, rows, y);
    const { sizes, acts } = this;
    for (let l = 1; l < sizes.length; l++) {
      const s = sizes[l]!;
      const src = this.engine.acts[l]!;
      const dst = acts[l]!;
      for (let j = 0; j < s; j++) for (let i = 0; i < rows; i++) dst[i * s + j] = src[j * rows + i]!;
    }
    return minP;
  }

  /** The probabilities of the last run: rows x C. */
  get probs(): Float64Array {
    return this.acts[this.acts.length - 1]!;
  }

  /** sum of -log p[y] over the last run's rows. */
  crossEntropy(rows: number, y: Uint8Array): number {
    return this.engine.crossEntropy(rows, y);
  }

  /** Number of rows of the last run whose arg-max class equals y. */
  correct(rows: number, y: Uint8Array): number {
    return this.engine.correct(rows, y);
  }
}
