// Inverted dropout: in training, each input is kept with probability 1 - rate and scaled by
// 1 / (1 - rate), so the expected output equals the input; outside training the layer passes
// its input through unchanged. Backward multiplies dvalues by the same scaled mask.
//
// The mask draws binomial(1, 1 - rate) from the library's seeded generator, one double per
// element in row-major order (NumPy's legacy algorithm: keep when u <= 1 - rate), so a seeded
// run draws the same mask as the book's Python code.
// NOTE: the mask and the output are float32 here. NumPy's mask is float64, which makes the
// book's dropout output, the gradient flowing back through it and the previous dense layer's
// dbiases float64, so seeded runs with dropout match the book only within a band.
import { kernels } from '../backend/select.js';
import { checkNumber, rangeError } from '../errors.js';
import { checkBatch, checkDvalues, Matrix, reuseMatrix } from '../matrix.js';
import { globalRandomState } from '../random.js';

export class LayerDropout {
  /** The fraction of inputs dropped in training, in [0, 1). */
  readonly rate: number;
  /** The batch of the last forward pass, kept for reference, not copied. */
  inputs: Matrix | undefined;
  output: Matrix | undefined;
  dinputs: Matrix | undefined;
  /** 0 for a dropped input and fround(1 / (1 - rate)) for a kept one; set by training passes. */
  binaryMask: Matrix | undefined;
  // The mask was drawn for the last forward pass, so backward may use it.
  private maskIsCurrent = false;

  constructor(rate: number) {
    const checked = checkNumber('LayerDropout', 'rate', rate, 0, 1);
    if (checked >= 1) {
      throw rangeError('LayerDropout', `rate must be a finite number >= 0 and < 1, got ${rate}`);
    }
    this.rate = checked;
  }

  /** Applies a fresh mask when `training`, else copies the inputs unchanged. */
  forward(inputs: Matrix, training = true): void {
    checkBatch('LayerDropout.forward', 'inputs', inputs);
    const output = reuseMatrix(this.output, inputs.rows, inputs.cols);

    if (!training) {
      output.data.set(inputs.data);
      this.inputs = inputs;
      this.output = output;
      this.maskIsCurrent = false;
      return;
    }

    // The book stores 1 - rate as its keep probability and draws with it.
    const keep = 1 - this.rate;
    const scale = Math.fround(1 / keep);
    const mask = reuseMatrix(this.binaryMask, inputs.rows, inputs.cols);
    const values = mask.data;
    globalRandomState.fillBinomial(1, keep, values);
    for (let i = 0; i < values.length; i++) values[i] = values[i] === 1 ? scale : 0;
    kernels().dropoutApply(inputs.data, values, output.data);
    this.binaryMask = mask;
    this.inputs = inputs;
    this.output = output;
    this.maskIsCurrent = true;
  }

  /** Sets `dinputs` = dvalues * mask, or a copy of dvalues after an inference pass. */
  backward(dvalues: Matrix): void {
    const where = 'LayerDropout.backward';
    const inputs = checkDvalues(where, dvalues, this.inputs);

    const dinputs = reuseMatrix(this.dinputs, inputs.rows, inputs.cols);
    if (this.maskIsCurrent && this.binaryMask !== undefined) {
      kernels().dropoutApply(dvalues.data, this.binaryMask.data, dinputs.data);
    } else {
      dinputs.data.set(dvalues.data);
    }
    this.dinputs = dinputs;
  }
}
