/**
 * Reading the plot under the pointer: pixel to data coordinates (the marks layer's scales), and the
 * class probabilities there, from the weights when the page has them, else from the nearest grid cell.
 */
import type { Activation } from '../config/schema';
import type { Box } from '../core/grid';
import type { GridFrame, WeightsFrame } from '../protocol/training';
import { plotArea } from './layout';

export interface Point {
  x: number;
  y: number;
}

/** Data coordinates of a pixel (CSS px, relative to the plot's box); null outside the plot area. */
export function pixelToData(px: number, py: number, width: number, height: number, box: Box): Point | null {
  const a = plotArea(width, height);
  const u = (px - a.x) / a.w;
  const v = (py - a.y) / a.h;
  if (!(u >= 0 && u <= 1 && v >= 0 && v <= 1)) return null;
  return { x: box.x0 + u * (box.x1 - box.x0), y: box.y1 - v * (box.y1 - box.y0) };
}

export function dataToPixel(p: Point, width: number, height: number, box: Box): Point {
  const a = plotArea(width, height);
  return {
    x: a.x + ((p.x - box.x0) / (box.x1 - box.x0)) * a.w,
    y: a.y + ((box.y1 - p.y) / (box.y1 - box.y0)) * a.h,
  };
}

/** Data units per CSS pixel (the box has the plot area's shape, so x and y agree). */
export function dataPerPixel(width: number, height: number, box: Box): number {
  return (box.x1 - box.x0) / plotArea(width, height).w;
}

function activate(z: number, act: Activation): number {
  switch (act) {
    case 'tanh':
      return Math.tanh(z);
    case 'sigmoid':
      return 1 / (1 + Math.exp(-z));
    case 'relu':
      return Math.max(z, 0);
    case 'leaky':
      return z > 0 ? z : 0.01 * z;
    case 'linear':
      return z;
  }
}

/**
 * The network's forward pass for one point, as docs/algorithms.md defines it (a few hundred
 * multiply-adds for the networks whose weights the page has).
 */
export function pointProbs(w: WeightsFrame, x: number, y: number): number[] {
  let a = [x, y];
  const L = w.sizes.length - 1;
  for (let l = 0; l < L; l++) {
    const din = w.sizes[l]!;
    const dout = w.sizes[l + 1]!;
    const W = w.W[l]!;
    const z = Array.from(w.b[l]!);
    for (let i = 0; i < din; i++) {
      const ai = a[i]!;
      for (let j = 0; j < dout; j++) z[j] = z[j]! + ai * W[i * dout + j]!;
    }
    a = l < L - 1 ? z.map((v) => activate(v, w.act)) : z;
  }
  const top = Math.max(...a);
  const e = a.map((v) => Math.exp(v - top));
  const sum = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / sum);
}

/** Probabilities of the grid cell that holds (x, y); null outside the grid's box. */
export function gridProbs(grid: GridFrame, x: number, y: number): number[] | null {
  const { box, width: W, height: H, classes: C, probs } = grid;
  const i = Math.floor(((x - box.x0) / (box.x1 - box.x0)) * W);
  const j = Math.floor(((box.y1 - y) / (box.y1 - box.y0)) * H);
  if (!(i >= 0 && i < W && j >= 0 && j < H)) return null;
  return Array.from({ length: C }, (_, c) => probs[c * W * H + j * W + i]!);
}
