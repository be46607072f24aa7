// The vertical dataset of the book's `nnfs.datasets.vertical_data`: one Gaussian blob per
// class, reproduced bit for bit after init().
import { checkInteger } from '../errors.js';
import { Matrix } from '../matrix.js';
import { globalRandomState } from '../random.js';
import type { ClassificationData } from './spiral.js';

const SPREAD = Math.fround(0.1);

/**
 * Generates `classes` blobs of `samples` points: x = 0.1 * Gaussian + class / 3 and
 * y = 0.1 * Gaussian + 0.5. All arithmetic is float32, as under `nnfs.init()`, and each class
 * draws its `samples` x Gaussians first, then its `samples` y Gaussians.
 */
export function verticalData(samples: number, classes: number): ClassificationData {
  checkInteger('verticalData', 'samples', samples, 1, 0x7fffffff);
  checkInteger('verticalData', 'classes', classes, 1, 256);
  const X = new Matrix(samples * classes, 2);
  const y = new Uint8Array(samples * classes);
  const data = X.data;

  for (let classIndex = 0; classIndex < classes; classIndex++) {
    const first = samples * classIndex;
    const center = Math.fround(classIndex / 3);
    for (let i = 0; i < samples; i++) {
      const scaled = Math.fround(Math.fround(globalRandomState.nextGaussian()) * SPREAD);
      data[2 * (first + i)] = scaled + center;
      y[first + i] = classIndex;
    }
    for (let i = 0; i < samples; i++) {
      const scaled = Math.fround(Math.fround(globalRandomState.nextGaussian()) * SPREAD);
      data[2 * (first + i) + 1] = scaled + 0.5;
    }
  }
  return { X, y };
}
