/**
 * A plot model's field pixels in a canvas of the grid's own size, one pixel per cell. The page shows
 * that canvas scaled up by CSS, so the compositor, not the main thread, does the smooth upscaling;
 * one-canvas outputs draw it scaled (plotDraw.ts).
 */
import type { PlotField } from './plotModel';

export class FieldImage {
  private readonly ctx: CanvasRenderingContext2D | null;
  private image: ImageData | null = null;
  private shown: PlotField | null = null;

  constructor(readonly canvas: HTMLCanvasElement) {
    this.ctx = canvas.getContext('2d');
  }

  /** Puts the field's pixels in the canvas (a field already shown costs nothing); false without a context. */
  update(field: PlotField): boolean {
    const { ctx } = this;
    if (!ctx) return false;
    if (field === this.shown) return true;
    const { width, height } = field.grid;
    if (!this.image || this.image.width !== width || this.image.height !== height) {
      this.canvas.width = width;
      this.canvas.height = height;
      this.image = ctx.createImageData(width, height);
    }
    this.image.data.set(field.pixels);
    ctx.putImageData(this.image, 0, 0);
    this.shown = field;
    return true;
  }
}
