// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { type ChannelOptions, RequestEnded, WorkerChannel } from '../../src/client/channel';
import { ScriptedWorker } from './experimentsWorkers';
import { FakeTimers } from './fakeTimers';

interface Out {
  type: 'ask' | 'ack';
  gen?: number;
}
interface In {
  type: 'answer' | 'news' | 'error';
  gen: number;
  value?: number;
  message?: string;
}

const TIMEOUT = 1000;

function setup(opts: Partial<ChannelOptions<In>> = {}) {
  const workers: ScriptedWorker[] = [];
  const timers = new FakeTimers();
  const seen: In[] = [];
  const failures: { message: string; restarted: boolean; gaveUp: boolean }[] = [];
  const channel = new WorkerChannel<Out, In>({
    label: 'the test worker',
    create: () => {
      const w = new ScriptedWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
    restart: 'eager',
    timeout: () => TIMEOUT,
    timers,
    now: () => timers.time,
    onMessage: (m) => seen.push(m),
    onFailure: (message, outcome) => failures.push({ message, ...outcome }),
    ...opts,
  });
  const latest = () => workers[workers.length - 1]!;
  return { channel, workers, timers, seen, failures, latest };
}

/** Settles the promise's state into a value the test can read synchronously after a microtask. */
function track<T>(p: Promise<T>) {
  const out: { value?: T; error?: unknown } = {};
  p.then(
    (v) => (out.value = v),
    (e) => (out.error = e),
  );
  return out;
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the worker channel', () => {
  it('starts its worker on the first message, not before', () => {
    const { channel, workers } = setup();
    expect(workers).toHaveLength(0);
    channel.post({ type: 'ask' });
    expect(workers).toHaveLength(1);
    expect(workers[0]!.sent).toEqual([{ type: 'ask' }]);
  });

  it('passes on only the current generation’s messages', () => {
    const { channel, seen, latest } = setup();
    channel.open();
    channel.setGeneration(3);
    latest().receive({ type: 'news', gen: 2 });
    latest().receive({ type: 'news', gen: 3, value: 7 });
    expect(seen).toEqual([{ type: 'news', gen: 3, value: 7 }]);
  });

  it('resolves a request with the first reply it accepts', async () => {
    const { channel, latest } = setup();
    const r = track(channel.request({ type: 'ask' }, (m) => (m.type === 'answer' ? m.value : undefined)));
    latest().receive({ type: 'news', gen: 0 });
    latest().receive({ type: 'answer', gen: 0, value: 42 });
    await tick();
    expect(r.value).toBe(42);
  });

  it('rejects a request as stale when a new generation begins', async () => {
    const { channel, latest } = setup();
    const r = track(channel.request({ type: 'ask' }, (m) => m.value));
    channel.setGeneration();
    latest().receive({ type: 'answer', gen: 0, value: 1 });
    await tick();
    expect(r.error).toBeInstanceOf(RequestEnded);
    expect((r.error as RequestEnded).reason).toBe('stale');
  });

  it('fails a worker that reports an error, rejects its requests and restarts it', async () => {
    const { channel, workers, failures, latest } = setup();
    const r = track(channel.request({ type: 'ask' }, (m) => m.value));
    latest().receive({ type: 'error', gen: -1, message: 'boom' });
    await tick();
    expect((r.error as RequestEnded).reason).toBe('failed');
    expect((r.error as Error).message).toContain('boom');
    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(failures).toEqual([{ message: 'boom', restarted: true, gaveUp: false }]);
  });

  it('ignores an error of an older generation (the worker moves on to the new one)', () => {
    const { channel, failures, latest } = setup();
    channel.open();
    channel.setGeneration(1);
    latest().receive({ type: 'error', gen: 0, message: 'old' });
    expect(failures).toEqual([]);
  });

  it('fails a worker that stops answering a request, once it has loaded', async () => {
    const { channel, timers, failures, latest } = setup();
    const r = track(channel.request({ type: 'ask' }, (m) => (m.type === 'answer' ? 1 : undefined)));
    // Still loading: a slow network is not the worker's fault.
    timers.advance(10 * TIMEOUT);
    expect(failures).toEqual([]);
    latest().receive({ type: 'news', gen: 0 });
    timers.advance(TIMEOUT - 1);
    expect(failures).toEqual([]);
    timers.advance(2);
    await tick();
    expect(failures[0]!.message).toBe('the test worker stopped responding');
    expect((r.error as RequestEnded).reason).toBe('failed');
  });

  it('does not wait for an answer once it came', () => {
    const { channel, timers, failures, latest } = setup();
    void channel.request({ type: 'ask' }, (m) => (m.type === 'answer' ? 1 : undefined));
    latest().receive({ type: 'answer', gen: 0 });
    timers.advance(10 * TIMEOUT);
    expect(failures).toEqual([]);
  });

  it('gives up after too many failures in a short time and posts nothing more', async () => {
    const { channel, workers, failures, latest } = setup({ maxRestarts: 2 });
    channel.open();
    for (let i = 0; i < 3; i++) latest().receive({ type: 'error', gen: -1, message: `f${i}` });
    expect(failures.map((f) => f.gaveUp)).toEqual([false, false, true]);
    expect(workers).toHaveLength(3);
    expect(channel.closed).toBe(true);
    channel.post({ type: 'ask' });
    expect(workers).toHaveLength(3);
    const r = track(channel.request({ type: 'ask' }, (m) => m.value));
    await tick();
    expect((r.error as RequestEnded).reason).toBe('failed');
  });

  it('restarts a lazy channel’s worker only when there is something to post', () => {
    const { channel, workers, latest } = setup({ restart: 'lazy' });
    channel.open();
    latest().onerror?.({ message: 'crash', preventDefault() {} } as ErrorEvent);
    expect(workers).toHaveLength(1);
    channel.post({ type: 'ask' });
    expect(workers).toHaveLength(2);
    expect(workers[1]!.sent).toEqual([{ type: 'ask' }]);
  });

  it('acks when told to, unless a newer generation began meanwhile', () => {
    const { channel, latest } = setup();
    channel.open();
    const waits: (() => void)[] = [];
    channel.ackWhen(
      0,
      (fn) => waits.push(fn),
      () => ({ type: 'ack', gen: 0 }),
    );
    channel.ackWhen(
      0,
      (fn) => waits.push(fn),
      () => ({ type: 'ack', gen: 0 }),
    );
    waits.shift()!();
    expect(latest().sent).toEqual([{ type: 'ack', gen: 0 }]);
    channel.setGeneration();
    waits.shift()!();
    expect(latest().sent).toHaveLength(1);
  });

  it('rejects pending requests and terminates the worker when stopped', async () => {
    const { channel, workers } = setup();
    const r = track(channel.request({ type: 'ask' }, (m) => m.value));
    channel.stop();
    await tick();
    expect((r.error as RequestEnded).reason).toBe('stopped');
    expect(workers[0]!.terminated).toBe(true);
  });
});
