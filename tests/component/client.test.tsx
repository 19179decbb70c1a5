// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { startWorkerClient } from '../../src/client/training';
import { createAppStore } from '../../src/state/store';
import { FakeWorker, makeSnapshot } from './helpers';

function setup() {
  const store = createAppStore();
  const workers: FakeWorker[] = [];
  const frames: (() => void)[] = [];
  let time = 0;
  const client = startWorkerClient(store, {
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
    afterFrame: (fn) => frames.push(fn),
    now: () => (time += 100),
  });
  store.getState().connect({ training: client });
  const drawFrames = () => {
    for (let f = frames.shift(); f; f = frames.shift()) f();
  };
  return { store, workers, client, drawFrames };
}

describe('the worker client', () => {
  it('sends the configuration at start and a new generation on each change', () => {
    const { store, workers } = setup();
    const w = workers[0]!;
    expect(w.sent[0]).toMatchObject({ type: 'config', gen: 0, playing: true, config: { hidden: [3] } });
    store.getState().setHidden(0, 7);
    expect(w.sent[1]).toMatchObject({ type: 'config', gen: 1, config: { hidden: [7] } });
    store.getState().setPlaying(false);
    store.getState().setSpeed(10);
    store.getState().setAspect(2);
    void store.getState().step();
    expect(w.sent.slice(2).map((m) => m.type)).toEqual(['play', 'speed', 'view', 'step']);
  });

  it('acks a snapshot only after the frame that shows it', () => {
    const { store, workers, drawFrames } = setup();
    const w = workers[0]!;
    w.receive(makeSnapshot(0, 0));
    expect(store.getState().frame?.seq).toBe(0);
    expect(w.sent.some((m) => m.type === 'ack')).toBe(false);
    drawFrames();
    expect(w.sent[w.sent.length - 1]).toEqual({ type: 'ack', gen: 0, seq: 0 });
  });

  it('drops snapshots of an older generation and does not ack them', () => {
    const { store, workers, drawFrames } = setup();
    const w = workers[0]!;
    store.getState().setNumber('noise', 0.5);
    w.receive(makeSnapshot(0, 3));
    drawFrames();
    expect(store.getState().frame).toBeNull();
    expect(w.sent.some((m) => m.type === 'ack')).toBe(false);
  });

  it('shows a worker error and restarts the worker with the current configuration', () => {
    const { store, workers } = setup();
    store.getState().setNumber('lr', 0.2);
    workers[0]!.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    const notice = store.getState().notices[0]!;
    expect(notice.kind).toBe('error');
    expect(notice.lines.join(' ')).toContain('boom');
    expect(workers[1]!.sent[0]).toMatchObject({
      type: 'config',
      gen: store.getState().gen,
      config: { lr: 0.2 },
    });
  });

  it('restarts on an error message from the worker too, and gives up after repeated failures', () => {
    const { store, workers } = setup();
    for (let i = 0; i < 5; i++)
      workers[workers.length - 1]!.receive({
        type: 'error',
        gen: store.getState().gen,
        message: `fail ${i}`,
      });
    expect(workers).toHaveLength(4);
    const last = store.getState().notices[store.getState().notices.length - 1]!;
    expect(last.title).toBe('Training stopped');
  });

  it('stops the worker when stopped', () => {
    const { workers, client } = setup();
    client.stop();
    expect(workers[0]!.terminated).toBe(true);
  });
});
