/**
 * Which engine trains: the JavaScript one (engine.ts, the reference and the fallback) or the
 * WebAssembly SIMD one (wasm/, loaded by the caller: the core reads no files). Both give the same
 * results bit for bit; a session picks one through this seam.
 */

import type { Box } from './box';
import type { Data } from './datasets';
import type { EngineName } from './engineName';
import { GridEvaluator } from './grid';
import type { Params } from './network';
import type { RandomState } from './rng';
import { Trainer, type TrainOptions } from './trainer';
import { WasmGridEvaluator } from './wasmGrid';
import { WasmTrainer } from './wasmTrainer';

export type { EngineName } from './engineName';

/** What sessions, the trainer CLI and tests use of a trainer. */
export interface TrainerApi {
  readonly params: Params;
  readonly train: Data;
  readonly opts: TrainOptions;
  readonly pass: number;
  readonly divergedAt: number | null;
  readonly lastLoss: number;
  readonly fullBatch: boolean;
  readonly currentLearningRate: number;
  step(recordLoss?: boolean): void;
  loss(d?: Data): number;
  accuracy(d?: Data): number;
}

export interface GridApi {
  readonly width: number;
  readonly height: number;
  readonly classes: number;
  evaluate(p: Params, box: Box, out: Float32Array): void;
}

export interface Backend {
  readonly name: EngineName;
  /** `others`: data sets besides `train` whose loss and accuracy will be asked for (the test set). */
  trainer(
    params: Params,
    train: Data,
    opts: TrainOptions,
    rng: RandomState,
    others: readonly Data[],
  ): TrainerApi;
  grid(sizes: readonly number[], width: number, height: number): GridApi;
}

export const jsBackend: Backend = {
  name: 'js',
  trainer: (params, train, opts, rng) => new Trainer(params, train, opts, rng),
  grid: (sizes, width, height) => new GridEvaluator(sizes, width, height),
};

/** The WebAssembly engine on a compiled module (wasm/index.ts); instances are made per trainer and grid. */
export function wasmBackend(module: WebAssembly.Module): Backend {
  return {
    name: 'wasm',
    trainer: (params, train, opts, rng, others) => new WasmTrainer(params, train, opts, rng, module, others),
    grid: (sizes, width, height) => new WasmGridEvaluator(module, sizes, width, height),
  };
}

/**
 * A module of one function () -> v128 { f64x2.neg(i8x16.splat(0)) }: valid only where 128-bit SIMD
 * is supported.
 */
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 11, 1, 9, 0, 65, 0, 253, 15, 253, 237,
  1, 11,
]);

/** True where WebAssembly with 128-bit SIMD runs. */
export function simdSupported(): boolean {
  try {
    return typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}
