// Rectified linear unit: output = max(0, inputs). Backward passes dvalues where the input was
// > 0 and writes 0 where it was <= 0 (the derivative at 0 is taken as 0, as the book does).
import { kernels } from '../backend/select.js';
import { checkBatch, checkDvalues, Matrix, reuseMatrix } from '../matrix.js';

export class ActivationReLU {
  /** The batch of the last forward pass, kept for backward, not copied. */
  inputs: Matrix | undefined;
  /** Same shape as the inputs, reused while the shape stays the same. */
  output: Matrix | undefined;
  dinputs: Matrix | undefined;

  /** Computes `output` for a batch of N x K values. `training` is unused by ReLU. */
  forward(inputs: Matrix, training = true): void {
    void training;
    checkBatch('ActivationReLU.forward', 'inputs', inputs);

    const output = reuseMatrix(this.output, inputs.rows, inputs.cols);
    kernels().reluForward(inputs.data, output.data);
    this.inputs = inputs;
    this.output = output;
  }

  /** Computes `dinputs` from the gradient of the output, which has the inputs' shape. */
  backward(dvalues: Matrix): void {
    const where = 'ActivationReLU.backward';
    const inputs = checkDvalues(where, dvalues, this.inputs);

    const dinputs = reuseMatrix(this.dinputs, inputs.rows, inputs.cols);
    kernels().reluBackward(inputs.data, dvalues.data, dinputs.data);
    this.dinputs = dinputs;
  }
}
