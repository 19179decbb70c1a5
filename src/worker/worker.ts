/**
 * The one worker script, in one of two roles: the training worker, or, when started with the name
 * ANALYSIS_WORKER_NAME, the analysis worker (the logistic-regression baseline). Each role runs in a
 * worker of its own with its own message protocol; one script rather than two only ships the core code
 * both use (grid, fast maths, grid plan) once. The analysis role is a chunk of its own, fetched only by
 * an analysis worker: every visit starts a training worker, few open the baseline.
 */
import { ANALYSIS_WORKER_NAME, type FromAnalysis, type ToAnalysis } from '../protocol/analysis';
import { serveTraining } from './trainingWorker';

const scope = self as unknown as DedicatedWorkerGlobalScope;
if (scope.name === ANALYSIS_WORKER_NAME) {
  // Requests that come while the chunk loads are handed to it, in order, once it serves.
  const early: MessageEvent<ToAnalysis>[] = [];
  scope.onmessage = (e: MessageEvent<ToAnalysis>) => early.push(e);
  const replay = () => {
    for (const e of early.splice(0)) scope.onmessage?.(e);
  };
  import('./analysisWorker').then(
    ({ serveAnalysis }) => {
      serveAnalysis(scope);
      replay();
    },
    (err: unknown) => {
      const message = `the baseline's code did not load: ${err instanceof Error ? err.message : String(err)}`;
      scope.onmessage = (e: MessageEvent<ToAnalysis>) =>
        scope.postMessage({ type: 'error', gen: e.data.gen, message } satisfies FromAnalysis);
      replay();
    },
  );
} else serveTraining(scope);
