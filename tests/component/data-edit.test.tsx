// @vitest-environment jsdom
import './helpers';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startWorkerClient } from '../../src/client/training';
import { splitData } from '../../src/core/datasets';
import { datasetOf } from '../../src/core/run';
import { parseCSV } from '../../src/io/csv';
import * as dataLink from '../../src/io/dataLink';
import type { ToWorker } from '../../src/protocol/training';
import { MAX_POINTS, nearestPoint, withoutPoint, withPoint } from '../../src/state/dataEdit';
import { loadStoredData, STORAGE_KEY, startDataPersistence, storeData } from '../../src/state/persist';
import { StoreProvider } from '../../src/state/react';
import { type AppStore, createAppStore } from '../../src/state/store';
import { initFromQuery, PTS_KEY, readPoints, startUrlSync, URL_DELAY_MS } from '../../src/state/urlSync';
import { DataEditor } from '../../src/ui/data/DataEditor';
import { makeSnapshot } from './helpers';

function small(n = 4) {
  const X = Float64Array.from({ length: 2 * n }, (_, i) => i / 10);
  const y = Uint8Array.from({ length: n }, (_, i) => i % 2);
  return { X, y, n, classes: 2 };
}

/** A store showing the generated dataset of its configuration, with the worker's first snapshot. */
function storeWithPoints(n = 200): AppStore {
  const store = createAppStore();
  if (n !== 200) store.getState().setNumber('n', n);
  store.getState().applySnapshot(makeSnapshot(store.getState().gen, 0));
  return store;
}

afterEach(cleanup);

describe('editing points (pure)', () => {
  it('adds a point as the first row, so it trains and the held-out rows stay held out', () => {
    const d = datasetOf(createAppStore().getState().config);
    const before = splitData(d, 0.2).test!;
    const next = withPoint(d, 9, 8, 1)!;
    expect(next.n).toBe(201);
    expect([next.X[0], next.X[1], next.y[0]]).toEqual([9, 8, 1]);
    const after = splitData(next, 0.2);
    expect(after.train.X[0]).toBe(9);
    expect(Array.from(after.test!.y)).toEqual(Array.from(before.y));
  });

  it('starts a new class, at most one more than there are, up to five', () => {
    expect(withPoint(small(), 0, 0, 2)?.classes).toBe(3);
    expect(withPoint(small(), 0, 0, 5)).toBeNull();
    expect(withPoint(small(), Number.NaN, 0, 0)).toBeNull();
    const full = {
      X: new Float64Array(2 * MAX_POINTS),
      y: new Uint8Array(MAX_POINTS),
      n: MAX_POINTS,
      classes: 2,
    };
    expect(withPoint(full, 0, 0, 0)).toBeNull();
  });

  it('removes a row, keeps at least two, and drops a class left empty', () => {
    const d = withPoint(small(), 5, 5, 2)!;
    const back = withoutPoint(d, 0)!;
    expect(back.classes).toBe(2);
    expect(Array.from(back.X)).toEqual(Array.from(small().X));
    expect(withoutPoint(small(2), 0)).toBeNull();
    expect(withoutPoint(small(), 4)).toBeNull();
  });

  it('finds the nearest point within a radius', () => {
    const X = new Float64Array([0, 0, 1, 1, 1.05, 1]);
    expect(nearestPoint(X, 3, 1.04, 1, 0.1)).toBe(2);
    expect(nearestPoint(X, 3, 0.5, 0.5, 0.1)).toBe(-1);
  });
});

