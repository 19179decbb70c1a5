/**
 * Edited data in the share link, key `pts`: rows as little-endian float32 x, y and a uint8 label,
 * raw-deflated (the browser's CompressionStream) and base64url-encoded. Edited data is kept at float32
 * precision (state/dataEdit.ts), so the link carries it exactly. Only small data goes in a link
 * (MAX_LINK_CHARS); decoding never rejects.
 */
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

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
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

/**
 * Runs bytes through a (de)compression stream; null when the output would pass `limit` bytes, which
 * stops a small link from inflating into a huge buffer. Rejects on input the stream cannot read.
 */
async function pump(
  stream: CompressionStream | DecompressionStream,
  input: Uint8Array<ArrayBuffer>,
  limit: number,
): Promise<Uint8Array | null> {
  const writer = stream.writable.getWriter();
  // Not awaited: the writes finish only as the output is read. Their errors show in the reads too.
  writer.write(input).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      reader.cancel().catch(() => {});
      return null;
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The `pts` value for the data, or null when it would be too long for a link. */
export async function encodeData(d: Data): Promise<string | null> {
  const raw = new Uint8Array(d.n * ROW);
  const view = new DataView(raw.buffer);
  for (let i = 0; i < d.n; i++) {
    view.setFloat32(ROW * i, d.X[2 * i]!, true);
    view.setFloat32(ROW * i + 4, d.X[2 * i + 1]!, true);
    view.setUint8(ROW * i + 8, d.y[i]!);
  }
  const packed = await pump(new CompressionStream('deflate-raw'), raw, Number.POSITIVE_INFINITY);
  const text = toBase64Url(packed!);
  return text.length <= MAX_LINK_CHARS ? text : null;
}

export async function decodeData(text: string): Promise<{ data: Data | null; message?: string }> {
  const bad = {
    data: null,
    message: 'The points in the link could not be read; using the generated dataset.',
  };
  if (text.length > MAX_LINK_CHARS * 2) return bad;
  const packed = fromBase64Url(text);
  if (!packed) return bad;
  let raw: Uint8Array | null;
  try {
    raw = await pump(new DecompressionStream('deflate-raw'), packed, MAX_ROWS * ROW);
  } catch {
    return bad;
  }
  if (!raw || raw.length % ROW !== 0 || raw.length < 2 * ROW) return bad;
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
