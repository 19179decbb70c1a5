import { describe, expect, it } from 'vitest';
import { frameGate } from '../../src/state/frameGate';

interface State {
  slider: number;
  other: number;
}

/** A store stand-in and a frame clock driven by hand. */
function setup() {
  const sourceListeners = new Set<(s: State, p: State) => void>();
  let state: State = { slider: 0, other: 0 };
  const source = {
    subscribe(l: (s: State, p: State) => void) {
      sourceListeners.add(l);
      return () => sourceListeners.delete(l);
    },
  };
  const set = (patch: Partial<State>) => {
    const prev = state;
    state = { ...state, ...patch };
    for (const l of sourceListeners) l(state, prev);
  };
  let queued: (() => void)[] = [];
  const frame = () => {
    const run = queued;
    queued = [];
    for (const f of run) f();
  };
  const gate = frameGate<State>(
    source,
    (s, p) => s.slider !== p.slider,
    (tick) => queued.push(tick),
  );
  let calls = 0;
  const off = gate.subscribe(() => calls++);
  return {
    slide: () => set({ slider: state.slider + 1 }),
    other: () => set({ other: state.other + 1 }),
    frame,
    off,
    calls: () => calls,
    sourceListeners,
    gate,
  };
}

describe('the frame gate', () => {
  it('passes a slider change after a quiet frame on at once', () => {
    const g = setup();
    g.slide();
    expect(g.calls()).toBe(1);
    g.frame();
    g.frame();
    g.slide();
    expect(g.calls()).toBe(2);
  });

  it('merges the slider changes that come within one frame into one notification at the next frame', () => {
    const g = setup();
    for (let i = 0; i < 100; i++) g.slide();
    expect(g.calls()).toBe(1);
    g.frame();
    expect(g.calls()).toBe(2);
    // Nothing more changed: the next frame is quiet and frees the gate.
    g.frame();
    expect(g.calls()).toBe(2);
    g.slide();
    expect(g.calls()).toBe(3);
  });

  it('notifies once per frame during a storm, and the last change is never lost', () => {
    const g = setup();
    let frames = 0;
    for (let i = 0; i < 1000; i++) {
      g.slide();
      if (i % 16 === 15) {
        g.frame();
        frames++;
      }
    }
    // The leading change, then one per frame.
    expect(g.calls()).toBe(frames + 1);
    // The changes after the loop's last frame arrive with the next one.
    g.frame();
    expect(g.calls()).toBe(frames + 2);
  });

  it('passes other changes on at once, without using up the frame', () => {
    const g = setup();
    g.other();
    g.other();
    expect(g.calls()).toBe(2);
    g.slide();
    expect(g.calls()).toBe(3);
    g.slide();
    g.other();
    expect(g.calls()).toBe(4);
  });

  it('subscribes to the store only while someone listens', () => {
    const g = setup();
    expect(g.sourceListeners.size).toBe(1);
    const other = g.gate.subscribe(() => {});
    expect(g.sourceListeners.size).toBe(1);
    g.off();
    other();
    expect(g.sourceListeners.size).toBe(0);
    g.slide();
    expect(g.calls()).toBe(0);
  });
});
