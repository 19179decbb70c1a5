/**
 * The analysis worker's client: while started, fits the logistic-regression baseline to the store's
 * points, once per change of the points or the plot's shape, and keeps the result in the store's
 * baseline slice. Each fit is a generation of the channel, so an answer to older points is dropped.
 * The worker starts on the first fit; a failed one is replaced at the next.
 */
import {
  ANALYSIS_WORKER_NAME,
  type BaselineFrame,
  type FromAnalysis,
  type ToAnalysis,
} from '../protocol/analysis';
import type { BaselinePort } from '../state/ports';
import type { AppState, AppStore } from '../state/store';
import { WorkerChannel, type WorkerFactory } from './channel';
import type { WatchdogTimers } from './watchdog';

export const createAnalysisWorker: WorkerFactory = () =>
  new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module', name: ANALYSIS_WORKER_NAME });

/** Cross-validation fits 50 models: allow a slow device about 30 ms per point, and never under 10 s. */
const fitTimeout = (n: number) => 10000 + 30 * n;

export interface BaselineOptions {
  createWorker?: WorkerFactory;
  timers?: WatchdogTimers;
}

export class BaselineClient implements BaselinePort {
  private readonly channel: WorkerChannel<ToAnalysis, FromAnalysis>;
  private unsubscribe: (() => void) | null = null;
  private n = 0;

  constructor(
    private readonly store: AppStore,
    opts: BaselineOptions = {},
  ) {
    this.channel = new WorkerChannel<ToAnalysis, FromAnalysis>({
      label: 'the analysis worker',
      create: opts.createWorker ?? createAnalysisWorker,
      restart: 'lazy',
      // A fit that fails every time should not restart the worker forever; a new request may try again.
      maxRestarts: Number.POSITIVE_INFINITY,
      timeout: () => fitTimeout(this.n),
      timers: opts.timers,
      onMessage: (m) => {
        if (m.type === 'baseline') this.patch({ result: m, pending: false, error: null });
      },
      onFailure: (message) => this.patch({ pending: false, error: message }),
    });
  }

  start(): void {
    this.unsubscribe?.();
    // The very points the network trains on, once the training worker (or an edit) has provided them.
    this.unsubscribe = this.store.subscribe((s, p) => {
      if (s.points !== p.points || s.aspect !== p.aspect || s.box !== p.box) void this.fit(s);
    });
    void this.fit();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.channel.release();
    if (this.store.getState().baseline.pending) this.patch({ pending: false });
  }

  /** Fits the store's points now; resolves with the fit (also put in the store), or null if none came. */
  async fit(s: AppState = this.store.getState()): Promise<BaselineFrame | null> {
    if (!s.points) return null;
    this.n = s.points.y.length;
    const gen = this.channel.setGeneration();
    const msg: ToAnalysis = {
      type: 'baseline',
      gen,
      key: s.pointsKey,
      points: s.points,
      aspect: s.aspect,
      box: s.box,
    };
    this.patch({ pending: true, error: null });
    try {
      return await this.channel.request(msg, (m) => (m.type === 'baseline' ? m : undefined));
    } catch {
      // A newer fit replaced this one or the view closed (nothing to tell), or the worker failed
      // (onFailure told).
      return null;
    }
  }

  private patch(p: Partial<AppState['baseline']>): void {
    const s = this.store.getState();
    s.setBaseline({ ...s.baseline, ...p });
  }
}
