import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { wasmModule } from '../../src/cli/wasmModule';
import { classCount } from '../../src/config/derived';
import { type Config, DEFAULT_CONFIG } from '../../src/config/schema';
import { type Backend, jsBackend, wasmBackend } from '../../src/core/backend';
import { makeDataset } from '../../src/core/datasets';
import { Forward } from '../../src/core/forward';
import type { Params } from '../../src/core/network';
import { createRun } from '../../src/core/run';

// Golden values from tests/reference/reference.py (the tutorial's NumPy code, extended); see
// tests/reference/README.md for how they were made and which chaotic configurations were left out.
interface DatasetCase {
  data: Config['data'];
  n: number;
  noise: number;
  seed: number;
  classes: number;
  X: number[];
  y: number[];
}
interface Layer {
  shape: [number, number];
  W: number[];
  b: number[];
}
interface TrainingCase {
  name: string;
  config: Config;
  log_every: number;
  iterations: number[];
  losses: number[];
  test_losses: number[] | null;
  train_accuracy: number;
  test_accuracy: number | null;
  initial_weights: Layer[];
  weights: Layer[];
  /** Hidden unit of the first layer whose weights start at exactly 0 (training-options.json). */
  zero_unit?: number;
  /** Regression: R² on the training set (the accuracies are null). */
  train_r2?: number;
}
interface RegressionSet {
  data: Config['data'];
  n: number;
  noise: number;
  seed: number;
  X: number[];
  t: number[];
}

const datasets = JSON.parse(readFileSync('tests/fixtures/datasets.json', 'utf8')).datasets as DatasetCase[];
const training = JSON.parse(readFileSync('tests/fixtures/training.json', 'utf8')).configs as TrainingCase[];
// The options of issue 10 (L1, optimizers, inputs, regression), in a file of their own: training.json,
// made before them, keeps proving that a link without them is the same run as before.
const optionsFile = JSON.parse(readFileSync('tests/fixtures/training-options.json', 'utf8'));
const options = optionsFile.configs as TrainingCase[];
const regressionSets = optionsFile.datasets as RegressionSet[];

/** Unit j of the first hidden layer: its incoming weights, bias and outgoing weights set to 0. */
function zeroUnit(p: Params, j: number): void {
  const h = p.sizes[1]!;
  for (let k = 0; k < p.sizes[0]!; k++) p.W[0]![k * h + j] = 0;
  p.b[0]![j] = 0;
  p.W[1]!.fill(0, j * p.sizes[2]!, (j + 1) * p.sizes[2]!);
}

/** Whether unit j's weights are all exactly 0 (+0 or -0). */
function unitIsZero(p: Params, j: number): boolean {
  const h = p.sizes[1]!;
  const out = Array.from(p.W[1]!.subarray(j * p.sizes[2]!, (j + 1) * p.sizes[2]!));
  const inc = Array.from({ length: p.sizes[0]! }, (_, k) => p.W[0]![k * h + j]!);
  return [...out, ...inc, p.b[0]![j]!].every((v) => v === 0);
}

function maxRelDiff(got: ArrayLike<number>, want: readonly number[], floor = 1e-300): number {
  expect(got.length).toBe(want.length);
  let worst = 0;
  for (let i = 0; i < want.length; i++) {
    worst = Math.max(worst, Math.abs(got[i]! - want[i]!) / Math.max(Math.abs(want[i]!), floor));
  }
  return worst;
}

describe('datasets match the NumPy reference', () => {
  for (const d of datasets) {
    it(`${d.data} n=${d.n} noise=${d.noise} seed=${d.seed} classes=${d.classes}`, () => {
      const got = makeDataset(d);
      expect(Array.from(got.y)).toEqual(d.y);
      expect(got.classes).toBe(classCount(d));
      let worst = 0;
      for (let i = 0; i < d.X.length; i++) worst = Math.max(worst, Math.abs(got.X[i]! - d.X[i]!));
      expect(worst).toBeLessThanOrEqual(1e-12);
    });
  }
});

