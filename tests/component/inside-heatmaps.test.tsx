// @vitest-environment jsdom
import './helpers';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initParams } from '../../src/core/network';
import { RandomState } from '../../src/core/rng';
import { PAGE_PLOT, plotRect } from '../../src/render/plotModel';
import { StoreProvider } from '../../src/state/react';
import { type AppStore, createAppStore } from '../../src/state/store';
import InsidePanel from '../../src/ui/inside/InsidePanel';
import { DIAGRAM_WIDTH, diagramLayout, TOGGLES_HEIGHT } from '../../src/ui/inside/NetworkDiagram';
import { PlotUnitLayer } from '../../src/ui/inside/PlotUnitLayer';
import { makeSnapshot, mockBoxes } from './helpers';
import { type Call, recordingContext } from './recordingContext';

/** The diagram's node heatmaps, and a hovered or focused unit shown large in the main plot. */

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function weights(sizes: number[]) {
  return initParams(sizes, 'tanh', new RandomState(1));
}

function renderInside(store: AppStore = createAppStore()): AppStore {
  render(
    <StoreProvider store={store}>
      <InsidePanel />
    </StoreProvider>,
  );
  return store;
}

/** Every canvas draws into a recording context of its own; the map gives each canvas's calls. */
function recordCanvases(): Map<HTMLCanvasElement, Call[]> {
  const calls = new Map<HTMLCanvasElement, Call[]>();
  const contexts = new Map<HTMLCanvasElement, CanvasRenderingContext2D>();
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
    let ctx = contexts.get(this);
    if (!ctx) {
      const r = recordingContext(this.width, this.height);
      ctx = r.ctx;
      // Drawing code marks its canvas (dataset) through the context, as in a browser.
      (ctx as { canvas: HTMLCanvasElement }).canvas = this;
      contexts.set(this, ctx);
      calls.set(this, r.calls);
    }
    return ctx;
  } as unknown as typeof HTMLCanvasElement.prototype.getContext);
  return calls;
}

/** Node fields of a [2, 3, 2] network on a 4 x 2 grid: tile k holds the value k + cell / 10. */
function nodesFrame() {
  const counts = [2, 3, 2];
  const values = Float32Array.from({ length: 7 * 8 }, (_, i) => Math.floor(i / 8) + (i % 8) / 10);
  return { width: 4, height: 2, box: { x0: -1, x1: 1, y0: -1, y1: 1 }, counts, values };
}

