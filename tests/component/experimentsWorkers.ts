/**
 * Test doubles for the experiments: a Worker that runs the real training loop in-process (on a
 * FakeHost clock), and a scripted Worker that records messages and answers only when told.
 */

import type { FromWorker, ToWorker } from '../../src/protocol/training';
import { TrainingLoop } from '../../src/worker/loop';
import { FakeHost } from './fakeHost';

type Handler = ((e: MessageEvent) => void) | null;

/** The training worker's loop behind a Worker's interface; `pump` runs its tasks and delivers its messages. */
export class LoopWorker {
  onmessage: Handler = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  readonly sent: ToWorker[] = [];
  private readonly host = new FakeHost();
  private readonly loop = new TrainingLoop(this.host);
  private delivered = 0;

  postMessage(msg: ToWorker): void {
    if (this.terminated) return;
    this.sent.push(msg);
    this.loop.handle(structuredClone(msg));
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Runs queued tasks and delivers what the loop posted; returns whether anything happened. */
  pump(): boolean {
    if (this.terminated) return false;
    const ran = this.host.run(20);
    let any = ran > 0;
    while (this.delivered < this.host.posted.length && !this.terminated) {
      const msg = this.host.posted[this.delivered++]!;
      this.onmessage?.({ data: msg } as MessageEvent<FromWorker>);
      any = true;
    }
    return any;
  }
}

/** Records what it is sent; the test answers with `receive`. */
export class ScriptedWorker {
  onmessage: Handler = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  readonly sent: unknown[] = [];

  postMessage(msg: unknown): void {
    this.sent.push(structuredClone(msg));
  }

  terminate(): void {
    this.terminated = true;
  }

  receive(data: unknown): void {
    this.onmessage?.({ data } as MessageEvent);
  }

  last<T>(): T {
    return this.sent[this.sent.length - 1] as T;
  }
}
