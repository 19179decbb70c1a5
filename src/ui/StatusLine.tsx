/**
 * Pass, loss, accuracies, speed, the engine that trains and an honest verdict with one line on what it means or what to try.
 * It follows every snapshot (at most one a frame: the worker waits for the page's ack). The line itself
 * changes many times a second, so it is not a live region; a separate, visually hidden status region
 * announces only the verdict of a run that ended.
 */
import { useMemo } from 'react';
import { ENGINE_LABELS } from '../core/engineName';
import { useStore } from '../state/react';
import { type Verdict, verdict } from '../state/verdict';
import { DASH, fmtInt, fmtNum, fmtPercent } from './format';

function endAnnouncement(v: Verdict | null, pass: number, acc: number, loss: number | null): string {
  if (!v || v.kind === 'training' || v.kind === 'paused') return '';
  // Regression has no accuracy (NaN): its measure is the loss.
  const measure = Number.isNaN(acc)
    ? `training loss ${fmtNum(loss)}`
    : `training accuracy ${fmtPercent(acc)}`;
  const at = v.kind === 'diverged' ? '' : ` at pass ${fmtInt(pass)}, ${measure}`;
  return `Training ${v.label}${at}. ${v.advice}`;
}

export function StatusLine() {
  const f = useStore((s) => (s.frame?.gen === s.gen ? s.frame : null));
  const losses = useStore((s) => s.losses);
  const lossVersion = useStore((s) => s.lossVersion);
  const points = useStore((s) => s.points);
  const config = useStore((s) => s.config);
  const handEdited = useStore((s) => s.handEdited !== null && s.handEdited === s.gen);
  const v = useMemo(
    () =>
      f && lossVersion >= 0
        ? verdict({
            state: f.state,
            pass: f.pass,
            passes: f.passes,
            trainLoss: f.trainLoss,
            trainAcc: f.trainAcc,
            losses: losses.train,
            points,
            config,
          })
        : null,
    [f, losses, lossVersion, points, config],
  );
  return (
    <div className="status">
      <p
        className="status-line"
        data-testid="status"
        data-state={f?.state ?? 'starting'}
        data-verdict={v?.kind ?? 'starting'}
        data-pass={f?.pass ?? 0}
        data-edited={handEdited}
      >
        {f && v ? (
          <>
            <span>
              Pass <b>{fmtInt(f.pass)}</b> of {fmtInt(f.passes)}
            </span>
            <span>
              loss <b>{fmtNum(f.trainLoss)}</b>
              {f.testLoss !== null ? <> (test {fmtNum(f.testLoss)})</> : null}
            </span>
            {points.t ? null : (
              <span>
                accuracy <b>{fmtPercent(f.trainAcc)}</b> train
                {f.testAcc !== null ? <>, {fmtPercent(f.testAcc)} test</> : null}
              </span>
            )}
            {/* The speed is measured over half a second: a dash until the first measure. */}
            <span>
              {f.state === 'training' && f.pps > 0 ? `${fmtInt(f.pps)} passes/s` : `${DASH} passes/s`}
            </span>
            <span className="status-engine" data-testid="engine" data-engine={f.engine}>
              engine: {ENGINE_LABELS[f.engine]}
            </span>
            <span className={`state state-${v.kind}${v.success ? ' state-success' : ''}`}>
              {v.kind === 'diverged' ? `diverged at pass ${fmtInt(f.divergedAt ?? f.pass)}` : v.label}
            </span>
            {handEdited ? <span className="state state-edited">weights edited by hand</span> : null}
          </>
        ) : (
          <span>Starting…</span>
        )}
      </p>
      <p
        className={`status-advice${v && !v.success && v.kind !== 'training' && v.kind !== 'paused' ? ' status-warn' : ''}`}
        data-testid="advice"
      >
        {v ? v.advice : ' '}
      </p>
      <p className="sr-only" role="status">
        {f ? endAnnouncement(v, f.pass, f.trainAcc, f.trainLoss) : ''}
      </p>
    </div>
  );
}
