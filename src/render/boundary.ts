/**
 * Decision boundaries as lines, with d3-contour's marching squares. For class c the field
 * p_c - max_{j != c} p_j is positive exactly where c wins; its zero line is c's region outline (two
 * classes: the P = 0.5 line). Coordinates are the grid's: value (i, j) sits at (i + 0.5, j + 0.5),
 * the same cell centres as core/grid.ts, so (u, v) maps to x0 + u (x1 - x0) / W, y1 - v (y1 - y0) / H.
 */
import { contours } from 'd3-contour';
import type { GridFrame } from '../worker/protocol';

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

/** True for a segment along the grid's edge: it closes a region, it is not a boundary. */
export function onEdge(a: readonly number[], b: readonly number[], W: number, H: number): boolean {
  return (
    (a[0] === 0 && b[0] === 0) ||
    (a[0] === W && b[0] === W) ||
    (a[1] === 0 && b[1] === 0) ||
    (a[1] === H && b[1] === H)
  );
}
