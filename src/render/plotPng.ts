/**
 * The plot as a PNG file: a plot model drawn into canvases of its own, never the page's, with the
 * colour bar (colorBar.ts) in a strip under it.
 */
import { type ColorBar, colorBarHeight, drawColorBar } from './colorBar';
import { FieldImage } from './fieldImage';
import { drawPlot, type PlotScene } from './plotDraw';
import type { PlotModel } from './plotModel';

/** Device pixels of a side of `css` CSS pixels (as the page sizes its canvases). */
export function devicePixels(css: number, dpr: number): number {
  return Math.max(1, Math.round(css * dpr));
}

/** The picture's CSS height: the plot's, and the colour bar's strip when there is one. */
export function imageHeight(model: PlotModel, bar: ColorBar | null): number {
  return model.input.height + (bar ? colorBarHeight(bar) : 0);
}

/**
 * On a white background, at the model's pixel ratio; the canvas is the model's width by
 * `imageHeight` in device pixels. The colour bar sits under the plot, as wide as its area.
 */
export function drawPlotImage(
  ctx: CanvasRenderingContext2D,
  scene: PlotScene,
  bar: ColorBar | null = null,
): void {
  const { width, dpr } = scene.model.input;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, devicePixels(width, dpr), devicePixels(imageHeight(scene.model, bar), dpr));
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  drawPlot(ctx, scene);
  if (bar) {
    const { area } = scene.model;
    drawColorBar(ctx, bar, area.x, scene.model.input.height, area.w);
  }
}

/** Renders `model` into canvases made by `createCanvas` (detached) and encodes it; null without a 2-D context. */
export function plotPngBlob(
  model: PlotModel,
  createCanvas: () => HTMLCanvasElement,
  bar: ColorBar | null = null,
): Promise<Blob | null> {
  const { width, dpr } = model.input;
  const out = createCanvas();
  out.width = devicePixels(width, dpr);
  out.height = devicePixels(imageHeight(model, bar), dpr);
  const ctx = out.getContext('2d');
  const field = new FieldImage(createCanvas());
  if (!ctx || !field.update(model.field)) return Promise.resolve(null);
  drawPlotImage(ctx, { model, field: field.canvas }, bar);
  return new Promise((resolve) => out.toBlob(resolve, 'image/png'));
}
