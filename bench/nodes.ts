/**
 * What the diagram's node heatmaps cost the worker: the training loop (src/worker/loop.ts) runs in Node
 * with a real clock and a page stand-in that acks each snapshot one frame (16 ms) after it arrives, with
 * the inside views on (unit field, hidden space), once without and once with the node fields
 * (InspectView.nodes). Rounds alternate off and on, so that the machine's other load falls on both.
 *
 * Reported per network: the engine's passes per second (fastest 6 ms training slice of each 0.5 s window,
 * the figure bench/engine.ts and the browser benchmark hold to floors), passes per wall second (training
 * less snapshots and waiting) and the time a snapshot takes. Run: `node bench/run.mjs nodes`.
 */
import { networkSizes } from '../src/config/derived';
import { DEFAULT_CONFIG } from '../src/config/schema';
import { initParams } from '../src/core/network';
import { RandomState } from '../src/core/rng';
import type { FromWorker, InspectView, Snapshot } from '../src/protocol/training';
import { Inspector } from '../src/worker/inspect';
import { type Host, TrainingLoop } from '../src/worker/loop';

const SECONDS = 2;
const ROUNDS = 3;
const NETS = [[3], [16, 16, 16], [100, 100]];

interface Sample {
  engine: number[];
  wall: number[];
  snapMs: number[];
  nodes: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : Number.NaN;
}

function run(hidden: number[], nodes: boolean): Promise<Sample> {
  const sample: Sample = { engine: [], wall: [], snapMs: [], nodes: 0 };
  let loop: TrainingLoop;
  let stopped = false;
  const host: Host = {
    post: (msg: FromWorker) => {
      if (msg.type !== 'snapshot' || stopped) return;
      const s = msg as Snapshot;
      if (s.nodes) sample.nodes++;
      setTimeout(() => loop.handle({ type: 'ack', gen: s.gen, seq: s.seq }), 16);
    },
    now: () => performance.now(),
    soon: (fn) => setImmediate(() => !stopped && fn()),
    after: (fn, ms) => setTimeout(() => !stopped && fn(), ms),
    mark: (name, detail) => {
      if (name === 'nn:pps') {
        sample.engine.push(detail.bestSlicePps!);
        sample.wall.push(detail.pps!);
      }
      if (name === 'nn:snapshot') sample.snapMs.push(detail.ms!);
    },
  };
  loop = new TrainingLoop(host);
  const inspect: InspectView = {
    unit: { layer: 1, unit: 0 },
    hidden: { layer: 1, units: [0, 1] },
    nodes,
  };
  loop.handle({
    type: 'config',
    gen: 1,
    config: { ...DEFAULT_CONFIG, hidden, passes: 1e7, lr: 0.001 },
    data: null,
    playing: true,
    speed: Number.POSITIVE_INFINITY,
    aspect: 1.3,
    box: null,
    inspect,
  });
  return new Promise((done) =>
    setTimeout(() => {
      stopped = true;
      done(sample);
    }, SECONDS * 1000),
  );
}

for (const hidden of NETS) {
  const acc = { off: [] as Sample[], on: [] as Sample[] };
  for (let r = 0; r < ROUNDS; r++) {
    acc.off.push(await run(hidden, false));
    acc.on.push(await run(hidden, true));
  }
  const line = (k: 'off' | 'on') => {
    const all = acc[k];
    const engine = median(all.flatMap((s) => s.engine));
    const wall = median(all.flatMap((s) => s.wall));
    const snap = median(all.flatMap((s) => s.snapMs));
    const withNodes = all.reduce((a, s) => a + s.nodes, 0);
    return `  heatmaps ${k.padEnd(3)}  engine ${engine.toFixed(0).padStart(7)} passes/s   wall ${wall
      .toFixed(0)
      .padStart(7)} passes/s   snapshot ${snap.toFixed(2)} ms   (snapshots with node fields: ${withNodes})`;
  };
  // The node fields alone: best of 200 calls, which leaves out the machine's other load.
  const sizes = networkSizes({ ...DEFAULT_CONFIG, hidden });
  const p = initParams(sizes, 'tanh', new RandomState(0));
  const inspector = new Inspector(sizes);
  const box = { x0: -2, x1: 3, y0: -1.5, y1: 2 };
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    inspector.nodeFields(p, box);
    best = Math.min(best, performance.now() - t);
  }
  console.log(`hidden ${hidden.join(',')}: node fields ${best.toFixed(3)} ms a snapshot`);
  console.log(line('off'));
  console.log(line('on'));
}
