// Accuracy of a classifier: the fraction of samples whose predicted class equals the target.
// It accumulates over the batches of an epoch, as the book's Accuracy class does, so an epoch's
// accuracy weighs every sample the same whatever the batch sizes.
//
// Shapes: predictions are an N x C matrix of scores, whose class is the row's argmax, or N class
// indices. Targets are N class indices or an N x C one-hot matrix. In binary mode predictions
// are N x K outputs (1 where > 0.5, else 0) and targets an N x K matrix of 0 and 1; a flat
// vector of N targets counts as N x 1 and never broadcasts against the predictions.
import { kernels } from '../backend/select.js';
import { describe, rangeError, typeError } from '../errors.js';
import { Matrix } from '../matrix.js';

/** Class indices (an integer typed array or number[]) or a one-hot or 0/1 target matrix. */
export type Targets = Matrix | ArrayLike<number>;

export interface AccuracyCategoricalOptions {
  /** Compares 0/1 outputs of sigmoid units with 0/1 targets, element by element. */
  binary?: boolean;
}

export class AccuracyCategorical {
  readonly binary: boolean;
  /** Correct predictions counted since the last newPass(). */
  accumulatedSum = 0;
  /** Predictions counted since the last newPass(). */
  accumulatedCount = 0;

  // Reused by calculate() so that a training step allocates nothing once the batch size
  // stops growing.
  private predictedClasses: Int32Array = new Int32Array(0);
  private targetClasses: Int32Array = new Int32Array(0);

  constructor(options: AccuracyCategoricalOptions = {}) {
    if (options === null || typeof options !== 'object') {
      throw typeError('AccuracyCategorical', `options must be an object, got ${describe(options)}`);
    }
    const { binary = false } = options;
    if (typeof binary !== 'boolean') {
      throw typeError('AccuracyCategorical', `binary must be a boolean, got ${describe(binary)}`);
    }
    this.binary = binary;
  }

  /** Does nothing: categorical accuracy needs no statistics of the targets. */
  init(_y: Targets): void {}

  /** Returns 1 for every correct prediction and 0 for every wrong one. */
  compare(predictions: Matrix | ArrayLike<number>, y: Targets): Uint8Array {
    const where = 'AccuracyCategorical.compare';
    if (this.binary) {
      const { outputs, targets } = checkBinary(where, predictions, y);
      const result = new Uint8Array(outputs.length);
      for (let i = 0; i < outputs.length; i++) {
        result[i] = Number(outputs[i] > 0.5) === targets[i] ? 1 : 0;
      }
      return result;
    }
    const [predicted, target, n] = this.classes(where, predictions, y);
    const result = new Uint8Array(n);
    for (let i = 0; i < n; i++) result[i] = predicted[i] === target[i] ? 1 : 0;
    return result;
  }

  /** Returns the accuracy of one batch and adds its counts to the epoch's. */
  calculate(predictions: Matrix | ArrayLike<number>, y: Targets): number {
    const where = 'AccuracyCategorical.calculate';
    let correct = 0;
    let count: number;
    if (this.binary) {
      const { outputs, targets } = checkBinary(where, predictions, y);
      for (let i = 0; i < outputs.length; i++) {
        if (Number(outputs[i] > 0.5) === targets[i]) correct++;
      }
      count = outputs.length;
    } else {
      const [predicted, target, n] = this.classes(where, predictions, y);
      for (let i = 0; i < n; i++) if (predicted[i] === target[i]) correct++;
      count = n;
    }
    if (count === 0) throw rangeError(where, 'predictions are empty, expected at least 1 sample');

    this.accumulatedSum += correct;
    this.accumulatedCount += count;
    // NumPy's mean of a boolean array: the count divided in float64.
    return correct / count;
  }

  /** Returns the accuracy over every batch since the last newPass(). */
  calculateAccumulated(): number {
    if (this.accumulatedCount === 0) {
      throw rangeError(
        'AccuracyCategorical.calculateAccumulated',
        'no batch was counted since newPass(); call calculate() first',
      );
    }
    return this.accumulatedSum / this.accumulatedCount;
  }

  /** Starts a new epoch's counts. */
  newPass(): void {
    this.accumulatedSum = 0;
    this.accumulatedCount = 0;
  }

