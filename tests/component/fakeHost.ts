/** A test double for the worker host: a manual clock and task queue, and the posted messages. */

import type { FromWorker, Snapshot } from '../../src/protocol/training';
import type { Host } from '../../src/worker/loop';

export class FakeHost implements Host {
  time = 0;
  posted: FromWorker[] = [];
  private tasks: (() => void)[] = [];
  private timers: { at: number; fn: () => void }[] = [];
  /** Clock advance per now() call, so time slices end. */
  tickPerCall = 0.01;

  post = (msg: FromWorker) => {
    this.posted.push(msg);
  };
  now = () => {
    this.time += this.tickPerCall;
    return this.time;
  };
  soon = (fn: () => void) => {
    this.tasks.push(fn);
  };
  after = (fn: () => void, ms: number) => {
    this.timers.push({ at: this.time + ms, fn });
  };

  /** Runs queued tasks (and due timers) until none is left or `max` ran. */
  run(max = 1000): number {
    let ran = 0;
    while (ran < max) {
      const fn = this.tasks.shift();
      if (fn) {
        fn();
        ran++;
        continue;
      }
      this.timers.sort((a, b) => a.at - b.at);
      const t = this.timers.shift();
      if (!t) break;
      this.time = Math.max(this.time, t.at);
      t.fn();
      ran++;
    }
    return ran;
  }

  get pendingTasks(): number {
    return this.tasks.length;
  }

  snapshots(): Snapshot[] {
    return this.posted.filter((m): m is Snapshot => m.type === 'snapshot');
  }

  lastSnapshot(): Snapshot {
    const s = this.snapshots();
    const last = s[s.length - 1];
    if (!last) throw new Error('no snapshot');
    return last;
  }
}
