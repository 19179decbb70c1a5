/**
 * The network diagram's geometry: a column of nodes per layer, at most MAX_NODES drawn per layer (the
 * first units, then a "+N more" marker), and edges between drawn nodes, coloured by sign and
 * thickened by size. Positive weights are blue, negative orange (as TensorFlow Playground). A node is a
 * small rectangle of the plot's shape, where its heatmap goes (nodeFields.ts).
 */
import { NODE_UNITS, nodeCounts } from '../protocol/inspectSpec';
import type { WeightsFrame } from '../protocol/training';
import type { WeightRef } from '../protocol/weightRef';

export const MAX_NODES = NODE_UNITS;
export const POSITIVE = '#2166ac';
export const NEGATIVE = '#e08214';

export interface DiagramLayer {
  /** Index into sizes: 0 is the input, the last the output. */
  index: number;
  size: number;
  x: number;
  /** Units drawn, in order. */
  units: number[];
  ys: number[];
  /** Units not drawn. */
  more: number;
  /** Where the "+N more" marker goes. */
  moreY: number;
}

export interface Diagram {
  width: number;
  height: number;
  /** Half the width and half the height of a node. */
  rx: number;
  ry: number;
  /** Distance between the centres of neighbouring nodes in a layer. */
  step: number;
  layers: DiagramLayer[];
  /** With `inputRows`: the centre of each input row, active or not (the input toggles' places). */
  rowYs?: number[];
}

/** The input column as a fixed set of rows (every feature), of which the network's inputs take some. */
export interface InputRows {
  /** Rows in the column. */
  slots: number;
  /** The row of each of the network's inputs, in order (as many as sizes[0]). */
  rows: readonly number[];
}

export interface Edge {
  key: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  weight: number;
}

const TOP = 30;
const BOTTOM = 12;
/** The largest gap between nodes: small networks do not spread over the whole height. */
const MAX_STEP = 58;
/** The largest node: half its height, in diagram units. */
const MAX_HALF = 22;

/**
 * `aspect`: width / height of the plot's box, which each node's heatmap keeps. `left`: room left of the
 * input column for its labels (more for features such as "sin x₁" than for x and y).
 */
export function layoutDiagram(
  sizes: readonly number[],
  width: number,
  height: number,
  aspect = 1,
  left = 42,
  inputRows?: InputRows,
): Diagram {
  const n = sizes.length;
  const margin = 42;
  const inRows = inputRows && inputRows.rows.length === sizes[0] ? inputRows : undefined;
  const slots = Math.max(1, inRows?.slots ?? 0, ...sizes.map((s) => Math.min(s, MAX_NODES)));
  const step = Math.min(MAX_STEP, (height - TOP - BOTTOM) / slots);
  const used = slots * step;
  const gap = n > 1 ? (width - left - margin) / (n - 1) : width;
  const a = Number.isFinite(aspect) && aspect > 0 ? Math.min(2, Math.max(0.5, aspect)) : 1;
  let ry = Math.max(4, Math.min(MAX_HALF, step * 0.4));
  const rx = Math.min(ry * a, gap * 0.3);
  ry = Math.min(ry, rx / a);
  const counts = nodeCounts(sizes);
  const topOf = (rows: number) =>
    TOP + (height - TOP - BOTTOM - used) / 2 + ((slots - rows) * step) / 2 + step / 2;
  const rowYs = inRows
    ? Array.from({ length: inRows.slots }, (_, r) => topOf(inRows.slots) + r * step)
    : undefined;
  const layers = sizes.map((size, index) => {
    const drawn = counts[index]!;
    const units = Array.from({ length: drawn }, (_, i) => i);
    // Centred vertically: a layer of 3 sits in the middle of the column.
    const top = topOf(Math.min(size, MAX_NODES));
    return {
      index,
      size,
      x: n === 1 ? width / 2 : left + (index * (width - left - margin)) / (n - 1),
      units,
      ys: units.map((i) => (index === 0 && rowYs ? rowYs[inRows!.rows[i]!]! : top + i * step)),
      more: size - drawn,
      moreY: top + drawn * step,
    };
  });
  return rowYs ? { width, height, rx, ry, step, layers, rowYs } : { width, height, rx, ry, step, layers };
}

/** The edges between drawn nodes, with their weights (W[l] is sizes[l] x sizes[l+1], row-major). */
export function diagramEdges(d: Diagram, w: WeightsFrame): Edge[] {
  const edges: Edge[] = [];
  for (let l = 0; l + 1 < d.layers.length; l++) {
    const a = d.layers[l]!;
    const b = d.layers[l + 1]!;
    const W = w.W[l];
    if (!W || W.length !== a.size * b.size) continue;
    a.units.forEach((i, ia) => {
      b.units.forEach((j, jb) => {
        edges.push({
          key: `${l}:${i}:${j}`,
          x1: a.x,
          y1: a.ys[ia]!,
          x2: b.x,
          y2: b.ys[jb]!,
          weight: W[i * b.size + j]!,
        });
      });
    });
  }
  return edges;
}

