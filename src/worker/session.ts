/**
 * One generation's training run as the worker sees it: trains pass by pass, keeps the loss history,
 * detects the end of the run and builds snapshots. Free of worker globals so tests run it in Node.
 */
import { paramCount } from '../config/derived';
import type { Config } from '../config/schema';
import { type Backend, type GridApi, jsBackend } from '../core/backend';
import { type Box, dataBox } from '../core/box';
import type { Data } from '../core/datasets';
import { fitBox, gridSize } from '../core/gridPlan';
import { cloneParams } from '../core/network';
import { createRun, type Run } from '../core/run';
import {
  type GridFrame,
  type InspectView,
  MAX_INSPECT_PARAMS,
  type RunState,
  type Snapshot,
  type WeightsFrame,
} from '../protocol/training';
import { validHandWeight, validWeightRef, type WeightRef, weightIndex } from '../protocol/weightRef';
import { Inspector } from './inspect';
import { LossLog } from './lossLog';

/** "Converged": the training loss moved less than this, relatively, over `CONVERGE_WINDOW` passes. */
export const CONVERGE_TOL = 1e-9;
/** Even, so that a period-2 oscillation (the tutorial's configuration) compares like with like. */
export const CONVERGE_WINDOW = 1000;

/**
 * While training against a deadline, the clock is read about every CLOCK_MS, at most every
 * MAX_STRIDE passes: a read of performance.now() costs 0.2 to 0.3 µs in Chromium's workers, a twentieth
 * of one of the tutorial's passes on the WebAssembly engine. The deadline is then overshot by at most
 * MAX_STRIDE small passes (about CLOCK_MS).
 */
const CLOCK_MS = 0.2;
const MAX_STRIDE = 16;

type EndState = Exclude<RunState, 'training' | 'paused'>;

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** Whether loss i moved less than CONVERGE_TOL, relatively, from CONVERGE_WINDOW passes before. */
function settled(log: LossLog, i: number): boolean {
  const a = log.at(i);
  return Math.abs(a - log.at(i - CONVERGE_WINDOW)) <= CONVERGE_TOL * Math.abs(a);
}

export class Session {
  readonly run: Run;
  /** Set once the run can go no further. */
  end: EndState | null = null;
  private readonly trainLog = new LossLog();
  private readonly testLog: LossLog | null;
  private sentLosses = 0;
  private seq = 0;
  private evaluator!: GridApi;
  private box!: GridFrame['box'];
  /** The box asked for, before it is given the plot's shape; null: the data's box. */
  private wanted: Box | null;
  readonly params: number;
  /** Null when the network is too big to send its weights with every snapshot. */
  private readonly inspector: Inspector | null;

  /**
   * `data`: the person's edited points instead of the generated dataset; `box`: the box to draw over
   * (null: the data's box padded by 0.5, as in the tutorial).
   */
  constructor(
    readonly gen: number,
    readonly config: Config,
    aspect: number,
    data: Data | null = null,
    box: Box | null = null,
    readonly backend: Backend = jsBackend,
  ) {
    this.wanted = box;
    this.run = data ? createRun(config, data, backend) : createRun(config, undefined, backend);
    const sizes = this.run.trainer.params.sizes;
    this.params = paramCount(sizes);
    this.inspector = this.params <= MAX_INSPECT_PARAMS ? new Inspector(sizes) : null;
    this.testLog = this.run.test ? new LossLog() : null;
    this.setAspect(aspect);
    if (config.passes <= 0) this.finish('finished');
  }

  get pass(): number {
    return this.run.trainer.pass;
  }

  /** Changes the box (null: the data's box) and its shape. */
  setView(aspect: number, box: Box | null): void {
    this.wanted = box;
    this.setAspect(aspect);
  }

  /** Changes the shape of the grid's box; the data box is padded by 0.5 as in the tutorial. */
  setAspect(aspect: number): void {
    const { data, trainer } = this.run;
    this.box = fitBox(this.wanted ?? dataBox(data.X, data.n, 0.5), aspect);
    const { width, height } = gridSize(trainer.params.sizes, aspect);
    if (!this.evaluator || this.evaluator.width !== width || this.evaluator.height !== height) {
      this.evaluator = this.backend.grid(trainer.params.sizes, width, height);
    }
  }

