// Accuracy of a regression model: the fraction of outputs within `precision` of their target,
// |prediction - target| < precision, where precision = std(y) / 250 of the training targets
// (the book's rule). Like AccuracyCategorical it accumulates over the batches of a pass, and
// it counts every output, so an N x K output contributes N * K comparisons.
import { describe, rangeError, typeError } from '../errors.js';
import { Matrix } from '../matrix.js';

/** The divisor of std(y) that gives the precision, as the book sets it. */
const PRECISION_DIVISOR = 250;

export class AccuracyRegression {
  /** The largest |prediction - target| counted as correct; set by init(). */
  precision: number | undefined;
  /** Correct outputs counted since the last newPass(). */
  accumulatedSum = 0;
  /** Outputs counted since the last newPass(). */
  accumulatedCount = 0;

  /**
   * Sets `precision` to std(y) / 250, computed in float64 (population standard deviation, as
   * np.std gives). A later call keeps the first value unless `reinit` is true.
   */
  init(y: Matrix, reinit = false): void {
    const where = 'AccuracyRegression.init';
    if (!(y instanceof Matrix)) {
      throw typeError(where, `y must be a Matrix of targets, got ${describe(y)}`);
    }
    if (y.data.length === 0) throw rangeError(where, 'y is empty, expected at least 1 target');
    if (this.precision !== undefined && !reinit) return;

    const values = y.data;
    let sum = 0;
    for (let i = 0; i < values.length; i++) sum += values[i];
    const mean = sum / values.length;
    let squares = 0;
    for (let i = 0; i < values.length; i++) squares += (values[i] - mean) ** 2;
    const precision = Math.sqrt(squares / values.length) / PRECISION_DIVISOR;
    if (!Number.isFinite(precision)) {
      throw rangeError(where, `y contains a NaN or infinite value, so std(y) is ${precision}`);
    }
    this.precision = precision;
  }

  /** Returns 1 for every output within `precision` of its target and 0 for every other. */
  compare(predictions: Matrix, y: Matrix): Uint8Array {
    const precision = this.check('AccuracyRegression.compare', predictions, y);
    const result = new Uint8Array(predictions.data.length);
    for (let i = 0; i < result.length; i++) {
      result[i] = Math.abs(predictions.data[i] - y.data[i]) < precision ? 1 : 0;
    }
    return result;
  }

  /** Returns the accuracy of one batch and adds its counts to the pass's. */
  calculate(predictions: Matrix, y: Matrix): number {
    const precision = this.check('AccuracyRegression.calculate', predictions, y);
    const outputs = predictions.data;
    const targets = y.data;
    let correct = 0;
    for (let i = 0; i < outputs.length; i++) {
      if (Math.abs(outputs[i] - targets[i]) < precision) correct++;
    }
    this.accumulatedSum += correct;
    this.accumulatedCount += outputs.length;
    return correct / outputs.length;
  }

  /** Returns the accuracy over every batch since the last newPass(). */
  calculateAccumulated(): number {
    if (this.accumulatedCount === 0) {
      throw rangeError(
        'AccuracyRegression.calculateAccumulated',
        'no batch was counted since newPass(); call calculate() first',
      );
    }
    return this.accumulatedSum / this.accumulatedCount;
  }

  /** Starts a new pass's counts. */
  newPass(): void {
    this.accumulatedSum = 0;
    this.accumulatedCount = 0;
  }

  /** Checks both matrices and returns the precision; throws before init(). */
  private check(where: string, predictions: unknown, y: unknown): number {
    if (!(predictions instanceof Matrix)) {
      throw typeError(where, `predictions must be a Matrix, got ${describe(predictions)}`);
    }
    if (!(y instanceof Matrix)) {
      throw typeError(where, `y must be a Matrix of targets, got ${describe(y)}`);
    }
    if (y.rows !== predictions.rows || y.cols !== predictions.cols) {
      throw rangeError(
        where,
        `y has shape [${y.rows}, ${y.cols}], expected [${predictions.rows}, ` +
          `${predictions.cols}] like the predictions`,
      );
    }
    if (predictions.data.length === 0) {
      throw rangeError(where, 'predictions are empty, expected at least 1 sample');
    }
    if (this.precision === undefined) {
      throw new Error(`${where}: precision is not set; call init(y) with the training targets`);
    }
    return this.precision;
  }
}
