/**
 * One instance of the WebAssembly engine (wasm/index.ts) with its memory laid out once for one
 * network shape: the layer table, weights, activations for `capacity` rows, deltas for `trainRows`
 * rows, scratch, and whatever regions the owner asks for. The memory grows once, here, and never
 * again, so the typed-array views made here stay valid. Every buffer has 16 bytes of room after it
 * (a layer with an odd number of units reads one word past its end; see wasm/layers.ts).
 */
import { ACTIVATIONS } from '../config/enums';
import type { Activation, OptimizerName } from '../config/schema';
import { EXP_TABLE } from './fastmath';
import { squaredErrorSum } from './kernels';
import { OPTIMIZER_CODES } from './optimizer';

export interface EngineExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  tableAddress(): number;
  deriveTables(): void;
  setPlan(p: number): void;
  forward(X: number, y: number, rows: number): number;
  correct(y: number, rows: number): number;
  step(X: number, y: number, rows: number, lr: number, reg: number, l1: number, record: number): number;
  crossEntropy(y: number, rows: number): number;
  lastCrossEntropy(): number;
  setOptimizer(kind: number, beta: number): void;
  minibatchPass(
    X: number,
    y: number,
    n: number,
    d: number,
    batch: number,
    order: number,
    Xb: number,
    yb: number,
    lr: number,
    reg: number,
    l1: number,
  ): number;
  grid(x0: number, dx: number, y1: number, dy: number, w: number, h: number, row: number, out: number): void;
  gridFrom(input: number, d: number, w: number, h: number, out: number): void;
}

const PAGE = 65536;

export class WasmNet {
  readonly exports: EngineExports;
  /** Views of the weights and biases in the instance's memory, W[l] din x dout row-major. */
  readonly W: Float64Array[];
  readonly b: Float64Array[];
  /** Pointers of the regions asked for, in the order asked. */
  readonly regions: number[];
  /** The last layer's activations (class probabilities, rows x C row-major) and its address. */
  readonly probs: Float64Array;
  readonly classes: number;
  private readonly words: Int32Array;

  /**
   * `regions`: byte sizes of extra buffers (data, scratch) the owner needs. `optimizer`: the rule the
   * training uses when it is not the fused plain step (optimizer.ts), with its state laid out here.
   */
  constructor(
    module: WebAssembly.Module,
    readonly sizes: readonly number[],
    act: Activation,
    readonly capacity: number,
    trainRows: number,
    regions: readonly number[] = [],
    optimizer: { name: OptimizerName; beta: number } | null = null,
    regression = false,
  ) {
    const instance = new WebAssembly.Instance(module, {});
    const ex = instance.exports as unknown as EngineExports;
    this.exports = ex;
    const L = sizes.length - 1;
    this.classes = sizes[L]!;
    let at = ex.heapBase();
    const alloc = (bytes: number): number => {
      const p = Math.ceil(at / 16) * 16;
      at = p + bytes + 16;
      return p;
    };
    const plan = alloc(32 + 48 * L);
    const Wp: number[] = [];
    const bp: number[] = [];
    const acts: number[] = [];
    const deltas: number[] = [];
    // The optimizer's state: velocity or first moment (M) and second moment (S) of W and b.
    const state: number[][] = [];
    const moments = optimizer !== null && optimizer.name !== 'sgd';
    const second = optimizer?.name === 'adam';
    let most = 0;
    let widest = 0;
    for (let l = 1; l <= L; l++) {
      const din = sizes[l - 1]!;
      const dout = sizes[l]!;
      most = Math.max(most, din * dout);
      widest = Math.max(widest, dout);
      Wp.push(alloc(8 * din * dout));
      bp.push(alloc(8 * dout));
      acts.push(alloc(8 * capacity * dout));
      deltas.push(alloc(8 * trainRows * dout));
      state.push([
        moments ? alloc(8 * din * dout) : 0,
        second ? alloc(8 * din * dout) : 0,
        moments ? alloc(8 * dout) : 0,
        second ? alloc(8 * dout) : 0,
      ]);
    }
    // The transposed weights of one layer; one layer's summed gradients for the optimizer.
    const scratch = alloc(8 * most);
    const G = optimizer ? alloc(8 * most) : 0;
    const gb = optimizer ? alloc(8 * widest) : 0;
    this.regions = regions.map((r) => alloc(r));
    const need = Math.ceil(at / PAGE) - ex.memory.buffer.byteLength / PAGE;
    if (need > 0) ex.memory.grow(need);
    const buf = ex.memory.buffer;
    const words = new Int32Array(buf, plan, 8 + 12 * L);
    this.words = words;
    words[0] = L;
    words[1] = ACTIVATIONS.indexOf(act);
    words[2] = scratch;
    words[3] = G;
    words[4] = gb;
    words[5] = regression ? 1 : 0;
    for (let l = 1; l <= L; l++) {
      words.set(
        [sizes[l - 1]!, sizes[l]!, Wp[l - 1]!, bp[l - 1]!, acts[l - 1]!, deltas[l - 1]!, ...state[l - 1]!],
        8 + 12 * (l - 1),
      );
    }
    new Float64Array(buf, ex.tableAddress(), 64).set(EXP_TABLE);
    ex.deriveTables();
    ex.setPlan(plan);
    ex.setOptimizer(optimizer ? OPTIMIZER_CODES[optimizer.name] : -1, optimizer?.beta ?? 0);
    this.W = Wp.map((p, l) => new Float64Array(buf, p, sizes[l]! * sizes[l + 1]!));
    this.b = bp.map((p, l) => new Float64Array(buf, p, sizes[l + 1]!));
    this.probs = new Float64Array(buf, acts[L - 1]!, capacity * this.classes);
  }

  /** The hidden layers' activation from now on. */
  setActivation(act: Activation): void {
    this.words[1] = ACTIVATIONS.indexOf(act);
  }

  /** Whether the output is one linear unit (regression) from now on, or a softmax. */
  setRegression(on: boolean): void {
    this.words[5] = on ? 1 : 0;
  }

  get buffer(): ArrayBuffer {
    return this.exports.memory.buffer;
  }

  /** sum over the last forward pass's rows of (1/2) (out - t)^2, as kernels.ts's squaredErrorSum. */
  squaredError(rows: number, t: Float64Array): number {
    return squaredErrorSum(this.probs, rows, t);
  }

  /**
   * sum over the last forward pass's rows of -log P[i, y_i], in row order (as crossEntropySum), the
   * classes y at address y.
   */
  crossEntropy(rows: number, y: number): number {
    return this.exports.crossEntropy(y, rows);
  }
}
