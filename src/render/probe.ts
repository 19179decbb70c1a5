/**
 * Reading the plot under the pointer: pixel to data coordinates (the page plot model's area), and the
 * class probabilities there, from the weights when the page has them (the core's forward pass, the
 * one the grid is drawn with), else from the nearest grid cell.
 */

import { Forward } from '../core/forward';
import type { Box } from '../core/grid';
import type { GridFrame, WeightsFrame } from '../protocol/training';
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

/** One row's forward pass, made again only when the network's shape changes. */
let forward: Forward | null = null;
const row = new Float64Array(2);

function sameSizes(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/** The class probabilities the network gives the point (x, y). */
export function pointProbs(w: WeightsFrame, x: number, y: number): number[] {
  if (!forward || !sameSizes(forward.sizes, w.sizes)) forward = new Forward([...w.sizes], 1);
  row[0] = x;
  row[1] = y;
  forward.run(w, row, 1, null);
  return Array.from(forward.probs);
}

/** Probabilities of the grid cell that holds (x, y); null outside the grid's box. */
export function gridProbs(grid: GridFrame, x: number, y: number): number[] | null {
  const { box, width: W, height: H, classes: C, probs } = grid;
  const i = Math.floor(((x - box.x0) / (box.x1 - box.x0)) * W);
  const j = Math.floor(((box.y1 - y) / (box.y1 - box.y0)) * H);
  if (!(i >= 0 && i < W && j >= 0 && j < H)) return null;
  return Array.from({ length: C }, (_, c) => probs[c * W * H + j * W + i]!);
}
