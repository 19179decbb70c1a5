import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../../src/config/schema';
import { Forward } from '../../src/core/forward';
import { GridEvaluator } from '../../src/core/grid';
import { initParams, type Params } from '../../src/core/network';
import { RandomState } from '../../src/core/rng';
import { pointProbs } from '../../src/render/pointProbs';

/** A network of random shape and weights: the tutorial's init, scaled, with random biases. */
const network = fc
  .record({
    hidden: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 3 }),
    classes: fc.integer({ min: 2, max: 4 }),
    act: fc.constantFrom(...ACTIVATIONS),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    scale: fc.double({ min: 0.1, max: 4, noNaN: true }),
  })
  .map(({ hidden, classes, act, seed, scale }): Params => {
    const rng = new RandomState(seed);
    const p = initParams([2, ...hidden, classes], act, rng);
    for (const w of p.W) for (let i = 0; i < w.length; i++) w[i]! *= scale;
    for (const b of p.b) for (let i = 0; i < b.length; i++) b[i] = rng.randn() * 0.5;
    return p;
  });

const points = fc.array(
  fc.tuple(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true })),
  {
    minLength: 1,
    maxLength: 12,
  },
);

describe('the probe under the pointer', () => {
  it("reads the core's forward pass bit for bit, on random networks and points", () => {
    fc.assert(
      fc.property(network, points, (p, xy) => {
        // The core's pass over all the points at once: the probe must give each row exactly.
        const n = xy.length;
        const C = p.sizes[p.sizes.length - 1]!;
        const core = new Forward(p.sizes, n);
        core.run(p, Float64Array.from(xy.flat()), n, null);
        xy.forEach(([x, y], i) => {
          const probs = pointProbs(p, x, y);
          expect(probs).toHaveLength(C);
          for (let c = 0; c < C; c++) expect(Object.is(probs[c], core.probs[i * C + c]!)).toBe(true);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('reads at a cell centre what the plot draws there', () => {
    fc.assert(
      fc.property(network, (p) => {
        const W = 7;
        const H = 5;
        const C = p.sizes[p.sizes.length - 1]!;
        const box = { x0: -2, x1: 2.5, y0: -1.5, y1: 1.75 };
        const grid = new Float32Array(W * H * C);
        new GridEvaluator(p.sizes, W, H).evaluate(p, box, grid);
        for (let j = 0; j < H; j++) {
          for (let i = 0; i < W; i++) {
            const x = box.x0 + ((i + 0.5) * (box.x1 - box.x0)) / W;
            const y = box.y1 - ((j + 0.5) * (box.y1 - box.y0)) / H;
            const probs = pointProbs(p, x, y);
            for (let c = 0; c < C; c++) expect(Math.fround(probs[c]!)).toBe(grid[c * W * H + j * W + i]);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('agrees with the textbook forward pass to 1e-12 (softmax of tanh/ReLU/... layers)', () => {
    const act = (z: number, a: string) =>
      a === 'tanh'
        ? Math.tanh(z)
        : a === 'sigmoid'
          ? 1 / (1 + Math.exp(-z))
          : a === 'relu'
            ? Math.max(0, z)
            : a === 'leaky'
              ? z > 0
                ? z
                : 0.01 * z
              : z;
    fc.assert(
      fc.property(network, points, (p, xy) => {
        for (const [x, y] of xy) {
          let a = [x, y];
          for (let l = 0; l + 1 < p.sizes.length; l++) {
            const dout = p.sizes[l + 1]!;
            const z = Array.from({ length: dout }, (_, j) =>
              a.reduce((s, v, i) => s + v * p.W[l]![i * dout + j]!, p.b[l]![j]!),
            );
            a = l + 2 < p.sizes.length ? z.map((v) => act(v, p.act)) : z;
          }
          const top = Math.max(...a);
          const e = a.map((v) => Math.exp(v - top));
          const sum = e.reduce((s, v) => s + v, 0);
          pointProbs(p, x, y).forEach((q, c) => {
            expect(Math.abs(q - e[c]! / sum)).toBeLessThan(1e-12);
          });
        }
      }),
      { numRuns: 60 },
    );
  });

  it('follows a change of network shape', () => {
    const small = initParams([2, 3, 2], 'tanh', new RandomState(1));
    const big = initParams([2, 5, 4, 3], 'relu', new RandomState(2));
    expect(pointProbs(small, 0.5, 0.5)).toHaveLength(2);
    expect(pointProbs(big, 0.5, 0.5)).toHaveLength(3);
    expect(pointProbs(small, 0.5, 0.5)).toHaveLength(2);
  });
});
