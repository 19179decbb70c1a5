/**
 * Class probabilities on a W x H grid over a box, for drawing. Point (i, j) sits at the centre of its
 * cell: x = x0 + (i + 0.5) (x1 - x0) / W, y = y1 - (j + 0.5) (y1 - y0) / H (row 0 at the top).
 * Output is class-major: out[c * W * H + j * W + i], so each class is one contiguous plane.
 */
import type { Box } from './box';
import { Engine } from './engine';
import type { Params } from './network';

export class GridEvaluator {
  private readonly engine: Engine;
  private readonly row: Float64Array;

  constructor(
    readonly sizes: readonly number[],
    readonly width: number,
    readonly height: number,
  ) {
    this.engine = new Engine(sizes, width);
    this.row = new Float64Array(2 * width);
  }

  get classes(): number {
    return this.sizes[this.sizes.length - 1]!;
  }

  /** Fills `out` (length W * H * C). */
  evaluate(p: Params, box: Box, out: Float32Array): void {
    const { width: W, height: H, row, engine } = this;
    const C = this.classes;
    const dx = (box.x1 - box.x0) / W;
    const dy = (box.y1 - box.y0) / H;
    for (let i = 0; i < W; i++) row[2 * i] = box.x0 + (i + 0.5) * dx;
    const plane = W * H;
    for (let j = 0; j < H; j++) {
      const y = box.y1 - (j + 0.5) * dy;
      for (let i = 0; i < W; i++) row[2 * i + 1] = y;
      engine.forward(p, row, W, null);
      const probs = engine.probs;
      for (let c = 0; c < C; c++) {
        const o = c * plane + j * W;
        for (let i = 0; i < W; i++) out[o + i] = probs[c * W + i]!;
      }
    }
  }
}
