// Categorical cross-entropy: loss = -log(clip(p[true class], 1e-7, 1 - 1e-7)) per sample.
// Backward: dinputs = -y_onehot / clip(y_pred) / N. Unlike the book, the backward clips the
// predictions as the forward does, so the gradient stays finite when a prediction is 0.
import { kernels } from '../backend/select.js';
import { LabelBuffer, type Labels } from '../labels.js';
import { checkBatch, Matrix, reuseMatrix } from '../matrix.js';
import { Loss } from './loss.js';

export class LossCategoricalCrossentropy extends Loss {
  /** N per-sample losses of the last forward pass, reused while N stays the same. */
  sampleLosses: Float32Array = new Float32Array(0);
  private readonly labels = new LabelBuffer();

  /**
   * Returns the N per-sample losses of N x C predictions against class indices or a one-hot
   * N x C matrix. The returned array is this object's buffer, overwritten by the next call.
   */
  forward(yPred: Matrix, yTrue: Labels | Matrix): Float32Array {
    const where = 'LossCategoricalCrossentropy.forward';
    checkBatch(where, 'yPred', yPred);
    this.labels.resolve(where, 'yTrue', yTrue, yPred.rows, yPred.cols);

    const losses = this.sampleLosses.length === yPred.rows
      ? this.sampleLosses
      : new Float32Array(yPred.rows);
    kernels().crossEntropyForward(
      yPred.data, this.labels.indices, this.labels.oneHot, losses, yPred.rows, yPred.cols,
    );
    this.sampleLosses = losses;
    return losses;
  }

  /** Sets `dinputs` (N x C) from the predictions `dvalues` and the targets. */
  backward(dvalues: Matrix, yTrue: Labels | Matrix): void {
    const where = 'LossCategoricalCrossentropy.backward';
    checkBatch(where, 'dvalues', dvalues);
    this.labels.resolve(where, 'yTrue', yTrue, dvalues.rows, dvalues.cols);

    const dinputs = reuseMatrix(this.dinputs, dvalues.rows, dvalues.cols);
    kernels().crossEntropyBackward(
      dvalues.data, this.labels.indices, this.labels.oneHot, dinputs.data, dvalues.rows,
      dvalues.cols,
    );
    this.dinputs = dinputs;
  }
}
