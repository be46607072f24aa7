// Binary cross-entropy, mean squared and mean absolute error, binary accuracy and regression
// accuracy: finite values at the clipping edges, row means, and target checks.
import { describe, expect, it } from 'vitest';
import { LossBinaryCrossentropy } from '../../lib/losses/binary-crossentropy.js';
import { LossMeanAbsoluteError } from '../../lib/losses/mean-absolute-error.js';
import { LossMeanSquaredError } from '../../lib/losses/mean-squared-error.js';
import { Matrix } from '../../lib/matrix.js';
import { AccuracyCategorical } from '../../lib/metrics/accuracy-categorical.js';
import { AccuracyRegression } from '../../lib/metrics/accuracy-regression.js';
import { describeBackends } from '../helpers/backends.js';

describeBackends('binary and regression losses', () => {
  it('binary cross-entropy is finite at 0 and 1', () => {
    const loss = new LossBinaryCrossentropy();
    const predictions = Matrix.from([[1, 0, 0.5]]);
    const targets = Matrix.from([[1, 0, 1]]);
    const value = loss.calculate(predictions, targets);
    expect(Number.isFinite(value)).toBe(true);
    // Only the 0.5 entry is far from its target: log(2) / 3 plus two clipped terms near 1e-7.
    expect(value).toBeCloseTo(Math.log(2) / 3, 5);
    loss.backward(predictions, targets);
    for (const gradient of (loss.dinputs as Matrix).data) {
      expect(Number.isFinite(gradient)).toBe(true);
    }
  });

  it('mean squared error averages each row', () => {
    const loss = new LossMeanSquaredError();
    const losses = loss.forward(Matrix.from([[1, 2], [3, 4]]), Matrix.from([[1.5, 2], [3, 2]]));
    expect(Array.from(losses)).toEqual([0.125, 2]);
    loss.backward(Matrix.from([[1, 2], [3, 4]]), Matrix.from([[1.5, 2], [3, 2]]));
    // -2 * (t - p) / K / N with K = N = 2; -2 * 0 is -0, as in NumPy.
    expect((loss.dinputs as Matrix).toArray()).toEqual([[-0.25, -0], [-0, 1]]);
  });

  it('mean absolute error averages each row', () => {
    const loss = new LossMeanAbsoluteError();
    const losses = loss.forward(Matrix.from([[1, 2], [3, 4]]), Matrix.from([[1.5, 2], [3, 2]]));
    expect(Array.from(losses)).toEqual([0.25, 1]);
    loss.backward(Matrix.from([[1, 2], [3, 4]]), Matrix.from([[1.5, 2], [3, 2]]));
    // sign(p - t) / K / N, 0 where the prediction is exact.
    expect((loss.dinputs as Matrix).toArray()).toEqual([[-0.25, 0], [0, 0.25]]);
  });

  it('binary accuracy compares a flat target per row', () => {
    const accuracy = new AccuracyCategorical({ binary: true });
    const value = accuracy.calculate(Matrix.from([[1], [0], [1]]), [1, 0, 0]);
    expect(Math.fround(value)).toBe(Math.fround(0.6666667));
  });

  it('regression accuracy uses std(y) / 250', () => {
    const accuracy = new AccuracyRegression();
    const y = Matrix.from([[0], [1], [2], [3]]);
    accuracy.init(y);
    // Population std of 0..3 is sqrt(1.25).
    expect(accuracy.precision).toBeCloseTo(Math.sqrt(1.25) / 250, 15);
    const near = (accuracy.precision as number) / 2;
    const predictions = Matrix.from([[near], [1.5], [2], [3 + 1]]);
    expect(accuracy.calculate(predictions, y)).toBe(0.5);
    accuracy.init(Matrix.from([[0], [10]]));
    expect(accuracy.precision).toBeCloseTo(Math.sqrt(1.25) / 250, 15);
    accuracy.init(Matrix.from([[0], [10]]), true);
    expect(accuracy.precision).toBe(5 / 250);
  });
});

describe('binary and regression losses bad input', () => {
  const cases = [
    ['LossBinaryCrossentropy', () => new LossBinaryCrossentropy()],
    ['LossMeanSquaredError', () => new LossMeanSquaredError()],
    ['LossMeanAbsoluteError', () => new LossMeanAbsoluteError()],
  ] as const;

  it.each(cases)('%s rejects flat targets', (name, make) => {
    const predictions = Matrix.from([[0.5], [0.5]]);
    expect(() => make().forward(predictions, new Uint8Array([1, 0]))).toThrow(TypeError);
    expect(() => make().forward(predictions, [1, 0])).toThrow(
      new RegExp(`${name}.forward: yTrue must be a Matrix of shape \\[2, 1\\]`),
    );
  });

  it.each(cases)('%s rejects targets of another shape', (name, make) => {
    const predictions = Matrix.from([[0.5], [0.5]]);
    expect(() => make().forward(predictions, Matrix.from([[1, 0]]))).toThrow(RangeError);
    expect(() => make().backward(predictions, Matrix.from([[1], [0], [1]]))).toThrow(
      new RegExp(`${name}.backward: yTrue has shape \\[3, 1\\], expected \\[2, 1\\]`),
    );
  });

  it('regression accuracy needs init()', () => {
    const accuracy = new AccuracyRegression();
    expect(() => accuracy.calculate(Matrix.from([[1]]), Matrix.from([[1]]))).toThrow(/init\(y\)/);
  });

  it('regression accuracy rejects a target of another shape', () => {
    const accuracy = new AccuracyRegression();
    accuracy.init(Matrix.from([[0], [1]]));
    expect(() => accuracy.calculate(Matrix.from([[1], [2]]), Matrix.from([[1, 2]])))
      .toThrow(RangeError);
  });
});
