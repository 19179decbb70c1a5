/** Axes with ticks and labels from d3-scale, drawn around a plot area. */
import type { ScaleContinuousNumeric } from 'd3-scale';
import type { Rect } from './layout';

export const AXIS_FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const INK = '#333';
const TICK = 4;

type Scale = ScaleContinuousNumeric<number, number>;

/** `yFormat` is a d3-format specifier for the y labels (the scale's default when omitted). */
export function drawAxes(
  ctx: CanvasRenderingContext2D,
  area: Rect,
  x: Scale,
  y: Scale,
  xTicks: number,
  yTicks: number,
  yFormat?: string,
): void {
  ctx.save();
  ctx.strokeStyle = INK;
  ctx.fillStyle = INK;
  ctx.lineWidth = 1;
  ctx.font = AXIS_FONT;
  ctx.strokeRect(area.x + 0.5, area.y + 0.5, area.w - 1, area.h - 1);
  const xt = x.ticks(xTicks);
  const xf = x.tickFormat(xTicks);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.beginPath();
  for (const t of xt) {
    const px = Math.round(x(t)) + 0.5;
    ctx.moveTo(px, area.y + area.h);
    ctx.lineTo(px, area.y + area.h + TICK);
    ctx.fillText(xf(t), px, area.y + area.h + TICK + 2);
  }
  const yt = y.ticks(yTicks);
  const yf = y.tickFormat(yTicks, yFormat);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of yt) {
    const py = Math.round(y(t)) + 0.5;
    ctx.moveTo(area.x, py);
    ctx.lineTo(area.x - TICK, py);
    const label = yf(t);
    if (label) ctx.fillText(label, area.x - TICK - 2, py);
  }
  ctx.stroke();
  ctx.restore();
}

/** About one tick per `spacing` pixels, at least 2. */
export function tickCount(pixels: number, spacing: number): number {
  return Math.max(2, Math.floor(pixels / spacing));
}