/** Stroke colour, width and opacity of an edge, relative to the largest drawn weight. */
export function edgeStyle(weight: number, maxAbs: number): { color: string; width: number; opacity: number } {
  const r = maxAbs > 0 && Number.isFinite(weight) ? Math.min(1, Math.abs(weight) / maxAbs) : 0;
  return {
    color: weight >= 0 ? POSITIVE : NEGATIVE,
    width: Math.round((0.5 + 4.5 * r) * 100) / 100,
    opacity: Math.round((0.25 + 0.75 * r) * 100) / 100,
  };
}

export function maxAbsWeight(edges: readonly Edge[]): number {
  let m = 0;
  for (const e of edges) if (Number.isFinite(e.weight)) m = Math.max(m, Math.abs(e.weight));
  return m;
}

export interface EdgeScene {
  /** CSS pixels of the canvas, which lies exactly under the diagram's SVG. */
  width: number;
  height: number;
  diagram: Diagram;
  weights: WeightsFrame | null;
}

/** Edge styles are rounded to this many steps of size, so edges of one step share a path. */
const STYLE_STEPS = 12;

/**
 * Draws the edges on a canvas under the SVG of nodes, with the SVG's own fit (viewBox scaled to meet
 * the box, centred): hundreds of lines redrawn a few times a second cost a canvas little and the DOM
 * much. Edges are batched by sign and rounded size: a few strokes, however many edges. Returns the
 * number of edges drawn.
 */
export function drawDiagramEdges(ctx: CanvasRenderingContext2D, scene: EdgeScene): number {
  const { width, height, diagram: d, weights } = scene;
  ctx.clearRect(0, 0, width, height);
  if (!weights) return 0;
  const s = Math.min(width / d.width, height / d.height);
  const ox = (width - d.width * s) / 2;
  const oy = (height - d.height * s) / 2;
  const edges = diagramEdges(d, weights);
  const maxAbs = maxAbsWeight(edges);
  const batches = new Map<string, { weight: number; edges: Edge[] }>();
  for (const e of edges) {
    const r = maxAbs > 0 && Number.isFinite(e.weight) ? Math.min(1, Math.abs(e.weight) / maxAbs) : 0;
    const step = Math.round(r * STYLE_STEPS);
    const key = `${e.weight < 0 ? '-' : '+'}${step}`;
    let b = batches.get(key);
    if (!b) {
      b = { weight: ((e.weight < 0 ? -1 : 1) * step * maxAbs) / STYLE_STEPS, edges: [] };
      batches.set(key, b);
    }
    b.edges.push(e);
  }
  ctx.save();
  ctx.lineCap = 'round';
  for (const b of batches.values()) {
    const st = edgeStyle(b.weight, maxAbs);
    ctx.strokeStyle = st.color;
    ctx.globalAlpha = st.opacity;
    ctx.lineWidth = st.width * s;
    ctx.beginPath();
    for (const e of b.edges) {
      ctx.moveTo(ox + e.x1 * s, oy + e.y1 * s);
      ctx.lineTo(ox + e.x2 * s, oy + e.y2 * s);
    }
    ctx.stroke();
  }
  ctx.restore();
  return edges.length;
}

/** Distance from (x, y) to the segment from (x1, y1) to (x2, y2). */
function segmentDistance(x: number, y: number, x1: number, y1: number, x2: number, y2: number): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / len2)) : 0;
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
}

/**
 * The drawn link nearest to (x, y), in the diagram's coordinates, when it is within `tolerance`;
 * null elsewhere (and on the nodes, which are buttons of their own).
 */
export function edgeAt(d: Diagram, x: number, y: number, tolerance: number): WeightRef | null {
  let best: WeightRef | null = null;
  let bestDist = tolerance;
  for (let l = 0; l + 1 < d.layers.length; l++) {
    const a = d.layers[l]!;
    const b = d.layers[l + 1]!;
    if (x < a.x + d.rx || x > b.x - d.rx) continue;
    a.units.forEach((i, ia) => {
      b.units.forEach((j, jb) => {
        const dist = segmentDistance(x, y, a.x, a.ys[ia]!, b.x, b.ys[jb]!);
        if (dist <= bestDist) {
          bestDist = dist;
          best = { layer: l, from: i, to: j };
        }
      });
    });
  }
  return best;
}
