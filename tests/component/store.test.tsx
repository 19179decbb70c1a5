// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { DATASET_PRESETS } from '../../src/config/datasetPresets';
import { DEFAULT_CONFIG, HIDDEN } from '../../src/config/schema';
import { TIMELAPSE } from '../../src/protocol/training';
import { createAppStore } from '../../src/state/store';
import { initFromQuery } from '../../src/state/urlSync';
import { makeSnapshot } from './helpers';

describe('the store', () => {
  it('starts with the tutorial configuration, playing as a time-lapse', () => {
    const s = createAppStore().getState();
    expect(s.config).toEqual(DEFAULT_CONFIG);
    expect(s.playing).toBe(true);
    expect(s.speed).toBe(TIMELAPSE);
  });

  it('starts a new generation for a changed configuration, not for an equal one', () => {
    const store = createAppStore();
    store.getState().setNumber('lr', 0.02);
    expect(store.getState().gen).toBe(1);
    store.getState().setNumber('lr', 0.02);
    store.getState().setEnum('data', 'moons');
    expect(store.getState().gen).toBe(1);
    store.getState().setHidden(0, 5);
    expect(store.getState()).toMatchObject({ gen: 2, config: { hidden: [5], lr: 0.02 } });
  });

  it('refuses values outside the schema instead of passing them on', () => {
    const store = createAppStore();
    store.getState().setNumber('lr', Number.NaN);
    store.getState().setNumber('n', 1e9);
    store.getState().setHidden(0, 0);
    expect(store.getState().config).toEqual(DEFAULT_CONFIG);
    expect(store.getState().gen).toBe(0);
  });

  it('adds hidden layers up to the limit and removes them down to none (hidden=0)', () => {
    const store = createAppStore();
    for (let i = 0; i < 10; i++) store.getState().addLayer();
    expect(store.getState().config.hidden).toHaveLength(HIDDEN.maxLayers);
    for (let i = 0; i < 10; i++) store.getState().removeLayer();
    expect(store.getState().config.hidden).toEqual([]);
    store.getState().addLayer();
    expect(store.getState().config.hidden).toEqual([3]);
  });

  it('reset starts a new generation of the same configuration; step pauses', () => {
    const store = createAppStore();
    store.getState().reset();
    expect(store.getState().gen).toBe(1);
    void store.getState().step();
    expect(store.getState()).toMatchObject({ playing: false, gen: 1 });
  });

  it('new seed always changes the seed', () => {
    const store = createAppStore();
    for (let i = 0; i < 20; i++) {
      const before = store.getState().config.seed;
      store.getState().newSeed();
      expect(store.getState().config.seed).not.toBe(before);
    }
  });

  it('drops snapshots of other generations', () => {
    const store = createAppStore();
    store.getState().setNumber('noise', 0.3);
    expect(store.getState().applySnapshot(makeSnapshot(0, 0))).toBe(false);
    expect(store.getState().frame).toBeNull();
    expect(store.getState().applySnapshot(makeSnapshot(1, 0))).toBe(true);
    expect(store.getState().frame?.gen).toBe(1);
  });

  it('appends losses within a generation and starts afresh with the next', () => {
    const store = createAppStore();
    store.getState().applySnapshot(makeSnapshot(0, 0));
    store.getState().applySnapshot(makeSnapshot(0, 1));
    expect(store.getState().losses.train.length).toBe(20);
    expect(store.getState().points.y.length).toBe(200);
    store.getState().reset();
    store.getState().applySnapshot(makeSnapshot(1, 0, { trainLosses: new Float64Array([1, 2, 3]) }));
    expect(store.getState().losses.train.length).toBe(3);
    expect(store.getState().losses.gen).toBe(1);
  });

  it('keeps notices until dismissed', () => {
    const store = createAppStore({ notices: [{ kind: 'warning', title: 'A', lines: ['x'] }] });
    store.getState().notify('error', 'B');
    const [a, b] = store.getState().notices;
    store.getState().dismiss(a!.id);
    expect(store.getState().notices).toEqual([b]);
  });
});

describe('picking a dataset', () => {
  it('sets the noise that makes it recognisable, unless the person or the link set the noise', () => {
    const fresh = createAppStore();
    fresh.getState().setEnum('data', 'spiral');
    expect(fresh.getState().config).toMatchObject({ data: 'spiral', noise: DATASET_PRESETS.spiral.noise });
    fresh.getState().setEnum('data', 'moons');
    expect(fresh.getState().config.noise).toBe(DEFAULT_CONFIG.noise);

    const person = createAppStore();
    person.getState().setNumber('noise', 0.33);
    person.getState().setEnum('data', 'spiral');
    expect(person.getState().config.noise).toBe(0.33);

    const linked = createAppStore(initFromQuery('?noise=0.4'));
    linked.getState().setEnum('data', 'spiral');
    expect(linked.getState().config.noise).toBe(0.4);
  });
});
