// @vitest-environment jsdom
import './helpers';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyConfig, DEFAULT_CONFIG } from '../../src/config/schema';
import { initParams } from '../../src/core/network';
import { RandomState } from '../../src/core/rng';
import { type InspectView, type Snapshot, snapshotTransfer, type UnitRef } from '../../src/protocol/training';
import { drawDiagramEdges, layoutDiagram, NEGATIVE, POSITIVE } from '../../src/render/diagram';
import { StoreProvider } from '../../src/state/react';
import { createAppStore } from '../../src/state/store';
import InsidePanel from '../../src/ui/inside/InsidePanel';
import { NetworkDiagram } from '../../src/ui/inside/NetworkDiagram';
import { TrainingLoop } from '../../src/worker/loop';
import { FakeHost } from './fakeHost';
import { makeSnapshot } from './helpers';
import { recordingContext } from './recordingContext';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function weights(sizes: number[]) {
  return initParams(sizes, 'tanh', new RandomState(1));
}

function diagram(props: React.ComponentProps<typeof NetworkDiagram>) {
  return (
    <StoreProvider store={createAppStore()}>
      <NetworkDiagram {...props} />
    </StoreProvider>
  );
}

/** Draws the edges into a recording context; returns the stroke colours and line widths, in order. */
function edgesOf(sizes: number[], w: ReturnType<typeof weights>, scale = 1) {
  const { ctx, calls } = recordingContext();
  const widths: number[] = [];
  const watched = new Proxy(ctx, {
    set(target, prop, value) {
      if (prop === 'lineWidth') widths.push(value as number);
      (target as unknown as Record<string | symbol, unknown>)[prop] = value;
      return true;
    },
  });
  const layout = layoutDiagram(sizes, 440, 320);
  const n = drawDiagramEdges(watched, {
    width: 440 * scale,
    height: 320 * scale,
    diagram: layout,
    weights: w,
  });
  const colors = calls.filter((c) => c.name === 'stroke').map((c) => c.strokeStyle);
  const lines = calls.filter((c) => c.name === 'lineTo').length;
  return { n, colors, widths, lines };
}

describe('the network diagram', () => {
  it('shows every layer, at most 16 nodes each with "+N more", and one edge per drawn pair', () => {
    const sizes = [2, 20, 3, 2];
    render(diagram({ sizes, edges: true, active: null, onActivate: () => {} }));
    const units = screen.getAllByRole('button');
    expect(units).toHaveLength(15 + 3);
    expect(units[0]!.getAttribute('aria-label')).toBe('hidden 1, unit 1');
    expect(screen.getByText('+5 more')).toBeTruthy();
    for (const name of ['input', 'hidden 1', 'hidden 2', 'output'])
      expect(screen.getByText(name)).toBeTruthy();
    const { n, colors, lines } = edgesOf(sizes, weights(sizes));
    expect(n).toBe(2 * 15 + 15 * 3 + 3 * 2);
    expect(lines).toBe(n);
    // Batched by sign and rounded size: a few strokes for all the edges.
    expect(colors.length).toBeLessThanOrEqual(26);
  });

  it('colours an edge by the sign of its weight and thickens the largest, at the SVG scale', () => {
    const sizes = [2, 2, 2];
    const w = weights(sizes);
    w.W[0]!.set([-3, 0.3, 1, 0.1]);
    w.W[1]!.set([0, 0, 0, 0]);
    const { colors, widths } = edgesOf(sizes, w, 2);
    expect(colors.slice(0, 4)).toEqual([NEGATIVE, POSITIVE, POSITIVE, POSITIVE]);
    expect(widths[0]).toBe(10);
    expect(widths[3]).toBeLessThan(2);
    expect(edgesOf(sizes, w).widths[0]).toBe(5);
  });

  it('is one tab stop; focus, hover and arrow keys choose a hidden unit', () => {
    const sizes = [2, 4, 3, 2];
    const chosen: UnitRef[] = [];
    const onActivate = (r: UnitRef) => {
      chosen.push(r);
    };
    const { rerender } = render(diagram({ sizes, edges: false, active: null, onActivate }));
    const stops = screen.getAllByRole('button').filter((b) => b.getAttribute('tabindex') === '0');
    expect(stops.map((b) => b.getAttribute('aria-label'))).toEqual(['hidden 1, unit 1']);
    fireEvent.focus(screen.getByRole('button', { name: 'hidden 1, unit 1' }));
    fireEvent.keyDown(screen.getByRole('button', { name: 'hidden 1, unit 1' }), { key: 'ArrowDown' });
    fireEvent.mouseEnter(screen.getByRole('button', { name: 'hidden 2, unit 3' }));
    expect(chosen).toEqual([
      { layer: 1, unit: 0 },
      { layer: 1, unit: 1 },
      { layer: 2, unit: 2 },
    ]);
    rerender(diagram({ sizes, edges: false, active: { layer: 1, unit: 3 }, onActivate }));
    const active = screen.getByRole('button', { name: 'hidden 1, unit 4' });
    expect(active.getAttribute('aria-pressed')).toBe('true');
    expect(active.getAttribute('tabindex')).toBe('0');
    fireEvent.keyDown(active, { key: 'ArrowRight' });
    expect(chosen[chosen.length - 1]).toEqual({ layer: 2, unit: 2 });
  });
});

