// @vitest-environment jsdom
import './helpers';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { type Config, copyConfig, DEFAULT_CONFIG } from '../../src/config/schema';
import { StoreProvider } from '../../src/state/react';
import { type AppStore, createAppStore } from '../../src/state/store';
import EquationsView from '../../src/ui/experiments/EquationsView';

function renderView(patch: Partial<Config> = {}): AppStore {
  const store = createAppStore({ config: { ...copyConfig(DEFAULT_CONFIG), ...patch } });
  render(
    <StoreProvider store={store}>
      <EquationsView />
    </StoreProvider>,
  );
  return store;
}

/** Each formula's spoken form (its aria-label) with the shape in the same row. */
function rows(): string[] {
  return [...document.querySelectorAll('table.equations tbody tr')].map(
    (tr) =>
      `${tr.querySelector('math')?.getAttribute('aria-label')} | ${tr.querySelector('td.shape')?.textContent}`,
  );
}

afterEach(cleanup);

describe('the equations', () => {
  it('are MathML with the tutorial network’s shapes', () => {
    renderView();
    const math = document.querySelectorAll('math');
    expect(math.length).toBeGreaterThan(8);
    expect(math[0]!.namespaceURI).toBe('http://www.w3.org/1998/Math/MathML');
    expect(math[0]!.querySelector('msub')?.namespaceURI).toBe('http://www.w3.org/1998/Math/MathML');
    expect(rows()).toEqual([
      'x = [x₁, x₂], the input features of each point | 200 × 2',
      'z1 = x W1 + b1 | 200 × 2 · 2 × 3 + 1 × 3 → 200 × 3',
      'a1 = tanh(z1) | 200 × 3',
      'z2 = a1 W2 + b2 | 200 × 3 · 3 × 2 + 1 × 2 → 200 × 2',
      'y hat = softmax(z2) | 200 × 2',
      'f(z) = tanh | elementwise',
      expect.stringMatching(/^L = 1\/N .* \| scalar$/),
      'delta3 = y hat minus Y, the one-hot labels | 200 × 2',
      'dW2 = a1 transposed times delta3, plus the L2 term | 3 × 2',
      'db2 = sum over rows of delta3 | 1 × 2',
      'delta2 = delta3 times W2 transposed, times f′(a1) elementwise | 200 × 2 · 2 × 3 → 200 × 3',
      'dW1 = x transposed times delta2, plus the L2 term | 2 × 3',
      'db1 = sum over rows of delta2 | 1 × 3',
      expect.stringMatching(/^W becomes W minus epsilon/),
      'the learning rate at pass t of T = 20000 | T = 20,000 passes',
    ]);
    expect(screen.getByText(/2 → 3 → 2 units, 17 parameters, trained on N = 200 rows/)).toBeTruthy();
    // The tutorial's derivative of tanh, and its regularization strength and learning rate as numbers.
    const text = document.querySelector('.equations-scroll')!.textContent!;
    expect(text).toContain('1−a2');
    expect(text).toContain('0.01');
  });

  it('brackets the sum of squared weights that λ/2 multiplies: λ/2(‖W₁‖² + ‖W₂‖² + ‖W₃‖²)', () => {
    renderView({ hidden: [4, 3], reg: 0.01 });
    const loss = [...document.querySelectorAll('math')].find((m) =>
      m.getAttribute('aria-label')?.startsWith('L = 1/N'),
    )!;
    const half = [...loss.querySelectorAll('mfrac')].find((f) => f.lastElementChild?.textContent === '2')!;
    expect(half.firstElementChild?.textContent).toBe('0.01');
    // The next term is one bracketed group holding every layer's norm, not the first norm alone.
    const group = half.nextElementSibling!;
    const text = group.textContent!.replace(/\s+/g, '');
    expect(text).toBe('(‖W1‖2+‖W2‖2+‖W3‖2)');
    expect(group.firstElementChild?.textContent).toBe('(');
    expect(group.lastElementChild?.textContent).toBe(')');
    // The loss's own bracket closes after it.
    expect(group.nextElementSibling?.textContent).toBe(')');
    expect(group.nextElementSibling?.nextElementSibling).toBeNull();
  });

  it('follow the settings live: layers, classes, test split, minibatches, activation, annealing', () => {
    const store = renderView();
    act(() =>
      store.getState().setConfig({
        ...copyConfig(DEFAULT_CONFIG),
        data: 'spiral',
        classes: 3,
        n: 300,
        test: 0.2,
        hidden: [8, 5],
        act: 'relu',
        batch: 32,
        anneal: 'exp',
      }),
    );
    const r = rows();
    expect(r).toContain('z1 = x W1 + b1 | 240 × 2 · 2 × 8 + 1 × 8 → 240 × 8');
    expect(r).toContain('z2 = a1 W2 + b2 | 240 × 8 · 8 × 5 + 1 × 5 → 240 × 5');
    expect(r).toContain('a2 = ReLU(z2) | 240 × 5');
    expect(r).toContain('y hat = softmax(z3) | 240 × 3');
    expect(r).toContain('delta4 = y hat minus Y, the one-hot labels | 32 × 3');
    expect(r).toContain(
      'delta3 = delta4 times W3 transposed, times f′(a2) elementwise | 32 × 3 · 3 × 5 → 32 × 5',
    );
    expect(r).toContain('dW1 = x transposed times delta2, plus the L2 term | 2 × 8');
    expect(screen.getByRole('table', { name: /^Backpropagation on a minibatch of 32 rows/ })).toBeTruthy();
    expect(screen.getByText(/2 → 8 → 5 → 3 units, 87 parameters/)).toBeTruthy();
    const text = document.querySelector('.equations-scroll')!.textContent!;
    expect(text).toContain('1 if z > 0, else 0');
    // Exponential annealing: 0.01 · 0.01^(t/T); the minibatch's share of the L2 term, 0.01 · 32 / 240.
    expect(text).toContain('0.01·0.01tT');
    expect(text).toContain('0.01·32240');
  });

  it('show the options that are on: input features, L1, the optimizer, regression, no hidden layer', () => {
    const store = renderView({ inputs: ['x1', 'x1sq', 'sinx2'], l1: 0.003, opt: 'adam', beta: 0.8 });
    let r = rows();
    expect(r).toContain('x = [x₁, x₁², sin x₂], the input features of each point | 200 × 3');
    expect(r).toContain('z1 = x W1 + b1 | 200 × 3 · 3 × 3 + 1 × 3 → 200 × 3');
    expect(r).toContain('dW1 = x transposed times delta2, plus the L2 term and the L1 term | 3 × 3');
    expect(r.some((x) => x.startsWith('Adam: m becomes 0.8 m plus (1 minus 0.8) g'))).toBe(true);
    expect(screen.getByRole('table', { name: /cross-entropy with L2 and L1 \(elastic net\)/ })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'The update, every layer: Adam' })).toBeTruthy();
    const text = document.querySelector('.equations-scroll')!.textContent!.replace(/\s+/g, '');
    expect(text).toContain('0.003(‖W1‖1+‖W2‖1)');

    act(() =>
      store
        .getState()
        .setConfig({ ...copyConfig(DEFAULT_CONFIG), data: 'gauss', hidden: [], opt: 'momentum' }),
    );
    r = rows();
    expect(r).toContain('y hat = z1, the one linear output | 200 × 1');
    expect(r).toContain('delta2 = y hat minus t, the targets | 200 × 1');
    expect(r.some((x) => x.startsWith('momentum: v becomes 0.9 v plus g'))).toBe(true);
    expect(
      screen.getByRole('table', { name: /^Loss: half the squared error with L2 regularization$/ }),
    ).toBeTruthy();
    expect(screen.getByText(/2 → 1 units, 3 parameters/)).toBeTruthy();
  });
});
