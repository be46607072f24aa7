// Axis ticks, the training figure and the decision-region map with a known classifier.
import { describe, expect, test } from 'vitest';
import { niceStep, niceRange, ticks, formatTick, Frame } from '../../lib/plot/axes.js';
import { renderTrainingPlot } from '../../lib/plot/training-plot.js';
import { renderDecisionRegions } from '../../lib/plot/decision-regions.js';
import { classColor, shade, tint } from '../../lib/plot/palette.js';
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

describe('axes', () => {
  test('niceStep picks 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(10000)).toBe(2000);
    expect(niceStep(1)).toBe(0.2);
    expect(niceStep(3)).toBe(0.5);
    expect(niceStep(0.07)).toBeCloseTo(0.01, 12);
  });

  test('niceRange widens to whole steps', () => {
    const range = niceRange(0.05, 1.0986);
    expect(range.min).toBe(0);
    expect(range.max).toBeCloseTo(1.2, 12);
    expect(niceRange(3, 3).min).toBeLessThan(3);
    expect(niceRange(3, 3).max).toBeGreaterThan(3);
  });

  test('ticks and their labels', () => {
    const values = ticks({ min: 0, max: 1 }, 0.2);
    expect(values.map((v) => formatTick(v, 0.2))).toEqual(['0.0', '0.2', '0.4', '0.6', '0.8',
      '1.0']);
    expect(formatTick(-0.0000001, 0.5)).toBe('0.0');
    expect(formatTick(4000, 2000)).toBe('4000');
  });

  test('Frame maps the range onto the box and back', () => {
    const frame = new Frame({ x: 10, y: 20, width: 101, height: 51 }, { min: 0, max: 100 },
      { min: -1, max: 1 });
    expect(frame.toPixelX(0)).toBe(10);
    expect(frame.toPixelX(100)).toBe(110);
    expect(frame.toPixelY(1)).toBe(20);
    expect(frame.toPixelY(-1)).toBe(70);
    expect(frame.toDataX(frame.toPixelX(37))).toBeCloseTo(37, 12);
    expect(frame.toDataY(frame.toPixelY(0.25))).toBeCloseTo(0.25, 12);
  });
});

describe('renderTrainingPlot', () => {
  const epochs = [0, 1, 2, 3, 4];
  const loss = [1.1, 0.9, 0.6, 0.4, 0.3];
  const accuracy = [0.3, 0.5, 0.7, 0.8, 0.9];

  test('draws both curves in the training colour', () => {
    const canvas = renderTrainingPlot({ epochs, loss, accuracy });
    expect(canvas.width).toBe(800);
    expect(countColor(canvas, classColor(0))).toBeGreaterThan(500);
    expect(countColor(canvas, classColor(1))).toBe(0);
  });

  test('adds validation curves in a second colour', () => {
    const canvas = renderTrainingPlot({
      epochs,
      loss,
      accuracy,
      validationLoss: loss.map((v) => v + 0.1),
      validationAccuracy: accuracy.map((v) => v - 0.1),
    });
    expect(countColor(canvas, classColor(1))).toBeGreaterThan(500);
  });

  test('rejects an empty history', () => {
    expect(() => renderTrainingPlot({ epochs: [], loss: [], accuracy: [] })).toThrow(
      /renderTrainingPlot: history.epochs is empty/,
    );
  });

  test('rejects a series of the wrong length', () => {
    expect(() => renderTrainingPlot({ epochs, loss: [1], accuracy })).toThrow(RangeError);
  });
});

describe('renderDecisionRegions', () => {
  // Points left of x = 0 are class 0, right of it class 1; the classifier agrees.
  const X = Matrix.from([[-1, -1], [-1, 1], [1, -1], [1, 1]]);
  const labels = [0, 0, 1, 1];
  const classify = (points: Matrix): Int32Array => {
    const out = new Int32Array(points.rows);
    for (let i = 0; i < points.rows; i++) out[i] = points.data[i * 2] < 0 ? 0 : 1;
    return out;
  };

  test('colours each half by its predicted class', () => {
    const canvas = renderDecisionRegions({ X, labels, classify, size: 200 });
    const margin = 64;
    const top = 44;
    // Data range [-1, 1] padded by 10% rounds to [-1.5, 1.5]; x = -1.2 and 1.2 lie inside.
    const leftPixel = Math.round(margin + ((-1.2 + 1.5) / 3) * 199);
    const rightPixel = Math.round(margin + ((1.2 + 1.5) / 3) * 199);
    const middleRow = top + 100;
    expect(canvas.getPixel(leftPixel, middleRow)).toEqual(tint(classColor(0), 0.6));
    expect(canvas.getPixel(rightPixel, middleRow)).toEqual(tint(classColor(1), 0.6));
  });

  test('draws data points with a darker outline', () => {
    const canvas = renderDecisionRegions({ X, labels, classify, size: 200 });
    // Point (1, 1) sits at column 64 + (2.5 / 3) * 199, row 44 + (0.5 / 3) * 199.
    const px = Math.round(64 + (2.5 / 3) * 199);
    const py = Math.round(44 + (0.5 / 3) * 199);
    expect(canvas.getPixel(px, py)).toEqual([...classColor(1)]);
    expect(canvas.getPixel(px + 4, py)).toEqual(shade(classColor(1), 0.55));
  });

  test('rejects data that is not 2-D', () => {
    expect(() =>
      renderDecisionRegions({ X: Matrix.zeros(3, 3), labels: [0, 0, 0], classify }),
    ).toThrow(/renderDecisionRegions: X has 3 columns, expected 2/);
  });

  test('rejects a label count that does not match', () => {
    expect(() => renderDecisionRegions({ X, labels: [0], classify })).toThrow(
      /labels has 1 entries, expected 4/,
    );
  });
});
