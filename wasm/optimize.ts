// The update rules of src/core/optimizer.ts (L1, momentum, Adam), operation for operation and one
// value at a time, so that every weight gets the bits the JS engine gives it. kind -1 is the plain
// step, which layers.ts keeps fused into the gradient's loop.

let kind: i32 = -1;
let beta: f64 = 0.9;
// beta^t and 0.999^t as running products, and 1 minus them (optimizer.ts).
let b1t: f64 = 1;
let b2t: f64 = 1;
let c1: f64 = 1;
let c2: f64 = 1;

/** The rule from now on (0 sgd, 1 momentum, 2 adam, -1 the fused plain step), with t back at 0. */
export function setOptimizer(k: i32, b: f64): void {
  kind = k;
  beta = b;
  b1t = 1;
  b2t = 1;
  c1 = 1;
  c2 = 1;
}

export function optimizerKind(): i32 {
  return kind;
}

/** Starts one update: Adam's t goes up by one. */
export function beginUpdate(): void {
  if (kind != 2) return;
  b1t *= beta;
  b2t *= 0.999;
  c1 = 1 - b1t;
  c2 = 1 - b2t;
}

// @ts-ignore: decorator
@inline
function delta(g: f64, m: usize, s: usize, lr: f64): f64 {
  if (kind == 1) {
    const v = beta * load<f64>(m) + g;
    store<f64>(m, v);
    return lr * v;
  }
  if (kind == 2) {
    const mi = beta * load<f64>(m) + (1 - beta) * g;
    const si = 0.999 * load<f64>(s) + 0.001 * g * g;
    store<f64>(m, mi);
    store<f64>(s, si);
    return (lr * (mi / c1)) / (sqrt<f64>(si / c2) + 1e-8);
  }
  return lr * g;
}

/**
 * n weights at W with summed gradients G: g = G + reg W + l1 sign(W), then the rule, with its state
 * at M (velocity or first moment) and S (second moment).
 */
export function updateWeights(W: usize, G: usize, M: usize, S: usize, n: i32, lr: f64, reg: f64, l1: f64): void {
  for (let i = 0; i < n; i++) {
    const o = <usize>i << 3;
    const w = load<f64>(W + o);
    let g = load<f64>(G + o) + reg * w;
    if (l1 != 0) g += l1 * (w > 0 ? 1.0 : w < 0 ? -1.0 : 0.0);
    store<f64>(W + o, w - delta(g, M + o, S + o, lr));
  }
}

/** n biases at b with summed gradients G (never penalised), then the rule. */
export function updateBiases(b: usize, G: usize, M: usize, S: usize, n: i32, lr: f64): void {
  for (let i = 0; i < n; i++) {
    const o = <usize>i << 3;
    store<f64>(b + o, load<f64>(b + o) - delta(load<f64>(G + o), M + o, S + o, lr));
  }
}
