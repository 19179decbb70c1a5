import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  configsEqual,
  DEFAULT_CONFIG,
  isValidConfig,
  NUMBER_FIELDS,
  SETTING_ROWS,
} from '../../src/config/schema';
import { decodeConfig, encodeConfig } from '../../src/config/url';
import { configArb, valueArb } from './settingArbs';

/** The public v=1 format's keys, in the order links write them (links in the wild depend on it). */
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

  it('reads the input features in their own order, whatever the link’s, and says what it dropped', () => {
    expect(decodeConfig('inputs=sinx1,x2').config.inputs).toEqual(['x2', 'sinx1']);
    expect(decodeConfig('inputs=x1x2,x1,x1').config.inputs).toEqual(['x1', 'x1x2']);
    expect(encodeConfig({ ...DEFAULT_CONFIG, inputs: ['x2', 'sinx1'] })).toContain('&inputs=x2,sinx1&');
    const some = decodeConfig('inputs=x1sq,cube');
    expect(some.config.inputs).toEqual(['x1sq']);
    expect(some.messages).toEqual([
      'Input features: “cube” is not one of x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2; dropped.',
    ]);
    const none = decodeConfig('inputs=cube,');
    expect(none.config.inputs).toEqual(['x1', 'x2']);
    expect(none.messages).toHaveLength(1);
    expect(none.messages[0]).toMatch(/names none of .*; using the default x1,x2\.$/);
  });

  it('reads hidden=0 as no hidden layer, and writes no hidden layer as 0', () => {
    expect(decodeConfig('hidden=0')).toEqual({ config: { ...DEFAULT_CONFIG, hidden: [] }, messages: [] });
    expect(encodeConfig({ ...DEFAULT_CONFIG, hidden: [] })).toContain('&hidden=0&');
    // A 0 among other widths is still a layer too small.
    expect(decodeConfig('hidden=3,0').config.hidden).toEqual([3, 1]);
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

  // Links in the wild: a new setting may add a key, but these must keep their names, defaults and order.
  const TUTORIAL_LINK =
    'v=1&data=moons&n=200&noise=0.2&seed=0&classes=2&test=0&hidden=3&act=tanh&lr=0.01&reg=0.01&batch=0&anneal=none&passes=20000';

  it('reads the published tutorial link as the defaults', () => {
    expect(decodeConfig(TUTORIAL_LINK)).toEqual({ config: DEFAULT_CONFIG, messages: [] });
  });

  it('writes the published keys of the tutorial link, with its values, in its order', () => {
    const pairs = encodeConfig(DEFAULT_CONFIG).split('&');
    const published = TUTORIAL_LINK.split('&');
    expect(pairs.filter((p) => published.includes(p))).toEqual(published);
  });
});

describe('URL codec, row by row (generated from the settings table)', () => {
  for (const row of SETTING_ROWS) {
    it(`round-trips any valid ${row.key} and leaves the other settings at their defaults`, () => {
      fc.assert(
        fc.property(valueArb(row), (v) => {
          const c = { ...DEFAULT_CONFIG, [row.key]: v };
          const { config, messages } = decodeConfig(encodeConfig(c));
          expect(messages).toEqual([]);
          expect(config).toEqual(c);
          const alone = decodeConfig(
            encodeConfig(c)
              .split('&')
              .find((p) => p.startsWith(`${row.url}=`))!,
          );
          expect(alone.config).toEqual(c);
        }),
        { numRuns: 300 },
      );
    });

    it(`reads any text given for ${row.url} as a valid config, without throwing`, () => {
      const text = fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.double().map(String),
        fc.array(fc.double().map(String), { maxLength: 8 }).map((a) => a.join(',')),
      );
      fc.assert(
        fc.property(text, fc.boolean(), (raw, encode) => {
          const { config, messages } = decodeConfig(`${row.url}=${encode ? encodeURIComponent(raw) : raw}`);
          expect(isValidConfig(config)).toBe(true);
          expect(messages.every((m) => m.length < 200)).toBe(true);
        }),
        { numRuns: 500 },
      );
    });
  }

  it('says which setting it changed, by its label', () => {
    for (const row of SETTING_ROWS) {
      const { messages } = decodeConfig(`${row.url}=%3Cnope%3E`);
      expect(messages).toHaveLength(row.kind === 'layers' ? 2 : 1);
      expect(messages[0]!.startsWith(`${row.label}: “<nope>”`)).toBe(true);
    }
  });
});