describe("the diagram's node heatmaps", () => {
  it("draws each node's field from the worker into its node, and none once the network changes shape", async () => {
    mockBoxes(DIAGRAM_WIDTH, TOGGLES_HEIGHT);
    const canvases = recordCanvases();
    const store = renderInside();
    expect(store.getState().inspect.nodes).toBe(true);
    act(() => {
      store
        .getState()
        .applySnapshot(makeSnapshot(0, 0, { weights: weights([2, 3, 2]), nodes: nodesFrame() }));
    });
    const fields = document.querySelector<HTMLCanvasElement>('.diagram-fields canvas')!;
    await waitFor(() => expect(fields.dataset.fields).toBe('7'));
    expect(document.querySelector<HTMLElement>('.diagram-wrap')!.dataset.fields).toBe('on');
    // One image per node, cut from the atlas (4 x 2 cells a tile, from cell centre to cell centre, so
    // that smoothing takes nothing of the next tile) and put in the node's rectangle.
    const draws = (canvases.get(fields) ?? []).filter((c) => c.name === 'drawImage');
    const last = draws.slice(-7);
    expect(last.map((c) => c.args.slice(1, 5))).toEqual(
      Array.from({ length: 7 }, (_, k) => [0.5, 2 * k + 0.5, 3, 1]),
    );
    // The panel's layout: every feature has a row in the input column, x₂'s field goes in the second.
    const layout = diagramLayout([2, 3, 2], store.getState().aspect, ['x1', 'x2'], true);
    const hidden2 = layout.layers[1]!;
    expect(last[1]!.args.slice(5, 7)).toEqual([
      layout.layers[0]!.x - layout.rx,
      layout.rowYs![1]! - layout.ry,
    ]);
    expect(last[3]!.args.slice(5)).toEqual([
      hidden2.x - layout.rx,
      hidden2.ys[1]! - layout.ry,
      2 * layout.rx,
      2 * layout.ry,
    ]);
    // The atlas was painted from the frame: tile 2 (hidden 1, unit 1) from its own values.
    const atlas = [...canvases].find(
      ([c, calls]) => !c.isConnected && calls.some((k) => k.name === 'putImageData'),
    );
    const pixels = (atlas![1].filter((c) => c.name === 'putImageData').pop()!.args[0] as ImageData).data;
    expect(pixels.length).toBe(4 * 4 * 2 * 7);
    // Within tile 2 values run 2.0 ... 2.7: all positive, the largest full blue.
    expect(Array.from(pixels.slice(4 * (2 * 8 + 7), 4 * (2 * 8 + 7) + 3))).toEqual([0x21, 0x66, 0xac]);
    // A frame of another network draws nothing.
    act(() => {
      store
        .getState()
        .applySnapshot(makeSnapshot(0, 1, { weights: weights([2, 4, 2]), nodes: nodesFrame() }));
    });
    await waitFor(() => expect(fields.dataset.fields).toBe('0'));
    expect(document.querySelector<HTMLElement>('.diagram-wrap')!.dataset.fields).toBe('off');
  });

  it('hovering or focusing a node shows its field in the main plot; leaving gives the plot back', async () => {
    mockBoxes(400, 300);
    const canvases = recordCanvases();
    const store = createAppStore();
    store.getState().setPlotSize({ width: 400, height: 300, dpr: 1 });
    render(
      <StoreProvider store={store}>
        <div className="plot">
          <PlotUnitLayer />
        </div>
        <InsidePanel />
      </StoreProvider>,
    );
    const node = screen.getByRole('button', { name: 'hidden 1, unit 3' });
    fireEvent.mouseEnter(node);
    expect(store.getState().plotUnit).toEqual({ layer: 1, unit: 2 });
    expect(store.getState().inspect.unit).toEqual({ layer: 1, unit: 2 });
    const box = { x0: -2, x1: 2, y0: -1.5, y1: 1.5 };
    const unit = (u: number) => ({
      layer: 1,
      unit: u,
      width: 3,
      height: 2,
      box,
      values: new Float32Array([-1, 0, 1, 1, 0, -1]),
    });
    act(() => {
      store.getState().applySnapshot(makeSnapshot(0, 0, { weights: weights([2, 3, 2]), unit: unit(2) }));
    });
    const layer = document.querySelector<HTMLCanvasElement>('.unit-layer')!;
    await waitFor(() => expect(layer.dataset.unit).toBe('1:2'));
    expect(layer.hidden).toBe(false);
    expect(screen.getByTestId('plot-unit-caption').textContent).toBe(
      'hidden 1, unit 3 (tanh): blue +, orange −',
    );
    // Its pixels are the unit's field, over the plot's own field rectangle.
    const put = (canvases.get(layer) ?? []).filter((c) => c.name === 'putImageData').pop()!;
    expect(Array.from((put.args[0] as ImageData).data.slice(8, 11))).toEqual([0x21, 0x66, 0xac]);
    const r = plotRect(400, 300, box, PAGE_PLOT);
    expect([layer.style.left, layer.style.top, layer.style.width, layer.style.height]).toEqual(
      [r.x, r.y, r.w, r.h].map((v) => `${v}px`),
    );
    fireEvent.mouseLeave(node);
    expect(store.getState().plotUnit).toBeNull();
    await waitFor(() => expect(layer.hidden).toBe(true));
    expect(screen.queryByTestId('plot-unit-caption')).toBeNull();
    // Focus does the same as hover; a field of another unit is not shown as this one.
    fireEvent.focus(screen.getByRole('button', { name: 'hidden 1, unit 1' }));
    expect(store.getState().plotUnit).toEqual({ layer: 1, unit: 0 });
    await waitFor(() => expect(layer.dataset.unit).toBe(''));
    act(() => {
      store.getState().applySnapshot(makeSnapshot(0, 1, { weights: weights([2, 3, 2]), unit: unit(0) }));
    });
    await waitFor(() => expect(layer.dataset.unit).toBe('1:0'));
    fireEvent.blur(screen.getByRole('button', { name: 'hidden 1, unit 1' }));
    expect(store.getState().plotUnit).toBeNull();
  });

  it('asks for the node heatmaps only while the diagram is on screen', () => {
    const watched = new Map<Element, (entries: { isIntersecting: boolean }[]) => void>();
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(private readonly cb: (entries: { isIntersecting: boolean }[]) => void) {}
        observe(el: Element) {
          watched.set(el, this.cb);
        }
        disconnect() {}
      },
    );
    try {
      const store = renderInside();
      const diagram = document.querySelector('.diagram-view')!;
      const section = document.querySelector('.inside')!;
      const show = (el: Element, on: boolean) => act(() => watched.get(el)!([{ isIntersecting: on }]));
      expect(store.getState().inspect.nodes).toBe(true);
      // Scrolled so that the unit field and hidden space stay, the diagram not: no heatmaps.
      show(diagram, false);
      expect(store.getState().inspect).toMatchObject({ nodes: false, unit: { layer: 1, unit: 0 } });
      show(diagram, true);
      expect(store.getState().inspect.nodes).toBe(true);
      // The whole section off screen: nothing at all.
      show(section, false);
      expect(store.getState().inspect).toEqual({ unit: null, hidden: null });
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
