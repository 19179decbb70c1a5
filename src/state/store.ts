/**
 * The page's one store (vanilla zustand, so the worker client and URL sync use it without React).
 * A change of a setting that restarts the run (the table's `restarts`), new points or a reset starts a
 * new generation `gen`; snapshots of other generations are dropped here. The loss series are mutable for
 * speed: `lossVersion` changes whenever they do.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { DATASET_PRESETS } from '../config/datasetPresets';
import {
  type Config,
  configsEqual,
  copyConfig,
  DEFAULT_CONFIG,
  type EnumKey,
  type Feature,
  HIDDEN,
  INPUTS,
  isValidConfig,
  type NumericKey,
  restartsRun,
} from '../config/schema';
import { type Box, sameBox } from '../core/box';
import type { Data } from '../core/datasets';
import { LossSeries } from '../core/lossSeries';
import type { InspectView, PointsFrame, Snapshot, Speed, UnitRef } from '../protocol/training';
import { atLinkPrecision, generatorKey, withoutPoint, withPoint } from './dataEdit';
import { type EditEntry, type EditHistory, EMPTY_HISTORY, recorded, redone, undone } from './editHistory';
import type { EmbedState } from './embedLink';
import { newPin, type PinnedRun } from './pin';
import { dataKey, fitted, runPoints } from './points';
import { DEFAULT_SPEED } from './speedLink';
import { DEFAULT_VIEW, type ViewId } from './view';
import { type WorkSlice, workSlice } from './workSlice';

/** Everything of a snapshot but its loss arrays. */
export type Frame = Omit<Snapshot, 'type' | 'lossFrom' | 'trainLosses' | 'testLosses'>;

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

export interface AppState extends WorkSlice {
  config: Config;
  gen: number;
  playing: boolean;
  speed: Speed;
  /** Width / height of the plot area. */
  aspect: number;
  /** The main plot's box as last laid out (CSS pixels, pixel ratio); null before. The PNG export's size. */
  plotSize: PlotSize | null;
  frame: Frame | null;
  /** The run's points, made on the page as the worker makes them (state/points.ts). */
  points: PointsFrame;
  /** The data settings and data version `points` were made from. */
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
  /** Clicking the plot adds and removes points; otherwise (the default) it only reads probabilities. */
  editing: boolean;
  /**
   * The box the plot shows (before it takes the plot's shape): the points' box padded by 0.5, as in the
   * tutorial. It stays while the points are edited, and is fitted to them again only by "Fit to data",
   * an import, a reset of the data or other generated data.
   */
  box: Box;
  /** The edits of the points that undo and redo step through (state/editHistory.ts). */
  history: EditHistory;
  /** Test points are drawn (when there are any). */
  showTest: boolean;
  /** The field shows the most likely class only, not how likely it is. */
  discrete: boolean;
  inspect: InspectView;
  /** The hidden unit whose field the main plot shows instead of the classes (a hovered or focused node). */
  plotUnit: UnitRef | null;
  pinned: PinnedRun | null;
  /** The view shown (the `view` query parameter, outside the config format). */
  view: ViewId;
  /** Embedded in another site (`embed=1`): the plot, the status and these controls only. */
  embed: EmbedState | null;
  /** The generation whose weights were edited by hand (a link does not restore them); null: none. */
  handEdited: number | null;

  setConfig(config: Config): void;
  /** Settings the link or the person set: a dataset's presets leave them alone. */
  touched: ReadonlySet<string>;
  setNumber(key: NumericKey, value: number): void;
  setEnum<K extends EnumKey>(key: K, value: Config[K]): void;
  setHidden(layer: number, units: number): void;
  addLayer(): void;
  removeLayer(): void;
  /** Turns one input feature on or off; the last one left stays on. */
  toggleInput(f: Feature): void;
  newSeed(): void;
  setPlaying(playing: boolean): void;
  reset(): void;
  setSpeed(speed: Speed): void;
  setAspect(aspect: number): void;
  setPlotSize(size: PlotSize): void;
  setLogScale(on: boolean): void;
  applySnapshot(s: Snapshot): boolean;
  notify(kind: Notice['kind'], title: string, lines?: string[]): void;
  dismiss(id: number): void;
  /**
   * New points (an import; null: back to the generated dataset), as a new generation: a new dataset,
   * so the box is fitted to it. Undoable.
   */
  setData(data: Data | null): void;
  /** Adds a point of class `brush` at (x, y), in data coordinates. */
  addPoint(x: number, y: number): void;
  removePoint(index: number): void;
  undo(): void;
  redo(): void;
  /** Fits the box to the points shown. */
  fitToData(): void;
  setBrush(c: number): void;
  setEditing(on: boolean): void;
  setShowTest(on: boolean): void;
  setDiscrete(on: boolean): void;
  setDataLinked(linked: boolean | null): void;
  setInspect(view: InspectView): void;
  setPlotUnit(ref: UnitRef | null): void;
  /** Pins the current configuration and data: a worker of its own trains it to its end. */
  pin(): void;
  unpin(): void;
  /** A snapshot of the pinned run, from its worker; false when it is of another pin. */
  applyPinSnapshot(id: number, s: Snapshot): boolean;
  pinFailed(id: number): void;
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
  /** The settings the link named. */
  touched?: readonly string[];
  gallerySizes?: readonly number[];
  logScale?: boolean;
  /** A pinned run's configuration, from the link. */
  pinned?: Config;
  showTest?: boolean;
  discrete?: boolean;
  embed?: EmbedState | null;
}

