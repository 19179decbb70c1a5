/**
 * The verdict rules on real runs: the worker's own session trains the configuration to its end, and the
 * verdict is judged from its last snapshot and loss history, as the status line judges it.
 */
import { describe, expect, it } from 'vitest';
import { type Config, copyConfig, DEFAULT_CONFIG } from '../../src/config/schema';
import { LossSeries } from '../../src/core/lossSeries';
import { runPoints } from '../../src/state/points';
import { chanceAccuracy, type Verdict, verdict } from '../../src/state/verdict';
import { Session } from '../../src/worker/session';

const tutorial = copyConfig(DEFAULT_CONFIG);

function judge(config: Config, passes = config.passes): Verdict {
  const c = { ...config, passes };
  const session = new Session(0, c, 1.5);
  while (!session.end) session.advance(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, () => 0);
  const snap = session.snapshot(true, 0);
  const losses = new LossSeries();
  losses.append(snap.trainLosses);
  return verdict({ ...snap, losses, points: runPoints(c, null, 0).points, config: c });
}

describe('the verdict on a run', () => {
  it("calls the tutorial's run finished, a success", () => {
    const v = judge(tutorial);
    expect(v).toMatchObject({ kind: 'finished', success: true });
    expect(v.advice).toContain('20,000 passes');
  });

  it('calls a run that settled far below its start and flickers there finished, not "not learning"', () => {
    // Hidden 4 ends in a period-2 oscillation between ~0.05 and ~0.08: the swing is large for its size,
    // but the run has learned (99% accuracy).
    const v = judge({ ...tutorial, hidden: [4] });
    expect(v).toMatchObject({ kind: 'finished', success: true });
  });

  it('calls a run whose loss stopped falling converged, a success', () => {
    expect(judge({ ...tutorial, lr: 0.001, reg: 0.1 }, 200000)).toMatchObject({
      kind: 'converged',
      success: true,
    });
  });

  it('says not learning at learning rate 0.25, and to lower it', () => {
    const v = judge({ ...tutorial, lr: 0.25 }, 3000);
    expect(v).toMatchObject({ kind: 'not-learning', success: false });
    expect(v.advice).toMatch(/step is too big for 200 points: lower the learning rate, to 0\.025/);
  });

  it("says not learning for 2,000 points at the tutorial's rate: the summed gradient is ten times bigger", () => {
    const v = judge({ ...tutorial, n: 2000 }, 1500);
    expect(v).toMatchObject({ kind: 'not-learning', success: false });
    expect(v.advice).toContain('too big for 2000 points');
  });

  it('says not learning when regularization holds the weights at zero', () => {
    // 20 points: the penalty outweighs the data, the loss settles at ln 2 and every guess is a coin toss.
    const v = judge({ ...tutorial, reg: 10, n: 20 }, 2000);
    expect(v).toMatchObject({ kind: 'not-learning', success: false });
    expect(v.advice).toContain('Regularization');
  });

  it('says diverged, never success, when the loss runs away', () => {
    const v = judge({ ...tutorial, lr: 1, reg: 0 }, 5000);
    expect(v.success).toBe(false);
    expect(['diverged', 'not-learning']).toContain(v.kind);
  });

  it('knows chance: the commonest class among the training rows', () => {
    const points = runPoints({ ...tutorial, data: 'blobs', classes: 3, n: 301 }, null, 0).points;
    const counts = [0, 0, 0];
    for (let i = 0; i < points.nTrain; i++) counts[points.y[i]!]!++;
    expect(chanceAccuracy(points)).toBe(Math.max(...counts) / points.nTrain);
  });
});
