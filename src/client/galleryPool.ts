/**
 * The hidden-size gallery's workers: a small pool of worker channels to training workers (the same
 * worker and protocol as the main run, so the tiles train exactly as the playground would), one tile
 * per channel at a time. Every tile run is a generation of its channel; replies of older ones are
 * dropped by the channel. Snapshots are acked after a frame and at most every `interval` ms, so the tiles
 * fill in live while the workers train flat out, and the page draws a few small pictures a second.
 * The pool's state is the store's gallery slice; while started it follows the store's configuration.
 */
import { galleryKey, tileConfig } from '../config/gallery';
import type { Data } from '../core/datasets';
import type { FromWorker, ToWorker } from '../protocol/training';
import { blankTile, type GalleryState, isEnded, type Tile } from '../state/gallery';
import type { GalleryPort } from '../state/ports';
import type { AppStore } from '../state/store';
import { WorkerChannel, type WorkerFactory } from './channel';
import { createTrainWorker } from './training';
import { replyTimeout, type WatchdogTimers } from './watchdog';

export interface PoolOptions {
  createWorker?: WorkerFactory;
  /** How many workers at most. */
  workers: number;
  afterFrame?: (fn: () => void) => void;
  after?: (fn: () => void, ms: number) => void;
  /** Least time between two snapshots of one worker (ms). */
  interval?: number;
  timers?: WatchdogTimers;
}

interface Slot {
  channel: WorkerChannel<ToWorker, FromWorker>;
  tile: number | null;
}

export class GalleryPool implements GalleryPort {
  private slots: Slot[] = [];
  private queue: number[] = [];
  private data: Data | null = null;
  private sizes: readonly number[] = [];
  private unsubscribe: (() => void) | null = null;
  private readonly createWorker: WorkerFactory;
  private readonly afterFrame: (fn: () => void) => void;
  private readonly after: (fn: () => void, ms: number) => void;
  private readonly interval: number;

  constructor(
    private readonly store: AppStore,
    private readonly opts: PoolOptions,
  ) {
    this.createWorker = opts.createWorker ?? createTrainWorker;
    this.afterFrame = opts.afterFrame ?? ((fn) => requestAnimationFrame(() => fn()));
    this.after = opts.after ?? ((fn, ms) => setTimeout(fn, ms));
    this.interval = opts.interval ?? 300;
  }

  get workerCount(): number {
    return this.slots.length;
  }

  /**
   * Trains a tile for each size on the store's configuration and data, again whenever they change.
   * The same sizes and data as before resume: finished tiles stay, the others are trained again.
   */
  start(sizes: readonly number[]): void {
    this.sizes = sizes;
    this.unsubscribe?.();
    this.unsubscribe = this.store.subscribe((s, p) => {
      if (s.config !== p.config || s.dataVersion !== p.dataVersion) this.run();
    });
    this.run();
  }

  /** Stops every worker; unfinished tiles go back to the queue for the next `start`. */
  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    for (const s of this.slots) s.channel.stop();
    const running = new Set(this.slots.map((s) => s.tile));
    this.slots = [];
    this.queue = [];
    const state = this.state;
    if (state.tiles.some((_, i) => running.has(i))) {
      this.set({
        ...state,
        tiles: state.tiles.map((t, i) => (running.has(i) ? { ...t, ...blankTile(t.config) } : t)),
      });
    }
  }

  private get state(): GalleryState {
    return this.store.getState().gallery;
  }

  private run(): void {
    const { config, custom, dataVersion } = this.store.getState();
    const key = galleryKey(config, dataVersion, this.sizes);
    this.data = custom;
    if (key !== this.state.key) {
      for (const s of this.slots) s.tile = null;
      const tiles = this.sizes.map((units): Tile => {
        const c = tileConfig(config, units);
        return { units, config: c, ...blankTile(c) };
      });
      this.set({ key, tiles, done: 0 });
      this.queue = tiles.map((_, i) => i);
    } else {
      const busy = new Set(this.slots.map((s) => s.tile));
      this.queue = this.state.tiles.flatMap((t, i) => (isEnded(t.state) || busy.has(i) ? [] : [i]));
    }
    this.dispatch();
  }

  private set(next: GalleryState): void {
    this.store.getState().setGallery({ ...next, done: next.tiles.filter((t) => isEnded(t.state)).length });
  }

  private patchTile(index: number, patch: Partial<Tile>): void {
    const state = this.state;
    const tiles = state.tiles.slice();
    tiles[index] = { ...tiles[index]!, ...patch };
    this.set({ ...state, tiles });
  }

  /** Gives every free slot the next queued tile; frees slots that have none; adds workers up to the limit. */
  private dispatch(): void {
    for (const s of this.slots.filter((x) => x.tile === null)) {
      const next = this.queue.shift();
      if (next === undefined) this.retire(s);
      else this.assign(s, next);
    }
    while (this.queue.length > 0 && this.slots.length < this.opts.workers) {
      this.assign(this.spawn(), this.queue.shift()!);
    }
  }

  private spawn(): Slot {
    const slot: Slot = { channel: null as unknown as Slot['channel'], tile: null };
    slot.channel = new WorkerChannel<ToWorker, FromWorker>({
      label: 'a gallery worker',
      create: this.createWorker,
      // A failed worker is not restarted for the tile that failed; the pool takes another slot.
      restart: 'lazy',
      maxRestarts: 0,
      timeout: () => {
        const t = slot.tile === null ? null : this.state.tiles[slot.tile];
        return t ? replyTimeout(t.config, Number.POSITIVE_INFINITY, 1) : 5000;
      },
      timers: this.opts.timers,
      onMessage: (msg) => this.receive(slot, msg),
      onFailure: (message) => this.fail(slot, message),
    });
    this.slots.push(slot);
    return slot;
  }

  private retire(slot: Slot): void {
    slot.channel.stop();
    this.slots = this.slots.filter((s) => s !== slot);
  }

  private assign(slot: Slot, tile: number): void {
    const t = this.state.tiles[tile]!;
    slot.tile = tile;
    const gen = slot.channel.setGeneration();
    this.patchTile(tile, { ...blankTile(t.config), state: 'training' });
    slot.channel.post({
      type: 'config',
      gen,
      config: t.config,
      data: this.data,
      playing: true,
      speed: Number.POSITIVE_INFINITY,
      aspect: 1,
      box: null,
      inspect: { unit: null, hidden: null },
    });
    slot.channel.expect(true);
  }

  private receive(slot: Slot, msg: FromWorker): void {
    if (slot.tile === null || msg.type !== 'snapshot') return;
    const tile = slot.tile;
    slot.channel.settle();
    const ended = msg.state !== 'training' && msg.state !== 'paused';
    this.patchTile(tile, {
      state: msg.state,
      pass: msg.pass,
      passes: msg.passes,
      trainAcc: Number.isFinite(msg.trainAcc) ? msg.trainAcc : null,
      testAcc: msg.testAcc,
      grid: msg.grid,
    });
    if (ended) {
      slot.tile = null;
      this.dispatch();
      return;
    }
    const { gen, seq } = msg;
    slot.channel.ackWhen(
      gen,
      (fn) => this.after(() => this.afterFrame(fn), this.interval),
      () => ({ type: 'ack', gen, seq }),
      () => slot.channel.expect(),
    );
  }

  /** A failed worker: its tile shows the error, and another worker takes the tiles still to train. */
  private fail(slot: Slot, message: string): void {
    if (!this.slots.includes(slot)) return;
    const tile = slot.tile;
    this.retire(slot);
    if (tile !== null) this.patchTile(tile, { state: 'error', message });
    this.dispatch();
  }
}
