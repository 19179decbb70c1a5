/** A forward pass with its own buffers, for up to `capacity` rows at a time. */
import { activate, affine, crossEntropySum, softmaxRows } from './kernels';
import type { Params } from './network';

export class Forward {
  /** acts[l] holds layer l's activations (l >= 1); the last is the softmax output. */
  readonly acts: Float64Array[];

  constructor(
    readonly sizes: readonly number[],
    readonly capacity: number,
  ) {
    this.acts = sizes.map((s, l) => new Float64Array(l === 0 ? 0 : capacity * s));
  }

  /**
   * Runs rows of X (rows x 2) through the network. Returns the smallest probability of a true class
   * when labels are given (0 or NaN means the loss is not finite), else 1.
   */
  run(p: Params, X: Float64Array, rows: number, y: Uint8Array | null): number {
    const { sizes, acts } = this;
    const L = sizes.length - 1;
    let ain = X;
    for (let l = 1; l <= L; l++) {
      const out = acts[l]!;
      affine(ain, p.W[l - 1]!, p.b[l - 1]!, out, rows, sizes[l - 1]!, sizes[l]!);
      if (l < L) activate(out, rows * sizes[l]!, p.act);
      ain = out;
    }
    return softmaxRows(acts[L]!, rows, sizes[L]!, y);
  }

  /** The probabilities of the last run: rows x C. */
  get probs(): Float64Array {
    return this.acts[this.acts.length - 1]!;
  }

  /** sum of -log p[y] over the last run's rows. */
  crossEntropy(rows: number, y: Uint8Array): number {
    return crossEntropySum(this.probs, rows, this.sizes[this.sizes.length - 1]!, y);
  }

  /** Number of rows of the last run whose arg-max class equals y. */
  correct(rows: number, y: Uint8Array): number {
    const c = this.sizes[this.sizes.length - 1]!;
    const p = this.probs;
    let hits = 0;
    for (let i = 0; i < rows; i++) {
      let best = 0;
      for (let j = 1; j < c; j++) if (p[i * c + j]! > p[i * c + best]!) best = j;
      if (best === y[i]) hits++;
    }
    return hits;
  }
}
