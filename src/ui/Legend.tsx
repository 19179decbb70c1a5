/** What the plot's marks mean: class colours and markers, training versus test points, the boundary. */
import type { ReactNode } from 'react';
import { legendEntries } from '../render/legend';
import { useStore } from '../state/react';

/** The shapes of render/scatter.ts, at legend size. */
function Marker({ shape, color, hollow }: { shape: number; color: string; hollow?: boolean }) {
  const props = { fill: hollow ? '#fff' : color, stroke: '#1d1d1d', strokeWidth: 1 };
  let mark: ReactNode;
  switch (shape) {
    case 1:
      mark = <rect x={2} y={2} width={8} height={8} {...props} />;
      break;
    case 2:
      mark = <polygon points="6,1 11,10 1,10" {...props} />;
      break;
    case 3:
      mark = <polygon points="6,0.5 11.5,6 6,11.5 0.5,6" {...props} />;
      break;
    case 4:
      mark = <polygon points="11,6 8.5,10.3 3.5,10.3 1,6 3.5,1.7 8.5,1.7" {...props} />;
      break;
    default:
      mark = <circle cx={6} cy={6} r={4.5} {...props} />;
  }
  return (
    <svg className="marker" width={12} height={12} viewBox="0 0 12 12" aria-hidden="true">
      {mark}
      {hollow ? <circle cx={6} cy={6} r={2.2} fill={color} /> : null}
    </svg>
  );
}

export function Legend() {
  const classes = useStore((s) => s.points.classes);
  const hasTest = useStore((s) => s.points !== null && s.points.nTrain < s.points.y.length);
  return (
    <ul className="legend plot-legend" aria-label="Legend">
      {legendEntries(classes, hasTest).map((e) =>
        e.kind === 'mark' ? (
          <li key={e.label}>
            <Marker shape={e.shape} color={e.color} hollow={e.hollow} /> {e.label}
          </li>
        ) : (
          <li key={e.label}>
            <span className="swatch line boundary" /> {e.label}
          </li>
        ),
      )}
    </ul>
  );
}
