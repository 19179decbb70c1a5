/**
 * One canvas showing a whole plot model (render/plotModel.ts): field, boundary, points and, when the
 * options have them, axes. It redraws in an animation frame when its grid or points change or its box
 * is resized; the model keeps the field and boundary of the last grid, so a resize costs little.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { GridFrame, PointsFrame } from '../../protocol/training';
import { FieldImage } from '../../render/fieldImage';
import { drawPlot } from '../../render/plotDraw';
import { type PlotModel, type PlotOptions, plotModel } from '../../render/plotModel';
import { type CanvasSize, CanvasView } from '../CanvasView';

export interface SceneCanvasProps {
  grid: GridFrame | null;
  points: PointsFrame | null;
  /** A constant (PANEL_PLOT, TILE_PLOT): a new object each render would work the model out anew. */
  options: PlotOptions;
  /** Accessible name; without one the canvas is decoration inside a labelled whole. */
  label?: string;
  className?: string;
  onResize?: (size: CanvasSize) => void;
}

export function SceneCanvas({ grid, points, options, label, className, onResize }: SceneCanvasProps) {
  const input = useRef({ grid, points });
  input.current = { grid, points };
  const model = useRef<PlotModel | null>(null);
  const field = useRef<FieldImage | null>(null);
  const redraw = useRef<(() => void) | null>(null);

  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, size: CanvasSize) => {
      ctx.clearRect(0, 0, size.width, size.height);
      const m = plotModel({ ...input.current, ...size }, options, model.current);
      model.current = m;
      if (!m) return;
      field.current ??= new FieldImage(document.createElement('canvas'));
      if (field.current.update(m.field)) drawPlot(ctx, { model: m, field: field.current.canvas });
    },
    [options],
  );
  const subscribe = useCallback((fn: () => void) => {
    redraw.current = fn;
    return () => {
      redraw.current = null;
    };
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new grid or new points are what redraw
  useEffect(() => redraw.current?.(), [grid, points]);

  return (
    <CanvasView label={label} className={className} draw={draw} subscribe={subscribe} onResize={onResize} />
  );
}
