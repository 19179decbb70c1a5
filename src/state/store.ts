/**
 * The page's one store (vanilla zustand, so the worker client and URL sync use it without React).
 * A configuration change or a reset starts a new generation `gen`; snapshots of other generations are
 * dropped here. The loss series are mutable for speed: `lossVersion` changes whenever they do.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  type Config,
  classCount,
  configsEqual,
  copyConfig,
  DEFAULT_CONFIG,
  type EnumKey,
  HIDDEN,
  type NumericKey,
} from '../config/schema';
import { isValidConfig } from '../config/url';
import type { GridFrame, PointsFrame, RunState, Snapshot, Speed } from '../worker/protocol';
import { LossSeries } from './lossSeries';

/** Everything of a snapshot but its loss arrays and points. */
export interface Frame {
  gen: number;
  seq: number;
  pass: number;
  passes: number;
  state: RunState;
  divergedAt: number | null;
  trainLoss: number | null;
  testLoss: number | null;
  trainAcc: number;
  testAcc: number | null;
  lr: number;
  pps: number;
  grid: GridFrame;
}

export interface Notice {
  id: number;
  kind: 'warning' | 'error';
  title: string;
  lines: string[];
}

export interface Losses {
  gen: number;
  train: LossSeries;
  test: LossSeries | null;
}

export interface AppState {
  config: Config;
  gen: number;
  playing: boolean;
  speed: Speed;
  /** Width / height of the plot area. */
  aspect: number;
  /** Counts step requests; the worker client sends one step per increment. */
  steps: number;
  frame: Frame | null;
  points: PointsFrame | null;
  /** The data settings `points` were made from. */
  pointsKey: string;
  losses: Losses;
  lossVersion: number;
  logScale: boolean;
  notices: Notice[];

  setConfig(config: Config): void;
  setNumber(key: NumericKey, value: number): void;
  setEnum<K extends EnumKey>(key: K, value: Config[K]): void;
  setHidden(layer: number, units: number): void;
  addLayer(): void;
  removeLayer(): void;
  newSeed(): void;
  setPlaying(playing: boolean): void;
  step(): void;
  reset(): void;
  setSpeed(speed: Speed): void;
  setAspect(aspect: number): void;
  setLogScale(on: boolean): void;
  applySnapshot(s: Snapshot): boolean;
  notify(kind: Notice['kind'], title: string, lines?: string[]): void;
  dismiss(id: number): void;
}

export type AppStore = StoreApi<AppState>;

export interface StoreInit {
  config?: Config;
  playing?: boolean;
  speed?: Speed;
  notices?: Omit<Notice, 'id'>[];
}

function emptyLosses(gen: number): Losses {
  return { gen, train: new LossSeries(), test: null };
}

/** The settings that determine the points (data and split), as one comparable string. */
export function dataKey(c: Config): string {
  return [c.data, c.n, c.noise, c.seed, classCount(c), c.test].join('|');
}

let nextNoticeId = 1;

export function createAppStore(init: StoreInit = {}): AppStore {
  return createStore<AppState>()((set, get) => {
    /** Applies a config change; a new generation only if something really changed. */
    const change = (next: Config) => {
      if (!isValidConfig(next) || configsEqual(next, get().config)) return;
      set((s) => ({ config: next, gen: s.gen + 1 }));
    };
    const edit = (f: (c: Config) => void) => {
      const c = copyConfig(get().config);
      f(c);
      change(c);
    };
    return {
      config: copyConfig(init.config ?? DEFAULT_CONFIG),
      gen: 0,
      playing: init.playing ?? true,
      speed: init.speed ?? Number.POSITIVE_INFINITY,
      aspect: 1.5,
      steps: 0,
      frame: null,
      points: null,
      pointsKey: '',
      losses: emptyLosses(-1),
      lossVersion: 0,
      logScale: false,
      notices: (init.notices ?? []).map((n) => ({ ...n, id: nextNoticeId++ })),

      setConfig: (config) => change(copyConfig(config)),
      setNumber: (key, value) => edit((c) => (c[key] = value)),
      setEnum: (key, value) => edit((c) => ((c as unknown as Record<EnumKey, string>)[key] = value)),
      setHidden: (layer, units) =>
        edit((c) => {
          if (layer >= 0 && layer < c.hidden.length) c.hidden[layer] = Math.round(units);
        }),
      addLayer: () =>
        edit((c) => {
          if (c.hidden.length < HIDDEN.maxLayers) c.hidden.push(c.hidden[c.hidden.length - 1]!);
        }),
      removeLayer: () =>
        edit((c) => {
          if (c.hidden.length > HIDDEN.minLayers) c.hidden.pop();
        }),
      newSeed: () =>
        edit((c) => {
          let seed = c.seed;
          while (seed === c.seed) seed = Math.floor(Math.random() * 100000);
          c.seed = seed;
        }),
      setPlaying: (playing) => set({ playing }),
      step: () => set((s) => ({ playing: false, steps: s.steps + 1 })),
      reset: () => set((s) => ({ gen: s.gen + 1 })),
      setSpeed: (speed) => set({ speed }),
      setAspect: (aspect) => {
        if (Math.abs(aspect - get().aspect) > 1e-3) set({ aspect });
      },
      setLogScale: (logScale) => set({ logScale }),

      applySnapshot: (s) => {
        const state = get();
        if (s.gen !== state.gen) return false;
        let losses = state.losses;
        if (losses.gen !== s.gen) {
          losses = emptyLosses(s.gen);
          if (s.testLosses) losses.test = new LossSeries();
        }
        // A gap would misplace every later value; it cannot happen within one generation.
        if (s.lossFrom === losses.train.length) {
          losses.train.append(s.trainLosses);
          if (s.testLosses) losses.test?.append(s.testLosses);
        }
        const { trainLosses: _a, testLosses: _b, points, type: _t, lossFrom: _f, ...frame } = s;
        // Same data as shown (only the network or training changed): keep the old object, so the
        // points layer is not redrawn on every slider tick.
        const key = dataKey(state.config);
        const keep = !points || key === state.pointsKey;
        set({
          frame,
          losses,
          lossVersion: state.lossVersion + 1,
          points: keep ? state.points : points,
          pointsKey: keep ? state.pointsKey : key,
        });
        return true;
      },

      notify: (kind, title, lines = []) =>
        set((s) => ({ notices: [...s.notices, { id: nextNoticeId++, kind, title, lines }] })),
      dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
    };
  });
}
