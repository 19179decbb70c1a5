// @vitest-environment jsdom
import './helpers';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { colorBar } from '../../src/render/colorBar';
import { classColors, classRgb, css, pastel, SPECTRAL_LUT } from '../../src/render/colors';
import { paintField } from '../../src/render/field';
import { legendEntries } from '../../src/render/legend';
import { PAGE_PLOT, plotModel, TILE_PLOT } from '../../src/render/plotModel';
import { drawPoints, MIN_RADIUS, TEST_RING } from '../../src/render/scatter';
import { StoreProvider } from '../../src/state/react';
import { type AppStore, createAppStore } from '../../src/state/store';
import { ColorBar } from '../../src/ui/ColorBar';
import { Legend } from '../../src/ui/Legend';
import { recordingContext } from './recordingContext';

afterEach(cleanup);

function grid(classes: number, probs: number[]) {
  const cells = probs.length / classes;
  return {
    width: cells,
    height: 1,
    classes,
    box: { x0: 0, x1: 1, y0: 0, y1: 1 },
    probs: Float32Array.from(probs),
  };
}

function renderIn(store: AppStore, ui: React.ReactNode) {
  render(<StoreProvider store={store}>{ui}</StoreProvider>);
}

describe('class colours and markers', () => {
  it('depend on the class only: adding classes keeps the colours of those there', () => {
    for (let k = 2; k < 5; k++) expect(classColors(k + 1).slice(0, k)).toEqual(classColors(k));
    // Two classes look as in the tutorial: Spectral's red end and blue end.
    expect(classColors(2)).toEqual(['rgb(158, 1, 66)', 'rgb(94, 79, 162)']);
    expect(new Set(classColors(5)).size).toBe(5);
  });

  it('a third class added to the store keeps the first two classes’ colours and markers, in the legend too', () => {
    const store = createAppStore();
    renderIn(store, <Legend />);
    const marks = () =>
      [0, 1].map((c) => {
        const li = screen.getByText(`class ${c}`, { exact: false }).closest('li')!;
        return li.querySelector('svg')!.innerHTML;
      });
    const before = marks();
    const entries = legendEntries(2, false).slice(0, 2);
    act(() => {
      store.getState().setBrush(2);
      store.getState().addPoint(0, 0);
    });
    expect(store.getState().points.classes).toBe(3);
    expect(marks()).toEqual(before);
    expect(legendEntries(3, false).slice(0, 2)).toEqual(entries);
    expect(screen.getByText('class 2', { exact: false })).toBeTruthy();
  });

  it('the field of three classes mixes the same class colours the points have', () => {
    const out = new Uint8ClampedArray(4 * 3);
    paintField(grid(3, [1, 0, 0, 0, 1, 0, 0, 0, 1]), out);
    for (let c = 0; c < 3; c++)
      expect(Array.from(out.subarray(4 * c, 4 * c + 3))).toEqual([...pastel(classRgb(c))]);
  });
});

