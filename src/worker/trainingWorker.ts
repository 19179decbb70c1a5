/**
 * The training worker's role (worker.ts): wires the training loop to the worker's globals. A
 * MessageChannel gives a zero-delay task (setTimeout(0) is clamped to 4 ms when nested), so page
 * messages are handled between time slices. The engine loads first (engine.ts); messages that come
 * meanwhile wait for it, in order.
 */

import { mark } from '../protocol/timing';
import type { FromWorker, ToWorker } from '../protocol/training';
import { loadBackend } from './engine';
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

  let loop: TrainingLoop | null = null;
  const waiting: ToWorker[] = [];
  const handle = (msg: ToWorker) => {
    try {
      loop?.handle(msg);
    } catch (err) {
      host.post({ type: 'error', gen: -1, message: err instanceof Error ? err.message : String(err) }, []);
    }
  };
  scope.onmessage = (e: MessageEvent<ToWorker>) => {
    if (loop) handle(e.data);
    else waiting.push(e.data);
  };
  void loadBackend((message) => console.warn(message)).then((backend) => {
    host.backend = backend;
    loop = new TrainingLoop(host);
    for (const msg of waiting.splice(0)) handle(msg);
  });
}
