/**
 * The one worker script, in one of two roles: the training worker, or, when started with the name
 * ANALYSIS_WORKER_NAME, the analysis worker (the logistic-regression baseline). Each role runs in a
 * worker of its own with its own message protocol; one script rather than two only ships the core code
 * both use (grid, fast maths, grid plan) once.
 */
import { ANALYSIS_WORKER_NAME } from '../protocol/analysis';
import { serveAnalysis } from './analysisWorker';
import { serveTraining } from './trainingWorker';

const scope = self as unknown as DedicatedWorkerGlobalScope;
if (scope.name === ANALYSIS_WORKER_NAME) serveAnalysis(scope);
else serveTraining(scope);
