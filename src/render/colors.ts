/**
 * Colours: matplotlib's Spectral (as the tutorial's `cmap=plt.cm.Spectral, c=y`): class 0 at the red
 * end, the last class at the blue end, the others evenly between. Red against blue stays apart under
 * the common colour blindnesses; more classes also get distinct marker shapes.
 */
import { interpolateSpectral } from 'd3-scale-chromatic';

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

export function spectral(t: number): RGB {
  return parseRgb(interpolateSpectral(t));
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
