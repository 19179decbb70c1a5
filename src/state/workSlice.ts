/**
 * The store's slice for work done by workers beside the main run's snapshots: requests that expect one
 * answer (a step, the current weights) and the gallery's and the baseline's state. The actions call the
 * ports the worker clients connected (src/state/ports.ts); the UI calls only the actions.
 */
import { TUTORIAL_SIZES } from '../config/gallery';
import { MAX_HAND_WEIGHT, validHandWeight, validWeightRef, type WeightRef } from '../protocol/weightRef';
import { type BaselineState, EMPTY_BASELINE } from './baseline';
import { EMPTY_GALLERY, type GalleryState } from './gallery';
import { NO_PORTS, type Ports, type RequestedWeights } from './ports';
import type { AppState } from './store';

export interface WorkSlice {
  ports: Ports;
  gallery: GalleryState;
  /** The sizes the gallery was last asked for, kept while the person looks at other views. */
  gallerySizes: readonly number[];
  /** The gallery is on screen: its workers train, and follow the configuration and the sizes. */
  galleryOpen: boolean;
  baseline: BaselineState;

  /** The worker clients connect themselves here (main.tsx, or a test). */
  connect(ports: Partial<Ports>): void;
  /** One pass, then paused; the pass count shown after it, or null when the run changed or failed. */
  step(): Promise<number | null>;
  /** The current weights: from the last snapshot when small, else asked of the training worker. */
  currentWeights(): Promise<RequestedWeights>;
  /**
   * Sets one weight of the running network by hand and marks the run as edited; the next snapshot
   * shows it. A message saying why, and nothing sent, when it cannot be done.
   */
  setWeight(ref: WeightRef, value: number): string | null;
  startGallery(): void;
  stopGallery(): void;
  setGallerySizes(sizes: readonly number[]): void;
  setGallery(g: GalleryState): void;
  startBaseline(): void;
  stopBaseline(): void;
  setBaseline(b: BaselineState): void;
}

type Set = (patch: Partial<AppState> | ((s: AppState) => Partial<AppState>)) => void;

export function workSlice(set: Set, get: () => AppState, sizes = TUTORIAL_SIZES): WorkSlice {
  return {
    ports: NO_PORTS,
    gallery: EMPTY_GALLERY,
    gallerySizes: sizes,
    galleryOpen: false,
    baseline: EMPTY_BASELINE,

    connect: (ports) => set((s) => ({ ports: { ...s.ports, ...ports } })),
    step: () => {
      set({ playing: false });
      const { ports, gen } = get();
      return ports.training ? ports.training.step(gen) : Promise.resolve(null);
    },
    currentWeights: () => {
      const { frame, gen, ports } = get();
      if (frame?.weights && frame.gen === gen) {
        return Promise.resolve({ gen, pass: frame.pass, weights: frame.weights });
      }
      if (!ports.training) return Promise.reject(new Error('no training worker is running'));
      return ports.training.weights(gen);
    },
    setWeight: (ref, value) => {
      const { frame, gen, ports } = get();
      const weights = frame?.gen === gen ? frame.weights : null;
      if (!weights || !ports.training) return 'The network is not running yet.';
      if (frame?.state === 'diverged') return 'This run diverged: reset it, then edit its weights.';
      if (!validWeightRef(weights.sizes, ref)) return 'The network has no such link any more.';
      if (!validHandWeight(value))
        return `A weight by hand goes from −${MAX_HAND_WEIGHT} to ${MAX_HAND_WEIGHT}.`;
      ports.training.setWeight(gen, ref, value);
      set({ handEdited: gen });
      return null;
    },
    startGallery: () => {
      set({ galleryOpen: true });
      const { ports, gallerySizes } = get();
      ports.gallery?.start(gallerySizes);
    },
    stopGallery: () => {
      set({ galleryOpen: false });
      get().ports.gallery?.stop();
    },
    setGallerySizes: (gallerySizes) => {
      set({ gallerySizes });
      const { ports, galleryOpen } = get();
      if (galleryOpen) ports.gallery?.start(gallerySizes);
    },
    setGallery: (gallery) => set({ gallery }),
    startBaseline: () => get().ports.baseline?.start(),
    stopBaseline: () => get().ports.baseline?.stop(),
    setBaseline: (baseline) => set({ baseline }),
  };
}
