// The regression.png figure: the data as dots and the model's prediction at the same inputs as
// a line drawn over them, as the book's regression chapter plots its fit of the sine.
import { Canvas, type Rgb } from './canvas.js';
import { drawAxes, Frame, niceRange } from './axes.js';
import { AXIS_GRAY, BLACK, WHITE, classColor } from './palette.js';
import { ADVANCE, GLYPH_HEIGHT, textWidth } from './font.js';
import { Matrix } from '../matrix.js';
import { describe, rangeError, typeError } from '../errors.js';

export interface RegressionPlotOptions {
  /** The inputs, N x 1. */
  X: Matrix;
  /** The targets, N x 1. */
  y: Matrix;
  /** The model's output for X, N x 1. */
  predicted: Matrix;
  title?: string;
}

/** The colour of the data dots. */
export const DATA_COLOR: Rgb = classColor(0);
/** The colour of the prediction line. */
export const PREDICTION_COLOR: Rgb = classColor(1);

const WIDTH = 800;
const HEIGHT = 500;
const MARGIN_LEFT = 80;
const MARGIN_RIGHT = 24;
const MARGIN_TOP = 44;
const MARGIN_BOTTOM = 46;
// Dots wider than the line, so the data stays visible where the fit covers it.
const DOT_RADIUS = 2.5;
const LINE_THICKNESS = 2;

/** Renders the data and the prediction line as an 800 x 500 canvas. */
export function renderRegressionPlot(options: RegressionPlotOptions): Canvas {
  const where = 'renderRegressionPlot';
  const { X, y, predicted } = options;
  for (const [name, value] of [['X', X], ['y', y], ['predicted', predicted]] as const) {
    if (!(value instanceof Matrix)) {
      throw typeError(where, `${name} must be a Matrix, got ${describe(value)}`);
    }
    if (value.cols !== 1) throw rangeError(where, `${name} has ${value.cols} columns, expected 1`);
  }
  if (X.rows === 0) throw rangeError(where, 'X has 0 rows, expected at least 1');
  for (const [name, value] of [['y', y], ['predicted', predicted]] as const) {
    if (value.rows !== X.rows) {
      throw rangeError(where, `${name} has ${value.rows} rows, expected ${X.rows} like X`);
    }
  }

  const canvas = new Canvas(WIDTH, HEIGHT);
  const box = {
    x: MARGIN_LEFT,
    y: MARGIN_TOP,
    width: WIDTH - MARGIN_LEFT - MARGIN_RIGHT,
    height: HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
  };
  const frame = new Frame(box, rangeOf([X]), rangeOf([y, predicted]));
  drawAxes(canvas, frame, { title: options.title ?? 'Regression', xLabel: 'x', yLabel: 'y',
    grid: true });

  for (let i = 0; i < X.rows; i++) {
    const px = frame.toPixelX(X.data[i]);
    const py = frame.toPixelY(y.data[i]);
    canvas.fillCircle(Math.round(px), Math.round(py), DOT_RADIUS, DATA_COLOR);
  }

  // The line joins the predictions in order of x, so unsorted inputs still draw one curve.
  const order = Array.from(X.data.keys()).sort((a, b) => X.data[a] - X.data[b]);
  let previous: [number, number] | undefined;
  for (const i of order) {
    if (!Number.isFinite(predicted.data[i])) {
      previous = undefined;
      continue;
    }
    const point: [number, number] = [
      frame.toPixelX(X.data[i]),
      frame.toPixelY(predicted.data[i]),
    ];
    if (previous) {
      canvas.line(previous[0], previous[1], point[0], point[1], PREDICTION_COLOR, LINE_THICKNESS);
    }
    previous = point;
  }
  drawLegend(canvas, box);
  return canvas;
}

// The finite range of the given columns, rounded out to nice ticks.
function rangeOf(columns: readonly Matrix[]): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const column of columns) {
    for (const value of column.data) {
      if (!Number.isFinite(value)) continue;
      if (value < min) min = value;
      if (value > max) max = value;
    }
  }
  if (min > max) return { min: 0, max: 1 };
  return niceRange(min, max);
}

// A card in the top-right corner naming the dots and the line.
function drawLegend(canvas: Canvas, box: { x: number; y: number; width: number }): void {
  const entries: [string, Rgb][] = [['data', DATA_COLOR], ['prediction', PREDICTION_COLOR]];
  const swatch = 14;
  const rowHeight = GLYPH_HEIGHT + 6;
  const width = swatch + 6 + Math.max(...entries.map(([label]) => textWidth(label))) + 10;
  const height = entries.length * rowHeight + 6;
  const left = box.x + box.width - width - 6;
  const top = box.y + 6;
  canvas.fillRect(left, top, width, height, WHITE);
  canvas.strokeRect(left, top, width, height, AXIS_GRAY);
  entries.forEach(([label, color], i) => {
    const y = top + 4 + i * rowHeight;
    if (i === 0) canvas.fillCircle(left + 5 + swatch / 2, y + 3, 2, color);
    else canvas.fillRect(left + 5, y + 2, swatch, 3, color);
    canvas.text(left + 5 + swatch + ADVANCE, y, label, BLACK);
  });
}
