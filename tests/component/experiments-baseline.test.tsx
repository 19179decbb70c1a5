// @vitest-environment jsdom
import './helpers';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BaselineClient } from '../../src/client/baseline';
import { copyConfig, DEFAULT_CONFIG } from '../../src/config/schema';
import { logisticProbs, logisticRegressionCV } from '../../src/core/baseline';
import type { Box } from '../../src/core/box';
import { splitData } from '../../src/core/datasets';
import { fitBox } from '../../src/core/gridPlan';
import { datasetOf } from '../../src/core/run';
import type { BaselineFrame, BaselineRequest } from '../../src/protocol/analysis';
import type { PointsFrame } from '../../src/protocol/training';
import { StoreProvider } from '../../src/state/react';
import { createAppStore } from '../../src/state/store';
import BaselineView from '../../src/ui/experiments/BaselineView';
import { BaselineAnalysis } from '../../src/worker/analysis';
import { ScriptedWorker } from './experimentsWorkers';
import { makeSnapshot } from './helpers';

function tutorialPoints(test = 0): PointsFrame {
  const data = datasetOf({ ...copyConfig(DEFAULT_CONFIG), test });
  const nTrain = splitData(data, test).train.n;
  return { X: data.X, y: data.y, nTrain, classes: 2 };
}

function request(points: PointsFrame, key = 'k', aspect = 1, box: Box | null = null): BaselineRequest {
  return { type: 'baseline', gen: 1, key, points, aspect, box };
}

