/**
 * Looking inside the network, in the worker: one hidden unit's activation over the plot's box, and the
 * hidden space of a layer (the data and a grid of straight input lines as 2 or 3 units see them).
 * Bigger networks get coarser fields and fewer points, so a snapshot stays within a fixed budget.
 */
import { Forward } from '../core/forward';
import type { Box } from '../core/grid';
import { macsPerPoint } from '../core/gridPlan';
import type { Params } from '../core/network';
import { validHidden, validUnit } from '../protocol/inspectSpec';
import type { HiddenFrame, HiddenSpec, UnitFrame, UnitRef } from '../protocol/training';

/** Cells along the longer side of a unit's field. */
export const UNIT_GRID = 48;
const MIN_UNIT_GRID = 16;
/** Straight lines per direction in the hidden-space grid, and points per line (fewer for costly networks). */
export const GRID_LINES = 11;
export const LINE_SAMPLES = 41;
/** Multiply-adds per snapshot for each of the two views. */
const MAC_BUDGET = 2e6;
/** Rows per forward pass: bounds the buffers, whatever the number of rows asked for. */
const CHUNK = 256;

/** Field size for a box: UNIT_GRID cells along its longer side, fewer for costly networks. */
export function unitGridSize(sizes: readonly number[], box: Box): { width: number; height: number } {
  const cells = MAC_BUDGET / macsPerPoint(sizes);
  const side = Math.max(MIN_UNIT_GRID, Math.min(UNIT_GRID, Math.floor(Math.sqrt(cells))));
  const aspect = (box.x1 - box.x0) / (box.y1 - box.y0);
  if (!(aspect > 0) || !Number.isFinite(aspect)) return { width: side, height: side };
  return aspect >= 1
    ? { width: side, height: Math.max(8, Math.round(side / aspect)) }
    : { width: Math.max(8, Math.round(side * aspect)), height: side };
}

export class Inspector {
  private readonly fwd: Forward;

  constructor(readonly sizes: readonly number[]) {
    this.fwd = new Forward(sizes, CHUNK);
  }

  /**
   * Runs `rows` rows of X (rows x 2) and writes the activations of `units` of `layer`, row by row,
   * into `out` (rows x units.length).
   */
  activations(p: Params, X: Float64Array, rows: number, layer: number, units: number[], out: Float32Array) {
    const k = units.length;
    const size = this.sizes[layer]!;
    for (let from = 0; from < rows; from += CHUNK) {
      const m = Math.min(CHUNK, rows - from);
      this.fwd.run(p, X.subarray(2 * from, 2 * (from + m)), m, null);
      const a = this.fwd.acts[layer]!;
      for (let i = 0; i < m; i++)
        for (let j = 0; j < k; j++) out[(from + i) * k + j] = a[i * size + units[j]!]!;
    }
  }

  unitField(p: Params, ref: UnitRef | null, box: Box): UnitFrame | null {
    if (!validUnit(this.sizes, ref)) return null;
    const { width, height } = unitGridSize(this.sizes, box);
    const X = new Float64Array(2 * width * height);
    const dx = (box.x1 - box.x0) / width;
    const dy = (box.y1 - box.y0) / height;
    for (let j = 0; j < height; j++) {
      for (let i = 0; i < width; i++) {
        const r = j * width + i;
        X[2 * r] = box.x0 + (i + 0.5) * dx;
        X[2 * r + 1] = box.y1 - (j + 0.5) * dy;
      }
    }
    const values = new Float32Array(width * height);
    this.activations(p, X, width * height, ref.layer, [ref.unit], values);
    return { layer: ref.layer, unit: ref.unit, width, height, box: { ...box }, values };
  }

  /** `X` holds the run's points (n x 2); the grid's lines span `box`. */
  hiddenSpace(p: Params, spec: HiddenSpec | null, X: Float64Array, n: number, box: Box): HiddenFrame | null {
    if (!validHidden(this.sizes, spec)) return null;
    const k = spec.units.length;
    const macs = macsPerPoint(this.sizes);
    const shown = Math.min(n, Math.max(100, Math.floor((MAC_BUDGET * 0.6) / macs)));
    const points = new Float32Array(shown * k);
    this.activations(p, X, shown, spec.layer, spec.units, points);
    const lineCount = 2 * GRID_LINES;
    const samples = Math.max(5, Math.min(LINE_SAMPLES, Math.floor((MAC_BUDGET * 0.4) / (macs * lineCount))));
    const rows = lineCount * samples;
    const L = new Float64Array(2 * rows);
    for (let l = 0; l < GRID_LINES; l++) {
      const f = l / (GRID_LINES - 1);
      const gx = box.x0 + f * (box.x1 - box.x0);
      const gy = box.y0 + f * (box.y1 - box.y0);
      for (let s = 0; s < samples; s++) {
        const t = s / (samples - 1);
        // Vertical line l, then horizontal line l.
        const v = l * samples + s;
        L[2 * v] = gx;
        L[2 * v + 1] = box.y0 + t * (box.y1 - box.y0);
        const h = (GRID_LINES + l) * samples + s;
        L[2 * h] = box.x0 + t * (box.x1 - box.x0);
        L[2 * h + 1] = gy;
      }
    }
    const lines = new Float32Array(rows * k);
    this.activations(p, L, rows, spec.layer, spec.units, lines);
    return {
      layer: spec.layer,
      units: [...spec.units],
      shown,
      points,
      lineCount,
      samples,
      lines,
    };
  }
}
