// @vitest-environment jsdom
import './helpers';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPinClient } from '../../src/client/pin';
import { copyConfig, DEFAULT_CONFIG } from '../../src/config/schema';
import { decodeConfig } from '../../src/config/url';
import { LossSeries } from '../../src/core/lossSeries';
import { initParams, paramsToJSON } from '../../src/core/network';
import { RandomState } from '../../src/core/rng';
import { drawLossChart, PINNED_COLOR, TRAIN_COLOR } from '../../src/render/lossChart';
import { PAGE_PLOT, plotModel } from '../../src/render/plotModel';
import { drawPlotImage } from '../../src/render/plotPng';
import type { RequestedWeights } from '../../src/state/ports';
import { StoreProvider } from '../../src/state/react';
import { type AppStore, createAppStore } from '../../src/state/store';
import { PinControl } from '../../src/ui/compare/PinControl';
import { ExportPanel } from '../../src/ui/data/ExportPanel';
import { modelJSON } from '../../src/ui/data/exports';
import { LoopWorker } from './experimentsWorkers';
import { captureDownloads, type Download, makeSnapshot } from './helpers';
import { recordingContext } from './recordingContext';

const weights = initParams([2, 3, 2], 'tanh', new RandomState(2));

afterEach(cleanup);

function series(values: number[]): LossSeries {
  const s = new LossSeries();
  s.append(values);
  return s;
}

function renderWith(store: AppStore, ui: React.ReactNode) {
  render(<StoreProvider store={store}>{ui}</StoreProvider>);
}

