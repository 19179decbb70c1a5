/**
 * The input features (docs/algorithms.md, "Input features"): what the network's first layer is given
 * of a point (x1, x2). Both engines compute them here, in JavaScript, so that they agree to the bit
 * (Math.sin is the only sine used); nothing here allocates.
 */
import type { Feature } from '../config/schema';

/** The tutorial's inputs: the point itself. */
export const PLAIN_INPUTS: readonly Feature[] = Object.freeze(['x1', 'x2'] as const);

/** Whether the inputs are the point itself, which the engines copy without computing anything. */
export function plainInputs(inputs: readonly Feature[]): boolean {
  return inputs.length === 2 && inputs[0] === 'x1' && inputs[1] === 'x2';
}

/** Feature f of the point (a, b). */
export function feature(f: Feature, a: number, b: number): number {
  switch (f) {
    case 'x1':
      return a;
    case 'x2':
      return b;
    case 'x1sq':
      return a * a;
    case 'x2sq':
      return b * b;
    case 'x1x2':
      return a * b;
    case 'sinx1':
      return Math.sin(a);
    case 'sinx2':
      return Math.sin(b);
  }
}

/**
 * The features of `rows` points of X (rows x 2, row-major) into out: feature k of row i at
 * out[at + i * rowStride + k * colStride] (rowStride 1, colStride rows: the engine's unit-major input;
 * rowStride d, colStride 1: row-major, as the WebAssembly engine takes it).
 */
export function featurize(
  inputs: readonly Feature[],
  X: ArrayLike<number>,
  rows: number,
  out: Float64Array,
  rowStride: number,
  colStride: number,
  at = 0,
): void {
  for (let k = 0; k < inputs.length; k++) {
    const f = inputs[k]!;
    const o = at + k * colStride;
    for (let i = 0; i < rows; i++) out[o + i * rowStride] = feature(f, X[2 * i]!, X[2 * i + 1]!);
  }
}
