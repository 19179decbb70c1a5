// @vitest-environment jsdom
import './helpers';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { copyConfig, DEFAULT_CONFIG, isValidConfig } from '../../src/config/schema';
import { decodeConfig } from '../../src/config/url';
import { createRun } from '../../src/core/run';
import { StoreProvider } from '../../src/state/react';
import { type AppStore, createAppStore } from '../../src/state/store';
import ExercisesView from '../../src/ui/experiments/ExercisesView';
import { EXERCISES, presetConfig } from '../../src/ui/experiments/exercises';

function renderView(): AppStore {
  const store = createAppStore({ view: 'exercises' });
  render(
    <StoreProvider store={store}>
      <ExercisesView />
    </StoreProvider>,
  );
  return store;
}

afterEach(cleanup);

describe('the exercises', () => {
  it('are the tutorial’s five and two of TensorFlow Playground’s, each with an explanation, its setting and presets', () => {
    renderView();
    const cards = screen.getAllByRole('article');
    expect(cards.map((c) => within(c).getByRole('heading').textContent)).toEqual([
      '1. Minibatch gradient descent',
      '2. Learning-rate annealing',
      '3. Other activation functions',
      '4. Three classes',
      '5. Two hidden layers',
      '6. Feature crosses',
      '7. L1 regularization',
    ]);
    for (const card of cards) {
      expect(within(card).getByText(/^Setting:/)).toBeTruthy();
      expect(within(card).getAllByRole('link').length).toBeGreaterThan(0);
    }
  });

  it('have presets that are valid configurations doing what the exercise asks', () => {
    const byId = Object.fromEntries(EXERCISES.map((e) => [e.id, e.presets.map(presetConfig)]));
    for (const configs of Object.values(byId)) for (const c of configs) expect(isValidConfig(c)).toBe(true);
    expect(byId.minibatch![0]!.batch).toBeGreaterThan(0);
    expect(byId.annealing![0]!.anneal).not.toBe('none');
    expect(byId.activations!.map((c) => c.act)).toEqual(['relu', 'sigmoid']);
    expect(byId.classes!.map((c) => [c.data, c.classes])).toEqual([
      ['blobs', 3],
      ['spiral', 3],
    ]);
    expect(byId.layers!.map((c) => c.hidden.length)).toEqual([1, 2]);
    expect(byId.crosses!.map((c) => [c.hidden.length, c.inputs.join()])).toEqual([
      [0, 'x1,x2'],
      [0, 'x1sq,x2sq'],
    ]);
    expect(byId.l1!.map((c) => c.l1)).toEqual([0, 0.2]);
  });

  it('teach what they say: crosses separate the circles with no hidden layer; L1 leaves weights at about 0', () => {
    const trained = (id: string) =>
      EXERCISES.find((e) => e.id === id)!.presets.map((p) => {
        const run = createRun(presetConfig(p));
        for (let i = 0; i < run.config.passes; i++) run.trainer.step();
        return run.trainer;
      });
    const [plain, crossed] = trained('crosses');
    expect(plain!.accuracy()).toBeLessThan(0.6);
    expect(crossed!.accuracy()).toBeGreaterThan(0.98);
    const [l2, l1] = trained('l1');
    const nearZero = (t: typeof l2) =>
      t!.params.W.flatMap((w) => Array.from(w)).filter((v) => Math.abs(v) < 0.01);
    expect(nearZero(l2)).toHaveLength(0);
    expect(nearZero(l1).length).toBeGreaterThan(30);
    expect(l1!.accuracy()).toBeGreaterThan(0.95);
  });

  it('link each preset to its configuration and load it into the playground on click', () => {
    const store = renderView();
    const link = screen.getByRole('link', { name: 'Spiral, two layers of 20' });
    const { config, messages } = decodeConfig(link.getAttribute('href')!);
    expect(messages).toEqual([]);
    expect(config).toMatchObject({ data: 'spiral', classes: 3, hidden: [20, 20] });
    fireEvent.click(link);
    expect(store.getState().config).toEqual(config);
    expect(store.getState().view).toBe('playground');
    fireEvent.click(screen.getByRole('link', { name: 'Batches of 20' }));
    expect(store.getState().config).toEqual({ ...copyConfig(DEFAULT_CONFIG), batch: 20, passes: 2000 });
  });
});
