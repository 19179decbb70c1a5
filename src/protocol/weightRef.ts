/**
 * One link of the network, as the diagram shows it and a hand edit names it: the weight from unit
 * `from` of layer `layer` (0 = the input) to unit `to` of layer `layer + 1`. Shared by the page, which
 * offers the links, and the worker, which sets them.
 */

export interface WeightRef {
  layer: number;
  from: number;
  to: number;
}

/** The largest weight a hand edit may set, either sign: far beyond what training makes. */
export const MAX_HAND_WEIGHT = 1000;

function inRange(i: number, n: number | undefined): boolean {
  return Number.isInteger(i) && n !== undefined && i >= 0 && i < n;
}

export function validWeightRef(sizes: readonly number[], ref: WeightRef | null): ref is WeightRef {
  return (
    !!ref &&
    Number.isInteger(ref.layer) &&
    ref.layer >= 0 &&
    ref.layer + 1 < sizes.length &&
    inRange(ref.from, sizes[ref.layer]) &&
    inRange(ref.to, sizes[ref.layer + 1])
  );
}

/** The index of the weight in `W[layer]` (sizes[layer] x sizes[layer + 1], row-major). */
export function weightIndex(sizes: readonly number[], ref: WeightRef): number {
  return ref.from * sizes[ref.layer + 1]! + ref.to;
}

export function validHandWeight(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) <= MAX_HAND_WEIGHT;
}
