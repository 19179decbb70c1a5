// exp and tanh of src/core/fastmath.ts on two lanes at once, operation for operation, so every lane
// rounds as the scalar JS does. 2^m is built from its bits (exact, as the JS tables' 2 ** m are);
// the 64 entries 2^(j/64) are written by the loader from fastmath.ts's EXP_TABLE.

/** 64 f64: 2^(j/64), written by the loader with the values fastmath.ts computes. */
export const TABLE: usize = memory.data(64 * 8, 16);

/** 64 i64: the bits of TABLE[j] less j << 46, for tanh2; written by `deriveTables`. */
const SCALED: usize = memory.data(64 * 8, 16);

/** Fills SCALED from TABLE, once the loader has written TABLE. */
export function deriveTables(): void {
  for (let j = 0; j < 64; j++) {
    const o = <usize>j << 3;
    store<i64>(SCALED + o, load<i64>(TABLE + o) - (<i64>j << 46));
  }
}

const SCALE = 64 / 0.6931471805599453;
const LN2_64_HI = 0.6931471803691238 / 64;
const LN2_64_LO = 1.9082149292705877e-10 / 64;
const EXP_MIN = -745.2;
const EXP_MAX = 709.782712893384;
/**
 * Adding 2^52 + 2^51 to an integral double |x| < 2^51 leaves x in the low bits of the sum: the
 * lanes' integers without a float-to-int conversion (a NaN lane gives some integer; its result is
 * NaN whatever the table entry and power of two).
 */
const MAGIC = 6755399441055744.0;

/**
 * The constants of exp2 and tanh2, read with v128.load64_splat: V8 builds a v128 constant in a
 * register anew at each use (several instructions), where a load with splat is one; in Chromium's V8
 * this made the passes up to ~10% faster.
 */
const K: usize = memory.data<f64>([1.0, 1.0 / 24, 1.0 / 120, 1.0 / 6, 0.5, MAGIC, MAGIC + 1023, EXP_MIN, SCALE, LN2_64_HI, LN2_64_LO, 1.0 / 64, Infinity, EXP_MAX, 2.0, 40.0, -40.0], 16);

const ONE: usize = 0; // 1.0
const C24: usize = 8; // 1.0 / 24
const C120: usize = 16; // 1.0 / 120
const C6: usize = 24; // 1.0 / 6
const HALF: usize = 32; // 0.5
const MAG: usize = 40; // MAGIC
const MAG_BIAS: usize = 48; // MAGIC + 1023
const MIN: usize = 56; // EXP_MIN
const SCL: usize = 64; // SCALE
const HI: usize = 72; // LN2_64_HI
const LO: usize = 80; // LN2_64_LO
const C64: usize = 88; // 1.0 / 64
const INF: usize = 96; // Infinity
const MAX: usize = 104; // EXP_MAX
const TWO: usize = 112; // 2.0
const FORTY: usize = 120; // 40.0
const M40: usize = 128; // -40.0

/** Both lanes of the constant at byte offset o of K. */
// @ts-ignore: decorator
@inline
function lanes(o: usize): v128 {
  return v128.load64_splat(K + o);
}

// @ts-ignore: decorator
@inline
function poly(r: v128): v128 {
  const one = lanes(ONE);
  let p = f64x2.add(lanes(C24), f64x2.mul(r, lanes(C120)));
  p = f64x2.add(lanes(C6), f64x2.mul(r, p));
  p = f64x2.add(lanes(HALF), f64x2.mul(r, p));
  p = f64x2.add(one, f64x2.mul(r, p));
  return f64x2.add(one, f64x2.mul(r, p));
}

/** The entries [k & 63] of the table at tab (64 x 8 bytes) for the lanes' bits = k + MAGIC. */
// @ts-ignore: decorator
@inline
function lookup(tab: usize, bits: v128): v128 {
  const j0 = <usize>(i32x4.extract_lane(bits, 0) & 63);
  const j1 = <usize>(i32x4.extract_lane(bits, 2) & 63);
  return v128.load64_lane(tab + (j1 << 3), v128.load64_zero(tab + (j0 << 3)), 1);
}

/** The lanes' table entries TABLE[k & 63], k integral (as `k & 63` in JS, two's complement). */
// @ts-ignore: decorator
@inline
function table(k: v128): v128 {
  return lookup(TABLE, f64x2.add(k, lanes(MAG)));
}

/** 2^m for integral lanes -1022 <= m <= 1023: m + 1023 into the exponent field. */
// @ts-ignore: decorator
@inline
function pow2(m: v128): v128 {
  return i64x2.shl(f64x2.add(m, lanes(MAG_BIAS)), 52);
}

