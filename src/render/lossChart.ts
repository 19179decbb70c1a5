/**
 * Loss charts. The whole-run chart draws each series from its min/max buckets (at most 2048, see
 * state/lossSeries.ts), so it costs the same after a million passes; a band shows where the loss moves
 * faster than a pixel. The recent chart draws the last passes one by one with its own y range, where the
 * tutorial configuration's period-2 oscillation shows as a zigzag.
 */
import { type ScaleContinuousNumeric, scaleLinear, scaleLog } from 'd3-scale';
import type { LossSeries } from '../core/lossSeries';
import { drawAxes, tickCount } from './axes';
import { type Margins, plotArea, type Rect } from './layout';

export const TRAIN_COLOR = '#2b5fa8';
export const TEST_COLOR = '#c25a00';
/** A pinned run's curves: grey, under the current run's. */
export const PINNED_COLOR = '#8a8a8a';
// Room on the left for labels of a narrow range, such as 0.019755.
const CHART_MARGINS: Margins = { top: 8, right: 20, bottom: 22, left: 58 };
const MIN_LOG = 1e-12;

export interface LossScene {
  width: number;
  height: number;
  train: LossSeries;
  test: LossSeries | null;
  log: boolean;
  /** Draw only the last `recent` passes, value by value. */
  recent?: number;
  /** A pinned run to compare with, over the same passes. */
  pinned?: { train: LossSeries; test: LossSeries | null } | null;
}

type Scale = ScaleContinuousNumeric<number, number>;

function yScale(lo: number, hi: number, log: boolean, area: Rect, zeroBased: boolean): Scale {
  const range = [area.y + area.h, area.y];
  if (log) {
    const a = Math.max(MIN_LOG, lo);
    const b = Math.max(a * 1.0001, hi);
    const pad = (b / a) ** 0.06;
    return scaleLog()
      .domain([a / pad, b * pad])
      .range(range);
  }
  if (zeroBased)
    return scaleLinear()
      .domain([0, hi > 0 ? hi * 1.05 : 1])
      .range(range);
  // At least a thousandth of the value: a converged run's last passes differ in the 12th digit, and
  // ticks that fine would need labels wider than the margin. Such a run is drawn flat.
  const span = Math.max(hi - lo, Math.abs(hi) * 1e-3) || 1e-9;
  return scaleLinear()
    .domain([lo - span * 0.08, hi + span * 0.08])
    .range(range);
}

/** Finite extent of passes [from, to) of the series (to: their ends). */
function windowExtent(s: LossSeries, from: number, to: number): [number, number] | null {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = from; i < to; i++) {
    const v = s.at(i);
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

function extentOf(series: (LossSeries | null)[], from: number, to?: number): [number, number] | null {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const s of series) {
    const e = s && to !== undefined && to < s.length ? windowExtent(s, from, to) : s?.extent(from);
    if (e) {
      lo = Math.min(lo, e[0]);
      hi = Math.max(hi, e[1]);
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

/** One series over passes [0, length) from its buckets: filled min/max band, outlined. */
function drawBuckets(
  ctx: CanvasRenderingContext2D,
  s: LossSeries,
  x: Scale,
  y: Scale,
  clampLo: number,
): void {
  const bs = s.bucketSize;
  const n = s.bucketCount;
  const xAt = (b: number) => x((b * bs + Math.min(b * bs + bs - 1, s.length - 1)) / 2);
  const yAt = (v: number) => y(Math.max(clampLo, v));
  ctx.beginPath();
  let b = 0;
  while (b < n) {
    while (b < n && !(s.bucketMin(b) <= s.bucketMax(b))) b++;
    const start = b;
    while (b < n && s.bucketMin(b) <= s.bucketMax(b)) b++;
    if (b === start) break;
    ctx.moveTo(xAt(start), yAt(s.bucketMax(start)));
    for (let k = start + 1; k < b; k++) ctx.lineTo(xAt(k), yAt(s.bucketMax(k)));
    for (let k = b - 1; k >= start; k--) ctx.lineTo(xAt(k), yAt(s.bucketMin(k)));
    ctx.closePath();
  }
  ctx.globalAlpha = 0.3;
  ctx.fill();
  ctx.globalAlpha = 1;
  ctx.stroke();
}

/** One series over passes [from, length), value by value. */
function drawValues(
  ctx: CanvasRenderingContext2D,
  s: LossSeries,
  from: number,
  x: Scale,
  y: Scale,
  clampLo: number,
  to: number,
): void {
  ctx.beginPath();
  let down = false;
  for (let i = from; i < Math.min(to, s.length); i++) {
    const v = s.at(i);
    if (!Number.isFinite(v)) {
      down = false;
      continue;
    }
    const px = x(i);
    const py = y(Math.max(clampLo, v));
    if (down) ctx.lineTo(px, py);
    else ctx.moveTo(px, py);
    down = true;
  }
  ctx.stroke();
}

export function drawLossChart(ctx: CanvasRenderingContext2D, scene: LossScene): void {
  const { width, height, train, test, log, recent, pinned } = scene;
  ctx.clearRect(0, 0, width, height);
  const area = plotArea(width, height, CHART_MARGINS);
  const n = train.length;
  const from = recent ? Math.max(0, n - recent) : 0;
  // The whole-run chart spans the longer of the two runs; the recent one follows the current run.
  const last = recent ? n - 1 : Math.max(n, pinned?.train.length ?? 0) - 1;
  const x = scaleLinear()
    .domain([from, Math.max(from + (recent ? recent - 1 : 10), last)])
    .range([area.x, area.x + area.w]);
  const ext = extentOf(
    [train, test, ...(pinned ? [pinned.train, pinned.test] : [])],
    from,
    recent ? n : undefined,
  );
  // The recent chart is a zoom on a narrow range, where a log axis shows nothing more.
  const useLog = log && !recent;
  const y = yScale(ext?.[0] ?? 0, ext?.[1] ?? 1, useLog, area, !recent);
  const clampLo = useLog ? y.domain()[0]! : Number.NEGATIVE_INFINITY;

  ctx.save();
  ctx.beginPath();
  ctx.rect(area.x, area.y, area.w, area.h);
  ctx.clip();
  ctx.lineJoin = 'round';
  const series: [LossSeries | null, string, number[]][] = [
    [pinned?.test ?? null, PINNED_COLOR, [2, 3]],
    [pinned?.train ?? null, PINNED_COLOR, []],
    [test, TEST_COLOR, [5, 3]],
    [train, TRAIN_COLOR, []],
  ];
  for (const [s, color, dash] of series) {
    if (!s || s.length === 0) continue;
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.lineWidth = 1.5;
    ctx.setLineDash(dash);
    if (recent || s.bucketSize === 1) drawValues(ctx, s, from, x, y, clampLo, recent ? n : s.length);
    else drawBuckets(ctx, s, x, y, clampLo);
  }
  ctx.restore();
  // '~g' for log axes: their SI default would print 0.5 as "500m".
  drawAxes(ctx, area, x, y, tickCount(area.w, 95), tickCount(area.h, 30), useLog ? '~g' : undefined);
}
