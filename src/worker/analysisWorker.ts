/**
 * The analysis worker's role (worker.ts): fits the logistic-regression baseline. Requests that arrive
 * while it works replace one another, and only the latest is computed (a slider drag costs one fit,
 * not dozens).
 */

import type { FromAnalysis, ToAnalysis } from '../protocol/analysis';
import { BaselineAnalysis } from './analysis';

export function serveAnalysis(scope: DedicatedWorkerGlobalScope): void {
  const analysis = new BaselineAnalysis();
  // A zero-delay task after the messages already queued (setTimeout(0) may be clamped).
  const channel = new MessageChannel();
  let pending: ToAnalysis | null = null;

  channel.port1.onmessage = () => {
    const req = pending;
    pending = null;
    if (!req) return;
    try {
      const frame = analysis.frame(req);
      scope.postMessage(frame satisfies FromAnalysis, [frame.grid.probs.buffer]);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      scope.postMessage({ type: 'error', gen: req.gen, message } satisfies FromAnalysis);
    }
  };

  scope.onmessage = (e: MessageEvent<ToAnalysis>) => {
    if (pending === null) channel.port2.postMessage(null);
    pending = e.data;
  };
}
