/**
 * What the field's shading means, as a colour bar any output can draw (the page's SVG, the PNG's
 * canvas): its title, one row of colour stops per bar, and the ticks under it. The colours are the
 * field's own (field.ts): two classes are shaded by P(class 1) along Spectral; more classes by the mix
 * of their colours, so each class gets a row from "the others share the rest" to "certainly this
 * class". Discretized, the field shows only the most likely class, and the bar says so.
 */
import { classRgb, css, divergingRgb, pastel, type RGB, spectral } from './colors';
import { REGRESSION_STRENGTH } from './field';

export interface ColorStop {
  /** 0 to 1 along the bar. */
  at: number;
  color: string;
}

export interface ColorBarRow {
  /** The class the row is of; null: the one bar of two classes. */
  cls: number | null;
  stops: ColorStop[];
}

export interface ColorBar {
  title: string;
  rows: ColorBarRow[];
  /** Labels along the bar, at 0 to 1. */
  ticks: { at: number; label: string }[];
  /** What each end means, when the bar is one row. */
  ends: [string, string] | null;
}

/** Stops per continuous bar: Spectral's B-spline is smooth between them. */
const SAMPLES = 11;

function mix(a: RGB, b: RGB, t: number): RGB {
  return [
    Math.round(a[0] + (b[0] - a[0]) * t),
    Math.round(a[1] + (b[1] - a[1]) * t),
    Math.round(a[2] + (b[2] - a[2]) * t),
  ];
}

function sampled(color: (t: number) => RGB): ColorStop[] {
  return Array.from({ length: SAMPLES }, (_, k) => {
    const at = k / (SAMPLES - 1);
    return { at, color: css(color(at)) };
  });
}

const TICKS = [
  { at: 0, label: '0' },
  { at: 0.5, label: '0.5' },
  { at: 1, label: '1' },
];

/** The colour bar of a field of `classes` classes, continuous or discretized; 1: regression's values. */
export function colorBar(classes: number, discrete: boolean): ColorBar {
  if (classes === 1) {
    // The field's own colours (field.ts): the predicted value, -1 to 1, on the diverging map.
    return {
      title: 'Shading: predicted value (points: their targets)',
      rows: [{ cls: null, stops: sampled((t) => pastel(divergingRgb(2 * t - 1), REGRESSION_STRENGTH)) }],
      ticks: [
        { at: 0, label: '≤ −1' },
        { at: 0.5, label: '0' },
        { at: 1, label: '≥ 1' },
      ],
      ends: null,
    };
  }
  if (classes <= 2) {
    const lo = css(pastel(spectral(0)));
    const hi = css(pastel(spectral(1)));
    return discrete
      ? {
          title: 'Shading: the more likely class (discretized)',
          rows: [
            {
              cls: null,
              stops: [
                { at: 0, color: lo },
                { at: 0.5, color: lo },
                { at: 0.5, color: hi },
                { at: 1, color: hi },
              ],
            },
          ],
          ticks: TICKS,
          ends: ['class 0', 'class 1'],
        }
      : {
          title: 'Shading: probability of class 1',
          rows: [{ cls: null, stops: sampled((t) => pastel(spectral(t))) }],
          ticks: TICKS,
          ends: ['class 0', 'class 1'],
        };
  }
  const colors = Array.from({ length: classes }, (_, c) => pastel(classRgb(c)));
  if (discrete) {
    return {
      title: 'Shading: the most likely class (discretized)',
      rows: colors.map((col, c) => ({
        cls: c,
        stops: [
          { at: 0, color: css(col) },
          { at: 1, color: css(col) },
        ],
      })),
      ticks: [],
      ends: null,
    };
  }
  return {
    title: 'Shading: probability of each class (the rest shared by the others)',
    rows: colors.map((col, c) => {
      const others = colors.filter((_, k) => k !== c);
      const rest: RGB = [0, 1, 2].map(
        (i) => others.reduce((sum, o) => sum + o[i]!, 0) / others.length,
      ) as unknown as RGB;
      return { cls: c, stops: sampled((t) => mix(rest, col, t)) };
    }),
    ticks: TICKS,
    ends: null,
  };
}

/** Heights in CSS pixels of the bar as canvases draw it (the PNG file). */
const TITLE_H = 16;
const ROW_H = 10;
const ROW_GAP = 2;
const TICK_H = 13;

export function colorBarHeight(bar: ColorBar): number {
  const rows = bar.rows.length;
  return TITLE_H + rows * ROW_H + (rows - 1) * ROW_GAP + (bar.ticks.length > 0 ? TICK_H : 0) + 4;
}

/** Draws `bar` with its top left at (x, y), `w` wide: the title, the rows (class labels to their left), the ticks. */
export function drawColorBar(
  ctx: CanvasRenderingContext2D,
  bar: ColorBar,
  x: number,
  y: number,
  w: number,
): void {
  ctx.save();
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillStyle = '#5b5b5b';
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  ctx.fillText(bar.title, x, y + 2);
  const labelled = bar.ends !== null || bar.rows.some((r) => r.cls !== null);
  const left = labelled ? x + 52 : x;
  const right = labelled && bar.ends ? x + w - 52 : x + w;
  const bw = Math.max(20, right - left);
  bar.rows.forEach((r, k) => {
    const top = y + TITLE_H + k * (ROW_H + ROW_GAP);
    const g = ctx.createLinearGradient(left, 0, left + bw, 0);
    for (const s of r.stops) g.addColorStop(s.at, s.color);
    ctx.fillStyle = g;
    ctx.fillRect(left, top, bw, ROW_H);
    ctx.strokeStyle = '#8a8a8a';
    ctx.lineWidth = 0.5;
    ctx.strokeRect(left, top, bw, ROW_H);
    ctx.fillStyle = '#5b5b5b';
    ctx.textBaseline = 'middle';
    if (r.cls !== null) {
      ctx.textAlign = 'right';
      ctx.fillText(`class ${r.cls}`, left - 6, top + ROW_H / 2);
    } else if (bar.ends) {
      ctx.textAlign = 'right';
      ctx.fillText(bar.ends[0], left - 6, top + ROW_H / 2);
      ctx.textAlign = 'left';
      ctx.fillText(bar.ends[1], left + bw + 6, top + ROW_H / 2);
    }
  });
  const ticksY = y + TITLE_H + bar.rows.length * (ROW_H + ROW_GAP) + 1;
  ctx.textBaseline = 'top';
  for (const t of bar.ticks) {
    ctx.textAlign = t.at === 0 ? 'left' : t.at === 1 ? 'right' : 'center';
    ctx.fillText(t.label, left + t.at * bw, ticksY);
  }
  ctx.restore();
}
