/**
 * Looking inside the network, in the worker: one hidden unit's activation over the plot's box, and the
 * hidden space of a layer (the data and a grid of straight input lines as 2 or 3 units see them).
 * Bigger networks get coarser fields and fewer points, so a snapshot stays within a fixed budget.
 */

import type { Box } from '../core/box';
import { feature } from '../core/features';
import { Forward } from '../core/forward';
import { macsPerPoint } from '../core/gridPlan';
import type { Params } from '../core/network';
import { nodeCounts, validHidden, validUnit } from '../protocol/inspectSpec';
import type { HiddenFrame, HiddenSpec, NodesFrame, UnitFrame, UnitRef } from '../protocol/training';

/** Cells along the longer side of a unit's field. */
export const UNIT_GRID = 48;
const MIN_UNIT_GRID = 16;
/** Straight lines per direction in the hidden-space grid, and points per line (fewer for costly networks). */
export const GRID_LINES = 11;
export const LINE_SAMPLES = 41;
/** Multiply-adds per snapshot for each of the two views. */
const MAC_BUDGET = 2e6;
/** Cells along the longer side of a node's heatmap in the diagram; fewer for costly networks. */
export const NODE_GRID = 16;
const MIN_NODE_GRID = 8;
/** The node heatmaps are one forward pass of at most NODE_GRID² rows: a small share of a snapshot. */
const NODE_MAC_BUDGET = 1e6;
/** Rows per forward pass: bounds the buffers, whatever the number of rows asked for. */
const CHUNK = 256;

/** Field size for a box: UNIT_GRID cells along its longer side, fewer for costly networks. */
export function unitGridSize(sizes: readonly number[], box: Box): { width: number; height: number } {
  return fieldSize(sizes, box, MAC_BUDGET, MIN_UNIT_GRID, UNIT_GRID);
}

/** Node heatmap size for a box: NODE_GRID cells along its longer side, fewer for costly networks. */
export function nodeGridSize(sizes: readonly number[], box: Box): { width: number; height: number } {
  return fieldSize(sizes, box, NODE_MAC_BUDGET, MIN_NODE_GRID, NODE_GRID);
}

function fieldSize(sizes: readonly number[], box: Box, budget: number, min: number, max: number) {
  const cells = budget / macsPerPoint(sizes);
  const side = Math.max(min, Math.min(max, Math.floor(Math.sqrt(cells))));
  const aspect = (box.x1 - box.x0) / (box.y1 - box.y0);
  if (!(aspect > 0) || !Number.isFinite(aspect)) return { width: side, height: side };
  return aspect >= 1
    ? { width: side, height: Math.max(Math.min(8, side), Math.round(side / aspect)) }
    : { width: Math.max(Math.min(8, side), Math.round(side * aspect)), height: side };
}

/** Fills X (rows x 2) with the centres of a width x height grid of cells over `box`, row 0 at the top. */
function cellCentres(box: Box, width: number, height: number, X: Float64Array): void {
  const dx = (box.x1 - box.x0) / width;
  const dy = (box.y1 - box.y0) / height;
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      const r = j * width + i;
      X[2 * r] = box.x0 + (i + 0.5) * dx;
      X[2 * r + 1] = box.y1 - (j + 0.5) * dy;
    }
  }
}

/** The cell centres of a width x height grid over a box, made again only when the box or size changes. */
class CellCache {
  private X: Float64Array | null = null;
  private box: Box | null = null;

  get(box: Box, width: number, height: number): Float64Array {
    const b = this.box;
    if (
      !this.X ||
      this.X.length !== 2 * width * height ||
      !b ||
      b.x0 !== box.x0 ||
      b.x1 !== box.x1 ||
      b.y0 !== box.y0 ||
      b.y1 !== box.y1
    ) {
      this.X = new Float64Array(2 * width * height);
      cellCentres(box, width, height, this.X);
      this.box = { ...box };
    }
    return this.X;
  }
}

export class Inspector {
  private readonly fwd: Forward;
  private readonly counts: number[];
  /** The node heatmaps' input rows, made again only when the box changes. */
  /** Cell centres of the unit's field and of the node fields, kept while their box and size stay. */
  private readonly unitCells = new CellCache();
  private readonly nodeCells = new CellCache();

  constructor(readonly sizes: readonly number[]) {
    this.fwd = new Forward(sizes, CHUNK);
    this.counts = nodeCounts(sizes);
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
    const X = this.unitCells.get(box, width, height);
    const values = new Float32Array(width * height);
    this.activations(p, X, width * height, ref.layer, [ref.unit], values);
    return { layer: ref.layer, unit: ref.unit, width, height, box: { ...box }, values };
  }

  /**
   * Every drawn node's field over `box` (see NodesFrame): one forward pass of at most NODE_GRID² rows
   * (fewer than CHUNK, so one run of the pass) gives every layer's activations at once.
   */
  nodeFields(p: Params, box: Box): NodesFrame {
    const { sizes, counts } = this;
    const { width, height } = nodeGridSize(sizes, box);
    const rows = width * height;
    const X = this.nodeCells.get(box, width, height);
    let total = 0;
    for (const c of counts) total += c;
    const values = new Float32Array(total * rows);
    this.fwd.run(p, X, rows, null);
    let o = 0;
    for (let l = 0; l < sizes.length; l++) {
      const size = sizes[l]!;
      const a = this.fwd.acts[l]!;
      for (let u = 0; u < counts[l]!; u++) {
        // Layer 0 is the input: each node its own feature of the point.
        if (l === 0) {
          const f = p.inputs[u]!;
          for (let r = 0; r < rows; r++) values[o + r] = feature(f, X[2 * r]!, X[2 * r + 1]!);
        } else for (let r = 0; r < rows; r++) values[o + r] = a[r * size + u]!;
        o += rows;
      }
    }
    return { width, height, box: { ...box }, counts: [...counts], values };
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
