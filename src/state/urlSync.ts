/**
 * Keeps the query string equal to the current configuration, and to the edited points when they are
 * small enough for a link (key `pts`, io/dataLink.ts). Writes with history.replaceState, debounced, so
 * slider drags add no history entries and cost nothing per tick. The points' codec (with its
 * compressor) is loaded only once there are edited points.
 */
import { decodeConfig, encodeConfig } from '../config/url';
import type { Data } from '../core/datasets';
import type { AppStore, StoreInit } from './store';
import { DEFAULT_VIEW, viewFromQuery, viewQuery } from './view';

export const URL_DELAY_MS = 250;
export const URL_NOTICE_TITLE = 'Some settings in this link were changed';
/** The query key of the edited points (io/dataLink.ts's DATA_KEY, without loading that module). */
export const PTS_KEY = 'pts';

export interface DataCodec {
  /** null when the points are too many for a link. */
  encodeData(d: Data): string | null;
  decodeData(text: string): { data: Data | null; message?: string };
}

export type CodecSource = DataCodec | (() => Promise<DataCodec>);

export const loadDataCodec = (): Promise<DataCodec> => import('../io/dataLink');

export function hasPoints(search: string): boolean {
  return new URLSearchParams(search.replace(/^\?/, '')).has(PTS_KEY);
}

export interface InitOptions {
  /** Needed when the query has `pts`. */
  codec?: DataCodec | null;
  /** Edited points kept in this browser: used when the link has none. */
  stored?: Data | null;
}

/** The store's starting state from a query string; what had to be changed becomes a notice. */
export function initFromQuery(search: string, opts: InitOptions = {}): StoreInit {
  const q = search.replace(/^\?/, '');
  const stored = opts.stored ? { data: opts.stored } : {};
  if (q === '') return stored;
  const { config, messages } = decodeConfig(q);
  let data = opts.stored ?? null;
  const pts = new URLSearchParams(q).get(PTS_KEY);
  if (pts !== null && opts.codec) {
    const decoded = opts.codec.decodeData(pts);
    if (decoded.message) messages.push(decoded.message);
    data = decoded.data ?? data;
  }
  const view = viewFromQuery(q);
  return {
    config,
    ...(view !== DEFAULT_VIEW ? { view } : {}),
    notices: messages.length > 0 ? [{ kind: 'warning', title: URL_NOTICE_TITLE, lines: messages }] : [],
    ...(data ? { data } : {}),
  };
}

export interface UrlSync {
  /** Writes a pending change now (before copying the link). */
  flush(): void;
  stop(): void;
}

export function startUrlSync(
  store: AppStore,
  win: Window = window,
  delay = URL_DELAY_MS,
  codecSource: CodecSource = loadDataCodec,
): UrlSync {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let codec = typeof codecSource === 'function' ? null : codecSource;
  let loading = false;
  let stopped = false;
  /** The `pts` value of data version `version` (null: too long for a link). */
  let cached: { version: number; pts: string | null } | null = null;

  const pointsParam = (): string | null | undefined => {
    const { custom, dataVersion } = store.getState();
    if (!custom) return null;
    if (cached?.version === dataVersion) return cached.pts;
    if (!codec) return undefined;
    cached = { version: dataVersion, pts: codec.encodeData(custom) };
    return cached.pts;
  };

  const write = () => {
    timer = null;
    if (stopped) return;
    const state = store.getState();
    const pts = pointsParam();
    if (pts === undefined) {
      // Written once the codec is here; meanwhile the link keeps its previous points.
      if (!loading && typeof codecSource === 'function') {
        loading = true;
        codecSource().then(
          (c) => {
            codec = c;
            write();
          },
          () => store.getState().setDataLinked(false),
        );
      }
      return;
    }
    if (state.custom) state.setDataLinked(pts !== null);
    const { pathname, hash, search } = win.location;
    const query = `?${encodeConfig(state.config)}${pts ? `&${PTS_KEY}=${pts}` : ''}${viewQuery(state.view)}`;
    if (query !== search) win.history.replaceState(win.history.state, '', `${pathname}${query}${hash}`);
  };
  write();
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.config === prev.config && s.dataVersion === prev.dataVersion && s.view === prev.view) return;
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
      stopped = true;
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    },
  };
}
