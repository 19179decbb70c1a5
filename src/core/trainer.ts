/**
 * Gradient descent on one network and one training set: full batch (the tutorial) or minibatch with
 * a seeded reshuffle each pass, with learning-rate annealing. All buffers are made here, once; `step`
 * allocates nothing.
 */
import type { Anneal } from '../config/schema';
import type { Data } from './datasets';
import { Forward } from './forward';
import { applyUpdate, backpropDelta, multiplyDerivative, subtractOneHot, weightGradient } from './kernels';
import { type Params, weightSquares } from './network';
import type { RandomState } from './rng';
import { learningRate } from './schedule';

export interface TrainOptions {
  lr: number;
  reg: number;
  /** 0 or >= the training set size: full batch. */
  batch: number;
  anneal: Anneal;
  passes: number;
}

export class Trainer {
  /** Passes completed. */
  pass = 0;
  /** Passes completed when the loss was first seen to be NaN or infinite; null while finite. */
  divergedAt: number | null = null;
  /** With `step(true)` on full batch: the training loss of the weights before that step. */
  lastLoss = Number.NaN;

  private readonly batchRows: number;
  private readonly fwd: Forward;
  private readonly deltas: Float64Array[];
  private readonly dW: Float64Array[];
  private readonly db: Float64Array[];
  private readonly order: Float64Array;
  private readonly Xb: Float64Array;
  private readonly yb: Uint8Array;
  private evalFwd: Forward | null = null;

  constructor(
    readonly params: Params,
    readonly train: Data,
    readonly opts: TrainOptions,
    private readonly rng: RandomState,
  ) {
    const n = train.n;
    this.batchRows = opts.batch > 0 && opts.batch < n ? opts.batch : n;
    const sizes = params.sizes;
    this.fwd = new Forward(sizes, this.batchRows);
    this.deltas = sizes.map((s, l) => new Float64Array(l === 0 ? 0 : this.batchRows * s));
    this.dW = params.W.map((w) => new Float64Array(w.length));
    this.db = params.b.map((b) => new Float64Array(b.length));
    const mini = this.batchRows < n;
    this.order = new Float64Array(mini ? n : 0);
    this.Xb = new Float64Array(mini ? 2 * this.batchRows : 0);
    this.yb = new Uint8Array(mini ? this.batchRows : 0);
  }

  get fullBatch(): boolean {
    return this.batchRows >= this.train.n;
  }

  /** The learning rate of the next pass. */
  get currentLearningRate(): number {
    return learningRate(this.opts.lr, this.opts.anneal, this.pass, this.opts.passes);
  }

  /** One pass through the training data. With `recordLoss` on full batch, sets `lastLoss` for free. */
  step(recordLoss = false): void {
    const lr = this.currentLearningRate;
    const { train } = this;
    if (this.fullBatch) {
      this.update(train.X, train.y, train.n, lr, recordLoss);
    } else {
      const { order, Xb, yb, batchRows } = this;
      const n = train.n;
      for (let i = 0; i < n; i++) order[i] = i;
      this.rng.shuffle(order);
      for (let start = 0; start < n; start += batchRows) {
        const rows = Math.min(batchRows, n - start);
        for (let r = 0; r < rows; r++) {
          const j = order[start + r]!;
          Xb[2 * r] = train.X[2 * j]!;
          Xb[2 * r + 1] = train.X[2 * j + 1]!;
          yb[r] = train.y[j]!;
        }
        this.update(Xb, yb, rows, lr, false);
      }
    }
    this.pass++;
  }

  private update(X: Float64Array, y: Uint8Array, rows: number, lr: number, recordLoss: boolean): void {
    const { params, fwd, deltas, dW, db } = this;
    const sizes = params.sizes;
    const L = sizes.length - 1;
    const minP = fwd.run(params, X, rows, y);
    if (!(minP > 0) && this.divergedAt === null) this.divergedAt = this.pass;
    if (recordLoss) {
      this.lastLoss =
        (fwd.crossEntropy(rows, y) + (this.opts.reg / 2) * weightSquares(params)) / this.train.n;
    }
    const c = sizes[L]!;
    const top = deltas[L]!;
    const probs = fwd.probs;
    for (let i = 0; i < rows * c; i++) top[i] = probs[i]!;
    subtractOneHot(top, rows, c, y);
    const regScale = this.opts.reg * (rows / this.train.n);
    for (let l = L; l >= 1; l--) {
      const din = sizes[l - 1]!;
      const dout = sizes[l]!;
      const ain = l === 1 ? X : fwd.acts[l - 1]!;
      weightGradient(ain, deltas[l]!, dW[l - 1]!, db[l - 1]!, rows, din, dout);
      if (l > 1) {
        const prev = deltas[l - 1]!;
        backpropDelta(deltas[l]!, params.W[l - 1]!, prev, rows, din, dout);
        multiplyDerivative(prev, fwd.acts[l - 1]!, rows * din, params.act);
      }
      applyUpdate(params.W[l - 1]!, params.b[l - 1]!, dW[l - 1]!, db[l - 1]!, lr, regScale);
    }
  }

  private evaluator(rows: number): Forward {
    if (!this.evalFwd || this.evalFwd.capacity < rows) this.evalFwd = new Forward(this.params.sizes, rows);
    return this.evalFwd;
  }

  /** The tutorial's loss on a set: (sum CE + reg/2 sum W^2) / n. Also flags divergence. */
  loss(d: Data = this.train): number {
    const f = this.evaluator(d.n);
    const minP = f.run(this.params, d.X, d.n, d.y);
    if (!(minP > 0) && d === this.train && this.divergedAt === null) this.divergedAt = this.pass;
    return (f.crossEntropy(d.n, d.y) + (this.opts.reg / 2) * weightSquares(this.params)) / d.n;
  }

  /** Share of rows whose arg-max class is right. */
  accuracy(d: Data = this.train): number {
    const f = this.evaluator(d.n);
    f.run(this.params, d.X, d.n, null);
    return f.correct(d.n, d.y) / d.n;
  }
}
