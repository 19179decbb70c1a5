/**
 * Pass, loss, accuracies, speed and state. The line itself changes many times a second, so it is not a
 * live region; a separate, visually hidden status region announces only the end of a run.
 */
import { useStoreThrottled } from '../state/react';
import type { Frame } from '../state/store';
import { DASH, fmtInt, fmtNum, fmtPercent, stateText } from './format';

/** Ten updates a second are as many as anyone reads. */
const STATUS_INTERVAL_MS = 100;

function endAnnouncement(f: Frame | null): string {
  if (!f) return '';
  switch (f.state) {
    case 'finished':
    case 'converged':
      return `Training ${f.state} at pass ${fmtInt(f.pass)}: training accuracy ${fmtPercent(f.trainAcc)}.`;
    case 'diverged':
      return `Training ${stateText(f)}.`;
    default:
      return '';
  }
}

export function StatusLine() {
  const frame = useStoreThrottled((s) => s.frame, STATUS_INTERVAL_MS);
  const f = frame;
  return (
    <div className="status">
      <p
        className="status-line"
        data-testid="status"
        data-state={f?.state ?? 'starting'}
        data-pass={f?.pass ?? 0}
      >
        {f ? (
          <>
            <span>
              Pass <b>{fmtInt(f.pass)}</b> of {fmtInt(f.passes)}
            </span>
            <span>
              loss <b>{fmtNum(f.trainLoss)}</b>
              {f.testLoss !== null ? <> (test {fmtNum(f.testLoss)})</> : null}
            </span>
            <span>
              accuracy <b>{fmtPercent(f.trainAcc)}</b> train
              {f.testAcc !== null ? <>, {fmtPercent(f.testAcc)} test</> : null}
            </span>
            {/* The speed is measured over half a second: a dash until the first measure. */}
            <span>
              {f.state === 'training' && f.pps > 0 ? `${fmtInt(f.pps)} passes/s` : `${DASH} passes/s`}
            </span>
            <span className={`state state-${f.state}`}>{stateText(f)}</span>
          </>
        ) : (
          <span>Starting…</span>
        )}
      </p>
      <p className="sr-only" role="status">
        {endAnnouncement(f)}
      </p>
    </div>
  );
}
