import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classCount,
  layerSizes,
  networkSizes,
  paramCount,
  takesClassCount,
  testCount,
  trainCount,
} from '../../src/config/derived';
import { type Config, DATASETS, DEFAULT_CONFIG, NUMBER_FIELDS } from '../../src/config/schema';
import { makeDataset, splitData } from '../../src/core/datasets';
import { initParams } from '../../src/core/network';
import { RandomState } from '../../src/core/rng';
import { pointsOf } from '../../src/state/points';

const CLASSES = NUMBER_FIELDS.classes;

describe('class count', () => {
  it('is the number of labels the generated dataset really has', () => {
    for (const data of DATASETS) {
      for (let classes = CLASSES.min; classes <= CLASSES.max; classes++) {
        const c: Config = { ...DEFAULT_CONFIG, data, classes, n: 100 };
        const labels = new Set(makeDataset({ ...c, classes: classCount(c) }).y);
        expect(labels.size).toBe(classCount(c));
      }
    }
  });

  it('follows the setting for blobs and spiral only', () => {
    expect(DATASETS.filter(takesClassCount)).toEqual(['blobs', 'spiral']);
    expect(classCount({ data: 'moons', classes: 4 })).toBe(2);
    expect(classCount({ data: 'xor', classes: 5 })).toBe(2);
    expect(classCount({ data: 'spiral', classes: 4 })).toBe(4);
  });

  it("is the edited points' own count when there are edited points, fewer or more", () => {
    expect(classCount({ data: 'blobs', classes: 5 }, 2)).toBe(2);
    expect(classCount({ data: 'moons', classes: 2 }, 4)).toBe(4);
    expect(classCount({ data: 'blobs', classes: 3 }, null)).toBe(3);
    expect(classCount({ data: 'blobs', classes: 3 }, undefined)).toBe(3);
  });
});

describe('layer sizes', () => {
  it('are the input, the hidden layers and the classes', () => {
    expect(layerSizes([3], 2)).toEqual([2, 3, 2]);
    expect(layerSizes([8, 5], 4)).toEqual([2, 8, 5, 4]);
    expect(networkSizes({ ...DEFAULT_CONFIG, data: 'spiral', classes: 3, hidden: [7, 6] })).toEqual([
      2, 7, 6, 3,
    ]);
    expect(networkSizes({ ...DEFAULT_CONFIG, hidden: [4] }, 5)).toEqual([2, 4, 5]);
  });
});

describe('test split', () => {
  it('holds out round(test * n) rows, halves rounded up', () => {
    expect(testCount(0, 200)).toBe(0);
    expect(testCount(0.1, 200)).toBe(20);
    expect(testCount(0.25, 10)).toBe(3);
    expect(testCount(0.5, 11)).toBe(6);
    expect(testCount(0.3, 7)).toBe(2);
    expect(trainCount(0.3, 7)).toBe(5);
  });

  it('is the same for the engine and for the points the page draws', () => {
    const test = fc.double({ min: 0, max: 0.5, noNaN: true });
    const n = fc.integer({ min: 10, max: 300 });
    fc.assert(
      fc.property(test, n, (t, rows) => {
        const d = makeDataset({ data: 'moons', n: rows, noise: 0.1, seed: 1, classes: 2 });
        const { train, test: held } = splitData(d, t);
        expect(train.n).toBe(trainCount(t, rows));
        expect(held?.n ?? 0).toBe(testCount(t, rows));
        expect(pointsOf(d, t).nTrain).toBe(train.n);
      }),
      { numRuns: 200 },
    );
  });
});

describe('parameter count', () => {
  it('counts the weights and biases of the network the engine builds', () => {
    const sizes = fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(sizes, (s) => {
        const p = initParams(s, 'tanh', new RandomState(0));
        const stored = p.W.reduce((a, w) => a + w.length, 0) + p.b.reduce((a, b) => a + b.length, 0);
        expect(paramCount(s)).toBe(stored);
      }),
      { numRuns: 100 },
    );
  });

  it("is the tutorial's 2-3-2 network's 17", () => {
    // W1 2x3 + b1 3 + W2 3x2 + b2 2.
    expect(paramCount([2, 3, 2])).toBe(17);
  });
});
