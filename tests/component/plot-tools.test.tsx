// @vitest-environment jsdom
import './helpers';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startWorkerClient } from '../../src/client/training';
import { dataBox } from '../../src/core/box';
import { fitBox } from '../../src/core/gridPlan';
import type { ToWorker } from '../../src/protocol/training';
import { HISTORY_LIMIT } from '../../src/state/editHistory';
import { StoreProvider } from '../../src/state/react';
import { type AppStore, createAppStore } from '../../src/state/store';
import { startUrlSync, URL_DELAY_MS } from '../../src/state/urlSync';
import { PlotTools } from '../../src/ui/data/PlotTools';
import { Session } from '../../src/worker/session';
import { FakeWorker, makeSnapshot } from './helpers';

function storeWithPoints(): AppStore {
  const store = createAppStore();
  store.getState().applySnapshot(makeSnapshot(store.getState().gen, 0));
  return store;
}

function three(n = 3) {
  return {
    X: Float64Array.from({ length: 2 * n }, (_, i) => i / 4),
    y: Uint8Array.from({ length: n }, (_, i) => i % 2),
    n,
    classes: 2,
  };
}

/** What the person sees of the data: how many points, the first row, and whether they are edited. */
function shown(store: AppStore) {
  const { points, custom } = store.getState();
  return { n: points.y.length, first: [points.X[0], points.X[1], points.y[0]], edited: custom !== null };
}

/** `shown` without the rows: generated data follows the current settings, which undo leaves alone. */
function kind(store: AppStore) {
  const { n, edited } = shown(store);
  return { n, edited };
}

afterEach(cleanup);

describe('undo and redo', () => {
  it('cover every kind of edit: add, remove, reset, import, and edited points replaced by a setting', () => {
    const store = storeWithPoints();
    const s = () => store.getState();
    const states = [shown(store)];
    s().addPoint(0.5, 0.25);
    states.push(shown(store));
    s().removePoint(5);
    states.push(shown(store));
    s().setData(null);
    states.push(shown(store));
    s().setData(three());
    states.push(shown(store));
    s().setNumber('noise', 0.3);
    states.push(shown(store));
    expect(states.map((x) => x.n)).toEqual([200, 201, 200, 200, 3, 200]);
    expect(states.map((x) => x.edited)).toEqual([false, true, true, false, true, false]);
    // Back through every edit, one at a time, then forward again.
    for (let k = states.length - 2; k >= 0; k--) {
      const gen = s().gen;
      s().undo();
      const { first, ...rest } = states[k]!;
      expect(kind(store)).toEqual(rest);
      // Edited rows come back exactly; the points the noise change replaced, too.
      if (rest.edited) expect(shown(store).first).toEqual(first);
      expect(s().gen).toBe(gen + 1);
    }
    expect(s().history.past).toHaveLength(0);
    const beforeNoUndo = s().gen;
    s().undo();
    expect(s().gen).toBe(beforeNoUndo);
    for (let k = 1; k < states.length; k++) {
      s().redo();
      expect(shown(store).n).toBe(states[k]!.n);
      expect(shown(store).edited).toBe(states[k]!.edited);
    }
    s().redo();
    expect(s().history.future).toHaveLength(0);
  });

  it('undoing an added point restores the very rows before it', () => {
    const store = storeWithPoints();
    const before = Array.from(store.getState().points.X);
    store.getState().addPoint(0.5, 0.25);
    store.getState().undo();
    expect(Array.from(store.getState().points.X)).toEqual(before);
    store.getState().redo();
    expect(store.getState().custom?.X[0]).toBe(0.5);
  });

  it('a new edit drops what was undone, and the history keeps the last edits only', () => {
    const store = storeWithPoints();
    store.getState().addPoint(0, 0);
    store.getState().undo();
    expect(store.getState().history.future).toHaveLength(1);
    store.getState().addPoint(1, 1);
    expect(store.getState().history.future).toHaveLength(0);
    for (let k = 0; k < HISTORY_LIMIT + 5; k++) store.getState().addPoint(k / 100, 0);
    expect(store.getState().history.past).toHaveLength(HISTORY_LIMIT);
  });
});

