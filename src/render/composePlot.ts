/**
 * The plot as one picture, for "Download plot (PNG)": the field, the boundary and the marks, the
 * same layers the page stacks, drawn into one canvas at the page's pixel ratio.
 */

import type { GridFrame } from '../protocol/training';
import { boundaryLines } from './boundary';
import { plotArea } from './layout';

export interface PlotLayers {
  /** CSS pixels of the plot's box, and the device pixel ratio of the result. */
  width: number;
  height: number;
  dpr: number;
  grid: GridFrame | null;
  /** The field canvas: one pixel per grid cell. */
  field: CanvasImageSource | null;
  /** The marks canvas: points and axes, width x height at `dpr`. */
  marks: CanvasImageSource | null;
}

/** Draws into `ctx`, whose canvas is (width x height) * dpr pixels. */
export function composePlot(ctx: CanvasRenderingContext2D, layers: PlotLayers): void {
  const { width, height, dpr, grid, field, marks } = layers;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width * dpr, height * dpr);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const area = plotArea(width, height);
  if (field && grid) {
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(field, area.x, area.y, area.w, area.h);
  }
  if (grid) {
    const sx = area.w / grid.width;
    const sy = area.h / grid.height;
    ctx.beginPath();
    for (const line of boundaryLines(grid)) {
      line.forEach(([u, v], k) => {
        if (k === 0) ctx.moveTo(area.x + u * sx, area.y + v * sy);
        else ctx.lineTo(area.x + u * sx, area.y + v * sy);
      });
    }
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    ctx.strokeStyle = 'rgba(255, 255, 255, 0.85)';
    ctx.lineWidth = 4;
    ctx.stroke();
    ctx.strokeStyle = '#1d1d1d';
    ctx.lineWidth = 2;
    ctx.stroke();
  }
  if (marks) ctx.drawImage(marks, 0, 0, width, height);
}
