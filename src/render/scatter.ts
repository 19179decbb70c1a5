/**
 * The data points, filled with their class colour and marked by class (legend.ts's shapes). Training
 * points have a thin dark outline; test points are a little larger with a double ring, dark outside and
 * white inside, so the two sets differ by more than colour and a test point reads on light and dark
 * backgrounds alike.
 */
import type { PointsFrame } from '../protocol/training';
import { classColors, css, divergingRgb } from './colors';
import { markerShape } from './legend';

const OUTLINE = '#1d1d1d';
/** The test points' inner ring. */
export const TEST_RING = '#fff';
/** Test markers are this much larger than training ones, for their rings. */
export const TEST_SCALE = 1.2;
/** The smallest marker radius in CSS pixels: a 6 px mark, whose colour and shape can still be told. */
export const MIN_RADIUS = 3;

/**
 * Marker radius in CSS pixels: smaller when there are many points, times `scale` (lighter marks for
 * small pictures), never below `MIN_RADIUS`.
 */
export function pointRadius(n: number, plotSize: number, scale = 1): number {
  const r = Math.sqrt((plotSize * plotSize) / Math.max(1, n)) / 8;
  return Math.max(MIN_RADIUS, Math.min(5, r) * scale);
}

function marker(ctx: CanvasRenderingContext2D, shape: number, x: number, y: number, r: number): void {
  switch (shape) {
    case 1:
      ctx.rect(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
      break;
    case 2:
      ctx.moveTo(x, y - r * 1.2);
      ctx.lineTo(x + r * 1.1, y + r * 0.8);
      ctx.lineTo(x - r * 1.1, y + r * 0.8);
      ctx.closePath();
      break;
    case 3:
      ctx.moveTo(x, y - r * 1.25);
      ctx.lineTo(x + r * 1.1, y);
      ctx.lineTo(x, y + r * 1.25);
      ctx.lineTo(x - r * 1.1, y);
      ctx.closePath();
      break;
    case 4:
      ctx.moveTo(x + r, y);
      for (let k = 1; k < 6; k++)
        ctx.lineTo(x + r * Math.cos((k * Math.PI) / 3), y + r * Math.sin((k * Math.PI) / 3));
      ctx.closePath();
      break;
    default:
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, 2 * Math.PI);
  }
}

/** Draws every point; `sx`, `sy` map data coordinates to CSS pixels. */
export function drawPoints(
  ctx: CanvasRenderingContext2D,
  points: PointsFrame,
  sx: (x: number) => number,
  sy: (y: number) => number,
  r: number,
): void {
  const { X, y, nTrain, classes } = points;
  const n = y.length;
  if (points.t) {
    drawValued(ctx, points, points.t, sx, sy, r);
    return;
  }
  const colors = classColors(classes);
  /** Adds the markers of class `c` among rows [from, to) to a new path. */
  const trace = (c: number, from: number, to: number, size: number) => {
    const shape = markerShape(c);
    ctx.beginPath();
    for (let i = from; i < to; i++)
      if (y[i] === c) marker(ctx, shape, sx(X[2 * i]!), sy(X[2 * i + 1]!), size);
  };
  ctx.save();
  // The outlines' corners and ends as the canvas starts, whatever was drawn before.
  ctx.lineJoin = 'miter';
  ctx.lineCap = 'butt';
  ctx.strokeStyle = OUTLINE;
  // One path per class and set: a few fill/stroke calls instead of one per point.
  for (let c = 0; c < classes; c++) {
    trace(c, 0, nTrain, r);
    ctx.fillStyle = colors[c]!;
    ctx.fill();
    ctx.lineWidth = 1;
    ctx.stroke();
    if (n > nTrain) {
      // Test points: the class colour inside a dark ring with a white one on it.
      trace(c, nTrain, n, r * TEST_SCALE);
      ctx.fill();
      ctx.lineWidth = 3;
      ctx.stroke();
      ctx.strokeStyle = TEST_RING;
      ctx.lineWidth = 1.25;
      ctx.stroke();
      ctx.strokeStyle = OUTLINE;
    }
  }
  ctx.restore();
}

/** Regression: every point a circle in the diverging colour of its target (colors.ts), one by one. */
function drawValued(
  ctx: CanvasRenderingContext2D,
  points: PointsFrame,
  t: Float64Array,
  sx: (x: number) => number,
  sy: (y: number) => number,
  r: number,
): void {
  const { X, nTrain } = points;
  ctx.save();
  ctx.strokeStyle = OUTLINE;
  for (let i = 0; i < t.length; i++) {
    const test = i >= nTrain;
    ctx.beginPath();
    marker(ctx, 0, sx(X[2 * i]!), sy(X[2 * i + 1]!), test ? r * TEST_SCALE : r);
    ctx.fillStyle = css(divergingRgb(t[i]!));
    ctx.fill();
    ctx.lineWidth = test ? 3 : 1;
    ctx.stroke();
    if (test) {
      ctx.strokeStyle = TEST_RING;
      ctx.lineWidth = 1.25;
      ctx.stroke();
      ctx.strokeStyle = OUTLINE;
    }
  }
  ctx.restore();
}
