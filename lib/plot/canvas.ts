// A small RGBA raster with the few primitives the plots need: filled rectangles, lines,
// discs and text. Pixels are row-major, 4 bytes each (r, g, b, a), origin at the top left.
import { PNG } from 'pngjs';
import { drawText, textWidth, GLYPH_HEIGHT } from './font.js';
import { checkInteger } from '../errors.js';

/** An opaque colour as [red, green, blue], each 0..255. */
export type Rgb = readonly [number, number, number];

export class Canvas {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;

  constructor(width: number, height: number, background: Rgb = [255, 255, 255]) {
    checkInteger('Canvas', 'width', width, 1, 16384);
    checkInteger('Canvas', 'height', height, 1, 16384);
    this.width = width;
    this.height = height;
    this.pixels = new Uint8Array(width * height * 4);
    this.fillRect(0, 0, width, height, background);
  }

  /** Sets one pixel; coordinates are rounded, and points outside the canvas are ignored. */
  setPixel(x: number, y: number, color: Rgb): void {
    const px = Math.round(x);
    const py = Math.round(y);
    if (px < 0 || py < 0 || px >= this.width || py >= this.height) return;
    const at = (py * this.width + px) * 4;
    this.pixels[at] = color[0];
    this.pixels[at + 1] = color[1];
    this.pixels[at + 2] = color[2];
    this.pixels[at + 3] = 255;
  }

  /** Returns the colour at (x, y). */
  getPixel(x: number, y: number): [number, number, number] {
    checkInteger('Canvas.getPixel', 'x', x, 0, this.width - 1);
    checkInteger('Canvas.getPixel', 'y', y, 0, this.height - 1);
    const at = (y * this.width + x) * 4;
    return [this.pixels[at], this.pixels[at + 1], this.pixels[at + 2]];
  }

  /** Fills the rectangle [x, x + w) x [y, y + h), clipped to the canvas. */
  fillRect(x: number, y: number, w: number, h: number, color: Rgb): void {
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w));
    const y1 = Math.min(this.height, Math.round(y + h));
    for (let py = y0; py < y1; py++) {
      for (let px = x0; px < x1; px++) this.setPixel(px, py, color);
    }
  }

  /** Draws the outline of a rectangle one pixel wide, inside [x, x + w) x [y, y + h). */
  strokeRect(x: number, y: number, w: number, h: number, color: Rgb): void {
    this.fillRect(x, y, w, 1, color);
    this.fillRect(x, y + h - 1, w, 1, color);
    this.fillRect(x, y, 1, h, color);
    this.fillRect(x + w - 1, y, 1, h, color);
  }

  /** Draws a straight line with Bresenham's algorithm; `thickness` > 1 stamps squares. */
  line(x0: number, y0: number, x1: number, y1: number, color: Rgb, thickness = 1): void {
    let x = Math.round(x0);
    let y = Math.round(y0);
    const xEnd = Math.round(x1);
    const yEnd = Math.round(y1);
    const dx = Math.abs(xEnd - x);
    const dy = -Math.abs(yEnd - y);
    const stepX = x < xEnd ? 1 : -1;
    const stepY = y < yEnd ? 1 : -1;
    const half = Math.floor((thickness - 1) / 2);
    let error = dx + dy;
    for (;;) {
      if (thickness <= 1) this.setPixel(x, y, color);
      else this.fillRect(x - half, y - half, thickness, thickness, color);
      if (x === xEnd && y === yEnd) break;
      const doubled = 2 * error;
      if (doubled >= dy) {
        error += dy;
        x += stepX;
      }
      if (doubled <= dx) {
        error += dx;
        y += stepY;
      }
    }
  }

  /** Fills a disc of the given radius centred on (cx, cy). */
  fillCircle(cx: number, cy: number, radius: number, color: Rgb): void {
    const r2 = radius * radius;
    const reach = Math.ceil(radius);
    for (let dy = -reach; dy <= reach; dy++) {
      for (let dx = -reach; dx <= reach; dx++) {
        if (dx * dx + dy * dy <= r2) this.setPixel(cx + dx, cy + dy, color);
      }
    }
  }

  /** Writes `text` with its top-left corner at (x, y); `scale` enlarges each font pixel. */
  text(x: number, y: number, text: string, color: Rgb, scale = 1): void {
    drawText(this, x, y, text, color, scale);
  }

  /** Writes `text` centred horizontally on x. */
  textCentered(x: number, y: number, text: string, color: Rgb, scale = 1): void {
    drawText(this, x - textWidth(text, scale) / 2, y, text, color, scale);
  }

  /** Writes `text` rotated 90 degrees counter-clockwise, centred vertically on y. */
  textVertical(x: number, y: number, text: string, color: Rgb, scale = 1): void {
    // Drawn on a scratch canvas, then copied with (u, v) -> (x + v, y + width - u).
    const width = textWidth(text, scale);
    const height = GLYPH_HEIGHT * scale;
    if (width === 0) return;
    const scratch = new Canvas(width, height, [0, 0, 0]);
    drawText(scratch, 0, 0, text, [255, 255, 255], scale);
    const top = Math.round(y - width / 2);
    for (let v = 0; v < height; v++) {
      for (let u = 0; u < width; u++) {
        if (scratch.pixels[(v * width + u) * 4] !== 0) {
          this.setPixel(x + v, top + width - 1 - u, color);
        }
      }
    }
  }

  /** Encodes the canvas as a PNG file (8-bit RGBA). */
  toPng(): Buffer {
    const png = new PNG({ width: this.width, height: this.height });
    png.data = Buffer.from(this.pixels.buffer, this.pixels.byteOffset, this.pixels.byteLength);
    return PNG.sync.write(png);
  }
}
