/**
 * The share-URL codec: a public, versioned query-string format (`v=1`). Decoding never throws: a bad
 * value falls back to its default or is clamped, and every change is reported as a message.
 */
import {
  type Config,
  copyConfig,
  DEFAULT_CONFIG,
  ENUM_FIELDS,
  type EnumKey,
  HIDDEN,
  NUMBER_FIELDS,
  type NumberField,
  type NumericKey,
} from './schema';

export const URL_VERSION = 1;
/** The configuration's keys, in the order links write them. */
export const URL_KEYS: readonly (keyof Config)[] = [
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
const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export interface Decoded {
  config: Config;
  messages: string[];
}

/** Quotes user text for a message; the message is shown as text, never parsed as HTML. */
function quote(raw: string): string {
  const s = raw.length > 24 ? `${raw.slice(0, 24)}…` : raw;
  return `“${s}”`;
}

function fmt(x: number): string {
  return String(x);
}

/** Parses one number; returns the value to use and an optional message. */
export function clampNumber(field: NumberField, raw: string): { value: number | null; message?: string } {
  const t = raw.trim();
  if (!NUMBER_RE.test(t)) {
    return { value: null, message: `${field.label}: ${quote(raw)} is not a number; using the default.` };
  }
  let v = Number(t);
  if (Number.isNaN(v)) return { value: null, message: `${field.label}: ${quote(raw)} is not a number.` };
  let message: string | undefined;
  if (field.integer && Number.isFinite(v) && !Number.isInteger(v)) {
    const r = Math.round(v);
    message = `${field.label}: ${quote(raw)} is not a whole number; rounded to ${r}.`;
    v = r;
  }
  if (field.zero && v === 0) return { value: 0 };
  if (v < field.min || v > field.max) {
    const c = v < field.min ? (field.zero && v >= 0 ? 0 : field.min) : field.max;
    return { value: c, message: `${field.label}: ${quote(raw)} is out of range; set to ${fmt(c)}.` };
  }
  return message ? { value: v, message } : { value: v };
}

function parseHidden(raw: string, messages: string[]): number[] | null {
  const parts = raw.split(',');
  if (parts.length > HIDDEN.maxLayers) {
    messages.push(`Hidden layers: at most ${HIDDEN.maxLayers}; kept the first ${HIDDEN.maxLayers}.`);
    parts.length = HIDDEN.maxLayers;
  }
  const out: number[] = [];
  for (const p of parts) {
    const t = p.trim();
    if (!/^[+-]?\d+$/.test(t)) {
      messages.push(`Hidden layer size: ${quote(p)} is not a whole number; layer dropped.`);
      continue;
    }
    const v = Number(t);
    const c = Math.min(HIDDEN.maxUnits, Math.max(HIDDEN.minUnits, v));
    if (c !== v) messages.push(`Hidden layer size: ${quote(p)} is out of range; set to ${c}.`);
    out.push(c);
  }
  if (out.length === 0) {
    messages.push(`Hidden layers: none readable; using the default ${DEFAULT_CONFIG.hidden.join(',')}.`);
    return null;
  }
  return out;
}

/** Reads a query string, `?query`, or a whole URL. Unknown keys are ignored. */
export function decodeConfig(input: string): Decoded {
  const config = copyConfig(DEFAULT_CONFIG);
  const messages: string[] = [];
  let q = input;
  const hashAt = q.indexOf('#');
  if (hashAt >= 0) q = q.slice(0, hashAt);
  const qAt = q.indexOf('?');
  if (qAt >= 0) q = q.slice(qAt + 1);
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(q);
  } catch {
    return { config, messages: ['The link could not be read; using the defaults.'] };
  }
  const v = params.get('v');
  if (v !== null && v !== String(URL_VERSION)) {
    messages.push(`This link says format version ${quote(v)}; read as version ${URL_VERSION}.`);
  }
  for (const key of Object.keys(ENUM_FIELDS) as EnumKey[]) {
    const raw = params.get(key);
    if (raw === null) continue;
    const field = ENUM_FIELDS[key];
    if ((field.options as readonly string[]).includes(raw)) {
      (config as unknown as Record<string, string>)[key] = raw;
    } else {
      messages.push(
        `${field.label}: ${quote(raw)} is not one of ${field.options.join(', ')}; using ${config[key]}.`,
      );
    }
  }
  for (const key of Object.keys(NUMBER_FIELDS) as NumericKey[]) {
    const raw = params.get(key);
    if (raw === null) continue;
    const { value, message } = clampNumber(NUMBER_FIELDS[key], raw);
    if (message) messages.push(message);
    if (value !== null) config[key] = value;
  }
  const hidden = params.get('hidden');
  if (hidden !== null) {
    const h = parseHidden(hidden, messages);
    if (h) config.hidden = h;
  }
  return { config, messages };
}

/** The query string (without `?`) for a config; `decodeConfig(encodeConfig(c)).config` equals `c`. */
export function encodeConfig(c: Readonly<Config>): string {
  const parts = [`v=${URL_VERSION}`];
  for (const key of URL_KEYS) {
    const value = key === 'hidden' ? c.hidden.join(',') : String(c[key]);
    parts.push(`${key}=${encodeURIComponent(value).replace(/%2C/g, ',')}`);
  }
  return parts.join('&');
}

/** True when every field is of its type and inside its range. */
export function isValidConfig(c: Readonly<Config>): boolean {
  for (const key of Object.keys(NUMBER_FIELDS) as NumericKey[]) {
    const f = NUMBER_FIELDS[key];
    const v = c[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) return false;
    if (f.integer && !Number.isInteger(v)) return false;
    if (!(f.zero && v === 0) && (v < f.min || v > f.max)) return false;
  }
  for (const key of Object.keys(ENUM_FIELDS) as EnumKey[]) {
    if (!(ENUM_FIELDS[key].options as readonly string[]).includes(c[key])) return false;
  }
  return (
    Array.isArray(c.hidden) &&
    c.hidden.length >= HIDDEN.minLayers &&
    c.hidden.length <= HIDDEN.maxLayers &&
    c.hidden.every((h) => Number.isInteger(h) && h >= HIDDEN.minUnits && h <= HIDDEN.maxUnits)
  );
}
