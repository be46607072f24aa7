// Mean absolute error for regression: a sample's loss is the mean of |t - p| over its K
// outputs. Backward: dinputs = sign(p - t) / K / N, 0 where t equals p. Targets are an N x K
// Matrix. Unlike the book, whose code returns sign(t - p), the gradient has the derivative's
// sign, so gradient descent lowers the loss.
import { kernels } from '../backend/select.js';
import type { Labels } from '../labels.js';
import { Matrix, reuseMatrix } from '../matrix.js';
import { Loss } from './loss.js';
import { checkTargetMatrix } from './target-matrix.js';

export class LossMeanAbsoluteError extends Loss {
  /** N per-sample losses of the last forward pass, reused while N stays the same. */
  sampleLosses: Float32Array = new Float32Array(0);

  /**
   * Returns the N per-sample losses of N x K predictions against an N x K target Matrix. The
   * returned array is this object's buffer, overwritten by the next call.
   */
  forward(yPred: Matrix, yTrue: Labels | Matrix): Float32Array {
    const { predictions, targets } = checkTargetMatrix(
      'LossMeanAbsoluteError.forward', 'yPred', yPred, yTrue,
    );

    const n = predictions.rows;
    const losses = this.sampleLosses.length === n ? this.sampleLosses : new Float32Array(n);
    kernels().meanAbsoluteErrorForward(predictions.data, targets.data, losses, n, predictions.cols);
    this.sampleLosses = losses;
    return losses;
  }

  /** Sets `dinputs` (N x K) from the predictions `dvalues` and the targets. */
  backward(dvalues: Matrix, yTrue: Labels | Matrix): void {
    const { predictions, targets } = checkTargetMatrix(
      'LossMeanAbsoluteError.backward', 'dvalues', dvalues, yTrue,
    );

    const dinputs = reuseMatrix(this.dinputs, predictions.rows, predictions.cols);
    kernels().meanAbsoluteErrorBackward(
      predictions.data, targets.data, dinputs.data, predictions.rows, predictions.cols,
    );
    this.dinputs = dinputs;
  }
}
