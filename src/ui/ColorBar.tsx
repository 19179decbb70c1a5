/**
 * The probability colour bar beside the plot: what the field's shading means (render/colorBar.ts), drawn
 * as SVG gradients. Follows the classes of the points and the "Discretize output" switch.
 */
import { useId } from 'react';
import { colorBar } from '../render/colorBar';
import { classColors } from '../render/colors';
import { markerShape } from '../render/legend';
import { useStore } from '../state/react';
import { Marker } from './Marker';

const W = 160;
const ROW = 10;

export function ColorBar() {
  const classes = useStore((s) => s.frame?.grid.classes ?? s.points.classes);
  const discrete = useStore((s) => s.discrete);
  const bar = colorBar(classes, discrete);
  const id = useId();
  const colors = classColors(classes);
  const rows = bar.rows.length;
  const ticks = bar.ticks.length > 0;
  const height = rows * ROW + (rows - 1) * 2 + (ticks ? 14 : 0);
  return (
    <figure className="color-bar" data-testid="color-bar" aria-label={bar.title}>
      <figcaption>{bar.title}</figcaption>
      <div className="color-bar-body">
        {bar.ends ? <span className="color-bar-end">{bar.ends[0]}</span> : null}
        <div className="color-bar-rows">
          {bar.rows.map((r) =>
            r.cls === null ? null : (
              <Marker key={r.cls} shape={markerShape(r.cls)} color={colors[r.cls] ?? '#888'} />
            ),
          )}
        </div>
        <svg width={W + 8} height={height} viewBox={`-4 0 ${W + 8} ${height}`} role="img" aria-hidden="true">
          <defs>
            {bar.rows.map((r, k) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: one gradient per row, in row order
              <linearGradient key={k} id={`${id}-${k}`} x1="0" x2="1" y1="0" y2="0">
                {r.stops.map((s, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: stops in order (offsets may repeat)
                  <stop key={j} offset={s.at} stopColor={s.color} />
                ))}
              </linearGradient>
            ))}
          </defs>
          {bar.rows.map((_, k) => (
            <rect
              // biome-ignore lint/suspicious/noArrayIndexKey: one bar per row
              key={k}
              x={0}
              y={k * (ROW + 2)}
              width={W}
              height={ROW}
              fill={`url(#${id}-${k})`}
              stroke="#8a8a8a"
              strokeWidth={0.5}
            />
          ))}
          {bar.ticks.map((t) => (
            <text
              key={t.label}
              x={t.at * W}
              y={height - 2}
              textAnchor={t.at === 0 ? 'start' : t.at === 1 ? 'end' : 'middle'}
              fontSize={10}
              fill="currentColor"
            >
              {t.label}
            </text>
          ))}
        </svg>
        {bar.ends ? <span className="color-bar-end">{bar.ends[1]}</span> : null}
      </div>
    </figure>
  );
}
