/**
 * The gallery's tiles against the core: the pool drives the real training loop (in-process workers),
 * and every tile's accuracies and boundary grid must equal those of createRun + GridEvaluator for the
 * same configuration trained for the same number of passes.
 */
import { describe, expect, it } from 'vitest';
import { GalleryPool } from '../../src/client/galleryPool';
import { TUTORIAL_SIZES } from '../../src/config/gallery';
import { type Config, copyConfig, DEFAULT_CONFIG } from '../../src/config/schema';
import { dataBox } from '../../src/core/box';
import { GridEvaluator } from '../../src/core/grid';
import { fitBox } from '../../src/core/gridPlan';
import { createRun } from '../../src/core/run';
import { type GalleryState, isEnded } from '../../src/state/gallery';
import { createAppStore } from '../../src/state/store';
import { LoopWorker } from './experimentsWorkers';

function trainGallery(base: Config, workers: number) {
  const spawned: LoopWorker[] = [];
  const store = createAppStore({ config: base });
  const pool = new GalleryPool(store, {
    workers,
    createWorker: () => {
      const w = new LoopWorker();
      spawned.push(w);
      return w as unknown as Worker;
    },
    afterFrame: (fn) => fn(),
    after: (fn) => fn(),
  });
  pool.start(TUTORIAL_SIZES);
  for (let round = 0; round < 100000; round++) {
    const busy = spawned.map((w) => w.pump()).some(Boolean);
    if (!busy) break;
  }
  return { state: store.getState().gallery, points: store.getState().points, spawned };
}

/** The core's answer: the same configuration trained `passes` passes, sampled over the same grid. */
function reference(config: Config, passes: number, width: number, height: number) {
  const run = createRun(config);
  for (let i = 0; i < passes; i++) run.trainer.step();
  const box = fitBox(dataBox(run.data.X, run.data.n, 0.5), 1);
  const probs = new Float32Array(width * height * run.data.classes);
  new GridEvaluator(run.trainer.params.sizes, width, height).evaluate(run.trainer.params, box, probs);
  return {
    box,
    probs,
    trainAcc: run.trainer.accuracy(run.train),
    testAcc: run.test ? run.trainer.accuracy(run.test) : null,
  };
}

function expectTilesMatchCore(base: Config, state: GalleryState): void {
  expect(state.tiles.map((t) => t.units)).toEqual([...TUTORIAL_SIZES]);
  expect(state.done).toBe(TUTORIAL_SIZES.length);
  for (const tile of state.tiles) {
    expect(isEnded(tile.state)).toBe(true);
    expect(tile.state).not.toBe('error');
    expect(tile.config).toEqual({ ...base, hidden: base.hidden.map(() => tile.units) });
    const grid = tile.grid!;
    const ref = reference(tile.config, tile.pass, grid.width, grid.height);
    expect(grid.box).toEqual(ref.box);
    expect(tile.trainAcc).toBe(ref.trainAcc);
    expect(tile.testAcc).toBe(ref.testAcc);
    // Bit for bit: the same engine, the same arithmetic, only in another place.
    expect(Array.from(grid.probs)).toEqual(Array.from(ref.probs));
  }
}

describe('the hidden-size gallery against the core', () => {
  it('gives the tutorial configuration’s seven tiles the core’s accuracies and boundaries', () => {
    const base: Config = { ...copyConfig(DEFAULT_CONFIG), test: 0.3, passes: 2000 };
    const { state, points, spawned } = trainGallery(base, 3);
    expect(spawned.length).toBe(3);
    expectTilesMatchCore(base, state);
    // Every tile trained to the end of its run (the tutorial's settings do not converge this early).
    expect(state.tiles.every((t) => t.pass === 2000 && t.state === 'finished')).toBe(true);
    // Hidden size 3 separates the moons; 1 cannot.
    const acc = (u: number) => state.tiles.find((t) => t.units === u)!.trainAcc!;
    expect(acc(3)).toBeGreaterThan(0.95);
    expect(acc(1)).toBeLessThan(0.9);
    expect(points.y.length).toBe(200);
    expect(points.nTrain).toBe(140);
  });

  it('keeps every other setting: two layers, ReLU, three classes, minibatches', () => {
    const base: Config = {
      ...copyConfig(DEFAULT_CONFIG),
      data: 'blobs',
      classes: 3,
      noise: 0.5,
      hidden: [4, 4],
      act: 'relu',
      batch: 25,
      test: 0.2,
      passes: 150,
    };
    const { state } = trainGallery(base, 1);
    expectTilesMatchCore(base, state);
    expect(state.tiles[0]!.config.hidden).toEqual([1, 1]);
    expect(state.tiles[0]!.grid!.classes).toBe(3);
  });
});
