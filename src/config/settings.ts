/**
 * The settings table: one row per setting, in the order links write them and panels show them. The
 * `Config` type, the defaults, the URL codec, equality, validity and the generic controls all derive
 * from it, so adding a row here is checked everywhere at once.
 */
import { ACTIVATIONS, ANNEALS, DATASETS, FEATURES, OPTIMIZERS } from './enums';

export { ACTIVATIONS, ANNEALS, DATASETS, FEATURES, OPTIMIZERS };

/** The panel a setting is shown in. */
export type SettingGroup = 'data' | 'network' | 'training';

interface RowBase {
  /** The query-string name; public and stable (format v=1). */
  url: string;
  label: string;
  help: string;
  group: SettingGroup;
  /** Whether a change starts a new run (a new generation); a view-like setting would say false. */
  restarts: boolean;
}

interface NumberFields extends RowBase {
  default: number;
  min: number;
  max: number;
  step: number;
  integer: boolean;
  /** Sliders for log fields move in log10 space. */
  scale: 'linear' | 'log';
  /** 0 is allowed below `min` (and is a slider stop). */
  zero?: boolean;
  /** The slider's values, when neither even steps nor round log stops suit the setting. */
  stops?: readonly number[];
}

export interface NumberRow extends NumberFields {
  kind: 'number';
}

interface EnumFields<T extends string> extends RowBase {
  options: readonly T[];
  default: NoInfer<T>;
  optionLabels: Readonly<Record<NoInfer<T>, string>>;
}

export interface EnumRow<T extends string = string> extends EnumFields<T> {
  kind: 'enum';
}

/** A list of whole numbers, one per layer: the hidden layer widths. */
interface LayersFields extends RowBase {
  default: readonly number[];
  minLayers: number;
  maxLayers: number;
  minUnits: number;
  maxUnits: number;
  /** Names the list as a whole in messages (`label` names one layer's size). */
  listLabel: string;
}

export interface LayersRow extends LayersFields {
  kind: 'layers';
}

/**
 * A non-empty set of options, held as a list in the options' order whatever order it was given in (the
 * input features).
 */
interface SetFields<T extends string> extends RowBase {
  options: readonly T[];
  default: readonly NoInfer<T>[];
  optionLabels: Readonly<Record<NoInfer<T>, string>>;
}

export interface SetRow<T extends string = string> extends SetFields<T> {
  kind: 'set';
}

export type SettingRow = NumberRow | EnumRow | LayersRow | SetRow;

/** Builders check each row on its own: an enum's default and labels must match its options. */
const numberRow = (row: NumberFields): NumberRow => ({ kind: 'number', ...row });
const enumRow = <const T extends string>(row: EnumFields<T>): EnumRow<T> => ({ kind: 'enum', ...row });
const layersRow = (row: LayersFields): LayersRow => ({ kind: 'layers', ...row });
const setRow = <const T extends string>(row: SetFields<T>): SetRow<T> => ({ kind: 'set', ...row });

/** Batch sizes worth trying; 0 is the whole training set (the tutorial). */
const BATCH_STOPS = [0, 1, 2, 4, 5, 8, 10, 16, 20, 25, 32, 50, 64, 100, 128, 200, 256, 500, 1000, 2000];
/** Passes at 1, 2, 5 per decade from 100: fewer than 100 passes is not worth a slider position. */
const PASSES_STOPS = [100, 200, 500, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6];

/** Momentum's and Adam's beta: the usual choices, from none of the past to a long memory. */
const BETA_STOPS = [0, 0.5, 0.8, 0.9, 0.95, 0.99, 0.999];