describe('comparing runs', () => {
  it('"Pin this run" trains the pinned run to its end in a worker of its own, whatever the current run does', () => {
    const store = createAppStore({ config: { ...DEFAULT_CONFIG, passes: 300 } });
    const workers: LoopWorker[] = [];
    const client = startPinClient(store, {
      createWorker: () => {
        const w = new LoopWorker();
        workers.push(w);
        return w as unknown as Worker;
      },
      afterFrame: (fn) => fn(),
      after: (fn) => fn(),
    });
    store.getState().pin();
    const id = store.getState().pinned!.id;
    // The current run moves on; the pin keeps its own configuration.
    store.getState().setHidden(0, 5);
    for (let i = 0; i < 10000 && workers.some((w) => w.pump()); i++) {}
    const pinned = store.getState().pinned!;
    expect(pinned.id).toBe(id);
    expect(pinned.config.hidden).toEqual([3]);
    expect(pinned.state).toBe('finished');
    expect(pinned.train.length).toBe(301);
    expect(pinned.grid).not.toBeNull();
    expect(pinned.train.at(300)).toBeLessThan(pinned.train.at(0));
    // Its worker is released once the run is over.
    expect(workers.every((w) => w.terminated)).toBe(true);
    client.stop();
  });

  it('names every setting in which the pinned run differs from the current one, and unpins', async () => {
    const store = createAppStore();
    renderWith(store, <PinControl />);
    const pin = screen.getByRole('button', { name: 'Pin this run' }) as HTMLButtonElement;
    expect(pin.disabled).toBe(true);
    act(() => {
      store.getState().applySnapshot(makeSnapshot(0, 0));
    });
    fireEvent.click(pin);
    expect((await screen.findByTestId('pinned')).textContent).toBe(' pinned: the same settings');
    act(() => {
      store.getState().setNumber('lr', 0.1);
      store.getState().setEnum('act', 'relu');
    });
    await waitFor(() =>
      expect(screen.getByTestId('pinned').textContent).toBe(
        ' pinned: Activation tanh (now ReLU), Learning rate 0.01 (now 0.1)',
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Unpin' }));
    expect(store.getState().pinned).toBeNull();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Unpin' })).toBeNull());
  });

  it('draws the pinned curve under the current one, over the longer of the two runs', () => {
    const { ctx, calls } = recordingContext();
    const pinned = { train: series(Array.from({ length: 500 }, (_, i) => 1 / (i + 1))), test: null };
    drawLossChart(ctx, {
      width: 400,
      height: 300,
      train: series([0.5, 0.4]),
      test: null,
      log: false,
      pinned,
    });
    const strokes = calls.filter((c) => c.name === 'stroke').map((c) => c.strokeStyle);
    expect(strokes.indexOf(PINNED_COLOR)).toBeGreaterThanOrEqual(0);
    expect(strokes.indexOf(PINNED_COLOR)).toBeLessThan(strokes.indexOf(TRAIN_COLOR));
    // The x axis reaches pass 499: its last tick label is beyond the current run's 2 passes.
    const labels = calls.filter((c) => c.name === 'fillText').map((c) => String(c.args[0]));
    expect(labels).toContain('400');
  });

  it("labels the zoom on a converged run's last passes with ticks that fit the margin", () => {
    const { ctx, calls } = recordingContext();
    const flat = series(Array.from({ length: 200 }, (_, i) => 0.0390358923 + (i % 2) * 1e-12));
    drawLossChart(ctx, { width: 400, height: 160, train: flat, test: null, log: false, recent: 60 });
    const labels = calls
      .filter((c) => c.name === 'fillText' && c.args[1] === 58 - 6)
      .map((c) => String(c.args[0]));
    expect(labels.length).toBeGreaterThan(1);
    for (const l of labels) expect(l.length).toBeLessThanOrEqual(8);
  });

  it('without a pin, draws what it drew before', () => {
    const { ctx, calls } = recordingContext();
    drawLossChart(ctx, { width: 400, height: 300, train: series([0.5, 0.4]), test: null, log: false });
    expect(calls.filter((c) => c.name === 'stroke').map((c) => c.strokeStyle)).not.toContain(PINNED_COLOR);
  });
});

describe('export builders', () => {
  it('the model JSON holds the configuration, its link, the sizes and every weight', () => {
    const config = { ...copyConfig(DEFAULT_CONFIG), lr: 0.02 };
    const json = JSON.parse(modelJSON(config, weights, 1234, false));
    expect(json).toMatchObject({ format: 'nn-playground model', version: 1, pass: 1234, sizes: [2, 3, 2] });
    expect(json.activation).toBe('tanh');
    expect(decodeConfig(json.query).config).toEqual(config);
    expect(json.layers).toEqual(paramsToJSON(weights));
    expect(json.layers[0].W).toHaveLength(2);
    expect(json.layers[0].W[0]).toHaveLength(3);
  });

  it('the plot PNG stacks the field, the boundary (halo, then line) and the marks on white', () => {
    const { ctx, calls } = recordingContext(800, 600);
    const probs = new Float32Array(2 * 4 * 4);
    for (let j = 0; j < 4; j++) for (let i = 0; i < 4; i++) probs[16 + j * 4 + i] = i < 2 ? 0.1 : 0.9;
    const grid = { width: 4, height: 4, classes: 2, box: { x0: 0, x1: 1, y0: 0, y1: 1 }, probs };
    const points = {
      X: new Float64Array([0.2, 0.5, 0.8, 0.5]),
      y: new Uint8Array([0, 1]),
      nTrain: 2,
      classes: 2,
    };
    const model = plotModel({ grid, points, width: 400, height: 300, dpr: 2 }, PAGE_PLOT)!;
    const field = { id: 'field' } as unknown as HTMLCanvasElement;
    drawPlotImage(ctx, { model, field });
    const names = calls.map((c) => c.name);
    expect(names[0]).toBe('setTransform');
    expect(calls.find((c) => c.name === 'fillRect')).toMatchObject({
      args: [0, 0, 800, 600],
      fillStyle: '#fff',
    });
    const draws = calls.filter((c) => c.name === 'drawImage');
    expect(draws.map((c) => c.args)).toEqual([[field, 38, 8, 352, 268]]);
    const strokes = calls.filter((c) => c.name === 'stroke');
    expect(strokes.slice(0, 2).map((c) => c.strokeStyle)).toEqual(['rgba(255, 255, 255, 0.85)', '#1d1d1d']);
    // The marks come after the boundary: the points' fills, then the axes' ticks and labels.
    expect(names.indexOf('drawImage')).toBeLessThan(names.indexOf('stroke'));
    expect(names.indexOf('stroke')).toBeLessThan(names.indexOf('fill'));
    expect(names.lastIndexOf('fill')).toBeLessThan(names.indexOf('fillText'));
  });
});

describe('the export panel', () => {
  let downloads: Download[];
  beforeEach(() => {
    downloads = captureDownloads();
  });
  afterEach(() => vi.restoreAllMocks());

  it('exports the model from the weights the page has', async () => {
    const store = createAppStore();
    store.getState().applySnapshot(makeSnapshot(0, 0, { weights, pass: 77 }));
    renderWith(store, <ExportPanel />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Export model (JSON)' }));
    });
    expect(downloads.map((d) => d.name)).toEqual(['nn-playground-model.json']);
    const json = JSON.parse(await downloads[0]!.blob.text());
    expect(json.pass).toBe(77);
    expect(screen.getByRole('status').textContent).toBe('Downloaded the model.');
  });

  it("asks the worker for a big network's weights, then exports them", async () => {
    const store = createAppStore();
    const asked: number[] = [];
    let answer: (w: RequestedWeights) => void = () => {};
    store.getState().connect({
      training: {
        step: () => Promise.resolve(null),
        weights: (gen) => {
          asked.push(gen);
          return new Promise((resolve) => {
            answer = resolve;
          });
        },
        setWeight: () => {},
      },
    });
    store.getState().applySnapshot(makeSnapshot(0, 0, { weights: null, params: 60000 }));
    renderWith(store, <ExportPanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Export model (JSON)' }));
    expect(asked).toEqual([0]);
    expect(screen.getByRole('status').textContent).toBe('Preparing the model…');
    await act(async () => answer({ gen: 0, pass: 5, weights }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(JSON.parse(await downloads[0]!.blob.text()).pass).toBe(5);
  });

  it('says so when the worker cannot send the weights', async () => {
    const store = createAppStore();
    store.getState().connect({
      training: {
        step: () => Promise.resolve(null),
        weights: () => Promise.reject(new Error('the training worker failed: gone')),
        setWeight: () => {},
      },
    });
    store.getState().applySnapshot(makeSnapshot(0, 0, { weights: null, params: 60000 }));
    renderWith(store, <ExportPanel />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Export model (JSON)' }));
    });
    expect(screen.getByRole('status').textContent).toBe(
      'Could not export the model: the training worker failed: gone.',
    );
    expect(downloads).toEqual([]);
  });

  it('exports the NumPy script with the edited points embedded', async () => {
    const store = createAppStore();
    store
      .getState()
      .setData({ X: new Float64Array([0.5, 0.25, -1, 2]), y: new Uint8Array([0, 1]), n: 2, classes: 2 });
    renderWith(store, <ExportPanel />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Export as NumPy' }));
    });
    await waitFor(() => expect(downloads.map((d) => d.name)).toEqual(['nn_playground.py']));
    const script = await downloads[0]!.blob.text();
    expect(script).toContain('import numpy as np');
    expect(script).toContain("# The playground's edited data, embedded.");
    expect(script).toContain('0.25');
  });

  it('says why the plot could not be exported instead of failing silently', async () => {
    const store = createAppStore();
    store.getState().applySnapshot(makeSnapshot(0, 0));
    renderWith(store, <ExportPanel />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Download plot (PNG)' }));
    });
    expect(screen.getByRole('status').textContent).toBe(
      'Could not export the plot: the plot is not drawn yet.',
    );
    expect(downloads).toEqual([]);
  });
});
