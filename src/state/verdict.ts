/**
 * An honest verdict on a run, from what the page knows of it: the worker's state, the loss curve and the
 * accuracy. Only a run that ended well (converged or finished, and learning) counts as a success; every
 * verdict carries one line on what it means or what to try.
 */
import type { Config } from '../config/schema';
import type { LossSeries } from '../core/lossSeries';
import type { PointsFrame, RunState } from '../protocol/training';

export type VerdictKind = 'training' | 'paused' | 'converged' | 'finished' | 'diverged' | 'not-learning';

export interface Verdict {
  kind: VerdictKind;
  /** A word or two for the status line. */
  label: string;
  /** One line: what happened, or what to try. */
  advice: string;
  success: boolean;
}

export interface RunFacts {
  state: RunState;
  pass: number;
  passes: number;
  trainLoss: number | null;
  trainAcc: number;
  losses: LossSeries;
  points: PointsFrame;
  config: Config;
}

/** The loss is judged over the last this many passes for swings. */
export const SWING_WINDOW = 200;
/** A loss that moves by more than this share of its lowest value within the window is swinging. */
export const SWING_SHARE = 0.5;
/**
 * Swings count only while the loss is still this share of where it started or more: a run that has
 * settled far below its start and flickers there (the tutorial's period-2 oscillation at hidden 3 and 4)
 * has learned.
 */
export const UNSETTLED_SHARE = 0.5;
/** Accuracy within this of always guessing the commonest class is "near chance". */
export const CHANCE_MARGIN = 0.05;
/** Before this many passes (or the run's end) a run is still finding its way: no judgement yet. */
export const JUDGE_AFTER = 1000;

/** The accuracy of always answering the commonest class among the training rows. */
export function chanceAccuracy(points: PointsFrame): number {
  const counts = new Array<number>(points.classes).fill(0);
  for (let i = 0; i < points.nTrain; i++) counts[points.y[i]!]!++;
  return points.nTrain > 0 ? Math.max(...counts) / points.nTrain : 1;
}

/**
 * Regression's "chance": the loss of always predicting the training targets' mean, (1/2) their
 * variance; a run whose loss stays above 90% of it has learnt next to nothing (R² below 0.1).
 */
export function chanceLoss(points: PointsFrame, t: Float64Array): number {
  const n = points.nTrain;
  if (n === 0) return 0;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += t[i]! / n;
  let s = 0;
  for (let i = 0; i < n; i++) s += (t[i]! - mean) ** 2;
  return (0.5 * s) / n;
}

interface Symptoms {
  aboveStart: boolean;
  nearChance: boolean;
  swinging: boolean;
}

function symptoms(f: RunFacts): Symptoms {
  const { losses } = f;
  const first = losses.length > 0 ? losses.at(0) : Number.NaN;
  const last = f.trainLoss ?? Number.POSITIVE_INFINITY;
  const window = losses.extent(Math.max(1, losses.length - SWING_WINDOW));
  return {
    aboveStart: Number.isFinite(first) && last > first,
    nearChance: f.points.t
      ? !(last < 0.9 * chanceLoss(f.points, f.points.t))
      : !(f.trainAcc > chanceAccuracy(f.points) + CHANCE_MARGIN),
    swinging:
      window !== null &&
      window[1] - window[0] > SWING_SHARE * Math.max(window[0], 1e-12) &&
      !(window[1] < UNSETTLED_SHARE * first),
  };
}

function fmtLr(x: number): string {
  return Number(x.toPrecision(2)).toString();
}

/** What to try when the run does not learn, in the app's own words. */
function notLearningAdvice(f: RunFacts, s: Symptoms): string {
  const { config } = f;
  const n = f.points.nTrain;
  const batch = config.batch > 0 && config.batch < n ? config.batch : n;
  if (s.swinging || s.aboveStart) {
    return (
      `The step is too big for ${batch} points: lower the learning rate, to ${fmtLr(config.lr / 10)} say ` +
      '(the tutorial sums the gradient over all points, so more points make each step bigger).'
    );
  }
  if (config.reg >= 1) {
    return 'Regularization this strong holds every weight near zero: lower it.';
  }
  if (config.act === 'linear') {
    return 'A linear activation can only draw straight boundaries: try tanh or ReLU.';
  }
  if (f.state === 'finished') {
    return 'The loss is still falling: raise the learning rate or the number of passes.';
  }
  if (f.points.t)
    return 'The network cannot fit these values: give it more hidden units or another activation.';
  return 'The network cannot separate these classes: give it more hidden units or another activation.';
}

export function verdict(f: RunFacts): Verdict {
  if (f.state === 'diverged') {
    return {
      kind: 'diverged',
      label: 'diverged',
      advice: `The loss grew without bound: lower the learning rate (now ${fmtLr(f.config.lr)}).`,
      success: false,
    };
  }
  const ended = f.state === 'finished' || f.state === 'converged';
  const judged = ended || f.pass >= JUDGE_AFTER;
  const s = symptoms(f);
  if (judged && (s.aboveStart || s.nearChance || s.swinging)) {
    return { kind: 'not-learning', label: 'not learning', advice: notLearningAdvice(f, s), success: false };
  }
  switch (f.state) {
    case 'converged':
      return {
        kind: 'converged',
        label: 'converged',
        advice: 'The loss stopped falling: more passes would not change the boundary.',
        success: true,
      };
    case 'finished':
      return {
        kind: 'finished',
        label: 'finished',
        advice: `All ${f.passes.toLocaleString('en-US')} passes done.`,
        success: true,
      };
    case 'paused':
      return { kind: 'paused', label: 'paused', advice: 'Play goes on; Step does one pass.', success: false };
    default:
      return {
        kind: 'training',
        label: 'training',
        advice: 'Watch the boundary form; every slider starts the run again.',
        success: false,
      };
  }
}
