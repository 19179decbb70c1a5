/**
 * Edited data in the share link, key `pts`: rows as little-endian float32 x, y and a uint8 label,
 * raw-deflated and base64url-encoded. Edited data is kept at float32 precision (state/dataEdit.ts), so
 * the link carries it exactly. Only small data goes in a link (MAX_LINK_CHARS); decoding never throws.
 */
import { deflateSync, inflateSync } from 'fflate';
import type { Data } from '../core/datasets';
import { MAX_CLASSES, MAX_ROWS } from './csv';

export const DATA_KEY = 'pts';
export const MAX_LINK_CHARS = 4000;
/** Bytes per row: float32 x, float32 y, uint8 label. */
const ROW = 9;

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

/** The `pts` value for the data, or null when it would be too long for a link. */
export function encodeData(d: Data): string | null {
  const raw = new Uint8Array(d.n * ROW);
  const view = new DataView(raw.buffer);
  for (let i = 0; i < d.n; i++) {
    view.setFloat32(ROW * i, d.X[2 * i]!, true);
    view.setFloat32(ROW * i + 4, d.X[2 * i + 1]!, true);
    view.setUint8(ROW * i + 8, d.y[i]!);
  }
  const text = toBase64Url(deflateSync(raw, { level: 9 }));
  return text.length <= MAX_LINK_CHARS ? text : null;
}

export function decodeData(text: string): { data: Data | null; message?: string } {
  const bad = {
    data: null,
    message: 'The points in the link could not be read; using the generated dataset.',
  };
  if (text.length > MAX_LINK_CHARS * 2) return bad;
  const packed = fromBase64Url(text);
  if (!packed) return bad;
  let raw: Uint8Array;
  try {
    raw = inflateSync(packed, { out: new Uint8Array(MAX_ROWS * ROW + 1) });
  } catch {
    return bad;
  }
  if (raw.length % ROW !== 0 || raw.length < 2 * ROW || raw.length > MAX_ROWS * ROW) return bad;
  const n = raw.length / ROW;
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const X = new Float64Array(2 * n);
  const y = new Uint8Array(n);
  let top = 0;
  for (let i = 0; i < n; i++) {
    const a = view.getFloat32(ROW * i, true);
    const b = view.getFloat32(ROW * i + 4, true);
    const c = view.getUint8(ROW * i + 8);
    if (
      !Number.isFinite(a) ||
      !Number.isFinite(b) ||
      Math.abs(a) > 1e6 ||
      Math.abs(b) > 1e6 ||
      c >= MAX_CLASSES
    ) {
      return bad;
    }
    X[2 * i] = a;
    X[2 * i + 1] = b;
    y[i] = c;
    top = Math.max(top, c);
  }
  return { data: { X, y, n, classes: Math.max(2, top + 1) } };
}