  /**
   * Trains at most `maxPasses` passes, stopping early once `now()` reaches `deadline` (read every few
   * passes, see CLOCK_MS) or the run ends.
   * Records the loss of the weights before each pass. Returns the number of passes done.
   */
  advance(maxPasses: number, deadline: number, now: () => number): number {
    const { trainer, train, test } = this.run;
    const { trainLog, testLog } = this;
    const start = now();
    let done = 0;
    // The clock is read after pass `next`; the stride doubles, up to what the time per pass so far
    // allows (a coarse clock can show none at first).
    let stride = 1;
    let next = 1;
    while (done < maxPasses && this.end === null) {
      if (test && testLog) testLog.push(trainer.loss(test));
      if (trainer.fullBatch) {
        trainer.step(true);
        trainLog.push(trainer.lastLoss);
      } else {
        trainLog.push(trainer.loss(train));
        trainer.step(false);
      }
      done++;
      if (trainer.divergedAt !== null) this.finish('diverged');
      else if (this.converged()) this.finish('converged');
      else if (trainer.pass >= trainer.opts.passes) this.finish('finished');
      if (done >= next) {
        const t = now();
        if (t >= deadline) break;
        stride = Math.min(2 * stride, MAX_STRIDE, Math.max(1, Math.floor((CLOCK_MS * done) / (t - start))));
        next = done + stride;
      }
    }
    return done;
  }

  /** Both of the last two passes, so each phase of a period-2 oscillation must have settled. */
  private converged(): boolean {
    const log = this.trainLog;
    const k = log.length - 1;
    if (k < CONVERGE_WINDOW + 1) return false;
    return settled(log, k) && settled(log, k - 1);
  }

  /** Ends the run and records the loss of the final weights, so the history has pass + 1 entries. */
  private finish(end: EndState): void {
    this.end = end;
    const { trainer, test } = this.run;
    if (end === 'diverged') return;
    if (test) this.testLog?.push(trainer.loss(test));
    this.trainLog.push(trainer.loss());
  }

  /**
   * Sets one weight by hand; training goes on from the edited network. False, and nothing changes,
   * when there is no such link, the value is out of range or the run diverged (its weights are lost).
   */
  setWeight(ref: WeightRef, value: number): boolean {
    const p = this.run.trainer.params;
    if (this.end === 'diverged' || !validWeightRef(p.sizes, ref) || !validHandWeight(value)) return false;
    p.W[ref.layer]![weightIndex(p.sizes, ref)] = value;
    return true;
  }

  /** A copy of the current weights, ready to transfer. */
  weights(): WeightsFrame {
    return cloneParams(this.run.trainer.params);
  }

  /** Builds the next snapshot; its arrays are fresh copies, ready to transfer. */
  snapshot(playing: boolean, pps: number, view: InspectView = { unit: null, hidden: null }): Snapshot {
    const { trainer, train, test, data } = this.run;
    const diverged = this.end === 'diverged';
    const grid = new Float32Array(this.evaluator.width * this.evaluator.height * this.evaluator.classes);
    this.evaluator.evaluate(trainer.params, this.box, grid);
    const from = this.sentLosses;
    const trainLosses = this.trainLog.tail(from);
    const testLosses = this.testLog ? this.testLog.tail(from) : null;
    this.sentLosses = this.trainLog.length;
    const state: RunState = this.end ?? (playing ? 'training' : 'paused');
    const snap: Snapshot = {
      type: 'snapshot',
      gen: this.gen,
      seq: this.seq++,
      pass: trainer.pass,
      passes: trainer.opts.passes,
      state,
      divergedAt: trainer.divergedAt,
      trainLoss: diverged ? null : finiteOrNull(trainer.loss(train)),
      testLoss: diverged || !test ? null : finiteOrNull(trainer.loss(test)),
      trainAcc: diverged ? Number.NaN : trainer.accuracy(train),
      testAcc: test && !diverged ? trainer.accuracy(test) : null,
      lr: trainer.currentLearningRate,
      pps: state === 'training' ? pps : 0,
      engine: this.backend.name,
      grid: {
        width: this.evaluator.width,
        height: this.evaluator.height,
        classes: this.evaluator.classes,
        box: { ...this.box },
        probs: grid,
      },
      lossFrom: from,
      trainLosses,
      testLosses,
      params: this.params,
      weights: null,
      unit: null,
      hidden: null,
      nodes: null,
    };
    const { inspector } = this;
    if (inspector) {
      const p = trainer.params;
      snap.weights = cloneParams(p);
      snap.unit = inspector.unitField(p, view.unit, this.box);
      snap.hidden = inspector.hiddenSpace(p, view.hidden, data.X, data.n, this.box);
      if (view.nodes) snap.nodes = inspector.nodeFields(p, this.box);
    }
    return snap;
  }
}
