/**
 * Decision boundaries as lines, with d3-contour's marching squares. For class c the field
 * p_c - max_{j != c} p_j is positive exactly where c wins; its zero line is c's region outline (two
 * classes: the P = 0.5 line). Coordinates are the grid's: value (i, j) sits at (i + 0.5, j + 0.5),
 * the same cell centres as core/grid.ts, so (u, v) maps to x0 + u (x1 - x0) / W, y1 - v (y1 - y0) / H.
 */
import { contours } from 'd3-contour';
import type { GridFrame } from '../protocol/training';

export type Ring = [number, number][];

export function boundaryRings(grid: GridFrame): Ring[] {
  const { width: W, height: H, classes: C, probs } = grid;
  const cells = W * H;
  const field = new Float64Array(cells);
  const gen = contours().size([W, H]).smooth(true);
  const rings: Ring[] = [];
  const outlined = C === 2 ? [1] : Array.from({ length: C }, (_, c) => c);
  for (const c of outlined) {
    for (let i = 0; i < cells; i++) {
      let other = Number.NEGATIVE_INFINITY;
      for (let j = 0; j < C; j++) if (j !== c && probs[j * cells + i]! > other) other = probs[j * cells + i]!;
      field[i] = probs[c * cells + i]! - other;
    }
    const shape = gen.contour(field as unknown as number[], 0);
    for (const polygon of shape.coordinates) for (const ring of polygon) rings.push(ring as Ring);
  }
  return rings;
}

function onBorder(p: readonly number[], W: number, H: number): boolean {
  return p[0]! <= 0 || p[0]! >= W || p[1]! <= 0 || p[1]! >= H;
}

/** A border point moved along its edge to meet the neighbouring (smoothed) point squarely. */
function snap(border: readonly number[], inner: readonly number[], W: number): [number, number] {
  const [u, v] = border as [number, number];
  return u <= 0 || u >= W ? [u, inner[1]!] : [inner[0]!, v];
}

/**
 * The rings as open polylines of boundary only: d3-contour closes each region along the grid's edge,
 * and those pieces (both ends on the edge) are not boundaries, so they are cut out. The unsmoothed
 * border end of each polyline is snapped to its neighbour so lines leave the plot squarely.
 */
export function boundaryLines(grid: GridFrame): Ring[] {
  const { width: W, height: H } = grid;
  const lines: Ring[] = [];
  for (const ring of boundaryRings(grid)) {
    let line: Ring = [];
    for (let k = 1; k < ring.length; k++) {
      const a = ring[k - 1]!;
      const b = ring[k]!;
      const aOut = onBorder(a, W, H);
      const bOut = onBorder(b, W, H);
      if (aOut && bOut) {
        if (line.length > 1) lines.push(line);
        line = [];
        continue;
      }
      if (line.length === 0) line.push(aOut ? snap(a, b, W) : a);
      line.push(bOut ? snap(b, a, W) : b);
    }
    if (line.length > 1) lines.push(line);
  }
  return lines;
}

/** The lines as an SVG path in grid coordinates (for an <svg> whose viewBox is the grid). */
export function linesToPath(lines: readonly Ring[]): string {
  const parts: string[] = [];
  for (const line of lines) {
    for (let k = 0; k < line.length; k++) {
      const p = line[k]!;
      parts.push(`${k === 0 ? 'M' : 'L'}${Math.round(p[0] * 100) / 100} ${Math.round(p[1] * 100) / 100}`);
    }
  }
  return parts.join('');
}
