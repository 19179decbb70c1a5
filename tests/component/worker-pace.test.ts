/**
 * The worker's pace as a person sees it: a simulated page acks each snapshot one frame after it arrives,
 * and the test reads the pass count the page would show over simulated time.
 */
import { describe, expect, it } from 'vitest';
import { type Config, copyConfig, DEFAULT_CONFIG } from '../../src/config/schema';
import { type Snapshot, type Speed, TIMELAPSE } from '../../src/protocol/training';
import { TrainingLoop } from '../../src/worker/loop';
import { lapsePasses, lapseTime } from '../../src/worker/pace';
import { FakeHost } from './fakeHost';

const FRAME_MS = 16;

/** A loop whose snapshots a page acks one frame later; `shown(t)` is the last snapshot before time t. */
function page(speed: Speed, patch: Partial<Config> = {}) {
  const host = new FakeHost();
  const loop = new TrainingLoop(host);
  const seen: { at: number; snap: Snapshot }[] = [];
  const post = host.post;
  host.post = (msg) => {
    post(msg);
    if (msg.type !== 'snapshot') return;
    seen.push({ at: host.time, snap: msg });
    host.after(() => loop.handle({ type: 'ack', gen: msg.gen, seq: msg.seq }), FRAME_MS);
  };
  const configure = (gen: number) =>
    loop.handle({
      type: 'config',
      gen,
      config: { ...copyConfig(DEFAULT_CONFIG), ...patch },
      data: null,
      playing: true,
      speed,
      aspect: 1.5,
      box: null,
      inspect: { unit: null, hidden: null },
    });
  configure(1);
  const until = (ms: number) => {
    while (host.time < ms && host.run(1) > 0) {}
  };
  const shown = (t: number) => [...seen].reverse().find((s) => s.at <= t)?.snap ?? null;
  return { host, loop, seen, until, shown, configure };
}

describe('the pace of training', () => {
  it.each([1, 10, 100])('at %i passes/s the pass count grows every second, after a reset too', (speed) => {
    const p = page(speed);
    p.until(1200);
    // Reset: a new generation of the same configuration.
    p.configure(2);
    const t0 = p.host.time;
    p.until(t0 + 2500);
    for (let s = 1; s <= 2; s++) {
      const before = p.shown(t0 + (s - 1) * 1000 + 500)!;
      const after = p.shown(t0 + s * 1000 + 500)!;
      expect(after.gen).toBe(2);
      expect(after.pass).toBeGreaterThan(before.gen === 2 ? before.pass : -1);
      expect(after.pass).toBeLessThanOrEqual(Math.ceil(speed * (s + 0.5)) + 1);
    }
  });

  it('sends a snapshot for every pass at 10 passes/s, one frame or so after it', () => {
    const p = page(10);
    p.until(3000);
    const gaps = p.seen.slice(1).map((s, i) => s.at - p.seen[i]!.at);
    expect(Math.max(...gaps)).toBeLessThan(150);
    expect(p.seen.at(-1)!.snap.pass).toBeGreaterThanOrEqual(28);
  });

  it("plays the tutorial's run as a time-lapse: slow at first, to its end in 5 to 10 s", () => {
    const p = page(TIMELAPSE);
    p.until(1000);
    const first = p.shown(1000)!.pass;
    expect(first).toBeGreaterThan(5);
    expect(first).toBeLessThan(100);
    // Several pictures in the first second: the boundary can be seen forming.
    expect(p.seen.filter((s) => s.at <= 1000).length).toBeGreaterThan(10);
    p.until(12000);
    const end = p.seen.find((s) => s.snap.state === 'finished');
    expect(end).toBeDefined();
    expect(end!.at).toBeGreaterThan(5000);
    expect(end!.at).toBeLessThan(10000);
  });

  it('goes on after a pause at the pace it had, not from the start', () => {
    const p = page(TIMELAPSE);
    p.until(4000);
    p.loop.handle({ type: 'play', gen: 1, playing: false });
    p.until(6000);
    const paused = p.seen.at(-1)!.snap.pass;
    p.loop.handle({ type: 'play', gen: 1, playing: true });
    const t = p.host.time;
    p.until(t + 500);
    const gained = p.shown(t + 500)!.pass - paused;
    // The pace at `paused` passes, give or take: far more than the run's first half second allows.
    const expected = lapsePasses(lapseTime(paused) + 500) - paused;
    expect(gained).toBeGreaterThan(expected * 0.5);
    expect(gained).toBeGreaterThan(10 * lapsePasses(500));
  });
});
