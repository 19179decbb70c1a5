/**
 * Gradient descent on one network and one training set: full batch (the tutorial) or minibatch with
 * a seeded reshuffle each pass, with learning-rate annealing. All buffers are made here, once; `step`
 * allocates nothing.
 */
import type { Anneal, OptimizerName } from '../config/schema';
import type { Data } from './datasets';
import { Engine } from './engine';
import { type Params, penalty } from './network';
import { Optimizer } from './optimizer';
import type { RandomState } from './rng';
import { learningRate } from './schedule';

export interface TrainOptions {
  lr: number;
  reg: number;
  /** The L1 penalty's strength. */
  l1: number;
  /** 0 or >= the training set size: full batch. */
  batch: number;
  anneal: Anneal;
  passes: number;
  /** The update rule, and its beta (momentum's, Adam's beta_1). */
  opt: OptimizerName;
  beta: number;
}

export class Trainer {
  /** Passes completed. */
  pass = 0;
  /** Passes completed when the loss was first seen to be NaN or infinite; null while finite. */
  divergedAt: number | null = null;
  /** With `step(true)` on full batch: the training loss of the weights before that step. */
  lastLoss = Number.NaN;

  private readonly batchRows: number;
  private readonly engine: Engine;
  private readonly order: Float64Array;
  private readonly Xb: Float64Array;
  /** A batch's classes, or its targets for regression. */
  private readonly yb: Uint8Array | Float64Array;
  private evalEngine: Engine | null = null;
  /** The update rule when it is not the tutorial's plain step; one state for all batches. */
  private readonly optimizer: Optimizer | null;

  constructor(
    readonly params: Params,
    readonly train: Data,
    readonly opts: TrainOptions,
    private readonly rng: RandomState,
  ) {
    const n = train.n;
    this.batchRows = opts.batch > 0 && opts.batch < n ? opts.batch : n;
    this.engine = new Engine(params.sizes, this.batchRows);
    const mini = this.batchRows < n;
    this.order = new Float64Array(mini ? n : 0);
    this.Xb = new Float64Array(mini ? 2 * this.batchRows : 0);
    this.yb = train.t
      ? new Float64Array(mini ? this.batchRows : 0)
      : new Uint8Array(mini ? this.batchRows : 0);
    this.optimizer = usesOptimizer(opts) ? new Optimizer(params.sizes, opts.opt, opts.beta) : null;
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
    const labels = train.t ?? train.y;
    if (this.fullBatch) {
      this.update(train.X, labels, train.n, lr, recordLoss);
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
          yb[r] = labels[j]!;
        }
        this.update(Xb, yb, rows, lr, false);
      }
    }
    this.pass++;
  }

  private update(
    X: Float64Array,
    y: Uint8Array | Float64Array,
    rows: number,
    lr: number,
    recordLoss: boolean,
  ): void {
    const { params, engine, opts } = this;
    const n = this.train.n;
    const minP = engine.forward(params, X, rows, y instanceof Uint8Array ? y : null);
    if (!(minP > 0) && this.divergedAt === null) this.divergedAt = this.pass;
    if (recordLoss) this.lastLoss = (dataLoss(engine, rows, y) + penalty(params, opts.reg, opts.l1)) / n;
    // reg (|B| / N) as docs/algorithms.md writes it: exactly reg on the full batch; l1 likewise.
    engine.backward(params, y, lr, opts.reg * (rows / n), this.optimizer, opts.l1 * (rows / n));
  }

  /** The training engine when it is big enough: its buffers hold nothing between passes. */
  private evaluator(rows: number): Engine {
    if (this.engine.capacity >= rows) return this.engine;
    if (!this.evalEngine || this.evalEngine.capacity < rows)
      this.evalEngine = new Engine(this.params.sizes, rows);
    return this.evalEngine;
  }

  /**
   * The tutorial's loss on a set: (sum CE + reg/2 sum W^2 + l1 sum |W|) / n, with sum (1/2) (out - t)^2
   * for CE in regression. Also flags divergence.
   */
  loss(d: Data = this.train): number {
    const f = this.evaluator(d.n);
    const minP = f.forward(this.params, d.X, d.n, d.t ? null : d.y);
    if (!(minP > 0) && d === this.train && this.divergedAt === null) this.divergedAt = this.pass;
    return (dataLoss(f, d.n, d.t ?? d.y) + penalty(this.params, this.opts.reg, this.opts.l1)) / d.n;
  }

  /** Share of rows whose arg-max class is right; NaN for regression (it has no classes). */
  accuracy(d: Data = this.train): number {
    if (d.t) return Number.NaN;
    const f = this.evaluator(d.n);
    f.forward(this.params, d.X, d.n, null);
    return f.correct(d.n, d.y) / d.n;
  }
}

/** Whether the run needs an optimizer state rather than the fused plain step (engine.ts). */
export function usesOptimizer(opts: TrainOptions): boolean {
  return opts.l1 !== 0 || opts.opt !== 'sgd';
}

/** The loss's data term over the engine's last forward pass: cross-entropy, or the squared error. */
function dataLoss(e: Engine, rows: number, y: Uint8Array | Float64Array): number {
  return y instanceof Float64Array ? e.squaredError(rows, y) : e.crossEntropy(rows, y);
}
