// A module for the tests only, never shipped: the engine's exp2 and tanh2 (wasm/math.ts) over arrays,
// so that a test can hold them to fastmath.ts's exp and tanh bit for bit on any inputs.
import { exp2, tanh2 } from '../math';

export { heapBase, tableAddress } from '../index';
export { deriveTables } from '../math';

/** out[i] = exp(x[i]) for n values (n even), two at a time. */
export function expAll(x: usize, out: usize, n: i32): void {
  for (let o: usize = 0; o < <usize>n << 3; o += 16) v128.store(out + o, exp2(v128.load(x + o)));
}

/** out[i] = tanh(x[i]) for n values (n even), two at a time. */
export function tanhAll(x: usize, out: usize, n: i32): void {
  for (let o: usize = 0; o < <usize>n << 3; o += 16) v128.store(out + o, tanh2(v128.load(x + o)));
}
