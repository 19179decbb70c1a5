/** The plot as a PNG file: a plot model drawn into canvases of its own, never the page's. */
import { FieldImage } from './fieldImage';
import { drawPlot, type PlotScene } from './plotDraw';
import type { PlotModel } from './plotModel';

/** Device pixels of a side of `css` CSS pixels (as the page sizes its canvases). */
export function devicePixels(css: number, dpr: number): number {
  return Math.max(1, Math.round(css * dpr));
}

/** On a white background, at the model's pixel ratio; the canvas is the model's size in device pixels. */
export function drawPlotImage(ctx: CanvasRenderingContext2D, scene: PlotScene): void {
  const { width, height, dpr } = scene.model.input;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, devicePixels(width, dpr), devicePixels(height, dpr));
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  drawPlot(ctx, scene);
}

/** Renders `model` into canvases made by `createCanvas` (detached) and encodes it; null without a 2-D context. */
export function plotPngBlob(model: PlotModel, createCanvas: () => HTMLCanvasElement): Promise<Blob | null> {
  const { width, height, dpr } = model.input;
  const out = createCanvas();
  out.width = devicePixels(width, dpr);
  out.height = devicePixels(height, dpr);
  const ctx = out.getContext('2d');
  const field = new FieldImage(createCanvas());
  if (!ctx || !field.update(model.field)) return Promise.resolve(null);
  drawPlotImage(ctx, { model, field: field.canvas });
  return new Promise((resolve) => out.toBlob(resolve, 'image/png'));
}
