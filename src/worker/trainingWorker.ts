/**
 * The training worker's role (worker.ts): wires the training loop to the worker's globals. A
 * MessageChannel gives a zero-delay task (setTimeout(0) is clamped to 4 ms when nested), so page
 * messages are handled between time slices.
 */

import { mark } from '../protocol/timing';
import type { FromWorker, ToWorker } from '../protocol/training';
import { type Host, TrainingLoop } from './loop';

export function serveTraining(scope: DedicatedWorkerGlobalScope): void {
  const channel = new MessageChannel();
  const queue: (() => void)[] = [];
  channel.port1.onmessage = () => queue.shift()?.();

  const host: Host = {
    post: (msg: FromWorker, transfer: ArrayBuffer[]) => scope.postMessage(msg, transfer),
    now: () => performance.now(),
    soon: (fn) => {
      queue.push(fn);
      channel.port2.postMessage(null);
    },
    after: (fn, ms) => {
      setTimeout(fn, ms);
    },
    mark,
  };

  const loop = new TrainingLoop(host);

  scope.onmessage = (e: MessageEvent<ToWorker>) => {
    try {
      loop.handle(e.data);
    } catch (err) {
      host.post({ type: 'error', gen: -1, message: err instanceof Error ? err.message : String(err) }, []);
    }
  };
}
