/**
 * exp and tanh as accurate as libm's (within 2 ulp for exp, 5e-16 absolute for tanh) but several
 * times cheaper than Math.exp / Math.tanh, which V8 runs as calls into C. exp uses the classic table
 * method: x = (64 m + j) ln2/64 + r with |r| <= ln2/128, exp(x) = 2^m 2^(j/64) p(r), p the Taylor
 * polynomial of degree 5 (truncation error r^6/720 < 4e-17).
 *
 * The tables and constants live in a closure, not at module level: bundlers (esbuild) turn top-level
 * `const` into `var`, and V8 then reloads and rechecks them on every call (about 30% slower);
 * closure `const`s are folded into the inlined code.
 */
/**
 * 2^(j/64) for j = 0..63, written out rather than computed: V8's `2 ** (j / 64)` differs in the last
 * bit between versions (Node 20's and current Chromium's disagree on 9 of them), and the tutorial's
 * run picks the phase of its final oscillation by such bits, so a computed table gave a link another
 * run in another browser. These are the values the NumPy reference tests and the trainer's log were
 * checked with; each is within one ulp of 2^(j/64). The WebAssembly engine uses the same table.
 */
export const EXP_TABLE: readonly number[] = Object.freeze([
  1,
  1.0108892860517005,
  1.0218971486541166,
  1.0330248790212284,
  1.0442737824274138,
  1.0556451783605572,
  1.0671404006768237,
  1.0787607977571199,
  1.0905077326652577,
  1.102382583307841,
  1.1143867425958924,
  1.1265216186082418,
  1.1387886347566916,
  1.1511892299529827,
  1.1637248587775775,
  1.1763969916502812,
  1.189207115002721,
  1.202156731452703,
  1.215247359980469,
  1.22848053610687,
  1.241857812073484,
  1.255380757024691,
  1.2690509571917332,
  1.2828700160787783,
  1.2968395546510096,
  1.3109612115247644,
  1.3252366431597413,
  1.339667524053303,
  1.3542555469368927,
  1.3690024229745905,
  1.3839098819638318,
  1.398979672538311,
  Math.SQRT2,
  1.42961333839197,
  1.4451808069770467,
  1.4609177941806468,
  1.4768261459394993,
  1.4929077282912648,
  1.5091644275934228,
  1.5255981507445382,
  1.542210825407941,
  1.559004400237837,
  1.5759808451078865,
  1.593142151342267,
  1.6104903319492543,
  1.6280274218573478,
  1.6457554781539647,
  1.6636765803267364,
  1.6817928305074292,
  1.7001063537185235,
  1.718619298122478,
  1.7373338352737062,
  1.7562521603732995,
  1.7753764925265212,
  1.7947090750031072,
  1.8142521755003989,
  1.8340080864093424,
  1.8539791250833857,
  1.8741676341103,
  1.8945759815869656,
  1.9152065613971474,
  1.9360617934922946,
  1.9571441241754002,
  1.978456026387951,
]);

