import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema';
import { logisticRegressionCV, stratifiedFolds } from '../../src/core/baseline';
import { makeDataset } from '../../src/core/datasets';

interface BaselineCase {
  name: string;
  dataset: Pick<Config, 'data' | 'n' | 'noise' | 'seed' | 'classes'>;
  multinomial: boolean;
  folds: number[];
  mean_scores: number[];
  C: number;
  coef: number[][];
  intercept: number[];
  train_accuracy: number;
}
const cases = JSON.parse(readFileSync('tests/fixtures/baseline.json', 'utf8')).baselines as BaselineCase[];

describe('logistic regression baseline matches the NumPy reference of LogisticRegressionCV', () => {
  for (const c of cases) {
    it(c.name, () => {
      const d = makeDataset(c.dataset);
      expect(Array.from(stratifiedFolds(d.y, d.classes))).toEqual(c.folds);
      const r = logisticRegressionCV(d);
      r.cvScores.forEach((s, i) => {
        expect(s).toBeCloseTo(c.mean_scores[i]!, 12);
      });
      expect(r.C).toBe(c.C);
      expect(r.accuracy).toBe(c.train_accuracy);
      const K = c.multinomial ? d.classes : 1;
      // Softmax is unchanged by a common shift of the intercepts: compare them centred.
      const b = Array.from({ length: K }, (_, k) => r.model.coef[3 * k + 2]!);
      const mean = c.multinomial ? b.reduce((s, v) => s + v, 0) / K : 0;
      for (let k = 0; k < K; k++) {
        expect(r.model.coef[3 * k]!).toBeCloseTo(c.coef[k]![0]!, 7);
        expect(r.model.coef[3 * k + 1]!).toBeCloseTo(c.coef[k]![1]!, 7);
        expect(b[k]! - mean).toBeCloseTo(c.intercept[k]!, 7);
      }
    });
  }
});
