/**
 * Engine benchmark: full-batch passes per second at N = 200 (the tutorial's moons) for hidden sizes
 * 3, 50, 500 and 8,8, and 200 x 200 grid evaluations per second; where python3 with NumPy is present,
 * the tutorial's NumPy code runs on the same work in the same run, and the ratios are printed.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { type Config, DEFAULT_CONFIG } from '../src/config/schema';
import { dataBox, GridEvaluator } from '../src/core/grid';
import { createRun } from '../src/core/run';

const CHECK_PASSES = 500;
const CASES: { hidden: number[]; floor: number; numpyPasses: number }[] = [
  { hidden: [3], floor: 5, numpyPasses: 4000 },
  { hidden: [50], floor: 2, numpyPasses: 2000 },
  { hidden: [500], floor: 2, numpyPasses: 300 },
  { hidden: [8, 8], floor: 2, numpyPasses: 2000 },
];

function config(hidden: number[]): Config {
  return { ...DEFAULT_CONFIG, hidden, passes: 1e6 };
}

/** Runs `fn(k)` for growing k until one batch takes at least `minMs`; returns calls per second. */
function rate(fn: (k: number) => void, minMs = 1500): number {
  fn(10);
  let k = 10;
  for (;;) {
    const t = performance.now();
    fn(k);
    const dt = performance.now() - t;
    if (dt >= minMs) return (k * 1000) / dt;
    k = Math.ceil(k * Math.min(10, Math.max(2, (minMs * 1.2) / Math.max(dt, 1))));
  }
}

interface NumpyOut {
  passes: { hidden: number[]; perSecond: number; checkLoss: number }[];
  gridPerSecond: number;
}

function runNumpy(X: number[][], y: number[], box: number[]): NumpyOut | null {
  const job = {
    X,
    y,
    configs: CASES.map((c) => ({ hidden: c.hidden, passes: c.numpyPasses, check: CHECK_PASSES })),
    grid: { hidden: [3], size: 200, box, reps: 30 },
  };
  const r = spawnSync('python3', [join(import.meta.dirname ?? 'bench/.out', '..', 'numpy_bench.py')], {
    input: JSON.stringify(job),
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) {
    process.stdout.write(`NumPy side skipped: ${r.error?.message ?? r.stderr.trim().split('\n').pop()}\n`);
    return null;
  }
  return JSON.parse(r.stdout) as NumpyOut;
}

const pad = (s: string | number, w: number) => String(s).padStart(w);
const base = createRun(config([3]));
const X = Array.from({ length: base.data.n }, (_, i) => [base.data.X[2 * i]!, base.data.X[2 * i + 1]!]);
const box = dataBox(base.data.X, base.data.n);

process.stdout.write(`nn-playground engine benchmark (node ${process.version}, N=${base.data.n} moons)\n`);
const js = CASES.map((c) => {
  const check = createRun(config(c.hidden));
  for (let i = 0; i < CHECK_PASSES; i++) check.trainer.step();
  const checkLoss = check.trainer.loss();
  const run = createRun(config(c.hidden));
  const perSecond = rate((k) => {
    for (let i = 0; i < k; i++) run.trainer.step();
  });
  return { perSecond, checkLoss };
});
const grid = new GridEvaluator(base.trainer.params.sizes, 200, 200);
const out = new Float32Array(200 * 200 * 2);
const gridPerSecond = rate((k) => {
  for (let i = 0; i < k; i++) grid.evaluate(base.trainer.params, box, out);
}, 1000);
const np = runNumpy(X, Array.from(base.data.y), [box.x0, box.x1, box.y0, box.y1]);

process.stdout.write(
  `\n${'work'.padEnd(28)}${pad('JS /s', 12)}${pad('NumPy /s', 12)}${pad('ratio', 8)}${pad('floor', 7)}  verdict   loss after ${CHECK_PASSES} (JS vs NumPy)\n`,
);
let ok = true;
CASES.forEach((c, i) => {
  const j = js[i]!;
  const n = np?.passes[i];
  const ratio = n ? j.perSecond / n.perSecond : Number.NaN;
  const pass = n ? ratio >= c.floor : true;
  ok &&= pass;
  const rel = n ? Math.abs(j.checkLoss - n.checkLoss) / Math.abs(n.checkLoss) : Number.NaN;
  process.stdout.write(
    `${`passes, hidden ${c.hidden.join(',')}`.padEnd(28)}${pad(j.perSecond.toFixed(0), 12)}${pad(n ? n.perSecond.toFixed(0) : '-', 12)}` +
      `${pad(n ? `${ratio.toFixed(2)}x` : '-', 8)}${pad(`${c.floor}x`, 7)}  ${(n ? (pass ? 'ok' : 'BELOW') : '-').padEnd(8)}  ` +
      `${j.checkLoss.toPrecision(12)} vs ${n ? n.checkLoss.toPrecision(12) : '-'} (rel ${n ? rel.toExponential(1) : '-'})\n`,
  );
});
const gridRatio = np ? gridPerSecond / np.gridPerSecond : Number.NaN;
process.stdout.write(
  `${'grid 200x200, hidden 3'.padEnd(28)}${pad(gridPerSecond.toFixed(1), 12)}${pad(np ? np.gridPerSecond.toFixed(1) : '-', 12)}${pad(np ? `${gridRatio.toFixed(2)}x` : '-', 8)}` +
    `${pad('-', 7)}  (${(1000 / gridPerSecond).toFixed(2)} ms per grid)\n`,
);
process.stdout.write(np ? `\nfloors ${ok ? 'met' : 'NOT met'}\n` : '\nno NumPy here: ratios not measured\n');