function build() {
  const TABLE = Float64Array.from(EXP_TABLE);
  const POW2_OFFSET = 1100;
  const POW2 = new Float64Array(2 * POW2_OFFSET);
  for (let k = -POW2_OFFSET; k < POW2_OFFSET; k++) POW2[k + POW2_OFFSET] = 2 ** k;
  // tanh needs e^y for |y| <= 40 only, k = round(64 y / ln2) in [-3694, 3694]: there 2^(j/64) 2^m
  // is one lookup. Scaling by 2^m is exact, so p (2^(j/64) 2^m) rounds as (p 2^(j/64)) 2^m does.
  const MERGED_OFFSET = 3700;
  const MERGED = new Float64Array(2 * MERGED_OFFSET + 1);
  for (let k = -MERGED_OFFSET; k <= MERGED_OFFSET; k++) {
    MERGED[k + MERGED_OFFSET] = TABLE[k & 63]! * POW2[(k >> 6) + POW2_OFFSET]!;
  }

  const SCALE = 64 / Math.LN2;
  // ln2/64 split so that k * LN2_64_HI is exact for |k| < 2^20.
  const LN2_64_HI = 0.6931471803691238 / 64;
  const LN2_64_LO = 1.9082149292705877e-10 / 64;
  const EXP_MIN = -745.2;
  const EXP_MAX = 709.782712893384;

  /** e^x; NaN stays NaN, results below 2^-1074 round to 0, above 2^1024 to Infinity. */
  const exp = (x: number): number => {
    if (x > EXP_MAX) return Number.POSITIVE_INFINITY;
    const c = Math.max(x, EXP_MIN);
    const k = Math.floor(c * SCALE + 0.5);
    const r = c - k * LN2_64_HI - k * LN2_64_LO;
    const p = 1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120)))));
    // Two factors so that neither 2^m nor the product underflows early.
    const m = k >> 6;
    const h = m >> 1;
    return p * TABLE[k & 63]! * POW2[h + POW2_OFFSET]! * POW2[m - h + POW2_OFFSET]!;
  };

  /** tanh(x) = 1 - 2 / (1 + e^{2x}); |error| < 5e-16. Beyond |x| = 20, tanh rounds to +-1. */
  const tanh = (x: number): number => {
    const y = x > 20 ? 40 : x < -20 ? -40 : 2 * x;
    const k = Math.floor(y * SCALE + 0.5);
    const r = y - k * LN2_64_HI - k * LN2_64_LO;
    const p = 1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120)))));
    // `| 0` maps a NaN k to index 0 (p is NaN then) instead of an out-of-bounds read, which would
    // deoptimise every caller.
    return 1 - 2 / (1 + p * TABLE[k & 63]! * POW2[(k >> 6) + POW2_OFFSET]!);
  };

  /** 1 / (1 + e^{-z}). */
  const sigmoid = (z: number): number => 1 / (1 + exp(-z));

  // log: fdlibm's __ieee754_log (e_log.c), the function V8's Math.log is, operation for operation.
  // x's high word is read through WORDS (WORDS[1]: little-endian, as every engine that runs this is);
  // fdlibm writes a new high word to scale x to [sqrt(2)/2, sqrt(2)), which here is a product with a
  // power of two (exact, as that write is).
  const BITS = new Float64Array(1);
  const WORDS = new Int32Array(BITS.buffer);
  const LN2_HI = 0.6931471803691238;
  const LN2_LO = 1.9082149292705877e-10;
  const TWO54 = 18014398509481984;
  const LG1 = 0.6666666666666735;
  const LG2 = 0.3999999999940942;
  const LG3 = 0.2857142874366239;
  const LG4 = 0.22222198432149784;
  const LG5 = 0.1818357216161805;
  const LG6 = 0.15313837699209373;
  const LG7 = 0.14798198605116586;

  /**
   * log of a positive normal y with high word hx, plus k ln 2. Kept small, apart from the rare
   * cases, so that V8 inlines it: a call that returns a double boxes it, which cost as much as the
   * arithmetic.
   */
  const reduced = (y: number, hx: number, k0: number): number => {
    const hm = hx & 0x000fffff;
    // y = 2^m (1 + f) with 1 + f in [sqrt(2)/2, sqrt(2)).
    const m = (hx >> 20) - 1023 + (((hm + 0x95f64) & 0x100000) >> 20);
    const k = k0 + m;
    const f = y * POW2[POW2_OFFSET - m]! - 1;
    // |f| < 2^-20. fdlibm's special forms for f = 0 and for k = 0 are left out: this one gives their
    // bits there (k ln2_hi + k ln2_lo for f = 0; 0 - (R - f), rounded as f - R, for k = 0).
    if ((0x000fffff & (2 + hm)) < 3) {
      return k * LN2_HI - (f * f * (0.5 - 0.3333333333333333 * f) - k * LN2_LO - f);
    }
    const s = f / (2 + f);
    const z = s * s;
    const w = z * z;
    const t1 = w * (LG2 + w * (LG4 + w * LG6));
    const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
    const R = t2 + t1;
    // fdlibm's two final forms. Their k = 0 forms are left out as above: with k = 0 these are
    // 0 - (u - f), which rounds as f - u does.
    if (((hm - 0x6147a) | (0x6b851 - hm)) > 0) {
      const hfsq = 0.5 * f * f;
      return k * LN2_HI - (hfsq - (s * (hfsq + R) + k * LN2_LO) - f);
    }
    return k * LN2_HI - (s * (f - R) - k * LN2_LO - f);
  };

  /** log of 0, subnormals, negatives, Infinity and NaN, as fdlibm answers them. */
  const rare = (x: number): number => {
    if (x === 0) return Number.NEGATIVE_INFINITY;
    if (x < 0) return Number.NaN;
    if (!(x < Number.POSITIVE_INFINITY)) return x + x;
    // Subnormal: scaled into the normal range.
    BITS[0] = x * TWO54;
    return reduced(BITS[0]!, WORDS[1]!, -54);
  };

  /** The natural logarithm, < 1 ulp from the true value; log(0) = -Infinity, negatives give NaN. */
  const log = (x: number): number => {
    BITS[0] = x;
    const hx = WORDS[1]!;
    return hx >= 0x00100000 && hx < 0x7ff00000 ? reduced(x, hx, 0) : rare(x);
  };

  return { exp, tanh, sigmoid, log };
}

export const { exp, tanh, sigmoid, log } = build();
