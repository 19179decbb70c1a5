/**
 * A canvas that fills its box, sharp at any device pixel ratio, and redraws in an animation frame when
 * its box changes size or `subscribe` says the scene changed. Drawing never happens inside React renders.
 */
import { useEffect, useRef } from 'react';

export interface CanvasSize {
  /** CSS pixels. */
  width: number;
  height: number;
  dpr: number;
}

export interface CanvasViewProps {
  /** Accessible name; without one the canvas is decoration inside a labelled whole. */
  label?: string;
  className?: string;
  /** Draws in CSS pixels; the context is already scaled by the device pixel ratio. */
  draw: (ctx: CanvasRenderingContext2D, size: CanvasSize) => void;
  /** Calls `redraw` whenever the scene changes; returns an unsubscribe. */
  subscribe: (redraw: () => void) => () => void;
  onResize?: (size: CanvasSize) => void;
  /** Redraw at most this often (ms), for charts that need not follow every snapshot. */
  minInterval?: number;
}

export function CanvasView({
  label,
  className,
  draw,
  subscribe,
  onResize,
  minInterval = 0,
}: CanvasViewProps) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawRef = useRef(draw);
  const resizeRef = useRef(onResize);
  drawRef.current = draw;
  resizeRef.current = onResize;

  useEffect(() => {
    const wrap = wrapRef.current;
    const canvas = canvasRef.current;
    if (!wrap || !canvas) return;
    const ctx = canvas.getContext('2d');
    let size: CanvasSize = { width: 0, height: 0, dpr: 1 };
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = Number.NEGATIVE_INFINITY;
    const paint = (now: number) => {
      frame = 0;
      if (!ctx || size.width === 0 || size.height === 0) return;
      last = now;
      ctx.setTransform(size.dpr, 0, 0, size.dpr, 0, 0);
      drawRef.current(ctx, size);
    };
    const redraw = () => {
      if (frame !== 0 || timer !== null) return;
      const wait = last + minInterval - performance.now();
      if (wait > 0) {
        timer = setTimeout(() => {
          timer = null;
          frame = requestAnimationFrame(paint);
        }, wait);
      } else {
        frame = requestAnimationFrame(paint);
      }
    };
    const measure = () => {
      const rect = wrap.getBoundingClientRect();
      const dpr = window.devicePixelRatio || 1;
      const next = { width: Math.round(rect.width), height: Math.round(rect.height), dpr };
      if (next.width === size.width && next.height === size.height && next.dpr === size.dpr) return;
      size = next;
      canvas.width = Math.max(1, Math.round(next.width * dpr));
      canvas.height = Math.max(1, Math.round(next.height * dpr));
      resizeRef.current?.(size);
      // Resizing cleared the canvas: draw in this frame, whatever the throttle says.
      if (timer !== null) clearTimeout(timer);
      timer = null;
      if (frame === 0) frame = requestAnimationFrame(paint);
    };
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(wrap);
    // A change of zoom or screen changes the pixel ratio without resizing the box; the query is
    // for the current ratio, so it is made anew after each change.
    let dprQuery: MediaQueryList | null = null;
    const watchDpr = () => {
      dprQuery?.removeEventListener('change', onDpr);
      dprQuery = window.matchMedia?.(`(resolution: ${window.devicePixelRatio || 1}dppx)`) ?? null;
      dprQuery?.addEventListener?.('change', onDpr);
    };
    const onDpr = () => {
      measure();
      watchDpr();
    };
    watchDpr();
    measure();
    const unsubscribe = subscribe(redraw);
    return () => {
      unsubscribe();
      observer?.disconnect();
      dprQuery?.removeEventListener?.('change', onDpr);
      if (frame !== 0) cancelAnimationFrame(frame);
      if (timer !== null) clearTimeout(timer);
    };
  }, [subscribe, minInterval]);

  return (
    <div ref={wrapRef} className={`canvas-wrap ${className ?? ''}`}>
      {/* Without a label the canvas is part of a labelled whole (role="img" makes it presentational). */}
      {label ? <canvas ref={canvasRef} role="img" aria-label={label} /> : <canvas ref={canvasRef} />}
    </div>
  );
}
