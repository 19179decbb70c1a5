/**
 * The WebAssembly engine's exp and tanh (wasm/math.ts, two lanes at a time, 2^m built on the bits)
 * against fastmath.ts's, bit for bit, over their whole ranges: the clamps, the table's every entry,
 * every power of two, results down into the subnormals, and the rounding boundaries of k. They are
 * reached through wasm/probe, a test-only module built with the engine.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wasmPath } from '../../src/cli/wasmModule';
import { EXP_TABLE, exp, tanh } from '../../src/core/fastmath';
import { RandomState } from '../../src/core/rng';

interface Probe {
  memory: WebAssembly.Memory;
  heapBase(): number;
  tableAddress(): number;
  deriveTables(): void;
  expAll(x: number, out: number, n: number): void;
  tanhAll(x: number, out: number, n: number): void;
}

function probe(n: number): { run: (f: 'expAll' | 'tanhAll', xs: Float64Array) => Float64Array } {
  const file = join(dirname(wasmPath()), 'probe.wasm');
  const ex = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(file)), {})
    .exports as unknown as Probe;
  const x = Math.ceil(ex.heapBase() / 16) * 16;
  const out = x + 8 * n;
  const need = Math.ceil((out + 8 * n) / 65536) - ex.memory.buffer.byteLength / 65536;
  if (need > 0) ex.memory.grow(need);
  new Float64Array(ex.memory.buffer, ex.tableAddress(), 64).set(EXP_TABLE);
  ex.deriveTables();
  return {
    run(f, xs) {
      new Float64Array(ex.memory.buffer, x, xs.length).set(xs);
      ex[f](x, out, xs.length);
      return new Float64Array(ex.memory.buffer, out, xs.length).slice();
    },
  };
}

const SCALE = 64 / Math.LN2;
const bits = new Float64Array(1);
const words = new BigInt64Array(bits.buffer);

/** The double n ulps away from x (toward +Infinity for n > 0). */
function step(x: number, n: number): number {
  bits[0] = x;
  words[0] = words[0]! + BigInt(x >= 0 ? n : -n);
  return bits[0]!;
}

/**
 * Inputs: spread uniformly over [lo, hi], then each k's rounding boundary (k - 0.5) / scale and its
 * neighbours for k across the range, then the given specials; an even count.
 */
function inputs(lo: number, hi: number, scale: number, specials: number[]): Float64Array {
  const rng = new RandomState(11);
  const xs: number[] = [];
  for (let i = 0; i < 60000; i++) xs.push(lo + (hi - lo) * rng.random());
  const kLo = Math.ceil(lo * scale);
  const kHi = Math.floor(hi * scale);
  const stride = Math.max(1, Math.floor((kHi - kLo) / 20000));
  for (let k = kLo; k <= kHi; k += stride) {
    const b = (k - 0.5) / scale;
    for (let d = -2; d <= 2; d++) xs.push(step(b, d));
  }
  xs.push(
    ...specials,
    ...specials.map((s) => -s),
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  );
  if (xs.length % 2) xs.push(0);
  return Float64Array.from(xs);
}

/** The first input whose two results differ as bits (NaN equal to NaN), or null. */
function firstDifference(xs: Float64Array, got: Float64Array, f: (x: number) => number): string | null {
  for (let i = 0; i < xs.length; i++) {
    const want = f(xs[i]!);
    if (!Object.is(got[i], want)) return `x = ${xs[i]}: module ${got[i]}, fastmath ${want}`;
  }
  return null;
}

describe('the module’s exp and tanh', () => {
  const xsExp = inputs(
    -760,
    720,
    SCALE,
    [745.2, 745.1, 709.782712893384, 708.4, 708.3, 0, 5e-324, 1e-300, 1e300],
  );
  const xsTanh = inputs(
    -25,
    25,
    2 * SCALE,
    [20, 19.999999999999996, 20.000000000000004, 1e-300, 5e-324, 1e-9, 0],
  );
  const { run } = probe(Math.max(xsExp.length, xsTanh.length));

  it('exp: the same bits as fastmath.ts over [-760, 720], subnormal results and overflow included', () => {
    const got = run('expAll', xsExp);
    expect(
      got.some((v) => v > 0 && v < 2.2250738585072014e-308),
      'some results are subnormal',
    ).toBe(true);
    expect(
      got.some((v) => v === Number.POSITIVE_INFINITY),
      'some results overflow',
    ).toBe(true);
    expect(firstDifference(xsExp, got, exp)).toBeNull();
  });

  it('tanh: the same bits as fastmath.ts over [-25, 25], the clamp at 20 included', () => {
    expect(firstDifference(xsTanh, run('tanhAll', xsTanh), tanh)).toBeNull();
  });
});
