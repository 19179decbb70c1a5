/**
 * The hidden-size gallery's workers: a small pool of training workers (the same worker and protocol as
 * the main run, so the tiles train exactly as the playground would), one tile per worker at a time.
 * Every tile run is its own generation; results of an older generation are dropped. Snapshots are
 * acked after a frame and at most every `interval` ms, so the tiles fill in live while the workers
 * train flat out, and the page draws a few small pictures a second.
 */
import type { Config } from '../config/schema';
import type { Data } from '../core/datasets';
import { createTrainWorker, type WorkerFactory } from './training';
import { galleryKey, tileConfig } from '../config/gallery';
import { assertNever, type FromWorker, type GridFrame, type PointsFrame, type RunState } from '../protocol/training';

export type TileState = 'queued' | RunState | 'error';

export interface Tile {
  units: number;
  config: Config;
  state: TileState;
  pass: number;
  passes: number;
  trainAcc: number | null;
  testAcc: number | null;
  grid: GridFrame | null;
  message?: string;
}

export interface GalleryState {
  key: string;
  tiles: readonly Tile[];
  /** The run's points (the same for every tile), from the first snapshot that has them. */
  points: PointsFrame | null;
  /** Tiles whose run has ended (finished, converged, diverged or failed). */
  done: number;
}

export interface PoolOptions {
  createWorker?: WorkerFactory;
  /** How many workers at most. */
  workers: number;
  afterFrame?: (fn: () => void) => void;
  after?: (fn: () => void, ms: number) => void;
  /** Least time between two snapshots of one worker (ms). */
  interval?: number;
}

interface Slot {
  worker: Worker;
  /** The generation of the tile run it works on. */
  gen: number;
  tile: number | null;
}

const ENDED: ReadonlySet<TileState> = new Set(['finished', 'converged', 'diverged', 'error']);

export function isEnded(state: TileState): boolean {
  return ENDED.has(state);
}

const EMPTY: GalleryState = { key: '', tiles: [], points: null, done: 0 };

export class GalleryPool {
  private state: GalleryState = EMPTY;
  private readonly listeners = new Set<() => void>();
  private slots: Slot[] = [];
  private queue: number[] = [];
  private nextGen = 1;
  private data: Data | null = null;
  private readonly createWorker: WorkerFactory;
  private readonly afterFrame: (fn: () => void) => void;
  private readonly after: (fn: () => void, ms: number) => void;
  private readonly interval: number;

  constructor(private readonly opts: PoolOptions) {
    this.createWorker = opts.createWorker ?? createTrainWorker;
    this.afterFrame = opts.afterFrame ?? ((fn) => requestAnimationFrame(() => fn()));
    this.after = opts.after ?? ((fn, ms) => setTimeout(fn, ms));
    this.interval = opts.interval ?? 300;
  }

  getState = (): GalleryState => this.state;

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  get workerCount(): number {
    return this.slots.length;
  }

  /**
   * Trains a tile for each size on `base` (and the edited points `data`, if any). The same key as
   * before resumes: finished tiles stay, the others are trained again.
   */
  start(base: Readonly<Config>, data: Data | null, dataVersion: number, sizes: readonly number[]): void {
    const key = galleryKey(base, dataVersion, sizes);
    this.data = data;
    if (key !== this.state.key) {
      for (const s of this.slots) s.tile = null;
      const tiles = sizes.map((units): Tile => {
        const config = tileConfig(base, units);
        return { units, config, ...blank(config) };
      });
      this.set({ key, tiles, points: null, done: 0 });
      this.queue = tiles.map((_, i) => i);
    } else {
      const busy = new Set(this.slots.map((s) => s.tile));
      this.queue = this.state.tiles.flatMap((t, i) => (isEnded(t.state) || busy.has(i) ? [] : [i]));
    }
    this.dispatch();
  }

