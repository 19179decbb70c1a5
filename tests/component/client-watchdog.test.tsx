// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { startWorkerClient } from '../../src/client/training';
import { BASE_TIMEOUT_MS, replyTimeout } from '../../src/client/watchdog';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { createAppStore } from '../../src/state/store';
import { FakeTimers } from './fakeTimers';
import { FakeWorker, makeSnapshot } from './helpers';

function setup() {
  const store = createAppStore();
  const workers: FakeWorker[] = [];
  const frames: (() => void)[] = [];
  const timers = new FakeTimers();
  const client = startWorkerClient(store, {
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
    afterFrame: (fn) => frames.push(fn),
    now: () => timers.time,
    timers,
  });
  store.getState().connect({ training: client });
  const drawFrames = () => {
    for (let f = frames.shift(); f; f = frames.shift()) f();
  };
  const latest = () => workers[workers.length - 1]!;
  /** The current worker sends snapshot `seq` of the current generation, and the page draws and acks it. */
  const snapshot = (seq: number, state: 'training' | 'paused' | 'finished' = 'training') => {
    latest().receive(makeSnapshot(store.getState().gen, seq, { state }));
    drawFrames();
  };
  return { store, workers, timers, snapshot, latest };
}

const timeout = replyTimeout(DEFAULT_CONFIG, Number.POSITIVE_INFINITY, 1.5);

describe('the worker client watchdog', () => {
  it('restarts a worker that goes silent while training, and says so', () => {
    const { store, workers, timers, snapshot } = setup();
    snapshot(0);
    snapshot(1);
    timers.advance(timeout - 1);
    expect(workers).toHaveLength(1);
    timers.advance(2);
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    const notice = store.getState().notices[0]!;
    expect(notice.title).toBe('Training restarted');
    expect(notice.lines.join(' ')).toContain('stopped responding');
    expect(workers[1]!.sent[0]).toMatchObject({ type: 'config', gen: store.getState().gen });
  });

  it('leaves a worker alone that keeps sending snapshots', () => {
    const { store, workers, timers, snapshot } = setup();
    for (let seq = 0; seq < 100; seq++) {
      snapshot(seq);
      timers.advance(timeout / 2);
    }
    expect(workers).toHaveLength(1);
    expect(store.getState().notices).toEqual([]);
  });

  it('restarts a worker that never answers a new configuration', () => {
    const { store, workers, timers, snapshot } = setup();
    snapshot(0);
    store.getState().setNumber('noise', 0.4);
    timers.advance(timeout + 1);
    expect(workers).toHaveLength(2);
  });

  it('counts stale snapshots as signs of life during a burst of changes', () => {
    const { store, workers, timers, snapshot, latest } = setup();
    snapshot(0);
    for (let i = 0; i < 50; i++) {
      const stale = store.getState().gen;
      store.getState().setNumber('noise', i % 2 ? 0.3 : 0.4);
      timers.advance(timeout / 3);
      latest().receive(makeSnapshot(stale, 0));
    }
    expect(workers).toHaveLength(1);
    snapshot(0);
    expect(store.getState().frame?.gen).toBe(store.getState().gen);
  });

  it('expects nothing of a paused or finished run', () => {
    const { store, workers, timers, snapshot } = setup();
    snapshot(0, 'finished');
    timers.advance(10 * timeout);
    store.getState().setPlaying(false);
    snapshot(1, 'paused');
    timers.advance(10 * timeout);
    expect(workers).toHaveLength(1);
    expect(store.getState().notices).toEqual([]);
  });

  it('expects an answer to play and step once the last snapshot is acked', () => {
    const { workers, timers, snapshot, store } = setup();
    store.getState().setPlaying(false);
    snapshot(0, 'paused');
    void store.getState().step();
    timers.advance(timeout + 1);
    expect(workers).toHaveLength(2);
  });

  it('gives a worker time to load before its first message', () => {
    const { workers, timers } = setup();
    timers.advance(20 * timeout);
    expect(workers).toHaveLength(1);
  });

  it('does not blame the worker when the page itself was stalled', () => {
    const { workers, timers, snapshot } = setup();
    snapshot(0);
    timers.stall(timeout + 3000);
    // The overdue check runs first, then the reply that was queued behind it.
    timers.advance(0);
    snapshot(1);
    timers.advance(timeout - 1);
    expect(workers).toHaveLength(1);
  });

  it('waits longer for big networks, many points and slow speeds', () => {
    expect(timeout).toBeGreaterThanOrEqual(BASE_TIMEOUT_MS);
    expect(timeout).toBeLessThan(BASE_TIMEOUT_MS + 500);
    const big = { ...DEFAULT_CONFIG, n: 2000, hidden: [512, 512, 512, 512, 512, 512] };
    expect(replyTimeout(big, Number.POSITIVE_INFINITY, 1.5)).toBeGreaterThan(60000);
    expect(replyTimeout(DEFAULT_CONFIG, 1, 1.5)).toBeGreaterThanOrEqual(BASE_TIMEOUT_MS + 2000);
  });
});
