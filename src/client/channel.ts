/**
 * The one way the page talks to a worker. A channel owns a Worker and everything around it:
 * - start-up (eager, or on the first message posted);
 * - generations: every message from the worker carries the `gen` it belongs to, and only the current
 *   generation's reach the client (an `error` with gen -1, a message the worker could not handle, is the
 *   worker's own failure and always does);
 * - requests that expect one answer, as promises, rejected when their generation ends or the worker fails;
 * - a watchdog for a worker gone silent (closed or killed: no error event comes then);
 * - failures and restarts, at most `maxRestarts` within `restartWindowMs`;
 * - acknowledgements after a frame, for clients that pace the worker by them.
 */
import { Watchdog, type WatchdogTimers } from './watchdog';

export type WorkerFactory = () => Worker;

/** What every message from a worker has: its type and its generation. */
export interface Reply {
  type: string;
  gen: number;
}

export interface ChannelOptions<In extends Reply> {
  /** Named in failure messages, e.g. "the training worker". */
  label: string;
  create: WorkerFactory;
  /** Eager: a new worker at once after a failure; lazy: at the next message posted. */
  restart: 'eager' | 'lazy';
  /** How long the worker may take to answer what it owes (ms). */
  timeout: () => number;
  /** Every message of the current generation, before the requests waiting for one see it. */
  onMessage(msg: In): void;
  /**
   * The worker failed and was stopped. `restarted`: a new worker is up (eager) and waits for the
   * client's state; `gaveUp`: too many failures, the channel posts nothing more.
   */
  onFailure(message: string, outcome: { restarted: boolean; gaveUp: boolean }): void;
  timers?: WatchdogTimers;
  now?: () => number;
  maxRestarts?: number;
  restartWindowMs?: number;
}

/** Why a request was given up; the client tells a person only about failures. */
export class RequestEnded extends Error {
  constructor(
    message: string,
    readonly reason: 'stale' | 'failed' | 'stopped',
  ) {
    super(message);
  }
}

interface Pending<In extends Reply> {
  gen: number;
  take(msg: In): boolean;
  reject(e: RequestEnded): void;
}

const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 10000;

export class WorkerChannel<Out extends { type: string }, In extends Reply> {
  private worker: Worker | null = null;
  private generation = 0;
  private pending: Pending<In>[] = [];
  private readonly restarts: number[] = [];
  private stopped = false;
  private gaveUp = false;
  /** Set by the worker's first message: until then it may still be loading (a slow network). */
  private loaded = false;
  /** What the watchdog waits for: a request's answer, or a reply the client said is owed. */
  private owed = false;
  private readonly watchdog: Watchdog;
  private readonly now: () => number;

  constructor(private readonly opts: ChannelOptions<In>) {
    this.now = opts.now ?? (() => performance.now());
    this.watchdog = new Watchdog(
      opts.timeout,
      () => this.fail(`${opts.label} stopped responding`),
      opts.timers,
    );
  }

  get gen(): number {
    return this.generation;
  }

  get running(): boolean {
    return this.worker !== null;
  }

  get closed(): boolean {
    return this.stopped || this.gaveUp;
  }

  /** Starts the worker now rather than at the first message. */
  open(): void {
    this.ensure();
  }

  /**
   * Moves to generation `gen` (or the next one): replies of earlier generations are dropped from now on
   * and their requests rejected as stale.
   */
  setGeneration(gen = this.generation + 1): number {
    if (gen === this.generation) return gen;
    this.generation = gen;
    const stale = this.pending.filter((p) => p.gen !== gen);
    this.pending = this.pending.filter((p) => p.gen === gen);
    for (const p of stale) p.reject(new RequestEnded(`a newer run replaced it`, 'stale'));
    return gen;
  }

  post(msg: Out, transfer: Transferable[] = []): void {
    this.ensure()?.postMessage(msg, transfer);
  }

