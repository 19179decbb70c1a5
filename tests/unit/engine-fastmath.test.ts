import { describe, expect, it } from 'vitest';
import { EXP_TABLE, exp, log, sigmoid, tanh } from '../../src/core/fastmath';
import { crossEntropySum } from '../../src/core/kernels';
import { RandomState } from '../../src/core/rng';

/** A seeded stream of uniform numbers in [0, 1), so a failure can be replayed. */
function uniform(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const hi = s >>> 5;
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (hi * 67108864 + (s >>> 6)) / 9007199254740992;
  };
}

const bits = new Float64Array(1);
const words = new BigInt64Array(bits.buffer);
/** Distance in units in the last place between two finite doubles of the same sign. */
function ulps(a: number, b: number): number {
  bits[0] = a;
  const x = words[0]!;
  bits[0] = b;
  return Math.abs(Number(x - words[0]!));
}

const SPECIAL = [
  0,
  -0,
  5e-324,
  -5e-324,
  1e-300,
  -1e-300,
  1e-17,
  -1e-17,
  1e-8,
  -1e-8,
  0.5,
  -0.5,
  1,
  -1,
  19.999,
  -19.999,
  20,
  -20,
  20.001,
  -20.001,
  40,
  -40,
  354.9,
  -354.9,
  700,
  -700,
  709.78,
  709.79,
  -708.4,
  -745.1,
  -745.2,
  -746,
  1e300,
  -1e300,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];

