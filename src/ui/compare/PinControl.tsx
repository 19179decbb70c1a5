/**
 * Compare runs: "Pin this run" keeps the current run's loss curves; the loss charts draw them in grey
 * under the current run's until "Unpin".
 */
import { useStore } from '../../state/react';

export function PinControl() {
  const pinned = useStore((s) => s.pinned?.label ?? null);
  const canPin = useStore((s) => s.frame !== null && s.frame.gen === s.gen);
  const pin = useStore((s) => s.pin);
  const unpin = useStore((s) => s.unpin);
  return (
    <div className="pin">
      <button type="button" onClick={pin} disabled={!canPin}>
        Pin this run
      </button>
      {pinned !== null ? (
        <>
          <span className="pin-label" data-testid="pinned">
            <span className="swatch line pinned" /> pinned: {pinned}
          </span>
          <button type="button" onClick={unpin}>
            Unpin
          </button>
        </>
      ) : null}
    </div>
  );
}
