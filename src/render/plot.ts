/**
 * The plot's marks layer: points and axes, drawn once per run or resize. The field and the boundary
 * below it change with every snapshot and are drawn by fieldLayer.ts and boundary.ts.
 */
import { scaleLinear } from 'd3-scale';
import type { Box } from '../core/grid';
import type { PointsFrame } from '../protocol/training';
import { drawAxes, tickCount } from './axes';
import { plotArea } from './layout';
import { drawPoints, pointRadius } from './scatter';

export interface MarksScene {
  width: number;
  height: number;
  box: Box | null;
  points: PointsFrame | null;
}

export function drawMarks(ctx: CanvasRenderingContext2D, scene: MarksScene): void {
  const { width, height, box, points } = scene;
  ctx.clearRect(0, 0, width, height);
  if (!box) return;
  const area = plotArea(width, height);
  const x = scaleLinear()
    .domain([box.x0, box.x1])
    .range([area.x, area.x + area.w]);
  const y = scaleLinear()
    .domain([box.y0, box.y1])
    .range([area.y + area.h, area.y]);
  if (points) {
    ctx.save();
    ctx.beginPath();
    ctx.rect(area.x, area.y, area.w, area.h);
    ctx.clip();
    drawPoints(ctx, points, x, y, pointRadius(points.y.length, Math.min(area.w, area.h)));
    ctx.restore();
  }
  drawAxes(ctx, area, x, y, tickCount(area.w, 70), tickCount(area.h, 45));
}

export function sameBox(a: Box | null | undefined, b: Box | null | undefined): boolean {
  return a === b || (!!a && !!b && a.x0 === b.x0 && a.x1 === b.x1 && a.y0 === b.y0 && a.y1 === b.y1);
}
