// @vitest-environment jsdom
import './helpers';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { INPUTS } from '../../src/config/schema';
import { decodeConfig } from '../../src/config/url';
import { initParams } from '../../src/core/network';
import { RandomState } from '../../src/core/rng';
import { StoreProvider } from '../../src/state/react';
import { createAppStore } from '../../src/state/store';
import { startUrlSync } from '../../src/state/urlSync';
import InsidePanel from '../../src/ui/inside/InsidePanel';
import { makeSnapshot } from './helpers';

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  cleanup();
});

/** The inside panel on a store that writes the link at once, showing the tutorial's [2, 3, 2] network. */
function setup() {
  window.history.replaceState(null, '', '/');
  const store = createAppStore();
  store.getState().connect({
    training: {
      step: () => Promise.resolve(null),
      weights: () => Promise.reject(new Error('not asked')),
      setWeight: () => undefined,
    },
  });
  const sync = startUrlSync(store, window, 0);
  stops.push(() => sync.stop());
  const weights = initParams([2, 3, 2], 'tanh', new RandomState(0));
  act(() => {
    store.getState().applySnapshot(makeSnapshot(0, 0, { weights, params: 17, state: 'paused' }));
  });
  render(
    <StoreProvider store={store}>
      <InsidePanel />
    </StoreProvider>,
  );
  const diagram = within(screen.getByRole('group', { name: 'Network diagram' }));
  const toggle = (label: string) => diagram.getByRole('button', { name: `input ${label}` });
  const pressed = () =>
    INPUTS.options.filter((f) => toggle(INPUTS.optionLabels[f]).getAttribute('aria-pressed') === 'true');
  const linked = () => decodeConfig(window.location.search).config.inputs;
  return { store, toggle, pressed, linked };
}

describe("the diagram's input toggles", () => {
  it('shows every feature, the network’s inputs pressed', () => {
    const { pressed, toggle } = setup();
    expect(pressed()).toEqual(['x1', 'x2']);
    for (const f of INPUTS.options) expect(toggle(INPUTS.optionLabels[f]).tabIndex).toBe(0);
  });

  it('turns an input on and off in the configuration and the link', async () => {
    const { store, toggle, pressed, linked } = setup();
    fireEvent.click(toggle('x₁²'));
    expect(store.getState().config.inputs).toEqual(['x1', 'x2', 'x1sq']);
    expect(pressed()).toEqual(['x1', 'x2', 'x1sq']);
    await waitFor(() => expect(linked()).toEqual(['x1', 'x2', 'x1sq']));
    fireEvent.click(toggle('x₁'));
    expect(store.getState().config.inputs).toEqual(['x2', 'x1sq']);
    await waitFor(() => expect(pressed()).toEqual(['x2', 'x1sq']));
    await waitFor(() => expect(linked()).toEqual(['x2', 'x1sq']));
  });

  it('toggles from the keyboard with Enter and Space', () => {
    const { store, toggle } = setup();
    fireEvent.keyDown(toggle('sin x₂'), { key: 'Enter' });
    expect(store.getState().config.inputs).toEqual(['x1', 'x2', 'sinx2']);
    fireEvent.keyDown(toggle('sin x₂'), { key: ' ' });
    expect(store.getState().config.inputs).toEqual(['x1', 'x2']);
    fireEvent.keyDown(toggle('sin x₂'), { key: 'a' });
    expect(store.getState().config.inputs).toEqual(['x1', 'x2']);
  });

  it('cannot turn off the last input', async () => {
    const { store, toggle, pressed } = setup();
    expect(toggle('x₂').getAttribute('aria-disabled')).toBeNull();
    fireEvent.click(toggle('x₁'));
    expect(store.getState().config.inputs).toEqual(['x2']);
    expect(toggle('x₂').getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(toggle('x₂'));
    fireEvent.keyDown(toggle('x₂'), { key: 'Enter' });
    expect(store.getState().config.inputs).toEqual(['x2']);
    expect(pressed()).toEqual(['x2']);
    // Another input on frees it again (configuration changes render once per animation frame).
    fireEvent.click(toggle('x₁x₂'));
    await waitFor(() => expect(toggle('x₂').getAttribute('aria-disabled')).toBeNull());
    expect(pressed()).toEqual(['x2', 'x1x2']);
  });
});
