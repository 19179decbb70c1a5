import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, type Config, DEFAULT_CONFIG, FEATURES } from '../../src/config/schema';
import { createRun } from '../../src/core/run';

/**
 * One full-batch step with lr = 1 moves W by exactly the summed gradient, W_new = W - N dL/dW, so the
 * engine's gradient is (W - W_new) / N; central finite differences of the loss must agree.
 */
function check(config: Config): number {
  const stepped = createRun(config);
  const probe = createRun(config);
  const before = stepped.trainer.params.W.map((w) => w.slice());
  const beforeB = stepped.trainer.params.b.map((b) => b.slice());
  stepped.trainer.step();
  const N = stepped.train.n;
  const h = 1e-6;
  let worst = 0;
  const compare = (arr: Float64Array, i: number, analytic: number) => {
    const v = arr[i]!;
    arr[i] = v + h;
    const up = probe.trainer.loss();
    arr[i] = v - h;
    const down = probe.trainer.loss();
    arr[i] = v;
    const numeric = (up - down) / (2 * h);
    const err = Math.abs(numeric - analytic) / Math.max(1e-3, Math.abs(numeric) + Math.abs(analytic));
    worst = Math.max(worst, err);
  };
  probe.trainer.params.W.forEach((w, l) => {
    for (let i = 0; i < w.length; i++) compare(w, i, (before[l]![i]! - stepped.trainer.params.W[l]![i]!) / N);
  });
  probe.trainer.params.b.forEach((b, l) => {
    for (let i = 0; i < b.length; i++)
      compare(b, i, (beforeB[l]![i]! - stepped.trainer.params.b[l]![i]!) / N);
  });
  return worst;
}

describe('backpropagation matches finite differences', () => {
  for (const act of ACTIVATIONS) {
    for (const hidden of [[4], [3, 5, 2]]) {
      for (const classes of [2, 3]) {
        it(`${act}, hidden ${hidden.join(',')}, ${classes} classes`, () => {
          const config: Config = {
            ...DEFAULT_CONFIG,
            data: classes === 2 ? 'moons' : 'blobs',
            classes,
            n: 37,
            seed: 5,
            hidden,
            act,
            lr: 1,
            reg: 0.1,
          };
          expect(check(config)).toBeLessThan(1e-5);
        });
      }
    }
  }

  // Away from 0 (no weight is within the step h of it), |W| is smooth and its derivative is sign(W).
  for (const [what, reg, hidden, classes] of [
    ['L1 alone', 0, [4], 2],
    ['L1 with L2 (elastic net)', 0.1, [3, 5], 3],
  ] as const) {
    it(`${what}, hidden ${hidden.join(',')}, ${classes} classes`, () => {
      const config: Config = {
        ...DEFAULT_CONFIG,
        data: classes === 2 ? 'moons' : 'blobs',
        classes,
        n: 37,
        seed: 5,
        hidden: [...hidden],
        lr: 1,
        reg,
        l1: 0.3,
      };
      const run = createRun(config);
      expect(run.trainer.params.W.every((w) => w.every((v) => Math.abs(v) > 1e-4))).toBe(true);
      expect(check(config)).toBeLessThan(1e-5);
    });
  }

  // Each input feature alone (the first layer's input is that column), and all of them with no hidden
  // layer and with two.
  const inputSets: Config['inputs'][] = [...FEATURES.map((f) => [f]), [...FEATURES]];
  for (const inputs of inputSets) {
    for (const hidden of inputs.length > 1 ? [[], [3, 2]] : [[4]]) {
      it(`inputs ${inputs.join(',')}, hidden ${hidden.join(',') || 'none'}`, () => {
        const config: Config = { ...DEFAULT_CONFIG, n: 37, seed: 5, inputs, hidden, lr: 1, reg: 0.1 };
        expect(createRun(config).trainer.params.sizes[0]).toBe(inputs.length);
        expect(check(config)).toBeLessThan(1e-5);
      });
    }
  }

  // Regression: (sum (1/2) (out - t)^2 + penalties) / N through one linear output unit.
  for (const [data, hidden, act, l1] of [
    ['plane', [4], 'tanh', 0],
    ['gauss', [3, 5], 'relu', 0.2],
    ['gauss', [], 'tanh', 0],
  ] as const) {
    it(`regression on ${data}, hidden ${hidden.join(',') || 'none'}, ${act}${l1 ? ', L1' : ''}`, () => {
      const config: Config = {
        ...DEFAULT_CONFIG,
        data,
        n: 37,
        seed: 5,
        hidden: [...hidden],
        act,
        lr: 1,
        reg: 0.1,
        l1,
      };
      expect(createRun(config).trainer.params.regression).toBe(true);
      expect(check(config)).toBeLessThan(1e-5);
    });
  }

  it('notices a wrong gradient (the check can fail)', () => {
    const config: Config = { ...DEFAULT_CONFIG, n: 37, lr: 1, reg: 0.1 };
    const stepped = createRun(config);
    const probe = createRun(config);
    const w0 = stepped.trainer.params.W[0]![0]!;
    stepped.trainer.step();
    const analytic = (w0 - stepped.trainer.params.W[0]![0]!) / stepped.train.n;
    const w = probe.trainer.params.W[0]!;
    w[0] = w0 + 1e-6;
    const up = probe.trainer.loss();
    w[0] = w0 - 1e-6;
    const down = probe.trainer.loss();
    const numeric = (up - down) / 2e-6;
    expect(Math.abs(numeric - analytic * 1.001)).toBeGreaterThan(1e-7 * Math.abs(numeric));
    expect(Math.abs(numeric - analytic)).toBeLessThan(1e-7 * Math.max(1, Math.abs(numeric)));
  });
});
