/** The React binding of the store: a provider and `useStore(selector)`, one selector per field. */
import { createContext, type ReactNode, useContext } from 'react';
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
