/** Where a chart's plot area sits in its canvas (CSS pixels), leaving room for the axes' labels. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const PLOT_MARGINS: Margins = { top: 8, right: 10, bottom: 24, left: 38 };

export function plotArea(width: number, height: number, m: Margins = PLOT_MARGINS): Rect {
  return {
    x: m.left,
    y: m.top,
    w: Math.max(1, width - m.left - m.right),
    h: Math.max(1, height - m.top - m.bottom),
  };
}

/** Width / height of the plot area of a canvas of this size. */
export function plotAspect(width: number, height: number): number {
  const r = plotArea(width, height);
  return r.w / r.h;
}

/** The largest rect of the box's aspect ratio inside `area`, centred. */
export function fitRect(area: Rect, box: { x0: number; x1: number; y0: number; y1: number }): Rect {
  const aspect = (box.x1 - box.x0) / (box.y1 - box.y0);
  if (!(aspect > 0) || !Number.isFinite(aspect)) return area;
  if (area.w / area.h > aspect) {
    const w = area.h * aspect;
    return { x: area.x + (area.w - w) / 2, y: area.y, w, h: area.h };
  }
  const h = area.w / aspect;
  return { x: area.x, y: area.y + (area.h - h) / 2, w: area.w, h };
}
