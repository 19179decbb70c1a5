/**
 * The hidden space (as ConvNetJS shows it): the data and a grid of straight input lines, mapped by the
 * network up to one layer, drawn in the coordinates of two of its units, or three seen from a fixed
 * angle. Equal scales on both screen axes, so the picture is not stretched.
 */
import { scaleLinear } from 'd3-scale';
import type { HiddenFrame, PointsFrame } from '../protocol/training';
import { AXIS_FONT, drawAxes, tickCount } from './axes';
import { type Margins, plotArea, type Rect } from './layout';
import { drawPoints, pointRadius } from './scatter';

/** The fixed 3-D view: turned by YAW about the vertical unit, tilted by PITCH towards the viewer. */
export const YAW = -0.6;
export const PITCH = 0.45;
const MARGINS: Margins = { top: 10, right: 12, bottom: 34, left: 44 };
const MARGINS_3D: Margins = { top: 10, right: 10, bottom: 10, left: 10 };
const LINE_COLOR = 'rgba(60, 60, 60, 0.45)';

/**
 * Screen coordinates (right, up) of 3-D points (a, b, c) with c the vertical unit: `src` has 3 values
 * per point, `out` gets 2.
 */
export function project3(src: ArrayLike<number>, count: number, out: Float64Array): void {
  const cy = Math.cos(YAW);
  const sy = Math.sin(YAW);
  const cp = Math.cos(PITCH);
  const sp = Math.sin(PITCH);
  for (let i = 0; i < count; i++) {
    const a = src[3 * i]!;
    const b = src[3 * i + 1]!;
    const c = src[3 * i + 2]!;
    const right = cy * a - sy * b;
    const depth = sy * a + cy * b;
    out[2 * i] = right;
    out[2 * i + 1] = cp * c + sp * depth;
  }
}

/** Plane coordinates (2 per row) of k-coordinate rows. */
export function toPlane(src: ArrayLike<number>, count: number, k: number): Float64Array {
  const out = new Float64Array(2 * count);
  if (k === 3) project3(src, count, out);
  else for (let i = 0; i < 2 * count; i++) out[i] = src[i]!;
  return out;
}

/** The corners of the box around every row (for the 3-D view's frame), 3 values each. */
export function boundingCube(frame: HiddenFrame): Float64Array {
  const lo = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
  const hi = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const src of [frame.points, frame.lines]) {
    for (let i = 0; i + 2 < src.length; i += 3) {
      for (let d = 0; d < 3; d++) {
        const v = src[i + d]!;
        if (Number.isFinite(v)) {
          lo[d] = Math.min(lo[d]!, v);
          hi[d] = Math.max(hi[d]!, v);
        }
      }
    }
  }
  const corners = new Float64Array(24);
  for (let c = 0; c < 8; c++) {
    for (let d = 0; d < 3; d++) {
      const ok = lo[d]! <= hi[d]!;
      corners[3 * c + d] = ok ? ((c >> d) & 1 ? hi[d]! : lo[d]!) : 0;
    }
  }
  return corners;
}

/** The 12 edges of a cube whose corner c has bit d set when it is at the top of axis d. */
const CUBE_EDGES: [number, number][] = [];
for (let c = 0; c < 8; c++)
  for (let d = 0; d < 3; d++) if (!((c >> d) & 1)) CUBE_EDGES.push([c, c | (1 << d)]);

function extent(arrays: Float64Array[]): { x0: number; x1: number; y0: number; y1: number } | null {
  let x0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const a of arrays) {
    for (let i = 0; i + 1 < a.length; i += 2) {
      const x = a[i]!;
      const y = a[i + 1]!;
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
  }
  return x0 <= x1 ? { x0, x1, y0, y1 } : null;
}

/** Domains of equal scale (data units per pixel) that hold the extent with 6% to spare, centred in `area`. */
export function squareDomains(
  e: { x0: number; x1: number; y0: number; y1: number },
  area: Rect,
): { x: [number, number]; y: [number, number] } {
  let k = Math.max((e.x1 - e.x0) / area.w, (e.y1 - e.y0) / area.h) * 1.12;
  // All rows in one spot (a dead layer): one unit across.
  if (!(k > 0) || !Number.isFinite(k)) k = 1 / Math.min(area.w, area.h);
  const cx = (e.x0 + e.x1) / 2;
  const cy = (e.y0 + e.y1) / 2;
  return {
    x: [cx - (k * area.w) / 2, cx + (k * area.w) / 2],
    y: [cy - (k * area.h) / 2, cy + (k * area.h) / 2],
  };
}

