/** A rectangle of the plane, and the one around a data set. Apart from grid.ts, whose evaluator needs the engine. */
export interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export function sameBox(a: Box | null | undefined, b: Box | null | undefined): boolean {
  return a === b || (!!a && !!b && a.x0 === b.x0 && a.x1 === b.x1 && a.y0 === b.y0 && a.y1 === b.y1);
}

/** The tutorial's plotting box: the data's bounding box padded by `pad` on every side. */
export function dataBox(X: Float64Array, n: number, pad = 0.5): Box {
  let x0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const x = X[2 * i]!;
    const y = X[2 * i + 1]!;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  if (!(x1 >= x0)) return { x0: -1 - pad, x1: 1 + pad, y0: -1 - pad, y1: 1 + pad };
  return { x0: x0 - pad, x1: x1 + pad, y0: y0 - pad, y1: y1 + pad };
}
