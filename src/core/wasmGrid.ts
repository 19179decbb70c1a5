/** grid.ts's GridEvaluator on the WebAssembly engine: one call per grid, the same values. */
import type { Box } from './grid';
import type { Params } from './network';
import { WasmNet } from './wasmNet';

export class WasmGridEvaluator {
  private readonly net: WasmNet;
  private readonly out: Float32Array;

  constructor(
    module: WebAssembly.Module,
    readonly sizes: readonly number[],
    readonly width: number,
    readonly height: number,
  ) {
    const C = sizes[sizes.length - 1]!;
    this.net = new WasmNet(module, sizes, 'tanh', width, 0, [16 * width, 4 * width * height * C]);
    this.out = new Float32Array(this.net.buffer, this.net.regions[1]!, width * height * C);
  }

  get classes(): number {
    return this.sizes[this.sizes.length - 1]!;
  }

  /** Fills `out` (length W * H * C) for the network p, whose sizes must be this grid's. */
  evaluate(p: Params, box: Box, out: Float32Array): void {
    const { net, width: W, height: H } = this;
    net.setActivation(p.act);
    for (let l = 0; l < p.W.length; l++) {
      net.W[l]!.set(p.W[l]!);
      net.b[l]!.set(p.b[l]!);
    }
    const dx = (box.x1 - box.x0) / W;
    const dy = (box.y1 - box.y0) / H;
    net.exports.grid(box.x0, dx, box.y1, dy, W, H, net.regions[0]!, net.regions[1]!);
    out.set(this.out);
  }
}
