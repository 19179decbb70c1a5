/**
 * The diagram's input column as TensorFlow Playground's toggles, drawn in the diagram's SVG: each feature
 * in its row, on (a node of the network, its field and links drawn under it by DiagramLayers) or off
 * (dimmed, unlinked). Each is a tab stop; Enter or Space toggles it.
 */
import { type Feature, INPUTS } from '../../config/schema';
import type { Diagram } from '../../render/diagram';
/** The input column as toggles: each feature in its row, on (a node of the network) or off (dimmed). */
export function InputToggles({
  layout,
  inputs,
  onToggle,
}: {
  layout: Diagram;
  inputs: readonly Feature[];
  onToggle: (f: Feature) => void;
}) {
  const { rx, ry, step } = layout;
  const x = layout.layers[0]!.x;
  const ys = layout.rowYs ?? [];
  // The whole row is the target, label and node: from the diagram's edge to just past the node.
  const hitX = 2;
  const hitW = x + rx + 4 - hitX;
  const hitH = step - 2;
  return (
    <g className="input-toggles">
      {INPUTS.options.map((f, r) => {
        const y = ys[r]!;
        const on = inputs.includes(f);
        const locked = on && inputs.length === 1;
        const label = INPUTS.optionLabels[f];
        const toggle = () => {
          if (!locked) onToggle(f);
        };
        return (
          // biome-ignore lint/a11y/useSemanticElements: an SVG node cannot be an HTML button
          <g
            key={f}
            className={`node input toggle-node${on ? '' : ' off'}`}
            role="button"
            tabIndex={0}
            aria-label={`input ${label}`}
            aria-pressed={on}
            aria-disabled={locked || undefined}
            data-feature={f}
            onClick={toggle}
            onKeyDown={(e) => {
              if (e.key !== 'Enter' && e.key !== ' ') return;
              e.preventDefault();
              toggle();
            }}
          >
            <title>
              {locked ? `${label}: the last input, cannot be turned off` : `${label}: ${on ? 'on' : 'off'}`}
            </title>
            <rect className="hit" x={hitX} y={y - hitH / 2} width={hitW} height={hitH} />
            <rect x={x - rx} y={y - ry} width={2 * rx} height={2 * ry} rx={Math.min(3, rx / 4)} />
            <text className="toggle-label" x={x - rx - 4} y={y} textAnchor="end" dominantBaseline="central">
              {label}
            </text>
          </g>
        );
      })}
    </g>
  );
}
