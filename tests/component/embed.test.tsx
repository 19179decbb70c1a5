// @vitest-environment jsdom
import './helpers';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initFromQuery } from '../../src/state/urlSync';
import { renderApp } from './renderApp';

afterEach(cleanup);
beforeEach(() =>
  window.history.replaceState(null, '', '/play/?v=1&hidden=5&lr=0.05&embed=1&controls=reg,hidden'),
);

/** The accessible names of the page's controls, in document order. */
function controlNames(): string[] {
  return [...document.querySelectorAll('input, select, button')]
    .filter((el) => !el.closest('.plot'))
    .map(
      (el) =>
        el.getAttribute('aria-label') ??
        (el as HTMLInputElement).labels?.[0]?.textContent ??
        el.textContent ??
        '',
    );
}

describe('the embedded page', () => {
  it('shows the status, the plot and the named controls only, in the order named', () => {
    renderApp(initFromQuery(window.location.search));
    expect(screen.getByTestId('status')).toBeTruthy();
    expect(document.querySelector('.plot canvas')).toBeTruthy();
    const settings = screen.getByRole('region', { name: 'Settings' });
    const sliders = within(settings)
      .getAllByRole('slider')
      .map((s) => s.getAttribute('aria-valuetext'));
    expect(
      within(settings)
        .getAllByRole('slider')
        .map((s) => (s as HTMLInputElement).labels?.[0]?.textContent),
    ).toEqual(['Regularization', 'Hidden layer size']);
    expect(sliders[1]).toBe('5 units');
    expect(controlNames()).toEqual([
      'About Regularization',
      'Regularization',
      'About Hidden layer size',
      'Hidden layer size',
      'Add layer',
      'Remove layer',
    ]);
    // Nothing else of the full page.
    for (const name of ['Copy link', 'Embed', 'Pause', 'Reset'])
      expect(screen.queryByRole('button', { name })).toBeNull();
    expect(screen.queryByRole('slider', { name: 'Learning rate' })).toBeNull();
    expect(screen.queryByRole('heading', { name: /Neural network playground/ })).toBeNull();
    expect(screen.queryByText('Inside the network')).toBeNull();
  });

  it('links to the same run in the full playground, in a new tab', () => {
    renderApp(initFromQuery(window.location.search));
    const link = screen.getByRole('link', { name: 'Open in the full playground' }) as HTMLAnchorElement;
    expect(link.target).toBe('_blank');
    expect(link.rel).toBe('noopener');
    expect(link.href).toBe('http://localhost:3000/play/?v=1&hidden=5&lr=0.05');
    // The link follows the page's URL as URL sync rewrites it.
    window.history.replaceState(null, '', '/play/?v=1&hidden=7&embed=1&controls=reg,hidden');
    fireEvent.focus(link);
    expect(link.href).toBe('http://localhost:3000/play/?v=1&hidden=7');
  });

  it('is the plot only for an empty list, and says which keys it left out', () => {
    renderApp(initFromQuery('?embed=1&controls=bogus,'));
    expect(screen.queryByRole('region', { name: 'Settings' })).toBeNull();
    expect(screen.queryAllByRole('slider')).toEqual([]);
    expect(screen.getByRole('alert').textContent).toContain('“bogus” is not a setting; left out.');
    expect(screen.getByTestId('status')).toBeTruthy();
  });

  it('starts with point editing off: a click on the plot reads it, the points stay as the link made them', () => {
    const store = renderApp(initFromQuery(window.location.search));
    expect(store.getState().editing).toBe(false);
  });
});

describe('the Embed button of the full page', () => {
  it('makes a frame snippet of the current run, with default controls that can be changed and copied', async () => {
    window.history.replaceState(null, '', '/play/?v=1&hidden=5&lr=0.05');
    let copied = '';
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: {
        writeText: async (t: string) => {
          copied = t;
        },
      },
    });
    renderApp(initFromQuery(window.location.search));
    const button = screen.getByRole('button', { name: 'Embed' });
    await act(async () => fireEvent.click(button));
    const dialog = screen.getByRole('dialog', { name: 'Embed this run in a page' });
    const snippet = within(dialog).getByRole('textbox', { name: 'HTML to paste' }) as HTMLTextAreaElement;
    expect(snippet.value).toBe(
      '<iframe src="http://localhost:3000/play/?v=1&amp;hidden=5&amp;lr=0.05&amp;embed=1&amp;controls=hidden,lr,reg" width="600" height="400" title="Neural network playground" style="border:0" loading="lazy"></iframe>',
    );
    const controls = within(dialog).getByRole('textbox', { name: /Controls shown/ });
    fireEvent.change(controls, { target: { value: 'data, lr,nope' } });
    expect(snippet.value).toContain('controls=data,lr"');
    expect(within(dialog).getByText(/“nope” is not a setting/)).toBeTruthy();
    fireEvent.change(controls, { target: { value: '' } });
    expect(snippet.value).toContain('embed=1" width');
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Copy HTML' })));
    expect(copied).toBe(snippet.value);
    expect(within(dialog).getByText('Copied')).toBeTruthy();
    fireEvent.keyDown(controls, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
  });
});
