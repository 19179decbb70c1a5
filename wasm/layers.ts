// One layer at a time, rows x units row-major (a row's units contiguous), vectorised across the
// units of a layer: lane pairs are neighbouring units (or classes), never neighbouring rows, so each
// sum runs over its terms in the order kernels.ts sums them. A layer with an odd number of units
// computes one lane too many at its end (reading the next word, whose value does not matter) and
// stores only the first lane there; buffers have 16 bytes of room after them for that read.
import { activate, derive, exp2, TANH, tanh2 } from './math';

// @ts-ignore: decorator
@inline
function put(p: usize, v: v128, whole: bool): void {
  if (whole) v128.store(p, v);
  else v128.store64_lane(p, v, 0);
}

/**
 * Z = act(A W + b) for `rows` rows: A is rows x din, W din x dout, Z rows x dout. Each output is
 * (sum over r in order of A[i, r] W[r, o]) + b[o], as `combine`. act < 0: none. Four rows at a time
 * keep four independent sums going through a long din.
 */
export function forwardLayer(A: usize, din: i32, W: usize, b: usize, Z: usize, dout: i32, rows: i32, act: i32): void {
  if (din == 2 && act == TANH) {
    inputTanh(A, W, b, Z, dout, rows);
    return;
  }
  const as = <usize>din << 3;
  const zs = <usize>dout << 3;
  let i = 0;
  for (; i + 3 < rows; i += 4) {
    const a0 = A + <usize>i * as;
    const a1 = a0 + as;
    const a2 = a1 + as;
    const a3 = a2 + as;
    const z0 = Z + <usize>i * zs;
    for (let o = 0; o < dout; o += 2) {
      let w = W + (<usize>o << 3);
      let wv = v128.load(w);
      let s0 = f64x2.mul(v128.load64_splat(a0), wv);
      let s1 = f64x2.mul(v128.load64_splat(a1), wv);
      let s2 = f64x2.mul(v128.load64_splat(a2), wv);
      let s3 = f64x2.mul(v128.load64_splat(a3), wv);
      for (let r: usize = 8; r < as; r += 8) {
        w += zs;
        wv = v128.load(w);
        s0 = f64x2.add(s0, f64x2.mul(v128.load64_splat(a0 + r), wv));
        s1 = f64x2.add(s1, f64x2.mul(v128.load64_splat(a1 + r), wv));
        s2 = f64x2.add(s2, f64x2.mul(v128.load64_splat(a2 + r), wv));
        s3 = f64x2.add(s3, f64x2.mul(v128.load64_splat(a3 + r), wv));
      }
      const bv = v128.load(b + (<usize>o << 3));
      const whole = o + 1 < dout;
      const zo = z0 + (<usize>o << 3);
      put(zo, f64x2.add(s0, bv), whole);
      put(zo + zs, f64x2.add(s1, bv), whole);
      put(zo + 2 * zs, f64x2.add(s2, bv), whole);
      put(zo + 3 * zs, f64x2.add(s3, bv), whole);
    }
    // The activation in a loop of its own: inlined beside the four sums it would crowd the registers.
    if (act >= 0) activateRange(z0, 4 * dout, act);
  }
  for (; i < rows; i++) {
    const a0 = A + <usize>i * as;
    const z0 = Z + <usize>i * zs;
    for (let o = 0; o < dout; o += 2) {
      let w = W + (<usize>o << 3);
      let s0 = f64x2.mul(v128.load64_splat(a0), v128.load(w));
      for (let r: usize = 8; r < as; r += 8) {
        w += zs;
        s0 = f64x2.add(s0, f64x2.mul(v128.load64_splat(a0 + r), v128.load(w)));
      }
      put(z0 + (<usize>o << 3), activate(f64x2.add(s0, v128.load(b + (<usize>o << 3))), act), o + 1 < dout);
    }
  }
}

/** f(z) in place on n contiguous values at p. */
function activateRange(p: usize, n: i32, act: i32): void {
  const end = p + (<usize>n << 3);
  let q = p;
  for (; q + 8 < end; q += 16) v128.store(q, activate(v128.load(q), act));
  if (q < end) v128.store64_lane(q, activate(v128.load(q), act), 0);
}

/** tanh((x0 u + x1 v) + c): two units of a first layer (X rows x 2) for one row, as `combine` orders it. */
// @ts-ignore: decorator
@inline
function tanhOf(x0: v128, x1: v128, u: v128, v: v128, c: v128): v128 {
  return tanh2(f64x2.add(f64x2.add(f64x2.mul(x0, u), f64x2.mul(x1, v)), c));
}