describe('regression datasets match the NumPy reference', () => {
  for (const d of regressionSets) {
    it(`${d.data} n=${d.n} noise=${d.noise} seed=${d.seed}`, () => {
      const got = makeDataset({ ...d, classes: 2 });
      expect(got.classes).toBe(1);
      expect(maxRelDiff(got.t!, d.t, 1)).toBeLessThanOrEqual(1e-15);
      let worst = 0;
      for (let i = 0; i < d.X.length; i++) worst = Math.max(worst, Math.abs(got.X[i]! - d.X[i]!));
      expect(worst).toBeLessThanOrEqual(1e-12);
    });
  }
});

/** R² = 1 - sum (t - prediction)^2 / sum (t - mean t)^2, with the network's predictions. */
function rSquared(p: Params, X: Float64Array, t: Float64Array): number {
  const f = new Forward(p.sizes, t.length);
  f.run(p, X, t.length, null);
  let mean = 0;
  for (const v of t) mean += v / t.length;
  let res = 0;
  let tot = 0;
  for (let i = 0; i < t.length; i++) {
    res += (t[i]! - f.probs[i]!) ** 2;
    tot += (t[i]! - mean) ** 2;
  }
  return 1 - res / tot;
}

// Both engines, each checked against NumPy on its own (they also agree with each other bit for bit:
// wasm-engine.test.ts).
const backends: Backend[] = [jsBackend, wasmBackend(wasmModule())];

describe.each(backends)('training matches the NumPy reference ($name engine)', (backend) => {
  for (const c of [...training, ...options]) {
    it(`${c.name}: losses to 1e-9 relative, same accuracy and weights`, () => {
      // A fixture names only the settings it sets: the others are at their defaults, as in a link.
      const run = createRun({ ...DEFAULT_CONFIG, ...c.config }, undefined, backend);
      const { trainer } = run;
      if (c.zero_unit !== undefined) zeroUnit(trainer.params, c.zero_unit);
      c.initial_weights.forEach((layer, l) => {
        expect(maxRelDiff(trainer.params.W[l]!, layer.W, 1e-3)).toBeLessThan(1e-15);
      });
      const losses: number[] = [];
      const testLosses: number[] = [];
      for (let i = 0; i < c.config.passes; i++) {
        trainer.step();
        if (i % c.log_every === 0) {
          losses.push(trainer.loss());
          if (run.test) testLosses.push(trainer.loss(run.test));
        }
      }
      expect(trainer.divergedAt).toBeNull();
      expect(maxRelDiff(losses, c.losses)).toBeLessThan(1e-9);
      if (c.test_losses) expect(maxRelDiff(testLosses, c.test_losses)).toBeLessThan(1e-9);
      if (c.train_r2 !== undefined) {
        // Regression has no classes, so no accuracy; its fit is R².
        expect(trainer.accuracy()).toBeNaN();
        const r2 = rSquared(trainer.params, run.train.X, run.train.t!);
        expect(Math.abs(r2 - c.train_r2)).toBeLessThan(1e-9);
      } else {
        expect(trainer.accuracy()).toBe(c.train_accuracy);
        if (c.test_accuracy !== null) expect(trainer.accuracy(run.test!)).toBe(c.test_accuracy);
      }
      c.weights.forEach((layer, l) => {
        expect(maxRelDiff(trainer.params.W[l]!, layer.W, 1e-2)).toBeLessThan(1e-7);
        expect(maxRelDiff(trainer.params.b[l]!, layer.b, 1e-2)).toBeLessThan(1e-7);
      });
      // L1's sign(0) = 0: a unit at exactly zero gets no gradient and no penalty, and stays there.
      if (c.zero_unit !== undefined) expect(unitIsZero(trainer.params, c.zero_unit)).toBe(true);
    });
  }
});
