/** The whole page in jsdom, on a new store; `extra` renders beside it, inside the same provider. */
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { StoreProvider } from '../../src/state/react';
import { type AppStore, createAppStore, type StoreInit } from '../../src/state/store';
import { App } from '../../src/ui/App';

export function renderApp(init: StoreInit = {}, extra?: ReactNode): AppStore {
  const store = createAppStore(init);
  render(
    <StoreProvider store={store}>
      <App />
      {extra}
    </StoreProvider>,
  );
  return store;
}
