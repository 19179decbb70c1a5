// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG, isValidConfig } from '../../src/config/schema';
import { decodeConfig, encodeConfig } from '../../src/config/url';
import { createAppStore } from '../../src/state/store';
import { initFromQuery, startUrlSync, URL_DELAY_MS, URL_NOTICE_TITLE } from '../../src/state/urlSync';

const SHARED =
  'v=1&data=spiral&n=300&noise=0.1&seed=42&classes=4&test=0.25&hidden=8,5&act=relu&lr=0.002&reg=0&batch=32&anneal=exp&passes=5000';

describe('URL sync', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/play/?x=1#notes');
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('restores every setting from a shared query', () => {
    const init = initFromQuery(`?${SHARED}`);
    expect(init.notices).toEqual([]);
    // Every published setting differs from its default here; settings added later keep theirs.
    expect(init.config).toEqual({
      ...DEFAULT_CONFIG,
      data: 'spiral',
      n: 300,
      noise: 0.1,
      seed: 42,
      classes: 4,
      test: 0.25,
      hidden: [8, 5],
      act: 'relu',
      lr: 0.002,
      reg: 0,
      batch: 32,
      anneal: 'exp',
      passes: 5000,
    });
  });

  it('starts from the defaults, without a notice, when there is no query', () => {
    expect(initFromQuery('')).toEqual({});
    expect(initFromQuery('?')).toEqual({});
  });

  it('turns hostile values into a notice and a valid configuration', () => {
    const init = initFromQuery(
      '?hidden=-5&lr=abc&reg=1e999&data=<script>alert(1)</script>&n=99999999999999999999',
    );
    expect(isValidConfig(init.config!)).toBe(true);
    expect(init.notices).toHaveLength(1);
    const notice = init.notices![0]!;
    expect(notice.title).toBe(URL_NOTICE_TITLE);
    expect(notice.lines.length).toBeGreaterThanOrEqual(5);
    expect(notice.lines.join(' ')).toContain('Learning rate');
  });

  it('writes the configuration into the query at once, keeping path and hash', () => {
    const store = createAppStore();
    startUrlSync(store).stop();
    expect(window.location.pathname).toBe('/play/');
    expect(window.location.hash).toBe('#notes');
    expect(decodeConfig(window.location.search).config).toEqual(DEFAULT_CONFIG);
  });

  it('writes what a teacher sets up beside the configuration, and a new page restores it', () => {
    const store = createAppStore();
    const sync = startUrlSync(store);
    store.getState().setSpeed(100);
    store.getState().setLogScale(true);
    store.getState().setGallerySizes([2, 8]);
    vi.advanceTimersByTime(URL_DELAY_MS + 1);
    sync.stop();
    const search = window.location.search;
    expect(search).toContain('&speed=100&sizes=2,8&log=1');
    const again = createAppStore(initFromQuery(search)).getState();
    expect(again).toMatchObject({ speed: 100, logScale: true, gallerySizes: [2, 8] });
  });

  it('debounces slider drags into one replaceState and no history entries', () => {
    const store = createAppStore();
    const sync = startUrlSync(store);
    const spy = vi.spyOn(window.history, 'replaceState');
    const pushSpy = vi.spyOn(window.history, 'pushState');
    const length = window.history.length;
    for (let i = 1; i <= 100; i++) store.getState().setNumber('n', 300 + i);
    expect(spy).not.toHaveBeenCalled();
    vi.advanceTimersByTime(URL_DELAY_MS + 1);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(pushSpy).not.toHaveBeenCalled();
    expect(window.history.length).toBe(length);
    expect(window.location.search).toBe(`?${encodeConfig(store.getState().config)}`);
    expect(decodeConfig(window.location.search).config.n).toBe(400);
    sync.stop();
  });

  it('flush writes a pending change at once (before copying the link)', () => {
    const store = createAppStore();
    const sync = startUrlSync(store);
    store.getState().setNumber('lr', 0.1);
    sync.flush();
    expect(decodeConfig(window.location.search).config.lr).toBe(0.1);
    sync.stop();
  });

  it('a round trip through the URL gives the same configuration', () => {
    const store = createAppStore(initFromQuery(`?${SHARED}`));
    const sync = startUrlSync(store);
    const again = createAppStore(initFromQuery(window.location.search));
    expect(again.getState().config).toEqual(store.getState().config);
    sync.stop();
  });
});
