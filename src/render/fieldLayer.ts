/** The probability field painted into a small offscreen canvas, one pixel per grid cell, for drawImage. */
import type { GridFrame } from '../worker/protocol';
import { paintField } from './field';

export class FieldLayer {
  readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D | null;
  private image: ImageData | null = null;

  constructor() {
    this.canvas = document.createElement('canvas');
    this.ctx = this.canvas.getContext('2d');
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
