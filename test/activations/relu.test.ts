import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { ActivationReLU } from '../../lib/activations/relu.js';
import { Matrix } from '../../lib/matrix.js';
import { describeBackends } from '../helpers/backends.js';

const ch9 = JSON.parse(readFileSync(new URL('../fixtures/ch9.json', import.meta.url), 'utf8'));
const example = ch9.worked_examples.relu;

describeBackends('ActivationReLU', () => {
  it('computes the worked derivative', () => {
    // Small integers are exact in float32, so the fixture's int64 values compare exactly.
    const relu = new ActivationReLU();
    relu.forward(Matrix.from(example.z.data));
    relu.backward(Matrix.from(example.dvalues.data));

    const expectedOutput = example.z.data.flat().map((value: number) => Math.max(0, value));
    expect(Array.from((relu.output as Matrix).data)).toEqual(expectedOutput);
    expect(Array.from((relu.dinputs as Matrix).data)).toEqual(example.drelu.data.flat());
  });

  it('passes no gradient at zero', () => {
    const relu = new ActivationReLU();
    relu.forward(Matrix.from([[0, -0, 1e-45]]));
    relu.backward(Matrix.from([[5, 6, 7]]));
    expect(Array.from((relu.dinputs as Matrix).data)).toEqual([0, 0, 7]);
  });

  it('keeps NaN forward and backward', () => {
    // np.maximum(0, NaN) is NaN, and the book's mask `inputs <= 0` is false for NaN.
    const relu = new ActivationReLU();
    relu.forward(Matrix.from([[Number.NaN, -1]]));
    relu.backward(Matrix.from([[5, 6]]));
    expect(Number.isNaN((relu.output as Matrix).data[0])).toBe(true);
    expect(Array.from((relu.dinputs as Matrix).data)).toEqual([5, 0]);
  });

  it('rejects bad arguments and keeps its state', () => {
    const relu = new ActivationReLU();
    expect(() => relu.backward(Matrix.zeros(1, 1))).toThrow(
      'ActivationReLU.backward: no forward pass has run yet, call forward(inputs) first',
    );
    relu.forward(Matrix.from([[1, -1]]));
    const output = relu.output;

    const wrongColumns = () => relu.backward(Matrix.zeros(1, 3));
    expect(wrongColumns).toThrow(RangeError);
    expect(wrongColumns).toThrow('ActivationReLU.backward: dvalues has 3 columns, expected 2');
    const wrongRows = () => relu.backward(Matrix.zeros(2, 2));
    expect(wrongRows).toThrow(RangeError);
    expect(wrongRows).toThrow('ActivationReLU.backward: dvalues has 2 rows, expected 1');
    const wrongType = () => relu.forward(null as unknown as Matrix);
    expect(wrongType).toThrow(TypeError);
    expect(wrongType).toThrow('ActivationReLU.forward: inputs must be a Matrix, got null');

    expect(relu.output).toBe(output);
    expect(Array.from((relu.output as Matrix).data)).toEqual([1, 0]);
    expect(relu.dinputs).toBeUndefined();
  });
});
