// Turns the targets a user passes (class indices in any integer typed array or number[], or a
// one-hot Matrix) into what the loss kernels take: an Int32Array of N indices, or the N x C
// one-hot Float32Array. A 1-D target means indices and a 2-D target one-hot, as in the book.
import { checkAttached, describe, rangeError, typeError } from './errors.js';
import { Matrix } from './matrix.js';

/** Class indices or a one-hot matrix, as every API that takes labels accepts them. */
export type Labels =
  | Matrix
  | readonly number[]
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array;

type IndexArray = Exclude<Labels, Matrix>;

function isIndexArray(value: unknown): value is IndexArray {
  return (
    Array.isArray(value) ||
    value instanceof Int8Array ||
    value instanceof Uint8Array ||
    value instanceof Uint8ClampedArray ||
    value instanceof Int16Array ||
    value instanceof Uint16Array ||
    value instanceof Int32Array ||
    value instanceof Uint32Array
  );
}

/**
 * Validated labels of one batch. Each layer or loss owns one, so indices that arrive in another
 * array type are copied into the same Int32Array on every call and steady-state calls allocate
 * nothing. After `resolve`, exactly one of `indices` and `oneHot` is non-null.
 */
export class LabelBuffer {
  indices: Int32Array | null = null;
  oneHot: Float32Array | null = null;
  private scratch = new Int32Array(0);

  /**
   * Checks `yTrue` against a batch of `samples` rows and `classes` columns and stores it in
   * kernel form. Throws TypeError for a wrong type and RangeError for a wrong length, shape or
   * class index, naming `where` and `name`, before anything is stored.
   */
  resolve(where: string, name: string, yTrue: unknown, samples: number, classes: number): void {
    if (yTrue instanceof Matrix) {
      checkOneHot(where, name, yTrue, samples, classes);
      this.indices = null;
      this.oneHot = yTrue.data;
      return;
    }
    if (!isIndexArray(yTrue)) {
      throw typeError(
        where,
        `${name} must be class indices (an integer typed array or number[]) or a one-hot ` +
          `Matrix, got ${describe(yTrue)}`,
      );
    }
    if (!Array.isArray(yTrue)) checkAttached(where, name, yTrue as ArrayBufferView);
    if (yTrue.length !== samples) {
      throw rangeError(where, `${name} has ${yTrue.length} labels, expected ${samples}`);
    }
    checkIndices(where, name, yTrue, classes);

    if (yTrue instanceof Int32Array) {
      this.indices = yTrue;
    } else {
      if (this.scratch.length !== samples) this.scratch = new Int32Array(samples);
      for (let i = 0; i < samples; i++) this.scratch[i] = yTrue[i];
      this.indices = this.scratch;
    }
    this.oneHot = null;
  }
}

function checkOneHot(
  where: string,
  name: string,
  yTrue: Matrix,
  samples: number,
  classes: number,
): void {
  checkAttached(where, name, yTrue.data);
  if (yTrue.rows !== samples) {
    throw rangeError(where, `${name} has ${yTrue.rows} rows, expected ${samples}`);
  }
  if (yTrue.cols !== classes) {
    throw rangeError(where, `${name} has ${yTrue.cols} columns, expected ${classes}`);
  }
}

function checkIndices(where: string, name: string, yTrue: IndexArray, classes: number): void {
  // Every loss checks its labels on every call, so an integer typed array, whose entries are
  // always integers, only gets the range test.
  if (!Array.isArray(yTrue)) {
    const indices = yTrue as Exclude<IndexArray, readonly number[]>;
    for (let i = 0; i < indices.length; i++) {
      const label = indices[i];
      if (label < 0 || label >= classes) throw outOfRange(where, name, i, label, classes);
    }
    return;
  }
  for (let i = 0; i < yTrue.length; i++) {
    const label: unknown = yTrue[i];
    if (typeof label !== 'number') {
      throw typeError(where, `${name}[${i}] must be a class index, got ${describe(label)}`);
    }
    if (!Number.isInteger(label) || label < 0 || label >= classes) {
      throw outOfRange(where, name, i, label, classes);
    }
  }
}

function outOfRange(
  where: string,
  name: string,
  index: number,
  label: number,
  classes: number,
): RangeError {
  return rangeError(
    where,
    `${name}[${index}] is ${label}, expected an integer class index in [0, ${classes - 1}]`,
  );
}
