// Softmax followed by categorical cross-entropy, with the shortcut backward
// dinputs = (dvalues - y_onehot) / N: the product of the softmax Jacobian and the loss
// gradient simplifies to that, and it is cheaper and more exact than chaining the two.
import { ActivationSoftmax } from '../activations/softmax.js';
import { kernels } from '../backend/select.js';
import { LabelBuffer, type Labels } from '../labels.js';
import { checkBatch, Matrix, reuseMatrix } from '../matrix.js';
import { LossCategoricalCrossentropy } from './categorical-crossentropy.js';

export class ActivationSoftmaxLossCategoricalCrossentropy {
  readonly activation = new ActivationSoftmax();
  readonly loss = new LossCategoricalCrossentropy();
  /** N x C softmax probabilities of the last forward pass. */
  output: Matrix | undefined;
  dinputs: Matrix | undefined;
  private readonly labels = new LabelBuffer();

  /** Runs softmax on N x C scores, then returns the mean cross-entropy against `yTrue`. */
  forward(inputs: Matrix, yTrue: Labels | Matrix): number {
    const where = 'ActivationSoftmaxLossCategoricalCrossentropy.forward';
    checkBatch(where, 'inputs', inputs);
    // The labels are checked before softmax runs, so a bad target leaves every field unchanged.
    this.labels.resolve(where, 'yTrue', yTrue, inputs.rows, inputs.cols);

    this.activation.forward(inputs);
    const output = this.activation.output as Matrix;
    const loss = this.loss.calculate(output, yTrue);
    this.output = output;
    return loss;
  }

  /** Sets `dinputs` (N x C) from the softmax output `dvalues` and the targets. */
  backward(dvalues: Matrix, yTrue: Labels | Matrix): void {
    const where = 'ActivationSoftmaxLossCategoricalCrossentropy.backward';
    checkBatch(where, 'dvalues', dvalues);
    this.labels.resolve(where, 'yTrue', yTrue, dvalues.rows, dvalues.cols);

    const dinputs = reuseMatrix(this.dinputs, dvalues.rows, dvalues.cols);
    kernels().softmaxCrossEntropyBackward(
      dvalues.data, this.labels.indices, this.labels.oneHot, dinputs.data, dvalues.rows,
      dvalues.cols,
    );
    this.dinputs = dinputs;
  }
}
