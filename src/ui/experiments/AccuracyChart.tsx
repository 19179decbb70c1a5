/**
 * Training against test accuracy by hidden size, as two lines: where the test line falls away from the
 * training line, the bigger networks fit the noise (the tutorial's point about overfitting).
 */
import type { Tile } from '../../state/gallery';
import { fmtPercent } from '../format';

const W = 320;
const H = 150;
const M = { top: 10, right: 12, bottom: 30, left: 40 };

function path(values: (number | null)[], x: (i: number) => number, y: (v: number) => number): string {
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)} ${y(v).toFixed(1)}`;
    pen = true;
  });
  return d;
}

export function AccuracyChart({ tiles }: { tiles: readonly Tile[] }) {
  const train = tiles.map((t) => t.trainAcc);
  const test = tiles.map((t) => t.testAcc);
  const known = [...train, ...test].filter((v): v is number => v !== null);
  const lo = Math.min(0.5, Math.floor(Math.min(1, ...known) * 10) / 10);
  const x = (i: number) => M.left + ((i + 0.5) * (W - M.left - M.right)) / Math.max(1, tiles.length);
  const y = (v: number) => M.top + ((1 - v) * (H - M.top - M.bottom)) / (1 - lo);
  const ticks = [lo, (lo + 1) / 2, 1];
  const hasTest = test.some((v) => v !== null);
  const summary = tiles
    .map(
      (t) => `${t.units}: train ${fmtPercent(t.trainAcc)}${hasTest ? `, test ${fmtPercent(t.testAcc)}` : ''}`,
    )
    .join('; ');
  return (
    <figure className="acc-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Accuracy by hidden size. ${summary}`}>
        {ticks.map((v) => (
          <g key={v} className="acc-grid">
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} />
            <text x={M.left - 4} y={y(v)} dy="0.32em" textAnchor="end">
              {Math.round(v * 100)}%
            </text>
          </g>
        ))}
        {tiles.map((t, i) => (
          <text key={t.units} className="acc-x" x={x(i)} y={H - M.bottom + 14} textAnchor="middle">
            {t.units}
          </text>
        ))}
        <text className="acc-x" x={(M.left + W - M.right) / 2} y={H - 2} textAnchor="middle">
          hidden units
        </text>
        <path className="acc-line train" d={path(train, x, y)} />
        {hasTest ? <path className="acc-line test" d={path(test, x, y)} /> : null}
      </svg>
      <figcaption>
        <span className="swatch line train" /> training accuracy
        {hasTest ? (
          <>
            {' '}
            <span className="swatch line test" /> test accuracy
          </>
        ) : null}
      </figcaption>
    </figure>
  );
}
