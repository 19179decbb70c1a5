/**
 * The points the page shows and the baseline fits: made here, from the configuration or the person's
 * edited data, exactly as the training worker makes them (the same seeded generator), so they never
 * travel back from the worker. A few hundred microseconds for the largest dataset.
 */
import { classCount, trainCount } from '../config/derived';
import type { Config } from '../config/schema';
import { type Box, dataBox } from '../core/box';
import { type Data, makeDataset } from '../core/datasets';
import type { PointsFrame } from '../protocol/training';

/** The settings that determine the points (data and split), as one comparable string. */
export function dataKey(c: Config): string {
  return [c.data, c.n, c.noise, c.seed, classCount(c), c.test].join('|');
}

/** The points as drawn: the run's rows, the last `testCount(test, n)` of them held out. */
export function pointsOf(d: Data, test: number): PointsFrame {
  const p: PointsFrame = {
    X: d.X.slice(0, 2 * d.n),
    y: d.y.slice(0, d.n),
    nTrain: trainCount(test, d.n),
    classes: d.classes,
  };
  if (d.t) p.t = d.t.slice(0, d.n);
  return p;
}

/** The run's points and their key: edited data when there is some, else the generated dataset. */
export function runPoints(
  config: Config,
  custom: Data | null,
  dataVersion: number,
): { points: PointsFrame; pointsKey: string } {
  const data = custom ?? makeDataset({ ...config, classes: classCount(config) });
  return { points: pointsOf(data, config.test), pointsKey: `${dataKey(config)}|${dataVersion}` };
}

/** The tutorial's box for these points: their bounding box padded by 0.5. */
export function fitted(points: PointsFrame): Box {
  return dataBox(points.X, points.y.length, 0.5);
}
