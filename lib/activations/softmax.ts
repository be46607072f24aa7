// Row-wise softmax: output = exp(x - rowmax) / rowsum over the C columns of each row.
// Backward multiplies each row's Jacobian diag(s) - s sᵀ by that row's dvalues, computed in
// O(C) as s * (d - dot(s, d)) without building the C x C matrix.
//
// Rows that are not finite: a row containing NaN gives all NaN. A row with +Infinity entries
// gives 1 / (count of +Infinity) at those entries and 0 elsewhere. A row of only -Infinity
// gives NaN, as exp(-inf - (-inf)) is exp(NaN). Both backends implement the same rules.
import { kernels } from '../backend/select.js';
import { checkBatch, checkDvalues, Matrix, reuseMatrix } from '../matrix.js';

export class ActivationSoftmax {
  inputs: Matrix | undefined;
  /** N x C probabilities, reused while the shape stays the same. */
  output: Matrix | undefined;
  dinputs: Matrix | undefined;

  /** Computes `output` for a batch of N x C scores. `training` is unused by softmax. */
  forward(inputs: Matrix, training = true): void {
    void training;
    checkBatch('ActivationSoftmax.forward', 'inputs', inputs);

    const output = reuseMatrix(this.output, inputs.rows, inputs.cols);
    kernels().softmaxForward(inputs.data, output.data, inputs.rows, inputs.cols);
    this.inputs = inputs;
    this.output = output;
  }

  /** Computes `dinputs` from the N x C gradient of the output. */
  backward(dvalues: Matrix): void {
    const where = 'ActivationSoftmax.backward';
    const output = checkDvalues(where, dvalues, this.output);

    const dinputs = reuseMatrix(this.dinputs, output.rows, output.cols);
    kernels().softmaxBackward(output.data, dvalues.data, dinputs.data, output.rows, output.cols);
    this.dinputs = dinputs;
  }

  /** Returns the predicted class of each row of an N x C output: the index of its maximum. */
  predictions(output: Matrix): Int32Array {
    checkBatch('ActivationSoftmax.predictions', 'output', output);
    const classes = new Int32Array(output.rows);
    kernels().argmax(output.data, classes, output.rows, output.cols);
    return classes;
  }
}
