/**
 * The training worker's engine: the WebAssembly SIMD module where the browser runs 128-bit SIMD, else
 * (or if the module fails to load) the JavaScript engine, which gives the same results. The module
 * is compiled here, in the worker, before the first run; a short warm-up then runs every function of
 * it, so that V8, which starts WebAssembly in its baseline compiler, has its optimised code ready
 * (compiled in the background) by the time the first real runs need it.
 */
import engineUrl from '../../wasm/build/engine.wasm?url';
import type { Config } from '../config/schema';
import { type Backend, jsBackend, simdSupported, wasmBackend } from '../core/backend';
import { createRun } from '../core/run';

/** Past this the worker trains in JavaScript rather than keep the page waiting for its first run. */
const LOAD_TIMEOUT_MS = 5000;

async function compile(): Promise<WebAssembly.Module> {
  const response = await fetch(engineUrl);
  if (!response.ok) throw new Error(`${engineUrl}: HTTP ${response.status}`);
  if (response.headers.get('content-type') === 'application/wasm') {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

/**
 * Small runs that between them call every exported function: full batch and minibatches, two and
 * three classes, a test split. Written out rather than made from the defaults, so that the worker's
 * script does not carry the settings table (its labels and help are the page's).
 */
const WARM_UPS: readonly Config[] = [
  {
    data: 'moons',
    n: 60,
    noise: 0.2,
    seed: 0,
    classes: 2,
    test: 0,
    inputs: ['x1', 'x2'],
    hidden: [8],
    act: 'tanh',
    lr: 0.01,
    reg: 0.01,
    l1: 0,
    batch: 0,
    anneal: 'none',
    opt: 'sgd',
    beta: 0.9,
    passes: 20000,
  },
  {
    data: 'blobs',
    n: 60,
    noise: 0.2,
    seed: 0,
    classes: 3,
    test: 0.3,
    inputs: ['x1', 'x2'],
    hidden: [5, 4],
    act: 'relu',
    lr: 0.01,
    reg: 0.01,
    l1: 0,
    batch: 16,
    anneal: 'none',
    opt: 'sgd',
    beta: 0.9,
    passes: 20000,
  },
];

/** A few milliseconds of the runs above. */
function warmUp(backend: Backend): void {
  for (const c of WARM_UPS) {
    const run = createRun(c, undefined, backend);
    for (let i = 0; i < 150; i++) run.trainer.step(true);
    run.trainer.loss(run.test ?? run.train);
    run.trainer.accuracy();
    const p = run.trainer.params;
    backend
      .grid(p.sizes, 16, 16)
      .evaluate(p, { x0: -1, x1: 1, y0: -1, y1: 1 }, new Float32Array(16 * 16 * 3));
  }
}

/** The engine to train with; reports a module that fails to load and falls back to JavaScript. */
export async function loadBackend(report: (message: string) => void): Promise<Backend> {
  if (!simdSupported()) return jsBackend;
  try {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`not loaded within ${LOAD_TIMEOUT_MS} ms`)), LOAD_TIMEOUT_MS);
    });
    const module = await Promise.race([compile(), late]).finally(() => clearTimeout(timer));
    const backend = wasmBackend(module);
    warmUp(backend);
    return backend;
  } catch (err) {
    report(
      `WebAssembly engine unavailable, training in JavaScript: ${err instanceof Error ? err.message : err}`,
    );
    return jsBackend;
  }
}
