/**
 * The network as a diagram: a column of nodes per layer, edges coloured by the sign of their weight and
 * as thick as it is large, and in each node its field over the plot's box as a small live heatmap
 * (NodeFields), all redrawn as training goes on. Hidden units are buttons: hovering, focusing or pressing
 * one shows its activation (UnitField, and large in the main plot while hovered or focused). One tab
 * stop for the whole diagram; arrow keys move between hidden units (up and down in a layer, left and
 * right across layers).
 */
import { type KeyboardEvent, memo, useEffect, useMemo, useRef } from 'react';
import type { UnitRef } from '../../protocol/training';
import { classColors } from '../../render/colors';
import { layoutDiagram } from '../../render/diagram';
import { DiagramEdges, NodeFields } from './DiagramLayers';

export const DIAGRAM_WIDTH = 340;
export const DIAGRAM_HEIGHT = 300;

export function layerName(index: number, layers: number): string {
  if (index === 0) return 'input';
  return index === layers - 1 ? 'output' : `hidden ${index}`;
}

export function unitName(ref: UnitRef): string {
  return `hidden ${ref.layer}, unit ${ref.unit + 1}`;
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
}

export const NetworkDiagram = memo(function NetworkDiagram({
  sizes,
  edges,
  active,
  onActivate,
  onPreview,
  aspect = 1,
}: NetworkDiagramProps) {
  const key = sizes.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the layout depends on the sizes' values only
  const layout = useMemo(() => layoutDiagram(sizes, DIAGRAM_WIDTH, DIAGRAM_HEIGHT, aspect), [key, aspect]);
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
      <svg
        className="diagram"
        viewBox={`0 0 ${DIAGRAM_WIDTH} ${DIAGRAM_HEIGHT}`}
        role="group"
        aria-label="Network diagram"
      >
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
                        {input ? (u === 0 ? 'x' : 'y') : String(u)}
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
      </svg>
    </div>
  );
});
