/**
 * A whole decision-boundary plot on one canvas: the probability field, the boundary, the points and,
 * optionally, axes. For the small and side-by-side plots of the experiments (gallery tiles, baseline
 * against network); the main plot keeps its layered form (PlotCanvas). The grid's box is drawn with its
 * own aspect ratio, centred in the space there is.
 */
import { scaleLinear } from 'd3-scale';
import type { Box } from '../core/grid';
import type { GridFrame, PointsFrame } from '../protocol/training';
import { drawAxes, tickCount } from './axes';
import { boundaryLines, type Ring } from './boundary';
import { paintField } from './field';
import { type Margins, plotArea, type Rect } from './layout';
import { drawPoints, pointRadius } from './scatter';

export interface PlotScene {
  /** CSS pixels. */
  width: number;
  height: number;
  grid: GridFrame | null;
  points: PointsFrame | null;
  /** Axes with ticks, or a bare picture (gallery tiles). */
  axes: boolean;
  /**
   * Sample the grid down to about this many cells a side (whole blocks averaged), for small pictures:
   * the boundary's marching squares cost grows with the cells, and a tile has few pixels to show them.
   */
  maxSide?: number;
}

const BARE: Margins = { top: 0, right: 0, bottom: 0, left: 0 };
const AXES: Margins = { top: 6, right: 8, bottom: 22, left: 34 };

/** Where the plot goes in a canvas of this size (before fitting the box's aspect ratio). */
export function sceneArea(width: number, height: number, axes: boolean): Rect {
  return plotArea(width, height, axes ? AXES : BARE);
}

/**
 * `grid` with each f x f block of cells averaged into one (cells that do not fill a block are dropped,
 * and the box shrinks to match), so the coarse cell centres are the centres of the blocks.
 */
export function coarsen(grid: GridFrame, f: number): GridFrame {
  if (f <= 1) return grid;
  const { width: W, height: H, classes: C, box, probs } = grid;
  const w = Math.floor(W / f);
  const h = Math.floor(H / f);
  const out = new Float32Array(w * h * C);
  const k = 1 / (f * f);
  for (let c = 0; c < C; c++) {
    const src = c * W * H;
    const dst = c * w * h;
    for (let j = 0; j < h; j++) {
      for (let i = 0; i < w; i++) {
        let sum = 0;
        for (let b = 0; b < f; b++) {
          const row = src + (j * f + b) * W + i * f;
          for (let a = 0; a < f; a++) sum += probs[row + a]!;
        }
        out[dst + j * w + i] = sum * k;
      }
    }
  }
  const dx = (box.x1 - box.x0) / W;
  const dy = (box.y1 - box.y0) / H;
  return {
    width: w,
    height: h,
    classes: C,
    box: { x0: box.x0, x1: box.x0 + w * f * dx, y0: box.y1 - h * f * dy, y1: box.y1 },
    probs: out,
  };
}

/** The largest rect of the box's aspect ratio inside `area`, centred. */
export function fitRect(area: Rect, box: Box): Rect {
  const aspect = (box.x1 - box.x0) / (box.y1 - box.y0);
  if (!(aspect > 0) || !Number.isFinite(aspect)) return area;
  if (area.w / area.h > aspect) {
    const w = area.h * aspect;
    return { x: area.x + (area.w - w) / 2, y: area.y, w, h: area.h };
  }
  const h = area.w / aspect;
  return { x: area.x, y: area.y + (area.h - h) / 2, w: area.w, h };
}

/** Keeps the field's pixels and the boundary of the last grid, so a resize or a redraw costs little. */
export class ScenePainter {
  private field: HTMLCanvasElement | null = null;
  private fieldCtx: CanvasRenderingContext2D | null = null;
  private image: ImageData | null = null;
  private source: GridFrame | null = null;
  private grid: GridFrame | null = null;
  private lines: Ring[] = [];

  /** Paints the field canvas and traces the boundary of `source`, once per grid. */
  private prepare(
    ctx: CanvasRenderingContext2D,
    source: GridFrame,
    maxSide: number,
  ): HTMLCanvasElement | null {
    if (source === this.source) return this.field;
    this.source = source;
    const grid = coarsen(source, Math.ceil(Math.max(source.width, source.height) / maxSide));
    this.grid = grid;
    this.lines = boundaryLines(grid);
    if (!this.field) {
      this.field = ctx.canvas.ownerDocument.createElement('canvas');
      this.fieldCtx = this.field.getContext('2d');
    }
    const fctx = this.fieldCtx;
    if (!fctx) return null;
    if (!this.image || this.image.width !== grid.width || this.image.height !== grid.height) {
      this.field.width = grid.width;
      this.field.height = grid.height;
      this.image = fctx.createImageData(grid.width, grid.height);
    }
    paintField(grid, this.image.data);
    fctx.putImageData(this.image, 0, 0);
    return this.field;
  }

  draw(ctx: CanvasRenderingContext2D, scene: PlotScene): void {
    const { width, height, points, axes } = scene;
    ctx.clearRect(0, 0, width, height);
    if (!scene.grid) return;
    const field = this.prepare(ctx, scene.grid, scene.maxSide ?? Number.POSITIVE_INFINITY);
    const grid = this.grid!;
    const r = fitRect(sceneArea(width, height, axes), grid.box);
    if (field) {
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(field, r.x, r.y, r.w, r.h);
    }
    ctx.save();
    ctx.beginPath();
    ctx.rect(r.x, r.y, r.w, r.h);
    ctx.clip();
    this.strokeBoundary(ctx, grid, r, axes ? 1 : 0.7);
    const { box } = grid;
    const x = scaleLinear()
      .domain([box.x0, box.x1])
      .range([r.x, r.x + r.w]);
    const y = scaleLinear()
      .domain([box.y0, box.y1])
      .range([r.y + r.h, r.y]);
    if (points) {
      const radius = pointRadius(points.y.length, Math.min(r.w, r.h)) * (axes ? 1 : 0.75);
      drawPoints(ctx, points, x, y, radius);
    }
    ctx.restore();
    if (axes) drawAxes(ctx, r, x, y, tickCount(r.w, 70), tickCount(r.h, 40));
  }

  /** The boundary in grid coordinates (see boundary.ts) mapped onto `r`: a white halo, then the line. */
  private strokeBoundary(ctx: CanvasRenderingContext2D, grid: GridFrame, r: Rect, weight: number): void {
    const sx = r.w / grid.width;
    const sy = r.h / grid.height;
    ctx.beginPath();
    for (const line of this.lines) {
      line.forEach(([u, v], k) => {
        if (k === 0) ctx.moveTo(r.x + u * sx, r.y + v * sy);
        else ctx.lineTo(r.x + u * sx, r.y + v * sy);
      });
    }
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    ctx.strokeStyle = 'rgba(255, 255, 255, 0.85)';
    ctx.lineWidth = 4 * weight;
    ctx.stroke();
    ctx.strokeStyle = '#1d1d1d';
    ctx.lineWidth = 2 * weight;
    ctx.stroke();
  }
}
