/**
 * Hidden layer sizes: one slider per layer ("Hidden layer size" for the first, as the tutorial's
 * nn_hdim), log-spread for the mouse, one unit per arrow key; buttons add and remove layers.
 */
import { HIDDEN } from '../../config/schema';
import { useStore } from '../../state/react';
import { hiddenScale } from '../sliderScales';
import { RangeControl } from './RangeControl';

const SCALE = hiddenScale();

export function layerLabel(i: number): string {
  return i === 0 ? HIDDEN.label : `Layer ${i + 1} size`;
}

function unitsText(u: number): string {
  return u === 1 ? '1 unit' : `${u} units`;
}

export function HiddenLayers() {
  const hidden = useStore((s) => s.config.hidden);
  const setHidden = useStore((s) => s.setHidden);
  const addLayer = useStore((s) => s.addLayer);
  const removeLayer = useStore((s) => s.removeLayer);
  return (
    <div className="hidden-layers">
      {hidden.length === 0 ? (
        <p className="hint" data-testid="no-hidden">
          No hidden layer: a linear softmax model on the inputs.
        </p>
      ) : null}
      {hidden.map((units, i) => (
        <RangeControl
          // biome-ignore lint/suspicious/noArrayIndexKey: layers are identified by position
          key={i}
          label={layerLabel(i)}
          value={units}
          scale={SCALE}
          format={unitsText}
          onChange={(u) => setHidden(i, u)}
          help={i === 0 ? HIDDEN.help : undefined}
        />
      ))}
      <div className="button-row">
        <button type="button" onClick={addLayer} disabled={hidden.length >= HIDDEN.maxLayers}>
          Add layer
        </button>
        <button type="button" onClick={removeLayer} disabled={hidden.length <= HIDDEN.minLayers}>
          Remove layer
        </button>
      </div>
    </div>
  );
}
