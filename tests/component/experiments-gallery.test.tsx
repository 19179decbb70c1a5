// @vitest-environment jsdom
import './helpers';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { GalleryPool } from '../../src/client/galleryPool';
import { parseSizes, poolSize, tileConfig } from '../../src/config/gallery';
import type { Config } from '../../src/config/schema';
import type { Snapshot, ToWorker } from '../../src/protocol/training';
import { coarsen } from '../../src/render/coarsen';
import { StoreProvider } from '../../src/state/react';
import { createAppStore, type StoreInit } from '../../src/state/store';
import GalleryView from '../../src/ui/experiments/GalleryView';
import { ScriptedWorker } from './experimentsWorkers';
import { makeSnapshot } from './helpers';

type ConfigMsg = Extract<ToWorker, { type: 'config' }>;

function setup(init: StoreInit = {}, workers = 2) {
  const store = createAppStore(init);
  const spawned: ScriptedWorker[] = [];
  const timers: (() => void)[] = [];
  const pool = new GalleryPool(store, {
    workers,
    createWorker: () => {
      const w = new ScriptedWorker();
      spawned.push(w);
      return w as unknown as Worker;
    },
    afterFrame: (fn) => fn(),
    after: (fn) => timers.push(fn),
  });
  store.getState().connect({ gallery: pool });
  render(
    <StoreProvider store={store}>
      <GalleryView />
    </StoreProvider>,
  );
  const live = () => spawned.filter((w) => !w.terminated);
  const job = (w: ScriptedWorker) => w.last<ConfigMsg>();
  /** Answers worker `w`'s current job with a snapshot. */
  const answer = (w: ScriptedWorker, patch: Partial<Snapshot>) => {
    const { gen } = [...w.sent].reverse().find((m) => (m as ConfigMsg).type === 'config') as ConfigMsg;
    act(() => w.receive(makeSnapshot(gen, 0, patch)));
  };
  return { store, pool, spawned, live, job, answer, timers };
}

function tile(name: RegExp) {
  return screen.getByRole('link', { name });
}

afterEach(cleanup);

