import { describe, expect, it } from 'vitest';
import { wasmModule } from '../../src/cli/wasmModule';
import { type Config, copyConfig, DEFAULT_CONFIG } from '../../src/config/schema';
import { jsBackend, wasmBackend } from '../../src/core/backend';
import type { Data } from '../../src/core/datasets';
import type { Params } from '../../src/core/network';
import { TrainingLoop } from '../../src/worker/loop';
import { Session } from '../../src/worker/session';
import { FakeHost } from './fakeHost';

function config(patch: Partial<Config> = {}): Config {
  return { ...copyConfig(DEFAULT_CONFIG), ...patch };
}

/** The tutorial's loss written out plainly (tanh, softmax, summed cross-entropy, L2), independent of the engine. */
function referenceLoss(p: Params, d: Data, reg: number): number {
  const [nIn, nHid, nOut] = p.sizes as [number, number, number];
  const [W1, W2] = p.W as [Float64Array, Float64Array];
  const [b1, b2] = p.b as [Float64Array, Float64Array];
  let ce = 0;
  for (let r = 0; r < d.n; r++) {
    const a: number[] = [];
    for (let j = 0; j < nHid; j++) {
      let z = b1[j]!;
      for (let i = 0; i < nIn; i++) z += d.X[r * nIn + i]! * W1[i * nHid + j]!;
      a.push(Math.tanh(z));
    }
    const logits: number[] = [];
    for (let k = 0; k < nOut; k++) {
      let z = b2[k]!;
      for (let j = 0; j < nHid; j++) z += a[j]! * W2[j * nOut + k]!;
      logits.push(z);
    }
    const sum = logits.reduce((s, z) => s + Math.exp(z), 0);
    ce -= Math.log(Math.exp(logits[d.y[r]!]!) / sum);
  }
  let sq = 0;
  for (const w of p.W) for (const v of w) sq += v * v;
  return (ce + (reg / 2) * sq) / d.n;
}

describe('a weight set by hand, in the worker', () => {
  it("changes the session's weights, its loss and the training that follows", () => {
    const edited = new Session(1, config(), 1.5);
    const plain = new Session(1, config(), 1.5);
    const never = () => 0;
    edited.advance(50, Infinity, never);
    plain.advance(50, Infinity, never);

    // Hidden unit 2 to output class 1: W[1][1 * 2 + 1].
    expect(edited.setWeight({ layer: 1, from: 1, to: 1 }, -2.5)).toBe(true);
    const w = edited.weights();
    expect(w.W[1]![3]).toBe(-2.5);
    // Only that weight changed.
    const before = plain.weights();
    for (let l = 0; l < w.W.length; l++) {
      for (let i = 0; i < w.W[l]!.length; i++) {
        if (l !== 1 || i !== 3) expect(w.W[l]![i]).toBe(before.W[l]![i]);
      }
    }

    const snap = edited.snapshot(false, 0);
    const { trainer, train } = edited.run;
    expect(snap.trainLoss).toBeCloseTo(referenceLoss(trainer.params, train, 0.01), 12);
    expect(snap.trainLoss).not.toBeCloseTo(plain.snapshot(false, 0).trainLoss!, 6);

    // The next pass starts from the edited network: its recorded loss is the edited one.
    edited.advance(1, Infinity, never);
    plain.advance(1, Infinity, never);
    const e = edited.snapshot(false, 0);
    expect(e.lossFrom).toBe(snap.lossFrom + snap.trainLosses.length);
    expect(e.trainLosses[0]).toBeCloseTo(snap.trainLoss!, 12);
    expect(e.weights!.W[1]![3]).not.toBe(-2.5);
    expect(e.trainLoss).not.toBeCloseTo(plain.snapshot(false, 0).trainLoss!, 6);
  });

  it('sets the weight in the WebAssembly engine too: the same bits as the JavaScript engine after it', () => {
    const wasm = wasmBackend(wasmModule());
    const sessions = [
      new Session(1, config(), 1.5, null, null, jsBackend),
      new Session(1, config(), 1.5, null, null, wasm),
    ];
    for (const s of sessions) {
      s.advance(30, Infinity, () => 0);
      expect(s.setWeight({ layer: 0, from: 1, to: 2 }, 0.75)).toBe(true);
      s.advance(30, Infinity, () => 0);
    }
    const [js, wa] = sessions.map((s) => s.weights());
    for (let l = 0; l < js!.W.length; l++) expect(Array.from(wa!.W[l]!)).toEqual(Array.from(js!.W[l]!));
    expect(sessions[1]!.snapshot(false, 0).trainLoss).toBe(sessions[0]!.snapshot(false, 0).trainLoss);
  });

  it('refuses a link that does not exist, a value out of range and a diverged run, changing nothing', () => {
    const s = new Session(1, config(), 1.5);
    const w0 = s.weights();
    for (const ref of [
      { layer: 2, from: 0, to: 0 },
      { layer: -1, from: 0, to: 0 },
      { layer: 0, from: 2, to: 0 },
      { layer: 0, from: 0, to: 3 },
      { layer: 0.5, from: 0, to: 0 },
    ]) {
      expect(s.setWeight(ref, 1)).toBe(false);
    }
    for (const v of [Number.NaN, Infinity, -Infinity, 1001, -1e9]) {
      expect(s.setWeight({ layer: 0, from: 0, to: 0 }, v)).toBe(false);
    }
    expect(s.weights()).toEqual(w0);

    const diverged = new Session(1, config({ lr: 1 }), 1.5);
    diverged.advance(100000, Infinity, () => 0);
    expect(diverged.end).toBe('diverged');
    expect(diverged.setWeight({ layer: 0, from: 0, to: 0 }, 1)).toBe(false);
  });

  it("sets the weight of the message's generation and shows it in the next snapshot", () => {
    const host = new FakeHost();
    const loop = new TrainingLoop(host);
    const inspect = { unit: null, hidden: null };
    loop.handle({
      type: 'config',
      gen: 4,
      config: config(),
      data: null,
      playing: false,
      speed: Infinity,
      aspect: 1.5,
      box: null,
      inspect,
    });
    host.run();
    const first = host.lastSnapshot();
    expect(first.weights!.W[0]![5]).not.toBe(0.125);
    loop.handle({ type: 'ack', gen: 4, seq: first.seq });

    // An edit of another generation is dropped.
    loop.handle({ type: 'setWeight', gen: 3, ref: { layer: 0, from: 1, to: 2 }, value: 0.125 });
    host.run();
    expect(host.snapshots()).toHaveLength(1);

    loop.handle({ type: 'setWeight', gen: 4, ref: { layer: 0, from: 1, to: 2 }, value: 0.125 });
    host.run();
    const next = host.lastSnapshot();
    expect(next.seq).toBe(first.seq + 1);
    // Paused: nothing trained since, so the snapshot holds exactly the value typed.
    expect(next.pass).toBe(first.pass);
    expect(next.weights!.W[0]![1 * 3 + 2]).toBe(0.125);
    expect(next.trainLoss).not.toBe(first.trainLoss);
    expect(host.posted.some((m) => m.type === 'error')).toBe(false);
  });
});
