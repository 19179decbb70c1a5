/**
 * Reading the plot under the pointer: pixel to data coordinates (the page plot model's area), and the
 * class probabilities of the nearest grid cell. The exact reading from the weights is pointProbs.ts,
 * loaded on the first reading so that the page's first visit does not fetch the engine.
 */

import type { Box } from '../core/box';
import type { GridFrame } from '../protocol/training';
import { PAGE_PLOT, plotRect } from './plotModel';

export interface Point {
  x: number;
  y: number;
}

/** Data coordinates of a pixel (CSS px, relative to the plot's box), inside the plot area or not. */
export function pixelToPlane(px: number, py: number, width: number, height: number, box: Box): Point {
  const a = plotRect(width, height, box, PAGE_PLOT);
  const u = (px - a.x) / a.w;
  const v = (py - a.y) / a.h;
  return { x: box.x0 + u * (box.x1 - box.x0), y: box.y1 - v * (box.y1 - box.y0) };
}

/** Whether a point of the plane lies in the box. */
export function inBox(p: Point, box: Box): boolean {
  return p.x >= box.x0 && p.x <= box.x1 && p.y >= box.y0 && p.y <= box.y1;
}

/** Data coordinates of a pixel (CSS px, relative to the plot's box); null outside the plot area. */
export function pixelToData(px: number, py: number, width: number, height: number, box: Box): Point | null {
  const p = pixelToPlane(px, py, width, height, box);
  return inBox(p, box) ? p : null;
}

export function dataToPixel(p: Point, width: number, height: number, box: Box): Point {
  const a = plotRect(width, height, box, PAGE_PLOT);
  return {
    x: a.x + ((p.x - box.x0) / (box.x1 - box.x0)) * a.w,
    y: a.y + ((box.y1 - p.y) / (box.y1 - box.y0)) * a.h,
  };
}

/** Data units per CSS pixel (the box has the plot area's shape, so x and y agree). */
export function dataPerPixel(width: number, height: number, box: Box): number {
  return (box.x1 - box.x0) / plotRect(width, height, box, PAGE_PLOT).w;
}

/** Probabilities of the grid cell that holds (x, y); null outside the grid's box. */
export function gridProbs(grid: GridFrame, x: number, y: number): number[] | null {
  const { box, width: W, height: H, classes: C, probs } = grid;
  const i = Math.floor(((x - box.x0) / (box.x1 - box.x0)) * W);
  const j = Math.floor(((box.y1 - y) / (box.y1 - box.y0)) * H);
  if (!(i >= 0 && i < W && j >= 0 && j < H)) return null;
  return Array.from({ length: C }, (_, c) => probs[c * W * H + j * W + i]!);
}
