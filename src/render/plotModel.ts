/**
 * The one plot model. A decision-boundary picture is worked out here, once, from the grid frame (class
 * probabilities over a box), the points, the size and the options: where the plot goes, its scales and
 * ticks, the field's pixels, the boundary lines, the point marks and the legend. The outputs only draw
 * it (plotDraw.ts): the page's layers (ui/PlotCanvas.tsx), one canvas (ui/experiments/SceneCanvas.tsx)
 * and the PNG file (plotPng.ts).
 */
import { type ScaleLinear, scaleLinear } from 'd3-scale';
import { type Box, sameBox } from '../core/box';
import type { GridFrame, PointsFrame } from '../protocol/training';
import { tickCount } from './axes';
import { boundaryLines, type Ring } from './boundary';
import { coarseFactor, coarsen } from './coarsen';
import { paintField } from './field';
import { fitRect, type Margins, PLOT_MARGINS, plotArea, type Rect } from './layout';
import { type LegendEntry, pointsLegend } from './legend';
import { pointRadius } from './scatter';

export interface PlotOptions {
  /** Room around the plot area for the axes' labels. */
  margins: Margins;
  /** About one axis tick per this many CSS pixels; null: no axes, a bare picture. */
  tickSpacing: { x: number; y: number } | null;
  /** Shrink the area to the box's shape, centred (the page's box already has its area's shape). */
  fit: boolean;
  /** Sample the grid down to at most this many cells a side (coarsen.ts). */
  maxSide: number;
  /** Marker radius and boundary width, relative to the page's. */
  pointScale: number;
  lineScale: number;
}

/** The playground's plot. */
export const PAGE_PLOT: PlotOptions = {
  margins: PLOT_MARGINS,
  tickSpacing: { x: 70, y: 45 },
  fit: false,
  maxSide: Number.POSITIVE_INFINITY,
  pointScale: 1,
  lineScale: 1,
};

/** A plot with axes beside another (logistic regression against the network): fitted to its box. */
export const PANEL_PLOT: PlotOptions = {
  ...PAGE_PLOT,
  margins: { top: 6, right: 8, bottom: 22, left: 34 },
  tickSpacing: { x: 70, y: 40 },
  fit: true,
};

/**
 * A gallery tile: no axes, lighter marks, and at most 64 cells a side (the worker's grid has up to 150):
 * enough for a tile's ~200 pixels, and the boundary's marching squares cost grows with the cells.
 */
export const TILE_PLOT: PlotOptions = {
  ...PANEL_PLOT,
  margins: { top: 0, right: 0, bottom: 0, left: 0 },
  tickSpacing: null,
  maxSide: 64,
  pointScale: 0.75,
  lineScale: 0.7,
};

export interface PlotInput {
  grid: GridFrame | null;
  points: PointsFrame | null;
  /** CSS pixels of the whole picture, and the device pixel ratio it is drawn at. */
  width: number;
  height: number;
  dpr: number;
  /** Draw the test points (default: yes). */
  showTest?: boolean;
  /** Shade the field by the most likely class only (default: no). */
  discrete?: boolean;
}

export interface PlotField {
  /** The grid drawn: the input's, or a coarser one (PlotOptions.maxSide). */
  grid: GridFrame;
  /** RGBA, one pixel per cell, row 0 at the top (field.ts). */
  pixels: Uint8ClampedArray;
  /** The boundary as polylines in grid units (boundary.ts). */
  lines: Ring[];
}

export interface PlotStroke {
  color: string;
  width: number;
}

export type Scale = ScaleLinear<number, number>;

export interface PlotModel {
  readonly input: PlotInput;
  readonly options: PlotOptions;
  readonly field: PlotField;
  /** Where the field goes, in CSS pixels; x and y map the field's box onto it. */
  readonly area: Rect;
  readonly x: Scale;
  readonly y: Scale;
  /** Axis tick counts; null: no axes. */
  readonly ticks: { x: number; y: number } | null;
  /** The boundary: a white halo drawn first, then the line. */
  readonly halo: PlotStroke;
  readonly line: PlotStroke;
  readonly points: PointsFrame | null;
  readonly pointRadius: number;
  readonly legend: LegendEntry[];
}

