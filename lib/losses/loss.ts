// The common part of every loss: `calculate` is the mean of the per-sample losses that the
// subclass's `forward` returns.
import { kernels } from '../backend/select.js';
import type { Labels } from '../labels.js';
import type { Matrix } from '../matrix.js';
import { regularizationLoss, type RegularizedLayer } from './regularization.js';

export abstract class Loss {
  /** Gradient of the mean loss with respect to the predictions, set by `backward`. */
  dinputs: Matrix | undefined;

  /** Returns the N per-sample losses of a batch of predictions. */
  abstract forward(yPred: Matrix, yTrue: Labels | Matrix): Float32Array;

  /** Sets `dinputs` to the gradient of the mean loss with respect to `dvalues`. */
  abstract backward(dvalues: Matrix, yTrue: Labels | Matrix): void;

  /**
   * Returns the mean loss of a batch in float32, summed in NumPy's pairwise order so that a
   * seeded run matches `np.mean` on the book's float32 losses.
   */
  calculate(output: Matrix, yTrue: Labels | Matrix): number {
    return kernels().mean(this.forward(output, yTrue));
  }

  /**
   * Returns the L1/L2 penalty of one layer's parameters in float32 (0 when the layer sets no
   * regularisation strength). The Model sums it over its trainable layers.
   */
  regularizationLoss(layer: RegularizedLayer): number {
    return regularizationLoss(layer);
  }
}
