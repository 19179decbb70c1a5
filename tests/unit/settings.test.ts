import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type Config,
  configsEqual,
  copyConfig,
  DEFAULT_CONFIG,
  type EnumKey,
  isValidConfig,
  isValidValue,
  type NumericKey,
  restartsRun,
  SETTING_ROWS,
  SETTINGS,
} from '../../src/config/schema';
import { changedArb, configArb, invalidValues } from './settingArbs';

describe('settings table', () => {
  it('derives the types of the public settings', () => {
    expectTypeOf<Config['data']>().toEqualTypeOf<
      'moons' | 'circles' | 'xor' | 'blobs' | 'spiral' | 'plane' | 'gauss'
    >();
    expectTypeOf<Config['opt']>().toEqualTypeOf<'sgd' | 'momentum' | 'adam'>();
    expectTypeOf<Config['inputs']>().toEqualTypeOf<
      ('x1' | 'x2' | 'x1sq' | 'x2sq' | 'x1x2' | 'sinx1' | 'sinx2')[]
    >();
    expectTypeOf<Config['act']>().toEqualTypeOf<'tanh' | 'sigmoid' | 'relu' | 'leaky' | 'linear'>();
    expectTypeOf<Config['anneal']>().toEqualTypeOf<'none' | 'step' | 'exp' | 'inv'>();
    expectTypeOf<Config['hidden']>().toEqualTypeOf<number[]>();
    expectTypeOf<Config['lr']>().toEqualTypeOf<number>();
    expectTypeOf<'data' | 'act' | 'anneal'>().toExtend<EnumKey>();
    expectTypeOf<'n' | 'seed' | 'lr' | 'passes'>().toExtend<NumericKey>();
    expectTypeOf<'hidden'>().not.toExtend<EnumKey | NumericKey>();
  });

  it('has one row per key, with distinct URL names and labels', () => {
    expect(SETTING_ROWS.map((r) => r.key)).toEqual(Object.keys(SETTINGS));
    expect(new Set(SETTING_ROWS.map((r) => r.url)).size).toBe(SETTING_ROWS.length);
    expect(new Set(SETTING_ROWS.map((r) => r.label)).size).toBe(SETTING_ROWS.length);
  });

  it('gives every row a default it allows, and nothing else', () => {
    expect(Object.keys(DEFAULT_CONFIG)).toEqual(SETTING_ROWS.map((r) => r.key));
    for (const row of SETTING_ROWS) expect(isValidValue(row, DEFAULT_CONFIG[row.key])).toBe(true);
    expect(isValidConfig(DEFAULT_CONFIG)).toBe(true);
  });

  it('has ranges that make sense: min below max, steps and stops inside', () => {
    for (const row of SETTING_ROWS) {
      if (row.kind === 'number') {
        expect(row.min).toBeLessThan(row.max);
        expect(row.step).toBeGreaterThan(0);
        for (const s of row.stops ?? []) expect(isValidValue(row, s)).toBe(true);
      } else if (row.kind === 'layers') {
        expect(row.minLayers).toBeLessThanOrEqual(row.maxLayers);
        expect(row.minUnits).toBeLessThanOrEqual(row.maxUnits);
      } else {
        expect(Object.keys(row.optionLabels).sort()).toEqual([...row.options].sort());
      }
    }
  });

  it('keeps the defaults from being changed', () => {
    expect(Object.isFrozen(DEFAULT_CONFIG)).toBe(true);
  });
});

describe('derived from the table, row by row', () => {
  for (const row of SETTING_ROWS) {
    it(`tells configs apart that differ in ${row.key} only`, () => {
      fc.assert(
        fc.property(changedArb(row), ({ before, after }) => {
          expect(configsEqual(before, after)).toBe(false);
          expect(configsEqual(after, before)).toBe(false);
          expect(restartsRun(before, after)).toBe(row.restarts);
        }),
        { numRuns: 100 },
      );
    });

    it(`rejects configs with an invalid ${row.key}`, () => {
      for (const bad of invalidValues(row)) {
        expect(isValidValue(row, bad)).toBe(false);
        expect(isValidConfig({ ...DEFAULT_CONFIG, [row.key]: bad } as Config)).toBe(false);
      }
    });
  }

  it('finds equal configs equal, and copies them', () => {
    fc.assert(
      fc.property(configArb, (c) => {
        const copy = copyConfig(c);
        expect(copy).toEqual(c);
        expect(configsEqual(copy, c)).toBe(true);
        expect(restartsRun(copy, c)).toBe(false);
        expect(isValidConfig(c)).toBe(true);
      }),
    );
  });

  it('copies list-valued settings, so that changing the copy leaves the original', () => {
    const original = copyConfig(DEFAULT_CONFIG);
    const copy = copyConfig(original);
    for (const row of SETTING_ROWS) {
      if (row.kind !== 'layers') continue;
      copy[row.key].push(row.minUnits);
      expect(original[row.key]).toEqual(DEFAULT_CONFIG[row.key]);
    }
  });
});