describe("the plot's box", () => {
  it('stays while points are edited, even far outside it, and fits only on "Fit to data"', () => {
    const store = storeWithPoints();
    const box = store.getState().box;
    const p = store.getState().points;
    expect(box).toEqual(dataBox(p.X, p.y.length, 0.5));
    store.getState().setEditing(true);
    store.getState().addPoint(box.x1 + 3, box.y1 + 2);
    store.getState().removePoint(10);
    expect(store.getState().box).toBe(box);
    store.getState().fitToData();
    expect(store.getState().box.x1).toBeCloseTo(Math.fround(box.x1 + 3) + 0.5, 9);
    // Undoing the edits gives back the points, not the old box: fitting is not an edit.
    const fitted = store.getState().box;
    store.getState().undo();
    expect(store.getState().box).toBe(fitted);
  });

  it('fits a new dataset: other generated data, an import, a reset; undoing an import brings its box back', () => {
    const store = storeWithPoints();
    const first = store.getState().box;
    store.getState().setNumber('noise', 0.5);
    const noisy = store.getState().box;
    expect(noisy).not.toEqual(first);
    store.getState().setData(three());
    expect(store.getState().box).toEqual({ x0: -0.5, x1: 1.5, y0: -0.25, y1: 1.75 });
    store.getState().undo();
    expect(store.getState().box).toEqual(noisy);
    // A new test split keeps the rows, so it keeps the box.
    store.getState().setNumber('test', 0.3);
    expect(store.getState().box).toEqual(noisy);
  });

  it('is the box the worker draws over: sent with each run, and again after "Fit to data"', () => {
    const store = storeWithPoints();
    const w = new FakeWorker();
    const client = startWorkerClient(store, {
      createWorker: () => w as unknown as Worker,
      afterFrame: () => {},
    });
    const config = (m: ToWorker) => m.type === 'config';
    expect(w.sent.find(config)).toMatchObject({ box: store.getState().box });
    const box = store.getState().box;
    store.getState().addPoint(box.x1 + 3, 0);
    expect(w.sent.filter(config).pop()).toMatchObject({ box });
    store.getState().fitToData();
    expect(w.sent[w.sent.length - 1]).toEqual({ type: 'view', aspect: 1.5, box: store.getState().box });
    client.stop();
  });

  it('the worker draws over the box it is given, in the plot’s shape, and over the data’s box without one', () => {
    const config = createAppStore().getState().config;
    const box = { x0: -4, x1: 4, y0: -1, y1: 1 };
    const given = new Session(1, config, 1.5, three(), box).snapshot(false, 0);
    expect(given.grid.box).toEqual(fitBox(box, 1.5));
    const own = new Session(1, config, 1.5, three(), null).snapshot(false, 0);
    expect(own.grid.box).toEqual(fitBox(dataBox(three().X, 3, 0.5), 1.5));
  });
});

