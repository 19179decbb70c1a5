/**
 * Messages between the page and the analysis worker, which fits the tutorial's logistic-regression
 * baseline off the main thread. Each request has a generation; the worker answers only the latest one
 * it has seen, and the page drops answers of older generations.
 */
import type { Config } from '../config/schema';
import type { Data } from '../core/datasets';
import type { GridFrame, PointsFrame } from './protocol';

export interface BaselineRequest {
  type: 'baseline';
  gen: number;
  /** Names the data (settings and edited-points version): the same key reuses the last fit. */
  key: string;
  config: Config;
  /** The person's edited points; null: the generated dataset. */
  data: Data | null;
  /** Width / height of the plot, so the grid's box has its shape. */
  aspect: number;
}

export type ToAnalysis = BaselineRequest;

export interface BaselineFrame {
  type: 'baseline';
  gen: number;
  /** The inverse regularization strength cross-validation chose. */
  C: number;
  /** Its mean accuracy over the five folds. */
  cvScore: number;
  trainAcc: number;
  testAcc: number | null;
  grid: GridFrame;
  points: PointsFrame;
}

export type FromAnalysis = BaselineFrame | { type: 'error'; gen: number; message: string };

export function baselineTransfer(f: BaselineFrame): ArrayBuffer[] {
  return [f.grid.probs.buffer, f.points.X.buffer, f.points.y.buffer] as ArrayBuffer[];
}
