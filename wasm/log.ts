// fastmath.ts's log (fdlibm's __ieee754_log), operation for operation, so that it rounds as the JS
// does. One value at a time: a two-lane version (all of fdlibm's paths computed, then selected) was
// slower in V8 than this; so was the branchy original, whose choice between its two final forms
// depends on the last bits of x.

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

/** The natural logarithm; log(0) = -Infinity, negatives give NaN. */
export function log(x: f64): f64 {
  let bits = reinterpret<i64>(x);
  let hx = <i32>(bits >> 32);
  let k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | <i32>bits) == 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    bits = reinterpret<i64>(x * TWO54);
    hx = <i32>(bits >> 32);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  k += i >> 20;
  const f = reinterpret<f64>((<i64>(hx | (i ^ 0x3ff00000)) << 32) | (bits & 0xffffffff)) - 1.0;
  const dk = <f64>k;
  if ((0x000fffff & (2 + hx)) < 3) {
    if (f == 0) return k == 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const R = f * f * (0.5 - 0.3333333333333333 * f);
    return k == 0 ? f - R : dk * LN2_HI - (R - dk * LN2_LO - f);
  }
  const s = f / (2.0 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const R = t2 + t1;
  // Both of fdlibm's forms, then a select: which one applies depends on the last bits of x, a branch
  // the CPU would mispredict half the time. With dk = 0 each is 0 - (u - f), which rounds as the
  // k = 0 form f - u does.
  const hfsq = 0.5 * f * f;
  const ra = dk * LN2_HI - (hfsq - (s * (hfsq + R) + dk * LN2_LO) - f);
  const rb = dk * LN2_HI - (s * (f - R) - dk * LN2_LO - f);
  return select<f64>(ra, rb, ((hx - 0x6147a) | (0x6b851 - hx)) > 0);
}
