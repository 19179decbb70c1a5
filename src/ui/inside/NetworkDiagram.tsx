/**
 * The network as a diagram: a column of nodes per layer, edges coloured by the sign of their weight and
 * as thick as it is large, and in each node its field over the plot's box as a small live heatmap
 * (NodeFields), all redrawn as training goes on. Hidden units are buttons: hovering, focusing or pressing
 * one shows its activation (UnitField, and large in the main plot while hovered or focused). One tab
 * stop for the whole diagram; arrow keys move between hidden units (up and down in a layer, left and
 * right across layers). Clicking or tapping a link picks it for the weight editor (WeightEditor, which
 * keyboards reach by its own button). With `onToggleInput`, the input column is TensorFlow Playground's:
 * every feature is a toggle (a tab stop each), the network's inputs in their rows with their fields and
 * links, the others dimmed and unlinked; the last input left on cannot be turned off.
 */
import { type KeyboardEvent, type MouseEvent, memo, useEffect, useMemo, useRef } from 'react';
import { type Feature, INPUTS } from '../../config/schema';
import type { UnitRef } from '../../protocol/training';
import type { WeightRef } from '../../protocol/weightRef';
import { classColors } from '../../render/colors';
import { type Diagram, edgeAt, layoutDiagram } from '../../render/diagram';
import { DiagramEdges, NodeFields } from './DiagramLayers';
import { InputToggles } from './InputToggles';

export const DIAGRAM_WIDTH = 340;
export const DIAGRAM_HEIGHT = 300;
/** With the input toggles: seven rows 48 units apart, a 44 px target wherever the diagram is drawn at
 * its own size or larger (a phone draws it about 1:1). */
export const TOGGLES_HEIGHT = 42 + 48 * INPUTS.options.length;

/**
 * The diagram's layout as NetworkDiagram draws it. `toggles`: every feature has a row in the input
 * column (needs `inputs`, one per sizes[0]).
 */
export function diagramLayout(
  sizes: readonly number[],
  aspect: number,
  inputs?: readonly Feature[],
  toggles = false,
): Diagram {
  // Features need more room for their labels than x and y.
  const left = !toggles && inputLabel(0, inputs) === 'x' ? 42 : 64;
  const rows =
    toggles && inputs
      ? { slots: INPUTS.options.length, rows: inputs.map((f) => INPUTS.options.indexOf(f)) }
      : undefined;
  return layoutDiagram(sizes, DIAGRAM_WIDTH, rows ? TOGGLES_HEIGHT : DIAGRAM_HEIGHT, aspect, left, rows);
}

export function layerName(index: number, layers: number): string {
  if (index === 0) return 'input';
  return index === layers - 1 ? 'output' : `hidden ${index}`;
}

export function unitName(ref: UnitRef): string {
  return `hidden ${ref.layer}, unit ${ref.unit + 1}`;
}

/** An input node's label: x or y for the tutorial's inputs, else its feature (x₁², sin x₂, ...). */
export function inputLabel(unit: number, inputs?: readonly Feature[]): string {
  const f = inputs?.[unit];
  const plain = !inputs || (inputs.length === 2 && inputs[0] === 'x1' && inputs[1] === 'x2');
  return plain || !f ? (unit === 0 ? 'x' : 'y') : INPUTS.optionLabels[f];
}

/** Any node's name, as the diagram labels it: its input, hidden units from 1, output classes from 0. */
export function nodeName(layer: number, unit: number, layers: number, inputs?: readonly Feature[]): string {
  // Named as the diagram's input toggles name them (x₁, x₂, x₁², ...) once the features are known.
  const f = inputs?.[unit];
  if (layer === 0) return `input ${f ? INPUTS.optionLabels[f] : inputLabel(unit, inputs)}`;
  if (layer === layers - 1) return `output, class ${unit}`;
  return unitName({ layer, unit });
}

export function linkName(ref: WeightRef, layers: number, inputs?: readonly Feature[]): string {
  return `${nodeName(ref.layer, ref.from, layers, inputs)} to ${nodeName(ref.layer + 1, ref.to, layers, inputs)}`;
}

/** How far from a link, in the diagram's units (about CSS pixels), a click still picks it. */
const PICK_MOUSE = 6;
const PICK_TOUCH = 14;

/** The diagram coordinates of a click on the SVG (its viewBox is fitted to the box and centred). */
function diagramPoint(e: MouseEvent<SVGSVGElement>, d: Diagram): { x: number; y: number } {
  const r = e.currentTarget.getBoundingClientRect();
  const s = Math.min(r.width / d.width, r.height / d.height) || 1;
  return {
    x: (e.clientX - r.left - (r.width - d.width * s) / 2) / s,
    y: (e.clientY - r.top - (r.height - d.height * s) / 2) / s,
  };
}

