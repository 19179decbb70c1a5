/**
 * The page makes the run's points itself (state/points.ts) instead of receiving them from the worker;
 * they must be the very rows the worker trains on, split the same way.
 */
import { describe, expect, it } from 'vitest';
import { type Config, copyConfig, DEFAULT_CONFIG } from '../../src/config/schema';
import type { Data } from '../../src/core/datasets';
import { createRun } from '../../src/core/run';
import { runPoints } from '../../src/state/points';

const base = copyConfig(DEFAULT_CONFIG);
const CASES: Config[] = [
  base,
  { ...base, test: 0.3, noise: 0.35, seed: 7 },
  { ...base, data: 'blobs', classes: 3, n: 301, test: 0.25 },
  { ...base, data: 'spiral', classes: 5, n: 2000, test: 0.5, seed: 4294967295 },
  { ...base, data: 'circles', n: 11, test: 0.05 },
  { ...base, data: 'xor', classes: 4 },
];

function expectSameRows(config: Config, custom: Data | null) {
  const { points } = runPoints(config, custom, 0);
  const run = createRun(config, custom ?? undefined);
  expect(Array.from(points.X)).toEqual(Array.from(run.data.X.subarray(0, 2 * run.data.n)));
  expect(Array.from(points.y)).toEqual(Array.from(run.data.y.subarray(0, run.data.n)));
  expect(points.nTrain).toBe(run.train.n);
  expect(points.classes).toBe(run.data.classes);
}

describe('the points the page makes', () => {
  it.each(CASES.map((c) => [`${c.data} n=${c.n} test=${c.test}`, c] as const))(
    'are the rows the worker trains on: %s',
    (_, config) => expectSameRows(config, null),
  );

  it('are the edited rows when there are some, split as the worker splits them', () => {
    const n = 10;
    const data: Data = {
      X: Float64Array.from({ length: 2 * n }, (_, i) => Math.cos(i)),
      y: Uint8Array.from({ length: n }, (_, i) => i % 3),
      n,
      classes: 3,
    };
    expectSameRows({ ...base, test: 0.2 }, data);
  });

  it('change key with the data settings and the data version, not with the network', () => {
    const a = runPoints(base, null, 0).pointsKey;
    expect(runPoints({ ...base, hidden: [9], lr: 0.5 }, null, 0).pointsKey).toBe(a);
    expect(runPoints({ ...base, noise: 0.3 }, null, 0).pointsKey).not.toBe(a);
    expect(runPoints({ ...base, test: 0.1 }, null, 0).pointsKey).not.toBe(a);
    expect(runPoints(base, null, 1).pointsKey).not.toBe(a);
  });
});
