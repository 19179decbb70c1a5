/**
 * The page's side of the analysis worker: started on first use, one request per change of data or
 * plot shape, answers of older generations dropped. A failed worker is replaced at the next request.
 */
import {
  ANALYSIS_WORKER_NAME,
  type BaselineFrame,
  type FromAnalysis,
  type ToAnalysis,
} from '../protocol/analysis';
import type { WorkerFactory } from './training';
import type { PointsFrame } from '../protocol/training';

export const createAnalysisWorker: WorkerFactory = () =>
  new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module', name: ANALYSIS_WORKER_NAME });

export interface BaselineState {
  result: BaselineFrame | null;
  /** A request is on its way; `result`, if any, is of an earlier one. */
  pending: boolean;
  error: string | null;
}

export class BaselineClient {
  private worker: Worker | null = null;
  private gen = 0;
  private state: BaselineState = { result: null, pending: false, error: null };
  private readonly listeners = new Set<() => void>();

  constructor(private readonly createWorker: WorkerFactory = createAnalysisWorker) {}

  getState = (): BaselineState => this.state;

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  /** `points` is copied to the worker; the page keeps its own. */
  request(points: PointsFrame, key: string, aspect: number): void {
    const msg: ToAnalysis = { type: 'baseline', gen: ++this.gen, key, points, aspect };
    this.ensureWorker().postMessage(msg);
    this.set({ ...this.state, pending: true, error: null });
  }

  stop(): void {
    this.worker?.terminate();
    this.worker = null;
    this.gen++;
    if (this.state.pending) this.set({ ...this.state, pending: false });
  }

  private set(next: BaselineState): void {
    this.state = next;
    for (const fn of this.listeners) fn();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = this.createWorker();
    w.onmessage = (e: MessageEvent<FromAnalysis>) => {
      const msg = e.data;
      if (msg.gen !== this.gen) return;
      if (msg.type === 'baseline') this.set({ result: msg, pending: false, error: null });
      else this.set({ ...this.state, pending: false, error: msg.message });
    };
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault?.();
      this.worker?.terminate();
      this.worker = null;
      this.set({ ...this.state, pending: false, error: e.message || 'the analysis worker stopped' });
    };
    this.worker = w;
    return w;
  }
}
