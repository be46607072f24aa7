// Splits inputs and targets into the batches of a training or evaluation pass. Every batch is
// a view (`subarray`) into the caller's buffers, built once per pass, so steps copy nothing and
// allocate nothing.
//
// Shapes: X is N x I; targets are N class indices or an N x K matrix (one-hot, binary or
// regression). A batch of size B covers rows [s * B, min((s + 1) * B, N)).
import { describe, rangeError, typeError } from '../errors.js';
import type { Labels } from '../labels.js';
import { Matrix } from '../matrix.js';

/** Targets of one batch: Int32Array class indices or a row range of a target matrix. */
export type BatchTargets = Int32Array | Matrix;

export interface Batch {
  inputs: Matrix;
  targets: BatchTargets;
}

/**
 * Checks X and y against each other and the model, then returns the batches of one pass.
 * `inputWidth` is the column count the first dense layer expects and `outputWidth` the width
 * of the model's output (both undefined when the model has no dense layer).
 */
export function makeBatches(
  where: string,
  names: readonly [string, string],
  X: unknown,
  y: unknown,
  batchSize: number | undefined,
  inputWidth: number | undefined,
  outputWidth: number | undefined,
): Batch[] {
  const [xName, yName] = names;
  const inputs = checkInputs(where, xName, X, inputWidth);
  const targets = checkTargets(where, yName, y, inputs.rows, outputWidth);

  const size = batchSize ?? inputs.rows;
  const batches: Batch[] = [];
  for (let start = 0; start < inputs.rows; start += size) {
    const end = Math.min(start + size, inputs.rows);
    batches.push({
      inputs: rowRange(inputs, start, end),
      targets:
        targets instanceof Matrix ? rowRange(targets, start, end) : targets.subarray(start, end),
    });
  }
  return batches;
}

/** Checks the input matrix of predict(), which has no targets, and returns it. */
export function checkInputs(
  where: string,
  name: string,
  X: unknown,
  inputWidth: number | undefined,
): Matrix {
  if (!(X instanceof Matrix)) {
    throw typeError(where, `${name} must be a Matrix, got ${describe(X)}`);
  }
  if (X.rows === 0) throw rangeError(where, `${name} has 0 rows, expected at least 1 sample`);
  if (inputWidth !== undefined && X.cols !== inputWidth) {
    throw rangeError(where, `${name} has ${X.cols} columns, expected ${inputWidth}`);
  }
  checkFinite(where, name, X);
  return X;
}

/** Returns the rows [start, end) of `matrix` as a matrix that shares its memory. */
export function rowRange(matrix: Matrix, start: number, end: number): Matrix {
  if (start === 0 && end === matrix.rows) return matrix;
  const data = matrix.data.subarray(start * matrix.cols, end * matrix.cols);
  return new Matrix(end - start, matrix.cols, data);
}

function checkTargets(
  where: string,
  name: string,
  y: unknown,
  samples: number,
  outputWidth: number | undefined,
): Int32Array | Matrix {
  if (y instanceof Matrix) {
    if (y.rows !== samples) {
      throw rangeError(where, `${name} has ${y.rows} rows, expected ${samples} like X`);
    }
    checkFinite(where, name, y);
    return y;
  }
  const isIndexArray =
    Array.isArray(y) ||
    y instanceof Int8Array ||
    y instanceof Uint8Array ||
    y instanceof Uint8ClampedArray ||
    y instanceof Int16Array ||
    y instanceof Uint16Array ||
    y instanceof Int32Array ||
    y instanceof Uint32Array;
  if (!isIndexArray) {
    throw typeError(
      where,
      `${name} must be class indices (an integer typed array or number[]) or a Matrix, ` +
        `got ${describe(y)}`,
    );
  }
  const labels = y as ArrayLike<number>;
  if (labels.length !== samples) {
    throw rangeError(where, `${name} has ${labels.length} labels, expected ${samples} like X`);
  }
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    const tooLarge = outputWidth !== undefined && label >= outputWidth;
    if (typeof label !== 'number' || !Number.isInteger(label) || label < 0 || tooLarge) {
      const range = outputWidth === undefined ? '>= 0' : `in [0, ${outputWidth - 1}]`;
      throw rangeError(
        where,
        `${name}[${i}] is ${describe(label)}, expected a class index ${range} ` +
          `(the model has ${outputWidth ?? 'an unknown number of'} outputs)`,
      );
    }
  }
  // One Int32Array per pass: the loss kernels take it without a per-step copy.
  return labels instanceof Int32Array ? labels : Int32Array.from(labels);
}

function checkFinite(where: string, name: string, matrix: Matrix): void {
  const data = matrix.data;
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) {
      const row = Math.floor(i / matrix.cols);
      const col = i % matrix.cols;
      throw rangeError(where, `${name}[${row}][${col}] is ${data[i]}, expected a finite number`);
    }
  }
}