describe('editing points in the store', () => {
  it('a click adds a point of the chosen class and starts a new generation with it shown at once', () => {
    const store = storeWithPoints();
    store.getState().setBrush(1);
    store.getState().addPoint(0.25, -0.5);
    const s = store.getState();
    expect(s.gen).toBe(1);
    expect(s.custom?.n).toBe(201);
    expect(s.points?.y.length).toBe(201);
    expect([s.points!.X[0], s.points!.X[1], s.points!.y[0]]).toEqual([0.25, -0.5, 1]);
    // The worker's first snapshot of the new generation keeps the points object.
    const shown = s.points;
    store.getState().applySnapshot(makeSnapshot(1, 0));
    expect(store.getState().points).toBe(shown);
  });

  it('removes a point, and "Reset data" returns to the generated dataset', () => {
    const store = storeWithPoints();
    store.getState().removePoint(3);
    expect(store.getState().custom?.n).toBe(199);
    store.getState().setData(null);
    expect(store.getState().custom).toBeNull();
    expect(store.getState().gen).toBe(2);
    store.getState().setData(null);
    expect(store.getState().gen).toBe(2);
  });

  it('a brush beyond the classes adds only one new class', () => {
    const store = storeWithPoints();
    store.getState().setBrush(4);
    store.getState().addPoint(0, 0);
    expect(store.getState().custom?.classes).toBe(3);
    expect(store.getState().custom?.y[0]).toBe(2);
  });

  it('keeps edited points when only the network or the test split changes, drops them for other data', () => {
    const store = storeWithPoints();
    store.getState().addPoint(0, 0);
    store.getState().setHidden(0, 5);
    store.getState().setNumber('test', 0.2);
    expect(store.getState().custom?.n).toBe(201);
    store.getState().setNumber('noise', 0.3);
    expect(store.getState().custom).toBeNull();
    expect(store.getState().notices.map((n) => n.title)).toContain('Your edited points were replaced');
  });

  it('sends the edited points to the worker with the configuration of the new generation', () => {
    const store = storeWithPoints();
    const sent: ToWorker[] = [];
    const fake = { postMessage: (m: ToWorker) => sent.push(m), terminate() {}, onmessage: null };
    startWorkerClient(store, { createWorker: () => fake as unknown as Worker, afterFrame: () => {} });
    expect(sent[0]).toMatchObject({ type: 'config', data: null });
    store.getState().addPoint(1, 1);
    const last = sent[sent.length - 1] as Extract<ToWorker, { type: 'config' }>;
    expect(last.type).toBe('config');
    expect(last.data?.n).toBe(201);
    expect(last.gen).toBe(store.getState().gen);
  });
});

