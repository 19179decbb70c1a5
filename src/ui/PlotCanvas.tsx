/** The decision-boundary plot: the latest snapshot's field, boundary and points. */
import { useCallback, useRef } from 'react';
import { boundaryLines, type Ring } from '../render/boundary';
import { FieldLayer } from '../render/fieldLayer';
import { plotAspect } from '../render/layout';
import { drawPlot } from '../render/plot';
import { useStoreApi } from '../state/react';
import type { GridFrame } from '../worker/protocol';
import { type CanvasSize, CanvasView } from './CanvasView';

export function PlotCanvas() {
  const store = useStoreApi();
  // Field and boundary lines are derived once per snapshot, not once per draw (resizes redraw them as they are).
  const cache = useRef<{ grid: GridFrame | null; field: FieldLayer | null; lines: Ring[] }>({
    grid: null,
    field: null,
    lines: [],
  });

  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, size: CanvasSize) => {
      const { frame, points } = store.getState();
      const c = cache.current;
      const grid = frame?.grid ?? null;
      if (grid && grid !== c.grid) {
        c.field ??= new FieldLayer();
        c.field.update(grid);
        c.lines = boundaryLines(grid);
        c.grid = grid;
      }
      drawPlot(ctx, {
        width: size.width,
        height: size.height,
        grid,
        field: c.field?.canvas ?? null,
        lines: c.lines,
        points,
      });
    },
    [store],
  );

  const subscribe = useCallback(
    (redraw: () => void) =>
      store.subscribe((s, p) => {
        if (s.frame !== p.frame || s.points !== p.points) redraw();
      }),
    [store],
  );

  const onResize = useCallback(
    (size: CanvasSize) => store.getState().setAspect(plotAspect(size.width, size.height)),
    [store],
  );

  return (
    <CanvasView
      className="plot"
      label="Decision boundary: the network's class probabilities over the plane, with the data points"
      draw={draw}
      subscribe={subscribe}
      onResize={onResize}
    />
  );
}
