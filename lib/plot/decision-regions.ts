// The decision-regions.png figure for 2-D datasets. Every pixel of the plotting area gets a
// light tint of the colour of the class the model predicts there. The data points go on top
// in the full class colour with a darker outline.
import { Canvas } from './canvas.js';
import { drawAxes, Frame, niceRange } from './axes.js';
import { classColor, shade, tint } from './palette.js';
import { Matrix } from '../matrix.js';
import { describe, rangeError, typeError } from '../errors.js';

export interface DecisionRegionsOptions {
  /** Data points, N x 2. */
  X: Matrix;
  /** The true class of each point, length N. */
  labels: ArrayLike<number>;
  /** Returns the predicted class of each row of an M x 2 batch of grid points. */
  classify: (points: Matrix) => ArrayLike<number>;
  title?: string;
  /** Side of the square plotting area in pixels. */
  size?: number;
}

const MARGIN_LEFT = 64;
const MARGIN_RIGHT = 24;
const MARGIN_TOP = 44;
const MARGIN_BOTTOM = 46;
// Grid points classified per call, which bounds the memory of the hidden activations.
const CHUNK_POINTS = 16384;
const POINT_RADIUS = 3.5;
const OUTLINE_RADIUS = 4.5;

/** Renders the predicted class over a grid covering the data, with the data on top. */
export function renderDecisionRegions(options: DecisionRegionsOptions): Canvas {
  const where = 'renderDecisionRegions';
  const { X, labels, classify } = options;
  if (!(X instanceof Matrix)) throw typeError(where, `X must be a Matrix, got ${describe(X)}`);
  if (X.cols !== 2) throw rangeError(where, `X has ${X.cols} columns, expected 2`);
  if (X.rows === 0) throw rangeError(where, 'X has 0 rows, expected at least 1');
  if (labels.length !== X.rows) {
    throw rangeError(where, `labels has ${labels.length} entries, expected ${X.rows}`);
  }
  const size = options.size ?? 500;
  const canvas = new Canvas(MARGIN_LEFT + size + MARGIN_RIGHT, MARGIN_TOP + size + MARGIN_BOTTOM);
  const box = { x: MARGIN_LEFT, y: MARGIN_TOP, width: size, height: size };
  const frame = new Frame(box, paddedRange(X, 0), paddedRange(X, 1));

  paintRegions(canvas, frame, classify);
  const title = options.title ?? 'Decision regions';
  drawAxes(canvas, frame, { title, xLabel: 'x', yLabel: 'y' });

  for (let i = 0; i < X.rows; i++) {
    const color = classColor(labels[i]);
    const px = frame.toPixelX(X.data[i * 2]);
    const py = frame.toPixelY(X.data[i * 2 + 1]);
    canvas.fillCircle(px, py, OUTLINE_RADIUS, shade(color, 0.55));
    canvas.fillCircle(px, py, POINT_RADIUS, color);
  }
  return canvas;
}

// The data range of one column, widened by 10% on each side and rounded to nice ticks.
function paddedRange(X: Matrix, column: number): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < X.rows; i++) {
    const value = X.data[i * 2 + column];
    if (value < min) min = value;
    if (value > max) max = value;
  }
  const pad = (max - min) * 0.1;
  return niceRange(min - pad, max + pad);
}

function paintRegions(
  canvas: Canvas,
  frame: Frame,
  classify: (points: Matrix) => ArrayLike<number>,
): void {
  const { box } = frame;
  const total = box.width * box.height;
  for (let start = 0; start < total; start += CHUNK_POINTS) {
    const count = Math.min(CHUNK_POINTS, total - start);
    const points = new Float32Array(count * 2);
    for (let j = 0; j < count; j++) {
      const index = start + j;
      points[j * 2] = frame.toDataX(box.x + (index % box.width));
      points[j * 2 + 1] = frame.toDataY(box.y + Math.floor(index / box.width));
    }
    const predicted = classify(Matrix.from(points, [count, 2]));
    if (predicted.length !== count) {
      throw rangeError(
        'renderDecisionRegions',
        `classify returned ${predicted.length} classes for ${count} points`,
      );
    }
    for (let j = 0; j < count; j++) {
      const index = start + j;
      const color = tint(classColor(predicted[j]), 0.6);
      canvas.setPixel(box.x + (index % box.width), box.y + Math.floor(index / box.width), color);
    }
  }
}
