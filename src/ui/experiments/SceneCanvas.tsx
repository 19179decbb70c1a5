/**
 * A canvas that draws one plot scene (render/scenePlot.ts) and redraws, in an animation frame, when
 * its grid or points change or its box is resized.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { GridFrame, PointsFrame } from '../../protocol/training';
import { ScenePainter } from '../../render/scenePlot';
import { type CanvasSize, CanvasView } from '../CanvasView';

export interface SceneCanvasProps {
  grid: GridFrame | null;
  points: PointsFrame | null;
  axes?: boolean;
  /** See PlotScene.maxSide: small pictures need fewer cells. */
  maxSide?: number;
  /** Accessible name; without one the canvas is decoration inside a labelled whole. */
  label?: string;
  className?: string;
  onResize?: (size: CanvasSize) => void;
}

export function SceneCanvas({
  grid,
  points,
  axes = false,
  maxSide,
  label,
  className,
  onResize,
}: SceneCanvasProps) {
  const scene = useRef({ grid, points });
  scene.current = { grid, points };
  const painter = useRef<ScenePainter | null>(null);
  const redraw = useRef<(() => void) | null>(null);

  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, size: CanvasSize) => {
      painter.current ??= new ScenePainter();
      painter.current.draw(ctx, { ...size, ...scene.current, axes, maxSide });
    },
    [axes, maxSide],
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
