// Linear (identity) activation, the output of a regression model: output = inputs and
// dinputs = dvalues, each copied into a buffer the layer keeps.
import { checkBatch, checkDvalues, Matrix, reuseMatrix } from '../matrix.js';

export class ActivationLinear {
  /** The batch of the last forward pass, kept for reference, not copied. */
  inputs: Matrix | undefined;
  /** A copy of the inputs, reused while the shape stays the same. */
  output: Matrix | undefined;
  dinputs: Matrix | undefined;

  /** Copies the N x K inputs to `output`. `training` is unused by a linear activation. */
  forward(inputs: Matrix, training = true): void {
    void training;
    checkBatch('ActivationLinear.forward', 'inputs', inputs);

    const output = reuseMatrix(this.output, inputs.rows, inputs.cols);
    output.data.set(inputs.data);
    this.inputs = inputs;
    this.output = output;
  }

  /** Copies `dvalues`, which has the inputs' shape, to `dinputs`. */
  backward(dvalues: Matrix): void {
    const where = 'ActivationLinear.backward';
    const inputs = checkDvalues(where, dvalues, this.inputs);

    const dinputs = reuseMatrix(this.dinputs, inputs.rows, inputs.cols);
    dinputs.data.set(dvalues.data);
    this.dinputs = dinputs;
  }

  /** Returns `output` itself: a regression model's predictions are its outputs. */
  predictions(output: Matrix): Matrix {
    return output;
  }
}
