/** How numbers read on the page. Non-finite values read as a dash, never "NaN". */
import type { NumericKey } from '../config/schema';
import { TIMELAPSE } from '../protocol/training';
import type { Frame } from '../state/store';

export const DASH = '—';

export function fmtInt(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : DASH;
}

/** Four significant digits, plain decimals where short. */
export function fmtNum(x: number | null | undefined, digits = 4): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  return String(Number(x.toPrecision(digits)));
}

export function fmtPercent(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  return `${(x * 100).toFixed(1)}%`;
}

/** A setting's value as shown next to its control and read by screen readers. */
export function fmtSetting(key: NumericKey, v: number): string {
  switch (key) {
    case 'batch':
      return v === 0 ? 'full batch' : fmtInt(v);
    case 'test':
      return `${Math.round(v * 100)}%`;
    case 'noise':
      return v.toFixed(2);
    case 'n':
    case 'passes':
    case 'seed':
      return fmtInt(v);
    default:
      return fmtNum(v, 6);
  }
}

export function fmtSpeed(pps: number): string {
  if (pps === TIMELAPSE) return 'time-lapse';
  if (!Number.isFinite(pps)) return 'flat out';
  return `${fmtInt(pps)} ${pps === 1 ? 'pass' : 'passes'}/s`;
}

/** The state part of the status line. */
export function stateText(f: Frame): string {
  switch (f.state) {
    case 'training':
      return 'training';
    case 'paused':
      return 'paused';
    case 'finished':
      return 'finished';
    case 'converged':
      return 'converged';
    case 'diverged':
      return `diverged at pass ${fmtInt(f.divergedAt ?? f.pass)} — lower the learning rate`;
  }
}
