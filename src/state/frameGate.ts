/**
 * Store notifications for the page's components, at most one per animation frame while changes come
 * faster than frames (a slider storm: hundreds of input events a second, each a new configuration).
 *
 * The store itself takes every change at once (the worker client and URL sync see each one); only the
 * re-rendering is gated. A change after a quiet frame is passed on at once (leading edge), so a single
 * click or key press renders as before; changes within the same frame are merged into one notification
 * at the next frame. Each notification carries no value: listeners read the store's latest state.
 */
export interface FrameGate {
  subscribe(listener: () => void): () => void;
}

interface Source {
  subscribe(listener: () => void): () => void;
}

/** `schedule` runs a callback before the next frame is drawn (requestAnimationFrame). */
export function frameGate(source: Source, schedule: (tick: () => void) => void): FrameGate {
  const listeners = new Set<() => void>();
  let unsubscribe: (() => void) | null = null;
  // busy: a notification went out since the last frame; pending: a change is waiting for the next one.
  let busy = false;
  let pending = false;
  const notify = () => {
    for (const l of [...listeners]) l();
  };
  const tick = () => {
    if (pending) {
      pending = false;
      notify();
      // The frame just used stays busy, so a storm renders once per frame, not twice.
      schedule(tick);
    } else busy = false;
  };
  const onChange = () => {
    if (busy) {
      pending = true;
      return;
    }
    busy = true;
    notify();
    schedule(tick);
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      unsubscribe ??= source.subscribe(onChange);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && unsubscribe) {
          unsubscribe();
          unsubscribe = null;
          pending = false;
        }
      };
    },
  };
}
