/** A point's marker as render/scatter.ts draws it, at legend size: its class's shape, and a test point's rings. */
import type { ReactNode } from 'react';

export function Marker({ shape, color, ringed }: { shape: number; color: string; ringed?: boolean }) {
  // A test point: a dark ring with a white one on it, as scatter.ts strokes it.
  const rings = ringed
    ? [
        { fill: color, stroke: '#1d1d1d', strokeWidth: 3 },
        { fill: 'none', stroke: '#fff', strokeWidth: 1.25 },
      ]
    : [{ fill: color, stroke: '#1d1d1d', strokeWidth: 1 }];
  const shapeOf = (props: object): ReactNode => {
    switch (shape) {
      case 1:
        return <rect x={2} y={2} width={8} height={8} {...props} />;
      case 2:
        return <polygon points="6,1 11,10 1,10" {...props} />;
      case 3:
        return <polygon points="6,0.5 11.5,6 6,11.5 0.5,6" {...props} />;
      case 4:
        return <polygon points="11,6 8.5,10.3 3.5,10.3 1,6 3.5,1.7 8.5,1.7" {...props} />;
      default:
        return <circle cx={6} cy={6} r={ringed ? 4 : 4.5} {...props} />;
    }
  };
  return (
    <svg className="marker" width={12} height={12} viewBox="-1 -1 14 14" aria-hidden="true">
      {rings.map((r, k) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the rings in drawing order
        <g key={k}>{shapeOf(r)}</g>
      ))}
    </svg>
  );
}
