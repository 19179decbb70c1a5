/**
 * The training worker's client: turns store changes into messages on the worker channel, puts snapshots
 * of the current generation into the store and acks each one after the frame that shows it is drawn.
 * A failed worker is restarted by the channel; this client tells the person and starts a new generation
 * on the new worker, so that nothing of the failed run is mixed with the new one.
 */

import { mark } from '../protocol/timing';
import type { FromWorker, ToWorker } from '../protocol/training';
import type { TrainingPort } from '../state/ports';
import type { AppState, AppStore } from '../state/store';
import { WorkerChannel, type WorkerFactory } from './channel';
import { replyTimeout, type WatchdogTimers } from './watchdog';

export const createTrainWorker: WorkerFactory = () =>
  new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module' });

export interface ClientOptions {
  createWorker?: WorkerFactory;
  /** Runs a callback after the next frame is drawn (requestAnimationFrame). */
  afterFrame?: (fn: () => void) => void;
  now?: () => number;
  /** The watchdog's clock and timers (tests use fake ones). */
  timers?: WatchdogTimers;
}

/** A frame this long after the previous one means frames are being dropped (60 Hz is 16.7 ms). */
const LATE_FRAME_MS = 25;

export interface WorkerClient extends TrainingPort {
  stop(): void;
}

export function startWorkerClient(store: AppStore, opts: ClientOptions = {}): WorkerClient {
  const afterFrame = opts.afterFrame ?? ((fn) => requestAnimationFrame(() => fn()));
  const now = opts.now ?? (() => performance.now());
  /** A snapshot of the current generation is in the store but not acked yet (the worker waits). */
  let unacked = false;
  let lastFrame = Number.NEGATIVE_INFINITY;

  const channel = new WorkerChannel<ToWorker, FromWorker>({
    label: 'the training worker',
    create: opts.createWorker ?? createTrainWorker,
    restart: 'eager',
    timeout: () => {
      const s = store.getState();
      return replyTimeout(s.config, s.speed, s.aspect, s.custom);
    },
    timers: opts.timers,
    now,
    onMessage: (msg) => {
      if (msg.type !== 'snapshot') return;
      if (!store.getState().applySnapshot(msg)) return;
      channel.settle();
      unacked = true;
      channel.ackWhen(msg.gen, waitForFrame, () => ({ type: 'ack', gen: msg.gen, seq: msg.seq }), acked);
    },
    onFailure: (message, { gaveUp }) => {
      const { notify, reset } = store.getState();
      if (gaveUp) {
        notify('error', 'Training stopped', [
          `The training worker failed again: ${message}`,
          'Reload the page.',
        ]);
        return;
      }
      notify('error', 'Training restarted', [`The training worker failed: ${message}`, 'It was restarted.']);
      reset();
    },
  });

  /**
   * Calls back once the frame showing the snapshot is drawn. When frames come late (the main thread is
   * busy), it waits one frame more, so a slow device gets fewer snapshots instead of long tasks.
   */
  const waitForFrame = (fn: () => void) => {
    let rested = false;
    const tick = () => {
      const t = now();
      const late = t - lastFrame > LATE_FRAME_MS;
      lastFrame = t;
      if (late && !rested) {
        rested = true;
        afterFrame(tick);
        return;
      }
      fn();
    };
    afterFrame(tick);
  };

  const acked = () => {
    unacked = false;
    // Still training: the next snapshot is due.
    if (store.getState().frame?.state === 'training') channel.expect();
  };

  const postConfig = (s: AppState) => {
    channel.setGeneration(s.gen);
    mark('nn:config', { gen: s.gen });
    unacked = false;
    channel.post({
      type: 'config',
      gen: s.gen,
      config: s.config,
      data: s.custom,
      playing: s.playing,
      speed: s.speed,
      aspect: s.aspect,
      box: s.box,
      inspect: s.inspect,
    });
    // A new generation: the worker owes its first snapshot.
    channel.expect(true);
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (channel.closed) return;
    if (s.gen !== prev.gen) {
      postConfig(s);
      return;
    }
    // Each of these makes the worker send a snapshot, unless it waits for an ack (then the ack does).
    const view = s.aspect !== prev.aspect || s.box !== prev.box;
    if (!unacked && (s.playing !== prev.playing || view)) channel.expect();
    if (s.playing !== prev.playing) channel.post({ type: 'play', gen: s.gen, playing: s.playing });
    if (s.speed !== prev.speed) channel.post({ type: 'speed', speed: s.speed });
    if (view) channel.post({ type: 'view', aspect: s.aspect, box: s.box });
    if (s.inspect !== prev.inspect) channel.post({ type: 'inspect', view: s.inspect });
  });

  channel.open();
  postConfig(store.getState());

  return {
    step: async (gen) => {
      if (gen !== channel.gen || channel.closed) return null;
      // The snapshot after the step may wait for the ack of one already sent: it is still the answer.
      const after = store.getState().frame?.seq ?? -1;
      try {
        return await channel.request({ type: 'step', gen }, (m) =>
          m.type === 'snapshot' && m.seq > after ? m.pass : undefined,
        );
      } catch {
        return null;
      }
    },
    weights: (gen) =>
      channel.request({ type: 'weights', gen }, (m) =>
        m.type === 'weights' ? { gen: m.gen, pass: m.pass, weights: m.weights } : undefined,
      ),
    setWeight: (gen, ref, value) => {
      if (gen !== channel.gen || channel.closed) return;
      channel.post({ type: 'setWeight', gen, ref, value });
      // It changes what the worker shows: a snapshot is owed, unless the worker waits for an ack.
      if (!unacked) channel.expect();
    },
    stop: () => {
      unsubscribe();
      channel.stop();
    },
  };
}