function renderInside(store = createAppStore()) {
  render(
    <StoreProvider store={store}>
      <InsidePanel />
    </StoreProvider>,
  );
  return store;
}

describe('"Inside the network"', () => {
  it('asks the worker for the chosen unit and the default hidden space, and shows the unit it gets', () => {
    vi.useFakeTimers();
    const store = renderInside();
    expect(store.getState().inspect).toEqual({
      unit: { layer: 1, unit: 0 },
      hidden: { layer: 1, units: [0, 1, 2] },
      nodes: true,
    });
    fireEvent.focus(screen.getByRole('button', { name: 'hidden 1, unit 2' }));
    expect(store.getState().inspect.unit).toEqual({ layer: 1, unit: 1 });
    const values = new Float32Array(6).fill(0.5);
    act(() => {
      store.getState().applySnapshot(
        makeSnapshot(0, 0, {
          weights: weights([2, 3, 2]),
          unit: { layer: 1, unit: 1, width: 3, height: 2, box: { x0: 0, x1: 1, y0: 0, y1: 1 }, values },
        }),
      );
      vi.advanceTimersByTime(300);
    });
    expect(screen.getByTestId('unit-caption').textContent).toBe(
      'hidden 1, unit 2: its tanh activation over the input plane',
    );
    expect(
      screen.getByRole('img', { name: 'Activation of hidden 1, unit 2 over the input plane' }),
    ).toBeTruthy();
    vi.useRealTimers();
  });

  it('offers two chosen units of a wider layer; choosing the same unit twice swaps them', () => {
    const store = createAppStore();
    store.getState().setHidden(0, 6);
    renderInside(store);
    expect(store.getState().inspect.hidden).toEqual({ layer: 1, units: [0, 1] });
    const across = screen.getByRole('combobox', { name: 'Horizontal' });
    fireEvent.change(across, { target: { value: '4' } });
    expect(store.getState().inspect.hidden).toEqual({ layer: 1, units: [4, 1] });
    fireEvent.change(screen.getByRole('combobox', { name: 'Vertical' }), { target: { value: '4' } });
    expect(store.getState().inspect.hidden).toEqual({ layer: 1, units: [1, 4] });
  });

  it('turns the 3-D view of a 3-unit layer into two of its units', () => {
    const store = renderInside();
    fireEvent.click(screen.getByRole('checkbox', { name: 'All 3 units in 3-D' }));
    expect(store.getState().inspect.hidden).toEqual({ layer: 1, units: [0, 1] });
  });

  it('says so when the network is too big to look inside, and asks the worker for nothing', () => {
    const store = createAppStore();
    store.getState().setHidden(0, 512);
    store.getState().addLayer();
    renderInside(store);
    expect(screen.getByTestId('inside-too-big').textContent).toContain('265,218 parameters');
    expect(store.getState().inspect).toEqual({ unit: null, hidden: null });
    expect(screen.queryByRole('combobox', { name: 'Layer' })).toBeNull();
  });
});

