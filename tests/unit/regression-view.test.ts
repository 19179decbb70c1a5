/** What the page draws for regression: the field's diverging shading, its colour bar, legend, verdict. */
import { describe, expect, it } from 'vitest';
import { type Config, DEFAULT_CONFIG } from '../../src/config/schema';
import { LossSeries } from '../../src/core/lossSeries';
import type { GridFrame } from '../../src/protocol/training';
import { colorBar } from '../../src/render/colorBar';
import { divergingRgb } from '../../src/render/colors';
import { paintField } from '../../src/render/field';
import { pointsLegend } from '../../src/render/legend';
import { PAGE_PLOT, plotModel } from '../../src/render/plotModel';
import { runPoints } from '../../src/state/points';
import { verdict } from '../../src/state/verdict';
import { Session } from '../../src/worker/session';

const box = { x0: -1, x1: 1, y0: -1, y1: 1 };

describe('regression, as the page draws it', () => {
  it('maps -1 to orange, 0 to light grey and 1 to blue, and clamps beyond', () => {
    expect(divergingRgb(-1)).toEqual([245, 147, 34]);
    expect(divergingRgb(0)).toEqual([232, 234, 235]);
    expect(divergingRgb(1)).toEqual([8, 119, 189]);
    expect(divergingRgb(7)).toEqual(divergingRgb(1));
    expect(divergingRgb(-0.5)).toEqual([239, 191, 135]);
  });

  it('shades each cell by its predicted value, grey where it is not finite', () => {
    const grid: GridFrame = {
      width: 4,
      height: 1,
      classes: 1,
      box,
      probs: Float32Array.of(-1, 0, 1, Number.NaN),
    };
    const px = new Uint8ClampedArray(16);
    paintField(grid, px);
    const [neg, zero, pos, nan] = [0, 1, 2, 3].map((i) => Array.from(px.subarray(4 * i, 4 * i + 4)));
    expect(neg![0]!).toBeGreaterThan(neg![2]! + 60);
    expect(pos![2]!).toBeGreaterThan(pos![0]! + 60);
    expect(Math.abs(zero![0]! - zero![2]!)).toBeLessThan(5);
    expect(nan).toEqual([200, 200, 200, 255]);
  });

  it('has a colour bar of values, a legend without classes, and no decision boundary', () => {
    const bar = colorBar(1, false);
    expect(bar.title).toBe('Shading: predicted value (points: their targets)');
    expect(bar.ticks.map((t) => t.label)).toEqual(['≤ −1', '0', '≥ 1']);
    const config: Config = { ...DEFAULT_CONFIG, data: 'gauss', test: 0.2 };
    const { points } = runPoints(config, null, 0);
    expect(points.classes).toBe(1);
    expect(points.t).toHaveLength(200);
    const labels = pointsLegend(points).map((e) => e.label);
    expect(labels).toEqual(['training (colour: its target)', 'test']);
    const probs = new Float32Array(64).map((_, i) => Math.sin(i));
    const model = plotModel(
      { grid: { width: 8, height: 8, classes: 1, box, probs }, points, width: 300, height: 200, dpr: 1 },
      PAGE_PLOT,
    );
    expect(model!.field.lines).toEqual([]);
  });

  it('judges a fitted regression run finished, and a run that predicts nothing not learning', () => {
    const judge = (c: Config) => {
      const session = new Session(0, c, 1.5);
      while (!session.end) session.advance(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, () => 0);
      const snap = session.snapshot(true, 0);
      const losses = new LossSeries();
      losses.append(snap.trainLosses);
      expect(snap.trainAcc).toBeNaN();
      return verdict({ ...snap, losses, points: runPoints(c, null, 0).points, config: c });
    };
    const plane: Config = { ...DEFAULT_CONFIG, data: 'plane', noise: 0.1, lr: 0.003, passes: 2000 };
    expect(judge(plane)).toMatchObject({ kind: 'finished', success: true });
    // A linear model cannot follow the six bumps: it predicts about their mean everywhere.
    const flat = judge({ ...plane, data: 'gauss', hidden: [], passes: 1500 });
    expect(flat).toMatchObject({ kind: 'not-learning', success: false });
    expect(flat.advice).toMatch(/cannot fit these values/);
  });
});
