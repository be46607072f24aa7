import { expect, it } from 'vitest';
import { ActivationSoftmax } from '../../lib/activations/softmax.js';
import { LossCategoricalCrossentropy } from '../../lib/losses/categorical-crossentropy.js';
import { ActivationSoftmaxLossCategoricalCrossentropy } from
  '../../lib/losses/softmax-categorical-crossentropy.js';
import { Matrix } from '../../lib/matrix.js';
import { describeBackends } from '../helpers/backends.js';

const SOFTMAX_OUTPUTS = [
  [0.7, 0.1, 0.2],
  [0.1, 0.5, 0.4],
  [0.02, 0.9, 0.08],
];
const TARGETS = [0, 1, 1];
// The book's combined and separate gradients for these outputs, printed in float32.
const EXPECTED_GRADIENT = [
  [-0.1, 0.033333335, 0.06666667],
  [0.033333335, -0.16666667, 0.13333334],
  [0.006666667, -0.033333335, 0.026666667],
];

function maxDifference(a: Matrix, b: number[][]): number {
  let max = 0;
  b.flat().forEach((value, index) => {
    max = Math.max(max, Math.abs(a.data[index] - value));
  });
  return max;
}

function forward(rows: number[][]): Matrix {
  const softmax = new ActivationSoftmax();
  softmax.forward(Matrix.from(rows));
  return softmax.output as Matrix;
}

describeBackends('ActivationSoftmax', () => {
  it('backward equals the combined shortcut', () => {
    const outputs = Matrix.from(SOFTMAX_OUTPUTS);

    const combined = new ActivationSoftmaxLossCategoricalCrossentropy();
    combined.backward(outputs, TARGETS);

    const loss = new LossCategoricalCrossentropy();
    loss.backward(outputs, TARGETS);
    const softmax = new ActivationSoftmax();
    // The separate path needs the softmax output of a forward pass; set it as the book's
    // example does by assigning the known outputs.
    softmax.output = outputs;
    softmax.backward(loss.dinputs as Matrix);

    expect(maxDifference(combined.dinputs as Matrix, EXPECTED_GRADIENT)).toBeLessThanOrEqual(1e-7);
    expect(maxDifference(softmax.dinputs as Matrix, EXPECTED_GRADIENT)).toBeLessThanOrEqual(1e-7);
  });

  it('backward of [1, 2, 3] sums to zero', () => {
    const softmax = new ActivationSoftmax();
    softmax.forward(Matrix.from([[1, 2, 3]]));
    softmax.backward(Matrix.from([[1, 0, 0]]));
    const dinputs = softmax.dinputs as Matrix;

    const expected = [0.08192507, -0.022033045, -0.059892025];
    expected.forEach((value, index) => {
      expect(Math.abs(dinputs.data[index] - value)).toBeLessThanOrEqual(1e-7);
    });
    expect(Math.abs(dinputs.data.reduce((sum, value) => sum + value, 0))).toBeLessThanOrEqual(
      1e-7,
    );
  });

  it('handles extreme finite rows', () => {
    const cases: [number[], number[]][] = [
      [[1000, 0, -1000], [1, 0, 0]],
      [[-1000, -1000, -1000], [1 / 3, 1 / 3, 1 / 3]],
      [[1e30, 1e30], [0.5, 0.5]],
      [[3.4e38, -3.4e38], [1, 0]],
    ];
    for (const [row, expected] of cases) {
      const output = forward([row]);
      expected.forEach((value, index) => {
        expect(output.data[index], `row ${row}`).toBe(Math.fround(value));
      });
    }

    const output = forward([[90, 2, -2]]);
    expect(output.data[0]).toBe(1);
    expect(output.data[1]).toBeLessThan(1e-37);
    expect(output.data[2]).toBeLessThan(1e-38);
    expect(output.data.some(Number.isNaN)).toBe(false);
  });

  it('gives NaN rows for NaN input', () => {
    const output = forward([[1, NaN, 2], [1, 2, 3]]);
    expect(Array.from(output.data.subarray(0, 3)).every(Number.isNaN)).toBe(true);
    expect(output.data.subarray(3).some(Number.isNaN)).toBe(false);
  });

  it('shares 1 among +Infinity entries', () => {
    const output = forward([[Infinity, 0, Infinity, -Infinity]]);
    expect(Array.from(output.data)).toEqual([0.5, 0, 0.5, 0]);
  });

  it('predicts the first maximum', () => {
    const softmax = new ActivationSoftmax();
    const classes = softmax.predictions(Matrix.from([[0.2, 0.5, 0.3], [0.4, 0.2, 0.4]]));
    expect(Array.from(classes)).toEqual([1, 0]);
  });

  it('reuses its output buffer', () => {
    const softmax = new ActivationSoftmax();
    softmax.forward(Matrix.from([[1, 2]]));
    const first = softmax.output;
    softmax.forward(Matrix.from([[3, 1]]));
    expect(softmax.output).toBe(first);
    softmax.forward(Matrix.from([[3, 1], [1, 1]]));
    expect(softmax.output).not.toBe(first);
  });

  it('rejects bad arguments and keeps its state', () => {
    const softmax = new ActivationSoftmax();
    expect(() => softmax.backward(Matrix.from([[1, 0]]))).toThrow(
      'ActivationSoftmax.backward: no forward pass has run yet, call forward(inputs) first',
    );
    softmax.forward(Matrix.from([[1, 2]]));
    const output = softmax.output;
    const before = Array.from((output as Matrix).data);

    expect(() => softmax.forward([[1, 2]] as unknown as Matrix)).toThrow(TypeError);
    expect(() => softmax.forward([[1, 2]] as unknown as Matrix)).toThrow(
      'ActivationSoftmax.forward: inputs must be a Matrix, got an array of length 1',
    );
    expect(() => softmax.forward(Matrix.zeros(0, 2))).toThrow(RangeError);
    expect(() => softmax.forward(Matrix.zeros(0, 2))).toThrow(
      'ActivationSoftmax.forward: inputs has 0 rows, expected at least 1',
    );
    expect(() => softmax.backward(Matrix.from([[1, 0, 0]]))).toThrow(
      'ActivationSoftmax.backward: dvalues has 3 columns, expected 2',
    );
    expect(() => softmax.backward(Matrix.from([[1, 0], [0, 1]]))).toThrow(
      'ActivationSoftmax.backward: dvalues has 2 rows, expected 1',
    );
    expect(softmax.output).toBe(output);
    expect(Array.from((softmax.output as Matrix).data)).toEqual(before);
    expect(softmax.dinputs).toBeUndefined();
  });
});
