// @vitest-environment jsdom
import './helpers';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initParams } from '../../src/core/network';
import { RandomState } from '../../src/core/rng';
import { pointProbs } from '../../src/render/pointProbs';
import { dataToPixel, pixelToData } from '../../src/render/probe';
import { StoreProvider } from '../../src/state/react';
import { type AppStore, createAppStore } from '../../src/state/store';
import { PlotProbe, readoutText } from '../../src/ui/data/PlotProbe';
import { loadPointProbs } from '../../src/ui/data/usePointProbs';
import { fmtPercent } from '../../src/ui/format';
import { makeSnapshot, mockBoxes } from './helpers';

const W = 400;
const H = 300;
const BOX = { x0: -2, x1: 2, y0: -1.5, y1: 1.5 };

// jsdom has no PointerEvent: a MouseEvent with a pointer type stands in.
if (typeof window.PointerEvent === 'undefined') {
  class FakePointerEvent extends MouseEvent {
    readonly pointerType: string;
    constructor(type: string, init: PointerEventInit = {}) {
      super(type, init);
      this.pointerType = init.pointerType ?? 'mouse';
    }
  }
  window.PointerEvent = FakePointerEvent as unknown as typeof PointerEvent;
}

/** The probe's box: 400 x 300 CSS pixels at the page's origin (jsdom lays nothing out). */
beforeEach(() => {
  vi.useFakeTimers();
  mockBoxes(W, H);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const weights = initParams([2, 3, 2], 'tanh', new RandomState(5));

function setup(patch: Parameters<typeof makeSnapshot>[2] = {}): AppStore {
  const store = createAppStore({
    data: { X: new Float64Array([0, 0, 1, 1]), y: new Uint8Array([0, 1]), n: 2, classes: 2 },
  });
  store.getState().applySnapshot(
    makeSnapshot(0, 0, {
      weights,
      grid: { width: 4, height: 3, classes: 2, box: BOX, probs: new Float32Array(24).fill(0.5) },
      ...patch,
    }),
  );
  render(
    <StoreProvider store={store}>
      <PlotProbe />
    </StoreProvider>,
  );
  return store;
}

function move(x: number, y: number) {
  fireEvent.pointerMove(screen.getByRole('application'), { clientX: x, clientY: y, pointerType: 'mouse' });
}

/** The exact reading is a lazy chunk that the first reading asks for: waits for it to arrive. */
async function exactLoaded() {
  await act(async () => {
    await loadPointProbs();
  });
}

describe('the probability readout', () => {
  it('shows the probabilities under the pointer, from the weights', async () => {
    setup();
    move(200, 100);
    await exactLoaded();
    const at = pixelToData(200, 100, W, H, BOX)!;
    const [p0, p1] = pointProbs(weights, at.x, at.y);
    const text = screen.getByTestId('readout').textContent ?? '';
    expect(text).toContain(`class 0 ${fmtPercent(p0)}`);
    expect(text).toContain(`class 1 ${fmtPercent(p1)}`);
  });

  it('announces the reading politely once the pointer rests', () => {
    setup();
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    move(200, 100);
    move(210, 100);
    expect(status.textContent).toBe('');
    act(() => {
      vi.advanceTimersByTime(500);
    });
    expect(status.textContent).toMatch(/^x [-\d.]+, y [-\d.]+: class 0 [\d.]+%, class 1 [\d.]+%\.$/);
  });

  it('never shows NaN: a diverged network reads as dashes', async () => {
    const broken = initParams([2, 3, 2], 'tanh', new RandomState(5));
    broken.W[0]![0] = Number.NaN;
    setup({ weights: broken });
    move(200, 100);
    await exactLoaded();
    const text = screen.getByTestId('readout').textContent ?? '';
    expect(text).not.toContain('NaN');
    expect(text).toContain('class 0 —');
    expect(readoutText({ x: Number.NaN, y: 1 }, [Number.NaN])).not.toContain('NaN');
  });

  it('falls back to the grid when the page has no weights', () => {
    setup({ weights: null });
    move(200, 100);
    expect(screen.getByTestId('readout').textContent).toContain('class 1 50.0%');
  });

  it('hides the box when the pointer leaves, and ignores the margins', () => {
    setup();
    move(200, 100);
    fireEvent.pointerLeave(screen.getByRole('application'), { pointerType: 'mouse' });
    expect(screen.queryByTestId('readout')).toBeNull();
    move(5, 5);
    expect(screen.queryByTestId('readout')).toBeNull();
  });
});

describe('probing and editing', () => {
  it('a click or a tap in probe mode (the default) reads and never changes the data', () => {
    const store = setup();
    expect(store.getState().editing).toBe(false);
    const before = { custom: store.getState().custom, gen: store.getState().gen };
    const plot = screen.getByRole('application');
    fireEvent.click(plot, { clientX: 100, clientY: 200 });
    fireEvent.click(plot, { clientX: 100, clientY: 200, pointerType: 'touch' });
    // On the existing point (0, 0) too, and with the keys that edit in edit mode.
    const at = dataToPixel({ x: 0, y: 0 }, W, H, BOX);
    fireEvent.click(plot, { clientX: at.x, clientY: at.y });
    fireEvent.keyDown(plot, { key: 'Enter' });
    fireEvent.keyDown(plot, { key: 'Delete' });
    expect(store.getState().custom).toBe(before.custom);
    expect(store.getState().gen).toBe(before.gen);
    expect(store.getState().history.past).toHaveLength(0);
    expect(screen.getByTestId('readout')).toBeTruthy();
  });

  it('in edit mode a click on empty ground adds a point of the chosen class; a click on it removes it', () => {
    const store = setup();
    store.getState().setEditing(true);
    store.getState().setBrush(1);
    fireEvent.click(screen.getByRole('application'), { clientX: 100, clientY: 200 });
    const added = pixelToData(100, 200, W, H, BOX)!;
    expect(store.getState().custom?.n).toBe(3);
    expect([
      store.getState().custom!.X[0],
      store.getState().custom!.X[1],
      store.getState().custom!.y[0],
    ]).toEqual([Math.fround(added.x), Math.fround(added.y), 1]);
    fireEvent.click(screen.getByRole('application'), { clientX: 101, clientY: 201 });
    expect(store.getState().custom?.n).toBe(2);
    expect(screen.getByRole('status').textContent).toContain('Removed the point');
  });

  it('in edit mode a click removes a point at the very edge, even on the part of its mark outside the box', () => {
    const store = setup();
    store.getState().setEditing(true);
    // A point on the box's right edge; the click lands 3 px to its right, outside the plot area.
    store.getState().addPoint(BOX.x1, 0);
    expect(store.getState().custom?.n).toBe(3);
    const at = dataToPixel({ x: BOX.x1, y: 0 }, W, H, BOX);
    expect(pixelToData(at.x + 3, at.y, W, H, BOX)).toBeNull();
    fireEvent.click(screen.getByRole('application'), { clientX: at.x + 3, clientY: at.y });
    expect(store.getState().custom?.n).toBe(2);
    // Outside the box with no point under it: nothing is added.
    fireEvent.click(screen.getByRole('application'), { clientX: at.x + 3, clientY: at.y });
    expect(store.getState().custom?.n).toBe(2);
  });

  it('works from the keyboard in edit mode: arrows move a cursor, Enter adds, Delete removes', () => {
    const store = setup();
    store.getState().setEditing(true);
    const plot = screen.getByRole('application');
    expect(plot.tabIndex).toBe(0);
    fireEvent.keyDown(plot, { key: 'ArrowRight' });
    expect(screen.getByTestId('readout').textContent).toContain('x 0.1, y 0');
    expect(document.querySelector('.plot-cursor')).not.toBeNull();
    fireEvent.keyDown(plot, { key: 'Enter' });
    expect(store.getState().custom?.X[0]).toBe(Math.fround(0.1));
    fireEvent.keyDown(plot, { key: 'Delete' });
    expect(store.getState().custom?.n).toBe(2);
    fireEvent.keyDown(plot, { key: 'Escape' });
    expect(screen.queryByTestId('readout')).toBeNull();
  });
});
