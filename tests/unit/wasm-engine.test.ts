/**
 * The WebAssembly engine against the JavaScript one: the same weights, losses, accuracies, divergence
 * and plot grid, bit for bit, over configurations drawn from everything the engine supports.
 */
import { describe, expect, it } from 'vitest';
import { wasmModule } from '../../src/cli/wasmModule';
import {
  ACTIVATIONS,
  ANNEALS,
  type Config,
  DEFAULT_CONFIG,
  FEATURES,
  OPTIMIZERS,
} from '../../src/config/schema';
import { jsBackend, type TrainerApi, wasmBackend } from '../../src/core/backend';
import { dataBox } from '../../src/core/box';
import type { Data } from '../../src/core/datasets';
import { fitBox, gridSize } from '../../src/core/gridPlan';
import { crossEntropySum } from '../../src/core/kernels';
import type { Params } from '../../src/core/network';
import { RandomState } from '../../src/core/rng';
import { createRun, type Run } from '../../src/core/run';
import { WasmNet } from '../../src/core/wasmNet';

const module = wasmModule();
const wasm = wasmBackend(module);

/** Equal as bits, NaN equal to NaN (a NaN's payload is the CPU's business). */
function sameValues(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

function sameParams(a: Params, b: Params): boolean {
  return a.W.every((w, l) => sameValues(w, b.W[l]!)) && a.b.every((v, l) => sameValues(v, b.b[l]!));
}

/** What a session records: losses before each pass (train, test), then the end state. */
function trace(run: Run, passes: number) {
  const t: TrainerApi = run.trainer;
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < passes && t.divergedAt === null; i++) {
    if (run.test) test.push(t.loss(run.test));
    if (t.fullBatch) {
      t.step(true);
      train.push(t.lastLoss);
    } else {
      train.push(t.loss());
      t.step();
    }
  }
  return {
    train,
    test,
    divergedAt: t.divergedAt,
    acc: [t.accuracy(), run.test ? t.accuracy(run.test) : -1],
  };
}

/** Points placed anywhere, with classes of the person's choosing (the data editor's output). */
function editedData(rng: RandomState, n: number, classes: number): Data {
  const X = new Float64Array(2 * n);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    X[2 * i] = (rng.random() - 0.5) * 6;
    X[2 * i + 1] = (rng.random() - 0.5) * 4;
    y[i] = i < classes ? i : Math.floor(rng.random() * classes);
  }
  return { X, y, n, classes };
}

/** A configuration drawn from the whole space, its multiply-adds per pass kept to a test's budget. */
function draw(rng: RandomState, k: number): { config: Config; data: Data | null } {
  const layers = 1 + (k % 6);
  const big = rng.random() < 0.3 ? 1 + Math.floor(rng.random() * 512) : 0;
  const hidden = Array.from({ length: layers }, () => 1 + Math.floor(rng.random() * 12));
  if (big) hidden[Math.floor(rng.random() * layers)] = big;
  const classes = 2 + Math.floor(rng.random() * 4);
  const data = (['moons', 'blobs', 'spiral', 'circles', 'xor'] as const)[k % 5]!;
  const twoOnly = data === 'moons' || data === 'circles' || data === 'xor';
  const config: Config = {
    ...DEFAULT_CONFIG,
    data,
    classes: twoOnly ? 2 : classes,
    n: 20 + Math.floor(rng.random() * 180),
    hidden,
    act: ACTIVATIONS[k % ACTIVATIONS.length]!,
    anneal: ANNEALS[Math.floor(rng.random() * ANNEALS.length)]!,
    lr: [0.01, 0.05, 0.2][k % 3]!,
    reg: rng.random() < 0.5 ? 0.01 : 0,
    batch: rng.random() < 0.4 ? 1 + Math.floor(rng.random() * 40) : 0,
    test: rng.random() < 0.4 ? 0.3 : 0,
    seed: k,
    passes: 40,
  };
  // New options draw after the old ones, so the old part of each draw stays as it was.
  config.l1 = rng.random() < 0.4 ? [0.001, 0.03][k % 2]! : 0;
  config.opt = OPTIMIZERS[Math.floor(rng.random() * OPTIMIZERS.length)]!;
  config.beta = [0.9, 0.5, 0.99][k % 3]!;
  if (config.opt === 'adam') config.lr /= 10;
  if (rng.random() < 0.5) {
    const some = FEATURES.filter(() => rng.random() < 0.5);
    config.inputs = some.length > 0 ? some : ['x1x2'];
  }
  if (k % 8 === 5) config.hidden = [];
  if (k % 6 === 4) {
    config.data = rng.random() < 0.5 ? 'plane' : 'gauss';
    config.lr /= 2;
  }
  const edited = k % 7 === 3 && k % 6 !== 4 ? editedData(rng, config.n, classes) : null;
  return { config, data: edited };
}

