import { interpolateSpectral } from 'd3-scale-chromatic';
import { describe, expect, it } from 'vitest';
import { parseRgb, spectral } from '../../src/render/colors';

describe('the Spectral colour map', () => {
  it("gives d3-scale-chromatic's interpolateSpectral colours exactly, ends and outside included", () => {
    for (let i = -20; i <= 1020; i++) {
      const t = i / 1000;
      expect(spectral(t)).toEqual(parseRgb(interpolateSpectral(t)));
    }
    // d3 paints NaN black; a class colour must never be black, so NaN falls to the red end.
    expect(spectral(Number.NaN)).toEqual(parseRgb(interpolateSpectral(0)));
  });
});
