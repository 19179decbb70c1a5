/**
 * Keeps the query string equal to the current configuration, and to the edited points when they are
 * small enough for a link (key `pts`, io/dataLink.ts). Writes with history.replaceState, debounced, so
 * slider drags add no history entries and cost nothing per tick. The points' codec is loaded only once
 * there are edited points; it compresses asynchronously, so the URL is written when it is done.
 */
import { type Config, DEFAULT_CONFIG, SETTING_ROWS } from '../config/schema';
import { decodeConfig, encodeConfig } from '../config/url';
import type { Data } from '../core/datasets';
import type { Speed } from '../protocol/training';
import { type EmbedState, embedFromQuery, embedQuery } from './embedLink';
import { DEFAULT_PAGE, type PageState, pageFromQuery, pageQuery } from './pageLink';
import { DEFAULT_SPEED, speedFromQuery, speedQuery } from './speedLink';
import type { AppStore, StoreInit } from './store';
import { DEFAULT_VIEW, type ViewId, viewFromQuery, viewQuery } from './view';

export const URL_DELAY_MS = 250;
export const URL_NOTICE_TITLE = 'Some settings in this link were changed';
/** The query key of the edited points (io/dataLink.ts's DATA_KEY, without loading that module). */
export const PTS_KEY = 'pts';

export interface DecodedPoints {
  data: Data | null;
  message?: string;
}

export interface DataCodec {
  /** null when the points are too many for a link. */
  encodeData(d: Data): Promise<string | null>;
  decodeData(text: string): Promise<DecodedPoints>;
}

export type CodecSource = DataCodec | (() => Promise<DataCodec>);

export const loadDataCodec = (): Promise<DataCodec> => import('../io/dataLink');

function pointsValue(search: string): string | null {
  return new URLSearchParams(search.replace(/^\?/, '')).get(PTS_KEY);
}

export function hasPoints(search: string): boolean {
  return pointsValue(search) !== null;
}

/** The query's `pts`, decoded; null when it has none. */
export async function readPoints(search: string, codec: DataCodec): Promise<DecodedPoints | null> {
  const pts = pointsValue(search);
  return pts === null ? null : codec.decodeData(pts);
}

export interface InitOptions {
  /** The query's `pts`, decoded (readPoints); without it the query's points are ignored. */
  points?: DecodedPoints | null;
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
  if (opts.points) {
    if (opts.points.message) messages.push(opts.points.message);
    data = opts.points.data ?? data;
  }
  const view = viewFromQuery(q);
  const named = new URLSearchParams(q);
  const touched = SETTING_ROWS.filter((r) => named.has(r.url)).map((r) => r.key);
  const { speed, message } = speedFromQuery(q);
  if (message) messages.push(message);
  const page = pageFromQuery(q);
  messages.push(...page.messages);
  const { embed, messages: embedMessages } = embedFromQuery(q);
  messages.push(...embedMessages);
  return {
    config,
    ...(view !== DEFAULT_VIEW ? { view } : {}),
    ...(speed !== null ? { speed } : {}),
    ...page.page,
    ...(embed ? { embed } : {}),
    touched,
    notices: messages.length > 0 ? [{ kind: 'warning', title: URL_NOTICE_TITLE, lines: messages }] : [],
    ...(data ? { data } : {}),
  };
}

/** Everything the link holds. */
export interface LinkState extends PageState {
  config: Config;
  view: ViewId;
  speed: Speed;
  embed: EmbedState | null;
}

/** The link's query string for a state, with its encoded points (null: none in the link). */
export function linkQuery(state: LinkState, pts: string | null): string {
  const points = pts ? `&${PTS_KEY}=${pts}` : '';
  return `?${encodeConfig(state.config)}${points}${viewQuery(state.view)}${speedQuery(state.speed)}${pageQuery(state)}${embedQuery(state.embed)}`;
}

/** The state a page opened from `init` links to (the link is what the page writes back). */
export function linkStateOf(init: StoreInit): LinkState {
  return {
    config: init.config ?? DEFAULT_CONFIG,
    view: init.view ?? DEFAULT_VIEW,
    speed: init.speed ?? DEFAULT_SPEED,
    gallerySizes: init.gallerySizes ?? DEFAULT_PAGE.gallerySizes,
    logScale: init.logScale ?? DEFAULT_PAGE.logScale,
    pinned: init.pinned ? { config: init.pinned, data: null } : null,
    showTest: init.showTest ?? DEFAULT_PAGE.showTest,
    discrete: init.discrete ?? DEFAULT_PAGE.discrete,
    embed: init.embed ?? null,
  };
}

export interface UrlSync {
  /** Writes a pending change now (before copying the link); resolves once the points are in it too. */
  flush(): Promise<void>;
  stop(): void;
}

export function startUrlSync(
  store: AppStore,
  win: Window = window,
  delay = URL_DELAY_MS,
  codecSource: CodecSource = loadDataCodec,
): UrlSync {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let codec: Promise<DataCodec> | null =
    typeof codecSource === 'function' ? null : Promise.resolve(codecSource);
  let stopped = false;
  /** The `pts` value of data version `version` (null: too long for a link, or no codec). */
  let cached: { version: number; pts: string | null } | null = null;
  /** The encoding under way; it writes the URL when done. */
  let encoding: { version: number; done: Promise<void> } | null = null;

  const encode = (data: Data, version: number) => {
    if (encoding?.version === version) return;
    if (!codec) codec = typeof codecSource === 'function' ? codecSource() : Promise.resolve(codecSource);
    const settle = (pts: string | null) => {
      if (encoding?.version !== version) return;
      encoding = null;
      cached = { version, pts };
      write();
    };
    const done = codec
      .then((c) => c.encodeData(data))
      .then(settle, () => {
        // A codec that failed to load is asked for again with the next edit.
        codec = null;
        settle(null);
      });
    encoding = { version, done };
  };

  /** undefined while the current points are being encoded. */
  const pointsParam = (): string | null | undefined => {
    const { custom, dataVersion } = store.getState();
    if (!custom) return null;
    if (cached?.version === dataVersion) return cached.pts;
    encode(custom, dataVersion);
    return undefined;
  };

  const write = () => {
    timer = null;
    if (stopped) return;
    const state = store.getState();
    const pts = pointsParam();
    // Written once the points are encoded; meanwhile the link keeps its previous points.
    if (pts === undefined) return;
    if (state.custom) state.setDataLinked(pts !== null);
    const { pathname, hash, search } = win.location;
    const query = linkQuery(state, pts);
    if (query !== search) win.history.replaceState(win.history.state, '', `${pathname}${query}${hash}`);
  };
  write();
  const unsubscribe = store.subscribe((s, prev) => {
    if (
      s.config === prev.config &&
      s.dataVersion === prev.dataVersion &&
      s.view === prev.view &&
      s.speed === prev.speed &&
      s.logScale === prev.logScale &&
      s.showTest === prev.showTest &&
      s.discrete === prev.discrete &&
      s.gallerySizes === prev.gallerySizes &&
      s.pinned?.id === prev.pinned?.id
    ) {
      return;
    }
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(write, delay);
  });
  return {
    flush: async () => {
      if (timer !== null) {
        clearTimeout(timer);
        write();
      }
      await encoding?.done;
    },
    stop: () => {
      stopped = true;
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    },
  };
}
