/**
 * Pass and loss in a corner of the plot, for phones: there the plot sticks to the top of the screen
 * while the controls scroll under it, and the status line above it scrolls away. Shown only by the
 * phone layout's CSS; hidden from screen readers, which have the status line.
 */
import { useStoreThrottled } from '../state/react';
import { fmtInt, fmtNum } from './format';

/** Text updates per second at most: readable, and cheap. */
const EVERY_MS = 150;

export function PlotPass() {
  const text = useStoreThrottled(
    (s) => (s.frame?.gen === s.gen ? `pass ${fmtInt(s.frame.pass)} · loss ${fmtNum(s.frame.trainLoss)}` : ''),
    EVERY_MS,
  );
  return text ? (
    <p className="plot-pass" aria-hidden="true" data-testid="plot-pass">
      {text}
    </p>
  ) : null;
}
