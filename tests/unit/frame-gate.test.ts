import { describe, expect, it } from 'vitest';
import { frameGate } from '../../src/state/frameGate';

/** A store stand-in and a frame clock driven by hand. */
function setup() {
  const sourceListeners = new Set<() => void>();
  const source = {
    subscribe(l: () => void) {
      sourceListeners.add(l);
      return () => sourceListeners.delete(l);
    },
  };
  const change = () => {
    for (const l of sourceListeners) l();
  };
  let queued: (() => void)[] = [];
  const frame = () => {
    const run = queued;
    queued = [];
    for (const f of run) f();
  };
  const gate = frameGate(source, (tick) => queued.push(tick));
  let calls = 0;
  const off = gate.subscribe(() => calls++);
  return { change, frame, off, calls: () => calls, sourceListeners, gate };
}

describe('the frame gate', () => {
  it('passes a change after a quiet frame on at once', () => {
    const g = setup();
    g.change();
    expect(g.calls()).toBe(1);
    g.frame();
    g.frame();
    g.change();
    expect(g.calls()).toBe(2);
  });

  it('merges the changes that come within one frame into one notification at the next frame', () => {
    const g = setup();
    for (let i = 0; i < 100; i++) g.change();
    expect(g.calls()).toBe(1);
    g.frame();
    expect(g.calls()).toBe(2);
    // Nothing more changed: the next frame is quiet and frees the gate.
    g.frame();
    expect(g.calls()).toBe(2);
    g.change();
    expect(g.calls()).toBe(3);
  });

  it('notifies once per frame during a storm, and the last change is never lost', () => {
    const g = setup();
    let frames = 0;
    for (let i = 0; i < 1000; i++) {
      g.change();
      if (i % 16 === 15) {
        g.frame();
        frames++;
      }
    }
    expect(g.calls()).toBe(frames + 1);
    g.frame();
    // The changes after the last frame of the loop arrive with the next one.
    expect(g.calls()).toBe(frames + 2);
  });

  it('subscribes to the store only while someone listens', () => {
    const g = setup();
    expect(g.sourceListeners.size).toBe(1);
    const other = g.gate.subscribe(() => {});
    expect(g.sourceListeners.size).toBe(1);
    g.off();
    other();
    expect(g.sourceListeners.size).toBe(0);
    g.change();
    expect(g.calls()).toBe(0);
  });
});
