/**
 * Store notifications for the page's components, at most one per animation frame for the changes that
 * can come faster than frames: a slider storm is hundreds of input events a second, each a new
 * configuration.
 *
 * The store itself takes every change at once (the worker client and URL sync see each one); only the
 * re-rendering is paced. A paced change after a quiet frame is passed on at once (leading edge), so a
 * single drag step or key press renders as before; paced changes within the same frame are merged into
 * one notification at the next frame. Other changes (a snapshot, a notice, a button) are passed on at
 * once and do not use up the frame. Notifications carry no value: listeners read the latest state.
 */
export interface FrameGate {
  subscribe(listener: () => void): () => void;
}

interface Source<S> {
  subscribe(listener: (state: S, prev: S) => void): () => void;
}

/**
 * `paced(state, prev)`: whether a change is one of those to pace. `schedule` runs a callback before the
 * next frame is drawn (requestAnimationFrame).
 */
export function frameGate<S>(
  source: Source<S>,
  paced: (state: S, prev: S) => boolean,
  schedule: (tick: () => void) => void,
): FrameGate {
  const listeners = new Set<() => void>();
  let unsubscribe: (() => void) | null = null;
  // busy: a paced change went out since the last frame; pending: one is waiting for the next frame.
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
  const onChange = (state: S, prev: S) => {
    if (!paced(state, prev)) notify();
    else if (busy) pending = true;
    else {
      busy = true;
      notify();
      schedule(tick);
    }
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
