/** The React binding of the store: a provider and `useStore(selector)`, one selector per field. */
import { createContext, type ReactNode, useCallback, useContext, useRef, useSyncExternalStore } from 'react';
import { useStore as useZustand } from 'zustand';
import type { AppState, AppStore } from './store';

const StoreContext = createContext<AppStore | null>(null);

export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore outside StoreProvider');
  return store;
}

export function useStore<T>(selector: (s: AppState) => T): T {
  return useZustand(useStoreApi(), selector);
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
