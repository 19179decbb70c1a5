/**
 * One tile of the gallery: its decision boundary, its accuracies and its state. The tile is a link to
 * its configuration; a plain click (or Enter) loads it into the playground instead of reloading.
 */
import { memo } from 'react';
import { encodeConfig } from '../../config/url';
import type { PointsFrame } from '../../protocol/training';
import { TILE_PLOT } from '../../render/plotModel';
import type { Tile } from '../../state/gallery';
import { fmtInt } from '../format';
import { Accuracy } from './Accuracy';
import { isPlainClick } from './links';
import { SceneCanvas } from './SceneCanvas';

export function unitsLabel(units: number, layers: number): string {
  const u = units === 1 ? '1 hidden unit' : `${units} hidden units`;
  return layers === 1 ? u : `${layers} layers of ${units} units`;
}

function progress(t: Tile): string {
  switch (t.state) {
    case 'queued':
      return 'waiting';
    case 'training':
    case 'paused':
      return `training, pass ${fmtInt(t.pass)}`;
    case 'finished':
      return `${fmtInt(t.pass)} passes`;
    case 'converged':
      return `converged at pass ${fmtInt(t.pass)}`;
    case 'diverged':
      return `diverged at pass ${fmtInt(t.pass)}`;
    case 'error':
      return `failed: ${t.message ?? 'unknown error'}`;
  }
}

export interface GalleryTileProps {
  tile: Tile;
  points: PointsFrame | null;
  best: boolean;
  onLoad: (t: Tile) => void;
  /** Show the accuracies (not for regression, which has none). */
  accuracy?: boolean;
}

/** Memoized: a snapshot changes one tile, and only that one re-renders. */
export const GalleryTile = memo(function GalleryTile({
  tile,
  points,
  best,
  onLoad,
  accuracy = true,
}: GalleryTileProps) {
  return (
    <li className="tile-item">
      <a
        className={`tile tile-${tile.state}${best ? ' tile-best' : ''}`}
        href={`?${encodeConfig(tile.config)}`}
        data-units={tile.units}
        data-state={tile.state}
        onClick={(e) => {
          if (!isPlainClick(e)) return;
          e.preventDefault();
          onLoad(tile);
        }}
      >
        <span className="tile-title">{unitsLabel(tile.units, tile.config.hidden.length)}</span>
        <SceneCanvas className="tile-plot" grid={tile.grid} points={points} options={TILE_PLOT} />
        {accuracy ? (
          <span className="tile-acc">
            <Accuracy train={tile.trainAcc} test={tile.testAcc} />
          </span>
        ) : null}
        <span className="tile-state">
          {progress(tile)}
          {best ? <span className="tile-badge"> · best test</span> : null}
        </span>
      </a>
    </li>
  );
});
