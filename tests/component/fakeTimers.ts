/** A manual clock for the watchdog and worker channels. */
import type { WatchdogTimers } from '../../src/client/watchdog';

/** A manual clock: `advance` runs the timers that fall due, in order. */
export class FakeTimers implements WatchdogTimers {
  time = 0;
  private timers = new Map<number, { at: number; fn: () => void }>();
  private next = 1;
  now = () => this.time;
  set = (fn: () => void, ms: number) => {
    const id = this.next++;
    this.timers.set(id, { at: this.time + ms, fn });
    return id;
  };
  clear = (id: unknown) => {
    this.timers.delete(id as number);
  };
  advance(ms: number) {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at);
      const first = due[0];
      if (!first) break;
      this.timers.delete(first[0]);
      this.time = Math.max(this.time, first[1].at);
      first[1].fn();
    }
    this.time = end;
  }
  /** The page was stalled for `ms`: the clock moved, no timer could run meanwhile. */
  stall(ms: number) {
    this.time += ms;
  }
}
