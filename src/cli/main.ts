/**
 * The headless trainer, callable in-process: the same config and core as the page, printing the
 * tutorial's log through `io`. Returns the exit status: 0 done, 1 diverged, 2 bad arguments.
 */
import { decodeConfig } from '../config/url';
import type { Data } from '../core/datasets';
import { Forward } from '../core/forward';
import { type Params, paramsToJSON } from '../core/network';
import { createRun } from '../core/run';
import { parseArgs, USAGE } from './args';
import { nodeBackend } from './wasmModule';

function rows(X: Float64Array, n: number): number[][] {
  return Array.from({ length: n }, (_, i) => [X[2 * i]!, X[2 * i + 1]!]);
}

/** The network's output at each row of d: the predicted value (regression). */
function predictions(p: Params, d: Data): number[] {
  const f = new Forward(p.sizes, Math.max(1, d.n));
  f.run(p, d.X, d.n, null);
  return Array.from(f.probs.subarray(0, d.n));
}

/** R² of the predictions of d's targets: 1 - sum (t - prediction)^2 / sum (t - mean t)^2. */
function rSquared(pred: readonly number[], t: Float64Array): number {
  let mean = 0;
  for (const v of t) mean += v / t.length;
  let res = 0;
  let tot = 0;
  for (let i = 0; i < t.length; i++) {
    res += (t[i]! - pred[i]!) ** 2;
    tot += (t[i]! - mean) ** 2;
  }
  return 1 - res / tot;
}

export interface TrainIo {
  out(text: string): void;
  err(text: string): void;
}

export function main(argv: readonly string[], io: TrainIo): number {
  const args = parseArgs(argv);
  if ('help' in args) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if ('error' in args) {
    io.err(`train: ${args.error}\n`);
    io.err(`${USAGE}\n`);
    return 2;
  }
  const backend = nodeBackend(args.engine ?? 'wasm') ?? (args.engine === null ? nodeBackend('js') : null);
  if (!backend) {
    io.err('train: --engine wasm: this Node runs no WebAssembly SIMD; use --engine js\n');
    return 2;
  }
  const { config, messages } = decodeConfig(args.query);
  for (const m of messages) io.err(`train: ${m}\n`);
  const run = createRun(config, undefined, backend);
  const { trainer } = run;
  const losses: [number, number][] = [];
  let diverged: number | null = null;
  for (let i = 0; i < config.passes; i++) {
    trainer.step();
    const logged = i % args.every === 0;
    const loss = logged ? trainer.loss() : 0;
    if (trainer.divergedAt !== null || (logged && !Number.isFinite(loss))) {
      diverged = i;
      break;
    }
    if (logged) {
      losses.push([i, loss]);
      if (!args.json) io.out(`Loss after iteration ${i}: ${loss.toFixed(6)}\n`);
    }
  }
  if (run.train.t) {
    // Regression: no classes, so no accuracy; the fit is R², and the predictions are the output.
    const all = predictions(trainer.params, run.data);
    const trainR2 = rSquared(predictions(trainer.params, run.train), run.train.t);
    const testR2 = run.test?.t ? rSquared(predictions(trainer.params, run.test), run.test.t) : undefined;
    if (args.json) {
      const out = {
        config,
        engine: backend.name,
        task: 'regression',
        losses,
        r2: trainR2,
        ...(testR2 !== undefined ? { testR2 } : {}),
        ...(diverged !== null ? { divergedAt: diverged } : {}),
        weights: paramsToJSON(trainer.params),
        data: { X: rows(run.data.X, run.data.n), t: Array.from(run.data.t ?? []) },
        predictions: all,
      };
      io.out(`${JSON.stringify(out)}\n`);
    } else if (diverged === null) {
      io.out(`Training R^2: ${trainR2.toFixed(6)}\n`);
      if (testR2 !== undefined) io.out(`Test R^2: ${testR2.toFixed(6)}\n`);
    }
  } else {
    const accuracy = trainer.accuracy();
    const testAccuracy = run.test ? trainer.accuracy(run.test) : undefined;
    if (args.json) {
      const out = {
        config,
        engine: backend.name,
        losses,
        accuracy,
        ...(testAccuracy !== undefined ? { testAccuracy } : {}),
        ...(diverged !== null ? { divergedAt: diverged } : {}),
        weights: paramsToJSON(trainer.params),
        data: { X: rows(run.data.X, run.data.n), y: Array.from(run.data.y) },
      };
      io.out(`${JSON.stringify(out)}\n`);
    } else if (diverged === null) {
      io.out(`Training accuracy: ${accuracy.toFixed(6)}\n`);
      if (testAccuracy !== undefined) io.out(`Test accuracy: ${testAccuracy.toFixed(6)}\n`);
    }
  }
  if (diverged !== null) {
    io.err(
      `train: diverged: the loss is not finite after iteration ${diverged}; lower the learning rate (lr=${config.lr}).\n`,
    );
    return 1;
  }
  return 0;
}
