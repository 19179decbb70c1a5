/**
 * Session.advance against a deadline: it reads the clock every few passes when passes are short (a
 * read costs as much as a twentieth of a small pass in a browser's worker), yet stops within a
 * bounded overshoot; long passes are checked one by one. The clocks here are driven by the passes
 * done, so the test knows the true time at every pass.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { Session } from '../../src/worker/session';

function session(): Session {
  return new Session(1, { ...DEFAULT_CONFIG, passes: 1_000_000 }, 1);
}

/** A clock at `msPerPass` per pass done, read in steps of `resolution` ms; counts its reads. */
function passClock(s: Session, msPerPass: number, resolution = 0) {
  const clock = {
    reads: 0,
    exact: () => s.pass * msPerPass,
    now: () => {
      clock.reads++;
      const t = clock.exact();
      return resolution > 0 ? Math.floor(t / resolution) * resolution : t;
    },
  };
  return clock;
}

describe('Session.advance against a deadline', () => {
  it.each([
    ['an exact clock', 0],
    ['a coarse clock (0.1 ms steps)', 0.1],
  ])(
    'with %s, reads it about once in 16 short passes and overshoots by at most 16 of them',
    (_, resolution) => {
      const s = session();
      const clock = passClock(s, 0.004, resolution);
      const done = s.advance(Number.POSITIVE_INFINITY, 6, clock.now);
      expect(done).toBeGreaterThanOrEqual(1500);
      expect(done).toBeLessThanOrEqual(1500 + 16);
      expect(clock.reads).toBeLessThan(done / 10);
    },
  );

  it('checks long passes one by one: it stops at the first pass that reaches the deadline', () => {
    const s = session();
    const clock = passClock(s, 0.5);
    expect(s.advance(Number.POSITIVE_INFINITY, 6, clock.now)).toBe(12);
    expect(clock.reads).toBe(13);
  });

  it('stops at maxPasses whatever the clock', () => {
    const s = session();
    const clock = passClock(s, 0.004);
    expect(s.advance(37, Number.POSITIVE_INFINITY, clock.now)).toBe(37);
  });
});
