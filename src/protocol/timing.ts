/**
 * Timing marks for benchmarks and browser tests, through the Performance API (page and worker alike):
 * `nn:config` (the page posts a new generation), `nn:paint` (the plot drew a snapshot), `nn:snapshot`
 * and `nn:pps` (in the worker). Only the latest entry of each name stays in the timeline, so memory
 * stays bounded however long the page runs; a PerformanceObserver still receives every entry.
 * Nothing in the app reads them back.
 */

export type MarkName = 'nn:config' | 'nn:paint' | 'nn:snapshot' | 'nn:pps';

/** Records `name` now, or as a span from `start` (a performance.now() time) to now. */
export function mark(name: MarkName, detail: Record<string, number>, start?: number): void {
  const perf = globalThis.performance;
  if (typeof perf?.mark !== 'function') return;
  try {
    if (start === undefined) {
      perf.clearMarks(name);
      perf.mark(name, { detail });
    } else {
      perf.clearMeasures(name);
      perf.measure(name, { start, detail });
    }
  } catch {
    // Timing is optional; an environment without User Timing Level 3 simply records nothing.
  }
}
