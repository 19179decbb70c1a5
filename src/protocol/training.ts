/**
 * The one message protocol between the page and the training worker, both directions.
 *
 * Every configuration change (and every reset) starts a new generation `gen`. The worker drops the work
 * of older generations at once; the page drops snapshots whose `gen` is not its current one.
 * Pacing: after each snapshot the worker waits for an `ack` of that snapshot (sent by the page once the
 * frame that shows it has been drawn) before it sends the next one, and trains flat out meanwhile.
 */
import type { Config } from '../config/schema';
import type { Box } from '../core/box';
import type { Data } from '../core/datasets';
import type { EngineName } from '../core/engineName';
import type { Params } from '../core/network';
import type { WeightRef } from './weightRef';

/**
 * Passes per second; `Infinity` is flat out, and `TIMELAPSE` plays the run as a time-lapse: slowly at
 * first, so the boundary can be seen forming, then faster and faster (src/worker/pace.ts).
 */
export type Speed = number;
export const TIMELAPSE: Speed = 0;

export type RunState = 'training' | 'paused' | 'finished' | 'converged' | 'diverged';

/**
 * Networks up to this many parameters send their weights with every snapshot, and can be looked
 * inside (unit fields, hidden space); bigger ones would cost too much per frame.
 */
export const MAX_INSPECT_PARAMS = 50000;

/** Hidden unit `unit` (0-based) of layer `layer` (1 = the first hidden layer, as in `Params.sizes`). */
export interface UnitRef {
  layer: number;
  unit: number;
}

/** The hidden space of `layer`: the coordinates of 2 or 3 of its units. */
export interface HiddenSpec {
  layer: number;
  units: number[];
}

/** What the page looks at inside the network; it holds across generations until changed. */
export interface InspectView {
  unit: UnitRef | null;
  hidden: HiddenSpec | null;
  /** Every drawn unit's small field, for the diagram's nodes (absent: none). */
  nodes?: boolean;
}

export type ToWorker =
  /**
   * Start a new run: seeded initial weights for `config`, on `data` when the person edited the points
   * (null: the generated dataset). The test split applies to either.
   */
  | {
      type: 'config';
      gen: number;
      config: Config;
      data: Data | null;
      playing: boolean;
      speed: Speed;
      aspect: number;
      /** The box to draw over (before it is given the plot's shape); null: the data's box, padded. */
      box: Box | null;
      inspect: InspectView;
    }
  | { type: 'inspect'; view: InspectView }
  /**
   * Sets one weight of generation `gen`'s network by hand; training goes on from there and the next
   * snapshot shows it. Ignored when the link or the value is not valid (the page checks both first).
   */
  | { type: 'setWeight'; gen: number; ref: WeightRef; value: number }
  /** Asks for the current weights of any size (answered by a `weights` message), for export. */
  | { type: 'weights'; gen: number }
  | { type: 'play'; gen: number; playing: boolean }
  | { type: 'speed'; speed: Speed }
  /** One pass, then paused. */
  | { type: 'step'; gen: number }
  /**
   * Width / height of the plot area, so the grid's box has the same shape, and the box to draw over
   * (null: the data's box, padded). The page keeps its box while the points are edited.
   */
  | { type: 'view'; aspect: number; box: Box | null }
  /** The page has drawn snapshot `seq` of `gen`. */
  | { type: 'ack'; gen: number; seq: number };

/** Class probabilities over `box`, class-major planes, row 0 at the top (see core/grid.ts). */
export interface GridFrame {
  width: number;
  height: number;
  classes: number;
  box: Box;
  probs: Float32Array;
}

/** The network's parameters: the same shape as core's Params. */
export type WeightsFrame = Params;

/** One hidden unit's activation over `box` (the main plot's box), row-major, row 0 at the top. */
export interface UnitFrame {
  layer: number;
  unit: number;
  width: number;
  height: number;
  box: Box;
  values: Float32Array;
}

