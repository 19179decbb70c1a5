/**
 * The hidden-size gallery's pure part: which configurations its tiles train, the list of sizes a person
 * types, and the key that says when the gallery must start over.
 */
import { type Config, copyConfig, HIDDEN } from './schema';
import { encodeConfig } from './url';

/** The tutorial's gallery: `for i, nn_hdim in enumerate([1, 2, 3, 4, 5, 20, 50])`. */
export const TUTORIAL_SIZES: readonly number[] = [1, 2, 3, 4, 5, 20, 50];
export const MAX_TILES = 12;

/**
 * The current configuration with `units` in every hidden layer: the same data, seed, activation,
 * learning rate, regularization, split and passes. (One layer, as in the tutorial, gives `[units]`;
 * so does no hidden layer, which has no size to vary.)
 */
export function tileConfig(base: Readonly<Config>, units: number): Config {
  const c = copyConfig(base);
  c.hidden = c.hidden.length === 0 ? [units] : c.hidden.map(() => units);
  return c;
}

/**
 * What the tiles depend on: everything but the hidden widths (the tiles set those), plus the version of
 * edited points. Loading a tile into the playground changes only widths, so the gallery stays.
 */
export function galleryKey(base: Readonly<Config>, dataVersion: number, sizes: readonly number[]): string {
  return `${encodeConfig(tileConfig(base, 1))}|${dataVersion}|${sizes.join(',')}`;
}

export interface ParsedSizes {
  sizes: number[] | null;
  error?: string;
}

/** Reads "1, 2, 3, 20": whole numbers within the hidden layer's range, at most MAX_TILES, no repeats. */
export function parseSizes(text: string): ParsedSizes {
  const parts = text
    .split(/[\s,;]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return { sizes: null, error: 'Type at least one size, e.g. 1, 2, 3, 20.' };
  const sizes: number[] = [];
  for (const p of parts) {
    if (!/^\d+$/.test(p)) return { sizes: null, error: `“${p.slice(0, 12)}” is not a whole number.` };
    const v = Number(p);
    if (v < HIDDEN.minUnits || v > HIDDEN.maxUnits) {
      return { sizes: null, error: `${v} is outside ${HIDDEN.minUnits} to ${HIDDEN.maxUnits} units.` };
    }
    if (!sizes.includes(v)) sizes.push(v);
  }
  if (sizes.length > MAX_TILES) return { sizes: null, error: `At most ${MAX_TILES} sizes.` };
  return { sizes };
}

/** Workers for the gallery: one core is left for the main training worker, and never more than tiles. */
export function poolSize(hardwareConcurrency: number | undefined, tiles: number): number {
  const cores = Number.isFinite(hardwareConcurrency) && hardwareConcurrency! > 0 ? hardwareConcurrency! : 2;
  return Math.max(1, Math.min(tiles, cores - 1));
}
