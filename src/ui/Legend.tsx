/** What the plot's marks mean: class colours, training versus test points, the boundary line. */
import { classColors } from '../render/colors';
import { useStore } from '../state/react';

export function Legend() {
  const classes = useStore((s) => s.points?.classes ?? 2);
  const hasTest = useStore((s) => s.points !== null && s.points.nTrain < s.points.y.length);
  const colors = classColors(classes);
  return (
    <ul className="legend plot-legend">
      {colors.map((c, i) => (
        <li key={c}>
          <span className="swatch dot" style={{ backgroundColor: c }} /> class {i}
        </li>
      ))}
      <li>
        <span className="swatch dot ink" /> training
      </li>
      {hasTest ? (
        <li>
          <span className="swatch dot hollow" /> test
        </li>
      ) : null}
      <li>
        <span className="swatch line boundary" /> decision boundary
      </li>
    </ul>
  );
}
