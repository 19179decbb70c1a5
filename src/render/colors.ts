/**
 * Colours: matplotlib's Spectral (as the tutorial's `cmap=plt.cm.Spectral, c=y`): class 0 at the red
 * end, class 1 at the blue end, so two classes look as in the tutorial. Red against blue stays apart
 * under the common colour blindnesses. A class's colour depends on its index only, never on how many
 * classes there are, so adding a class leaves the others as they were; every class also has its own
 * marker shape (legend.ts).
 */
import { interpolateRgbBasis } from 'd3-interpolate';

export type RGB = readonly [number, number, number];

/** How much of the class colour the background field keeps (the rest is white). */
export const FIELD_STRENGTH = 0.55;

export function parseRgb(css: string): RGB {
  const m = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(css);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  const hex = /^#([0-9a-f]{6})$/i.exec(css);
  if (hex) {
    const v = Number.parseInt(hex[1]!, 16);
    return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
  }
  return [128, 128, 128];
}

/**
 * ColorBrewer's Spectral, 11 classes, red to blue, through d3-interpolate's RGB B-spline: the same
 * colours as d3-scale-chromatic's interpolateSpectral, whose single bundle would add every other scheme.
 */
const SPECTRAL_11 = '9e0142d53e4ff46d43fdae61fee08bffffbfe6f598abdda466c2a53288bd5e4fa2';
const interpolateSpectral = interpolateRgbBasis(SPECTRAL_11.match(/.{6}/g)!.map((h) => `#${h}`));

/** Spectral at t in [0, 1] (clamped). */
export function spectral(t: number): RGB {
  return parseRgb(interpolateSpectral(Math.max(0, Math.min(1, t || 0))));
}

/**
 * Where each class sits on Spectral: the two ends first, then teal, orange and lime, picked to be far
 * from the colours before them (the pale yellow middle is left to the two-class field's boundary zone).
 */
export const CLASS_POSITIONS: readonly number[] = [0, 1, 0.8, 0.3, 0.6];

/** Colour of class `c` (classes beyond the table reuse it, cyclically). */
export function classRgb(c: number): RGB {
  return spectral(CLASS_POSITIONS[c % CLASS_POSITIONS.length]!);
}

export function css([r, g, b]: RGB): string {
  return `rgb(${r}, ${g}, ${b})`;
}

/** The colours of classes 0 to `classes - 1`: a prefix of the same list whatever `classes` is. */
export function classColors(classes: number): string[] {
  return Array.from({ length: classes }, (_, c) => css(classRgb(c)));
}

/** A colour mixed with white: the field's pastel version. */
export function pastel([r, g, b]: RGB, strength = FIELD_STRENGTH): RGB {
  const k = 255 * (1 - strength);
  return [Math.round(r * strength + k), Math.round(g * strength + k), Math.round(b * strength + k)];
}

/** 256 pastel Spectral colours, packed RGB, for two-class fields coloured by P(class 1). */
export const SPECTRAL_LUT: Uint8Array = (() => {
  const lut = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) {
    const [r, g, b] = pastel(spectral(i / 255));
    lut[3 * i] = r;
    lut[3 * i + 1] = g;
    lut[3 * i + 2] = b;
  }
  return lut;
})();

/**
 * The regression field's diverging map (TensorFlow Playground's): orange at -1, a light grey at 0, blue
 * at +1, linear in RGB between them; values beyond +-1 take the end colours.
 */
const DIVERGING: readonly RGB[] = [
  [245, 147, 34],
  [232, 234, 235],
  [8, 119, 189],
];

export function divergingRgb(v: number): RGB {
  const t = Math.max(-1, Math.min(1, v));
  const [a, b, u] = t < 0 ? [DIVERGING[1]!, DIVERGING[0]!, -t] : [DIVERGING[1]!, DIVERGING[2]!, t];
  return [
    Math.round(a[0] + (b[0] - a[0]) * u),
    Math.round(a[1] + (b[1] - a[1]) * u),
    Math.round(a[2] + (b[2] - a[2]) * u),
  ];
}