  /**
   * Posts `msg` and resolves with the first reply of the current generation (after `onMessage` has
   * handled it) that `accept` maps to a value, not undefined. The worker owes that reply: silence past the timeout fails the worker.
   */
  request<T>(msg: Out, accept: (reply: In) => T | undefined, transfer: Transferable[] = []): Promise<T> {
    if (this.closed) {
      return Promise.reject(new RequestEnded(`${this.opts.label} is not running`, 'failed'));
    }
    const gen = this.generation;
    return new Promise<T>((resolve, reject) => {
      this.pending.push({
        gen,
        take: (reply) => {
          const value = accept(reply);
          if (value === undefined) return false;
          resolve(value);
          return true;
        },
        reject,
      });
      this.post(msg, transfer);
      if (this.loaded) this.watchdog.owe(true);
    });
  }

  /** The worker owes a message from now on (`restart`: start the clock again if one was owed already). */
  expect(restart = false): void {
    this.owed = true;
    if (this.loaded) this.watchdog.owe(restart);
  }

  /** What was owed came, outside any request. */
  settle(): void {
    this.owed = false;
    if (this.pending.length === 0) this.watchdog.paid();
  }

  /**
   * Acks message `seq` of generation `gen` once `wait` calls back (after a frame, a pause...), unless a
   * newer generation began meanwhile. `ack` builds the message.
   */
  ackWhen(gen: number, wait: (fn: () => void) => void, ack: () => Out, then?: () => void): void {
    wait(() => {
      if (gen !== this.generation || !this.worker) return;
      this.post(ack());
      then?.();
    });
  }

  /** Terminates the worker for good; pending requests are rejected. */
  stop(): void {
    this.stopped = true;
    this.close(new RequestEnded(`${this.opts.label} was stopped`, 'stopped'));
  }

  /** Terminates the worker but keeps the channel usable: the next message starts a new one. */
  release(): void {
    this.close(new RequestEnded(`${this.opts.label} was released`, 'stopped'));
  }

  private close(reason: RequestEnded): void {
    this.watchdog.stop();
    this.owed = false;
    this.worker?.terminate();
    this.worker = null;
    const pending = this.pending;
    this.pending = [];
    for (const p of pending) p.reject(reason);
  }

  private ensure(): Worker | null {
    if (this.worker || this.closed) return this.worker;
    const w = this.opts.create();
    this.loaded = false;
    w.onmessage = (e: MessageEvent<In>) => {
      if (this.worker === w) this.receive(e.data);
    };
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault?.();
      if (this.worker === w) this.fail(e.message || `${this.opts.label} stopped`);
    };
    w.onmessageerror = () => {
      if (this.worker === w) this.fail(`a message from ${this.opts.label} could not be read`);
    };
    this.worker = w;
    return w;
  }

  private receive(msg: In): void {
    if (!this.loaded) {
      this.loaded = true;
      // Debts made while it loaded start counting now.
      if (this.owed || this.pending.length > 0) this.watchdog.owe(true);
    }
    this.watchdog.alive();
    if (msg.type === 'error' && (msg.gen === -1 || msg.gen === this.generation)) {
      const text = (msg as unknown as { message?: unknown }).message;
      this.fail(typeof text === 'string' ? text : `${this.opts.label} reported an error`);
      return;
    }
    if (msg.gen !== this.generation) return;
    this.opts.onMessage(msg);
    const i = this.pending.findIndex((p) => p.take(msg));
    if (i >= 0) {
      this.pending.splice(i, 1);
      if (this.pending.length === 0 && !this.owed) this.watchdog.paid();
    }
  }

  private fail(message: string): void {
    if (this.closed) return;
    this.close(new RequestEnded(`${this.opts.label} failed: ${message}`, 'failed'));
    const t = this.now();
    const window = this.opts.restartWindowMs ?? RESTART_WINDOW_MS;
    while (this.restarts.length > 0 && t - this.restarts[0]! > window) this.restarts.shift();
    if (this.restarts.length >= (this.opts.maxRestarts ?? MAX_RESTARTS)) {
      this.gaveUp = true;
      this.opts.onFailure(message, { restarted: false, gaveUp: true });
      return;
    }
    this.restarts.push(t);
    const eager = this.opts.restart === 'eager';
    if (eager) this.ensure();
    this.opts.onFailure(message, { restarted: eager, gaveUp: false });
  }
}
