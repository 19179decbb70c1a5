/**
 * The React binding of the store: a provider and `useStore(selector)`, one selector per field.
 * Slider-driven changes (the configuration, the speed) re-render the components at most once per
 * animation frame (frameGate); code outside React (worker client, URL sync, canvases) subscribes to the
 * store itself and sees every change.
 */
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useSyncExternalStore,
} from 'react';
import { type FrameGate, frameGate } from './frameGate';
import type { AppState, AppStore } from './store';

interface Binding {
  store: AppStore;
  gate: FrameGate;
}

const StoreContext = createContext<Binding | null>(null);

const nextFrame = (tick: () => void) => {
  requestAnimationFrame(tick);
};

/** The parts of the state a slider sets, which can change hundreds of times a second. */
const sliderDriven = (s: AppState, prev: AppState) => s.config !== prev.config || s.speed !== prev.speed;

export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  const binding = useMemo(() => ({ store, gate: frameGate(store, sliderDriven, nextFrame) }), [store]);
  return <StoreContext.Provider value={binding}>{children}</StoreContext.Provider>;
}

function useBinding(): Binding {
  const binding = useContext(StoreContext);
  if (!binding) throw new Error('useStore outside StoreProvider');
  return binding;
}

export function useStoreApi(): AppStore {
  return useBinding().store;
}

/** The selected value; `selector` must return the same object while its part of the state is unchanged. */
export function useStore<T>(selector: (s: AppState) => T): T {
  const { store, gate } = useBinding();
  const get = () => selector(store.getState());
  return useSyncExternalStore(gate.subscribe, get, get);
}

/**
 * Like useStore, but re-renders at most once per `ms` (the latest value always arrives): for text
 * that would otherwise change with every snapshot, faster than anyone can read it. Changes of other
 * parts of the state neither re-render nor use up the interval.
 */
export function useStoreThrottled<T>(selector: (s: AppState) => T, ms: number): T {
  const store = useStoreApi();
  const selectorRef = useRef(selector);
  selectorRef.current = selector;
  const subscribe = useCallback(
    (notify: () => void) => {
      let timer: ReturnType<typeof setTimeout> | null = null;
      let last = Number.NEGATIVE_INFINITY;
      let seen = selectorRef.current(store.getState());
      const fire = () => {
        timer = null;
        last = performance.now();
        notify();
      };
      const unsubscribe = store.subscribe((state) => {
        const value = selectorRef.current(state);
        if (Object.is(value, seen)) return;
        seen = value;
        if (timer !== null) return;
        const wait = last + ms - performance.now();
        if (wait <= 0) fire();
        else timer = setTimeout(fire, wait);
      });
      return () => {
        unsubscribe();
        if (timer !== null) clearTimeout(timer);
      };
    },
    [store, ms],
  );
  const get = () => selector(store.getState());
  return useSyncExternalStore(subscribe, get, get);
}
