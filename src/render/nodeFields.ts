/**
 * The diagram's node heatmaps (TensorFlow Playground's): each drawn unit's field (NodesFrame) painted
 * into one atlas image, tile k below tile k - 1, then each tile drawn into its node's rectangle on a
 * canvas that lies under the diagram's SVG, with the SVG's own fit. Inputs and hidden units run from
 * orange (negative) through white (0) to blue (positive), each at full strength for its largest |value|;
 * an output unit (a class probability) runs from white at 0 to its class colour at 1; regression's one
 * output is its predicted value on the main plot's own diverging map (colors.ts).
 */
import type { NodesFrame } from '../protocol/training';
import { classRgb, divergingRgb } from './colors';
import type { Diagram } from './diagram';
import { paintDiverging } from './unitField';

/** Tiles in the frame: one per unit sent. */
export function tileCount(frame: NodesFrame): number {
  let n = 0;
  for (const c of frame.counts) n += c;
  return n;
}

/** Writes every tile into `out`: RGBA, frame.width wide and frame.height x tileCount(frame) high. */
export function paintNodeAtlas(frame: NodesFrame, out: Uint8ClampedArray): void {
  const cells = frame.width * frame.height;
  const last = frame.counts.length - 1;
  let k = 0;
  for (let l = 0; l <= last; l++) {
    for (let u = 0; u < frame.counts[l]!; u++, k++) {
      const values = frame.values.subarray(k * cells, (k + 1) * cells);
      const pixels = out.subarray(4 * k * cells, 4 * (k + 1) * cells);
      if (l === last && frame.counts[l] === 1) paintValue(values, pixels);
      else if (l === last) paintProbability(values, classRgb(u), pixels);
      else paintDiverging(values, pixels);
    }
  }
}

function paintValue(values: Float32Array, out: Uint8ClampedArray): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const rgb = Number.isFinite(v) ? divergingRgb(v) : ([200, 200, 200] as const);
    const o = 4 * i;
    out[o] = rgb[0];
    out[o + 1] = rgb[1];
    out[o + 2] = rgb[2];
    out[o + 3] = 255;
  }
}

function paintProbability(values: Float32Array, rgb: readonly number[], out: Uint8ClampedArray): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const t = Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
    const o = 4 * i;
    out[o] = 255 + (rgb[0]! - 255) * t;
    out[o + 1] = 255 + (rgb[1]! - 255) * t;
    out[o + 2] = 255 + (rgb[2]! - 255) * t;
    out[o + 3] = 255;
  }
}

export interface NodeFieldsScene {
  /** CSS pixels of the canvas, which lies exactly under the diagram's SVG. */
  width: number;
  height: number;
  diagram: Diagram;
  frame: NodesFrame;
  /** The painted atlas (paintNodeAtlas) as an image. */
  atlas: CanvasImageSource;
}

/**
 * Draws each tile into its node's rectangle, for the units the diagram draws (a frame of another shape
 * draws nothing). Returns the number of tiles drawn.
 */
export function drawNodeFields(ctx: CanvasRenderingContext2D, scene: NodeFieldsScene): number {
  const { width, height, diagram: d, frame, atlas } = scene;
  ctx.clearRect(0, 0, width, height);
  if (frame.counts.length !== d.layers.length) return 0;
  if (d.layers.some((l, i) => l.units.length !== frame.counts[i])) return 0;
  const s = Math.min(width / d.width, height / d.height);
  const ox = (width - d.width * s) / 2;
  const oy = (height - d.height * s) / 2;
  ctx.imageSmoothingEnabled = true;
  let k = 0;
  for (const layer of d.layers) {
    for (let i = 0; i < layer.units.length; i++, k++) {
      const x = ox + (layer.x - d.rx) * s;
      const y = oy + (layer.ys[i]! - d.ry) * s;
      // Half a cell in from the tile's edges: smoothing would otherwise blend in the next tile's row.
      ctx.drawImage(
        atlas,
        0.5,
        k * frame.height + 0.5,
        frame.width - 1,
        frame.height - 1,
        x,
        y,
        2 * d.rx * s,
        2 * d.ry * s,
      );
    }
  }
  return k;
}
