/**
 * A pinned run: a copy of a run's loss curves, drawn under the current run's for comparison. Pinned
 * while training, it keeps following its run until the next generation starts.
 */
import type { Config } from '../config/schema';
import { LossSeries } from '../core/lossSeries';

export interface PinnedRun {
  /** What the run was, in a few words, for the legend. */
  label: string;
  /** The generation it follows. */
  gen: number;
  train: LossSeries;
  test: LossSeries | null;
}

/** A copy: the live series keeps growing while training goes on. */
export function copySeries(s: LossSeries): LossSeries {
  const out = new LossSeries();
  for (let i = 0; i < s.length; i++) out.push(s.at(i));
  return out;
}

export function runLabel(c: Config, edited: boolean): string {
  const data = edited ? 'edited data' : c.data;
  const parts = [data, `hidden ${c.hidden.join(',')}`, c.act, `lr ${c.lr}`];
  if (c.reg !== 0.01) parts.push(`reg ${c.reg}`);
  if (c.batch > 0) parts.push(`batch ${c.batch}`);
  if (c.anneal !== 'none') parts.push(`${c.anneal} annealing`);
  return parts.join(', ');
}

export function pinRun(
  c: Config,
  edited: boolean,
  gen: number,
  train: LossSeries,
  test: LossSeries | null,
): PinnedRun {
  return { label: runLabel(c, edited), gen, train: copySeries(train), test: test ? copySeries(test) : null };
}