describe('the hidden-size gallery', () => {
  it('shows a tile per tutorial size and trains them on at most the pool’s workers', () => {
    const { live, job } = setup({}, 3);
    const tiles = within(screen.getByRole('list', { name: 'Decision boundaries by hidden size' }));
    expect(tiles.getAllByRole('link').map((a) => a.dataset.units)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '20',
      '50',
    ]);
    expect(live()).toHaveLength(3);
    expect(live().map((w) => job(w).config.hidden)).toEqual([[1], [2], [3]]);
    // The rest of the configuration is the current one.
    const first = job(live()[0]!);
    expect(first).toMatchObject({ playing: true, speed: Number.POSITIVE_INFINITY, data: null });
    expect({ ...first.config, hidden: [3] }).toEqual(createAppStore().getState().config);
    expect(tile(/^1 hidden unit/).dataset.state).toBe('training');
    expect(tile(/^50 hidden units/).dataset.state).toBe('queued');
  });

  it('fills in a tile from its snapshots and gives its worker the next size when it ends', () => {
    const { live, job, answer, timers } = setup({ config: undefined }, 1);
    const w = live()[0]!;
    answer(w, { state: 'training', pass: 500, trainAcc: 0.8 });
    expect(tile(/^1 hidden unit/).textContent).toContain('train 80.0%');
    expect(tile(/^1 hidden unit/).textContent).toContain('training, pass 500');
    // The ack waits for the pacing timer, then a frame.
    expect(w.sent.some((m) => (m as { type: string }).type === 'ack')).toBe(false);
    for (const t of timers.splice(0)) t();
    expect(w.last()).toMatchObject({ type: 'ack', seq: 0 });
    answer(w, { state: 'converged', pass: 3456, trainAcc: 0.865 });
    expect(tile(/^1 hidden unit/).textContent).toContain('converged at pass 3,456');
    expect(job(w).config.hidden).toEqual([2]);
    expect(screen.getByTestId('gallery-status').textContent).toBe('Training: 1 of 7 done');
  });

  it('shows training against test accuracy and marks the best test accuracy when all are done', () => {
    const { live, answer } = setup({ config: { ...createAppStore().getState().config, test: 0.3 } }, 1);
    const w = live()[0]!;
    const results = [0.8, 0.85, 0.97, 0.96, 0.95, 0.94, 0.9];
    results.forEach((testAcc, i) => {
      answer(w, { state: 'finished', trainAcc: 0.9 + i * 0.015, testAcc });
    });
    expect(tile(/^3 hidden units/).textContent).toContain('test 97.0%');
    expect(tile(/^50 hidden units/).textContent).toMatch(/train 99\.0%.*test 90\.0%/);
    expect(tile(/^3 hidden units/).textContent).toContain('best test');
    expect(screen.getByTestId('gallery-status').textContent).toBe(
      'All 7 trained; best test accuracy: 3 hidden units',
    );
    const chart = screen.getByRole('img', { name: /^Accuracy by hidden size/ });
    expect(chart.getAttribute('aria-label')).toContain('50: train 99.0%, test 90.0%');
    expect(live()).toHaveLength(0);
  });

  it('loads a tile’s configuration into the playground on click', () => {
    const { store, live, answer } = setup({}, 1);
    answer(live()[0]!, { state: 'finished' });
    fireEvent.click(tile(/^5 hidden units/));
    expect(store.getState().config.hidden).toEqual([5]);
    expect(store.getState().view).toBe('playground');
    expect(tile(/^5 hidden units/).getAttribute('href')).toContain('hidden=5&');
  });

  it('restarts on a new configuration and drops the old generation’s snapshots', () => {
    const { store, live, job, answer } = setup({}, 1);
    const w = live()[0]!;
    const old = job(w).gen;
    act(() => store.getState().setNumber('noise', 0.3));
    expect(job(w).gen).toBeGreaterThan(old);
    expect(job(w).config).toMatchObject({ noise: 0.3, hidden: [1] });
    act(() => w.receive(makeSnapshot(old, 0, { state: 'finished', trainAcc: 0.5 })));
    expect(tile(/^1 hidden unit/).textContent).not.toContain('50.0%');
    answer(w, { state: 'finished', trainAcc: 0.75 });
    expect(tile(/^1 hidden unit/).textContent).toContain('75.0%');
  });

  it('stays put when only the hidden widths change (as when a tile is loaded)', () => {
    const { store, live, job } = setup({}, 1);
    const gen = job(live()[0]!).gen;
    act(() => store.getState().setHidden(0, 20));
    expect(job(live()[0]!).gen).toBe(gen);
  });

  it('trains the sizes the person types, and says what is wrong with a bad list', () => {
    const { live, job } = setup({}, 1);
    const input = screen.getByRole('textbox', { name: 'Hidden sizes' });
    fireEvent.change(input, { target: { value: '2, 8; 8 64' } });
    fireEvent.click(screen.getByRole('button', { name: 'Train these sizes' }));
    expect(screen.getAllByRole('link').map((a) => a.dataset.units)).toEqual(['2', '8', '64']);
    expect(job(live()[0]!).config.hidden).toEqual([2]);
    fireEvent.change(input, { target: { value: '3, x' } });
    fireEvent.submit(input);
    expect(screen.getByRole('alert').textContent).toContain('“x” is not a whole number');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByRole('link')).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'Tutorial’s sizes' }));
    expect(screen.getAllByRole('link')).toHaveLength(7);
  });

  it('offers a test split when there is none, and a configuration that shows overfitting', () => {
    const { store } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Hold out 30% for testing' }));
    expect(store.getState().config.test).toBe(0.3);
    expect(screen.queryByRole('button', { name: 'Hold out 30% for testing' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show overfitting' }));
    expect(store.getState().config).toMatchObject({ noise: 0.4, test: 0.5, reg: 0.0001 });
  });

  it('stops its workers when the view closes', () => {
    const { spawned } = setup({}, 2);
    cleanup();
    expect(spawned.every((w) => w.terminated)).toBe(true);
  });
});

describe('the gallery’s pure parts', () => {
  it('sets every hidden layer to the tile’s size and keeps the rest', () => {
    const base = { ...createAppStore().getState().config, hidden: [8, 5], act: 'relu' } as Config;
    expect(tileConfig(base, 20)).toEqual({ ...base, hidden: [20, 20] });
  });

  it('reads size lists and rejects what is not one', () => {
    expect(parseSizes(' 1,2 ,3  20;50 ').sizes).toEqual([1, 2, 3, 20, 50]);
    expect(parseSizes('3,3,4').sizes).toEqual([3, 4]);
    expect(parseSizes('').error).toBeTruthy();
    expect(parseSizes('0').error).toContain('outside');
    expect(parseSizes('513').error).toContain('outside');
    expect(parseSizes('2.5').error).toContain('not a whole number');
    expect(parseSizes(Array.from({ length: 13 }, (_, i) => i + 1).join(',')).error).toContain('At most 12');
  });

  it('coarsens a tile’s grid by averaging whole blocks, keeping cell centres where they were', () => {
    // 5 x 2 cells over [0, 5] x [0, 2], two classes; blocks of 2 x 2 keep 2 x 1 cells.
    const p1 = [0, 0.2, 0.4, 0.6, 1, 0.2, 0.2, 0.8, 0.8, 0];
    const grid = {
      width: 5,
      height: 2,
      classes: 2,
      box: { x0: 0, x1: 5, y0: 0, y1: 2 },
      probs: new Float32Array([...p1.map((p) => 1 - p), ...p1]),
    };
    const c = coarsen(grid, 2);
    expect([c.width, c.height]).toEqual([2, 1]);
    expect(c.box).toEqual({ x0: 0, x1: 4, y0: 0, y1: 2 });
    expect(Array.from(c.probs.subarray(2)).map((v) => Math.round(v * 1000) / 1000)).toEqual([0.15, 0.65]);
    expect(Array.from(c.probs.subarray(0, 2)).map((v) => Math.round(v * 1000) / 1000)).toEqual([0.85, 0.35]);
    expect(coarsen(grid, 1)).toBe(grid);
  });

  it('leaves a core for the main training worker', () => {
    expect(poolSize(8, 7)).toBe(7);
    expect(poolSize(4, 7)).toBe(3);
    expect(poolSize(2, 7)).toBe(1);
    expect(poolSize(1, 7)).toBe(1);
    expect(poolSize(undefined, 7)).toBe(1);
    expect(poolSize(16, 3)).toBe(3);
  });
});
