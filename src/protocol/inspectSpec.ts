/**
 * Which units the page may look at in a network of given layer sizes (shared by the page, which
 * offers them, and the worker, which computes them), and the hidden space shown by default.
 */
import type { HiddenSpec, UnitRef } from './training';

/** The diagram draws at most this many nodes a layer (the first units), and gets their fields. */
export const NODE_UNITS = 16;

/** Units of each layer whose fields the diagram gets: all, or the first NODE_UNITS - 1 and "+N more". */
export function nodeCounts(sizes: readonly number[]): number[] {
  return sizes.map((s) => (s > NODE_UNITS ? NODE_UNITS - 1 : s));
}

export function validUnit(sizes: readonly number[], ref: UnitRef | null): ref is UnitRef {
  return (
    !!ref &&
    Number.isInteger(ref.layer) &&
    ref.layer >= 1 &&
    ref.layer <= sizes.length - 2 &&
    Number.isInteger(ref.unit) &&
    ref.unit >= 0 &&
    ref.unit < sizes[ref.layer]!
  );
}

/** Two or three distinct units of one hidden layer. */
export function validHidden(sizes: readonly number[], spec: HiddenSpec | null): spec is HiddenSpec {
  if (!spec || (spec.units.length !== 2 && spec.units.length !== 3)) return false;
  const { layer, units } = spec;
  return units.every((u, i) => validUnit(sizes, { layer, unit: u }) && units.indexOf(u) === i);
}

/** Hidden layers (indices into sizes) with at least two units. */
export function spaceLayers(sizes: readonly number[]): number[] {
  const out: number[] = [];
  for (let l = 1; l + 1 < sizes.length; l++) if (sizes[l]! >= 2) out.push(l);
  return out;
}

/** The first hidden layer that has a space: all of it when it has 2 or 3 units, else its first two. */
export function defaultHidden(sizes: readonly number[], layer = spaceLayers(sizes)[0]): HiddenSpec | null {
  if (layer === undefined || !(sizes[layer]! >= 2)) return null;
  return { layer, units: sizes[layer] === 3 ? [0, 1, 2] : [0, 1] };
}

export function sameUnit(a: UnitRef | null, b: UnitRef | null): boolean {
  return a === b || (!!a && !!b && a.layer === b.layer && a.unit === b.unit);
}

export function sameHidden(a: HiddenSpec | null, b: HiddenSpec | null): boolean {
  return (
    a === b ||
    (!!a &&
      !!b &&
      a.layer === b.layer &&
      a.units.length === b.units.length &&
      a.units.every((u, i) => u === b.units[i]))
  );
}
