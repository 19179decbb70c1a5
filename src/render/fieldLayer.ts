/**
 * The probability field painted into a canvas of the grid's own size, one pixel per cell. The page
 * scales that canvas up with CSS, so the compositor, not the main thread, does the smooth upscaling.
 */
import type { GridFrame } from '../protocol/training';
import { paintField } from './field';

export class FieldLayer {
  private readonly ctx: CanvasRenderingContext2D | null;
  private image: ImageData | null = null;

  constructor(readonly canvas: HTMLCanvasElement) {
    this.ctx = canvas.getContext('2d');
  }

  update(grid: GridFrame): void {
    const { ctx } = this;
    if (!ctx) return;
    if (!this.image || this.image.width !== grid.width || this.image.height !== grid.height) {
      this.canvas.width = grid.width;
      this.canvas.height = grid.height;
      this.image = ctx.createImageData(grid.width, grid.height);
    }
    paintField(grid, this.image.data);
    ctx.putImageData(this.image, 0, 0);
  }
}
