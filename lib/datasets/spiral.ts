// The spiral dataset of the book's `nnfs.datasets.spiral_data`, reproduced bit for bit after
// init(): each class is an arm of `samples` points whose angle carries Gaussian noise.
import { checkInteger } from '../errors.js';
import { Matrix } from '../matrix.js';
import { globalRandomState } from '../random.js';

/** Features and class indices of a generated classification dataset. */
export interface ClassificationData {
  /** (samples * classes) x 2 points, class after class. */
  X: Matrix;
  /** The class index of each row of X. */
  y: Uint8Array;
}

const NOISE_SCALE = Math.fround(0.2);

/**
 * Generates `classes` spiral arms of `samples` points each. The radius runs from 0 to 1 and the
 * angle from 4 * class to 4 * (class + 1) (times 2.5 radians), plus 0.2 times a Gaussian.
 *
 * The dtypes follow the reference under `nnfs.init()`: radius and angle are float64 `linspace`
 * values, the noise is float32 (a float32 Gaussian times 0.2 in float32), sin and cos run in
 * float64 and the products are stored as float32. Draws `samples` Gaussians per class in order.
 */
export function spiralData(samples: number, classes: number): ClassificationData {
  checkInteger('spiralData', 'samples', samples, 1, 0x7fffffff);
  checkInteger('spiralData', 'classes', classes, 1, 256);
  const X = new Matrix(samples * classes, 2);
  const y = new Uint8Array(samples * classes);
  const data = X.data;

  for (let classIndex = 0; classIndex < classes; classIndex++) {
    const first = samples * classIndex;
    for (let i = 0; i < samples; i++) {
      const radius = linspaceAt(0, 1, samples, i);
      const noise = Math.fround(Math.fround(globalRandomState.nextGaussian()) * NOISE_SCALE);
      const angle = (linspaceAt(classIndex * 4, (classIndex + 1) * 4, samples, i) + noise) * 2.5;
      data[2 * (first + i)] = radius * Math.sin(angle);
      data[2 * (first + i) + 1] = radius * Math.cos(angle);
      y[first + i] = classIndex;
    }
  }
  return { X, y };
}

/**
 * Value i of `np.linspace(start, stop, count)`: i * step + start with step = (stop - start) /
 * (count - 1), and exactly `stop` at the last index, which is how NumPy computes it.
 */
function linspaceAt(start: number, stop: number, count: number, i: number): number {
  if (count > 1 && i === count - 1) return stop;
  if (count === 1) return start;
  return i * ((stop - start) / (count - 1)) + start;
}
