/**
 * The network as a diagram: a column of nodes per layer, edges coloured by the sign of their weight and
 * as thick as it is large, redrawn as the weights change. Hidden units are buttons: hovering, focusing or
 * pressing one shows its activation (UnitField). One tab stop for the whole diagram; arrow keys move
 * between hidden units (up and down in a layer, left and right across layers).
 */
import { type KeyboardEvent, memo, useCallback, useEffect, useMemo, useRef } from 'react';
import type { UnitRef } from '../../protocol/training';
import { classColors } from '../../render/colors';
import { drawDiagramEdges, layoutDiagram } from '../../render/diagram';
import { useStoreApi } from '../../state/react';
import { type CanvasSize, CanvasView } from '../CanvasView';

export const DIAGRAM_WIDTH = 440;
export const DIAGRAM_HEIGHT = 320;

export function layerName(index: number, layers: number): string {
  if (index === 0) return 'input';
  return index === layers - 1 ? 'output' : `hidden ${index}`;
}

export function unitName(ref: UnitRef): string {
  return `hidden ${ref.layer}, unit ${ref.unit + 1}`;
}

/** Edge redraws per second at most, while training changes the weights. */
const EDGES_INTERVAL_MS = 100;

export interface NetworkDiagramProps {
  sizes: readonly number[];
  /** Draw edges: false when the network is too big to have its weights on the page. */
  edges: boolean;
  active: UnitRef | null;
  onActivate: (ref: UnitRef) => void;
}

/** The edges: a canvas under the nodes, redrawn from the store's latest weights. */
function Edges({ layout, show }: { layout: ReturnType<typeof layoutDiagram>; show: boolean }) {
  const store = useStoreApi();
  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, size: CanvasSize) => {
      const { frame, gen } = store.getState();
      const weights = show && frame?.gen === gen ? frame.weights : null;
      const sameNet = weights && weights.sizes.join(',') === layout.layers.map((l) => l.size).join(',');
      const n = drawDiagramEdges(ctx, { ...size, diagram: layout, weights: sameNet ? weights : null });
      ctx.canvas.dataset.edges = String(n);
    },
    [store, layout, show],
  );
  const subscribe = useCallback(
    (redraw: () => void) =>
      store.subscribe((s, p) => {
        if (s.frame?.weights !== p.frame?.weights) redraw();
      }),
    [store],
  );
  return (
    <CanvasView className="diagram-edges" draw={draw} subscribe={subscribe} minInterval={EDGES_INTERVAL_MS} />
  );
}

export const NetworkDiagram = memo(function NetworkDiagram({
  sizes,
  edges,
  active,
  onActivate,
}: NetworkDiagramProps) {
  const key = sizes.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the layout depends on the sizes' values only
  const layout = useMemo(() => layoutDiagram(sizes, DIAGRAM_WIDTH, DIAGRAM_HEIGHT), [key]);
  const nodes = useRef(new Map<string, SVGGElement>());
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

  const last = layout.layers.length - 1;
  const outColors = classColors(sizes[last] ?? 2);
  return (
    <div className="diagram-wrap">
      <Edges layout={layout} show={edges} />
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
                const label = layer.index === 0 ? (u === 0 ? 'x' : 'y') : hidden ? String(u + 1) : String(u);
                if (!hidden) {
                  return (
                    <g key={u} className="node">
                      <circle
                        cx={layer.x}
                        cy={y}
                        r={layout.radius}
                        fill={layer.index === last ? outColors[u] : '#fff'}
                      />
                      <text x={layer.x} y={y} textAnchor="middle" dominantBaseline="central">
                        {label}
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
                    onMouseEnter={() => onActivate(ref)}
                    onFocus={() => onActivate(ref)}
                    onClick={() => onActivate(ref)}
                    onKeyDown={(e) => onKeyDown(e, ref)}
                  >
                    <circle cx={layer.x} cy={y} r={layout.radius} />
                    <text x={layer.x} y={y} textAnchor="middle" dominantBaseline="central">
                      {label}
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
