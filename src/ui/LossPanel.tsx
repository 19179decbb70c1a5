/** Training and test loss per pass: the whole run, and the last passes in detail. */
import { useCallback, useId } from 'react';
import { drawLossChart } from '../render/lossChart';
import { useStore, useStoreApi } from '../state/react';
import type { AppStore } from '../state/store';
import { type CanvasSize, CanvasView } from './CanvasView';
import { PinControl } from './compare/PinControl';

export const RECENT_PASSES = 60;
/** The charts need not follow every snapshot: a few redraws a second keep the main thread free. */
const WHOLE_RUN_INTERVAL_MS = 250;
const RECENT_INTERVAL_MS = 100;

function drawLoss(store: AppStore, ctx: CanvasRenderingContext2D, size: CanvasSize, recent?: number): void {
  const { losses, logScale: log, pinned } = store.getState();
  drawLossChart(ctx, {
    pinned,
    width: size.width,
    height: size.height,
    train: losses.train,
    test: losses.test,
    log,
    recent,
  });
  // How many passes the picture shows, for tests that wait for the chart to catch up.
  ctx.canvas.dataset.count = String(losses.train.length);
}

export function LossPanel() {
  const store = useStoreApi();
  const logScale = useStore((s) => s.logScale);
  const setLogScale = useStore((s) => s.setLogScale);
  const hasTest = useStore((s) => s.losses.test !== null);
  const logId = useId();

  const subscribe = useCallback(
    (redraw: () => void) =>
      store.subscribe((s, p) => {
        if (s.lossVersion !== p.lossVersion || s.logScale !== p.logScale || s.pinned !== p.pinned) redraw();
      }),
    [store],
  );
  const drawAll = useCallback(
    (ctx: CanvasRenderingContext2D, size: CanvasSize) => drawLoss(store, ctx, size),
    [store],
  );
  const drawRecent = useCallback(
    (ctx: CanvasRenderingContext2D, size: CanvasSize) => drawLoss(store, ctx, size, RECENT_PASSES),
    [store],
  );

  return (
    <section className="loss panel" aria-label="Loss">
      <div className="loss-head">
        <h2>Loss</h2>
        <ul className="legend">
          <li>
            <span className="swatch line train" /> training
          </li>
          {hasTest ? (
            <li>
              <span className="swatch line test" /> test
            </li>
          ) : null}
        </ul>
        <label className="check" htmlFor={logId}>
          <input
            id={logId}
            type="checkbox"
            checked={logScale}
            onChange={(e) => setLogScale(e.currentTarget.checked)}
          />
          Log scale
        </label>
      </div>
      <PinControl />
      <div className="loss-charts">
        <figure>
          <CanvasView
            label="Loss per pass over the whole run"
            draw={drawAll}
            subscribe={subscribe}
            minInterval={WHOLE_RUN_INTERVAL_MS}
          />
          <figcaption>whole run</figcaption>
        </figure>
        <figure>
          <CanvasView
            label={`Loss over the last ${RECENT_PASSES} passes`}
            draw={drawRecent}
            subscribe={subscribe}
            minInterval={RECENT_INTERVAL_MS}
          />
          <figcaption>last {RECENT_PASSES} passes</figcaption>
        </figure>
      </div>
    </section>
  );
}
