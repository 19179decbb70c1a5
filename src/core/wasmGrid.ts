/**
 * grid.ts's GridEvaluator on the WebAssembly engine: one call per grid, the same values. With input
 * features other than the point itself, the cells' features are computed here (features.ts, as the
 * JS engine does) and the module runs them.
 */

import type { Box } from './box';
import { featurize, plainInputs } from './features';
import type { Params } from './network';
import { WasmNet } from './wasmNet';

export class WasmGridEvaluator {
  private readonly net: WasmNet;
  private readonly out: Float32Array;
  /** The cells' input features, row after row (width x d each), and one row of cell centres. */
  private readonly input: Float64Array;
  private readonly centres: Float64Array;

  constructor(
    module: WebAssembly.Module,
    readonly sizes: readonly number[],
    readonly width: number,
    readonly height: number,
  ) {
    const C = sizes[sizes.length - 1]!;
    const d = sizes[0]!;
    const regions = [16 * width, 4 * width * height * C, 8 * d * width * height];
    this.net = new WasmNet(module, sizes, 'tanh', width, 0, regions);
    this.out = new Float32Array(this.net.buffer, this.net.regions[1]!, width * height * C);
    this.input = new Float64Array(this.net.buffer, this.net.regions[2]!, d * width * height);
    this.centres = new Float64Array(2 * width);
  }

  get classes(): number {
    return this.sizes[this.sizes.length - 1]!;
  }

  /** Fills `out` (length W * H * C) for the network p, whose sizes must be this grid's. */
  evaluate(p: Params, box: Box, out: Float32Array): void {
    const { net, width: W, height: H } = this;
    net.setActivation(p.act);
    net.setRegression(p.regression === true);
    for (let l = 0; l < p.W.length; l++) {
      net.W[l]!.set(p.W[l]!);
      net.b[l]!.set(p.b[l]!);
    }
    const dx = (box.x1 - box.x0) / W;
    const dy = (box.y1 - box.y0) / H;
    if (plainInputs(p.inputs))
      net.exports.grid(box.x0, dx, box.y1, dy, W, H, net.regions[0]!, net.regions[1]!);
    else {
      // The cell centres exactly as grid.ts computes them, then their features.
      const { centres, input } = this;
      const d = p.inputs.length;
      for (let i = 0; i < W; i++) centres[2 * i] = box.x0 + (i + 0.5) * dx;
      for (let j = 0; j < H; j++) {
        const y = box.y1 - (j + 0.5) * dy;
        for (let i = 0; i < W; i++) centres[2 * i + 1] = y;
        featurize(p.inputs, centres, W, input, d, 1, j * W * d);
      }
      net.exports.gridFrom(net.regions[2]!, d, W, H, net.regions[1]!);
    }
    out.set(this.out);
  }
}