export interface HiddenScene {
  width: number;
  height: number;
  frame: HiddenFrame;
  points: PointsFrame | null;
  /** Axis names, one per unit (the 3-D view writes them at the frame's edges). */
  names: string[];
}

export function drawHiddenSpace(ctx: CanvasRenderingContext2D, scene: HiddenScene): void {
  const { width, height, frame, points, names } = scene;
  ctx.clearRect(0, 0, width, height);
  const k = frame.units.length;
  const three = k === 3;
  const area = plotArea(width, height, three ? MARGINS_3D : MARGINS);
  const pts = toPlane(frame.points, frame.shown, k);
  const lines = toPlane(frame.lines, frame.lineCount * frame.samples, k);
  const cube = three ? toPlane(boundingCube(frame), 8, 3) : new Float64Array(0);
  const e = extent([pts, lines, cube]);
  if (!e) return;
  const d = squareDomains(e, area);
  const sx = scaleLinear()
    .domain(d.x)
    .range([area.x, area.x + area.w]);
  const sy = scaleLinear()
    .domain(d.y)
    .range([area.y + area.h, area.y]);
  ctx.save();
  ctx.beginPath();
  ctx.rect(area.x, area.y, area.w, area.h);
  ctx.clip();
  if (three) {
    ctx.strokeStyle = '#9c978b';
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (const [a, b] of CUBE_EDGES) {
      ctx.moveTo(sx(cube[2 * a]!), sy(cube[2 * a + 1]!));
      ctx.lineTo(sx(cube[2 * b]!), sy(cube[2 * b + 1]!));
    }
    ctx.stroke();
  }
  ctx.strokeStyle = LINE_COLOR;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let l = 0; l < frame.lineCount; l++) {
    let down = false;
    for (let s = 0; s < frame.samples; s++) {
      const r = l * frame.samples + s;
      const x = lines[2 * r]!;
      const y = lines[2 * r + 1]!;
      if (!Number.isFinite(x) || !Number.isFinite(y)) {
        down = false;
        continue;
      }
      if (down) ctx.lineTo(sx(x), sy(y));
      else ctx.moveTo(sx(x), sy(y));
      down = true;
    }
  }
  ctx.stroke();
  if (points) {
    const shown = Math.min(frame.shown, points.y.length);
    const view: PointsFrame = {
      X: pts,
      y: points.y.subarray(0, shown),
      nTrain: Math.min(points.nTrain, shown),
      classes: points.classes,
    };
    drawPoints(ctx, view, sx, sy, pointRadius(shown, Math.min(area.w, area.h), 0.85));
  }
  ctx.restore();
  if (three) {
    drawCubeNames(ctx, cube, names, sx, sy);
  } else {
    drawAxes(ctx, area, sx, sy, tickCount(area.w, 70), tickCount(area.h, 40));
    ctx.save();
    ctx.font = AXIS_FONT;
    ctx.fillStyle = '#333';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    ctx.fillText(names[0] ?? '', area.x + area.w / 2, height - 1);
    ctx.translate(11, area.y + area.h / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = 'middle';
    ctx.fillText(names[1] ?? '', 0, 0);
    ctx.restore();
  }
}

/** Each unit's name at the far end of its axis, starting from the frame's lowest corner. */
function drawCubeNames(
  ctx: CanvasRenderingContext2D,
  cube: Float64Array,
  names: string[],
  sx: (v: number) => number,
  sy: (v: number) => number,
): void {
  ctx.save();
  ctx.font = AXIS_FONT;
  ctx.fillStyle = '#333';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (let d = 0; d < 3; d++) {
    const c = 1 << d;
    const x = sx(cube[2 * c]!);
    const y = sy(cube[2 * c + 1]!);
    const ox = sx(cube[0]!);
    const oy = sy(cube[1]!);
    // A little beyond the corner, away from the origin corner.
    const len = Math.hypot(x - ox, y - oy) || 1;
    ctx.fillText(names[d] ?? '', x + ((x - ox) / len) * 12, y + ((y - oy) / len) * 12);
  }
  ctx.restore();
}
