/** Builds a whole training run from a config: data, split, initial weights and trainer. */
import { classCount, layerSizes } from '../config/derived';
import type { Config } from '../config/schema';
import { type Backend, jsBackend, type TrainerApi } from './backend';
import { type Data, makeDataset, splitData } from './datasets';
import { initParams } from './network';
import { RandomState } from './rng';

export interface Run {
  config: Config;
  data: Data;
  train: Data;
  test: Data | null;
  trainer: TrainerApi;
}

export function datasetOf(config: Config): Data {
  return makeDataset({ ...config, classes: classCount(config) });
}

export function createRun(config: Config, data: Data = datasetOf(config), backend: Backend = jsBackend): Run {
  const { train, test } = splitData(data, config.test);
  // The tutorial reseeds before drawing the weights; minibatch shuffles continue the same stream.
  const rng = new RandomState(config.seed);
  const sizes = layerSizes(config.hidden, data.classes, config.inputs.length);
  const params = initParams(sizes, config.act, rng, config.inputs, data.t !== undefined);
  const trainer = backend.trainer(params, train, config, rng, test ? [test] : []);
  return { config, data, train, test, trainer };
}
