/**
 * Messages between the page and the analysis worker, which fits the tutorial's logistic-regression
 * baseline off the main thread. Each request has a generation; the worker answers only the latest one
 * it has seen, and the page drops answers of older generations.
 */
import type { Box } from '../core/box';
import type { GridFrame, PointsFrame } from './training';

/** The name an analysis worker is started with (worker.ts serves both roles). */
export const ANALYSIS_WORKER_NAME = 'analysis';

export interface BaselineRequest {
  type: 'baseline';
  gen: number;
  /** Names the points: the same key reuses the last fit (only the plot's shape changed). */
  key: string;
  /** The run's points as the main worker sent them: the first `nTrain` rows train, the rest test. */
  points: PointsFrame;
  /** Width / height of the plot, so the grid's box has its shape. */
  aspect: number;
  /** The network's plot's box, before it takes that shape; null: the points' box, padded. */
  box: Box | null;
}

export type ToAnalysis = BaselineRequest;

export interface BaselineFrame {
  type: 'baseline';
  gen: number;
  key: string;
  /** The inverse regularization strength cross-validation chose. */
  C: number;
  /** Its mean accuracy over the five folds. */
  cvScore: number;
  trainAcc: number;
  testAcc: number | null;
  grid: GridFrame;
}

export type FromAnalysis = BaselineFrame | { type: 'error'; gen: number; message: string };
