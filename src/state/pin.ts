/**
 * A pinned run, to compare the current one with: its configuration and data, trained to its end in a
 * worker of its own (src/client/pin.ts), so its loss curves and its decision boundary are the whole
 * run's, however far the run had got when it was pinned. Training is deterministic, so a pin from a
 * link draws exactly the run that was pinned.
 */
import { type Config, configsEqual, SETTING_ROWS } from '../config/schema';
import type { Data } from '../core/datasets';
import { LossSeries } from '../core/lossSeries';
import type { GridFrame, RunState } from '../protocol/training';

export interface PinnedRun {
  config: Config;
  /** The person's edited points it trained on; null for the generated dataset. */
  data: Data | null;
  /** Counts pins, so that the pin's worker tells a new pin from progress of the old one. */
  id: number;
  train: LossSeries;
  test: LossSeries | null;
  grid: GridFrame | null;
  pass: number;
  state: RunState | 'queued' | 'error';
}

let nextPin = 1;

export function newPin(config: Config, data: Data | null): PinnedRun {
  return {
    config,
    data,
    id: nextPin++,
    train: new LossSeries(),
    test: null,
    grid: null,
    pass: 0,
    state: 'queued',
  };
}

function fmtValue(row: (typeof SETTING_ROWS)[number], v: unknown): string {
  if (row.kind === 'enum') return (row.optionLabels as Record<string, string>)[v as string] ?? String(v);
  if (row.kind === 'layers') return (v as number[]).join(',');
  return String(v);
}

/** Every setting in which the pinned run differs from the current one, as "Label pinned (now current)". */
export function differences(pinned: Config, current: Config): string[] {
  const out: string[] = [];
  for (const row of SETTING_ROWS) {
    const a = pinned[row.key];
    const b = current[row.key];
    const same = Array.isArray(a) && Array.isArray(b) ? a.join() === b.join() : a === b;
    if (!same) out.push(`${row.label} ${fmtValue(row, a)} (now ${fmtValue(row, b)})`);
  }
  return out;
}

/** The pin's label: what differs from the current run, or that nothing does. */
export function pinLabel(p: PinnedRun, current: Config, currentData: Data | null): string {
  const parts = differences(p.config, current);
  if (p.data !== currentData) {
    parts.push(p.data ? 'edited points (now other points)' : 'generated points (now edited ones)');
  }
  if (parts.length === 0) return configsEqual(p.config, current) ? 'the same settings' : '';
  return parts.join(', ');
}
