import { describe, expect, it } from 'vitest';
import { checkBatch, Matrix, reuseMatrix } from '../lib/matrix.js';

describe('Matrix', () => {
  it('builds from nested arrays in float32', () => {
    const m = Matrix.from([[0.1, 2], [3, 4]]);
    expect(m.shape).toEqual([2, 2]);
    expect(m.get(0, 0)).toBe(Math.fround(0.1));
    expect(m.toArray()).toEqual([[Math.fround(0.1), 2], [3, 4]]);
    expect(Array.from(m.row(1))).toEqual([3, 4]);
  });

  it('wraps a Float32Array without copying', () => {
    const data = new Float32Array([1, 2, 3, 4, 5, 6]);
    const m = Matrix.from(data, [2, 3]);
    data[5] = 9;
    expect(m.get(1, 2)).toBe(9);
  });

  it('rejects a shape that does not fit', () => {
    const call = () => Matrix.from(new Float32Array(5), [2, 3]);
    expect(call).toThrow(RangeError);
    expect(call).toThrow('Matrix.from: shape [2, 3] needs 6 values, source has 5');
  });

  it('reuses a buffer of the same shape', () => {
    const m = Matrix.zeros(2, 3);
    expect(reuseMatrix(m, 2, 3)).toBe(m);
    expect(reuseMatrix(m, 3, 2).shape).toEqual([3, 2]);
    expect(reuseMatrix(undefined, 1, 1).shape).toEqual([1, 1]);
  });
});

describe('checkBatch', () => {
  it('returns a valid batch', () => {
    const m = Matrix.zeros(2, 3);
    expect(checkBatch('f', 'x', m, 3)).toBe(m);
  });

  it.each([
    [[[1]], TypeError, 'f: x must be a Matrix, got an array of length 1'],
    [Matrix.zeros(0, 3), RangeError, 'f: x has 0 rows, expected at least 1'],
    [Matrix.zeros(2, 0), RangeError, 'f: x has 0 columns, expected at least 1'],
  ])('rejects %s', (value, errorClass, message) => {
    expect(() => checkBatch('f', 'x', value)).toThrow(errorClass);
    expect(() => checkBatch('f', 'x', value)).toThrow(message);
  });

  it('rejects a wrong column count', () => {
    const call = () => checkBatch('f', 'x', Matrix.zeros(2, 3), 2);
    expect(call).toThrow(RangeError);
    expect(call).toThrow('f: x has 3 columns, expected 2');
  });
});