describe('the worker, looking inside', () => {
  function start(
    hidden: number[],
    inspect: InspectView = { unit: { layer: 1, unit: 2 }, hidden: { layer: 1, units: [0, 1, 2] } },
  ) {
    const host = new FakeHost();
    const loop = new TrainingLoop(host);
    loop.handle({
      type: 'config',
      gen: 1,
      config: { ...copyConfig(DEFAULT_CONFIG), hidden },
      data: null,
      playing: false,
      speed: Number.POSITIVE_INFINITY,
      aspect: 1.5,
      box: null,
      inspect,
    });
    host.run(5);
    return { host, loop };
  }

  it('sends the weights, the unit field and the hidden space of a small network', () => {
    const { host } = start([3]);
    const s = host.lastSnapshot();
    expect(s.params).toBe(17);
    expect(s.weights?.sizes).toEqual([2, 3, 2]);
    expect(s.weights?.W[0]).toHaveLength(6);
    expect(s.unit).toMatchObject({ layer: 1, unit: 2 });
    expect(s.hidden).toMatchObject({ layer: 1, units: [0, 1, 2], shown: 200 });
  });

  it('answers a changed view with a new snapshot, even when paused', () => {
    const { host, loop } = start([3]);
    loop.handle({ type: 'ack', gen: 1, seq: 0 });
    loop.handle({ type: 'inspect', view: { unit: { layer: 1, unit: 0 }, hidden: null } });
    host.run(5);
    const s = host.lastSnapshot();
    expect(s.seq).toBe(1);
    expect(s.unit).toMatchObject({ layer: 1, unit: 0 });
    expect(s.hidden).toBeNull();
  });

  it('sends the node heatmaps only while the page asks for them', () => {
    const { host, loop } = start([3]);
    expect(host.lastSnapshot().nodes).toBeNull();
    loop.handle({ type: 'ack', gen: 1, seq: 0 });
    loop.handle({ type: 'inspect', view: { unit: null, hidden: null, nodes: true } });
    host.run(5);
    const s = host.lastSnapshot();
    expect(s.nodes?.counts).toEqual([2, 3, 2]);
    expect(s.nodes?.values).toHaveLength(7 * s.nodes!.width * s.nodes!.height);
    expect(s.nodes?.box).toEqual(s.grid.box);
    // Handed over, not copied.
    expect(snapshotTransfer(s)).toContain(s.nodes!.values.buffer);
  });

  it('keeps the weights of a big network to itself until asked for them', () => {
    const { host, loop } = start([512, 100]);
    const s: Snapshot = host.lastSnapshot();
    expect(s.params).toBeGreaterThan(50000);
    expect([s.weights, s.unit, s.hidden, s.nodes]).toEqual([null, null, null, null]);
    loop.handle({ type: 'weights', gen: 1 });
    loop.handle({ type: 'weights', gen: 0 });
    host.run(5);
    const replies = host.posted.filter((m) => m.type === 'weights');
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ type: 'weights', gen: 1, pass: 0 });
  });

  it('trains on edited points, with the test split applied to them', () => {
    const host = new FakeHost();
    const loop = new TrainingLoop(host);
    const n = 10;
    const data = {
      X: Float64Array.from({ length: 2 * n }, (_, i) => Math.cos(i)),
      y: Uint8Array.from({ length: n }, (_, i) => i % 3),
      n,
      classes: 3,
    };
    loop.handle({
      type: 'config',
      gen: 1,
      config: { ...copyConfig(DEFAULT_CONFIG), test: 0.2 },
      data,
      playing: true,
      speed: Number.POSITIVE_INFINITY,
      aspect: 1,
      box: null,
      inspect: { unit: null, hidden: null },
    });
    host.run(1);
    const s = host.lastSnapshot();
    expect(s.grid.classes).toBe(3);
    expect(s.testLoss).not.toBeNull();
  });
});
