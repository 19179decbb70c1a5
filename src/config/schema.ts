/**
 * The one schema of every setting: default, range, step, label and URL key. The panels, the URL codec
 * and the CLI all read it, so a setting exists in one place only.
 */
export const DATASETS = ['moons', 'circles', 'xor', 'blobs', 'spiral'] as const;
export const ACTIVATIONS = ['tanh', 'sigmoid', 'relu', 'leaky', 'linear'] as const;
export const ANNEALS = ['none', 'step', 'exp', 'inv'] as const;

export type Dataset = (typeof DATASETS)[number];
export type Activation = (typeof ACTIVATIONS)[number];
export type Anneal = (typeof ANNEALS)[number];

export interface Config {
  data: Dataset;
  n: number;
  noise: number;
  seed: number;
  classes: number;
  test: number;
  hidden: number[];
  act: Activation;
  lr: number;
  reg: number;
  batch: number;
  anneal: Anneal;
  passes: number;
}

export type NumericKey = 'n' | 'noise' | 'seed' | 'classes' | 'test' | 'lr' | 'reg' | 'batch' | 'passes';
export type EnumKey = 'data' | 'act' | 'anneal';

export interface NumberField {
  kind: 'number';
  key: NumericKey;
  label: string;
  min: number;
  max: number;
  step: number;
  integer: boolean;
  /** Sliders for log fields move in log10 space; `zero` adds a stop at exactly 0 below `min`. */
  scale: 'linear' | 'log';
  zero?: boolean;
  help: string;
}

export interface EnumField<T extends string = string> {
  kind: 'enum';
  key: EnumKey;
  label: string;
  options: readonly T[];
  optionLabels: Readonly<Record<T, string>>;
  help: string;
}

export const HIDDEN = {
  key: 'hidden',
  label: 'Hidden layer size',
  minLayers: 1,
  maxLayers: 6,
  minUnits: 1,
  maxUnits: 512,
  help: 'Units per hidden layer, first to last (exercise 5: add a second layer).',
} as const;

export const NUMBER_FIELDS: Readonly<Record<NumericKey, NumberField>> = {
  n: {
    kind: 'number',
    key: 'n',
    label: 'Number of points',
    min: 10,
    max: 2000,
    step: 1,
    integer: true,
    scale: 'linear',
    help: 'How many points the dataset has, training and test together.',
  },
  noise: {
    kind: 'number',
    key: 'noise',
    label: 'Noise',
    min: 0,
    max: 1,
    step: 0.01,
    integer: false,
    scale: 'linear',
    help: 'Standard deviation of the Gaussian noise added to every point.',
  },
  seed: {
    kind: 'number',
    key: 'seed',
    label: 'Seed',
    min: 0,
    max: 4294967295,
    step: 1,
    integer: true,
    scale: 'linear',
    help: 'np.random.seed(seed): draws the data, then the initial weights.',
  },
  classes: {
    kind: 'number',
    key: 'classes',
    label: 'Classes',
    min: 2,
    max: 5,
    step: 1,
    integer: true,
    scale: 'linear',
    help: 'Number of classes for blobs and spiral (exercise 4).',
  },
  test: {
    kind: 'number',
    key: 'test',
    label: 'Test fraction',
    min: 0,
    max: 0.5,
    step: 0.05,
    integer: false,
    scale: 'linear',
    help: 'Share of the points held out to measure overfitting.',
  },
  lr: {
    kind: 'number',
    key: 'lr',
    label: 'Learning rate',
    min: 1e-5,
    max: 1,
    step: 0.01,
    integer: false,
    scale: 'log',
    help: 'epsilon: the step size of gradient descent (gradients are summed, not averaged).',
  },
  reg: {
    kind: 'number',
    key: 'reg',
    label: 'Regularization',
    min: 1e-5,
    max: 10,
    step: 0.01,
    integer: false,
    scale: 'log',
    zero: true,
    help: 'reg_lambda: the strength of the L2 penalty on the weights.',
  },
  batch: {
    kind: 'number',
    key: 'batch',
    label: 'Batch size',
    min: 0,
    max: 2000,
    step: 1,
    integer: true,
    scale: 'linear',
    help: '0 is full-batch gradient descent (the tutorial); smaller is minibatch (exercise 1).',
  },
  passes: {
    kind: 'number',
    key: 'passes',
    label: 'Passes',
    min: 1,
    max: 1000000,
    step: 1000,
    integer: true,
    scale: 'linear',
    help: 'num_passes: how many passes through the training data.',
  },
};

export const ENUM_FIELDS = {
  data: {
    kind: 'enum',
    key: 'data',
    label: 'Dataset',
    options: DATASETS,
    optionLabels: { moons: 'Moons', circles: 'Circles', xor: 'XOR', blobs: 'Blobs', spiral: 'Spiral' },
    help: "Moons is the tutorial's make_moons; blobs and spiral take 2 to 5 classes.",
  },
  act: {
    kind: 'enum',
    key: 'act',
    label: 'Activation',
    options: ACTIVATIONS,
    optionLabels: { tanh: 'tanh', sigmoid: 'sigmoid', relu: 'ReLU', leaky: 'leaky ReLU', linear: 'linear' },
    help: "The hidden layers' non-linearity (exercise 3).",
  },
  anneal: {
    kind: 'enum',
    key: 'anneal',
    label: 'Annealing',
    options: ANNEALS,
    optionLabels: { none: 'none', step: 'step decay', exp: 'exponential', inv: '1/t' },
    help: 'Learning-rate schedule over the run (exercise 2).',
  },
} as const satisfies { data: EnumField<Dataset>; act: EnumField<Activation>; anneal: EnumField<Anneal> };

export const DEFAULT_CONFIG: Readonly<Config> = Object.freeze({
  data: 'moons',
  n: 200,
  noise: 0.2,
  seed: 0,
  classes: 2,
  test: 0,
  hidden: [3],
  act: 'tanh',
  lr: 0.01,
  reg: 0.01,
  batch: 0,
  anneal: 'none',
  passes: 20000,
}) as Readonly<Config>;

/** Number of classes the dataset really has: moons, circles and xor are two-class. */
export function classCount(c: Pick<Config, 'data' | 'classes'>): number {
  return c.data === 'blobs' || c.data === 'spiral' ? c.classes : 2;
}

export function copyConfig(c: Readonly<Config>): Config {
  return { ...c, hidden: [...c.hidden] };
}

export function configsEqual(a: Readonly<Config>, b: Readonly<Config>): boolean {
  return (
    a.data === b.data &&
    a.n === b.n &&
    a.noise === b.noise &&
    a.seed === b.seed &&
    a.classes === b.classes &&
    a.test === b.test &&
    a.act === b.act &&
    a.lr === b.lr &&
    a.reg === b.reg &&
    a.batch === b.batch &&
    a.anneal === b.anneal &&
    a.passes === b.passes &&
    a.hidden.length === b.hidden.length &&
    a.hidden.every((h, i) => h === b.hidden[i])
  );
}