/**
 * The diagram's node heatmaps: every layer's first `counts[l]` units (input to output), each sampled on
 * a `width` x `height` grid over `box` (the main plot's box), row 0 at the top. `values` holds the
 * fields one after another, layer by layer and unit by unit: the inputs x and y, the hidden units'
 * activations, the output's class probabilities.
 */
export interface NodesFrame {
  width: number;
  height: number;
  box: Box;
  counts: number[];
  values: Float32Array;
}

/**
 * The data and a warped grid as layer `layer` sees them: `k = units.length` coordinates per row.
 * `points` holds the first `shown` rows of the run's points (all of them unless the network is costly);
 * `lines` holds `lineCount` polylines of `samples` points each: straight lines of the input box.
 */
export interface HiddenFrame {
  layer: number;
  units: number[];
  shown: number;
  points: Float32Array;
  lineCount: number;
  samples: number;
  lines: Float32Array;
}

/** A run's points, as the page makes them (state/points.ts): the first `nTrain` rows train, the rest test. */
export interface PointsFrame {
  X: Float64Array;
  y: Uint8Array;
  nTrain: number;
  /** 1 for regression, whose points carry targets `t` (their y are all 0). */
  classes: number;
  t?: Float64Array;
}

export interface Snapshot {
  type: 'snapshot';
  gen: number;
  /** 0, 1, 2, ... within a generation. */
  seq: number;
  /** Passes completed. */
  pass: number;
  passes: number;
  state: RunState;
  divergedAt: number | null;
  /** Loss of the current weights; null when not finite. */
  trainLoss: number | null;
  testLoss: number | null;
  trainAcc: number;
  testAcc: number | null;
  /** Learning rate of the next pass (changes with annealing). */
  lr: number;
  /** Passes per second, measured. */
  pps: number;
  /** The engine that trains: 'wasm' (WebAssembly SIMD) or 'js' (JavaScript, where SIMD is missing). */
  engine: EngineName;
  grid: GridFrame;
  /** Losses of passes `lossFrom, lossFrom + 1, ...` not sent before; index k is the loss after k passes. */
  lossFrom: number;
  trainLosses: Float64Array;
  testLosses: Float64Array | null;
  /** Number of parameters; `weights`, `unit` and `hidden` are null above MAX_INSPECT_PARAMS. */
  params: number;
  weights: WeightsFrame | null;
  /** The field of the unit the page looks at (InspectView.unit), when it exists in this network. */
  unit: UnitFrame | null;
  hidden: HiddenFrame | null;
  /** The diagram's node heatmaps (InspectView.nodes). */
  nodes: NodesFrame | null;
}

export type FromWorker =
  | Snapshot
  | { type: 'weights'; gen: number; pass: number; weights: WeightsFrame }
  | { type: 'error'; gen: number; message: string };

export function weightsTransfer(w: WeightsFrame): ArrayBuffer[] {
  return [...w.W, ...w.b].map((a) => a.buffer as ArrayBuffer);
}

/** The buffers a snapshot hands over (never touched by the sender afterwards). */
export function snapshotTransfer(s: Snapshot): ArrayBuffer[] {
  const list: ArrayBuffer[] = [s.grid.probs.buffer as ArrayBuffer, s.trainLosses.buffer as ArrayBuffer];
  if (s.testLosses) list.push(s.testLosses.buffer as ArrayBuffer);
  if (s.weights) list.push(...weightsTransfer(s.weights));
  if (s.unit) list.push(s.unit.values.buffer as ArrayBuffer);
  if (s.hidden) list.push(s.hidden.points.buffer as ArrayBuffer, s.hidden.lines.buffer as ArrayBuffer);
  if (s.nodes) list.push(s.nodes.values.buffer as ArrayBuffer);
  return list;
}

export function assertNever(x: never): never {
  throw new Error(`unexpected message: ${JSON.stringify(x)}`);
}
