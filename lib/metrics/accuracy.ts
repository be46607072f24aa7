// Classification accuracy of one batch, as the book computes it after a forward pass:
// mean(argmax(output, axis=1) == y), with one-hot targets reduced to indices by their argmax.
import { kernels } from '../backend/select.js';
import { LabelBuffer, type Labels } from '../labels.js';
import { checkBatch, type Matrix } from '../matrix.js';

// Reused across calls, so evaluating accuracy every epoch allocates nothing in steady state.
const labels = new LabelBuffer();
let predicted = new Int32Array(0);
let targetClasses = new Int32Array(0);

/**
 * Returns the fraction of rows of an N x C `output` whose largest entry is at the true class,
 * as a float64 (count / N, like NumPy's mean of a boolean array).
 */
export function accuracy(output: Matrix, yTrue: Labels | Matrix): number {
  const where = 'accuracy';
  checkBatch(where, 'output', output);
  labels.resolve(where, 'yTrue', yTrue, output.rows, output.cols);

  const n = output.rows;
  const c = output.cols;
  if (predicted.length !== n) predicted = new Int32Array(n);
  kernels().argmax(output.data, predicted, n, c);

  let truth = labels.indices;
  if (truth === null) {
    if (targetClasses.length !== n) targetClasses = new Int32Array(n);
    kernels().argmax(labels.oneHot as Float32Array, targetClasses, n, c);
    truth = targetClasses;
  }

  let correct = 0;
  for (let r = 0; r < n; r++) {
    if (predicted[r] === truth[r]) correct++;
  }
  return correct / n;
}

