import { expect, it } from 'vitest';
import { LossCategoricalCrossentropy } from '../../lib/losses/categorical-crossentropy.js';
import { ActivationSoftmaxLossCategoricalCrossentropy } from
  '../../lib/losses/softmax-categorical-crossentropy.js';
import { Matrix } from '../../lib/matrix.js';
import { describeBackends } from '../helpers/backends.js';

const PREDICTIONS = [
  [1, 0, 0],
  [0, 1, 0],
];
const ONE_HOT = Matrix.from([
  [0, 1, 0],
  [0, 1, 0],
]);

describeBackends('LossCategoricalCrossentropy', () => {
  it('clips predictions in the forward pass', () => {
    // -log(1e-7) and -log(1 - 1e-7) in float32.
    for (const targets of [[1, 1], new Uint8Array([1, 1]), ONE_HOT]) {
      const loss = new LossCategoricalCrossentropy();
      const losses = loss.forward(Matrix.from(PREDICTIONS), targets);
      expect(losses[0]).toBe(Math.fround(16.118095));
      expect(losses[1]).toBe(Math.fround(1.192093e-7));
      expect(loss.calculate(Matrix.from(PREDICTIONS), targets)).toBe(Math.fround(8.059048));
    }
  });

  it('clips predictions in the backward pass', () => {
    // -0 / x is -0 for the non-target classes, as in NumPy; adding 0 compares them as 0.
    const values = (matrix: Matrix) => Array.from(matrix.data, (value) => value + 0);
    const loss = new LossCategoricalCrossentropy();
    loss.backward(Matrix.from([[0.5, 0.5, 0]]), [0]);
    expect(values(loss.dinputs as Matrix)).toEqual([-2, 0, 0]);

    loss.backward(Matrix.from([[0, 0.5, 0.5]]), [0]);
    expect(values(loss.dinputs as Matrix)).toEqual([Math.fround(-1e7), 0, 0]);
  });

  it('rejects bad labels and keeps its state', () => {
    const loss = new LossCategoricalCrossentropy();
    const predictions = Matrix.from(PREDICTIONS);
    loss.backward(predictions, [1, 1]);
    const dinputs = loss.dinputs;
    const before = Array.from((dinputs as Matrix).data);

    const cases: [unknown, ErrorConstructor | RangeErrorConstructor, string][] = [
      [[1], RangeError, 'yTrue has 1 labels, expected 2'],
      [[1, 3], RangeError, 'yTrue[1] is 3, expected an integer class index in [0, 2]'],
      [[1, -1], RangeError, 'yTrue[1] is -1, expected an integer class index in [0, 2]'],
      [[1, 0.5], RangeError, 'yTrue[1] is 0.5, expected an integer class index in [0, 2]'],
      [[1, '1'], TypeError, 'yTrue[1] must be a class index, got string "1"'],
      [new Float32Array(2), TypeError, 'yTrue must be class indices (an integer typed array or ' +
        'number[]) or a one-hot Matrix, got Float32Array of length 2'],
      [Matrix.zeros(3, 3), RangeError, 'yTrue has 3 rows, expected 2'],
      [Matrix.zeros(2, 4), RangeError, 'yTrue has 4 columns, expected 3'],
    ];
    for (const [labels, errorClass, message] of cases) {
      const call = () => loss.backward(predictions, labels as number[]);
      expect(call).toThrow(errorClass);
      expect(call).toThrow(`LossCategoricalCrossentropy.backward: ${message}`);
    }
    expect(() => loss.forward(predictions, [0])).toThrow(
      'LossCategoricalCrossentropy.forward: yTrue has 1 labels, expected 2',
    );
    expect(loss.dinputs).toBe(dinputs);
    expect(Array.from((loss.dinputs as Matrix).data)).toEqual(before);
  });

  it('reuses its buffers', () => {
    const loss = new LossCategoricalCrossentropy();
    const first = loss.forward(Matrix.from(PREDICTIONS), [0, 1]);
    expect(loss.forward(Matrix.from(PREDICTIONS), new Int8Array([1, 1]))).toBe(first);
  });
});

describeBackends('ActivationSoftmaxLossCategoricalCrossentropy', () => {
  it('returns the mean loss of the softmax', () => {
    const head = new ActivationSoftmaxLossCategoricalCrossentropy();
    const loss = head.forward(Matrix.from([[0, 0, 0], [0, 0, 0]]), [0, 2]);
    // Softmax of equal scores is a third each, so the loss is -log(fround(1/3)).
    expect(loss).toBe(Math.fround(-Math.log(Math.fround(1 / 3))));
    expect(Array.from((head.output as Matrix).data)).toEqual(new Array(6).fill(Math.fround(1 / 3)));
  });

  it('backward is (dvalues - onehot) / N', () => {
    const head = new ActivationSoftmaxLossCategoricalCrossentropy();
    const outputs = Matrix.from([[0.7, 0.1, 0.2], [0.1, 0.5, 0.4]]);
    head.backward(outputs, ONE_HOT);
    const fromOneHot = Array.from((head.dinputs as Matrix).data);
    head.backward(outputs, [1, 1]);
    const fromIndices = Array.from((head.dinputs as Matrix).data);

    const expected = [0.7, -0.9, 0.2, 0.1, -0.5, 0.4].map((value) =>
      Math.fround(Math.fround(value) / 2),
    );
    fromOneHot.forEach((value, index) => {
      expect(Math.abs(value - expected[index])).toBeLessThanOrEqual(1e-7);
    });
    expect(fromIndices).toEqual(fromOneHot);
  });

  it('rejects bad labels before softmax runs', () => {
    const head = new ActivationSoftmaxLossCategoricalCrossentropy();
    const call = () => head.forward(Matrix.from([[1, 2]]), [2]);
    expect(call).toThrow(RangeError);
    expect(call).toThrow(
      'ActivationSoftmaxLossCategoricalCrossentropy.forward: yTrue[0] is 2, expected an ' +
        'integer class index in [0, 1]',
    );
    expect(head.output).toBeUndefined();
    expect(head.activation.output).toBeUndefined();
  });
});
