/**
 * Settings that make each dataset recognisable, applied when the person picks a dataset, to the settings
 * neither the link nor the person has set. Spiral's arms blur into one cloud at the moons' noise.
 */
import type { Config, Dataset } from './schema';

export type DatasetPreset = Partial<Pick<Config, 'noise'>>;

export const DATASET_PRESETS: Readonly<Record<Dataset, DatasetPreset>> = {
  moons: { noise: 0.2 },
  circles: { noise: 0.1 },
  xor: { noise: 0.1 },
  blobs: { noise: 0.2 },
  spiral: { noise: 0.05 },
  plane: { noise: 0.1 },
  gauss: { noise: 0.1 },
};
