// Plot frames: the data-to-pixel mapping of one panel, tick positions at "nice" values
// (1, 2 or 5 times a power of ten), and the frame with its ticks, grid and labels.
import type { Canvas } from './canvas.js';
import { AXIS_GRAY, BLACK, GRID_GRAY } from './palette.js';
import { GLYPH_HEIGHT, textWidth } from './font.js';

/** A rectangle of the canvas in pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A closed data interval [min, max]. */
export interface Range {
  min: number;
  max: number;
}

/** Maps data coordinates into a box: x grows to the right, y grows upwards. */
export class Frame {
  constructor(
    readonly box: Box,
    readonly xRange: Range,
    readonly yRange: Range,
  ) {}

  toPixelX(x: number): number {
    const { min, max } = this.xRange;
    return this.box.x + ((x - min) / (max - min)) * (this.box.width - 1);
  }

  toPixelY(y: number): number {
    const { min, max } = this.yRange;
    return this.box.y + this.box.height - 1 - ((y - min) / (max - min)) * (this.box.height - 1);
  }

  /** Returns the data x at the centre of pixel column px (the inverse of toPixelX). */
  toDataX(px: number): number {
    const { min, max } = this.xRange;
    return min + ((px - this.box.x) / (this.box.width - 1)) * (max - min);
  }

  /** Returns the data y at the centre of pixel row py (the inverse of toPixelY). */
  toDataY(py: number): number {
    const { min, max } = this.yRange;
    return min + ((this.box.y + this.box.height - 1 - py) / (this.box.height - 1)) * (max - min);
  }
}

/**
 * Returns a step of 1, 2 or 5 times a power of ten that cuts `span` into about `count` parts.
 */
export function niceStep(span: number, count = 5): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  if (fraction < 1.5) return power;
  if (fraction < 3.5) return 2 * power;
  if (fraction < 7.5) return 5 * power;
  return 10 * power;
}

/** Widens [min, max] outwards to multiples of the nice step, and away from a zero width. */
export function niceRange(min: number, max: number, count = 5): Range {
  let low = min;
  let high = max;
  if (!Number.isFinite(low) || !Number.isFinite(high)) return { min: 0, max: 1 };
  if (high - low < 1e-12 * Math.max(1, Math.abs(low))) {
    const pad = Math.abs(low) > 0 ? Math.abs(low) * 0.1 : 1;
    low -= pad;
    high += pad;
  }
  const step = niceStep(high - low, count);
  return { min: Math.floor(low / step) * step, max: Math.ceil(high / step) * step };
}

/** Lists the tick values at multiples of `step` inside the range. */
export function ticks(range: Range, step: number): number[] {
  const values: number[] = [];
  const first = Math.ceil(range.min / step - 1e-9);
  const last = Math.floor(range.max / step + 1e-9);
  for (let i = first; i <= last; i++) values.push(i * step);
  return values;
}

/** Formats a tick value with as many decimals as the step needs, and no float noise. */
export function formatTick(value: number, step: number): string {
  const decimals = Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
  const text = value.toFixed(Math.min(decimals, 10));
  return text === '-0' || /^-0\.0*$/.test(text) ? text.slice(1) : text;
}

export interface AxesOptions {
  title?: string;
  xLabel?: string;
  yLabel?: string;
  /** Whether to draw light grid lines at the ticks (off for the decision map). */
  grid?: boolean;
}

const TICK_LENGTH = 4;

/** Draws the frame, ticks, tick labels, axis labels and title around `frame.box`. */
export function drawAxes(canvas: Canvas, frame: Frame, options: AxesOptions = {}): void {
  const { box } = frame;
  const xStep = niceStep(frame.xRange.max - frame.xRange.min);
  const yStep = niceStep(frame.yRange.max - frame.yRange.min);
  const bottom = box.y + box.height;

  for (const value of ticks(frame.xRange, xStep)) {
    const px = Math.round(frame.toPixelX(value));
    if (options.grid) canvas.fillRect(px, box.y, 1, box.height, GRID_GRAY);
    canvas.fillRect(px, bottom, 1, TICK_LENGTH, AXIS_GRAY);
    canvas.textCentered(px, bottom + TICK_LENGTH + 3, formatTick(value, xStep), BLACK);
  }
  for (const value of ticks(frame.yRange, yStep)) {
    const py = Math.round(frame.toPixelY(value));
    if (options.grid) canvas.fillRect(box.x, py, box.width, 1, GRID_GRAY);
    canvas.fillRect(box.x - TICK_LENGTH, py, TICK_LENGTH, 1, AXIS_GRAY);
    const label = formatTick(value, yStep);
    canvas.text(box.x - TICK_LENGTH - 3 - textWidth(label), py - 3, label, BLACK);
  }
  canvas.strokeRect(box.x - 1, box.y - 1, box.width + 2, box.height + 2, AXIS_GRAY);

  if (options.title) {
    canvas.textCentered(box.x + box.width / 2, box.y - GLYPH_HEIGHT * 2 - 6, options.title,
      BLACK, 2);
  }
  if (options.xLabel) {
    canvas.textCentered(box.x + box.width / 2, bottom + TICK_LENGTH + 16, options.xLabel, BLACK);
  }
  if (options.yLabel) {
    const widest = Math.max(
      ...ticks(frame.yRange, yStep).map((value) => textWidth(formatTick(value, yStep))),
    );
    const x = box.x - TICK_LENGTH - 3 - widest - 6 - GLYPH_HEIGHT;
    canvas.textVertical(x, box.y + box.height / 2, options.yLabel, BLACK);
  }
}
