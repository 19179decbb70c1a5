/**
 * The values of the settings that take one of a list (settings.ts). Apart from the table, so the
 * worker's script can name them without carrying the table's labels and help.
 */
export const DATASETS = ['moons', 'circles', 'xor', 'blobs', 'spiral', 'plane', 'gauss'] as const;
export const ACTIVATIONS = ['tanh', 'sigmoid', 'relu', 'leaky', 'linear'] as const;
export const ANNEALS = ['none', 'step', 'exp', 'inv'] as const;
export const OPTIMIZERS = ['sgd', 'momentum', 'adam'] as const;
/** The input features, in the order the network takes them (docs/algorithms.md, "Input features"). */
export const FEATURES = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'] as const;