export interface NetworkDiagramProps {
  sizes: readonly number[];
  /** Draw edges and heatmaps: false when the network is too big to have its weights on the page. */
  edges: boolean;
  active: UnitRef | null;
  onActivate: (ref: UnitRef) => void;
  /** Called with the unit under the pointer or focus, and with null when it leaves. */
  onPreview?: (ref: UnitRef | null) => void;
  /** Width / height of the plot's box, the shape of each node's heatmap. */
  aspect?: number;
  /** A click or tap on a drawn link (only when `edges` are drawn). */
  onPickLink?: (ref: WeightRef) => void;
  /** The link being edited, outlined. */
  picked?: WeightRef | null;
  /** The input features, which label the input nodes (default: x and y). */
  inputs?: readonly Feature[];
  /** Turns a feature on or off: makes the input column a set of toggles, one per feature. */
  onToggleInput?: (f: Feature) => void;
}

export const NetworkDiagram = memo(function NetworkDiagram({
  sizes,
  edges,
  active,
  onActivate,
  onPreview,
  aspect = 1,
  onPickLink,
  picked,
  inputs,
  onToggleInput,
}: NetworkDiagramProps) {
  const key = sizes.join(',');
  const inputsKey = inputs?.join(',') ?? '';
  // The toggles need one input per feature on: not while the worker still sends the last shape.
  const toggles = !!onToggleInput && !!inputs && inputs.length === sizes[0];
  // biome-ignore lint/correctness/useExhaustiveDependencies: the layout depends on the arrays' values only
  const layout = useMemo(
    () => diagramLayout(sizes, aspect, inputs, toggles),
    [key, aspect, inputsKey, toggles],
  );
  const nodes = useRef(new Map<string, SVGGElement>());
  const wrap = useRef<HTMLDivElement>(null);
  const focusNext = useRef<string | null>(null);
  const hiddenLayers = layout.layers.slice(1, -1);
  const tabStop = active ?? (hiddenLayers.length > 0 ? { layer: 1, unit: 0 } : null);

  useEffect(() => {
    if (focusNext.current) nodes.current.get(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const onKeyDown = (e: KeyboardEvent, ref: UnitRef) => {
    const layer = layout.layers[ref.layer]!;
    let next: UnitRef | null = null;
    const pos = layer.units.indexOf(ref.unit);
    if (e.key === 'ArrowUp' && pos > 0) next = { layer: ref.layer, unit: layer.units[pos - 1]! };
    if (e.key === 'ArrowDown' && pos + 1 < layer.units.length)
      next = { layer: ref.layer, unit: layer.units[pos + 1]! };
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      const to = ref.layer + (e.key === 'ArrowLeft' ? -1 : 1);
      const target = to >= 1 && to < layout.layers.length - 1 ? layout.layers[to]! : null;
      if (target) next = { layer: to, unit: target.units[Math.min(pos, target.units.length - 1)]! };
    }
    if (e.key === 'Home') next = { layer: ref.layer, unit: layer.units[0]! };
    if (e.key === 'End') next = { layer: ref.layer, unit: layer.units[layer.units.length - 1]! };
    if (!next) return;
    e.preventDefault();
    focusNext.current = `${next.layer}:${next.unit}`;
    onActivate(next);
  };

  const pick = (e: MouseEvent<SVGSVGElement>) => {
    if (!edges || !onPickLink || (e.target as Element).closest('.node')) return;
    const { x, y } = diagramPoint(e, layout);
    const touch = (e.nativeEvent as PointerEvent).pointerType === 'touch';
    const ref = edgeAt(layout, x, y, touch ? PICK_TOUCH : PICK_MOUSE);
    if (ref) onPickLink(ref);
  };
  /** Links look clickable where a click would pick one. */
  const hover = (e: MouseEvent<SVGSVGElement>) => {
    if (!edges || !onPickLink) return;
    const { x, y } = diagramPoint(e, layout);
    const over = !(e.target as Element).closest('.node') && edgeAt(layout, x, y, PICK_MOUSE) !== null;
    e.currentTarget.classList.toggle('over-link', over);
  };
  const from = picked ? layout.layers[picked.layer] : undefined;
  const to = picked ? layout.layers[picked.layer + 1] : undefined;
  const fromRow = from && picked ? from.units.indexOf(picked.from) : -1;
  const toRow = to && picked ? to.units.indexOf(picked.to) : -1;

  const { rx, ry, step } = layout;
  // A hidden unit's target is its whole slot, wider than the node: easier to hit with a finger.
  const gap = layout.layers.length > 1 ? layout.layers[1]!.x - layout.layers[0]!.x : DIAGRAM_WIDTH;
  const hitW = Math.min(Math.max(2 * rx + 12, 56), gap * 0.9);
  const hitH = Math.max(2 * ry, Math.min(step, 56));
  const last = layout.layers.length - 1;
  const outColors = classColors(sizes[last] ?? 2);
  return (
    <div className="diagram-wrap" ref={wrap}>
      <DiagramEdges layout={layout} show={edges} />
      <NodeFields layout={layout} show={edges} wrap={wrap} />
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a fieldset */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: keyboards pick a link in the weight editor's lists */}
      <svg
        className="diagram"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="group"
        aria-label="Network diagram"
        onClick={pick}
        onMouseMove={hover}
      >
        {from && to && fromRow >= 0 && toRow >= 0 ? (
          <line
            className="picked-link"
            data-testid="picked-link"
            x1={from.x}
            y1={from.ys[fromRow]}
            x2={to.x}
            y2={to.ys[toRow]}
          />
        ) : null}
        {layout.layers.map((layer) => {
          const hidden = layer.index > 0 && layer.index < last;
          return (
            <g key={layer.index}>
              <text className="layer-name" x={layer.x} y={14} textAnchor="middle">
                {layerName(layer.index, layout.layers.length)}
              </text>
              {layer.units.map((u, i) => {
                const y = layer.ys[i]!;
                const box = (
                  <rect x={layer.x - rx} y={y - ry} width={2 * rx} height={2 * ry} rx={Math.min(3, rx / 4)} />
                );
                if (layer.index === 0 && toggles) return null;
                if (!hidden) {
                  const input = layer.index === 0;
                  return (
                    <g key={u} className={`node ${input ? 'input' : 'output'}`}>
                      {box}
                      <text
                        x={input ? layer.x - rx - 4 : layer.x + rx + 4}
                        y={y}
                        textAnchor={input ? 'end' : 'start'}
                        dominantBaseline="central"
                        fill={input ? undefined : outColors[u]}
                      >
                        {/* Regression's one output is the predicted value, not a class. */}
                        {input ? inputLabel(u, inputs) : sizes[last] === 1 ? 'ŷ' : String(u)}
                      </text>
                    </g>
                  );
                }
                const ref = { layer: layer.index, unit: u };
                const isActive = active?.layer === ref.layer && active.unit === u;
                const isStop = tabStop?.layer === ref.layer && tabStop.unit === u;
                const id = `${ref.layer}:${u}`;
                return (
                  // biome-ignore lint/a11y/useSemanticElements: an SVG node cannot be an HTML button
                  <g
                    key={u}
                    ref={(el) => {
                      if (el) nodes.current.set(id, el);
                      else nodes.current.delete(id);
                    }}
                    className={`node unit${isActive ? ' active' : ''}`}
                    role="button"
                    tabIndex={isStop ? 0 : -1}
                    aria-label={unitName(ref)}
                    aria-pressed={isActive}
                    data-unit={id}
                    onMouseEnter={() => {
                      onActivate(ref);
                      onPreview?.(ref);
                    }}
                    onMouseLeave={() => onPreview?.(null)}
                    onFocus={() => {
                      onActivate(ref);
                      onPreview?.(ref);
                    }}
                    onBlur={() => onPreview?.(null)}
                    onClick={() => {
                      onActivate(ref);
                      onPreview?.(ref);
                    }}
                    onKeyDown={(e) => onKeyDown(e, ref)}
                  >
                    <rect
                      className="hit"
                      x={layer.x - hitW / 2}
                      y={y - hitH / 2}
                      width={hitW}
                      height={hitH}
                    />
                    {box}
                    <text
                      className="unit-num"
                      x={layer.x}
                      y={y}
                      textAnchor="middle"
                      dominantBaseline="central"
                    >
                      {u + 1}
                    </text>
                  </g>
                );
              })}
              {layer.more > 0 ? (
                <text
                  className="more"
                  x={layer.x}
                  y={layer.moreY}
                  textAnchor="middle"
                  dominantBaseline="central"
                >
                  +{layer.more} more
                </text>
              ) : null}
            </g>
          );
        })}
        {onToggleInput && toggles && inputs ? (
          <InputToggles layout={layout} inputs={inputs} onToggle={onToggleInput} />
        ) : null}
      </svg>
    </div>
  );
});
