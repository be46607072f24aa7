// Binary cross-entropy for sigmoid outputs: per element -(t * log(p) + (1 - t) * log(1 - p))
// with p clipped to [1e-7, 1 - 1e-7], averaged over a sample's K outputs. Backward:
// dinputs = -(t / p - (1 - t) / (1 - p)) / K / N, clipped the same way so it stays finite.
// Targets are an N x K Matrix of 0 and 1 (soft targets in [0, 1] work too).
import { kernels } from '../backend/select.js';
import type { Labels } from '../labels.js';
import { Matrix, reuseMatrix } from '../matrix.js';
import { Loss } from './loss.js';
import { checkTargetMatrix } from './target-matrix.js';

export class LossBinaryCrossentropy extends Loss {
  /** N per-sample losses of the last forward pass, reused while N stays the same. */
  sampleLosses: Float32Array = new Float32Array(0);

  /**
   * Returns the N per-sample losses of N x K predictions against an N x K target Matrix. The
   * returned array is this object's buffer, overwritten by the next call.
   */
  forward(yPred: Matrix, yTrue: Labels | Matrix): Float32Array {
    const { predictions, targets } = checkTargetMatrix(
      'LossBinaryCrossentropy.forward', 'yPred', yPred, yTrue,
    );

    const n = predictions.rows;
    const losses = this.sampleLosses.length === n ? this.sampleLosses : new Float32Array(n);
    kernels().binaryCrossEntropyForward(predictions.data, targets.data, losses, n, predictions.cols);
    this.sampleLosses = losses;
    return losses;
  }

  /** Sets `dinputs` (N x K) from the predictions `dvalues` and the targets. */
  backward(dvalues: Matrix, yTrue: Labels | Matrix): void {
    const { predictions, targets } = checkTargetMatrix(
      'LossBinaryCrossentropy.backward', 'dvalues', dvalues, yTrue,
    );

    const dinputs = reuseMatrix(this.dinputs, predictions.rows, predictions.cols);
    kernels().binaryCrossEntropyBackward(
      predictions.data, targets.data, dinputs.data, predictions.rows, predictions.cols,
    );
    this.dinputs = dinputs;
  }
}
