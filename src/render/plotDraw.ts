/**
 * The plot model drawn on a 2-D canvas, in CSS pixels (the caller has set the pixel ratio). The page
 * draws only the marks this way, its field and boundary being layers of their own; one-canvas
 * pictures (gallery tiles, the baseline's panels, the PNG file) draw all of it with `drawPlot`.
 */
import { drawAxes } from './axes';
import type { Rect } from './layout';
import type { PlotModel } from './plotModel';
import { drawPoints } from './scatter';

export interface PlotScene {
  model: PlotModel;
  /** The model's field pixels as an image of the grid's size (fieldImage.ts), scaled up smoothly. */
  field: CanvasImageSource;
}

function clipTo(ctx: CanvasRenderingContext2D, r: Rect): void {
  ctx.beginPath();
  ctx.rect(r.x, r.y, r.w, r.h);
  ctx.clip();
}

export function drawField(ctx: CanvasRenderingContext2D, scene: PlotScene): void {
  const { x, y, w, h } = scene.model.area;
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(scene.field, x, y, w, h);
}

/** The boundary lines (grid units) mapped onto the area, clipped to it: the halo, then the line. */
export function drawBoundary(ctx: CanvasRenderingContext2D, model: PlotModel): void {
  const { area: r, field, halo, line } = model;
  const sx = r.w / field.grid.width;
  const sy = r.h / field.grid.height;
  ctx.save();
  clipTo(ctx, r);
  ctx.beginPath();
  for (const l of field.lines) {
    for (let k = 0; k < l.length; k++) {
      const [u, v] = l[k]!;
      if (k === 0) ctx.moveTo(r.x + u * sx, r.y + v * sy);
      else ctx.lineTo(r.x + u * sx, r.y + v * sy);
    }
  }
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  ctx.strokeStyle = halo.color;
  ctx.lineWidth = halo.width;
  ctx.stroke();
  ctx.strokeStyle = line.color;
  ctx.lineWidth = line.width;
  ctx.stroke();
  ctx.restore();
}

/** The points (clipped to the area) and the axes. */
export function drawMarks(ctx: CanvasRenderingContext2D, model: PlotModel): void {
  const { area, x, y, points, ticks } = model;
  if (points) {
    ctx.save();
    clipTo(ctx, area);
    drawPoints(ctx, points, x, y, model.pointRadius);
    ctx.restore();
  }
  if (ticks) drawAxes(ctx, area, x, y, ticks.x, ticks.y);
}

/** The whole picture, over what the canvas holds (the caller clears or fills it first). */
export function drawPlot(ctx: CanvasRenderingContext2D, scene: PlotScene): void {
  drawField(ctx, scene);
  drawBoundary(ctx, scene.model);
  drawMarks(ctx, scene.model);
}
