// @vitest-environment jsdom
import './helpers';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { decodeConfig, encodeConfig } from '../../src/config/url';
import { createAppStore } from '../../src/state/store';
import { initFromQuery, startUrlSync, URL_DELAY_MS } from '../../src/state/urlSync';
import { VIEWS, viewFromQuery, viewQuery } from '../../src/state/view';
import { renderApp } from './renderApp';

const nav = () => within(screen.getByRole('navigation', { name: 'Views' }));

afterEach(cleanup);

describe('the views row', () => {
  it('names every view by its visible text and marks the current one', () => {
    renderApp();
    const links = nav().getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual([
      'Playground',
      'Baseline',
      'Gallery',
      'Equations',
      'Exercises',
    ]);
    expect(nav().getByRole('link', { name: 'Playground' }).getAttribute('aria-current')).toBe('page');
    expect(nav().getByRole('link', { name: 'Gallery' }).getAttribute('href')).toBe(
      `?${encodeConfig(DEFAULT_CONFIG)}&view=gallery`,
    );
  });

  it('switches to a view in place, and back to the playground', async () => {
    const store = renderApp();
    expect(screen.getByTestId('status')).toBeTruthy();
    fireEvent.click(nav().getByRole('link', { name: 'Equations' }));
    expect(store.getState().view).toBe('equations');
    expect(await screen.findByRole('heading', { name: 'Equations', level: 2 })).toBeTruthy();
    // The views load as a separate chunk, which takes a moment the first time.
    expect(
      await screen.findByRole('table', { name: /^Forward propagation/ }, { timeout: 15000 }),
    ).toBeTruthy();
    expect(screen.queryByTestId('status')).toBeNull();
    expect(nav().getByRole('link', { name: 'Equations' }).getAttribute('aria-current')).toBe('page');
    // The settings stay beside every view.
    expect(screen.getByRole('slider', { name: 'Hidden layer size' })).toBeTruthy();
    fireEvent.click(nav().getByRole('link', { name: 'Playground' }));
    expect(await screen.findByTestId('status')).toBeTruthy();
  });

  it('leaves modified clicks (new tab) to the browser', () => {
    const store = renderApp();
    // jsdom cannot open a tab: stop the browser's part after the page's handlers have run.
    document.addEventListener('click', (e) => e.preventDefault(), { once: true });
    fireEvent.click(nav().getByRole('link', { name: 'Gallery' }), { ctrlKey: true });
    expect(store.getState().view).toBe('playground');
  });

  it('opens the view a link names', async () => {
    renderApp(initFromQuery('?hidden=5&view=exercises'));
    expect(await screen.findByRole('heading', { name: 'Exercises', level: 2 })).toBeTruthy();
    expect(
      await screen.findByRole('heading', { name: '1. Minibatch gradient descent' }, { timeout: 15000 }),
    ).toBeTruthy();
    expect(screen.getByRole('slider', { name: 'Hidden layer size' }).getAttribute('aria-valuetext')).toBe(
      '5 units',
    );
  });
});

describe('the view parameter', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/play/?x=1#notes');
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads every view and falls back to the playground for anything else', () => {
    for (const v of VIEWS) expect(viewFromQuery(`?view=${v}`)).toBe(v);
    for (const bad of [
      '?view=',
      '?view=Gallery',
      '?view=%3Cscript%3E',
      '?view=__proto__',
      '',
      '?view=%E0%A4%A',
    ])
      expect(viewFromQuery(bad)).toBe('playground');
    expect(viewFromQuery('?view=baseline&view=gallery')).toBe('baseline');
  });

  it('stays outside the versioned config format', () => {
    const q = `${encodeConfig({ ...DEFAULT_CONFIG, hidden: [7] })}&view=gallery`;
    expect(decodeConfig(q)).toEqual({ config: { ...DEFAULT_CONFIG, hidden: [7] }, messages: [] });
    expect(initFromQuery(`?${q}`)).toMatchObject({ view: 'gallery', notices: [] });
    expect(initFromQuery('?view=nonsense').view).toBeUndefined();
    expect(viewQuery('playground')).toBe('');
  });

  it('is written after the configuration, and dropped for the playground', () => {
    const store = createAppStore({ view: 'baseline' });
    const sync = startUrlSync(store);
    expect(window.location.search).toBe(`?${encodeConfig(DEFAULT_CONFIG)}&view=baseline`);
    expect(window.location.hash).toBe('#notes');
    act(() => store.getState().setView('gallery'));
    vi.advanceTimersByTime(URL_DELAY_MS + 1);
    expect(window.location.search).toBe(`?${encodeConfig(DEFAULT_CONFIG)}&view=gallery`);
    act(() => store.getState().setView('playground'));
    vi.advanceTimersByTime(URL_DELAY_MS + 1);
    expect(window.location.search).toBe(`?${encodeConfig(DEFAULT_CONFIG)}`);
    sync.stop();
  });
});