describe('the WebAssembly engine gives the JS engine’s bits', () => {
  it('the tutorial’s 20,000 passes: every recorded loss and the final weights', () => {
    const config = { ...DEFAULT_CONFIG };
    const a = createRun(config, undefined, jsBackend);
    const b = createRun(config, undefined, wasm);
    const ta = trace(a, config.passes);
    const tb = trace(b, config.passes);
    expect(sameValues(tb.train, ta.train)).toBe(true);
    expect(sameParams(b.trainer.params, a.trainer.params)).toBe(true);
    // The tutorial's log line "Loss after iteration 19000" (the loss of the weights after 19,001 passes);
    // the phase of the period-2 oscillation the run settles into depends on every rounding.
    expect(tb.train[19001]!.toFixed(6)).toBe('0.071316');
  });

  it('80 drawn configurations: sizes 1–512, 1–6 layers, every activation, 2–5 classes, minibatches, annealing, test split, edited data, L1, optimizers, input features, no hidden layer, regression', () => {
    const rng = new RandomState(11);
    const seen = {
      acts: new Set<string>(),
      classes: new Set<number>(),
      layers: new Set<number>(),
      big: 0,
      l1: 0,
      opts: new Map<string, number>(),
      inputs: new Set<string>(),
    };
    for (let k = 0; k < 80; k++) {
      const { config, data } = draw(rng, k);
      const a = createRun(config, data ?? undefined, jsBackend);
      const b = createRun(config, data ?? undefined, wasm);
      expect(sameParams(b.trainer.params, a.trainer.params)).toBe(true);
      const ta = trace(a, config.passes);
      const tb = trace(b, config.passes);
      const what = JSON.stringify({ ...config, edited: data !== null });
      expect(sameParams(b.trainer.params, a.trainer.params), what).toBe(true);
      expect(sameValues(tb.train, ta.train), what).toBe(true);
      expect(sameValues(tb.test, ta.test), what).toBe(true);
      expect(tb.acc, what).toEqual(ta.acc);
      expect(tb.divergedAt, what).toBe(ta.divergedAt);
      seen.acts.add(config.act);
      seen.classes.add(a.data.classes);
      seen.layers.add(config.hidden.length);
      if (Math.max(...config.hidden) > 100) seen.big++;
      if (config.l1 > 0) seen.l1++;
      seen.opts.set(config.opt, (seen.opts.get(config.opt) ?? 0) + 1);
      seen.inputs.add(config.inputs.join());
    }
    expect(seen.inputs.size).toBeGreaterThan(20);
    for (const o of OPTIMIZERS) expect(seen.opts.get(o)).toBeGreaterThan(15);
    expect(seen.l1).toBeGreaterThan(15);
    expect(seen.acts.size).toBe(ACTIVATIONS.length);
    // 1: the regression datasets' one output.
    expect([...seen.classes].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(seen.layers.size).toBe(7);
    expect(seen.big).toBeGreaterThan(5);
  });

  it('a diverging run diverges at the same pass', () => {
    const config = { ...DEFAULT_CONFIG, hidden: [20], lr: 50, passes: 200 };
    const ta = trace(createRun(config, undefined, jsBackend), config.passes);
    const tb = trace(createRun(config, undefined, wasm), config.passes);
    expect(ta.divergedAt).not.toBeNull();
    expect(tb.divergedAt).toBe(ta.divergedAt);
    expect(sameValues(tb.train, ta.train)).toBe(true);
  });

  it('special values (the clamps of exp and tanh, infinities, NaN, -0) take the same paths in both', () => {
    const specials = [20, -20, 10.000000000000002, -10.000000000000002, 400, -400, 1e300, -1e300, Infinity];
    const more = [-Infinity, Number.NaN, -0, 5e-324, 0.5, -0.5];
    for (const act of ACTIVATIONS) {
      for (const classes of [2, 3]) {
        const config = { ...DEFAULT_CONFIG, act, hidden: [6, 5], data: 'blobs' as const, classes, n: 40 };
        const a = createRun(config, undefined, jsBackend);
        const b = createRun(config, undefined, wasm);
        for (const run of [a, b]) {
          const W = run.trainer.params.W;
          [...specials, ...more].forEach((v, i) => {
            // Spread over every layer's weights: some rows then overflow, clamp or turn NaN.
            const w = W[i % W.length]!;
            w[(i * 7) % w.length] = i % 5 === 0 ? v : v / 40;
          });
        }
        expect(sameValues([b.trainer.loss()], [a.trainer.loss()]), `${act} ${classes}`).toBe(true);
        expect(b.trainer.accuracy()).toBe(a.trainer.accuracy());
        for (let i = 0; i < 3; i++) {
          a.trainer.step(true);
          b.trainer.step(true);
          expect(sameValues([b.trainer.lastLoss], [a.trainer.lastLoss]), `${act} ${classes}`).toBe(true);
        }
        expect(sameParams(b.trainer.params, a.trainer.params), `${act} ${classes}`).toBe(true);
      }
    }
  });

  it('the module’s cross-entropy sum is kernels.ts’s, bit for bit: its log from subnormals to Infinity, the series near 1, the rescaled product', () => {
    const capacity = 4000;
    const net = new WasmNet(module, [2, 2], 'tanh', capacity, capacity, [capacity]);
    const labels = new Uint8Array(net.buffer, net.regions[0]!, capacity);
    const rng = new RandomState(9);
    const values = [
      0,
      -0,
      5e-324,
      1e-310,
      2.2250738585072014e-308,
      2 ** -100,
      2 ** -100 * (1 - 2 ** -53),
      1,
      1 + 2 ** -52,
      1 - 2 ** -53,
      1 - 2 ** -20,
      1 - 2 ** -20 - 2 ** -53,
      0.5,
      2,
      Math.SQRT2,
    ];
    values.push(Math.SQRT1_2, Number.MAX_VALUE, Number.POSITIVE_INFINITY, -1, Number.NaN);
    for (let i = 0; i < 20000; i++)
      values.push(i % 2 ? rng.random() : 2 ** (rng.random() * 2098 - 1074) * (1 + rng.random()));
    for (let i = 0; i < 2000; i++) values.push(1 + (rng.random() - 0.5) * 2 ** -18);
    /** The true class's probabilities, each row's class drawn; the other class's probability is 1 - p. */
    const sums = (ps: number[]) => {
      const n = ps.length;
      const P = new Float64Array(2 * n);
      ps.forEach((p, i) => {
        const c = rng.random() < 0.5 ? 0 : 1;
        labels[i] = c;
        net.probs[2 * i + c] = p;
        net.probs[2 * i + 1 - c] = 1 - p;
        P[c * n + i] = p;
        P[(1 - c) * n + i] = 1 - p;
      });
      return { got: net.crossEntropy(n, net.regions[0]!), want: crossEntropySum(P, n, labels.slice(0, n)) };
    };
    const got: number[] = [];
    const want: number[] = [];
    const add = (ps: number[]) => {
      const r = sums(ps);
      got.push(r.got);
      want.push(r.want);
    };
    // Each value alone: through the log, the series or the product as it falls.
    for (const v of values) add([v]);
    // Runs of rows: products that underflow past 2^-900 many times, mixed with every kind of value.
    for (let run = 0; run < 200; run++) {
      const n = 1 + Math.floor(rng.random() * capacity);
      add(Array.from({ length: n }, () => values[Math.floor(rng.random() * values.length)]!));
      add(Array.from({ length: n }, () => 0.001 + rng.random() * 0.02));
    }
    expect(sameValues(got, want)).toBe(true);
    // Not vacuous: single values gave their -log, and the runs finite sums.
    expect(got[values.indexOf(0.5)]).toBe(Math.LN2);
    expect(got.slice(values.length).every((g) => g !== 0)).toBe(true);
  });

  it('a NaN with any payload in the data stays NaN through tanh and exp', () => {
    const payload = new Float64Array(new BigUint64Array([0x7ff80000000fffc0n, 0xfff0000000003fc1n]).buffer);
    const data = editedData(new RandomState(3), 30, 2);
    data.X[4] = payload[0]!;
    data.X[9] = payload[1]!;
    const config = { ...DEFAULT_CONFIG, hidden: [5], n: 30 };
    const a = createRun(config, data, jsBackend);
    const b = createRun(config, data, wasm);
    const ta = trace(a, 3);
    const tb = trace(b, 3);
    expect(ta.train.length).toBeGreaterThan(0);
    expect(sameValues(tb.train, ta.train)).toBe(true);
    expect(tb.divergedAt).toBe(ta.divergedAt);
    expect(sameParams(b.trainer.params, a.trainer.params)).toBe(true);
  });

  it('the plot’s grid: the same probabilities for every activation, class count and input features', () => {
    const rng = new RandomState(5);
    for (let k = 0; k < 16; k++) {
      const { config } = draw(rng, k);
      const run = createRun({ ...config, passes: 5 }, undefined, jsBackend);
      for (let i = 0; i < 5; i++) run.trainer.step();
      const p = run.trainer.params;
      const box = fitBox(dataBox(run.data.X, run.data.n), 1.3);
      const { width, height } = gridSize(p.sizes, 1.3);
      const want = new Float32Array(width * height * run.data.classes);
      const got = new Float32Array(want.length);
      jsBackend.grid(p.sizes, width, height).evaluate(p, box, want);
      wasm.grid(p.sizes, width, height).evaluate(p, box, got);
      expect(sameValues(got, want), JSON.stringify(config)).toBe(true);
    }
  });
});
