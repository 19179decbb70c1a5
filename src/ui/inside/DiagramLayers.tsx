/**
 * The diagram's two canvases under its SVG of nodes: the edges (from the latest weights) and the node
 * heatmaps (from the latest NodesFrame). Hundreds of lines and dozens of small images redrawn a few
 * times a second cost a canvas little and the DOM much.
 */
import { type RefObject, useCallback, useRef } from 'react';
import type { Diagram } from '../../render/diagram';
import { drawDiagramEdges } from '../../render/diagram';
import { drawNodeFields, paintNodeAtlas, tileCount } from '../../render/nodeFields';
import { useStoreApi } from '../../state/react';
import { type CanvasSize, CanvasView } from '../CanvasView';

/** Redraws per second at most, while training changes the weights and the fields. */
const INTERVAL_MS = 100;

function sameShape(sizes: readonly number[], layout: Diagram): boolean {
  return sizes.length === layout.layers.length && layout.layers.every((l, i) => l.size === sizes[i]);
}

export function DiagramEdges({ layout, show }: { layout: Diagram; show: boolean }) {
  const store = useStoreApi();
  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, size: CanvasSize) => {
      const { frame, gen } = store.getState();
      const weights = show && frame?.gen === gen ? frame.weights : null;
      const n = drawDiagramEdges(ctx, {
        ...size,
        diagram: layout,
        weights: weights && sameShape(weights.sizes, layout) ? weights : null,
      });
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
  return <CanvasView className="diagram-edges" draw={draw} subscribe={subscribe} minInterval={INTERVAL_MS} />;
}

/**
 * The heatmaps. `wrap` gets `data-fields="on"` while they are drawn, so the nodes' white fill gives way
 * to them without a React render.
 */
export function NodeFields({
  layout,
  show,
  wrap,
}: {
  layout: Diagram;
  show: boolean;
  wrap: RefObject<HTMLElement | null>;
}) {
  const store = useStoreApi();
  const atlas = useRef<{ canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D; image: ImageData } | null>(
    null,
  );
  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, size: CanvasSize) => {
      const { frame, gen } = store.getState();
      const nodes = show && frame?.gen === gen ? frame.nodes : null;
      let drawn = 0;
      if (nodes && frame?.weights && sameShape(frame.weights.sizes, layout)) {
        const w = nodes.width;
        const h = nodes.height * tileCount(nodes);
        let a = atlas.current;
        if (!a || a.image.width !== w || a.image.height !== h) {
          const canvas = a?.canvas ?? document.createElement('canvas');
          canvas.width = w;
          canvas.height = h;
          const actx = canvas.getContext('2d');
          a = actx ? { canvas, ctx: actx, image: actx.createImageData(w, h) } : null;
          atlas.current = a;
        }
        if (a) {
          paintNodeAtlas(nodes, a.image.data);
          a.ctx.putImageData(a.image, 0, 0);
          drawn = drawNodeFields(ctx, { ...size, diagram: layout, frame: nodes, atlas: a.canvas });
        }
      }
      if (drawn === 0) {
        ctx.clearRect(0, 0, size.width, size.height);
      }
      ctx.canvas.dataset.fields = String(drawn);
      if (wrap.current) wrap.current.dataset.fields = drawn > 0 ? 'on' : 'off';
    },
    [store, layout, show, wrap],
  );
  const subscribe = useCallback(
    (redraw: () => void) =>
      store.subscribe((s, p) => {
        if (s.frame?.nodes !== p.frame?.nodes) redraw();
      }),
    [store],
  );
  return (
    <CanvasView className="diagram-fields" draw={draw} subscribe={subscribe} minInterval={INTERVAL_MS} />
  );
}
