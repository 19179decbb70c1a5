/**
 * The decision-boundary plot, in three stacked layers so a snapshot costs the main thread little:
 * the field (a canvas of the grid's size, scaled up by CSS), the boundary (an SVG path in grid
 * coordinates) and the marks (points and axes on a canvas redrawn only per run or resize). On top, the
 * probe (data/PlotProbe.tsx) reads probabilities and edits the points.
 */
import { useCallback, useEffect, useRef } from 'react';
import { mark } from '../protocol/timing';
import type { GridFrame } from '../protocol/training';
import { boundaryLines, linesToPath } from '../render/boundary';
import { FieldLayer } from '../render/fieldLayer';
import { plotArea, plotAspect } from '../render/layout';
import { drawMarks, sameBox } from '../render/plot';
import { useStoreApi } from '../state/react';
import { type CanvasSize, CanvasView } from './CanvasView';
import { PlotProbe } from './data/PlotProbe';

function place(el: HTMLElement | SVGElement | null, size: CanvasSize): void {
  if (!el) return;
  const r = plotArea(size.width, size.height);
  el.style.left = `${r.x}px`;
  el.style.top = `${r.y}px`;
  el.style.width = `${r.w}px`;
  el.style.height = `${r.h}px`;
}

export function PlotCanvas() {
  const store = useStoreApi();
  const fieldRef = useRef<HTMLCanvasElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const haloRef = useRef<SVGPathElement>(null);
  const lineRef = useRef<SVGPathElement>(null);

  useEffect(() => {
    const canvas = fieldRef.current;
    if (!canvas) return;
    const field = new FieldLayer(canvas);
    let shown: GridFrame | null = null;
    let frame = 0;
    const paint = () => {
      frame = 0;
      const f = store.getState().frame;
      const grid = f?.grid ?? null;
      if (!f || !grid || grid === shown) return;
      const t0 = performance.now();
      shown = grid;
      field.update(grid);
      const d = linesToPath(boundaryLines(grid));
      svgRef.current?.setAttribute('viewBox', `0 0 ${grid.width} ${grid.height}`);
      haloRef.current?.setAttribute('d', d);
      lineRef.current?.setAttribute('d', d);
      // For benchmarks: when each generation's result is first drawn, and what drawing costs.
      mark('nn:paint', { gen: f.gen, seq: f.seq, pass: f.pass, cells: grid.width * grid.height }, t0);
    };
    paint();
    const unsubscribe = store.subscribe((s, p) => {
      if (s.frame !== p.frame && frame === 0) frame = requestAnimationFrame(paint);
    });
    return () => {
      unsubscribe();
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [store]);

  const drawMarksLayer = useCallback(
    (ctx: CanvasRenderingContext2D, size: CanvasSize) => {
      const { frame, points } = store.getState();
      drawMarks(ctx, { ...size, box: frame?.grid.box ?? null, points });
    },
    [store],
  );

  const onMarks = useCallback(
    (redraw: () => void) =>
      store.subscribe((s, p) => {
        if (s.points !== p.points || !sameBox(s.frame?.grid.box, p.frame?.grid.box)) redraw();
      }),
    [store],
  );

  const onResize = useCallback(
    (size: CanvasSize) => {
      place(fieldRef.current, size);
      place(svgRef.current, size);
      store.getState().setAspect(plotAspect(size.width, size.height));
    },
    [store],
  );

  return (
    // The probe on top names and describes the whole plot (it takes keys, so it cannot sit in an img).
    <div className="plot">
      <canvas ref={fieldRef} className="field" />
      <svg ref={svgRef} className="boundary" aria-hidden="true" preserveAspectRatio="none" viewBox="0 0 1 1">
        <path ref={haloRef} className="halo" />
        <path ref={lineRef} className="line" />
      </svg>
      <CanvasView className="layer" draw={drawMarksLayer} subscribe={onMarks} onResize={onResize} />
      <PlotProbe />
    </div>
  );
}
