/**
 * Compare runs: "Pin this run" keeps the current configuration and data; a worker of its own trains it to
 * its end. The loss charts draw its curves in grey under the current run's, and a small plot beside this
 * control shows its decision boundary next to the current one, until "Unpin". The label names every
 * setting in which the two runs differ.
 */
import { useMemo } from 'react';
import { TILE_PLOT } from '../../render/plotModel';
import { pinLabel } from '../../state/pin';
import { useStore } from '../../state/react';
import { SceneCanvas } from '../experiments/SceneCanvas';
import { fmtInt } from '../format';

export function PinControl() {
  const pinned = useStore((s) => s.pinned);
  const config = useStore((s) => s.config);
  const custom = useStore((s) => s.custom);
  const points = useStore((s) => s.points);
  const canPin = useStore((s) => s.frame !== null && s.frame.gen === s.gen);
  const pin = useStore((s) => s.pin);
  const unpin = useStore((s) => s.unpin);
  const label = useMemo(() => (pinned ? pinLabel(pinned, config, custom) : ''), [pinned, config, custom]);
  const progress =
    pinned === null
      ? ''
      : pinned.state === 'error'
        ? 'its worker failed'
        : pinned.state === 'training' || pinned.state === 'queued'
          ? `training, pass ${fmtInt(pinned.pass)}`
          : `${pinned.state} at pass ${fmtInt(pinned.pass)}`;
  return (
    <div className="pin">
      <button type="button" onClick={pin} disabled={!canPin}>
        Pin this run
      </button>
      {pinned !== null ? (
        <>
          <span className="pin-label" data-testid="pinned">
            <span className="swatch line pinned" /> pinned: {label}
          </span>
          <button type="button" onClick={unpin}>
            Unpin
          </button>
          <figure className="pin-plot">
            <SceneCanvas
              className="pin-canvas"
              grid={pinned.grid}
              points={pinned.data === custom ? points : null}
              options={TILE_PLOT}
              label={`The pinned run's decision boundary (${label})`}
            />
            <figcaption data-testid="pin-progress">
              Pinned run: {progress}
              {pinned.data !== null ? '; not in the link (edited points)' : ''}
            </figcaption>
          </figure>
        </>
      ) : null}
    </div>
  );
}
