/**
 * The trainer of trainer.ts on the WebAssembly engine: the same passes, the same results bit for bit,
 * one call into the module per pass. The weights live in the module's memory (params' arrays become
 * views of it); the training data and the other data sets it is given are copied in once. The module
 * sums -log p with its port of fastmath.ts's log, the one the JS engine uses, so both give the same loss.
 */
import type { Data } from './datasets';
import { Engine } from './engine';
import { featurize } from './features';
import type { Params } from './network';
import { penalty } from './network';
import type { RandomState } from './rng';
import { learningRate } from './schedule';
import { type TrainOptions, usesOptimizer } from './trainer';
import { WasmNet } from './wasmNet';

interface Resident {
  data: Data;
  X: number;
  y: number;
}

export class WasmTrainer {
  pass = 0;
  divergedAt: number | null = null;
  lastLoss = Number.NaN;

  private readonly net: WasmNet;
  private readonly batchRows: number;
  private readonly sets: Resident[];
  private readonly order: Float64Array;
  private readonly orderAt: number;
  private readonly XbAt: number;
  private readonly ybAt: number;
  /** For data sets not copied in: the JS engine on the same weights (same bits). */
  private jsEngine: Engine | null = null;

  /** `others`: data sets besides `train` that `loss` and `accuracy` will be asked about (the test set). */
  constructor(
    readonly params: Params,
    readonly train: Data,
    readonly opts: TrainOptions,
    private readonly rng: RandomState,
    module: WebAssembly.Module,
    others: readonly Data[] = [],
  ) {
    const n = train.n;
    this.batchRows = opts.batch > 0 && opts.batch < n ? opts.batch : n;
    const mini = this.batchRows < n;
    const all = [train, ...others];
    const capacity = Math.max(...all.map((d) => d.n));
    // Each set is copied in as its input features, n x d, and its classes (u8) or targets (f64).
    const din = params.sizes[0]!;
    const regression = params.regression === true;
    const label = regression ? 8 : 1;
    const regions = all.flatMap((d) => [8 * din * d.n, label * d.n]);
    regions.push(mini ? 8 * n : 0, mini ? 8 * din * this.batchRows : 0, mini ? label * this.batchRows : 0);
    const optimizer = usesOptimizer(opts) ? { name: opts.opt, beta: opts.beta } : null;
    this.net = new WasmNet(
      module,
      params.sizes,
      params.act,
      capacity,
      this.batchRows,
      regions,
      optimizer,
      regression,
    );
    const r = this.net.regions;
    const buf = this.net.buffer;
    this.sets = all.map((data, i) => {
      const X = r[2 * i]!;
      const y = r[2 * i + 1]!;
      featurize(params.inputs, data.X, data.n, new Float64Array(buf, X, din * data.n), din, 1);
      if (regression) new Float64Array(buf, y, data.n).set(data.t!.subarray(0, data.n));
      else new Uint8Array(buf, y, data.n).set(data.y.subarray(0, data.n));
      return { data, X, y };
    });
    const k = 2 * all.length;
    this.orderAt = r[k]!;
    this.XbAt = r[k + 1]!;
    this.ybAt = r[k + 2]!;
    this.order = new Float64Array(buf, this.orderAt, mini ? n : 0);
    for (let l = 0; l < params.W.length; l++) {
      this.net.W[l]!.set(params.W[l]!);
      this.net.b[l]!.set(params.b[l]!);
      params.W[l] = this.net.W[l]!;
      params.b[l] = this.net.b[l]!;
    }
  }

  get fullBatch(): boolean {
    return this.batchRows >= this.train.n;
  }

  get currentLearningRate(): number {
    return learningRate(this.opts.lr, this.opts.anneal, this.pass, this.opts.passes);
  }

  /** One pass through the training data. With `recordLoss` on full batch, sets `lastLoss` for free. */
  step(recordLoss = false): void {
    const lr = this.currentLearningRate;
    const { train, opts, net } = this;
    const ex = net.exports;
    const n = train.n;
    const home = this.sets[0]!;
    if (this.fullBatch) {
      // The loss is of the weights before the update: their penalty is taken first.
      const pen = recordLoss ? penalty(this.params, opts.reg, opts.l1) : 0;
      // Classes: the module keeps the cross-entropy of its forward pass; regression's squared error
      // is summed here, from the outputs the update leaves alone.
      const inModule = recordLoss && !train.t;
      const minP = ex.step(home.X, home.y, n, lr, opts.reg, opts.l1, inModule ? 1 : 0);
      if (!(minP > 0) && this.divergedAt === null) this.divergedAt = this.pass;
      if (inModule) this.lastLoss = (ex.lastCrossEntropy() + pen) / n;
      else if (recordLoss) this.lastLoss = (this.dataLoss(home) + pen) / n;
    } else {
      const { order } = this;
      for (let i = 0; i < n; i++) order[i] = i;
      this.rng.shuffle(order);
      const bad = ex.minibatchPass(
        home.X,
        home.y,
        n,
        this.params.sizes[0]!,
        this.batchRows,
        this.orderAt,
        this.XbAt,
        this.ybAt,
        lr,
        opts.reg,
        opts.l1,
      );
      if (bad && this.divergedAt === null) this.divergedAt = this.pass;
    }
    this.pass++;
  }

  /** d's copy in the module's memory; undefined if d was not copied in. */
  private resident(d: Data): Resident | undefined {
    return this.sets.find((r) => r.data === d);
  }

  private js(rows: number): Engine {
    if (!this.jsEngine || this.jsEngine.capacity < rows) this.jsEngine = new Engine(this.params.sizes, rows);
    return this.jsEngine;
  }

  /** The data term of the loss over the module's last forward pass on s: cross-entropy or squared error. */
  private dataLoss(s: Resident): number {
    const d = s.data;
    return d.t ? this.net.squaredError(d.n, d.t) : this.net.crossEntropy(d.n, s.y);
  }

  /**
   * The tutorial's loss on a set: (sum CE + reg/2 sum W^2 + l1 sum |W|) / n, the squared error for CE in
   * regression. Also flags divergence.
   */
  loss(d: Data = this.train): number {
    const s = this.resident(d);
    let minP: number;
    let data: number;
    if (s) {
      minP = this.net.exports.forward(s.X, s.y, d.n);
      data = this.dataLoss(s);
    } else {
      const e = this.js(d.n);
      minP = e.forward(this.params, d.X, d.n, d.t ? null : d.y);
      data = d.t ? e.squaredError(d.n, d.t) : e.crossEntropy(d.n, d.y);
    }
    if (!(minP > 0) && d === this.train && this.divergedAt === null) this.divergedAt = this.pass;
    return (data + penalty(this.params, this.opts.reg, this.opts.l1)) / d.n;
  }

  /** Share of rows whose arg-max class is right; NaN for regression (it has no classes). */
  accuracy(d: Data = this.train): number {
    if (d.t) return Number.NaN;
    const s = this.resident(d);
    if (!s) {
      const e = this.js(d.n);
      e.forward(this.params, d.X, d.n, null);
      return e.correct(d.n, d.y) / d.n;
    }
    this.net.exports.forward(s.X, 0, d.n);
    return this.net.exports.correct(s.y, d.n) / d.n;
  }
}