describe('edited points in the link and in this browser', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/play/');
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('writes small edited data into the link as `pts` and reads it back', async () => {
    const store = storeWithPoints(100);
    const sync = startUrlSync(store, window, URL_DELAY_MS, dataLink);
    store.getState().addPoint(0.5, 0.25);
    vi.advanceTimersByTime(URL_DELAY_MS + 1);
    await sync.flush();
    const params = new URLSearchParams(window.location.search);
    expect(params.get(PTS_KEY)).toBeTruthy();
    expect(store.getState().dataLinked).toBe(true);
    const search = window.location.search;
    const init = initFromQuery(search, { points: await readPoints(search, dataLink) });
    expect(init.data?.n).toBe(101);
    expect(Array.from(init.data!.X)).toEqual(Array.from(store.getState().custom!.X));
    store.getState().setData(null);
    vi.advanceTimersByTime(URL_DELAY_MS + 1);
    expect(window.location.search).not.toContain(`${PTS_KEY}=`);
    sync.stop();
  });

  it('carries the tutorial-sized data (200 points and one more) in the link', async () => {
    const store = storeWithPoints();
    const sync = startUrlSync(store, window, URL_DELAY_MS, dataLink);
    store.getState().addPoint(0.5, 0.25);
    vi.advanceTimersByTime(URL_DELAY_MS + 1);
    await sync.flush();
    expect(window.location.search).toContain(`${PTS_KEY}=`);
    expect(store.getState().dataLinked).toBe(true);
    sync.stop();
  });

  it('flush puts points edited a moment ago into the link (before copying it)', async () => {
    const store = storeWithPoints(100);
    const sync = startUrlSync(store, window, URL_DELAY_MS, dataLink);
    store.getState().addPoint(0.5, 0.25);
    await sync.flush();
    const search = window.location.search;
    expect((await readPoints(search, dataLink))?.data?.n).toBe(101);
    sync.stop();
  });

  it('leaves data too long for a link out of it (600 points and one more), and says so', async () => {
    const store = storeWithPoints(600);
    const sync = startUrlSync(store, window, URL_DELAY_MS, dataLink);
    store.getState().addPoint(0.5, 0.25);
    vi.advanceTimersByTime(URL_DELAY_MS + 1);
    await sync.flush();
    expect(window.location.search).not.toContain(`${PTS_KEY}=`);
    expect(store.getState().dataLinked).toBe(false);
    sync.stop();
  });

  it('loads the codec only when there are edited points', async () => {
    vi.useRealTimers();
    const store = createAppStore();
    const load = vi.fn(async () => dataLink);
    const sync = startUrlSync(store, window, 0, load);
    expect(load).not.toHaveBeenCalled();
    store.getState().setData(small());
    await waitFor(() => expect(window.location.search).toContain(`${PTS_KEY}=`));
    expect(load).toHaveBeenCalledTimes(1);
    sync.stop();
  });

  it('a bad `pts` becomes a notice and the generated dataset', async () => {
    const search = '?hidden=4&pts=%%%';
    const init = initFromQuery(search, { points: await readPoints(search, dataLink) });
    expect(init.data).toBeUndefined();
    expect(init.notices?.[0]?.lines.join(' ')).toContain('could not be read');
    expect(init.config?.hidden).toEqual([4]);
  });

  it('keeps the edited points in localStorage, and the link wins over them', async () => {
    const store = createAppStore();
    const stop = startDataPersistence(store, localStorage);
    store.getState().setData(small(5));
    expect(loadStoredData(localStorage)?.n).toBe(5);
    expect(initFromQuery('', { stored: loadStoredData(localStorage) }).data?.n).toBe(5);
    const search = `?${PTS_KEY}=${await dataLink.encodeData(small(3))}`;
    const linked = initFromQuery(search, {
      points: await readPoints(search, dataLink),
      stored: loadStoredData(localStorage),
    });
    expect(linked.data?.n).toBe(3);
    store.getState().setData(null);
    expect(localStorage.getItem(STORAGE_KEY)).toBeNull();
    localStorage.setItem(STORAGE_KEY, 'x,y,label\n1,2,9\n');
    expect(loadStoredData(localStorage)).toBeNull();
    storeData(null, small());
    stop();
  });
});

describe('the "Your data" panel', () => {
  function renderEditor(store: AppStore) {
    render(
      <StoreProvider store={store}>
        <DataEditor />
      </StoreProvider>,
    );
  }

  it('has labelled buttons and says where the points come from', () => {
    const store = storeWithPoints();
    renderEditor(store);
    expect((screen.getByRole('button', { name: 'Reset data' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByLabelText('Import CSV')).toBeTruthy();
    expect(screen.getByTestId('data-where').textContent).toBe('Generated moons data: 200 points.');
    // Editing is switched on under the plot, not here.
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it('exports the points as CSV and imports a CSV as edited data', async () => {
    const store = storeWithPoints();
    renderEditor(store);
    const blobs: Blob[] = [];
    const names: string[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:x';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(names).toEqual(['nn-playground-data.csv']);
    const text = await blobs[0]!.text();
    const parsed = parseCSV(text).data!;
    expect(parsed.n).toBe(200);
    expect(Array.from(parsed.X)).toEqual(Array.from(store.getState().points!.X));
    click.mockRestore();

    const file = new File(['x,y,label\n0,0,0\n1,1,1\n2,2,2\n'], 'three.csv', { type: 'text/csv' });
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Import CSV'), { target: { files: [file] } });
    });
    await waitFor(() => expect(store.getState().custom?.n).toBe(3));
    expect(store.getState().custom?.classes).toBe(3);
    expect(screen.getByRole('status').textContent).toContain('Imported 3 points from three.csv.');
    expect(screen.getByTestId('data-where').textContent).toContain('Your edited data: 3 points');
  });

  it('says what a bad CSV was and keeps the data', async () => {
    const store = storeWithPoints();
    renderEditor(store);
    const file = new File(['a,b\n'], 'bad.csv');
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Import CSV'), { target: { files: [file] } });
    });
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('nothing was imported'));
    expect(store.getState().custom).toBeNull();
  });
});
