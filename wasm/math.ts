// exp and tanh of src/core/fastmath.ts on two lanes at once, operation for operation, so every lane
// rounds as the scalar JS does. 2^m is built from its bits (exact, as the JS tables' 2 ** m are);
// the 64 entries 2^(j/64) are written by the loader from fastmath.ts's EXP_TABLE.

/** 64 f64: 2^(j/64), written by the loader with the values fastmath.ts computes. */
export const TABLE: usize = memory.data(64 * 8, 16);

/** 64 i64: the bits of TABLE[j] less j << 46, for tanh2; written by `deriveTables`. */
const SCALED: usize = memory.data(64 * 8, 16);

/** 128 i64: the bits of TABLE[j & 63] less j << 45, for exp2; written by `deriveTables`. */
const HALVED: usize = memory.data(128 * 8, 16);

/** Fills SCALED and HALVED from TABLE, once the loader has written TABLE. */
export function deriveTables(): void {
  for (let j = 0; j < 128; j++) {
    const t = load<i64>(TABLE + (<usize>(j & 63) << 3));
    if (j < 64) store<i64>(SCALED + (<usize>j << 3), t - (<i64>j << 46));
    store<i64>(HALVED + (<usize>j << 3), t - (<i64>j << 45));
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
const K: usize = memory.data<f64>([1.0, 1.0 / 24, 1.0 / 120, 1.0 / 6, 0.5, MAGIC, MAGIC + 64 + 1023 * 128, EXP_MIN, SCALE, LN2_64_HI, LN2_64_LO, -40.0, Infinity, EXP_MAX, 2.0, 40.0], 16);

const ONE: usize = 0; // 1.0
const C24: usize = 8; // 1.0 / 24
const C120: usize = 16; // 1.0 / 120
const C6: usize = 24; // 1.0 / 6
const HALF: usize = 32; // 0.5
const MAG: usize = 40; // MAGIC
const UPPER: usize = 48; // MAGIC + 64 + 1023 * 128
const MIN: usize = 56; // EXP_MIN
const SCL: usize = 64; // SCALE
const HI: usize = 72; // LN2_64_HI
const LO: usize = 80; // LN2_64_LO
const M40: usize = 88; // -40.0
const INF: usize = 96; // Infinity
const MAX: usize = 104; // EXP_MAX
const TWO: usize = 112; // 2.0
const FORTY: usize = 120; // 40.0

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

/** The entries [k & mask] of the table at tab (8-byte entries) for the lanes' bits = k + MAGIC. */
// @ts-ignore: decorator
@inline
function lookup(tab: usize, bits: v128, mask: i32): v128 {
  const j0 = <usize>(i32x4.extract_lane(bits, 0) & mask);
  const j1 = <usize>(i32x4.extract_lane(bits, 2) & mask);
  return v128.load64_lane(tab + (j1 << 3), v128.load64_zero(tab + (j0 << 3)), 1);
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
  // The JS's p T[k & 63] 2^h 2^(m - h) with m = k >> 6, h = m >> 1 (h in [-538, 511]): as in tanh2,
  // T 2^h from HALVED (entry j: T[j & 63]'s bits less j << 45) and k + MAGIC's bits shifted left by
  // 45, exact, and p (T 2^h) rounds as (p T) 2^h (both normal). m - h = (k + 64) >> 7: the low 52 bits
  // of k + MAGIC + 64 + 1023 * 128 are 2^51 + k + 64 + 1023 * 128, so shifted right by 7 they end in
  // m - h + 1023 (in [485, 1535]), which shifted left by 52 is the exponent field of 2^(m - h).
  const bits = f64x2.add(k, lanes(MAG));
  const th = i64x2.add(lookup(HALVED, bits, 127), i64x2.shl(bits, 45));
  const rest = i64x2.shl(i64x2.shr_u(f64x2.add(k, lanes(UPPER)), 7), 52);
  const e = f64x2.mul(f64x2.mul(p, th), rest);
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
  const e = f64x2.mul(p, i64x2.add(lookup(SCALED, bits, 63), i64x2.shl(bits, 46)));
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