/**
 * The last unit of rows r0 and r1 (their two inputs each) in one vector, its weights ul, vl and bias
 * cl in both lanes; stored at z + last and z + zs + last.
 */
// @ts-ignore: decorator
@inline
function lastUnit(r0: v128, r1: v128, ul: v128, vl: v128, cl: v128, z: usize, zs: usize, last: usize): void {
  const t = tanhOf(v128.shuffle<f64>(r0, r1, 0, 2), v128.shuffle<f64>(r0, r1, 1, 3), ul, vl, cl);
  v128.store64_lane(z + last, t, 0);
  v128.store64_lane(z + zs + last, t, 1);
}

/**
 * `forwardLayer` for a first layer (X rows x 2) with tanh: two rows at a time (their tanhs overlap), a
 * loop body small enough to keep the rows' inputs and tanh's constants in registers.
 */
function inputTanh(X: usize, W: usize, b: usize, Z: usize, dout: i32, rows: i32): void {
  const zs = <usize>dout << 3;
  const w1 = W + zs;
  let i = 0;
  if (dout & 1) {
    i = oddTanh(X, W, b, Z, dout, rows);
  } else for (; i + 1 < rows; i += 2) {
    const x = X + (<usize>i << 4);
    const x0 = v128.load64_splat(x);
    const x1 = v128.load64_splat(x, 8);
    const y0 = v128.load64_splat(x, 16);
    const y1 = v128.load64_splat(x, 24);
    const z = Z + <usize>i * zs;
    for (let o: usize = 0; o < zs; o += 16) {
      const u = v128.load(W + o);
      const v = v128.load(w1 + o);
      const c = v128.load(b + o);
      const p = tanhOf(x0, x1, u, v, c);
      const q = tanhOf(y0, y1, u, v, c);
      // Always whole here (odd counts go to oddTanh), but without this branch V8 compiled the loop
      // ~20% slower (Node 20, 50 units).
      if (o + 8 < zs) {
        v128.store(z + o, p);
        v128.store(z + zs + o, q);
      } else {
        v128.store64_lane(z + o, p, 0);
        v128.store64_lane(z + zs + o, q, 0);
      }
    }
  }
  if (i < rows) {
    const x = X + (<usize>i << 4);
    const x0 = v128.load64_splat(x);
    const x1 = v128.load64_splat(x, 8);
    const z = Z + <usize>i * zs;
    for (let o: usize = 0; o < zs; o += 16) {
      const t = tanhOf(x0, x1, v128.load(W + o), v128.load(w1 + o), v128.load(b + o));
      if (o + 8 < zs) v128.store(z + o, t);
      else v128.store64_lane(z + o, t, 0);
    }
  }
}

/**
 * `inputTanh`'s pairs of rows for an odd number of units: the last unit of both rows in one vector
 * (lanes: row i, row i + 1), so that no lane is wasted (3 units: 3 tanh2 per two rows, not 4).
 * Returns the number of rows done (even).
 */
function oddTanh(X: usize, W: usize, b: usize, Z: usize, dout: i32, rows: i32): i32 {
  const zs = <usize>dout << 3;
  const w1 = W + zs;
  const last = zs - 8;
  const ul = v128.load64_splat(W + last);
  const vl = v128.load64_splat(w1 + last);
  const cl = v128.load64_splat(b + last);
  let i = 0;
  if (dout == 3) {
    // The tutorial's size, without the inner loop (which runs once per pair of rows there, and around
    // which V8 moved registers to and from the stack): ~5% faster.
    const u = v128.load(W);
    const v = v128.load(w1);
    const c = v128.load(b);
    for (; i + 1 < rows; i += 2) {
      const x = X + (<usize>i << 4);
      const z = Z + <usize>i * 24;
      v128.store(z, tanhOf(v128.load64_splat(x), v128.load64_splat(x, 8), u, v, c));
      v128.store(z + 24, tanhOf(v128.load64_splat(x, 16), v128.load64_splat(x, 24), u, v, c));
      lastUnit(v128.load(x), v128.load(x, 16), ul, vl, cl, z, 24, 16);
    }
    return i;
  }
  for (; i + 1 < rows; i += 2) {
    const x = X + (<usize>i << 4);
    const z = Z + <usize>i * zs;
    const x0 = v128.load64_splat(x);
    const x1 = v128.load64_splat(x, 8);
    const y0 = v128.load64_splat(x, 16);
    const y1 = v128.load64_splat(x, 24);
    for (let o: usize = 0; o < last; o += 16) {
      const u = v128.load(W + o);
      const v = v128.load(w1 + o);
      const c = v128.load(b + o);
      v128.store(z + o, tanhOf(x0, x1, u, v, c));
      v128.store(z + zs + o, tanhOf(y0, y1, u, v, c));
    }
    lastUnit(v128.load(x), v128.load(x, 16), ul, vl, cl, z, zs, last);
  }
  return i;
}

