// Sigmoid: output = 1 / (1 + exp(-inputs)), the output unit of binary logistic regression.
// Backward: dinputs = dvalues * (1 - output) * output. In float32 the output saturates at
// exactly 0 and 1 far from the origin, so its gradient there is 0, never NaN.
import { kernels } from '../backend/select.js';
import { checkBatch, checkDvalues, Matrix, reuseMatrix } from '../matrix.js';

export class ActivationSigmoid {
  /** The batch of the last forward pass, kept for reference, not copied. */
  inputs: Matrix | undefined;
  /** Same shape as the inputs, reused while the shape stays the same. */
  output: Matrix | undefined;
  dinputs: Matrix | undefined;

  /** Computes `output` for a batch of N x K values. `training` is unused by sigmoid. */
  forward(inputs: Matrix, training = true): void {
    void training;
    checkBatch('ActivationSigmoid.forward', 'inputs', inputs);

    const output = reuseMatrix(this.output, inputs.rows, inputs.cols);
    kernels().sigmoidForward(inputs.data, output.data);
    this.inputs = inputs;
    this.output = output;
  }

  /** Computes `dinputs` from the gradient of the output, which has the output's shape. */
  backward(dvalues: Matrix): void {
    const where = 'ActivationSigmoid.backward';
    const output = checkDvalues(where, dvalues, this.output);

    const dinputs = reuseMatrix(this.dinputs, output.rows, output.cols);
    kernels().sigmoidBackward(output.data, dvalues.data, dinputs.data);
    this.dinputs = dinputs;
  }

  /** Returns a new matrix with 1 where `output` > 0.5 and 0 elsewhere, as the book rounds. */
  predictions(output: Matrix): Matrix {
    checkBatch('ActivationSigmoid.predictions', 'output', output);
    const result = new Matrix(output.rows, output.cols);
    for (let i = 0; i < output.data.length; i++) result.data[i] = output.data[i] > 0.5 ? 1 : 0;
    return result;
  }
}
