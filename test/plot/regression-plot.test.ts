// The regression figure with known data: dots at the targets, the line at the predictions.
import { describe, expect, test } from 'vitest';
import { Frame, niceRange } from '../../lib/plot/axes.js';
import {
  DATA_COLOR,
  PREDICTION_COLOR,
  renderRegressionPlot,
} from '../../lib/plot/regression-plot.js';
import { Matrix } from '../../lib/matrix.js';
import type { Canvas } from '../../lib/plot/canvas.js';

function countColor(canvas: Canvas, color: readonly number[]): number {
  let count = 0;
  for (let i = 0; i < canvas.pixels.length; i += 4) {
    const p = canvas.pixels;
    if (p[i] === color[0] && p[i + 1] === color[1] && p[i + 2] === color[2]) count++;
  }
  return count;
}

// Targets fall along y = 1 - x and predictions along y = x, so dots and line only cross at
// x = 0.5.
const xs = Array.from({ length: 101 }, (_, i) => i / 100);
const X = Matrix.from(xs.map((x) => [x]));
const y = Matrix.from(xs.map((x) => [1 - x]));
const predicted = Matrix.from(xs.map((x) => [x]));
// The plotting area of the 800 x 500 figure, inside its margins (left 80, right 24, top 44,
// bottom 46).
const frame = new Frame({ x: 80, y: 44, width: 696, height: 410 }, niceRange(0, 1),
  niceRange(0, 1));

describe('renderRegressionPlot', () => {
  test('draws an 800 x 500 figure', () => {
    const canvas = renderRegressionPlot({ X, y, predicted });
    expect(canvas.width).toBe(800);
    expect(canvas.height).toBe(500);
  });

  test('draws the prediction line', () => {
    const canvas = renderRegressionPlot({ X, y, predicted });
    for (const x of [0.2, 0.8]) {
      const px = Math.round(frame.toPixelX(x));
      const py = Math.round(frame.toPixelY(x));
      expect(canvas.getPixel(px, py)).toEqual([...PREDICTION_COLOR]);
    }
    expect(countColor(canvas, PREDICTION_COLOR)).toBeGreaterThan(1000);
  });

  test('draws a dot at each target', () => {
    const canvas = renderRegressionPlot({ X, y, predicted });
    for (const x of [0.1, 0.9]) {
      const px = Math.round(frame.toPixelX(x));
      const py = Math.round(frame.toPixelY(1 - x));
      expect(canvas.getPixel(px, py)).toEqual([...DATA_COLOR]);
    }
  });

  test('joins unsorted inputs in order of x', () => {
    const order = xs.map((_, i) => (i * 37) % xs.length);
    const shuffled = (column: Matrix) => Matrix.from(order.map((i) => [column.data[i]]));
    const sorted = renderRegressionPlot({ X, y, predicted });
    const unsorted = renderRegressionPlot({
      X: shuffled(X),
      y: shuffled(y),
      predicted: shuffled(predicted),
    });
    // Buffer.equals compares the 1.6 MB of pixels far faster than a deep toEqual.
    expect(Buffer.from(unsorted.pixels).equals(Buffer.from(sorted.pixels))).toBe(true);
  });

  test('rejects inputs with two columns', () => {
    expect(() => renderRegressionPlot({ X: Matrix.zeros(3, 2), y, predicted })).toThrow(
      /renderRegressionPlot: X has 2 columns, expected 1/,
    );
  });

  test('rejects a row count that does not match', () => {
    expect(() => renderRegressionPlot({ X, y: Matrix.zeros(3, 1), predicted })).toThrow(
      /renderRegressionPlot: y has 3 rows, expected 101 like X/,
    );
  });

  test('rejects a value that is not a Matrix', () => {
    expect(() =>
      renderRegressionPlot({ X, y, predicted: [[1]] as unknown as Matrix }),
    ).toThrow(TypeError);
  });
});
