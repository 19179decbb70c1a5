/** What the plot's marks mean: class colours and markers, training versus test points, the boundary. */
import { legendEntries, regressionEntries } from '../render/legend';
import { useStore } from '../state/react';
import { Marker } from './Marker';

export function Legend() {
  const classes = useStore((s) => s.points.classes);
  const hasTest = useStore((s) => s.showTest && s.points.nTrain < s.points.y.length);
  const regression = useStore((s) => s.points.t !== undefined);
  const entries = regression ? regressionEntries(hasTest) : legendEntries(classes, hasTest);
  return (
    <ul className="legend plot-legend" aria-label="Legend">
      {entries.map((e) =>
        e.kind === 'mark' ? (
          <li key={e.label}>
            <Marker shape={e.shape} color={e.color} ringed={e.ringed} /> {e.label}
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
