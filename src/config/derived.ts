/**
 * Facts that follow from a configuration, each computed here only: the class count, the layer sizes, the
 * test split and the parameter count. The engine, the worker, the watchdog and the views all ask here.
 */
import type { Config, Dataset } from './settings';

/** The datasets the class count applies to; the others have two classes whatever it says. */
export const MULTICLASS_DATASETS: readonly Dataset[] = ['blobs', 'spiral'];

export function takesClassCount(data: Dataset): boolean {
  return MULTICLASS_DATASETS.includes(data);
}

/** The regression datasets: a number to predict at each point, one linear output unit. */
export const REGRESSION_DATASETS: readonly Dataset[] = ['plane', 'gauss'];

export function isRegression(data: Dataset): boolean {
  return REGRESSION_DATASETS.includes(data);
}

/**
 * Number of classes the network outputs: the edited points' own count when there are edited points
 * (it need not match the settings), else the generated dataset's; 1 (the one output unit) for regression.
 */
export function classCount(c: Pick<Config, 'data' | 'classes'>, editedClasses?: number | null): number {
  if (editedClasses !== undefined && editedClasses !== null) return editedClasses;
  if (isRegression(c.data)) return 1;
  return takesClassCount(c.data) ? c.classes : 2;
}

/** Layer sizes, input first: `[inputs, ...hidden, classes]` (the tutorial's inputs are x and y). */
export function layerSizes(hidden: readonly number[], classes: number, inputs = 2): number[] {
  return [inputs, ...hidden, classes];
}

/** The network's layer sizes for a configuration (and the edited points' class count, if any). */
export function networkSizes(
  c: Pick<Config, 'data' | 'classes' | 'hidden' | 'inputs'>,
  editedClasses?: number | null,
): number[] {
  return layerSizes(c.hidden, classCount(c, editedClasses), c.inputs.length);
}

/** Rows held out for testing: `round(test * n)`, halves rounded up (NumPy: `floor(test * n + 0.5)`). */
export function testCount(test: number, n: number): number {
  return Math.floor(test * n + 0.5);
}

/** Rows trained on: the first `n - testCount(test, n)`. */
export function trainCount(test: number, n: number): number {
  return n - testCount(test, n);
}

/** Weights and biases of a network of these layer sizes. */
export function paramCount(sizes: readonly number[]): number {
  let n = 0;
  for (let l = 0; l + 1 < sizes.length; l++) n += (sizes[l]! + 1) * sizes[l + 1]!;
  return n;
}
