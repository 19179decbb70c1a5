/**
 * Hostile query strings for the real page: markup and script payloads, absurd numbers, broken
 * percent-encoding, repeated and unknown keys, prototype names, very long values. Seeded, so a failure
 * names a query that can be replayed.
 */
import { URL_KEYS } from '../../src/config/url';

/** Payloads that would leave a trace if they ever became markup or ran. */
export const INJECTIONS = [
  '<script>window.__pwned=1</script>',
  '"><img src=x class=pwned onerror="window.__pwned=1">',
  "'><svg class=pwned onload=window.__pwned=1>",
  '<iframe class=pwned src="javascript:window.__pwned=1"></iframe>',
  'javascript:window.__pwned=1',
  '</textarea><b class=pwned>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, on purpose
  '${window.__pwned=1}',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '<math><mi class=pwned xlink:href="javascript:1">',
];

const NUMBERS = [
  '0',
  '1',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-1e309',
  '1e-400',
  '-0',
  '0x1F',
  '0b11',
  '1_000',
  '  7  ',
  '+5',
  '--5',
  '5e',
  '.',
  '',
  '9'.repeat(400),
  '0.'.padEnd(300, '1'),
  '4294967296',
  '-2147483649',
  '3.999999999999999999',
  '1,2',
  '[]',
  '{}',
  'null',
  'undefined',
  'true',
];

const TEXT = [
  '%',
  '%zz',
  '%E0%A4%A',
  '%00',
  '%C0%AF',
  '\u202e',
  '😀',
  '\ud800',
  'a'.repeat(5000),
  '1,'.repeat(200),
  ',,,',
  '512,512,512,512,512,512,512,512',
  '-1,-2',
  '3;4',
  '\\',
  '#',
  '?',
  '&&',
  '==',
];

/** Values some keys accept, so that hostile pairs sit beside valid ones (and the keys' valid paths run). */
const VALID = [
  '1',
  '0',
  'max',
  'lapse',
  '100',
  'x1,x2,x1sq',
  'hidden,lr,reg',
  '1,2,3',
  'adam',
  '0.5',
  'gallery',
];

const KEYS = [
  'v',
  ...URL_KEYS,
  'pts',
  'view',
  'speed',
  'sizes',
  'log',
  'pin',
  'showtest',
  'disc',
  'embed',
  'controls',
];
const ODD_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'hidden[]',
  'toString',
  '',
  ' lr',
  'LR',
  'x'.repeat(300),
];

/** mulberry32: a small seeded generator. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` query strings (without '?'), each with one to six hostile pairs. */
export function hostileQueries(count: number, seed = 20240605): string[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const value = (): string => {
    const k = r();
    const raw = k < 0.15 ? pick(VALID) : k < 0.4 ? pick(INJECTIONS) : k < 0.7 ? pick(NUMBERS) : pick(TEXT);
    // Half raw (the browser's URL parser encodes what it must), half percent-encoded, a few twice.
    const e = r();
    if (e < 0.5) return raw;
    try {
      return e < 0.9 ? encodeURIComponent(raw) : encodeURIComponent(encodeURIComponent(raw));
    } catch {
      return raw; // a lone surrogate cannot be encoded
    }
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const pairs: string[] = [];
    const n = 1 + Math.floor(r() * 6);
    for (let j = 0; j < n; j++) {
      const key = r() < 0.85 ? pick(KEYS) : pick(ODD_KEYS);
      const form = r();
      pairs.push(form < 0.9 ? `${key}=${value()}` : form < 0.95 ? key : `${key}==${value()}`);
    }
    out.push(pairs.join(r() < 0.9 ? '&' : '&&'));
  }
  return out;
}
