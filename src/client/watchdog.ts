/**
 * Notices a worker that has gone silent (closed itself, or was killed by the browser): no `error`
 * event comes then, only silence. The client says when the worker owes it a message and when one
 * came; a debt older than the timeout means the worker is gone.
 */
import { networkSizes } from '../config/derived';
import type { Config } from '../config/schema';
import { gridSize, macsPerPoint } from '../core/gridPlan';
import type { Speed } from '../protocol/training';

/** The shortest wait for a reply: far above any message latency, short enough for a person. */
export const BASE_TIMEOUT_MS = 5000;
/** A slow device's engine speed, in multiply-adds per ms (this machine's is 10 to 30 times more). */
const SLOW_MACS_PER_MS = 1e5;
/** A check that fires this late means the page itself was stalled: wait a little more, not fail. */
const STALL_MS = 1000;

/**
 * How long the worker may take to answer: the base, plus the speed limit's gap between passes, plus
 * two passes (forward, backward, losses) and one grid evaluation at a slow device's speed. Edited points
 * (`edited`) replace the generated ones: their count and classes, not the settings', size the work.
 */
export function replyTimeout(
  config: Config,
  speed: Speed,
  aspect: number,
  edited?: { n: number; classes: number } | null,
): number {
  const sizes = networkSizes(config, edited?.classes);
  const macs = macsPerPoint(sizes);
  const { width, height } = gridSize(sizes, aspect);
  const work = 2 * 4 * (edited?.n ?? config.n) * macs + width * height * macs;
  const gap = Number.isFinite(speed) && speed > 0 ? 2000 / speed : 0;
  return BASE_TIMEOUT_MS + gap + work / SLOW_MACS_PER_MS;
}

export interface WatchdogTimers {
  now(): number;
  set(fn: () => void, ms: number): unknown;
  clear(id: unknown): void;
}

export const realTimers: WatchdogTimers = {
  now: () => performance.now(),
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
};

export class Watchdog {
  /** When the oldest unanswered request was made; null when nothing is owed. */
  private since: number | null = null;
  private timer: unknown = null;
  private due = 0;

  constructor(
    private readonly timeout: () => number,
    private readonly onSilent: () => void,
    private readonly timers: WatchdogTimers = realTimers,
  ) {}

  /** The worker owes a reply from now on; `restart` starts the clock again if one was already owed. */
  owe(restart = false): void {
    if (this.since !== null && !restart) return;
    this.since = this.timers.now();
    if (this.timer === null) this.arm(this.timeout());
  }

  /** The worker is alive and busy (it sent something, though not the reply owed). */
  alive(): void {
    if (this.since !== null) this.since = this.timers.now();
  }

  /** The reply came. */
  paid(): void {
    this.since = null;
    this.disarm();
  }

  stop(): void {
    this.paid();
  }

  private arm(ms: number): void {
    this.due = this.timers.now() + ms;
    this.timer = this.timers.set(() => this.check(), ms);
  }

  private disarm(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }

  private check(): void {
    this.timer = null;
    if (this.since === null) return;
    const t = this.timers.now();
    // Late by a lot: the page was busy, and the reply may be queued behind this very check.
    if (t - this.due > STALL_MS) {
      this.arm(STALL_MS);
      return;
    }
    const left = this.since + this.timeout() - t;
    if (left > 0) {
      this.arm(left);
      return;
    }
    this.since = null;
    this.onSilent();
  }
}