describe('the colour bar', () => {
  it('for two classes runs along the field’s own colours, from class 0 to class 1, with its ticks', () => {
    const bar = colorBar(2, false);
    expect(bar.title).toBe('Shading: probability of class 1');
    expect(bar.ends).toEqual(['class 0', 'class 1']);
    const stops = bar.rows[0]!.stops;
    const lut = (i: number) =>
      `rgb(${SPECTRAL_LUT[3 * i]}, ${SPECTRAL_LUT[3 * i + 1]}, ${SPECTRAL_LUT[3 * i + 2]})`;
    expect(stops[0]!.color).toBe(lut(0));
    expect(stops[stops.length - 1]!.color).toBe(lut(255));
    expect(bar.ticks.map((t) => t.label)).toEqual(['0', '0.5', '1']);
  });

  it('for more classes has a row per class, ending in that class’s field colour', () => {
    const bar = colorBar(3, false);
    expect(bar.rows.map((r) => r.cls)).toEqual([0, 1, 2]);
    bar.rows.forEach((r, c) => {
      expect(r.stops[r.stops.length - 1]!.color).toBe(css(pastel(classRgb(c))));
    });
  });

  it('discretized, shows the two colours the field has either side of one half', () => {
    const bar = colorBar(2, true);
    expect(bar.title).toContain('discretized');
    expect(bar.rows[0]!.stops.map((s) => s.at)).toEqual([0, 0.5, 0.5, 1]);
    const out = new Uint8ClampedArray(4 * 3);
    paintField(grid(2, [0.6, 0.49, 0.1, 0.4, 0.51, 0.9]), out, true);
    const px = (i: number) => `rgb(${out[4 * i]}, ${out[4 * i + 1]}, ${out[4 * i + 2]})`;
    const [lo, , , hi] = bar.rows[0]!.stops;
    expect([px(0), px(1), px(2)]).toEqual([lo!.color, hi!.color, hi!.color]);
    // Three classes: the most likely class's colour, nothing mixed.
    const three = new Uint8ClampedArray(4);
    paintField(grid(3, [0.2, 0.45, 0.35]), three, true);
    expect(Array.from(three.subarray(0, 3))).toEqual([...pastel(classRgb(1))]);
  });

  it('is on the page beside the plot, labelled, and follows the classes and the switch', () => {
    const store = createAppStore();
    renderIn(store, <ColorBar />);
    const bar = screen.getByRole('figure', { name: 'Shading: probability of class 1' });
    expect(bar.querySelectorAll('linearGradient stop')).toHaveLength(11);
    expect(bar.textContent).toContain('class 0');
    act(() => store.getState().setDiscrete(true));
    expect(screen.getByRole('figure').getAttribute('aria-label')).toBe(
      'Shading: the more likely class (discretized)',
    );
  });
});

describe('test points and point sizes', () => {
  const points = {
    X: new Float64Array([0.2, 0.2, 0.4, 0.4, 0.6, 0.6, 0.8, 0.8]),
    y: new Uint8Array([0, 1, 0, 1]),
    nTrain: 2,
    classes: 2,
  };

  it('test points are filled with their class colour inside a dark and a white ring', () => {
    const { ctx, calls } = recordingContext();
    drawPoints(
      ctx,
      points,
      (x) => x * 100,
      (y) => y * 100,
      4,
    );
    const fills = calls.filter((c) => c.name === 'fill').map((c) => c.fillStyle);
    const [c0, c1] = classColors(2);
    // Per class: its training points, then its test points, both in its colour (never white).
    expect(fills).toEqual([c0, c0, c1, c1]);
    const strokes = calls.filter((c) => c.name === 'stroke').map((c) => [c.strokeStyle, c.lineWidth]);
    expect(strokes).toEqual([
      ['#1d1d1d', 1],
      ['#1d1d1d', 3],
      [TEST_RING, 1.25],
      ['#1d1d1d', 1],
      ['#1d1d1d', 3],
      [TEST_RING, 1.25],
    ]);
  });

  it('"Show test data" off leaves the test points out of the plot and the legend', () => {
    const g = grid(2, [0.5, 0.5]);
    const all = plotModel({ grid: g, points, width: 400, height: 300, dpr: 1 }, PAGE_PLOT)!;
    const hidden = plotModel(
      { grid: g, points, width: 400, height: 300, dpr: 1, showTest: false },
      PAGE_PLOT,
    )!;
    expect(all.points!.y.length).toBe(4);
    expect(hidden.points!.y.length).toBe(2);
    expect(hidden.pointRadius).toBe(all.pointRadius);
    expect(all.legend.map((e) => e.label)).toContain('test');
    expect(hidden.legend.map((e) => e.label)).not.toContain('test');
  });

  it('stay legible in a gallery tile with many points: at least a 6 px mark', () => {
    const many = { X: new Float64Array(2 * 2000), y: new Uint8Array(2000), nTrain: 2000, classes: 2 };
    const tile = plotModel(
      { grid: grid(2, [0.5, 0.5]), points: many, width: 160, height: 160, dpr: 1 },
      TILE_PLOT,
    )!;
    expect(tile.pointRadius).toBe(MIN_RADIUS);
    expect(2 * MIN_RADIUS).toBeGreaterThanOrEqual(6);
  });
});
