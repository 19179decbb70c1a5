/**
 * Keeps the query string equal to the current configuration. Writes with history.replaceState,
 * debounced, so slider drags add no history entries and cost nothing per tick.
 */
import { decodeConfig, encodeConfig } from '../config/url';
import type { AppStore, StoreInit } from './store';

export const URL_DELAY_MS = 250;
export const URL_NOTICE_TITLE = 'Some settings in this link were changed';

/** The store's starting state from a query string; what had to be changed becomes a notice. */
export function initFromQuery(search: string): StoreInit {
  const q = search.replace(/^\?/, '');
  if (q === '') return {};
  const { config, messages } = decodeConfig(q);
  return {
    config,
    notices: messages.length > 0 ? [{ kind: 'warning', title: URL_NOTICE_TITLE, lines: messages }] : [],
  };
}

export interface UrlSync {
  /** Writes a pending change now (before copying the link). */
  flush(): void;
  stop(): void;
}

export function startUrlSync(store: AppStore, win: Window = window, delay = URL_DELAY_MS): UrlSync {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = () => {
    timer = null;
    const { pathname, hash, search } = win.location;
    const query = `?${encodeConfig(store.getState().config)}`;
    if (query !== search) win.history.replaceState(win.history.state, '', `${pathname}${query}${hash}`);
  };
  write();
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.config === prev.config) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(write, delay);
  });
  return {
    flush: () => {
      if (timer !== null) {
        clearTimeout(timer);
        write();
      }
    },
    stop: () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    },
  };
}
