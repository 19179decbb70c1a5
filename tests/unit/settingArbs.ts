/** fast-check arbitraries generated from the settings table: a new row is covered without edits here. */
import fc from 'fast-check';
import { type AnyKeyed, type Config, SETTING_ROWS } from '../../src/config/schema';
import type { SettingRow } from '../../src/config/settings';

/** Any value the row allows. */
export function valueArb(row: SettingRow): fc.Arbitrary<unknown> {
  switch (row.kind) {
    case 'number': {
      const inRange = row.integer
        ? fc.integer({ min: row.min, max: row.max })
        : fc
            .double({ min: row.min, max: row.max, noNaN: true, noDefaultInfinity: true })
            .map((v) => (Object.is(v, -0) ? 0 : v));
      return row.zero ? fc.oneof(inRange, fc.constant(0)) : inRange;
    }
    case 'enum':
      return fc.constantFrom(...row.options);
    case 'layers':
      return fc.array(fc.integer({ min: row.minUnits, max: row.maxUnits }), {
        minLength: row.minLayers,
        maxLength: row.maxLayers,
      });
    case 'set':
      // fc.subarray keeps the options' order, as a valid value must.
      return fc.subarray([...row.options], { minLength: 1 });
  }
}

/** Values the row rejects: of the wrong type, out of range, or (for whole numbers) fractional. */
export function invalidValues(row: SettingRow): unknown[] {
  switch (row.kind) {
    case 'number':
      return [
        Number.NaN,
        Number.POSITIVE_INFINITY,
        row.max + 1,
        row.zero ? row.min / 2 : row.min - 1,
        -row.max,
        String(row.min),
        ...(row.integer ? [row.min + 0.5] : []),
      ];
    case 'enum':
      return ['not-an-option', '', 0, null];
    case 'layers':
      return [
        ...(row.minLayers > 0 ? [[]] : []),
        Array.from({ length: row.maxLayers + 1 }, () => row.minUnits),
        [row.minUnits - 1],
        [row.maxUnits + 1],
        [row.minUnits + 0.5],
        String(row.minUnits),
      ];
    case 'set':
      return [
        [],
        ['not-an-option'],
        [row.options[1], row.options[0]],
        [row.options[0], row.options[0]],
        row.options[0],
      ];
  }
}

/** Any valid configuration. */
export const configArb = fc.record(
  Object.fromEntries(SETTING_ROWS.map((r) => [r.key, valueArb(r)])),
) as fc.Arbitrary<Config>;

/** A configuration with `row`'s value changed to another valid one. */
export function changedArb(row: AnyKeyed): fc.Arbitrary<{ before: Config; after: Config }> {
  return fc
    .tuple(configArb, valueArb(row))
    .filter(([c, v]) => JSON.stringify(c[row.key]) !== JSON.stringify(v))
    .map(([c, v]) => ({ before: c, after: { ...c, [row.key]: v } as Config }));
}
