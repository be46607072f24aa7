// ActivationSigmoid and ActivationLinear: saturation without NaN, the derivative at 0,
// predictions, and copies through the linear activation.
import { describe, expect, it } from 'vitest';
import { ActivationLinear } from '../../lib/activations/linear.js';
import { ActivationSigmoid } from '../../lib/activations/sigmoid.js';
import { Matrix } from '../../lib/matrix.js';
import { describeBackends } from '../helpers/backends.js';

const EXTREMES = [-1000, -100, -88.8, 0, 88.8, 100, 1000];

describeBackends('ActivationSigmoid', () => {
  it('stays in [0, 1] at extreme inputs', () => {
    const sigmoid = new ActivationSigmoid();
    sigmoid.forward(Matrix.from([EXTREMES]));
    const output = Array.from((sigmoid.output as Matrix).data);
    for (const value of output) {
      expect(Number.isNaN(value)).toBe(false);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
    expect(output[0]).toBe(0);
    expect(output[1]).toBeLessThan(1e-37);
    expect(output[3]).toBe(0.5);
    expect(output[5]).toBe(1);
    expect(output[6]).toBe(1);
  });

  it('backward with ones is 0.25 only at 0', () => {
    const sigmoid = new ActivationSigmoid();
    sigmoid.forward(Matrix.from([EXTREMES]));
    sigmoid.backward(Matrix.from([EXTREMES.map(() => 1)]));
    const expected = [0, 0, 0, 0.25, 0, 0, 0];
    const dinputs = Array.from((sigmoid.dinputs as Matrix).data);
    dinputs.forEach((value, index) => {
      expect(Math.abs(value - expected[index])).toBeLessThanOrEqual(1e-37);
    });
  });

  it('predictions threshold at 0.5', () => {
    const sigmoid = new ActivationSigmoid();
    const predictions = sigmoid.predictions(Matrix.from([[0.2, 0.5, 0.51], [0.99, 0, 1]]));
    expect(predictions.toArray()).toEqual([[0, 0, 1], [1, 0, 1]]);
  });

  it('rejects backward before forward', () => {
    expect(() => new ActivationSigmoid().backward(Matrix.from([[1]]))).toThrow(/no forward/);
  });

  it('rejects dvalues of another shape', () => {
    const sigmoid = new ActivationSigmoid();
    sigmoid.forward(Matrix.from([[1, 2]]));
    expect(() => sigmoid.backward(Matrix.from([[1, 2, 3]]))).toThrow(RangeError);
  });
});

describeBackends('ActivationLinear', () => {
  it('copies forward and backward', () => {
    const linear = new ActivationLinear();
    const inputs = Matrix.from([[1.5, -2], [0, 3]]);
    linear.forward(inputs);
    expect((linear.output as Matrix).toArray()).toEqual(inputs.toArray());
    expect(linear.output).not.toBe(inputs);
    const dvalues = Matrix.from([[0.25, 1], [-1, 2]]);
    linear.backward(dvalues);
    expect((linear.dinputs as Matrix).toArray()).toEqual(dvalues.toArray());
    expect(linear.predictions(inputs)).toBe(inputs);
  });
});

describe('ActivationLinear bad input', () => {
  it('rejects inputs that are not a Matrix', () => {
    expect(() => new ActivationLinear().forward([[1]] as unknown as Matrix)).toThrow(TypeError);
  });
});