describe('fastmath', () => {
  it('tanh is within 5e-16 of Math.tanh on 1e7 random points from tiny to huge', () => {
    const u = uniform(1);
    let worst = 0;
    for (let i = 0; i < 1e7; i++) {
      const r = u() - 0.5;
      const scale = [1e-12, 1, 8, 50, 1e6][i % 5]!;
      const x = r * scale;
      const err = Math.abs(tanh(x) - Math.tanh(x));
      if (!(err <= worst)) worst = err;
    }
    expect(worst).toBeLessThanOrEqual(5e-16);
  });

  it('tanh handles the edges: +-0, tiny, +-20, huge, +-Infinity and NaN', () => {
    for (const x of SPECIAL) expect(Math.abs(tanh(x) - Math.tanh(x))).toBeLessThanOrEqual(5e-16);
    expect(tanh(Number.POSITIVE_INFINITY)).toBe(1);
    expect(tanh(Number.NEGATIVE_INFINITY)).toBe(-1);
    expect(tanh(Number.NaN)).toBeNaN();
  });

  it('exp is within 2 ulp of Math.exp where the result is normal, and within 2 subnormal steps below', () => {
    const u = uniform(2);
    let worstUlps = 0;
    let worstTiny = 0;
    for (let i = 0; i < 2e6; i++) {
      const r = u();
      const x = i % 3 === 0 ? -745.2 + r * 1455 : i % 3 === 1 ? (r - 0.5) * 60 : -745.2 + r * 37.5;
      const m = Math.exp(x);
      if (m >= 2.2250738585072014e-308) worstUlps = Math.max(worstUlps, ulps(exp(x), m));
      else worstTiny = Math.max(worstTiny, Math.abs(exp(x) - m));
    }
    expect(worstUlps).toBeLessThanOrEqual(2);
    expect(worstTiny).toBeLessThanOrEqual(1e-323);
  });

  it('exp handles the edges: exp(0) is exactly 1, overflow, underflow, +-Infinity and NaN', () => {
    expect(exp(0)).toBe(1);
    expect(exp(-0)).toBe(1);
    for (const x of SPECIAL) {
      const m = Math.exp(x);
      if (m >= 2.2250738585072014e-308 && Number.isFinite(m)) expect(ulps(exp(x), m)).toBeLessThanOrEqual(2);
      else expect(exp(x) === m || Math.abs(exp(x) - m) <= 1e-323).toBe(true);
    }
    expect(exp(709.79)).toBe(Number.POSITIVE_INFINITY);
    expect(exp(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(exp(-746)).toBe(0);
    expect(exp(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(exp(Number.NaN)).toBeNaN();
  });

  it('sigmoid is within 5e-16 of 1 / (1 + Math.exp(-z)), edges included', () => {
    const u = uniform(3);
    let worst = 0;
    for (let i = 0; i < 2e6; i++) {
      const z = (u() - 0.5) * [1e-8, 2, 20, 100, 2000][i % 5]!;
      worst = Math.max(worst, Math.abs(sigmoid(z) - 1 / (1 + Math.exp(-z))));
    }
    for (const z of SPECIAL) worst = Math.max(worst, Math.abs(sigmoid(z) - 1 / (1 + Math.exp(-z))));
    expect(worst).toBeLessThanOrEqual(5e-16);
    expect(sigmoid(Number.NaN)).toBeNaN();
  });

  it('log gives Math.log (fdlibm, as V8 runs it) within 1 ulp over every exponent, subnormals to huge', () => {
    const u = uniform(4);
    let worst = 0;
    let same = 0;
    let n = 0;
    for (let i = 0; i < 2e6; i++) {
      // Positive doubles of every exponent (subnormal to huge), and numbers near 1 (log's small path).
      const x = i % 4 === 3 ? 1 + (u() - 0.5) * 2 ** -18 : 2 ** (u() * 2098 - 1074) * (1 + u());
      if (!(x > 0) || !Number.isFinite(x)) continue;
      const d = ulps(log(x), Math.log(x));
      n++;
      if (d === 0) same++;
      worst = Math.max(worst, d);
    }
    expect(n).toBeGreaterThan(1.9e6);
    expect(worst).toBeLessThanOrEqual(1);
    // The same arithmetic as V8's Math.log: nearly every value agrees to the bit.
    expect(same).toBeGreaterThan(0.99 * n);
  });

  it('log handles the edges: 0, subnormals, 1, powers of two, Infinity, NaN and negatives', () => {
    expect(log(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(log(-0)).toBe(Number.NEGATIVE_INFINITY);
    expect(Object.is(log(1), 0)).toBe(true);
    expect(log(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    for (const x of [Number.NaN, -1, -5e-324, Number.NEGATIVE_INFINITY, -Number.MAX_VALUE])
      expect(log(x)).toBeNaN();
    const edges = [5e-324, 1e-310, 2.225073858507201e-308, 2.2250738585072014e-308, Number.MAX_VALUE];
    for (const x of [
      ...edges,
      0.5,
      2,
      1024,
      2 ** -1022,
      Math.E,
      1 + 2 ** -52,
      1 - 2 ** -53,
      Math.SQRT1_2,
      Math.SQRT2,
    ]) {
      expect(ulps(log(x), Math.log(x)), String(x)).toBeLessThanOrEqual(1);
    }
    expect(log(2 ** 10)).toBe(Math.log(2 ** 10));
  });
});

describe('the exp table', () => {
  it('holds 2^(j/64) to within one ulp, written out so every JS engine and the wasm engine share its bits', () => {
    expect(EXP_TABLE).toHaveLength(64);
    EXP_TABLE.forEach((v, j) => {
      expect(ulps(v, 2 ** (j / 64))).toBeLessThanOrEqual(1);
    });
    // The entry whose value V8 versions disagree on, pinned to the one the reference runs used.
    expect(EXP_TABLE[30]).toBe(1.3839098819638318);
  });
});

describe('the cross-entropy sum (one log of a rescaled product)', () => {
  /** The sum of -log p in row order, one Math.log each: the definition. */
  const direct = (ps: number[]) => ps.reduce((s, p) => s - Math.log(p), 0);
  const sumOf = (ps: number[]) =>
    crossEntropySum(Float64Array.from(ps), ps.length, new Uint8Array(ps.length));

  it('is the sum of the logs to 1e-10 relative: trained networks, untrained ones, long runs that rescale', () => {
    const rng = new RandomState(4);
    const cases: number[][] = [];
    for (let c = 0; c < 300; c++) {
      const n = 1 + Math.floor(rng.random() * 3000);
      const kind = c % 4;
      cases.push(
        Array.from({ length: n }, () => {
          const u = rng.random();
          if (kind === 0) return 0.5 + 0.5 * u; // a trained network's true-class probabilities
          if (kind === 1) return 0.001 + 0.1 * u; // badly wrong: the product rescales every ~150 rows
          if (kind === 2) return 1 - 10 ** (-3 - 12 * u); // nearly sure: the series' rows and the product's
          return u < 0.01 ? 2 ** (-1000 * rng.random()) : u; // mixed, with some under 2^-100
        }),
      );
    }
    for (const ps of cases) {
      const want = direct(ps);
      expect(Math.abs(sumOf(ps) - want)).toBeLessThanOrEqual(1e-10 * want);
    }
  });

  it('keeps the relative accuracy of a tiny loss, where every row is nearly sure', () => {
    const ps = Array.from({ length: 2000 }, (_, i) => 1 - 1e-13 * (1 + (i % 7)));
    const want = direct(ps);
    expect(Math.abs(sumOf(ps) - want)).toBeLessThanOrEqual(1e-10 * want);
  });

  it('is Infinity with a probability of 0, NaN with a NaN, 0 when every row is sure', () => {
    expect(sumOf([0.5, 0, 0.9])).toBe(Number.POSITIVE_INFINITY);
    expect(sumOf([0.5, Number.NaN, 0.9])).toBeNaN();
    expect(sumOf([1, 1, 1])).toBe(0);
    expect(sumOf([5e-324])).toBe(-Math.log(5e-324));
  });
});
