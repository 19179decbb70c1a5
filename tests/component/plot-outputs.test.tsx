// @vitest-environment jsdom
import './helpers';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import type { GridFrame, PointsFrame } from '../../src/protocol/training';
import { colorBar } from '../../src/render/colorBar';
import { drawPlot } from '../../src/render/plotDraw';
import { PAGE_PLOT, PANEL_PLOT, plotModel } from '../../src/render/plotModel';
import { drawPlotImage, imageHeight } from '../../src/render/plotPng';
import { StoreProvider } from '../../src/state/react';
import { type AppStore, createAppStore } from '../../src/state/store';
import { ExportPanel } from '../../src/ui/data/ExportPanel';
import { SceneCanvas } from '../../src/ui/experiments/SceneCanvas';
import { PlotCanvas } from '../../src/ui/PlotCanvas';
import { captureDownloads, type Download, makeSnapshot, mockBoxes } from './helpers';
import { type Call, recordingContext } from './recordingContext';

const W = 400;
const H = 300;

/** Two classes split along a bent line, on a grid of 40 x 30 cells over a box of the plot's shape. */
function bentGrid(): GridFrame {
  const width = 40;
  const height = 30;
  const box = { x0: -2, x1: 2.5, y0: -1.5, y1: 2 };
  const probs = new Float32Array(2 * width * height);
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      const x = box.x0 + ((i + 0.5) * (box.x1 - box.x0)) / width;
      const y = box.y1 - ((j + 0.5) * (box.y1 - box.y0)) / height;
      const p = 1 / (1 + Math.exp(-3 * (y - Math.sin(2 * x))));
      probs[width * height + j * width + i] = p;
      probs[j * width + i] = 1 - p;
    }
  }
  return { width, height, classes: 2, box, probs };
}

/** Training points of both classes and two test points. */
const POINTS: PointsFrame = {
  X: new Float64Array([-1, 1, 0.5, -1, 1.5, 1.5, -1.5, -1, 0, 0.5, 1, -0.5]),
  y: new Uint8Array([0, 1, 0, 1, 0, 1]),
  nTrain: 4,
  classes: 2,
};

/** Every canvas draws into a recording context of its own; the map gives each canvas's calls. */
function recordCanvases(): Map<HTMLCanvasElement, Call[]> {
  const calls = new Map<HTMLCanvasElement, Call[]>();
  const contexts = new Map<HTMLCanvasElement, CanvasRenderingContext2D>();
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
    let ctx = contexts.get(this);
    if (!ctx) {
      const r = recordingContext(this.width, this.height);
      ctx = r.ctx;
      contexts.set(this, ctx);
      calls.set(this, r.calls);
    }
    return ctx;
  } as unknown as typeof HTMLCanvasElement.prototype.getContext);
  return calls;
}

function callsOf(canvases: Map<HTMLCanvasElement, Call[]>, canvas: HTMLCanvasElement | null): Call[] {
  if (!canvas) throw new Error('no such canvas');
  return canvases.get(canvas) ?? [];
}

/** The pixels a field canvas was given last. */
function fieldPixels(calls: Call[]): Uint8ClampedArray {
  const puts = calls.filter((c) => c.name === 'putImageData');
  if (puts.length === 0) throw new Error('no field drawn');
  return (puts[puts.length - 1]!.args[0] as ImageData).data;
}

/** The calls of a canvas's last drawing (from its last clearRect on). */
function lastDrawing(calls: Call[]): Call[] {
  const starts = calls.flatMap((c, k) => (c.name === 'clearRect' ? [k] : []));
  return calls.slice(starts[starts.length - 1] ?? 0);
}

/** The field canvas a one-canvas output drew from (made by it, never in the page). */
function detachedField(canvases: Map<HTMLCanvasElement, Call[]>): Call[] {
  const found = [...canvases].filter(
    ([c, calls]) => !c.isConnected && calls.some((k) => k.name === 'putImageData'),
  );
  expect(found).toHaveLength(1);
  return found[0]![1];
}

/**
 * Calls as they show: images replaced by a name, and of the styles only those the call uses (a fill
 * does not care which stroke style is left over from the boundary).
 */
function comparable(calls: Call[]): Call[] {
  return calls.map(({ name, args, strokeStyle, fillStyle, lineWidth }) => {
    const shown = name === 'drawImage' ? ['field', ...args.slice(1)] : args;
    if (name === 'fill' || name === 'fillRect') return { name, args: shown, fillStyle };
    if (name === 'stroke' || name === 'strokeRect') return { name, args: shown, strokeStyle, lineWidth };
    return { name, args: shown };
  });
}

