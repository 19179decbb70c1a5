// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { LossSeries, MAX_BUCKETS } from '../../src/core/lossSeries';

describe('the loss series', () => {
  it('keeps every value and a min/max summary of bounded size', () => {
    const s = new LossSeries();
    const n = 100000;
    for (let i = 0; i < n; i++) s.push(1 + (i % 2) * 0.5 + 1 / (i + 1));
    expect(s.length).toBe(n);
    expect(s.bucketCount).toBeLessThanOrEqual(MAX_BUCKETS);
    expect(s.at(12345)).toBeCloseTo(1 + 0.5 + 1 / 12346, 6);
    // Every bucket holds both phases of the oscillation.
    for (let b = 1; b < s.bucketCount; b++) expect(s.bucketMax(b) - s.bucketMin(b)).toBeGreaterThan(0.49);
    const [lo, hi] = s.extent()!;
    expect(lo).toBeCloseTo(1 + 1 / n, 6);
    expect(hi).toBe(2);
  });

  it('summarises buckets exactly', () => {
    const s = new LossSeries();
    const values = Array.from({ length: 10000 }, (_, i) => Math.sin(i) * 10);
    s.append(values);
    for (let b = 0; b < s.bucketCount; b++) {
      const part = values.slice(b * s.bucketSize, (b + 1) * s.bucketSize);
      expect(s.bucketMin(b)).toBeCloseTo(Math.min(...part), 5);
      expect(s.bucketMax(b)).toBeCloseTo(Math.max(...part), 5);
    }
  });

  it('skips non-finite values in its extents', () => {
    const s = new LossSeries();
    s.append([0.5, Number.NaN, 0.25, Number.POSITIVE_INFINITY]);
    expect(s.extent()).toEqual([0.25, 0.5]);
    expect(s.extent(1)).toEqual([0.25, 0.25]);
  });
});