/** fastmath.ts's exp on both lanes. */
// @ts-ignore: decorator
@inline
export function exp2(x: v128): v128 {
  // pmax(x, m) = x < m ? m : x, NaN staying NaN.
  const c = f64x2.pmax(x, lanes(MIN));
  const k = f64x2.floor(f64x2.add(f64x2.mul(c, lanes(SCL)), lanes(HALF)));
  const r = f64x2.sub(f64x2.sub(c, f64x2.mul(k, lanes(HI))), f64x2.mul(k, lanes(LO)));
  const p = poly(r);
  // m = k >> 6 and h = m >> 1 as JS computes them (floor division, exact in doubles).
  const m = f64x2.floor(f64x2.mul(k, lanes(C64)));
  const h = f64x2.floor(f64x2.mul(m, lanes(HALF)));
  const e = f64x2.mul(f64x2.mul(f64x2.mul(p, table(k)), pow2(h)), pow2(f64x2.sub(m, h)));
  return v128.bitselect(lanes(INF), e, f64x2.gt(x, lanes(MAX)));
}

/** fastmath.ts's tanh on both lanes: 1 - 2 / (1 + e^{2x}), 2x clamped to [-40, 40]. */
// @ts-ignore: decorator
@inline
export function tanh2(x: v128): v128 {
  // x > 20 ? 40 : x < -20 ? -40 : 2x is 2x clamped to [-40, 40] (2x is exact); pmin and pmax keep a
  // NaN as the JS does.
  const y = f64x2.pmax(f64x2.pmin(f64x2.mul(x, lanes(TWO)), lanes(FORTY)), lanes(M40));
  const k = f64x2.floor(f64x2.add(f64x2.mul(y, lanes(SCL)), lanes(HALF)));
  const r = f64x2.sub(f64x2.sub(y, f64x2.mul(k, lanes(HI))), f64x2.mul(k, lanes(LO)));
  const p = poly(r);
  // e^y = p T[k & 63] 2^m with m = k >> 6 in [-58, 57]. k + MAGIC holds 2^51 + k in its low 52 bits,
  // so shifted left by 46 it is m << 52 plus (k & 63) << 46, and SCALED's entry j is T[j]'s bits less
  // j << 46: their sum is the bits of T[k & 63] 2^m, exactly. p (T 2^m) rounds as the JS's (p T) 2^m
  // (p T is in [0.98, 2.03], so neither product leaves the normal range). A NaN lane has a NaN p.
  const bits = f64x2.add(k, lanes(MAG));
  const e = f64x2.mul(p, i64x2.add(lookup(SCALED, bits), i64x2.shl(bits, 46)));
  const one = lanes(ONE);
  return f64x2.sub(one, f64x2.div(lanes(TWO), f64x2.add(one, e)));
}

export const TANH: i32 = 0;
export const SIGMOID: i32 = 1;
export const RELU: i32 = 2;
export const LEAKY: i32 = 3;
export const LINEAR: i32 = 4;

/** The hidden activation of kernels.ts's `activate` on both lanes. */
// @ts-ignore: decorator
@inline
export function activate(z: v128, act: i32): v128 {
  if (act == TANH) return tanh2(z);
  if (act == SIGMOID) return f64x2.div(lanes(ONE), f64x2.add(lanes(ONE), exp2(f64x2.neg(z))));
  // relu: z <= 0 becomes 0, NaN stays; leaky: z <= 0 becomes 0.01 z.
  if (act == RELU) return v128.andnot(z, f64x2.le(z, f64x2.splat(0)));
  if (act == LEAKY) return v128.bitselect(f64x2.mul(z, f64x2.splat(0.01)), z, f64x2.le(z, f64x2.splat(0)));
  return z;
}

/** delta f'(z) with f' in terms of a = f(z), as kernels.ts's `multiplyDerivative`. */
// @ts-ignore: decorator
@inline
export function derive(d: v128, a: v128, act: i32): v128 {
  const one = lanes(ONE);
  if (act == TANH) return f64x2.mul(d, f64x2.sub(one, f64x2.mul(a, a)));
  if (act == SIGMOID) return f64x2.mul(d, f64x2.mul(a, f64x2.sub(one, a)));
  if (act == RELU) return v128.and(d, f64x2.gt(a, f64x2.splat(0)));
  if (act == LEAKY) return v128.bitselect(d, f64x2.mul(d, f64x2.splat(0.01)), f64x2.gt(a, f64x2.splat(0)));
  return d;
}
