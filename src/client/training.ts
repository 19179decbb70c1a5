/**
 * The page's side of the worker: owns the Worker, turns store changes into messages, puts snapshots of
 * the current generation into the store and acks each one after the frame that shows it is drawn.
 * A worker error is shown as a notice and the worker is restarted with the current configuration; so is
 * a worker gone silent (closed or killed: no error event comes then), noticed by a watchdog.
 */
import type { AppState, AppStore } from '../state/store';
import { assertNever, type FromWorker, type ToWorker } from '../protocol/training';
import { mark } from '../protocol/timing';
import { replyTimeout, Watchdog, type WatchdogTimers } from './watchdog';

export type WorkerFactory = () => Worker;

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
/** More restarts than this within `RESTART_WINDOW_MS` and the client gives up. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 10000;

export interface WorkerClient {
  stop(): void;
}

export function startWorkerClient(store: AppStore, opts: ClientOptions = {}): WorkerClient {
  const createWorker = opts.createWorker ?? createTrainWorker;
  const afterFrame = opts.afterFrame ?? ((fn) => requestAnimationFrame(() => fn()));
  const now = opts.now ?? (() => performance.now());
  const restarts: number[] = [];
  let worker: Worker | null = null;
  let stopped = false;
  /** The worker owes a message whenever it is bound to send one; silence for too long means it is gone. */
  const watchdog = new Watchdog(
    () => {
      const s = store.getState();
      return replyTimeout(s.config, s.speed, s.aspect, s.custom);
    },
    () => fail('the training worker stopped responding'),
    opts.timers,
  );
  /** A snapshot of the current generation is in the store but not acked yet (the worker waits). */
  let unacked = false;
  /** Set by the worker's first message: until then it may still be loading (a slow network). */
  let loaded = false;
  const owe = (restart = false) => {
    if (loaded) watchdog.owe(restart);
  };

  const post = (msg: ToWorker) => worker?.postMessage(msg);

  let lastFrame = Number.NEGATIVE_INFINITY;
  /**
   * Acks once the frame showing the snapshot is drawn. When frames come late (the main thread is
   * busy), it waits one frame more, so a slow device gets fewer snapshots instead of long tasks.
   */
  const ackAfterFrame = (gen: number, seq: number) => {
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
      if (store.getState().gen !== gen) return;
      post({ type: 'ack', gen, seq });
      unacked = false;
      // Still training: the next snapshot is due.
      if (store.getState().frame?.state === 'training') owe();
    };
    afterFrame(tick);
  };

  const postConfig = (s: AppState) =>
    post({
      type: 'config',
      gen: s.gen,
      config: s.config,
      // A copy: the store keeps its own.
      data: s.custom,
      playing: s.playing,
      speed: s.speed,
      aspect: s.aspect,
      inspect: s.inspect,
    });

  /** A new generation goes to the worker: it owes the first snapshot of it. */
  const sentConfig = (gen: number) => {
    mark('nn:config', { gen });
    unacked = false;
    owe(true);
  };

  const onMessage = (e: MessageEvent<FromWorker>) => {
    const msg = e.data;
    loaded = true;
    watchdog.alive();
    switch (msg.type) {
      case 'snapshot': {
        if (!store.getState().applySnapshot(msg)) return;
        watchdog.paid();
        unacked = true;
        ackAfterFrame(msg.gen, msg.seq);
        return;
      }
      case 'weights':
        store.getState().receiveWeights({ gen: msg.gen, pass: msg.pass, weights: msg.weights });
        return;
      case 'error':
        fail(msg.message);
        return;
      default:
        assertNever(msg);
    }
  };

  const spawn = () => {
    const w = createWorker();
    loaded = false;
    w.onmessage = onMessage;
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault?.();
      fail(e.message || 'the training worker stopped');
    };
    w.onmessageerror = () => fail('a message from the training worker could not be read');
    worker = w;
  };

  const fail = (message: string) => {
    if (stopped) return;
    watchdog.paid();
    worker?.terminate();
    worker = null;
    const t = now();
    while (restarts.length > 0 && t - restarts[0]! > RESTART_WINDOW_MS) restarts.shift();
    const { notify, reset } = store.getState();
    if (restarts.length >= MAX_RESTARTS) {
      notify('error', 'Training stopped', [
        `The training worker failed again: ${message}`,
        'Reload the page.',
      ]);
      return;
    }
    restarts.push(t);
    notify('error', 'Training restarted', [`The training worker failed: ${message}`, 'It was restarted.']);
    spawn();
    // A new generation, so that nothing of the failed run is mixed with the new one.
    reset();
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (!worker) return;
    if (s.gen !== prev.gen) {
      sentConfig(s.gen);
      postConfig(s);
      return;
    }
    // Each of these makes the worker send a snapshot, unless it waits for an ack (then the ack does).
    if (!unacked && (s.playing !== prev.playing || s.aspect !== prev.aspect || s.steps !== prev.steps)) {
      owe();
    }
    if (s.playing !== prev.playing) post({ type: 'play', gen: s.gen, playing: s.playing });
    if (s.speed !== prev.speed) post({ type: 'speed', speed: s.speed });
    if (s.aspect !== prev.aspect) post({ type: 'view', aspect: s.aspect });
    if (s.steps !== prev.steps) post({ type: 'step', gen: s.gen });
    if (s.inspect !== prev.inspect) post({ type: 'inspect', view: s.inspect });
    if (s.weightsRequests !== prev.weightsRequests) post({ type: 'weights', gen: s.gen });
  });

  spawn();
  sentConfig(store.getState().gen);
  postConfig(store.getState());

  return {
    stop: () => {
      stopped = true;
      watchdog.stop();
      unsubscribe();
      worker?.terminate();
      worker = null;
    },
  };
}
