// The sine dataset of the book's `nnfs.datasets.sine_data`, the regression example.
import { checkInteger } from '../errors.js';
import { Matrix } from '../matrix.js';

/** Inputs and targets of a generated regression dataset, one column each. */
export interface RegressionData {
  X: Matrix;
  y: Matrix;
}

/**
 * Samples one period of a sine: X = i / samples for i in [0, samples), y = sin(2 * pi * X).
 * Both are computed in float64, as NumPy does, and stored as float32 columns. Uses no
 * randomness.
 */
export function sineData(samples = 1000): RegressionData {
  checkInteger('sineData', 'samples', samples, 1, 0x7fffffff);
  const X = new Matrix(samples, 1);
  const y = new Matrix(samples, 1);

  for (let i = 0; i < samples; i++) {
    const x = i / samples;
    X.data[i] = x;
    y.data[i] = Math.sin(2 * Math.PI * x);
  }
  return { X, y };
}