function setup() {
  const store = createAppStore();
  const workers: ScriptedWorker[] = [];
  const client = new BaselineClient(store, {
    createWorker: () => {
      const w = new ScriptedWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
  });
  store.getState().connect({ baseline: client });
  render(
    <StoreProvider store={store}>
      <BaselineView />
    </StoreProvider>,
  );
  return { store, workers, client };
}

function answer(w: ScriptedWorker, patch: Partial<BaselineFrame> = {}): void {
  const req = w.last<BaselineRequest>();
  const frame: BaselineFrame = {
    type: 'baseline',
    gen: req.gen,
    key: req.key,
    C: 2.782559402207126,
    cvScore: 0.845,
    trainAcc: 0.85,
    testAcc: null,
    grid: makeSnapshot(0, 0).grid,
    ...patch,
  };
  act(() => w.receive(frame));
}

afterEach(cleanup);

describe('the logistic-regression baseline, as the analysis worker computes it', () => {
  it('is the tutorial’s LogisticRegressionCV: C = 2.78 and 85% on the moons', () => {
    const f = new BaselineAnalysis().frame(request(tutorialPoints()));
    expect(f.C).toBeCloseTo(2.782559402207126, 12);
    expect(f.trainAcc).toBe(0.85);
    expect(f.cvScore).toBeCloseTo(0.845, 12);
    expect(f.testAcc).toBeNull();
  });

  it('fits the training rows only and scores the held-out rows', () => {
    const points = tutorialPoints(0.3);
    const f = new BaselineAnalysis().frame(request(points));
    const data = datasetOf({ ...copyConfig(DEFAULT_CONFIG), test: 0.3 });
    const { train, test } = splitData(data, 0.3);
    const fit = logisticRegressionCV(train);
    expect(f.C).toBe(fit.C);
    expect(f.trainAcc).toBe(fit.accuracy);
    const p = new Float64Array(2);
    let hits = 0;
    for (let i = 0; i < test!.n; i++) {
      logisticProbs(fit.model, test!.X, i, p);
      if ((p[1]! > p[0]! ? 1 : 0) === test!.y[i]) hits++;
    }
    expect(f.testAcc).toBe(hits / test!.n);
  });

  it('samples its probabilities at the grid’s cell centres over the data box padded by 0.5', () => {
    const points = tutorialPoints();
    const f = new BaselineAnalysis().frame(request(points, 'k', 1.5));
    const { width: W, height: H, box, probs } = f.grid;
    expect((box.x1 - box.x0) / (box.y1 - box.y0)).toBeCloseTo(1.5, 12);
    const fit = logisticRegressionCV({ X: points.X, y: points.y, n: 200, classes: 2 });
    const p = new Float64Array(2);
    for (const [i, j] of [
      [0, 0],
      [W - 1, H - 1],
      [17, 40],
    ] as const) {
      const xy = new Float64Array([
        box.x0 + ((i + 0.5) * (box.x1 - box.x0)) / W,
        box.y1 - ((j + 0.5) * (box.y1 - box.y0)) / H,
      ]);
      logisticProbs(fit.model, xy, 0, p);
      expect(probs[W * H + j * W + i]).toBe(Math.fround(p[1]!));
    }
  });

  it('draws over the network plot’s box when given one (edited points keep it), in the plot’s shape', () => {
    const box = { x0: -3, x1: 3, y0: -2, y1: 2 };
    const f = new BaselineAnalysis().frame(request(tutorialPoints(), 'k', 1.5, box));
    expect(f.grid.box).toEqual(fitBox(box, 1.5));
  });

  it('refits only for new points: another plot shape reuses the fit', () => {
    const a = new BaselineAnalysis();
    const points = tutorialPoints();
    const first = a.frame(request(points, 'same', 1));
    // Different points under the same key would change the fit if it were redone.
    const flipped = { ...points, y: points.y.map((v) => 1 - v) };
    const second = a.frame(request(flipped, 'same', 2));
    expect(second.trainAcc).toBe(first.trainAcc);
    expect(second.grid.width).not.toBe(first.grid.width);
    expect(a.frame(request(flipped, 'other', 2)).trainAcc).toBe(first.trainAcc);
  });
});

describe('the baseline view', () => {
  it('asks for the baseline on the run’s points and shows its accuracy beside the network’s', async () => {
    const { store, workers } = setup();
    // The page has the points from the start: the fit does not wait for the training worker.
    expect(workers).toHaveLength(1);
    expect(screen.getByTestId('baseline-accuracy').textContent).toBe('fitting…');
    act(() => {
      store.getState().applySnapshot(makeSnapshot(0, 0, { trainAcc: 0.975 }));
    });
    const w = workers[0]!;
    expect(w.sent).toHaveLength(1);
    const req = w.last<BaselineRequest>();
    expect(Array.from(req.points.y)).toEqual(Array.from(tutorialPoints().y));
    expect(req.key).toBe(store.getState().pointsKey);
    answer(w);
    expect(screen.getByTestId('baseline-accuracy').textContent).toBe('train 85.0%');
    expect(screen.getByText(/C = 2\.78, chosen by 5-fold cross-validation \(84\.5%\)/)).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('network-accuracy').textContent).toBe('train 97.5%'));
    expect(screen.getByRole('heading', { name: 'Network: hidden 3, tanh' })).toBeTruthy();
  });

  it('drops an answer to an older request', () => {
    const { store, workers } = setup();
    act(() => {
      store.getState().applySnapshot(makeSnapshot(0, 0));
    });
    const w = workers[0]!;
    const stale = w.last<BaselineRequest>();
    act(() => store.getState().setAspect(2));
    expect(w.sent).toHaveLength(2);
    act(() => w.receive({ ...w.last<BaselineRequest>(), type: 'baseline', gen: stale.gen }));
    expect(screen.getByTestId('baseline-accuracy').textContent).toBe('fitting…');
    answer(w, { trainAcc: 0.9, testAcc: 0.8 });
    expect(screen.getByTestId('baseline-accuracy').textContent).toBe('train 90.0%test 80.0%');
  });

  it('reports a failed fit', () => {
    const { store, workers } = setup();
    act(() => {
      store.getState().applySnapshot(makeSnapshot(0, 0));
    });
    const w = workers[0]!;
    act(() => w.receive({ type: 'error', gen: w.last<BaselineRequest>().gen, message: 'singular' }));
    expect(screen.getByText('The fit failed: singular')).toBeTruthy();
  });

  it('names both plots for screen readers', () => {
    setup();
    expect(screen.getByRole('img', { name: /Logistic regression's decision boundary/ })).toBeTruthy();
    expect(screen.getByRole('img', { name: /The network's decision boundary/ })).toBeTruthy();
  });
});
