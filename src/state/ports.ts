/**
 * What the store asks of the page's worker clients (src/client), without knowing them: the clients
 * connect themselves at start-up. Requests that expect one answer return promises; a failed worker is
 * reported by its client as a notice, so a promise that ends without an answer resolves to `null`.
 */
import type { WeightsFrame } from '../protocol/training';
import type { WeightRef } from '../protocol/weightRef';

export interface RequestedWeights {
  gen: number;
  pass: number;
  weights: WeightsFrame;
}

export interface TrainingPort {
  /** One pass of generation `gen`, then paused; the pass count the next snapshot shows, or null. */
  step(gen: number): Promise<number | null>;
  /** The current weights of generation `gen`, whatever the network's size. */
  weights(gen: number): Promise<RequestedWeights>;
  /** Sets one weight of generation `gen` by hand; the next snapshot shows it. */
  setWeight(gen: number, ref: WeightRef, value: number): void;
}

/** Trains the gallery's tiles while started, on the store's configuration and data. */
export interface GalleryPort {
  start(sizes: readonly number[]): void;
  stop(): void;
}

/** Fits the baseline to the store's points while started. */
export interface BaselinePort {
  start(): void;
  stop(): void;
}

export interface Ports {
  training: TrainingPort | null;
  gallery: GalleryPort | null;
  baseline: BaselinePort | null;
}

export const NO_PORTS: Ports = { training: null, gallery: null, baseline: null };
