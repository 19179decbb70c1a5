/**
 * The decision-boundary plot: the page's plot model (render/plotModel.ts) shown in three stacked layers,
 * so a snapshot costs the main thread little: the field (a canvas of the grid's size, scaled up by
 * CSS), the boundary (an SVG path in grid coordinates) and the marks (points and axes on a canvas
 * redrawn only per run or resize). On top, the probe (data/PlotProbe.tsx) reads probabilities and
 * edits the points.
 */
import { useCallback, useEffect, useRef } from 'react';
import { mark } from '../protocol/timing';
import { linesToPath } from '../render/boundary';
import { FieldImage } from '../render/fieldImage';
import type { Rect } from '../render/layout';
import { drawMarks } from '../render/plotDraw';
import {
  PAGE_PLOT,
  type PlotField,
  type PlotModel,
  type PlotStroke,
  plotModel,
  plotRect,
  sameBox,
} from '../render/plotModel';
import { useStoreApi } from '../state/react';
import { type CanvasSize, CanvasView } from './CanvasView';
import { PlotProbe } from './data/PlotProbe';
import { PlotUnitLayer } from './inside/PlotUnitLayer';
import { PlotPass } from './PlotPass';

function place(el: HTMLElement | SVGElement | null, r: Rect): void {
  if (!el) return;
  el.style.left = `${r.x}px`;
  el.style.top = `${r.y}px`;
  el.style.width = `${r.w}px`;
  el.style.height = `${r.h}px`;
}

/** The stroke each path was last given. */
const strokes = new WeakMap<SVGPathElement, PlotStroke>();

/**
 * The path's stroke width is in CSS pixels: the paths do not scale their strokes (styles.css). The style
 * is written only when it changes, so a snapshot restyles nothing.
 */
function strokePath(el: SVGPathElement | null, d: string, stroke: PlotStroke): void {
  if (!el) return;
  el.setAttribute('d', d);
  const last = strokes.get(el);
  if (last?.color === stroke.color && last.width === stroke.width) return;
  strokes.set(el, stroke);
  el.style.stroke = stroke.color;
  el.style.strokeWidth = `${stroke.width}px`;
}

export function PlotCanvas() {
  const store = useStoreApi();
  const fieldRef = useRef<HTMLCanvasElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const haloRef = useRef<SVGPathElement>(null);
  const lineRef = useRef<SVGPathElement>(null);
  const model = useRef<PlotModel | null>(null);
  const size = useRef<CanvasSize>({ width: 0, height: 0, dpr: 1 });
  const placed = useRef<Rect | null>(null);

  /** The model of the store's grid and points at the plot's size; only what changed is worked out again. */
  const current = useCallback((): PlotModel | null => {
    const { frame, points, showTest, discrete } = store.getState();
    const input = { grid: frame?.grid ?? null, points, ...size.current, showTest, discrete };
    model.current = plotModel(input, PAGE_PLOT, model.current);
    return model.current;
  }, [store]);

  /** The field and boundary layers over the model's area. */
  const placeLayers = useCallback((m: PlotModel) => {
    if (m.area === placed.current) return;
    placed.current = m.area;
    place(fieldRef.current, m.area);
    place(svgRef.current, m.area);
  }, []);

  useEffect(() => {
    const canvas = fieldRef.current;
    if (!canvas) return;
    const field = new FieldImage(canvas);
    let shown: PlotField | null = null;
    let frame = 0;
    const paint = () => {
      frame = 0;
      const t0 = performance.now();
      const f = store.getState().frame;
      const m = current();
      if (!f || !m || m.field === shown) return;
      shown = m.field;
      field.update(m.field);
      const d = linesToPath(m.field.lines);
      svgRef.current?.setAttribute('viewBox', `0 0 ${m.field.grid.width} ${m.field.grid.height}`);
      strokePath(haloRef.current, d, m.halo);
      strokePath(lineRef.current, d, m.line);
      placeLayers(m);
      // For benchmarks: when each generation's result is first drawn, and what drawing costs.
      const cells = f.grid.width * f.grid.height;
      mark('nn:paint', { gen: f.gen, seq: f.seq, pass: f.pass, cells }, t0);
    };
    paint();
    const unsubscribe = store.subscribe((s, p) => {
      if ((s.frame !== p.frame || s.discrete !== p.discrete) && frame === 0)
        frame = requestAnimationFrame(paint);
    });
    return () => {
      unsubscribe();
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [store, current, placeLayers]);

  const drawMarksLayer = useCallback(
    (ctx: CanvasRenderingContext2D, { width, height }: CanvasSize) => {
      ctx.clearRect(0, 0, width, height);
      const m = current();
      if (m) drawMarks(ctx, m);
    },
    [current],
  );

  const onMarks = useCallback(
    (redraw: () => void) =>
      store.subscribe((s, p) => {
        if (
          s.points !== p.points ||
          s.showTest !== p.showTest ||
          !sameBox(s.frame?.grid.box, p.frame?.grid.box)
        )
          redraw();
      }),
    [store],
  );

  const onResize = useCallback(
    (next: CanvasSize) => {
      size.current = next;
      const m = current();
      if (m) placeLayers(m);
      const frame = plotRect(next.width, next.height, null, PAGE_PLOT);
      const s = store.getState();
      s.setPlotSize(next);
      s.setAspect(frame.w / frame.h);
    },
    [store, current, placeLayers],
  );

  return (
    // The probe on top names and describes the whole plot (it takes keys, so it cannot sit in an img).
    <div className="plot">
      <canvas ref={fieldRef} className="field" />
      <svg ref={svgRef} className="boundary" aria-hidden="true" preserveAspectRatio="none" viewBox="0 0 1 1">
        <path ref={haloRef} className="halo" />
        <path ref={lineRef} className="line" />
      </svg>
      <PlotUnitLayer />
      <PlotPass />
      <CanvasView className="layer" draw={drawMarksLayer} subscribe={onMarks} onResize={onResize} />
      <PlotProbe />
    </div>
  );
}