/**
 * Softmax over the c classes of each row of Z (rows x c), in place, as kernels.ts's `softmax`.
 * Returns the smallest probability of a row's true class (y != 0), else 1.
 */
export function softmax(Z: usize, rows: i32, c: i32, y: usize): f64 {
  let minP = 1.0;
  const zs = <usize>c << 3;
  for (let i = 0; i < rows; i++) {
    const z = Z + <usize>i * zs;
    let m = load<f64>(z);
    for (let j = 1; j < c; j++) {
      const v = load<f64>(z + (<usize>j << 3));
      if (v > m) m = v;
    }
    // exp(0) is exactly 1, so the row's maximum needs no special case.
    const mv = f64x2.splat(m);
    let s = 0.0;
    for (let j = 0; j < c; j += 2) {
      const p = z + (<usize>j << 3);
      const e = exp2(f64x2.sub(v128.load(p), mv));
      s += f64x2.extract_lane(e, 0);
      if (j + 1 < c) {
        s += f64x2.extract_lane(e, 1);
        v128.store(p, e);
      } else v128.store64_lane(p, e, 0);
    }
    const inv = f64x2.splat(1 / s);
    for (let j = 0; j < c; j += 2) {
      const p = z + (<usize>j << 3);
      put(p, f64x2.mul(v128.load(p), inv), j + 1 < c);
    }
    if (y != 0) {
      const p = load<f64>(z + (<usize>load<u8>(y + <usize>i) << 3));
      if (!(p >= minP)) minP = p;
    }
  }
  return minP;
}

/** D = P - onehot(y), both rows x c. */
export function outputDeltas(P: usize, y: usize, D: usize, rows: i32, c: i32): void {
  const zs = <usize>c << 3;
  for (let i = 0; i < rows; i++) {
    const t = <i32>load<u8>(y + <usize>i);
    const p = P + <usize>i * zs;
    const d = D + <usize>i * zs;
    for (let j = 0; j < c; j++) {
      const o = <usize>j << 3;
      let v = load<f64>(p + o);
      if (j == t) v -= 1;
      store<f64>(d + o, v);
    }
  }
}

/** Wt = W^T: W is din x dout, Wt dout x din. */
export function transpose(W: usize, Wt: usize, din: i32, dout: i32): void {
  for (let k = 0; k < din; k++) {
    for (let o = 0; o < dout; o++) {
      store<f64>(Wt + ((<usize>o * din + k) << 3), load<f64>(W + ((<usize>k * dout + o) << 3)));
    }
  }
}

/**
 * The deltas of a hidden layer: P[i, k] = ((sum over o in order of D[i, o] W[k, o]) + 0) f'(A[i, k]),
 * as `combine` and `multiplyDerivative` make them. Wt is W transposed (dout x din), so that
 * neighbouring k are neighbours in memory; D is rows x dout, A and P rows x din.
 */
export function hiddenDeltas(D: usize, Wt: usize, A: usize, P: usize, rows: i32, din: i32, dout: i32, act: i32): void {
  const ps = <usize>din << 3;
  const ds = <usize>dout << 3;
  const zero = f64x2.splat(0);
  if (dout == 2) {
    // The common case (two classes above the last hidden layer): D's two columns stay in registers.
    const w1 = Wt + ps;
    for (let i = 0; i < rows; i++) {
      const d = D + <usize>i * ds;
      const d0 = v128.load64_splat(d);
      const d1 = v128.load64_splat(d + 8);
      const a = A + <usize>i * ps;
      const p = P + <usize>i * ps;
      for (let k = 0; k < din; k += 2) {
        const o = <usize>k << 3;
        const s = f64x2.add(f64x2.mul(d0, v128.load(Wt + o)), f64x2.mul(d1, v128.load(w1 + o)));
        put(p + o, derive(f64x2.add(s, zero), v128.load(a + o), act), k + 1 < din);
      }
    }
    return;
  }
  for (let i = 0; i < rows; i++) {
    const d = D + <usize>i * ds;
    const a = A + <usize>i * ps;
    const p = P + <usize>i * ps;
    for (let k = 0; k < din; k += 2) {
      const o = <usize>k << 3;
      let w = Wt + o;
      let s = f64x2.mul(v128.load64_splat(d), v128.load(w));
      for (let j: usize = 8; j < ds; j += 8) {
        w += ps;
        s = f64x2.add(s, f64x2.mul(v128.load64_splat(d + j), v128.load(w)));
      }
      put(p + o, derive(f64x2.add(s, zero), v128.load(a + o), act), k + 1 < din);
    }
  }
}

