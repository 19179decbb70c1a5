/**
 * The hidden-size gallery's state, a slice of the store: one tile per size, trained by the gallery's
 * workers (src/client/galleryPool.ts) on the playground's configuration and data.
 */
import type { Config } from '../config/schema';
import type { GridFrame, RunState } from '../protocol/training';

export type TileState = 'queued' | RunState | 'error';

export interface Tile {
  units: number;
  config: Config;
  state: TileState;
  pass: number;
  passes: number;
  trainAcc: number | null;
  testAcc: number | null;
  grid: GridFrame | null;
  message?: string;
}

export interface GalleryState {
  key: string;
  tiles: readonly Tile[];
  /** Tiles whose run has ended (finished, converged, diverged or failed). */
  done: number;
}

export const EMPTY_GALLERY: GalleryState = { key: '', tiles: [], done: 0 };

const ENDED: ReadonlySet<TileState> = new Set(['finished', 'converged', 'diverged', 'error']);

export function isEnded(state: TileState): boolean {
  return ENDED.has(state);
}

/** A tile that has not started (or starts again). */
export function blankTile(config: Config): Omit<Tile, 'units' | 'config'> {
  return { state: 'queued', pass: 0, passes: config.passes, trainAcc: null, testAcc: null, grid: null };
}
