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
  label: string;
  className?: string;
  /** Draws in CSS pixels; the context is already scaled by the device pixel ratio. */
  draw: (ctx: CanvasRenderingContext2D, size: CanvasSize) => void;
  /** Calls `redraw` whenever the scene changes; returns an unsubscribe. */
  subscribe: (redraw: () => void) => () => void;
  onResize?: (size: CanvasSize) => void;
}

export function CanvasView({ label, className, draw, subscribe, onResize }: CanvasViewProps) {
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
    const paint = () => {
      frame = 0;
      if (!ctx || size.width === 0 || size.height === 0) return;
      ctx.setTransform(size.dpr, 0, 0, size.dpr, 0, 0);
      drawRef.current(ctx, size);
    };
    const redraw = () => {
      if (frame === 0) frame = requestAnimationFrame(paint);
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
      redraw();
    };
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(wrap);
    // A change of zoom or screen changes the pixel ratio without resizing the box.
    const dprQuery = window.matchMedia?.(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    dprQuery?.addEventListener?.('change', measure);
    measure();
    const unsubscribe = subscribe(redraw);
    return () => {
      unsubscribe();
      observer?.disconnect();
      dprQuery?.removeEventListener?.('change', measure);
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [subscribe]);

  return (
    <div ref={wrapRef} className={`canvas-wrap ${className ?? ''}`}>
      <canvas ref={canvasRef} role="img" aria-label={label} />
    </div>
  );
}