/**
 * The gradient step of one layer from its input activations A (rows x din) and deltas D (rows x
 * dout): dW[k, o] = sum over rows in order of A[i, k] D[i, o], then W -= lr (dW + reg W); also the
 * bias: db[o] = sum over rows of D[i, o], b -= lr db. With G != 0, the sums dW go to G (din x dout)
 * and db to gb instead, for an optimizer (optimize.ts) to apply. Vectorised across o, two k at a time.
 */
export function gradientUpdate(
  A: usize, D: usize, W: usize, b: usize, rows: i32, din: i32, dout: i32, lr: f64, reg: f64, G: usize, gb: usize,
): void {
  const as = <usize>din << 3;
  const ds = <usize>dout << 3;
  const lv = f64x2.splat(lr);
  const rv = f64x2.splat(reg);
  const end = <usize>rows * ds;
  for (let o = 0; o < dout; o += 2) {
    const whole = o + 1 < dout;
    const oo = <usize>o << 3;
    // The bias first, with the first two inputs.
    let k = 0;
    {
      let sb = f64x2.splat(0);
      let s0 = f64x2.splat(0);
      let s1 = f64x2.splat(0);
      const two = din > 1;
      let a = A;
      for (let d = D + oo; d < D + oo + end; d += ds) {
        const dv = v128.load(d);
        sb = f64x2.add(sb, dv);
        s0 = f64x2.add(s0, f64x2.mul(v128.load64_splat(a), dv));
        if (two) s1 = f64x2.add(s1, f64x2.mul(v128.load64_splat(a + 8), dv));
        a += as;
      }
      const bp = b + oo;
      if (G != 0) put(gb + oo, sb, whole);
      else put(bp, f64x2.sub(v128.load(bp), f64x2.mul(lv, sb)), whole);
      finish(W, G, oo, s0, lv, rv, whole);
      if (two) finish(W, G, ds + oo, s1, lv, rv, whole);
      k = two ? 2 : 1;
    }
    for (; k + 1 < din; k += 2) {
      let s0 = f64x2.splat(0);
      let s1 = f64x2.splat(0);
      let a = A + (<usize>k << 3);
      for (let d = D + oo; d < D + oo + end; d += ds) {
        const dv = v128.load(d);
        s0 = f64x2.add(s0, f64x2.mul(v128.load64_splat(a), dv));
        s1 = f64x2.add(s1, f64x2.mul(v128.load64_splat(a + 8), dv));
        a += as;
      }
      finish(W, G, <usize>k * ds + oo, s0, lv, rv, whole);
      finish(W, G, <usize>(k + 1) * ds + oo, s1, lv, rv, whole);
    }
    if (k < din) {
      let s0 = f64x2.splat(0);
      let a = A + (<usize>k << 3);
      for (let d = D + oo; d < D + oo + end; d += ds) {
        s0 = f64x2.add(s0, f64x2.mul(v128.load64_splat(a), v128.load(d)));
        a += as;
      }
      finish(W, G, <usize>k * ds + oo, s0, lv, rv, whole);
    }
  }
}

/** The sum g of the weight at offset `at`: stored at G + at if G != 0, else the plain step on W. */
// @ts-ignore: decorator
@inline
function finish(W: usize, G: usize, at: usize, g: v128, lr: v128, reg: v128, whole: bool): void {
  if (G != 0) put(G + at, g, whole);
  else step(W + at, g, lr, reg, whole);
}

/** W -= lr (g + reg W) at w. */
// @ts-ignore: decorator
@inline
function step(w: usize, g: v128, lr: v128, reg: v128, whole: bool): void {
  const wv = v128.load(w);
  put(w, f64x2.sub(wv, f64x2.mul(lr, f64x2.add(g, f64x2.mul(reg, wv)))), whole);
}
