// @vitest-environment jsdom
import './helpers';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initParams } from '../../src/core/network';
import { RandomState } from '../../src/core/rng';
import type { WeightRef } from '../../src/protocol/weightRef';
import { StoreProvider } from '../../src/state/react';
import { createAppStore } from '../../src/state/store';
import { CopyLink } from '../../src/ui/CopyLink';
import InsidePanel from '../../src/ui/inside/InsidePanel';
import { diagramLayout } from '../../src/ui/inside/NetworkDiagram';
import { StatusLine } from '../../src/ui/StatusLine';
import { makeSnapshot } from './helpers';

afterEach(cleanup);

const SIZES = [2, 3, 2];

/** The page's inside panel, status and link on a store with a snapshot of the tutorial's network. */
function setup(value = 0.1 + 0.2) {
  const store = createAppStore();
  const sent: { gen: number; ref: WeightRef; value: number }[] = [];
  store.getState().connect({
    training: {
      step: () => Promise.resolve(null),
      weights: () => Promise.reject(new Error('not asked')),
      setWeight: (gen, ref, v) => sent.push({ gen, ref, value: v }),
    },
  });
  const weights = initParams(SIZES, 'tanh', new RandomState(0));
  // input x to hidden unit 2
  weights.W[0]![1] = value;
  store.getState().applySnapshot(makeSnapshot(0, 0, { weights, params: 17, state: 'paused' }));
  render(
    <StoreProvider store={store}>
      <StatusLine />
      <CopyLink />
      <InsidePanel />
    </StoreProvider>,
  );
  return { store, sent };
}

/** Clicks the diagram a third of the way along the link from input x to hidden unit 2 (not where links cross). */
function clickLink() {
  // The diagram's nodes take the plot's shape (the store's aspect, 1.5, as the panel rounds it), and its
  // input column has a row for every feature.
  const { layers, width, height } = diagramLayout(SIZES, 1.5, ['x1', 'x2'], true);
  const svg = screen.getByRole('group', { name: 'Network diagram' });
  vi.spyOn(svg, 'getBoundingClientRect').mockReturnValue(DOMRect.fromRect({ x: 0, y: 0, width, height }));
  const [a, b] = layers as [(typeof layers)[0], (typeof layers)[0]];
  const t = 0.35;
  fireEvent.click(svg, { clientX: a.x + t * (b.x - a.x), clientY: a.ys[0]! + t * (b.ys[1]! - a.ys[0]!) + 2 });
}

function submit() {
  const input = screen.getByRole('textbox', { name: 'New weight' });
  fireEvent.submit(input.closest('form')!);
}

describe('weights by hand', () => {
  it('shows the exact value of the link clicked, and sets a typed weight on the running network', () => {
    const { store, sent } = setup();
    clickLink();
    const dialog = screen.getByRole('dialog', { name: 'Weight from input x₁ to hidden 1, unit 2' });
    // Every digit of the float64, not a rounded display.
    expect(within(dialog).getByTestId('weight-now').textContent).toContain('0.30000000000000004');
    const input = within(dialog).getByRole('textbox', { name: 'New weight' }) as HTMLInputElement;
    expect(input.value).toBe('0.30000000000000004');
    expect(document.activeElement).toBe(input);
    expect(screen.getByTestId('status').textContent).not.toContain('edited by hand');

    fireEvent.change(input, { target: { value: ' −1.25e-1 ' } });
    submit();
    expect(sent).toEqual([{ gen: 0, ref: { layer: 0, from: 0, to: 1 }, value: -0.125 }]);
    expect(store.getState().handEdited).toBe(0);
    expect(screen.getByTestId('status').textContent).toContain('weights edited by hand');
    expect(screen.getByText(/does not keep weights edited by hand/)).toBeTruthy();
    expect(screen.getByText('Set to -0.125. Training goes on from there.')).toBeTruthy();

    // A new run (a reset or another setting) is no longer edited.
    act(() => store.getState().reset());
    expect(screen.getByTestId('status').textContent).not.toContain('edited by hand');
    expect(screen.queryByText(/does not keep weights/)).toBeNull();
  });

  it('rejects bad input with a clear message and changes nothing', () => {
    const { store, sent } = setup();
    clickLink();
    const input = screen.getByRole('textbox', { name: 'New weight' });
    const cases: [string, RegExp][] = [
      ['abc', /“abc” is not a number/],
      ['', /Type a number/],
      ['0,5', /use a point for decimals, as in 0\.5/],
      ['1e5', /too large: a weight by hand goes from −1000 to 1000/],
      ['Infinity', /is not a number/],
      ['0x10', /is not a number/],
      ['1 2', /is not a number/],
    ];
    for (const [text, message] of cases) {
      fireEvent.change(input, { target: { value: text } });
      submit();
      expect(screen.getByRole('dialog').querySelector('.weight-error')?.textContent).toMatch(message);
      expect(input.getAttribute('aria-invalid')).toBe('true');
    }
    expect(sent).toEqual([]);
    expect(store.getState().handEdited).toBeNull();
  });

  it('opens from the keyboard, picks any link from its lists and closes with Escape', () => {
    const { sent } = setup();
    const open = screen.getByRole('button', { name: 'Edit a weight' });
    fireEvent.click(open);
    // The first link into the unit looked at (hidden 1, unit 1).
    const dialog = screen.getByRole('dialog', { name: 'Weight from input x₁ to hidden 1, unit 1' });
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'From' }), { target: { value: '1:2' } });
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'To' }), { target: { value: '2:1' } });
    expect(screen.getByRole('dialog').getAttribute('aria-labelledby')).toBeTruthy();
    expect(
      screen.getByRole('heading', { name: 'Weight from hidden 1, unit 3 to output, class 1' }),
    ).toBeTruthy();
    const input = screen.getByRole('textbox', { name: 'New weight' });
    fireEvent.change(input, { target: { value: '2' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(sent).toEqual([]);
    expect(document.activeElement).toBe(open);
  });

  it('says that a run that ended shows the edit but trains no further', () => {
    const { store, sent } = setup();
    act(() => {
      store
        .getState()
        .applySnapshot(makeSnapshot(0, 1, { state: 'finished', weights: store.getState().frame!.weights }));
    });
    clickLink();
    fireEvent.change(screen.getByRole('textbox', { name: 'New weight' }), { target: { value: '3' } });
    submit();
    expect(sent).toHaveLength(1);
    expect(
      screen.getByText('Set to 3. The run has ended: it shows the edited network, and trains no further.'),
    ).toBeTruthy();
  });

  it('does not edit a run that diverged', () => {
    const { store, sent } = setup();
    act(() => {
      store
        .getState()
        .applySnapshot(makeSnapshot(0, 1, { state: 'diverged', weights: store.getState().frame!.weights }));
    });
    clickLink();
    fireEvent.change(screen.getByRole('textbox', { name: 'New weight' }), { target: { value: '1' } });
    submit();
    expect(screen.getByText('This run diverged: reset it, then edit its weights.')).toBeTruthy();
    expect(sent).toEqual([]);
  });
});