/** The drawing after the boundary: the points and the axes. */
function marksPart(calls: Call[]): Call[] {
  const lineStroke = calls.findIndex((c) => c.name === 'stroke' && c.strokeStyle === '#1d1d1d');
  const restore = calls.findIndex((c, k) => k > lineStroke && c.name === 'restore');
  return calls.slice(restore + 1);
}

function pathPoints(d: string): [number, number][] {
  return [...d.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

function renderIn(store: AppStore, ui: React.ReactNode) {
  render(<StoreProvider store={store}>{ui}</StoreProvider>);
}

function storeWithPlot(): AppStore {
  // Edited points with a test split that holds out the last two rows, as POINTS says.
  const store = createAppStore({
    config: { ...DEFAULT_CONFIG, test: 0.3 },
    data: { X: POINTS.X, y: POINTS.y, n: POINTS.y.length, classes: POINTS.classes },
  });
  expect(store.getState().points).toEqual(POINTS);
  store.getState().applySnapshot(makeSnapshot(0, 0, { grid: bentGrid() }));
  return store;
}

beforeEach(() => {
  mockBoxes(W, H);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('one plot model, three outputs', () => {
  it("the page's layers and a one-canvas scene draw the same field, boundary and marks", async () => {
    const canvases = recordCanvases();
    const store = storeWithPlot();
    const { grid, points } = { grid: store.getState().frame!.grid, points: store.getState().points };
    renderIn(
      store,
      <>
        <PlotCanvas />
        <div className="scene">
          <SceneCanvas grid={grid} points={points} options={PAGE_PLOT} />
        </div>
      </>,
    );
    const marks = document.querySelector<HTMLCanvasElement>('.plot .layer canvas');
    const field = document.querySelector<HTMLCanvasElement>('.plot canvas.field');
    const scene = document.querySelector<HTMLCanvasElement>('.scene canvas');
    await waitFor(() => {
      expect(callsOf(canvases, marks).some((c) => c.name === 'fillText')).toBe(true);
      expect(callsOf(canvases, scene).some((c) => c.name === 'fillText')).toBe(true);
      expect(callsOf(canvases, field).some((c) => c.name === 'putImageData')).toBe(true);
    });
    const sceneCalls = lastDrawing(callsOf(canvases, scene));

    // The field: the same pixels, in the same place.
    const pagePixels = fieldPixels(callsOf(canvases, field));
    expect(new Set(pagePixels).size).toBeGreaterThan(10);
    expect(Array.from(fieldPixels(detachedField(canvases)))).toEqual(Array.from(pagePixels));
    const drawn = sceneCalls.find((c) => c.name === 'drawImage')!.args.slice(1) as number[];
    const placed = (el: HTMLElement | SVGElement) =>
      ['left', 'top', 'width', 'height'].map((k) => Number.parseFloat(el.style.getPropertyValue(k)));
    expect(placed(field!)).toEqual(drawn);
    const svg = document.querySelector<SVGSVGElement>('.plot svg.boundary')!;
    expect(placed(svg)).toEqual(drawn);

    // The boundary: the SVG path in grid units is the canvas path, mapped onto the area.
    const [x, y, w, h] = drawn as [number, number, number, number];
    const line = document.querySelector<SVGPathElement>('.plot path.line')!;
    const svgPoints = pathPoints(line.getAttribute('d') ?? '');
    const canvasPoints = sceneCalls
      .filter((c) => c.name === 'moveTo' || c.name === 'lineTo')
      .slice(0, svgPoints.length)
      .map((c) => ({ args: c.args as [number, number] }));
    expect(svgPoints.length).toBeGreaterThan(20);
    svgPoints.forEach(([u, v], k) => {
      expect(canvasPoints[k]!.args[0]).toBeCloseTo(x + (u * w) / grid.width, 1);
      expect(canvasPoints[k]!.args[1]).toBeCloseTo(y + (v * h) / grid.height, 1);
    });
    const strokes = sceneCalls.filter((c) => c.name === 'stroke').slice(0, 2);
    const halo = document.querySelector<SVGPathElement>('.plot path.halo')!;
    expect([halo.style.stroke, halo.style.strokeWidth, line.style.stroke, line.style.strokeWidth]).toEqual([
      strokes[0]!.strokeStyle,
      `${strokes[0]!.lineWidth}px`,
      strokes[1]!.strokeStyle,
      `${strokes[1]!.lineWidth}px`,
    ]);
    expect(strokes.map((c) => c.lineWidth)).toEqual([4, 2]);

    // The marks: the page's marks layer draws exactly what the scene draws after its boundary.
    const pageMarks = lastDrawing(callsOf(canvases, marks));
    expect(pageMarks[0]!.name).toBe('clearRect');
    expect(pageMarks.filter((c) => c.name === 'fill').length).toBeGreaterThan(2);
    expect(comparable(marksPart(sceneCalls))).toEqual(comparable(pageMarks.slice(1)));
  });

  it('a panel scene fits the box and draws its model whole: field, boundary, then marks', async () => {
    const canvases = recordCanvases();
    const grid = bentGrid();
    render(<SceneCanvas grid={grid} points={POINTS} options={PANEL_PLOT} />);
    const canvas = document.querySelector('canvas');
    await waitFor(() => expect(callsOf(canvases, canvas).some((c) => c.name === 'fillText')).toBe(true));
    const model = plotModel({ grid, points: POINTS, width: W, height: H, dpr: 1 }, PANEL_PLOT)!;
    const expected = recordingContext();
    drawPlot(expected.ctx, { model, field: {} as HTMLCanvasElement });
    const calls = lastDrawing(callsOf(canvases, canvas));
    expect(calls[0]!.name).toBe('clearRect');
    expect(comparable(calls.slice(1))).toEqual(comparable(expected.calls));
    expect(model.area.w / model.area.h).toBeCloseTo(4.5 / 3.5, 9);
  });
});

describe('the PNG export', () => {
  let downloads: Download[];
  beforeEach(() => {
    downloads = captureDownloads();
    vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation(function (
      this: HTMLCanvasElement,
      done: BlobCallback,
    ) {
      done(new Blob([`${this.width}x${this.height}`], { type: 'image/png' }));
    });
  });

  async function download(): Promise<void> {
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Download plot (PNG)' }));
    });
    await waitFor(() => expect(downloads.map((d) => d.name)).toEqual(['nn-playground-plot.png']));
  }

  /** The export's own canvas: the one it encoded. */
  function exported(canvases: Map<HTMLCanvasElement, Call[]>, width: number): Call[] {
    const found = [...canvases].filter(([c]) => !c.isConnected && c.width === width);
    expect(found).toHaveLength(1);
    return found[0]![1];
  }

  it('draws the store’s grid and points at the plot’s size, with no plot on the page', async () => {
    const canvases = recordCanvases();
    const store = storeWithPlot();
    store.getState().setPlotSize({ width: W, height: H, dpr: 2 });
    renderIn(store, <ExportPanel />);
    expect(document.querySelector('.plot, canvas')).toBeNull();
    await download();
    const model = plotModel({ grid: bentGrid(), points: POINTS, width: W, height: H, dpr: 2 }, PAGE_PLOT)!;
    // The colour bar's strip under the plot makes the picture taller.
    const bar = colorBar(2, false);
    const height = imageHeight(model, bar);
    expect(height).toBeGreaterThan(H + 30);
    expect(await downloads[0]!.blob.text()).toBe(`${2 * W}x${Math.round(2 * height)}`);
    const expected = recordingContext(2 * W, 2 * height);
    drawPlotImage(expected.ctx, { model, field: {} as HTMLCanvasElement }, bar);
    expect(expected.calls.filter((c) => c.name === 'fillText').map((c) => c.args[0])).toContain(
      'Shading: probability of class 1',
    );
    expect(comparable(exported(canvases, 2 * W))).toEqual(comparable(expected.calls));
    expect(Array.from(fieldPixels(detachedField(canvases)))).toEqual(Array.from(model.field.pixels));
    expect(document.querySelector('canvas')).toBeNull();
  });

  it('shows what the page shows: its field pixels and its marks', async () => {
    const canvases = recordCanvases();
    const store = storeWithPlot();
    renderIn(
      store,
      <>
        <PlotCanvas />
        <ExportPanel />
      </>,
    );
    const marks = document.querySelector<HTMLCanvasElement>('.plot .layer canvas');
    const field = document.querySelector<HTMLCanvasElement>('.plot canvas.field');
    await waitFor(() => expect(callsOf(canvases, marks).some((c) => c.name === 'fillText')).toBe(true));
    expect(store.getState().plotSize).toEqual({ width: W, height: H, dpr: 1 });
    await download();
    const png = exported(canvases, W);
    const pageMarks = lastDrawing(callsOf(canvases, marks)).slice(1);
    // The page's marks, then the colour bar the page shows beside the plot.
    const after = marksPart(png);
    expect(comparable(after.slice(0, pageMarks.length))).toEqual(comparable(pageMarks));
    expect(after.slice(pageMarks.length).find((c) => c.name === 'fillText')?.args[0]).toBe(
      'Shading: probability of class 1',
    );
    const own = [...canvases].filter(
      ([c, calls]) => !c.isConnected && calls.some((k) => k.name === 'putImageData'),
    );
    expect(own).toHaveLength(1);
    expect(Array.from(fieldPixels(own[0]![1]))).toEqual(Array.from(fieldPixels(callsOf(canvases, field))));
  });
});
