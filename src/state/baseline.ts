/** The logistic-regression baseline's state, a slice of the store (fitted by src/client/baseline.ts). */
import type { BaselineFrame } from '../protocol/analysis';

export interface BaselineState {
  result: BaselineFrame | null;
  /** A fit is on its way; `result`, if any, is of earlier points or an earlier plot shape. */
  pending: boolean;
  error: string | null;
}

export const EMPTY_BASELINE: BaselineState = { result: null, pending: false, error: null };
