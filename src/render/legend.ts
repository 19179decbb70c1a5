/** What the plot's marks mean, as entries any legend can show: the classes, the two point sets, the line. */
import type { PointsFrame } from '../protocol/training';
import { classColors } from './colors';

/** Colour of the marker that stands for a point set (training, test) rather than a class. */
export const NEUTRAL_MARK = '#8a8a8a';

export type LegendEntry =
  /** `shape` as scatter.ts draws it; `ringed`: a test point (scatter.ts's double ring). */
  | { kind: 'mark'; label: string; color: string; shape: number; ringed: boolean }
  | { kind: 'boundary'; label: string };

/**
 * Marker shape of class `c` (scatter.ts): one per class, by index only, so adding a class leaves the
 * others' markers as they were.
 */
export function markerShape(c: number): number {
  return c;
}

export function legendEntries(classes: number, hasTest: boolean): LegendEntry[] {
  const entries: LegendEntry[] = classColors(classes).map((color, c) => ({
    kind: 'mark',
    label: `class ${c}`,
    color,
    shape: markerShape(c),
    ringed: false,
  }));
  entries.push({ kind: 'mark', label: 'training', color: NEUTRAL_MARK, shape: 0, ringed: false });
  if (hasTest) entries.push({ kind: 'mark', label: 'test', color: NEUTRAL_MARK, shape: 0, ringed: true });
  entries.push({ kind: 'boundary', label: 'decision boundary' });
  return entries;
}

/** Regression: the points are coloured by their targets (the colour bar's scale); no classes, no boundary. */
export function regressionEntries(hasTest: boolean): LegendEntry[] {
  const entries: LegendEntry[] = [
    { kind: 'mark', label: 'training (colour: its target)', color: NEUTRAL_MARK, shape: 0, ringed: false },
  ];
  if (hasTest) entries.push({ kind: 'mark', label: 'test', color: NEUTRAL_MARK, shape: 0, ringed: true });
  return entries;
}

/** The entries for these points (two classes, no test points, when there are none yet). */
export function pointsLegend(points: PointsFrame | null): LegendEntry[] {
  const hasTest = points !== null && points.nTrain < points.y.length;
  if (points?.t) return regressionEntries(hasTest);
  return legendEntries(points?.classes ?? 2, hasTest);
}
