/**
 * The time-lapse pace (speed TIMELAPSE): a run starts slowly enough to see its boundary form, and its
 * pace doubles every `DOUBLING_MS`, as the loss settles and each pass changes less. Passes allowed after
 * `t` ms of playing: P(t) = A (2^(t / D) - 1). The tutorial's 20,000 passes take about 7 s.
 */
const A = 20;
const DOUBLING_MS = 700;

/** Passes the time-lapse allows after `ms` of playing. */
export function lapsePasses(ms: number): number {
  return A * (2 ** (Math.max(0, ms) / DOUBLING_MS) - 1);
}

/** Playing time at which the time-lapse allows `passes` passes (the inverse of lapsePasses). */
export function lapseTime(passes: number): number {
  return DOUBLING_MS * Math.log2(Math.max(0, passes) / A + 1);
}
