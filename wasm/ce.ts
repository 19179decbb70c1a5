// kernels.ts's crossEntropySum, a row at a time, so that the two-class output layer can sum the loss
// in the loop that makes the probabilities (output2.ts) and `crossEntropy` (index.ts) over a finished
// pass, both operation for operation as the JS does. The product of the rows' probabilities is the
// caller's local (its chain of multiplications then overlaps the caller's other work); the rarer
// terms go to the globals below. `ceBegin`, then `ceRow` for each row in order, then `ceEnd`.
import { log } from './log';

const CE_NEAR_ONE: f64 = 9.5367431640625e-7; // 2^-20
const CE_TINY: f64 = 7.888609052210118e-31; // 2^-100
const CE_FLOOR: f64 = 1.1830521861667747e-271; // 2^-900
const CE_RESCALE: f64 = 8.452712498170644e270; // 2^900
const LN2_HI: f64 = 0.6931471803691238;
const LN2_LO: f64 = 1.9082149292705877e-10;

/** 900 for each rescaling of the product; the series of the rows near 1; -log of the tiny rows. */
let ceK: f64 = 0;
let ceNear: f64 = 0;
let ceRest: f64 = 0;

export function ceBegin(): void {
  ceK = 0;
  ceNear = 0;
  ceRest = 0;
}

/** The product `prod` of the rows so far with row probability p taken in (or p's term put aside). */
// @ts-ignore: decorator
@inline
export function ceRow(prod: f64, p: f64): f64 {
  const e = 1.0 - p;
  if ((e >= 0 && e < CE_NEAR_ONE) || !(p >= CE_TINY)) {
    aside(p, e);
    return prod;
  }
  const q = prod * p;
  if (q < CE_FLOOR) {
    ceK += 900.0;
    return q * CE_RESCALE;
  }
  return q;
}

/** The term of a row near 1 (e = 1 - p under 2^-20) or of a tiny one, not inlined: both are rare. */
function aside(p: f64, e: f64): void {
  if (e >= 0 && e < CE_NEAR_ONE) ceNear += e + e * e * (0.5 + e * (1.0 / 3.0));
  else ceRest -= log(p);
}

/** The sum of -log p over the rows taken in, from their product. */
export function ceEnd(prod: f64): f64 {
  return ceRest + (ceNear + (ceK * LN2_HI + (ceK * LN2_LO - log(prod))));
}
