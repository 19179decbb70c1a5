/** The main plot: probability field, decision boundary, points and axes. A function of (ctx, scene). */
import { scaleLinear } from 'd3-scale';
import type { GridFrame, PointsFrame } from '../worker/protocol';
import { drawAxes, tickCount } from './axes';
import type { Ring } from './boundary';
import { plotArea } from './layout';
import { drawPoints, pointRadius } from './scatter';

export interface PlotScene {
  /** Canvas size in CSS pixels (the context is already scaled for the device pixel ratio). */
  width: number;
  height: number;
  grid: GridFrame | null;
  /** The grid painted one pixel per cell (see field.ts). */
  field: CanvasImageSource | null;
  /** Boundary polylines in grid coordinates (see boundary.ts). */
  lines: Ring[];
  points: PointsFrame | null;
}

export function drawPlot(ctx: CanvasRenderingContext2D, scene: PlotScene): void {
  const { width, height, grid, field, lines, points } = scene;
  ctx.clearRect(0, 0, width, height);
  if (!grid) return;
  const area = plotArea(width, height);
  const { box } = grid;
  const x = scaleLinear()
    .domain([box.x0, box.x1])
    .range([area.x, area.x + area.w]);
  const y = scaleLinear()
    .domain([box.y0, box.y1])
    .range([area.y + area.h, area.y]);

  if (field) {
    ctx.save();
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'medium';
    ctx.drawImage(field, area.x, area.y, area.w, area.h);
    ctx.restore();
  }

  const gx = area.w / grid.width;
  const gy = area.h / grid.height;
  ctx.save();
  ctx.beginPath();
  ctx.rect(area.x, area.y, area.w, area.h);
  ctx.clip();
  ctx.beginPath();
  for (const line of lines) {
    ctx.moveTo(area.x + line[0]![0] * gx, area.y + line[0]![1] * gy);
    for (let k = 1; k < line.length; k++) ctx.lineTo(area.x + line[k]![0] * gx, area.y + line[k]![1] * gy);
  }
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.85)';
  ctx.lineWidth = 4;
  ctx.stroke();
  ctx.strokeStyle = '#1d1d1d';
  ctx.lineWidth = 2;
  ctx.stroke();
  if (points) drawPoints(ctx, points, x, y, pointRadius(points.y.length, Math.min(area.w, area.h)));
  ctx.restore();

  drawAxes(ctx, area, x, y, tickCount(area.w, 70), tickCount(area.h, 45));
}