function emptyLosses(gen: number): Losses {
  return { gen, train: new LossSeries(), test: null };
}

let nextNoticeId = 1;

export function createAppStore(init: StoreInit = {}): AppStore {
  const config = copyConfig(init.config ?? DEFAULT_CONFIG);
  const custom = init.data ? atLinkPrecision(init.data) : null;
  const initial = runPoints(config, custom, 0);
  return createStore<AppState>()((set, get) => {
    /** Applies a config change; a new generation only if a setting that restarts the run changed. */
    const change = (next: Config) => {
      const s = get();
      if (!isValidConfig(next) || configsEqual(next, s.config)) return;
      if (s.custom && generatorKey(next) !== generatorKey(s.config)) {
        // The person asked for other generated data: it replaces the edited points.
        s.notify('warning', 'Your edited points were replaced', [
          `A data setting changed, so the generated dataset replaces your ${s.custom.n} points.`,
        ]);
        const dataVersion = s.dataVersion + 1;
        const run = runPoints(next, null, dataVersion);
        set({
          config: next,
          gen: s.gen + 1,
          custom: null,
          dataVersion,
          ...run,
          box: fitted(run.points),
          history: recorded(s.history, { custom: s.custom, box: s.box }),
        });
        return;
      }
      // Same points (only the network or training changed): keep the object, so the points layer is
      // not redrawn on every slider tick.
      const same = dataKey(next) === dataKey(s.config);
      const gen = restartsRun(s.config, next) ? s.gen + 1 : s.gen;
      if (same) {
        set({ config: next, gen });
        return;
      }
      const run = runPoints(next, s.custom, s.dataVersion);
      // Other generated data is a new dataset: the box fits it. (A new test split keeps the rows.)
      const fresh = !s.custom && generatorKey(next) !== generatorKey(s.config);
      set({ config: next, gen, ...run, ...(fresh ? { box: fitted(run.points) } : {}) });
    };
    /** The data a click edits: the edited points, else the generated ones as shown. */
    const editable = (): Data | null => {
      const { custom, points } = get();
      if (custom) return custom;
      return { X: points.X, y: points.y, n: points.y.length, classes: points.classes };
    };
    /** Shows `custom` (null: the generated dataset) as a new generation, over `box` (null: fitted). */
    const showData = (custom: Data | null, box: Box | null, history: EditHistory) => {
      const s = get();
      const dataVersion = s.dataVersion + 1;
      const run = runPoints(s.config, custom, dataVersion);
      set({
        custom,
        dataVersion,
        dataLinked: null,
        gen: s.gen + 1,
        ...run,
        box: box ?? fitted(run.points),
        history,
      });
    };
    /** An edit: `next` replaces the data; the box stays unless `fit`. */
    const editData = (next: Data | null, fit: boolean) => {
      const s = get();
      const before: EditEntry = { custom: s.custom, box: fit ? s.box : null };
      showData(next && atLinkPrecision(next), fit ? null : s.box, recorded(s.history, before));
    };
    const setData = (edited: Data | null) => {
      if (edited === null && get().custom === null) return;
      editData(edited, true);
    };
    const edit = (f: (c: Config) => void) => {
      const c = copyConfig(get().config);
      f(c);
      change(c);
    };
    return {
      ...workSlice(set, get, init.gallerySizes),
      config,
      gen: 0,
      playing: init.playing ?? true,
      speed: init.speed ?? DEFAULT_SPEED,
      aspect: 1.5,
      plotSize: null,
      frame: null,
      ...initial,
      losses: emptyLosses(-1),
      lossVersion: 0,
      logScale: init.logScale ?? false,
      notices: (init.notices ?? []).map((n) => ({ ...n, id: nextNoticeId++ })),
      custom,
      dataVersion: 0,
      dataLinked: null,
      brush: 0,
      editing: false,
      box: fitted(initial.points),
      history: EMPTY_HISTORY,
      showTest: init.showTest ?? true,
      discrete: init.discrete ?? false,
      inspect: { unit: null, hidden: null },
      plotUnit: null,
      pinned: init.pinned ? newPin(init.pinned, null) : null,
      view: init.view ?? DEFAULT_VIEW,
      embed: init.embed ?? null,
      handEdited: null,

      setConfig: (config) => change(copyConfig(config)),
      touched: new Set(init.touched ?? []),
      setNumber: (key, value) => {
        if (!get().touched.has(key)) set((s) => ({ touched: new Set([...s.touched, key]) }));
        edit((c) => (c[key] = value));
      },
      setEnum: (key, value) =>
        edit((c) => {
          c[key] = value;
          if (key !== 'data') return;
          const { touched } = get();
          for (const [k, v] of Object.entries(DATASET_PRESETS[c.data])) {
            if (!touched.has(k)) (c as unknown as Record<string, unknown>)[k] = v;
          }
        }),
      setHidden: (layer, units) =>
        edit((c) => {
          if (layer >= 0 && layer < c.hidden.length) c.hidden[layer] = Math.round(units);
        }),
      addLayer: () =>
        edit((c) => {
          if (c.hidden.length < HIDDEN.maxLayers)
            c.hidden.push(c.hidden[c.hidden.length - 1] ?? HIDDEN.default[0]!);
        }),
      removeLayer: () =>
        edit((c) => {
          if (c.hidden.length > HIDDEN.minLayers) c.hidden.pop();
        }),
      toggleInput: (f) =>
        edit((c) => {
          const on = c.inputs.includes(f) ? c.inputs.filter((g) => g !== f) : [...c.inputs, f];
          if (on.length > 0) c.inputs = INPUTS.options.filter((g) => on.includes(g));
        }),
      newSeed: () =>
        edit((c) => {
          let seed = c.seed;
          while (seed === c.seed) seed = Math.floor(Math.random() * 100000);
          c.seed = seed;
        }),
      setPlaying: (playing) => set({ playing }),
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
        const { trainLosses: _a, testLosses: _b, type: _t, lossFrom: _f, ...frame } = s;
        set({
          frame,
          losses,
          lossVersion: state.lossVersion + 1,
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
        if (next) editData(next, false);
      },
      removePoint: (index) => {
        const d = editable();
        const next = d && withoutPoint(d, index);
        if (next) editData(next, false);
      },
      undo: () => {
        const s = get();
        const step = undone(s.history, s);
        if (step) showData(step.custom, step.box, step.history);
      },
      redo: () => {
        const s = get();
        const step = redone(s.history, s);
        if (step) showData(step.custom, step.box, step.history);
      },
      fitToData: () => {
        const box = fitted(get().points);
        if (!sameBox(box, get().box)) set({ box });
      },
      setBrush: (brush) => set({ brush }),
      setEditing: (editing) => set({ editing }),
      setShowTest: (showTest) => set({ showTest }),
      setDiscrete: (discrete) => set({ discrete }),
      setDataLinked: (dataLinked) => {
        if (dataLinked !== get().dataLinked) set({ dataLinked });
      },
      setInspect: (inspect) => set({ inspect }),
      setPlotUnit: (ref) => {
        const now = get().plotUnit;
        if (now === ref || (now && ref && now.layer === ref.layer && now.unit === ref.unit)) return;
        set({ plotUnit: ref });
      },
      pin: () => {
        const { config, custom } = get();
        set({ pinned: newPin(copyConfig(config), custom) });
      },
      unpin: () => set({ pinned: null }),
      applyPinSnapshot: (id, s) => {
        const p = get().pinned;
        if (p?.id !== id) return false;
        const test = p.test ?? (s.testLosses ? new LossSeries() : null);
        if (s.lossFrom === p.train.length) {
          p.train.append(s.trainLosses);
          if (s.testLosses) test?.append(s.testLosses);
        }
        set({ pinned: { ...p, test, grid: s.grid, pass: s.pass, state: s.state } });
        return true;
      },
      pinFailed: (id) => {
        const p = get().pinned;
        if (p?.id === id) set({ pinned: { ...p, state: 'error' } });
      },
      setView: (view) => set({ view }),
    };
  });
}
