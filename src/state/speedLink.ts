/**
 * The speed in the link: the optional `speed` query parameter beside the configuration (decodeConfig
 * ignores it), `lapse` for the time-lapse, `max` for flat out, or passes per second. Absent means the
 * default, so default links stay as they were.
 */
import { type Speed, TIMELAPSE } from '../protocol/training';

export const SPEED_KEY = 'speed';
export const DEFAULT_SPEED: Speed = TIMELAPSE;
/** The steady speeds a link may ask for, as the speed control offers them. */
export const MAX_STEADY = 10000;

export function speedParam(speed: Speed): string {
  if (speed === TIMELAPSE) return 'lapse';
  return Number.isFinite(speed) ? String(speed) : 'max';
}

/** The speed a query names, or null (absent); a message says what was wrong with a bad value. */
export function speedFromQuery(search: string): { speed: Speed | null; message?: string } {
  let raw: string | null;
  try {
    raw = new URLSearchParams(search.replace(/^\?/, '')).get(SPEED_KEY);
  } catch {
    return { speed: null };
  }
  if (raw === null) return { speed: null };
  if (raw === 'lapse') return { speed: TIMELAPSE };
  if (raw === 'max') return { speed: Number.POSITIVE_INFINITY };
  const v = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (v >= 1 && v <= MAX_STEADY) return { speed: v };
  const shown = raw.length > 24 ? `${raw.slice(0, 24)}…` : raw;
  return {
    speed: null,
    message: `Speed: “${shown}” is not lapse, max or a whole number of passes per second from 1 to ${MAX_STEADY}; using the default.`,
  };
}

/** What the speed adds to the query string. */
export function speedQuery(speed: Speed): string {
  return speed === DEFAULT_SPEED ? '' : `&${SPEED_KEY}=${speedParam(speed)}`;
}
