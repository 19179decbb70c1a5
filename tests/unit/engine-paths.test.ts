import { describe, expect, it } from 'vitest';
import { type Config, DEFAULT_CONFIG } from '../../src/config/schema';
import { Engine, type EngineMode } from '../../src/core/engine';
import { Forward } from '../../src/core/forward';
import { GridEvaluator } from '../../src/core/grid';
import { probsMinusOneHot, rowSums, softmax, softmax2, twoClassDeltas } from '../../src/core/kernels';
import { cloneParams, type Params, weightSquares } from '../../src/core/network';
import { createRun } from '../../src/core/run';

/**
 * Trains with an Engine as Trainer does (full batch unless `rows` < N, which trains on the first rows)
 * and returns the final weights and the training loss after every pass.
 */
function train(config: Partial<Config>, mode: EngineMode, passes: number, rows?: number) {
  const run = createRun({ ...DEFAULT_CONFIG, ...config });
  const p = cloneParams(run.trainer.params);
  const { X, y, n } = run.train;
  const engine = new Engine(p.sizes, n, mode);
  const losses: number[] = [];
  for (let t = 0; t < passes; t++) {
    const m = rows ?? n;
    engine.forward(p, X, m, y);
    engine.backward(p, y, run.config.lr, run.config.reg * (m / n));
    engine.forward(p, X, n, y);
    losses.push((engine.crossEntropy(n, y) + (run.config.reg / 2) * weightSquares(p)) / n);
  }
  return { p, losses };
}

function sameBits(a: Params, b: Params): boolean {
  const eq = (x: Float64Array, z: Float64Array) => x.every((v, i) => Object.is(v, z[i]));
  return a.W.every((w, l) => eq(w, b.W[l]!)) && a.b.every((v, l) => eq(v, b.b[l]!));
}

describe('engine paths', () => {
  const shapes: [string, Partial<Config>, number?][] = [
    ['[2, 3, 2], the tutorial', { hidden: [3] }],
    ['[2, 4, 2]', { hidden: [4] }],
    ['[2, 13, 2]', { hidden: [13] }],
    ['[2, 50, 2]', { hidden: [50] }],
    ['[2, 8, 8, 2]', { hidden: [8, 8] }],
    ['[2, 5, 3, 7, 2]', { hidden: [5, 3, 7] }],
    ['[2, 6, 9, 2] on 37 rows', { hidden: [6, 9] }, 37],
    ['[2, 3, 2] on 33 rows', { hidden: [3] }, 33],
    ['[2, 1, 2]', { hidden: [1] }],
    ['[2, 1, 1, 2] on 3 rows', { hidden: [1, 1] }, 3],
    ['[2, 2, 1, 3, 2] on 6 rows', { hidden: [2, 1, 3] }, 6],
  ];
  for (const [name, config, rows] of shapes) {
    it(`the fused two-class tanh loops give the layered kernels' bits: ${name}`, () => {
      const fused = train(config, 'auto', 150, rows);
      const layered = train(config, 'layered', 150, rows);
      expect(sameBits(fused.p, layered.p)).toBe(true);
    });
  }

  it('the two-class path gives the generic path losses over 2000 passes of the tutorial, to the bit', () => {
    // `layered` runs the generic kernels for C = 2 too (softmax over C columns, probs minus one-hot).
    // The run passes the burst near pass 1236 where a last-bit difference grows to 1e-3 and flips the
    // phase of the period-2 oscillation it then settles into, so equal losses mean equal bits.
    const special = train({ hidden: [3] }, 'auto', 2000);
    const generic = train({ hidden: [3] }, 'layered', 2000);
    expect(special.losses).toEqual(generic.losses);
  });

  it('the two-class path gives the generic path losses on other activations and data too', () => {
    for (const config of [
      { hidden: [4], act: 'relu' },
      { hidden: [5, 3], act: 'sigmoid' },
      { hidden: [6], data: 'xor' },
      { hidden: [3], data: 'circles' },
    ] as Partial<Config>[]) {
      const a = train(config, 'auto', 2000);
      const b = train(config, 'layered', 2000);
      expect(a.losses).toEqual(b.losses);
    }
  });

  it('softmax2 and twoClassDeltas equal the general kernels on ties, huge, infinite and NaN logits', () => {
    const z0 = [
      0,
      1,
      -1,
      3,
      700,
      -700,
      1e300,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      5,
      Number.NaN,
      2,
    ];
    const z1 = [0, 1, 2, -3, -700, 700, -1e300, 5, 5, Number.POSITIVE_INFINITY, 1, Number.NaN];
    const rows = z0.length;
    const y = Uint8Array.from(z0, (_, i) => i % 2);
    const a = Float64Array.from([...z0, ...z1]);
    const b = a.slice();
    expect(Object.is(softmax2(a, rows, y), softmax(b, rows, 2, y))).toBe(true);
    expect(Array.from(a)).toEqual(Array.from(b));
    const da = new Float64Array(2 * rows);
    const db = new Float64Array(2 * rows);
    const sa = new Float64Array(2);
    const sb = new Float64Array(2);
    twoClassDeltas(a, da, sa, rows, y);
    probsMinusOneHot(b, db, rows, 2, y);
    rowSums(db, sb, rows, 2);
    expect(Array.from(da)).toEqual(Array.from(db));
    expect(Array.from(sa)).toEqual(Array.from(sb));
  });

  it('Forward gives row-major activations and probabilities, the same numbers as the engine', () => {
    for (const hidden of [[3], [4, 5]]) {
      const run = createRun({ ...DEFAULT_CONFIG, hidden, data: 'blobs', classes: 3 });
      const { X, y, n } = run.train;
      const p = run.trainer.params;
      const f = new Forward(p.sizes, n);
      const e = new Engine(p.sizes, n, 'layered');
      expect(f.run(p, X, n, y)).toBe(e.forward(p, X, n, y));
      p.sizes.forEach((s, l) => {
        if (l === 0) return;
        for (let i = 0; i < n; i++)
          for (let j = 0; j < s; j++) expect(f.acts[l]![i * s + j]).toBe(e.acts[l]![j * n + i]);
      });
      expect(f.probs).toBe(f.acts[p.sizes.length - 1]);
      expect(f.crossEntropy(n, y)).toBe(e.crossEntropy(n, y));
      expect(f.correct(n, y)).toBe(e.correct(n, y));
    }
  });

  it("the grid holds each cell centre's probabilities, class-major, row 0 at the top", () => {
    const run = createRun({ ...DEFAULT_CONFIG, hidden: [5] });
    const p = run.trainer.params;
    const [W, H] = [7, 4];
    const grid = new GridEvaluator(p.sizes, W, H);
    const out = new Float32Array(W * H * 2);
    const box = { x0: -1, x1: 2, y0: -0.5, y1: 1.5 };
    grid.evaluate(p, box, out);
    const f = new Forward(p.sizes, 1);
    const dx = (box.x1 - box.x0) / W;
    const dy = (box.y1 - box.y0) / H;
    for (let j = 0; j < H; j++) {
      for (let i = 0; i < W; i++) {
        const x = box.x0 + (i + 0.5) * dx;
        const yy = box.y1 - (j + 0.5) * dy;
        f.run(p, Float64Array.of(x, yy), 1, null);
        for (let c = 0; c < 2; c++) expect(out[c * W * H + j * W + i]).toBe(Math.fround(f.probs[c]!));
      }
    }
  });
});