  /** Returns the predicted and target class of each of the N samples, plus N. */
  private classes(
    where: string,
    predictions: Matrix | ArrayLike<number>,
    y: Targets,
  ): [ArrayLike<number>, ArrayLike<number>, number] {
    let predicted: ArrayLike<number>;
    let n: number;
    let classCount = Infinity;
    if (predictions instanceof Matrix) {
      n = predictions.rows;
      classCount = predictions.cols;
      this.predictedClasses = fitClasses(this.predictedClasses, n);
      predicted = this.predictedClasses;
      if (n > 0) kernels().argmax(predictions.data, this.predictedClasses, n, classCount);
    } else {
      checkIndices(where, 'predictions', predictions, Infinity);
      predicted = predictions;
      n = predictions.length;
    }

    let target: ArrayLike<number>;
    if (y instanceof Matrix) {
      if (y.rows !== n) {
        throw rangeError(where, `y has ${y.rows} rows, expected ${n} like the predictions`);
      }
      if (classCount !== Infinity && y.cols !== classCount) {
        throw rangeError(where, `y has ${y.cols} columns, expected ${classCount} classes`);
      }
      this.targetClasses = fitClasses(this.targetClasses, n);
      target = this.targetClasses;
      if (n > 0) kernels().argmax(y.data, this.targetClasses, n, y.cols);
    } else {
      checkIndices(where, 'y', y, classCount);
      if (y.length !== n) {
        throw rangeError(where, `y has ${y.length} labels, expected ${n} like the predictions`);
      }
      target = y;
    }
    return [predicted, target, n];
  }
}

/**
 * Returns an Int32Array of exactly n entries, because argmax requires that length. A shorter
 * batch gets a view of the existing buffer, so alternating full and short last batches
 * allocates no new memory.
 */
function fitClasses(current: Int32Array, n: number): Int32Array {
  if (current.length === n) return current;
  if (current.buffer.byteLength >= n * Int32Array.BYTES_PER_ELEMENT) {
    return new Int32Array(current.buffer, 0, n);
  }
  return new Int32Array(n);
}

/** Throws unless `labels` is an array of integer class indices in [0, classCount). */
function checkIndices(where: string, name: string, labels: unknown, classCount: number): void {
  const isArray = Array.isArray(labels);
  const isIntegerTypedArray =
    ArrayBuffer.isView(labels) &&
    !(labels instanceof DataView) &&
    !(labels instanceof Float32Array) &&
    !(labels instanceof Float64Array) &&
    !(labels instanceof BigInt64Array) &&
    !(labels instanceof BigUint64Array);
  if (!isArray && !isIntegerTypedArray) {
    throw typeError(
      where,
      `${name} must be a Matrix, an integer typed array or a number[], got ${describe(labels)}`,
    );
  }
  const values = labels as ArrayLike<number>;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (!Number.isInteger(value) || value < 0 || value >= classCount) {
      const expected = classCount === Infinity ? 'an integer >= 0' : `in [0, ${classCount - 1}]`;
      throw rangeError(where, `${name}[${i}] is ${value}, expected a class index ${expected}`);
    }
  }
}

/** Checks binary predictions against 0/1 targets of the same shape and returns both flat. */
function checkBinary(
  where: string,
  predictions: Matrix | ArrayLike<number>,
  y: Targets,
): { outputs: ArrayLike<number>; targets: ArrayLike<number> } {
  if (!(predictions instanceof Matrix)) {
    throw typeError(where, `binary predictions must be a Matrix, got ${describe(predictions)}`);
  }
  let targets: ArrayLike<number>;
  if (y instanceof Matrix) {
    if (y.rows !== predictions.rows || y.cols !== predictions.cols) {
      throw rangeError(
        where,
        `y has shape [${y.shape.join(', ')}], expected [${predictions.shape.join(', ')}] ` +
          'like the predictions',
      );
    }
    targets = y.data;
  } else {
    checkIndices(where, 'y', y, 2);
    // A flat vector is one target per sample: comparing it against N x 1 outputs element by
    // element avoids NumPy's N x N broadcast.
    if (predictions.cols !== 1 || y.length !== predictions.rows) {
      throw rangeError(
        where,
        `y has ${y.length} labels, expected an N x K Matrix like the predictions ` +
          `[${predictions.shape.join(', ')}], or ${predictions.rows} labels for 1 output column`,
      );
    }
    targets = y;
  }
  for (let i = 0; i < targets.length; i++) {
    if (targets[i] !== 0 && targets[i] !== 1) {
      throw rangeError(where, `y[${i}] is ${targets[i]}, expected 0 or 1 in binary mode`);
    }
  }
  return { outputs: predictions.data, targets };
}
