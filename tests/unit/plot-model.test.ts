import { describe, expect, it } from 'vitest';
import type { GridFrame, PointsFrame } from '../../src/protocol/training';
import { boundaryLines } from '../../src/render/boundary';
import { classColors } from '../../src/render/colors';
import { paintField } from '../../src/render/field';
import { legendEntries } from '../../src/render/legend';
import { PAGE_PLOT, plotModel, TILE_PLOT } from '../../src/render/plotModel';
import { pointRadius } from '../../src/render/scatter';

/** Two classes, P(class 1) rising to the right through 0.5 at `at` (a fraction of the width). */
function ramp(
  width: number,
  height: number,
  at: number,
  box = { x0: -2, x1: 2, y0: -1.5, y1: 1.5 },
): GridFrame {
  const probs = new Float32Array(2 * width * height);
  for (let j = 0; j < height; j++)
    for (let i = 0; i < width; i++) {
      const p = 1 / (1 + Math.exp(-((i + 0.5) / width - at) * 20));
      probs[width * height + j * width + i] = p;
      probs[j * width + i] = 1 - p;
    }
  return { width, height, classes: 2, box, probs };
}

const POINTS: PointsFrame = {
  X: new Float64Array([-1, 0, 1, 0, 0, 1]),
  y: new Uint8Array([0, 1, 1]),
  nTrain: 2,
  classes: 2,
};

const at = (grid: GridFrame | null, width = 400, height = 300) => ({
  grid,
  points: POINTS,
  width,
  height,
  dpr: 1,
});

describe('the plot model', () => {
  it('is nothing to draw until there is a grid', () => {
    expect(plotModel(at(null), PAGE_PLOT)).toBeNull();
  });

  it("works out the page's plot: area, scales, field pixels, boundary, marks and legend", () => {
    const grid = ramp(40, 30, 0.3);
    const m = plotModel(at(grid), PAGE_PLOT)!;
    expect(m.area).toEqual({ x: 38, y: 8, w: 352, h: 268 });
    expect([m.x(grid.box.x0), m.x(grid.box.x1), m.y(grid.box.y1), m.y(grid.box.y0)]).toEqual([
      38, 390, 8, 276,
    ]);
    const pixels = new Uint8ClampedArray(4 * 40 * 30);
    paintField(grid, pixels);
    expect(m.field.grid).toBe(grid);
    expect(m.field.pixels).toEqual(pixels);
    expect(m.field.lines).toEqual(boundaryLines(grid));
    expect(m.ticks).toEqual({ x: 5, y: 5 });
    expect(m.pointRadius).toBe(pointRadius(3, 268));
    expect([m.halo.width, m.line.width]).toEqual([4, 2]);
    expect(m.legend).toEqual(legendEntries(2, true));
  });

  it('works each part out once: a resize keeps the field, a new grid keeps the layout', () => {
    const grid = ramp(40, 30, 0.3);
    const first = plotModel(at(grid), PAGE_PLOT)!;
    expect(plotModel(at(grid), PAGE_PLOT, first)).toBe(first);
    const resized = plotModel(at(grid, 500, 300), PAGE_PLOT, first)!;
    expect(resized.field).toBe(first.field);
    expect(resized.area.w).toBe(452);
    // The next snapshot, same box: a new field (painted into the same buffer), the same layout.
    const next = ramp(40, 30, 0.7);
    const pixels = resized.field.pixels;
    const later = plotModel(at(next, 500, 300), PAGE_PLOT, resized)!;
    expect(later.field).not.toBe(resized.field);
    expect(later.field.pixels).toBe(pixels);
    expect(later.x).toBe(resized.x);
    expect(later.field.lines[0]![0]![0]).toBeCloseTo(28, 0);
    // Another options object is another picture: nothing is shared.
    expect(plotModel(at(next, 500, 300), TILE_PLOT, later)!.field.pixels).not.toBe(pixels);
  });

  it("a tile's model samples the grid down, fits the box's shape and lightens the marks", () => {
    const grid = ramp(150, 100, 0.5, { x0: -3, x1: 3, y0: -2, y1: 2 });
    const m = plotModel(at(grid, 200, 200), TILE_PLOT)!;
    expect([m.field.grid.width, m.field.grid.height]).toEqual([50, 33]);
    expect(m.field.pixels).toHaveLength(4 * 50 * 33);
    expect(m.area.w / m.area.h).toBeCloseTo(6 / (4 * (99 / 100)), 9);
    expect(m.area.x).toBe(0);
    expect(m.area.y).toBeGreaterThan(0);
    expect(m.ticks).toBeNull();
    expect(m.pointRadius).toBeCloseTo(pointRadius(3, m.area.h, 0.75), 12);
    expect(m.line.width).toBeCloseTo(1.4, 12);
  });
});

describe('the legend entries', () => {
  it('list each class with its colour and marker, training, test when there are test points, and the line', () => {
    const e = legendEntries(3, false);
    expect(e.map((x) => x.label)).toEqual(['class 0', 'class 1', 'class 2', 'training', 'decision boundary']);
    expect(e.slice(0, 3).map((x) => (x.kind === 'mark' ? [x.color, x.shape] : null))).toEqual(
      classColors(3).map((c, i) => [c, i]),
    );
    const two = legendEntries(2, true);
    // Shapes are by class index: class 1 keeps its square when a third class comes.
    expect(two.map((x) => (x.kind === 'mark' ? x.shape : -1))).toEqual([0, 1, 0, 0, -1]);
    expect(two[3]).toMatchObject({ label: 'test', ringed: true });
  });
});