describe('the plot tools', () => {
  beforeEach(() => vi.useRealTimers());

  function renderTools(store: AppStore) {
    render(
      <StoreProvider store={store}>
        <PlotTools />
        <input aria-label="Seed" type="text" />
      </StoreProvider>,
    );
  }

  it('edit mode is a pressed button, off at first; the class to add is chosen in it, in the classes’ colours', () => {
    const store = storeWithPoints();
    renderTools(store);
    const toggle = screen.getByRole('button', { name: 'Edit points' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(screen.getAllByRole('radio').every((r) => r.matches(':disabled'))).toBe(true);
    fireEvent.click(toggle);
    expect(store.getState().editing).toBe(true);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    const radios = screen.getAllByRole('radio');
    expect(radios.some((r) => r.matches(':disabled'))).toBe(false);
    expect(radios.map((r) => (r as HTMLInputElement).labels?.[0]?.textContent)).toEqual([
      'class 0',
      'class 1',
      'class 2 (new)',
    ]);
    const fills = radios.map((r) => r.parentElement?.querySelector('svg [fill]')?.getAttribute('fill'));
    expect(fills).toEqual(['rgb(158, 1, 66)', 'rgb(94, 79, 162)', 'rgb(105, 189, 169)']);
    fireEvent.click(screen.getByRole('radio', { name: 'class 2 (new)' }));
    expect(store.getState().brush).toBe(2);
  });

  it('undo and redo by button and by Ctrl/Cmd+Z, Ctrl+Shift+Z and Ctrl+Y; a text box keeps its own', () => {
    const store = storeWithPoints();
    renderTools(store);
    const undo = screen.getByRole('button', { name: 'Undo' }) as HTMLButtonElement;
    const redo = screen.getByRole('button', { name: 'Redo' }) as HTMLButtonElement;
    expect([undo.disabled, redo.disabled]).toEqual([true, true]);
    act(() => store.getState().addPoint(0, 0));
    act(() => store.getState().addPoint(1, 0));
    expect(undo.disabled).toBe(false);
    fireEvent.click(undo);
    expect(store.getState().points.y.length).toBe(201);
    fireEvent.click(redo);
    expect(store.getState().points.y.length).toBe(202);
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    expect(store.getState().points.y.length).toBe(201);
    fireEvent.keyDown(window, { key: 'Z', ctrlKey: true, shiftKey: true });
    expect(store.getState().points.y.length).toBe(202);
    fireEvent.keyDown(window, { key: 'z', metaKey: true });
    expect(store.getState().points.y.length).toBe(201);
    fireEvent.keyDown(window, { key: 'y', ctrlKey: true });
    expect(store.getState().points.y.length).toBe(202);
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Seed' }), { key: 'z', ctrlKey: true });
    expect(store.getState().points.y.length).toBe(202);
  });

  it('"Fit to data" is offered once the points have left the box', () => {
    const store = storeWithPoints();
    renderTools(store);
    const fit = screen.getByRole('button', { name: 'Fit to data' }) as HTMLButtonElement;
    expect(fit.disabled).toBe(true);
    act(() => store.getState().addPoint(store.getState().box.x1 + 1, 0));
    expect(fit.disabled).toBe(false);
    fireEvent.click(fit);
    expect(fit.disabled).toBe(true);
  });

  it('"Show test data" and "Discretize output" switch the view and go into the link', async () => {
    vi.useFakeTimers();
    window.history.replaceState(null, '', '/play/');
    const store = createAppStore();
    store.getState().setNumber('test', 0.2);
    const sync = startUrlSync(store, window, URL_DELAY_MS);
    renderTools(store);
    const showTest = screen.getByRole('checkbox', { name: 'Show test data' }) as HTMLInputElement;
    const discrete = screen.getByRole('checkbox', { name: 'Discretize output' }) as HTMLInputElement;
    expect([showTest.checked, discrete.checked]).toEqual([true, false]);
    fireEvent.click(showTest);
    fireEvent.click(discrete);
    expect([store.getState().showTest, store.getState().discrete]).toEqual([false, true]);
    vi.advanceTimersByTime(URL_DELAY_MS + 1);
    const params = new URLSearchParams(window.location.search);
    expect([params.get('showtest'), params.get('disc'), params.get('test')]).toEqual(['0', '1', '0.2']);
    fireEvent.click(showTest);
    fireEvent.click(discrete);
    vi.advanceTimersByTime(URL_DELAY_MS + 1);
    expect(window.location.search).not.toMatch(/showtest|disc/);
    sync.stop();
  });

  it('"Show test data" is off limits when there are no test points', () => {
    const store = storeWithPoints();
    renderTools(store);
    expect((screen.getByRole('checkbox', { name: 'Show test data' }) as HTMLInputElement).disabled).toBe(
      true,
    );
  });
});
