import { expect, it } from 'vitest';
import { Matrix } from '../../lib/matrix.js';
import { accuracy } from '../../lib/metrics/accuracy.js';
import { describeBackends } from '../helpers/backends.js';

const OUTPUTS = Matrix.from([
  [0.7, 0.2, 0.1],
  [0.5, 0.1, 0.4],
  [0.02, 0.9, 0.08],
]);

describeBackends('accuracy', () => {
  it('counts argmax hits for indices and one-hot', () => {
    const oneHot = Matrix.from([
      [1, 0, 0],
      [0, 1, 0],
      [0, 1, 0],
    ]);
    for (const targets of [[0, 1, 1], new Uint8Array([0, 1, 1]), oneHot]) {
      const value = accuracy(OUTPUTS, targets);
      expect(value).toBe(2 / 3);
      expect(Math.fround(value)).toBe(Math.fround(0.6666667));
    }
  });

  it('rejects a wrong label count', () => {
    const call = () => accuracy(OUTPUTS, [0, 1]);
    expect(call).toThrow(RangeError);
    expect(call).toThrow('accuracy: yTrue has 2 labels, expected 3');
  });

  it('rejects a non-matrix output', () => {
    const call = () => accuracy([[1]] as unknown as Matrix, [0]);
    expect(call).toThrow(TypeError);
    expect(call).toThrow('accuracy: output must be a Matrix, got an array of length 1');
  });
});
