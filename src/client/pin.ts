/**
 * The pinned run's worker: trains the pinned configuration (and data) flat out, from the start to its
 * end, on a channel of its own, so the pinned curves and boundary are the whole run's. Each pin is a
 * generation of the channel; a new pin or an unpin drops the old one's replies. Snapshots are acked
 * after a frame and at most every `interval` ms: the pinned curve fills in a few times a second.
 */
import type { FromWorker, ToWorker } from '../protocol/training';
import type { PinnedRun } from '../state/pin';
import type { AppStore } from '../state/store';
import { WorkerChannel, type WorkerFactory } from './channel';
import { createTrainWorker } from './training';
import { replyTimeout, type WatchdogTimers } from './watchdog';

export interface PinOptions {
  createWorker?: WorkerFactory;
  afterFrame?: (fn: () => void) => void;
  after?: (fn: () => void, ms: number) => void;
  interval?: number;
  timers?: WatchdogTimers;
}

export function startPinClient(store: AppStore, opts: PinOptions = {}): { stop(): void } {
  const afterFrame = opts.afterFrame ?? ((fn) => requestAnimationFrame(() => fn()));
  const after = opts.after ?? ((fn, ms) => setTimeout(fn, ms));
  const interval = opts.interval ?? 200;
  let current: PinnedRun | null = null;

  const channel = new WorkerChannel<ToWorker, FromWorker>({
    label: 'the pinned run’s worker',
    create: opts.createWorker ?? createTrainWorker,
    restart: 'lazy',
    timeout: () => {
      const p = store.getState().pinned;
      return p ? replyTimeout(p.config, Number.POSITIVE_INFINITY, store.getState().aspect, p.data) : 5000;
    },
    timers: opts.timers,
    onMessage: (msg) => {
      if (msg.type !== 'snapshot' || !current) return;
      const pin = current;
      if (!store.getState().applyPinSnapshot(pin.id, msg)) return;
      channel.settle();
      if (msg.state !== 'training') {
        // The run is over: its worker is not needed until the next pin.
        channel.release();
        return;
      }
      channel.ackWhen(
        msg.gen,
        (fn) => after(() => afterFrame(fn), interval),
        () => ({ type: 'ack', gen: msg.gen, seq: msg.seq }),
        () => channel.expect(),
      );
    },
    onFailure: () => {
      if (current) store.getState().pinFailed(current.id);
    },
  });

  const follow = (p: PinnedRun | null) => {
    if (p?.id === current?.id) return;
    current = p;
    const gen = channel.setGeneration();
    if (!p) {
      channel.release();
      return;
    }
    channel.post({
      type: 'config',
      gen,
      config: p.config,
      data: p.data,
      playing: true,
      speed: Number.POSITIVE_INFINITY,
      aspect: store.getState().aspect,
      box: null,
      inspect: { unit: null, hidden: null },
    });
    channel.expect(true);
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.pinned !== prev.pinned) follow(s.pinned);
  });
  follow(store.getState().pinned);
  return {
    stop: () => {
      unsubscribe();
      channel.stop();
    },
  };
}
