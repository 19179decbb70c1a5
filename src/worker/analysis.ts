/**
 * The logistic-regression baseline as the analysis worker computes it: fitted on the run's training
 * rows (all rows without a test split, as in the tutorial), scored on both sets, and sampled on a grid
 * over the same box as the network's plot. Free of worker globals, so tests run it in Node.
 */
import { type BaselineResult, type Logistic, logisticProbs, logisticRegressionCV } from '../core/baseline';
import { type Box, dataBox } from '../core/box';
import type { Data } from '../core/datasets';
import { fitBox, gridSize } from '../core/gridPlan';
import type { BaselineFrame, BaselineRequest } from '../protocol/analysis';

interface Fit {
  key: string;
  all: Data;
  result: BaselineResult;
  testAcc: number | null;
}

function rows(req: BaselineRequest, from: number, to: number): Data {
  const { X, y, classes } = req.points;
  return { X: X.subarray(2 * from, 2 * to), y: y.subarray(from, to), n: to - from, classes };
}

function accuracy(m: Logistic, d: Data): number {
  const p = new Float64Array(m.classes);
  let hits = 0;
  for (let i = 0; i < d.n; i++) {
    logisticProbs(m, d.X, i, p);
    let best = 0;
    for (let k = 1; k < m.classes; k++) if (p[k]! > p[best]!) best = k;
    if (best === d.y[i]) hits++;
  }
  return hits / d.n;
}

/** Class probabilities over `box`, laid out as core/grid.ts lays out the network's. */
export function logisticGrid(m: Logistic, box: Box, width: number, height: number): Float32Array {
  const C = m.classes;
  const plane = width * height;
  const out = new Float32Array(plane * C);
  const xy = new Float64Array(2);
  const p = new Float64Array(C);
  for (let j = 0; j < height; j++) {
    xy[1] = box.y1 - ((j + 0.5) * (box.y1 - box.y0)) / height;
    for (let i = 0; i < width; i++) {
      xy[0] = box.x0 + ((i + 0.5) * (box.x1 - box.x0)) / width;
      logisticProbs(m, xy, 0, p);
      for (let c = 0; c < C; c++) out[c * plane + j * width + i] = p[c]!;
    }
  }
  return out;
}

/** Computes baselines, refitting only when the points changed (the plot's shape alone needs no refit). */
export class BaselineAnalysis {
  private last: Fit | null = null;

  private fit(req: BaselineRequest): Fit {
    if (this.last?.key === req.key) return this.last;
    const n = req.points.y.length;
    const { nTrain } = req.points;
    const result = logisticRegressionCV(rows(req, 0, nTrain));
    const testAcc = nTrain < n ? accuracy(result.model, rows(req, nTrain, n)) : null;
    this.last = { key: req.key, all: rows(req, 0, n), result, testAcc };
    return this.last;
  }

  frame(req: BaselineRequest): BaselineFrame {
    const { all, result, testAcc } = this.fit(req);
    const box = fitBox(req.box ?? dataBox(all.X, all.n, 0.5), req.aspect);
    const { width, height } = gridSize([2, all.classes], req.aspect);
    return {
      type: 'baseline',
      gen: req.gen,
      key: req.key,
      C: result.C,
      cvScore: result.cvScores[result.Cs.indexOf(result.C)] ?? Number.NaN,
      trainAcc: result.accuracy,
      testAcc,
      grid: {
        width,
        height,
        classes: all.classes,
        box,
        probs: logisticGrid(result.model, box, width, height),
      },
    };
  }
}
