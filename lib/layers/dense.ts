// A fully connected layer: output (N x O) = inputs (N x I) · weights (I x O) + biases (1 x O).
// Backward: dweights = inputsᵀ · dvalues, dbiases = column sums of dvalues, and
// dinputs = dvalues · weightsᵀ. The kernels take the transposes as BLAS flags, never as copies.
// With L1/L2 strengths set, backward adds the penalty's gradient to dweights and dbiases:
// l1 * sign(p), with sign(0) = +1 as the book does, and 2 * l2 * p.
import { kernels } from '../backend/select.js';
import { getPrecision } from '../config.js';
import { checkInteger, checkNumber, describe, rangeError, typeError } from '../errors.js';
import { checkBatch, Matrix, reuseMatrix } from '../matrix.js';
import { checkRegularizers, REGULARIZER_NAMES } from '../losses/regularization.js';
import type { RegularizerOptions } from '../losses/regularization.js';
import { randn } from '../random.js';

/** Settings of a dense layer beyond its size: the L1/L2 strengths, each >= 0 (default 0). */
export interface LayerDenseOptions extends RegularizerOptions {
  /**
   * The factor of the initial Gaussian weights, default 0.01. The book's regression chapter
   * uses 0.1.
   */
  weightScale?: number;
}

const OPTION_NAMES: readonly string[] = [...REGULARIZER_NAMES, 'weightScale'];

const WEIGHT_SCALE = Math.fround(0.01);

export class LayerDense {
  /** I x O, initialised to 0.01 * randn in float32, drawn row-major from the global generator. */
  weights: Matrix;
  /** 1 x O, initialised to zeros. */
  biases: Matrix;
  /** The batch of the last forward pass (N x I); kept for backward, not copied. */
  inputs: Matrix | undefined;
  /** N x O, reused while the batch size stays the same. */
  output: Matrix | undefined;
  dweights: Matrix | undefined;
  dbiases: Matrix | undefined;
  dinputs: Matrix | undefined;
  /**
   * Whether backward computes `dinputs`. A Model turns it off for its first layer, whose input
   * gradient nothing reads; that skips one of the layer's three backward products.
   */
  computeDinputs = true;
  readonly weightRegularizerL1: number;
  readonly weightRegularizerL2: number;
  readonly biasRegularizerL1: number;
  readonly biasRegularizerL2: number;

  constructor(nInputs: number, nNeurons: number, options: LayerDenseOptions = {}) {
    checkInteger('LayerDense', 'nInputs', nInputs, 1);
    checkInteger('LayerDense', 'nNeurons', nNeurons, 1);
    if (typeof options !== 'object' || options === null || Array.isArray(options)) {
      throw typeError('LayerDense', `options must be an object, got ${describe(options)}`);
    }
    for (const key of Object.keys(options)) {
      if (!OPTION_NAMES.includes(key)) {
        throw typeError(
          'LayerDense',
          `unknown option ${JSON.stringify(key)}, expected one of ${OPTION_NAMES.join(', ')}`,
        );
      }
    }
    const strengths = checkRegularizers('LayerDense', options);
    const scale = options.weightScale === undefined
      ? WEIGHT_SCALE
      : Math.fround(checkNumber('LayerDense', 'weightScale', options.weightScale, 0));
    this.weightRegularizerL1 = strengths.weightRegularizerL1;
    this.weightRegularizerL2 = strengths.weightRegularizerL2;
    this.biasRegularizerL1 = strengths.biasRegularizerL1;
    this.biasRegularizerL2 = strengths.biasRegularizerL2;

    // nnfs.init() makes randn float32, then 0.01 * weight is a float32 product.
    const draws = randn(nInputs * nNeurons);
    const weights = new Float32Array(draws.length);
    for (let i = 0; i < draws.length; i++) {
      weights[i] = Math.fround(scale * Math.fround(draws[i]));
    }
    this.weights = new Matrix(nInputs, nNeurons, weights);
    this.biases = Matrix.zeros(1, nNeurons);
  }

  /** Computes `output` for a batch of N x I inputs. `training` is unused by a dense layer. */
  forward(inputs: Matrix, training = true): void {
    void training;
    const where = 'LayerDense.forward';
    this.checkParameters(where);
    checkBatch(where, 'inputs', inputs, this.weights.rows);

    const n = inputs.rows;
    const i = this.weights.rows;
    const o = this.weights.cols;
    const output = reuseMatrix(this.output, n, o);
    kernels().denseForward(
      inputs.data, this.weights.data, this.biases.data, output.data, n, i, o, getPrecision(),
    );
    this.inputs = inputs;
    this.output = output;
  }

  /** Computes `dweights`, `dbiases` and `dinputs` from the N x O gradient of the output. */
  backward(dvalues: Matrix): void {
    const where = 'LayerDense.backward';
    const inputs = this.inputs;
    if (inputs === undefined) {
      throw new Error(`${where}: no forward pass has run yet, call forward(inputs) first`);
    }
    this.checkParameters(where);
    if (inputs.cols !== this.weights.rows) {
      throw rangeError(
        where,
        `the weights now have ${this.weights.rows} rows but the last inputs had ` +
          `${inputs.cols} columns, run forward again`,
      );
    }
    checkBatch(where, 'dvalues', dvalues, this.weights.cols);
    if (dvalues.rows !== inputs.rows) {
      throw rangeError(
        where,
        `dvalues has ${dvalues.rows} rows, expected ${inputs.rows} (the rows of the last inputs)`,
      );
    }

    const n = inputs.rows;
    const i = this.weights.rows;
    const o = this.weights.cols;
    const dweights = reuseMatrix(this.dweights, i, o);
    const dbiases = reuseMatrix(this.dbiases, 1, o);
    const dinputs = this.computeDinputs ? reuseMatrix(this.dinputs, n, i) : undefined;
    kernels().denseBackward(
      inputs.data,
      this.weights.data,
      dvalues.data,
      dweights.data,
      dbiases.data,
      dinputs === undefined ? null : dinputs.data,
      n,
      i,
      o,
      getPrecision(),
    );
    if (this.weightRegularizerL1 > 0 || this.weightRegularizerL2 > 0) {
      kernels().regularizationBackward(
        this.weights.data, dweights.data, this.weightRegularizerL1, this.weightRegularizerL2,
      );
    }
    if (this.biasRegularizerL1 > 0 || this.biasRegularizerL2 > 0) {
      kernels().regularizationBackward(
        this.biases.data, dbiases.data, this.biasRegularizerL1, this.biasRegularizerL2,
      );
    }
    this.dweights = dweights;
    this.dbiases = dbiases;
    this.dinputs = dinputs;
  }

  /** Checks parameters that a caller may have replaced since construction. */
  private checkParameters(where: string): void {
    if (!(this.weights instanceof Matrix)) {
      throw typeError(where, `weights must be a Matrix, got ${describe(this.weights)}`);
    }
    if (!(this.biases instanceof Matrix)) {
      throw typeError(where, `biases must be a Matrix, got ${describe(this.biases)}`);
    }
    if (this.biases.rows !== 1 || this.biases.cols !== this.weights.cols) {
      throw rangeError(
        where,
        `biases have shape [${this.biases.rows}, ${this.biases.cols}], ` +
          `expected [1, ${this.weights.cols}] to match the weights`,
      );
    }
  }
}
