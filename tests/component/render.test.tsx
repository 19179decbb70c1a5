// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fitBox, gridSize } from '../../src/core/gridPlan';
import type { GridFrame } from '../../src/protocol/training';
import { boundaryLines } from '../../src/render/boundary';
import { classColors, parseRgb } from '../../src/render/colors';
import { paintField } from '../../src/render/field';

/** A two-class grid whose P(class 1) rises from left to right, 0.5 at x = `at` (grid units). */
function ramp(W: number, H: number, at: number): GridFrame {
  const probs = new Float32Array(2 * W * H);
  for (let j = 0; j < H; j++)
    for (let i = 0; i < W; i++) {
      const p = 1 / (1 + Math.exp(-(i + 0.5 - at)));
      probs[W * H + j * W + i] = p;
      probs[j * W + i] = 1 - p;
    }
  return { width: W, height: H, classes: 2, box: { x0: 0, x1: 1, y0: 0, y1: 1 }, probs };
}

describe('rendering', () => {
  it('draws the two-class boundary where P = 0.5', () => {
    const grid = ramp(40, 30, 17.3);
    const lines = boundaryLines(grid);
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line.length).toBeGreaterThan(10);
    for (const [u] of line) expect(u).toBeCloseTo(17.3, 1);
    // It runs from edge to edge.
    expect(Math.min(...line.map((p) => p[1]))).toBe(0);
    expect(Math.max(...line.map((p) => p[1]))).toBe(30);
  });

  it('outlines every region of the arg-max class for three classes', () => {
    const W = 30;
    const H = 30;
    const probs = new Float32Array(3 * W * H);
    for (let i = 0; i < W * H; i++) probs[Math.floor((i % W) / 10) * W * H + i] = 1;
    const lines = boundaryLines({
      width: W,
      height: H,
      classes: 3,
      box: { x0: 0, x1: 1, y0: 0, y1: 1 },
      probs,
    });
    const xs = new Set(lines.flatMap((l) => l.map((p) => Math.round(p[0]))));
    expect([...xs].sort()).toEqual([10, 20]);
  });

  it('colours classes with Spectral: red for class 0, blue for the last', () => {
    const [c0, c1] = classColors(2).map(parseRgb);
    expect(c0![0]).toBeGreaterThan(c0![2]);
    expect(c1![2]).toBeGreaterThan(c1![0]);
  });

  it('paints the field by probability and non-finite cells grey', () => {
    const grid = ramp(4, 1, 2);
    grid.probs[4 + 3] = Number.NaN;
    const out = new Uint8ClampedArray(16);
    paintField(grid, out);
    expect(out[0]! > out[2]!).toBe(true);
    expect([out[12], out[13], out[14]]).toEqual([200, 200, 200]);
    expect(out[3]).toBe(255);
  });

  it('fits the box to the plot shape and sizes the grid by the network cost', () => {
    const b = fitBox({ x0: 0, x1: 2, y0: 0, y1: 1 }, 1);
    expect(b.x1 - b.x0).toBeCloseTo(b.y1 - b.y0, 12);
    expect(b.y0).toBeCloseTo(-0.5, 12);
    const small = gridSize([2, 3, 2], 1.5);
    const big = gridSize([2, 512, 512, 2], 1.5);
    expect(small.width * small.height).toBeGreaterThan(big.width * big.height);
    expect(small.width / small.height).toBeCloseTo(1.5, 1);
  });
});
