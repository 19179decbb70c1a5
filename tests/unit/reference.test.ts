import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { wasmModule } from '../../src/cli/wasmModule';
import { classCount } from '../../src/config/derived';
import type { Config } from '../../src/config/schema';
import { type Backend, jsBackend, wasmBackend } from '../../src/core/backend';
import { makeDataset } from '../../src/core/datasets';
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
}

const datasets = JSON.parse(readFileSync('tests/fixtures/datasets.json', 'utf8')).datasets as DatasetCase[];
const training = JSON.parse(readFileSync('tests/fixtures/training.json', 'utf8')).configs as TrainingCase[];

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

// Both engines, each checked against NumPy on its own (they also agree with each other bit for bit:
// wasm-engine.test.ts).
const backends: Backend[] = [jsBackend, wasmBackend(wasmModule())];

describe.each(backends)('training matches the NumPy reference ($name engine)', (backend) => {
  for (const c of training) {
    it(`${c.name}: losses to 1e-9 relative, same accuracy and weights`, () => {
      const run = createRun(c.config, undefined, backend);
      const { trainer } = run;
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
      expect(trainer.accuracy()).toBe(c.train_accuracy);
      if (c.test_accuracy !== null) expect(trainer.accuracy(run.test!)).toBe(c.test_accuracy);
      c.weights.forEach((layer, l) => {
        expect(maxRelDiff(trainer.params.W[l]!, layer.W, 1e-2)).toBeLessThan(1e-7);
        expect(maxRelDiff(trainer.params.b[l]!, layer.b, 1e-2)).toBeLessThan(1e-7);
      });
    });
  }
});
