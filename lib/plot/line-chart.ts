// A line chart in one panel: one or more series over shared x values, with axes and a legend.
import type { Canvas, Rgb } from './canvas.js';
import { drawAxes, Frame, niceRange, type Box } from './axes.js';
import { BLACK, WHITE, AXIS_GRAY } from './palette.js';
import { ADVANCE, GLYPH_HEIGHT, textWidth } from './font.js';
import { rangeError } from '../errors.js';

export interface Series {
  label: string;
  color: Rgb;
  /** One y value per x value; non-finite values leave a gap in the line. */
  values: readonly number[];
}

export interface LineChartOptions {
  /** The x value of each point, increasing. */
  xs: readonly number[];
  series: readonly Series[];
  title?: string;
  xLabel?: string;
  yLabel?: string;
  /** Fixed y range, e.g. [0, 1] for accuracy; otherwise fitted to the data. */
  yRange?: readonly [number, number];
  /** Legend corner: top right (default) suits falling curves, bottom right rising ones. */
  legend?: 'top-right' | 'bottom-right';
}

/** Draws a line chart whose plotting area (inside the axes) is `box`. */
export function drawLineChart(canvas: Canvas, box: Box, options: LineChartOptions): Frame {
  const { xs, series } = options;
  for (const one of series) {
    if (one.values.length !== xs.length) {
      throw rangeError(
        'drawLineChart',
        `series "${one.label}" has ${one.values.length} values, expected ${xs.length}`,
      );
    }
  }
  const frame = new Frame(box, xRangeOf(xs), yRangeOf(options));
  drawAxes(canvas, frame, { ...options, grid: true });

  for (const one of series) {
    let previous: [number, number] | undefined;
    for (let i = 0; i < xs.length; i++) {
      const value = one.values[i];
      if (!Number.isFinite(value)) {
        previous = undefined;
        continue;
      }
      const point: [number, number] = [frame.toPixelX(xs[i]), frame.toPixelY(value)];
      if (previous) canvas.line(previous[0], previous[1], point[0], point[1], one.color, 2);
      else canvas.fillRect(point[0] - 1, point[1] - 1, 2, 2, one.color);
      previous = point;
    }
  }
  if (series.length > 1) drawLegend(canvas, box, series, options.legend ?? 'top-right');
  return frame;
}

function xRangeOf(xs: readonly number[]): { min: number; max: number } {
  if (xs.length === 0) return { min: 0, max: 1 };
  const min = xs[0];
  const max = xs[xs.length - 1];
  return max > min ? { min, max } : { min: min - 1, max: min + 1 };
}

function yRangeOf(options: LineChartOptions): { min: number; max: number } {
  if (options.yRange) return { min: options.yRange[0], max: options.yRange[1] };
  let min = Infinity;
  let max = -Infinity;
  for (const one of options.series) {
    for (const value of one.values) {
      if (!Number.isFinite(value)) continue;
      if (value < min) min = value;
      if (value > max) max = value;
    }
  }
  if (min > max) return { min: 0, max: 1 };
  return niceRange(min, max);
}

// The legend sits in a right-hand corner of the plotting area on a white card.
function drawLegend(
  canvas: Canvas,
  box: Box,
  series: readonly Series[],
  corner: 'top-right' | 'bottom-right',
): void {
  const swatch = 14;
  const rowHeight = GLYPH_HEIGHT + 6;
  const width = swatch + 6 + Math.max(...series.map((one) => textWidth(one.label))) + 10;
  const height = series.length * rowHeight + 6;
  const left = box.x + box.width - width - 6;
  const top = corner === 'top-right' ? box.y + 6 : box.y + box.height - height - 6;
  canvas.fillRect(left, top, width, height, WHITE);
  canvas.strokeRect(left, top, width, height, AXIS_GRAY);
  series.forEach((one, i) => {
    const y = top + 4 + i * rowHeight;
    canvas.fillRect(left + 5, y + 2, swatch, 3, one.color);
    canvas.text(left + 5 + swatch + ADVANCE, y, one.label, BLACK);
  });
}
