// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { type Config, copyConfig, DEFAULT_CONFIG } from '../../src/config/schema';
import type { ToWorker } from '../../src/protocol/training';
import { TrainingLoop } from '../../src/worker/loop';
import { FakeHost } from './fakeHost';

/** The generated dataset, nothing looked at inside. */
const NO_EXTRAS = { box: null, data: null, inspect: { unit: null, hidden: null } };

function config(patch: Partial<Config> = {}): Config {
  return { ...copyConfig(DEFAULT_CONFIG), ...patch };
}

function start(patch: Partial<Config> = {}, extra: Partial<Extract<ToWorker, { type: 'config' }>> = {}) {
  const host = new FakeHost();
  const loop = new TrainingLoop(host);
  loop.handle({
    type: 'config',
    gen: 1,
    config: config(patch),
    playing: true,
    speed: Infinity,
    aspect: 1.5,
    ...NO_EXTRAS,
    ...extra,
  });
  return { host, loop };
}

/** Acks every snapshot until the run ends or `rounds` acks were sent. */
function ackUntilEnd(host: FakeHost, loop: TrainingLoop, gen = 1, rounds = 100000): void {
  for (let i = 0; i < rounds; i++) {
    host.run(50);
    const s = host.lastSnapshot();
    if (s.state !== 'training') return;
    loop.handle({ type: 'ack', gen, seq: s.seq });
  }
}

describe('the training worker loop', () => {
  it('sends a first snapshot with some training already done', () => {
    const { host } = start();
    host.run(1);
    const s = host.lastSnapshot();
    expect(s.gen).toBe(1);
    expect(s.seq).toBe(0);
    expect(s.pass).toBeGreaterThan(0);
    expect(s.grid.probs.length).toBe(s.grid.width * s.grid.height * 2);
  });

  it('sends no further snapshot until the last one is acked, but keeps training', () => {
    const { host, loop } = start();
    host.run(20);
    expect(host.snapshots()).toHaveLength(1);
    loop.handle({ type: 'ack', gen: 1, seq: 0 });
    host.run(1);
    const [first, second] = host.snapshots();
    expect(second!.pass).toBeGreaterThan(first!.pass);
  });

  it('ignores acks of other generations and other snapshots', () => {
    const { host, loop } = start();
    host.run(5);
    loop.handle({ type: 'ack', gen: 0, seq: 0 });
    loop.handle({ type: 'ack', gen: 1, seq: 7 });
    host.run(5);
    expect(host.snapshots()).toHaveLength(1);
  });

  it('builds only the latest of a burst of configurations', () => {
    const host = new FakeHost();
    const loop = new TrainingLoop(host);
    for (let gen = 1; gen <= 1000; gen++) {
      loop.handle({
        type: 'config',
        gen,
        config: config({ hidden: [1 + (gen % 50)] }),
        playing: true,
        speed: Infinity,
        aspect: 1,
        ...NO_EXTRAS,
      });
    }
    expect(host.pendingTasks).toBe(1);
    host.run(1);
    const snaps = host.snapshots();
    expect(snaps).toHaveLength(1);
    expect(snaps[0]!.gen).toBe(1000);
  });

  it('drops the old run at once when a new configuration arrives', () => {
    const { host, loop } = start();
    host.run(3);
    loop.handle({
      type: 'config',
      gen: 2,
      config: config({ hidden: [5] }),
      playing: true,
      speed: Infinity,
      aspect: 1,
      ...NO_EXTRAS,
    });
    host.run(1);
    const s = host.lastSnapshot();
    expect(s.gen).toBe(2);
    expect(s.seq).toBe(0);
    expect(s.lossFrom).toBe(0);
  });

  it('sends every loss exactly once, in order, and ends the tutorial run as "finished"', () => {
    const { host, loop } = start();
    ackUntilEnd(host, loop);
    const snaps = host.snapshots();
    let next = 0;
    const losses: number[] = [];
    for (const s of snaps) {
      expect(s.lossFrom).toBe(next);
      next += s.trainLosses.length;
      losses.push(...s.trainLosses);
    }
    const last = snaps[snaps.length - 1]!;
    expect(last.state).toBe('finished');
    expect(last.pass).toBe(20000);
    expect(losses).toHaveLength(20001);
    // The tutorial prints the loss after update i, that is after i + 1 passes.
    expect(losses[1]).toBeCloseTo(0.432387, 6);
    expect(losses[1001]).toBeCloseTo(0.068947, 6);
    // The period-2 oscillation the tutorial's log hides: neighbours differ by about 0.0005.
    expect(Math.abs(losses[3001]! - losses[3002]!)).toBeGreaterThan(3e-4);
    expect(Math.abs(losses[3001]! - losses[3003]!)).toBeLessThan(1e-4);
    expect(last.trainLoss).toBeCloseTo(losses[20000]!, 12);
    expect(last.trainAcc).toBeGreaterThan(0.95);
  });

  it('stops at the first non-finite loss and reports the pass', () => {
    const { host, loop } = start({ lr: 1 });
    ackUntilEnd(host, loop);
    const s = host.lastSnapshot();
    expect(s.state).toBe('diverged');
    expect(s.divergedAt).toBeGreaterThan(0);
    expect(s.trainLoss).toBeNull();
  });

  it('records training and test losses when a test split exists', () => {
    const { host } = start({ test: 0.2 });
    host.run(1);
    const s = host.lastSnapshot();
    expect(s.testLosses).not.toBeNull();
    expect(s.testLosses!.length).toBe(s.trainLosses.length);
    expect(s.testAcc).not.toBeNull();
  });

  it('pauses, and does exactly one pass per step', () => {
    const { host, loop } = start({}, { playing: false });
    host.run(10);
    expect(host.lastSnapshot()).toMatchObject({ pass: 0, state: 'paused' });
    loop.handle({ type: 'ack', gen: 1, seq: 0 });
    loop.handle({ type: 'step', gen: 1 });
    host.run(10);
    expect(host.lastSnapshot()).toMatchObject({ pass: 1, state: 'paused', lossFrom: 0 });
    expect(host.lastSnapshot().trainLosses).toHaveLength(1);
  });

  it('trains no faster than a slow speed', () => {
    const { host, loop } = start({}, { speed: 10 });
    const t0 = host.time;
    for (let i = 0; i < 40; i++) {
      host.run(5);
      const s = host.lastSnapshot();
      loop.handle({ type: 'ack', gen: 1, seq: s.seq });
    }
    const s = host.lastSnapshot();
    const seconds = (host.time - t0) / 1000;
    expect(s.pass).toBeGreaterThan(0);
    expect(s.pass).toBeLessThanOrEqual(Math.ceil(10 * seconds) + 1);
  });

  it('reports an error instead of throwing, and sends no snapshot of the failed run', () => {
    const host = new FakeHost();
    const loop = new TrainingLoop(host);
    const bad = config();
    // No dataset by that name: making the data throws inside the loop's tick.
    (bad as unknown as { data: string }).data = 'no-such-dataset';
    loop.handle({
      type: 'config',
      gen: 3,
      config: bad,
      playing: true,
      speed: Infinity,
      aspect: 1,
      ...NO_EXTRAS,
    });
    expect(() => host.run(5)).not.toThrow();
    const errors = host.posted.filter((m) => m.type === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ gen: 3 });
    expect((errors[0] as { message: string }).message).not.toBe('');
    expect(host.posted.filter((m) => m.type === 'snapshot')).toEqual([]);
  });
});
