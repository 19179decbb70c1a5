// @vitest-environment jsdom
import './helpers';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StoreProvider, useStoreThrottled } from '../../src/state/react';
import { createAppStore } from '../../src/state/store';
import { makeSnapshot } from './helpers';

function Pass() {
  const pass = useStoreThrottled((s) => s.frame?.pass ?? 0, 100);
  return <p data-testid="pass">{pass}</p>;
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('throttled store reads', () => {
  it('are not held back by changes of other parts of the state', () => {
    vi.useFakeTimers();
    const store = createAppStore();
    render(
      <StoreProvider store={store}>
        <Pass />
      </StoreProvider>,
    );
    act(() => {
      store.getState().setInspect({ unit: { layer: 1, unit: 0 }, hidden: null });
      store.getState().setBrush(1);
      store.getState().applySnapshot(makeSnapshot(0, 0, { pass: 42 }));
    });
    expect(screen.getByTestId('pass').textContent).toBe('42');
    act(() => {
      store.getState().applySnapshot(makeSnapshot(0, 1, { pass: 43 }));
    });
    expect(screen.getByTestId('pass').textContent).toBe('42');
    act(() => {
      vi.advanceTimersByTime(100);
    });
    expect(screen.getByTestId('pass').textContent).toBe('43');
  });
});
