/**
 * The share-URL codec: a public, versioned query-string format (`v=1`). Decoding never throws: a bad
 * value falls back to its default or is clamped, and every change is reported as a message.
 */
import { copyConfig, DEFAULT_CONFIG, SETTING_ROWS } from './schema';
import type { Config, EnumKey, LayersRow, NumberRow, SetKey, SetRow } from './settings';

export const URL_VERSION = 1;
/** The query-string names, in the order links write them (the table's order). */
export const URL_KEYS: readonly string[] = SETTING_ROWS.map((r) => r.url);
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
export function clampNumber(field: NumberRow, raw: string): { value: number | null; message?: string } {
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

/** The list's text in a link: its widths, or `0` for no layer at all. */
function layersText(v: readonly number[]): string {
  return v.length === 0 ? '0' : v.join(',');
}

function parseLayers(row: LayersRow, raw: string, messages: string[]): number[] | null {
  // `0` alone is no hidden layer (a 0 in a longer list is still a layer too small).
  if (row.minLayers === 0 && raw.trim() === '0') return [];
  const parts = raw.split(',');
  if (parts.length > row.maxLayers) {
    messages.push(`${row.listLabel}: at most ${row.maxLayers}; kept the first ${row.maxLayers}.`);
    parts.length = row.maxLayers;
  }
  const out: number[] = [];
  for (const p of parts) {
    const t = p.trim();
    if (!/^[+-]?\d+$/.test(t)) {
      messages.push(`${row.label}: ${quote(p)} is not a whole number; layer dropped.`);
      continue;
    }
    const v = Number(t);
    const c = Math.min(row.maxUnits, Math.max(row.minUnits, v));
    if (c !== v) messages.push(`${row.label}: ${quote(p)} is out of range; set to ${c}.`);
    out.push(c);
  }
  if (out.length === 0) {
    messages.push(`${row.listLabel}: none readable; using the default ${row.default.join(',')}.`);
    return null;
  }
  return out;
}

/**
 * A set's options from a comma list, in the options' order whatever the list's order; unknown names
 * are dropped with one message; with none known, null (the default) and a message saying so.
 */
function parseSet(row: SetRow, raw: string, messages: string[]): string[] | null {
  const names = raw.split(',').map((t) => t.trim());
  const unknown = names.filter((t) => !row.options.includes(t));
  const known = row.options.filter((o) => names.includes(o));
  if (known.length === 0) {
    messages.push(
      `${row.label}: ${quote(raw)} names none of ${row.options.join(', ')}; using the default ${row.default.join(',')}.`,
    );
    return null;
  }
  if (unknown.length > 0) {
    messages.push(
      `${row.label}: ${quote(unknown.join(','))} is not one of ${row.options.join(', ')}; dropped.`,
    );
  }
  return known;
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
  for (const row of SETTING_ROWS) {
    const raw = params.get(row.url);
    if (raw === null) continue;
    switch (row.kind) {
      case 'enum': {
        if ((row.options as readonly string[]).includes(raw)) {
          // One of the row's own options; TypeScript cannot pair the key with its options here.
          (config as Record<EnumKey, string>)[row.key] = raw;
        } else {
          messages.push(
            `${row.label}: ${quote(raw)} is not one of ${row.options.join(', ')}; using ${config[row.key]}.`,
          );
        }
        break;
      }
      case 'number': {
        const { value, message } = clampNumber(row, raw);
        if (message) messages.push(message);
        if (value !== null) config[row.key] = value;
        break;
      }
      case 'layers': {
        const layers = parseLayers(row, raw, messages);
        if (layers) config[row.key] = layers;
        break;
      }
      case 'set': {
        const chosen = parseSet(row, raw, messages);
        // Options of the row itself, in its order; TypeScript cannot pair the key with its options here.
        if (chosen) (config as Record<SetKey, string[]>)[row.key] = chosen;
        break;
      }
    }
  }
  return { config, messages };
}

/** The query string (without `?`) for a config; `decodeConfig(encodeConfig(c)).config` equals `c`. */
export function encodeConfig(c: Readonly<Config>): string {
  const parts = [`v=${URL_VERSION}`];
  for (const row of SETTING_ROWS) {
    const value =
      row.kind === 'layers'
        ? layersText(c[row.key])
        : row.kind === 'set'
          ? c[row.key].join(',')
          : String(c[row.key]);
    parts.push(`${row.url}=${encodeURIComponent(value).replace(/%2C/g, ',')}`);
  }
  return parts.join('&');
}
