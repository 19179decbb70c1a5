/**
 * The tutorial's first plot against its second: the logistic-regression baseline (fitted in the
 * analysis worker) beside the network training now, on the same data and the same box.
 */
import { useCallback, useEffect } from 'react';
import { ENUM_FIELDS } from '../../config/schema';
import { PANEL_PLOT, plotRect } from '../../render/plotModel';
import { useStore, useStoreApi, useStoreThrottled } from '../../state/react';
import type { CanvasSize } from '../CanvasView';
import { fmtInt, fmtNum, fmtPercent, stateText } from '../format';
import { Legend } from '../Legend';
import { Accuracy } from './Accuracy';
import { SceneCanvas } from './SceneCanvas';

/** The baseline is a classifier: with a regression dataset the view says so and fits nothing. */
export default function BaselineView() {
  const regression = useStore((s) => s.points.t !== undefined);
  if (regression) {
    return (
      <div className="baseline-view">
        <p className="view-intro" data-testid="baseline-not-applicable">
          The logistic-regression baseline separates classes; a regression dataset (plane, Gaussians) has a
          number at each point instead, so this comparison does not apply. Pick a classification dataset to
          see it.
        </p>
      </div>
    );
  }
  return <BaselineVersus />;
}

function BaselineVersus() {
  const store = useStoreApi();
  const baseline = useStore((s) => s.baseline);
  const frame = useStoreThrottled((s) => s.frame, 100);
  const points = useStore((s) => s.points);
  const hidden = useStore((s) => s.config.hidden);
  const act = useStore((s) => s.config.act);

  useEffect(() => {
    store.getState().startBaseline();
    return () => store.getState().stopBaseline();
  }, [store]);

  // Both plots have this shape: the network's grid (from the main worker) and the baseline's use it.
  const onResize = useCallback(
    ({ width, height }: CanvasSize) => {
      const r = plotRect(width, height, null, PANEL_PLOT);
      store.getState().setAspect(r.w / r.h);
    },
    [store],
  );

  const b = baseline.result;
  return (
    <div className="baseline-view">
      <p className="view-intro">
        The tutorial fits a logistic regression first: it separates the classes with straight lines, so it
        cannot follow the moons. The network's hidden layer bends the boundary. Same data, same box.
      </p>
      <div className="versus">
        <figure className="versus-item">
          <figcaption>
            <h3>Logistic regression</h3>
            <p className="versus-acc" data-testid="baseline-accuracy">
              {b ? <Accuracy train={b.trainAcc} test={b.testAcc} /> : 'fitting…'}
            </p>
            <p className="versus-note">
              {b
                ? `C = ${fmtNum(b.C, 3)}, chosen by 5-fold cross-validation (${fmtPercent(b.cvScore)})${baseline.pending ? '; updating…' : ''}`
                : baseline.error
                  ? `The fit failed: ${baseline.error}`
                  : 'Cross-validating 10 values of C in the analysis worker'}
            </p>
          </figcaption>
          <SceneCanvas
            className="versus-plot"
            grid={b?.grid ?? null}
            points={points}
            options={PANEL_PLOT}
            label="Logistic regression's decision boundary, with the data points"
          />
        </figure>
        <figure className="versus-item">
          <figcaption>
            <h3>
              Network: hidden {hidden.join(', ') || 'none'}, {ENUM_FIELDS.act.optionLabels[act]}
            </h3>
            <p className="versus-acc" data-testid="network-accuracy">
              {frame ? <Accuracy train={frame.trainAcc} test={frame.testAcc} /> : 'starting…'}
            </p>
            <p className="versus-note">
              {frame ? `Pass ${fmtInt(frame.pass)} of ${fmtInt(frame.passes)}, ${stateText(frame)}` : ' '}
            </p>
          </figcaption>
          <SceneCanvas
            className="versus-plot"
            grid={frame?.grid ?? null}
            points={points}
            options={PANEL_PLOT}
            label="The network's decision boundary, with the data points"
            onResize={onResize}
          />
        </figure>
      </div>
      <Legend />
    </div>
  );
}
