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
import type { Data } from '../core/datasets';
import type { InspectView, PointsFrame, Snapshot, Speed, WeightsFrame } from '../protocol/training';
import { atLinkPrecision, generatorKey, withoutPoint, withPoint } from './dataEdit';
import { LossSeries } from '../core/lossSeries';
import { type PinnedRun, pinRun } from './pin';
import { DEFAULT_VIEW, type ViewId } from './view';

/** Everything of a snapshot but its loss arrays and points. */
export type Frame = Omit<Snapshot, 'type' | 'lossFrom' | 'trainLosses' | 'testLosses' | 'points'>;

export interface RequestedWeights {
  gen: number;
  pass: number;
  weights: WeightsFrame;
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
  /** The main plot's box as last laid out (CSS pixels, pixel ratio); null before. The PNG export's size. */
  plotSize: PlotSize | null;
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
  /** The person's edited points; null: the generated dataset. A change starts a new generation. */
  custom: Data | null;
  /** Counts changes of `custom`, so that points of equal settings but other data are told apart. */
  dataVersion: number;
  /** Whether the edited points fit in the share link (URL sync says); null when there are none. */
  dataLinked: boolean | null;
  /** Class of the points a click on the plot adds. */
  brush: number;
  /** Clicking the plot adds and removes points; otherwise it only reads probabilities. */
  editing: boolean;
  inspect: InspectView;
  pinned: PinnedRun | null;
  /** Counts requests for the weights of any size (export); the client sends one per increment. */
  weightsRequests: number;
  requested: RequestedWeights | null;
  /** The view shown (the `view` query parameter, outside the config format). */
  view: ViewId;

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
  setPlotSize(size: PlotSize): void;
  setLogScale(on: boolean): void;
  applySnapshot(s: Snapshot): boolean;
  notify(kind: Notice['kind'], title: string, lines?: string[]): void;
  dismiss(id: number): void;
  /** Edited points (null: back to the generated dataset), as a new generation. */
  setData(data: Data | null): void;
  /** Adds a point of class `brush` at (x, y), in data coordinates. */
  addPoint(x: number, y: number): void;
  removePoint(index: number): void;
  setBrush(c: number): void;
  setEditing(on: boolean): void;
  setDataLinked(linked: boolean | null): void;
  setInspect(view: InspectView): void;
  pin(): void;
  unpin(): void;
  requestWeights(): void;
  receiveWeights(r: RequestedWeights): boolean;
  setView(view: ViewId): void;
}

export type AppStore = StoreApi<AppState>;

export interface PlotSize {
  width: number;
  height: number;
  dpr: number;
}

export interface StoreInit {
  config?: Config;
  playing?: boolean;
  speed?: Speed;
  notices?: Omit<Notice, 'id'>[];
  /** Edited points from the link or from this browser. */
  data?: Data | null;
  view?: ViewId;
}

function emptyLosses(gen: number): Losses {
  return { gen, train: new LossSeries(), test: null };
}

/** The settings that determine the points (data and split), as one comparable string. */
export function dataKey(c: Config): string {
  return [c.data, c.n, c.noise, c.seed, classCount(c), c.test].join('|');
}

/** The points as drawn: the run's rows, the last `round(test * n)` of them held out. */
export function pointsOf(d: Data, test: number): PointsFrame {
  const nTest = Math.floor(test * d.n + 0.5);
  return { X: d.X.slice(0, 2 * d.n), y: d.y.slice(0, d.n), nTrain: d.n - nTest, classes: d.classes };
}

let nextNoticeId = 1;

export function createAppStore(init: StoreInit = {}): AppStore {
  return createStore<AppState>()((set, get) => {
    /** Applies a config change; a new generation only if something really changed. */
    const change = (next: Config) => {
      const s = get();
      if (!isValidConfig(next) || configsEqual(next, s.config)) return;
      if (s.custom && generatorKey(next) !== generatorKey(s.config)) {
        // The person asked for other generated data: it replaces the edited points.
        s.notify('warning', 'Your edited points were replaced', [
          `A data setting changed, so the generated dataset replaces your ${s.custom.n} points.`,
        ]);
        set((t) => ({ config: next, gen: t.gen + 1, custom: null, dataVersion: t.dataVersion + 1 }));
        return;
      }
      set((t) => ({ config: next, gen: t.gen + 1 }));
    };
    /** The data a click edits: the edited points, else the generated ones as shown. */
    const editable = (): Data | null => {
      const { custom, points } = get();
      if (custom) return custom;
      if (!points) return null;
      return { X: points.X, y: points.y, n: points.y.length, classes: points.classes };
    };
    const setData = (edited: Data | null) => {
      const s = get();
      if (edited === null && s.custom === null) return;
      const data = edited && atLinkPrecision(edited);
      const dataVersion = s.dataVersion + 1;
      const points = data ? pointsOf(data, s.config.test) : null;
      set({
        custom: data,
        dataVersion,
        dataLinked: null,
        gen: s.gen + 1,
        // Shown at once; the worker's points of the new generation are the same rows.
        ...(points ? { points, pointsKey: `${dataKey(s.config)}|${dataVersion}` } : {}),
      });
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
      plotSize: null,
      steps: 0,
      frame: null,
      points: null,
      pointsKey: '',
      losses: emptyLosses(-1),
      lossVersion: 0,
      logScale: false,
      notices: (init.notices ?? []).map((n) => ({ ...n, id: nextNoticeId++ })),
      custom: init.data ? atLinkPrecision(init.data) : null,
      dataVersion: 0,
      dataLinked: null,
      brush: 0,
      editing: true,
      inspect: { unit: null, hidden: null },
      pinned: null,
      weightsRequests: 0,
      requested: null,
      view: init.view ?? DEFAULT_VIEW,

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
      setPlotSize: ({ width, height, dpr }) => set({ plotSize: { width, height, dpr } }),
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
        const { pinned } = state;
        if (pinned?.gen === s.gen && s.lossFrom === pinned.train.length) {
          pinned.train.append(s.trainLosses);
          if (s.testLosses) pinned.test?.append(s.testLosses);
        }
        const { trainLosses: _a, testLosses: _b, points, type: _t, lossFrom: _f, ...frame } = s;
        // Same data as shown (only the network or training changed): keep the old object, so the
        // points layer is not redrawn on every slider tick.
        const key = `${dataKey(state.config)}|${state.dataVersion}`;
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

      setData,
      addPoint: (x, y) => {
        const d = editable();
        // At most one class more than the data has.
        const next = d && withPoint(d, x, y, Math.min(get().brush, d.classes));
        if (next) setData(next);
      },
      removePoint: (index) => {
        const d = editable();
        const next = d && withoutPoint(d, index);
        if (next) setData(next);
      },
      setBrush: (brush) => set({ brush }),
      setEditing: (editing) => set({ editing }),
      setDataLinked: (dataLinked) => {
        if (dataLinked !== get().dataLinked) set({ dataLinked });
      },
      setInspect: (inspect) => set({ inspect }),
      pin: () => {
        const { config, custom, losses } = get();
        if (losses.train.length === 0) return;
        set({ pinned: pinRun(config, custom !== null, losses.gen, losses.train, losses.test) });
      },
      unpin: () => set({ pinned: null }),
      requestWeights: () => set((s) => ({ weightsRequests: s.weightsRequests + 1 })),
      setView: (view) => set({ view }),
      receiveWeights: (r) => {
        if (r.gen !== get().gen) return false;
        set({ requested: r });
        return true;
      },
    };
  });
}
