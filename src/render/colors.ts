/**
 * Colours: matplotlib's Spectral (as the tutorial's `cmap=plt.cm.Spectral, c=y`): class 0 at the red
 * end, the last class at the blue end, the others evenly between. Red against blue stays apart under
 * the common colour blindnesses; more classes also get distinct marker shapes.
 * Spectral is computed here exactly as d3-scale-chromatic's interpolateSpectral (a B-spline through
 * ColorBrewer's 11 colours in RGB): that package bundles every scheme, some 6 kB gzipped for one.
 */

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

/** ColorBrewer's Spectral, 11 classes, red to blue. */
const SPECTRAL_11 = '9e0142d53e4ff46d43fdae61fee08bffffbfe6f598abdda466c2a53288bd5e4fa2';
/** Red, green and blue values of the 11 colours. */
const CHANNELS = [0, 1, 2].map((k) =>
  Array.from({ length: 11 }, (_, i) =>
    Number.parseInt(SPECTRAL_11.slice(6 * i + 2 * k, 6 * i + 2 * k + 2), 16),
  ),
);

/** d3-interpolate's uniform cubic B-spline through `v` (interpolateBasis), at t in [0, 1]. */
function basisSpline(v: readonly number[], t: number): number {
  const n = v.length - 1;
  let i: number;
  if (t <= 0) i = t = 0;
  else if (t >= 1) {
    t = 1;
    i = n - 1;
  } else i = Math.floor(t * n);
  const v1 = v[i]!;
  const v2 = v[i + 1]!;
  const v0 = i > 0 ? v[i - 1]! : 2 * v1 - v2;
  const v3 = i < n - 1 ? v[i + 2]! : 2 * v2 - v1;
  const t1 = (t - i / n) * n;
  const t2 = t1 * t1;
  const t3 = t2 * t1;
  return (
    ((1 - 3 * t1 + 3 * t2 - t3) * v0 +
      (4 - 6 * t2 + 3 * t3) * v1 +
      (1 + 3 * t1 + 3 * t2 - 3 * t3) * v2 +
      t3 * v3) /
    6
  );
}

/** Spectral at t in [0, 1], rounded and clamped as d3-color formats it. */
export function spectral(t: number): RGB {
  const [r, g, b] = CHANNELS.map((v) => Math.max(0, Math.min(255, Math.round(basisSpline(v, t)) || 0)));
  return [r!, g!, b!];
}

export function classRgb(c: number, classes: number): RGB {
  return spectral(classes <= 1 ? 0 : c / (classes - 1));
}

export function css([r, g, b]: RGB): string {
  return `rgb(${r}, ${g}, ${b})`;
}

export function classColors(classes: number): string[] {
  return Array.from({ length: classes }, (_, c) => css(classRgb(c, classes)));
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
