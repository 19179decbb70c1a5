// fastmath.ts's log (fdlibm's __ieee754_log), operation for operation, so that it rounds as the JS
// does. One value at a time: a two-lane version (all of fdlibm's paths computed, then selected) was
// slower in V8 than this.

const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;
const TWO54 = 18014398509481984.0;
const LG1 = 0.6666666666666735;
const LG2 = 0.3999999999940942;
const LG3 = 0.2857142874366239;
const LG4 = 0.22222198432149784;
const LG5 = 0.1818357216161805;
const LG6 = 0.15313837699209373;
const LG7 = 0.14798198605116586;

/**
 * log of a positive normal y with high word hx, plus k0 ln 2. fdlibm's special forms for f = 0 and
 * k = 0 are left out: the general ones give their bits there (see fastmath.ts).
 */
// @ts-ignore: decorator
@inline
function reduced(y: f64, hx: i32, k0: i32): f64 {
  const hm = hx & 0x000fffff;
  const i = (hm + 0x95f64) & 0x100000;
  const dk = <f64>(k0 + (hx >> 20) - 1023 + (i >> 20));
  const f = reinterpret<f64>((<i64>(hm | (i ^ 0x3ff00000)) << 32) | (reinterpret<i64>(y) & 0xffffffff)) - 1.0;
  if ((0x000fffff & (2 + hm)) < 3) return dk * LN2_HI - (f * f * (0.5 - 0.3333333333333333 * f) - dk * LN2_LO - f);
  const s = f / (2.0 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const R = t2 + t1;
  // Both final forms, then a select: which one applies depends on the last bits of x, a branch the
  // CPU would mispredict half the time.
  const hfsq = 0.5 * f * f;
  const ra = dk * LN2_HI - (hfsq - (s * (hfsq + R) + dk * LN2_LO) - f);
  const rb = dk * LN2_HI - (s * (f - R) - dk * LN2_LO - f);
  return select<f64>(ra, rb, ((hm - 0x6147a) | (0x6b851 - hm)) > 0);
}

/** log of 0, subnormals, negatives, Infinity and NaN, as fdlibm answers them. */
function rare(x: f64): f64 {
  if (x == 0) return -Infinity;
  if (x < 0) return NaN;
  if (!(x < Infinity)) return x + x;
  const y = x * TWO54;
  return reduced(y, <i32>(reinterpret<i64>(y) >> 32), -54);
}

/** The natural logarithm; log(0) = -Infinity, negatives give NaN. */
// @ts-ignore: decorator
@inline
export function log(x: f64): f64 {
  const hx = <i32>(reinterpret<i64>(x) >> 32);
  return hx >= 0x00100000 && hx < 0x7ff00000 ? reduced(x, hx, 0) : rare(x);
}
