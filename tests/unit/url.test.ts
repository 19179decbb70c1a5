import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIVATIONS,
  ANNEALS,
  type Config,
  configsEqual,
  DATASETS,
  DEFAULT_CONFIG,
  HIDDEN,
  NUMBER_FIELDS,
  type NumericKey,
} from '../../src/config/schema';
import { decodeConfig, encodeConfig, isValidConfig } from '../../src/config/url';

const KEYS = [
  'v',
  'data',
  'n',
  'noise',
  'seed',
  'classes',
  'test',
  'hidden',
  'act',
  'lr',
  'reg',
  'batch',
  'anneal',
  'passes',
];

function numberArb(key: NumericKey): fc.Arbitrary<number> {
  const f = NUMBER_FIELDS[key];
  const inRange = f.integer
    ? fc.integer({ min: f.min, max: f.max })
    : fc
        .double({ min: f.min, max: f.max, noNaN: true, noDefaultInfinity: true })
        .map((v) => (Object.is(v, -0) ? 0 : v));
  return f.zero ? fc.oneof(inRange, fc.constant(0)) : inRange;
}

const configArb: fc.Arbitrary<Config> = fc.record({
  data: fc.constantFrom(...DATASETS),
  n: numberArb('n'),
  noise: numberArb('noise'),
  seed: numberArb('seed'),
  classes: numberArb('classes'),
  test: numberArb('test'),
  hidden: fc.array(fc.integer({ min: HIDDEN.minUnits, max: HIDDEN.maxUnits }), {
    minLength: HIDDEN.minLayers,
    maxLength: HIDDEN.maxLayers,
  }),
  act: fc.constantFrom(...ACTIVATIONS),
  lr: numberArb('lr'),
  reg: numberArb('reg'),
  batch: numberArb('batch'),
  anneal: fc.constantFrom(...ANNEALS),
  passes: numberArb('passes'),
});

describe('URL codec', () => {
  it('decodes the empty query to the tutorial defaults without messages', () => {
    expect(decodeConfig('')).toEqual({ config: DEFAULT_CONFIG, messages: [] });
  });

  it('round-trips every valid config exactly', () => {
    fc.assert(
      fc.property(configArb, (c) => {
        const { config, messages } = decodeConfig(encodeConfig(c));
        expect(messages).toEqual([]);
        expect(configsEqual(config, c)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('turns any string into a valid config without throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        expect(isValidConfig(decodeConfig(s).config)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('turns 10,000 generated query strings into valid configs', () => {
    const hostile = fc.constantFrom(
      '<script>alert(1)</script>',
      '1e999',
      '-1e999',
      'NaN',
      'Infinity',
      '0x10',
      '1,2,3',
      ',,,',
      '-5',
      '1e-400',
      '999999999999999999999',
      '"><img src=x onerror=alert(1)>',
      '%00',
      '%E0%A4%A',
      '../../etc/passwd',
      '0.1.2',
    );
    const value = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), hostile, fc.double().map(String));
    const pair = fc.tuple(fc.constantFrom(...KEYS), value, fc.boolean());
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 20 }), (pairs) => {
        const q = pairs.map(([k, v, encode]) => `${k}=${encode ? encodeURIComponent(v) : v}`).join('&');
        const { config, messages } = decodeConfig(q);
        expect(isValidConfig(config)).toBe(true);
        expect(messages.every((m) => m.length < 200)).toBe(true);
      }),
      { numRuns: 10000 },
    );
  });

  it('clamps hostile values and says what it changed', () => {
    const { config, messages } = decodeConfig(
      '?hidden=-5&lr=abc&reg=1e999&data=<script>alert(1)</script>&n=1e30',
    );
    expect(config.hidden).toEqual([1]);
    expect(config.lr).toBe(DEFAULT_CONFIG.lr);
    expect(config.reg).toBe(NUMBER_FIELDS.reg.max);
    expect(config.data).toBe('moons');
    expect(config.n).toBe(NUMBER_FIELDS.n.max);
    expect(messages).toHaveLength(5);
    expect(messages.join(' ')).toMatch(/Learning rate/);
    expect(messages.join(' ')).toMatch(/Hidden layer size: “-5” is out of range; set to 1/);
  });

  it('reads a whole share URL and ignores unknown keys and the fragment', () => {
    const { config, messages } = decodeConfig(
      'https://x.example/nn/?hidden=8,8&lr=0.02&foo=bar&act=relu#hidden=1',
    );
    expect(config.hidden).toEqual([8, 8]);
    expect(config.lr).toBe(0.02);
    expect(config.act).toBe('relu');
    expect(messages).toEqual([]);
  });

  it('lets regularization be exactly zero', () => {
    expect(decodeConfig('reg=0').config.reg).toBe(0);
    expect(encodeConfig({ ...DEFAULT_CONFIG, reg: 0 })).toContain('reg=0');
  });

  it('writes the version and every key', () => {
    const q = encodeConfig(DEFAULT_CONFIG);
    expect(q.startsWith('v=1&')).toBe(true);
    for (const k of KEYS) expect(q).toContain(`${k}=`);
  });
});