  /** Stops every worker; unfinished tiles go back to the queue for the next `start`. */
  stop(): void {
    for (const s of this.slots) s.worker.terminate();
    const running = new Set(this.slots.map((s) => s.tile));
    this.slots = [];
    this.queue = [];
    if (this.state.tiles.some((_, i) => running.has(i))) {
      this.set({
        ...this.state,
        tiles: this.state.tiles.map((t, i) => (running.has(i) ? { ...t, ...blank(t.config) } : t)),
      });
    }
  }

  private set(next: GalleryState): void {
    this.state = { ...next, done: next.tiles.filter((t) => isEnded(t.state)).length };
    for (const fn of this.listeners) fn();
  }

  private patchTile(index: number, patch: Partial<Tile>, points?: PointsFrame): void {
    const tiles = this.state.tiles.slice();
    tiles[index] = { ...tiles[index]!, ...patch };
    this.set({ ...this.state, tiles, points: this.state.points ?? points ?? null });
  }

  /** Gives every free slot the next queued tile; frees slots that have none; adds workers up to the limit. */
  private dispatch(): void {
    for (const s of this.slots.filter((x) => x.tile === null)) {
      const next = this.queue.shift();
      if (next === undefined) this.retire(s);
      else this.assign(s, next);
    }
    while (this.queue.length > 0 && this.slots.length < this.opts.workers) {
      const slot = this.spawn();
      this.assign(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot {
    const worker = this.createWorker();
    const slot: Slot = { worker, gen: 0, tile: null };
    worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(slot, e.data);
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault?.();
      this.fail(slot, e.message || 'the worker stopped');
    };
    worker.onmessageerror = () => this.fail(slot, 'a message from the worker could not be read');
    this.slots.push(slot);
    return slot;
  }

  private retire(slot: Slot): void {
    slot.worker.terminate();
    this.slots = this.slots.filter((s) => s !== slot);
  }

  private assign(slot: Slot, tile: number): void {
    const t = this.state.tiles[tile]!;
    slot.tile = tile;
    slot.gen = this.nextGen++;
    this.patchTile(tile, { ...blank(t.config), state: 'training' });
    slot.worker.postMessage({
      type: 'config',
      gen: slot.gen,
      config: t.config,
      data: this.data,
      playing: true,
      speed: Number.POSITIVE_INFINITY,
      aspect: 1,
      inspect: { unit: null, hidden: null },
    });
  }

  private receive(slot: Slot, msg: FromWorker): void {
    // The worker reports a message it could not handle with generation -1.
    if (slot.tile === null || (msg.gen !== slot.gen && !(msg.type === 'error' && msg.gen === -1))) return;
    const tile = slot.tile;
    switch (msg.type) {
      case 'snapshot': {
        const ended = msg.state !== 'training' && msg.state !== 'paused';
        this.patchTile(
          tile,
          {
            state: msg.state,
            pass: msg.pass,
            passes: msg.passes,
            trainAcc: Number.isFinite(msg.trainAcc) ? msg.trainAcc : null,
            testAcc: msg.testAcc,
            grid: msg.grid,
          },
          msg.points,
        );
        if (ended) {
          slot.tile = null;
          this.dispatch();
          return;
        }
        const { gen, seq } = msg;
        this.after(
          () =>
            this.afterFrame(() => {
              if (slot.gen === gen && slot.tile !== null) slot.worker.postMessage({ type: 'ack', gen, seq });
            }),
          this.interval,
        );
        return;
      }
      case 'weights':
        return;
      case 'error':
        this.fail(slot, msg.message);
        return;
      default:
        assertNever(msg);
    }
  }

  /** A failed worker: its tile shows the error, the worker is replaced for the tiles still to train. */
  private fail(slot: Slot, message: string): void {
    if (!this.slots.includes(slot)) return;
    const tile = slot.tile;
    this.retire(slot);
    if (tile !== null) this.patchTile(tile, { state: 'error', message });
    this.dispatch();
  }
}

function blank(config: Config): Omit<Tile, 'units' | 'config'> {
  return {
    state: 'queued',
    pass: 0,
    passes: config.passes,
    trainAcc: null,
    testAcc: null,
    grid: null,
  };
}