export { sameBox };

/** Where the field of `box` goes in a picture of this size (the plot area before fitting when no box). */
export function plotRect(width: number, height: number, box: Box | null, options: PlotOptions): Rect {
  const frame = plotArea(width, height, options.margins);
  return options.fit && box ? fitRect(frame, box) : frame;
}

/** Marker radius for `n` points on `area`. */
export function markRadius(n: number, area: Rect, options: PlotOptions): number {
  return pointRadius(n, Math.min(area.w, area.h), options.pointScale);
}

/** Pixels, colours and lines of a grid; `recycle`'s pixel buffer is reused when it has the size. */
function makeField(
  source: GridFrame,
  maxSide: number,
  recycle: PlotField | null,
  discrete: boolean,
): PlotField {
  const grid = coarsen(source, coarseFactor(source, maxSide));
  const n = 4 * grid.width * grid.height;
  const pixels = recycle && recycle.pixels.length === n ? recycle.pixels : new Uint8ClampedArray(n);
  paintField(grid, pixels, discrete);
  // Regression has no classes, so no decision boundary.
  return { grid, pixels, lines: grid.classes === 1 ? [] : boundaryLines(grid) };
}

function sameInput(a: PlotInput, b: PlotInput): boolean {
  return (
    a.grid === b.grid &&
    a.points === b.points &&
    a.width === b.width &&
    a.height === b.height &&
    a.dpr === b.dpr &&
    a.showTest === b.showTest &&
    a.discrete === b.discrete
  );
}

/** The training rows only (a view, no copy). */
function trainOnly(p: PointsFrame): PointsFrame {
  return p.t
    ? { ...p, y: p.y.subarray(0, p.nTrain), t: p.t.subarray(0, p.nTrain) }
    : { ...p, y: p.y.subarray(0, p.nTrain) };
}

/**
 * The model of `input`, or null when there is no grid yet (nothing to draw). With `previous` (a model
 * of the same options object) only what changed is worked out again: the same grid keeps its field,
 * the same box and size keep their layout, and equal inputs return `previous` itself. A new grid of the
 * same size reuses `previous`'s pixel buffer, so `previous` must not be drawn after this call.
 */
export function plotModel(
  input: PlotInput,
  options: PlotOptions,
  previous: PlotModel | null = null,
): PlotModel | null {
  const { grid, points, width, height } = input;
  if (!grid) return null;
  const prev = previous?.options === options ? previous : null;
  if (prev && sameInput(prev.input, input)) return prev;
  const discrete = input.discrete === true;
  const field =
    prev?.input.grid === grid && prev.input.discrete === input.discrete
      ? prev.field
      : makeField(grid, options.maxSide, prev?.field ?? null, discrete);
  const box = field.grid.box;
  const keep =
    prev && prev.input.width === width && prev.input.height === height && sameBox(prev.field.grid.box, box);
  const area = keep ? prev.area : plotRect(width, height, box, options);
  const x = keep
    ? prev.x
    : scaleLinear()
        .domain([box.x0, box.x1])
        .range([area.x, area.x + area.w]);
  const y = keep
    ? prev.y
    : scaleLinear()
        .domain([box.y0, box.y1])
        .range([area.y + area.h, area.y]);
  const spacing = options.tickSpacing;
  const keepPoints = prev?.input.points === points && prev.input.showTest === input.showTest;
  const shown = keepPoints ? prev.points : points && input.showTest === false ? trainOnly(points) : points;
  return {
    input: { ...input },
    options,
    field,
    area,
    x,
    y,
    ticks: spacing && { x: tickCount(area.w, spacing.x), y: tickCount(area.h, spacing.y) },
    halo: { color: 'rgba(255, 255, 255, 0.85)', width: 4 * options.lineScale },
    line: { color: '#1d1d1d', width: 2 * options.lineScale },
    points: shown,
    pointRadius: points ? markRadius(points.y.length, area, options) : 0,
    legend: keepPoints ? prev.legend : pointsLegend(shown),
  };
}
