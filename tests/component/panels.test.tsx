// @vitest-environment jsdom
import './helpers';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ENUM_FIELDS, HIDDEN, NUMBER_FIELDS } from '../../src/config/schema';
import { useStore } from '../../src/state/react';
import { initFromQuery } from '../../src/state/urlSync';
import { hiddenScale, SCALES } from '../../src/ui/sliderScales';
import { makeSnapshot } from './helpers';
import { renderApp } from './renderApp';

/** Shows the first hidden layer's size, and records each render. */
/**
 * Records each new value drawn. A render with the value already drawn is left out: React may render a
 * subtree again with unchanged state (a lazy panel's chunk arriving retries the render), which draws
 * nothing new.
 */
function Units({ renders }: { renders: number[] }) {
  const units = useStore((s) => s.config.hidden[0]!);
  if (renders[renders.length - 1] !== units) renders.push(units);
  return <p data-testid="units">{units}</p>;
}

const slider = (name: string) => screen.getByRole('slider', { name }) as HTMLInputElement;

afterEach(cleanup);

describe('the panels', () => {
  it('have a control, named by its visible label, for every setting of the schema', () => {
    renderApp();
    for (const key of ['n', 'noise', 'classes', 'test', 'lr', 'reg', 'batch', 'passes'] as const) {
      const s = slider(NUMBER_FIELDS[key].label);
      expect(s.labels?.[0]?.textContent).toBe(NUMBER_FIELDS[key].label);
    }
    expect(screen.getByRole('spinbutton', { name: NUMBER_FIELDS.seed.label })).toBeTruthy();
    for (const f of Object.values(ENUM_FIELDS))
      expect(screen.getByRole('combobox', { name: f.label })).toBeTruthy();
    expect(slider('Hidden layer size')).toBeTruthy();
    expect(slider('Speed')).toBeTruthy();
    for (const name of ['New seed', 'Add layer', 'Remove layer', 'Pause', 'Step', 'Reset', 'Copy link']) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
    expect(screen.getByRole('checkbox', { name: 'Log scale' })).toBeTruthy();
  });

  it('show the tutorial configuration as values screen readers hear', () => {
    renderApp();
    expect(slider('Learning rate').getAttribute('aria-valuetext')).toBe('0.01');
    expect(slider('Regularization').getAttribute('aria-valuetext')).toBe('0.01');
    expect(slider('Hidden layer size').getAttribute('aria-valuetext')).toBe('3 units');
    expect(slider('Number of points').getAttribute('aria-valuetext')).toBe('200');
    expect(slider('Batch size').getAttribute('aria-valuetext')).toBe('full batch');
    expect(slider('Passes').getAttribute('aria-valuetext')).toBe('20,000');
    expect(slider('Speed').getAttribute('aria-valuetext')).toBe('time-lapse');
  });

  it('move "Hidden layer size" by one unit per arrow key', async () => {
    const store = renderApp();
    const s = slider('Hidden layer size');
    fireEvent.keyDown(s, { key: 'ArrowRight' });
    expect(store.getState().config.hidden).toEqual([4]);
    fireEvent.keyDown(s, { key: 'ArrowDown' });
    fireEvent.keyDown(s, { key: 'ArrowLeft' });
    expect(store.getState().config.hidden).toEqual([2]);
    fireEvent.keyDown(s, { key: 'Home' });
    expect(store.getState().config.hidden).toEqual([HIDDEN.minUnits]);
    fireEvent.keyDown(s, { key: 'ArrowLeft' });
    expect(store.getState().config.hidden).toEqual([HIDDEN.minUnits]);
    fireEvent.keyDown(s, { key: 'End' });
    expect(store.getState().config.hidden).toEqual([HIDDEN.maxUnits]);
    // Key presses within one frame are drawn together at the next frame.
    await waitFor(() => expect(s.getAttribute('aria-valuetext')).toBe('512 units'));
  });

  it('spread hidden sizes on a log scale for the pointer', () => {
    const store = renderApp();
    const s = slider('Hidden layer size');
    fireEvent.change(s, { target: { value: '500' } });
    const mid = store.getState().config.hidden[0]!;
    expect(mid).toBeGreaterThan(15);
    expect(mid).toBeLessThan(30);
  });

  it('take a burst of slider changes within one frame as so many runs; the page draws the last at the next frame', async () => {
    const renders: number[] = [];
    const store = renderApp({}, <Units renders={renders} />);
    const s = slider('Hidden layer size');
    const scale = hiddenScale();
    const gen = store.getState().gen;
    for (let u = 4; u <= 40; u++) fireEvent.change(s, { target: { value: String(scale.toPos(u)) } });
    // The store (and so the worker and the URL) took every change; the thumb stays where it was put ...
    expect(store.getState().gen).toBe(gen + 37);
    expect(store.getState().config.hidden).toEqual([40]);
    expect(s.value).toBe(String(scale.toPos(40)));
    // ... and the page drew the first change at once and draws the others as one at the next frame.
    expect(renders).toEqual([3, 4]);
    expect(s.getAttribute('aria-valuetext')).toBe('4 units');
    await waitFor(() => expect(screen.getByTestId('units').textContent).toBe('40'));
    expect(renders).toEqual([3, 4, 40]);
    expect(s.getAttribute('aria-valuetext')).toBe('40 units');
    expect(s.value).toBe(String(scale.toPos(40)));
  });

  it("move a slider's thumb when its setting changes elsewhere (a preset, a link)", async () => {
    const store = renderApp();
    const lr = slider('Learning rate');
    act(() => store.getState().setConfig({ ...store.getState().config, lr: 0.1 }));
    await waitFor(() => expect(lr.value).toBe(String(SCALES.lr.toPos(0.1))));
    expect(lr.getAttribute('aria-valuetext')).toBe('0.1');
  });

  it('move the learning rate in log space and let regularization reach 0', async () => {
    const store = renderApp();
    const lr = slider('Learning rate');
    fireEvent.change(lr, { target: { value: String(SCALES.lr.toPos(0.1)) } });
    expect(store.getState().config.lr).toBe(0.1);
    expect(lr.getAttribute('aria-valuetext')).toBe('0.1');
    fireEvent.change(lr, { target: { value: String(SCALES.lr.toPos(0.1) + 1) } });
    expect(store.getState().config.lr).toBe(0.12);
    const reg = slider('Regularization');
    fireEvent.change(reg, { target: { value: '0' } });
    expect(store.getState().config.reg).toBe(0);
    await waitFor(() => expect(reg.getAttribute('aria-valuetext')).toBe('0'));
    fireEvent.change(reg, { target: { value: String(SCALES.reg.positions) } });
    expect(store.getState().config.reg).toBe(NUMBER_FIELDS.reg.max);
  });

  it('add and remove hidden layers', async () => {
    const store = renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Add layer' }));
    expect(store.getState().config.hidden).toEqual([3, 3]);
    fireEvent.keyDown(slider('Layer 2 size'), { key: 'ArrowUp' });
    expect(store.getState().config.hidden).toEqual([3, 4]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove layer' }));
    expect(store.getState().config.hidden).toEqual([3]);
    await waitFor(() => expect(screen.queryByRole('slider', { name: 'Layer 2 size' })).toBeNull());
    // Down to no hidden layer at all (hidden=0), and no further.
    fireEvent.click(screen.getByRole('button', { name: 'Remove layer' }));
    expect(store.getState().config.hidden).toEqual([]);
    await waitFor(() => expect(screen.getByTestId('no-hidden').textContent).toMatch(/No hidden layer/));
    expect(screen.queryByRole('slider', { name: 'Hidden layer size' })).toBeNull();
    expect((screen.getByRole('button', { name: 'Remove layer' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Add layer' }));
    expect(store.getState().config.hidden).toEqual([3]);
  });

  it('turn input features on and off by their toggles, in the network’s order, never all off', async () => {
    const store = renderApp();
    const group = screen.getByRole('group', { name: 'Input features' });
    const toggle = (name: string) => within(group).getByRole('button', { name }) as HTMLButtonElement;
    expect(toggle('x₁').getAttribute('aria-pressed')).toBe('true');
    expect(toggle('x₁²').getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle('sin x₂'));
    fireEvent.click(toggle('x₁²'));
    expect(store.getState().config.inputs).toEqual(['x1', 'x2', 'x1sq', 'sinx2']);
    await waitFor(() => expect(toggle('x₁²').getAttribute('aria-pressed')).toBe('true'));
    for (const name of ['x₁', 'x₂', 'x₁²']) fireEvent.click(toggle(name));
    expect(store.getState().config.inputs).toEqual(['sinx2']);
    await waitFor(() => expect(toggle('sin x₂').disabled).toBe(true));
    fireEvent.click(toggle('sin x₂'));
    expect(store.getState().config.inputs).toEqual(['sinx2']);
  });

  it('enable "Classes" only for the datasets that have more than two', () => {
    const store = renderApp();
    expect(slider('Classes').disabled).toBe(true);
    fireEvent.change(screen.getByRole('combobox', { name: 'Dataset' }), { target: { value: 'spiral' } });
    expect(store.getState().config.data).toBe('spiral');
    expect(slider('Classes').disabled).toBe(false);
    fireEvent.change(slider('Classes'), { target: { value: '1' } });
    expect(store.getState().config.classes).toBe(3);
  });

  it('change the seed by typing and with "New seed"', () => {
    const store = renderApp();
    const seed = screen.getByRole('spinbutton', { name: 'Seed' });
    fireEvent.change(seed, { target: { value: '123' } });
    expect(store.getState().config.seed).toBe(123);
    fireEvent.change(seed, { target: { value: '-4' } });
    expect(store.getState().config.seed).toBe(123);
    fireEvent.click(screen.getByRole('button', { name: 'New seed' }));
    expect(store.getState().config.seed).not.toBe(123);
  });

  it('pause, step and reset the run', async () => {
    const store = renderApp();
    const steps: number[] = [];
    store.getState().connect({
      training: {
        step: (gen) => {
          steps.push(gen);
          return Promise.resolve(1);
        },
        weights: () => Promise.reject(new Error('not asked')),
        setWeight: () => {},
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    expect(store.getState().playing).toBe(false);
    expect(screen.getByRole('button', { name: 'Play' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(steps).toEqual([0]);
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(store.getState().gen).toBe(1);
    fireEvent.change(slider('Speed'), { target: { value: '0' } });
    expect(store.getState().speed).toBe(1);
    await waitFor(() => expect(slider('Speed').getAttribute('aria-valuetext')).toBe('1 pass/s'));
  });

  it("show a link's hostile values as plain text in a dismissible alert", () => {
    renderApp(initFromQuery('?hidden=-5&lr=abc&reg=1e999&data=<img src=x onerror=alert(1)>'));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('<img src=x');
    expect(document.querySelector('img')).toBeNull();
    expect(within(alert).getByText(/Learning rate/)).toBeTruthy();
    fireEvent.click(within(alert).getByRole('button', { name: 'Dismiss notice' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(slider('Learning rate').getAttribute('aria-valuetext')).toBe('0.01');
  });

  it('show pass, loss, accuracies and speed in the status line, and never NaN', async () => {
    const store = renderApp();
    act(() => {
      store
        .getState()
        .applySnapshot(makeSnapshot(0, 0, { pass: 1234, trainLoss: 0.0712345, trainAcc: 0.975, pps: 31000 }));
    });
    const status = screen.getByTestId('status');
    expect(status.textContent).toContain('Pass 1,234 of 20,000');
    expect(status.textContent).toContain('loss 0.07123');
    expect(status.textContent).toContain('97.5% train');
    expect(status.textContent).toContain('31,000 passes/s');
    act(() => {
      store
        .getState()
        .applySnapshot(
          makeSnapshot(0, 1, { state: 'diverged', divergedAt: 14, trainLoss: null, trainAcc: Number.NaN }),
        );
    });
    await waitFor(() => expect(status.textContent).toContain('diverged at pass 14'));
    expect(screen.getByTestId('advice').textContent).toContain('lower the learning rate (now 0.01)');
    expect(status.textContent).not.toContain('NaN');
    expect((screen.getByRole('button', { name: 'Play' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('show a dash for the speed until it is measured', () => {
    const store = renderApp();
    act(() => {
      store.getState().applySnapshot(makeSnapshot(0, 0, { pass: 500, pps: 0 }));
    });
    expect(screen.getByTestId('status').textContent).toContain('— passes/s');
  });

  it('announce the end of a run in a status region', () => {
    const store = renderApp();
    act(() => {
      store.getState().applySnapshot(makeSnapshot(0, 0, { state: 'finished', pass: 20000, trainAcc: 0.97 }));
    });
    const regions = screen.getAllByRole('status').map((r) => r.textContent);
    expect(regions).toContain(
      'Training finished at pass 20,000, training accuracy 97.0%. All 20,000 passes done.',
    );
  });

  it('copies the link and confirms it', async () => {
    renderApp();
    let copied = '';
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: {
        writeText: async (t: string) => {
          copied = t;
        },
      },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    });
    expect(copied).toBe(window.location.href);
    expect(screen.getByText('Link copied')).toBeTruthy();
  });
});
