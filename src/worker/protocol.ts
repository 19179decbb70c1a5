/**
 * The one message protocol between the page and the training worker, both directions.
 *
 * Every configuration change (and every reset) starts a new generation `gen`. The worker drops the work
 * of older generations at once; the page drops snapshots whose `gen` is not its current one.
 * Pacing: after each snapshot the worker waits for an `ack` of that snapshot (sent by the page once the
 * frame that shows it has been drawn) before it sends the next one, and trains flat out meanwhile.
 */
import type { Config } from '../config/schema';
import type { Box } from '../core/grid';

/** Passes per second; `Infinity` is flat out. */
export type Speed = number;

export type RunState = 'training' | 'paused' | 'finished' | 'converged' | 'diverged';

export type ToWorker =
  /** Start a new run: seeded initial weights for `config`. */
  | { type: 'config'; gen: number; config: Config; playing: boolean; speed: Speed; aspect: number }
  | { type: 'play'; gen: number; playing: boolean }
  | { type: 'speed'; speed: Speed }
  /** One pass, then paused. */
  | { type: 'step'; gen: number }
  /** Width / height of the plot area, so the grid's box has the same shape. */
  | { type: 'view'; aspect: number }
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

/** The run's points, sent once per generation: the first `nTrain` rows train, the rest test. */
export interface PointsFrame {
  X: Float64Array;
  y: Uint8Array;
  nTrain: number;
  classes: number;
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
  grid: GridFrame;
  /** Losses of passes `lossFrom, lossFrom + 1, ...` not sent before; index k is the loss after k passes. */
  lossFrom: number;
  trainLosses: Float64Array;
  testLosses: Float64Array | null;
  /** Present in the first snapshot of a generation. */
  points?: PointsFrame;
}

export type FromWorker = Snapshot | { type: 'error'; gen: number; message: string };

/** The buffers a snapshot hands over (never touched by the sender afterwards). */
export function snapshotTransfer(s: Snapshot): ArrayBuffer[] {
  const list: ArrayBuffer[] = [s.grid.probs.buffer as ArrayBuffer, s.trainLosses.buffer as ArrayBuffer];
  if (s.testLosses) list.push(s.testLosses.buffer as ArrayBuffer);
  if (s.points) list.push(s.points.X.buffer as ArrayBuffer, s.points.y.buffer as ArrayBuffer);
  return list;
}

export function assertNever(x: never): never {
  throw new Error(`unexpected message: ${JSON.stringify(x)}`);
}