export const SETTINGS = {
  data: enumRow({
    url: 'data',
    label: 'Dataset',
    group: 'data',
    restarts: true,
    options: DATASETS,
    default: 'moons',
    optionLabels: {
      moons: 'Moons',
      circles: 'Circles',
      xor: 'XOR',
      blobs: 'Blobs',
      spiral: 'Spiral',
      plane: 'Plane (regression)',
      gauss: 'Gaussians (regression)',
    },
    help: "Moons is the tutorial's make_moons; blobs and spiral take 2 to 5 classes; plane and Gaussians are regression: a number to predict at each point.",
  }),
  n: numberRow({
    url: 'n',
    label: 'Number of points',
    group: 'data',
    restarts: true,
    default: 200,
    min: 10,
    max: 2000,
    step: 1,
    integer: true,
    scale: 'linear',
    help: 'How many points the dataset has, training and test together.',
  }),
  noise: numberRow({
    url: 'noise',
    label: 'Noise',
    group: 'data',
    restarts: true,
    default: 0.2,
    min: 0,
    max: 1,
    step: 0.01,
    integer: false,
    scale: 'linear',
    help: 'Standard deviation of the Gaussian noise added to every point.',
  }),
  seed: numberRow({
    url: 'seed',
    label: 'Seed',
    group: 'data',
    restarts: true,
    default: 0,
    min: 0,
    max: 4294967295,
    step: 1,
    integer: true,
    scale: 'linear',
    help: 'np.random.seed(seed): draws the data, then the initial weights.',
  }),
  classes: numberRow({
    url: 'classes',
    label: 'Classes',
    group: 'data',
    restarts: true,
    default: 2,
    min: 2,
    max: 5,
    step: 1,
    integer: true,
    scale: 'linear',
    help: 'Number of classes for blobs and spiral (exercise 4).',
  }),
  test: numberRow({
    url: 'test',
    label: 'Test fraction',
    group: 'data',
    restarts: true,
    default: 0,
    min: 0,
    max: 0.5,
    step: 0.05,
    integer: false,
    scale: 'linear',
    help: 'Share of the points held out to measure overfitting.',
  }),
  inputs: setRow({
    url: 'inputs',
    label: 'Input features',
    group: 'network',
    restarts: true,
    options: FEATURES,
    default: ['x1', 'x2'],
    optionLabels: {
      x1: 'x₁',
      x2: 'x₂',
      x1sq: 'x₁²',
      x2sq: 'x₂²',
      x1x2: 'x₁x₂',
      sinx1: 'sin x₁',
      sinx2: 'sin x₂',
    },
    help: 'What the network is given of each point: its coordinates, their squares, their product, their sines.',
  }),
  hidden: layersRow({
    url: 'hidden',
    label: 'Hidden layer size',
    listLabel: 'Hidden layers',
    group: 'network',
    restarts: true,
    default: [3],
    minLayers: 0,
    maxLayers: 6,
    minUnits: 1,
    maxUnits: 512,
    help: 'Units per hidden layer, first to last (exercise 5: add a second layer); none is a linear model.',
  }),
  act: enumRow({
    url: 'act',
    label: 'Activation',
    group: 'network',
    restarts: true,
    options: ACTIVATIONS,
    default: 'tanh',
    optionLabels: { tanh: 'tanh', sigmoid: 'sigmoid', relu: 'ReLU', leaky: 'leaky ReLU', linear: 'linear' },
    help: "The hidden layers' non-linearity (exercise 3).",
  }),
  lr: numberRow({
    url: 'lr',
    label: 'Learning rate',
    group: 'training',
    restarts: true,
    default: 0.01,
    min: 1e-5,
    max: 1,
    step: 0.01,
    integer: false,
    scale: 'log',
    help: 'epsilon: the step size of gradient descent (gradients are summed, not averaged).',
  }),
  reg: numberRow({
    url: 'reg',
    label: 'Regularization',
    group: 'training',
    restarts: true,
    default: 0.01,
    min: 1e-5,
    max: 10,
    step: 0.01,
    integer: false,
    scale: 'log',
    zero: true,
    help: 'reg_lambda: the strength of the L2 penalty on the weights.',
  }),
  l1: numberRow({
    url: 'l1',
    label: 'L1 regularization',
    group: 'training',
    restarts: true,
    default: 0,
    min: 1e-5,
    max: 10,
    step: 0.01,
    integer: false,
    scale: 'log',
    zero: true,
    help: 'The strength of the L1 penalty l1·Σ|W|: it pulls every weight toward zero by the same step, so small ones end up near zero. With L2, elastic net.',
  }),
  batch: numberRow({
    url: 'batch',
    label: 'Batch size',
    group: 'training',
    restarts: true,
    default: 0,
    min: 0,
    max: 2000,
    step: 1,
    integer: true,
    scale: 'linear',
    stops: BATCH_STOPS,
    help: '0 is full-batch gradient descent (the tutorial); smaller is minibatch (exercise 1).',
  }),
  anneal: enumRow({
    url: 'anneal',
    label: 'Annealing',
    group: 'training',
    restarts: true,
    options: ANNEALS,
    default: 'none',
    optionLabels: { none: 'none', step: 'step decay', exp: 'exponential', inv: '1/t' },
    help: 'Learning-rate schedule over the run (exercise 2).',
  }),
  opt: enumRow({
    url: 'opt',
    label: 'Optimizer',
    group: 'training',
    restarts: true,
    options: OPTIMIZERS,
    default: 'sgd',
    optionLabels: { sgd: 'gradient descent', momentum: 'momentum', adam: 'Adam' },
    help: "The update: the tutorial's plain step, momentum (v = βv + g) or Adam (β₂ = 0.999).",
  }),
  beta: numberRow({
    url: 'beta',
    label: 'Beta',
    group: 'training',
    restarts: true,
    default: 0.9,
    min: 0,
    max: 0.999,
    step: 0.001,
    integer: false,
    scale: 'linear',
    stops: BETA_STOPS,
    help: "β: how much of the past gradients momentum keeps, and Adam's β₁. Plain gradient descent ignores it.",
  }),
  passes: numberRow({
    url: 'passes',
    label: 'Passes',
    group: 'training',
    restarts: true,
    default: 20000,
    min: 1,
    max: 1000000,
    step: 1000,
    integer: true,
    scale: 'log',
    stops: PASSES_STOPS,
    help: 'num_passes: how many passes through the training data.',
  }),
} satisfies Record<string, SettingRow>;

type Table = typeof SETTINGS;
export type SettingKey = keyof Table;

/** The value a row holds: its options' union, a number, or a list of layer widths. */
type ValueOf<R> =
  R extends EnumRow<infer T>
    ? T
    : R extends NumberRow
      ? number
      : R extends LayersRow
        ? number[]
        : R extends SetRow<infer T>
          ? T[]
          : never;

/** One configuration: a value for every row. */
export type Config = { [K in SettingKey]: ValueOf<Table[K]> };

type KeysOfKind<Row> = { [K in SettingKey]: Table[K] extends Row ? K : never }[SettingKey];
export type NumericKey = KeysOfKind<NumberRow>;
export type EnumKey = KeysOfKind<EnumRow>;
export type LayersKey = KeysOfKind<LayersRow>;
export type SetKey = KeysOfKind<SetRow>;

export type Dataset = Config['data'];
export type Activation = Config['act'];
export type Anneal = Config['anneal'];
export type OptimizerName = (typeof OPTIMIZERS)[number];
export type Feature = (typeof FEATURES)[number];

/** A row with its key; a union over the table, so switching on `kind` narrows `key` too. */
export type Keyed<K extends SettingKey> = Table[K] & { readonly key: K };
export type AnyKeyed = { [K in SettingKey]: Keyed<K> }[SettingKey];
