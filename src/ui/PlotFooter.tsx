/** Under the plot: its tools (editing, undo, fit, what is shown), then what its marks and shading mean. */
import { ColorBar } from './ColorBar';
import { PlotTools } from './data/PlotTools';
import { Legend } from './Legend';

export function PlotFooter() {
  return (
    <div className="plot-footer">
      <PlotTools />
      <div className="plot-key">
        <Legend />
        <ColorBar />
      </div>
    </div>
  );
}
