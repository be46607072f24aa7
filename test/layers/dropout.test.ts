// LayerDropout: the mask's statistics and scale, backward through the same mask, inference
// passing inputs through, and the seeded mask against NumPy's binomial(1, 0.9) stream.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { init } from '../../lib/init.js';
import { LayerDropout } from '../../lib/layers/dropout.js';
import { Matrix } from '../../lib/matrix.js';
import { describeBackends } from '../helpers/backends.js';

const rng = JSON.parse(
  readFileSync(new URL('../fixtures/rng.json', import.meta.url), 'utf8'),
) as { 'binomial_1_0.9_first20': { data: number[] } };

const COUNT = 100_000;

function ones(rows: number, cols: number): Matrix {
  const matrix = new Matrix(rows, cols);
  matrix.data.fill(1);
  return matrix;
}

describeBackends('LayerDropout', () => {
  it('keeps values scaled by 1 / (1 - rate)', () => {
    const dropout = new LayerDropout(0.1);
    dropout.forward(ones(1, COUNT));
    const output = dropout.output as Matrix;
    const scale = Math.fround(1 / 0.9);
    let zeros = 0;
    let others = 0;
    for (const value of output.data) {
      if (value === 0) zeros++;
      else if (value !== scale) others++;
    }
    expect(others).toBe(0);
    expect(zeros / COUNT).toBeGreaterThanOrEqual(0.095);
    expect(zeros / COUNT).toBeLessThanOrEqual(0.105);
  });

  it('backward zeroes the dropped places', () => {
    const dropout = new LayerDropout(0.1);
    dropout.forward(ones(1, COUNT));
    dropout.backward(ones(1, COUNT));
    const output = (dropout.output as Matrix).data;
    const dinputs = (dropout.dinputs as Matrix).data;
    let mismatched = 0;
    for (let i = 0; i < COUNT; i++) if ((output[i] === 0) !== (dinputs[i] === 0)) mismatched++;
    expect(mismatched).toBe(0);
  });

  it('passes inputs through at inference', () => {
    const dropout = new LayerDropout(0.5);
    const inputs = Matrix.from([[0.1, -2.5, 3e-30], [Math.PI, -0, 7]]);
    dropout.forward(inputs, false);
    expect(Array.from((dropout.output as Matrix).data)).toEqual(Array.from(inputs.data));
    expect(Object.is((dropout.output as Matrix).data[4], -0)).toBe(true);
  });

  it('draws the mask of binomial(1, 0.9) after init()', () => {
    init();
    const dropout = new LayerDropout(0.1);
    dropout.forward(ones(4, 5));
    const mask = Array.from((dropout.binaryMask as Matrix).data, (value) => (value > 0 ? 1 : 0));
    expect(mask).toEqual(rng['binomial_1_0.9_first20'].data);
  });

  it('rate 0 keeps every value', () => {
    const dropout = new LayerDropout(0);
    const inputs = Matrix.from([[1, 2, 3]]);
    dropout.forward(inputs);
    expect(Array.from((dropout.output as Matrix).data)).toEqual([1, 2, 3]);
  });
});

describe('LayerDropout bad input', () => {
  it.each([-0.1, 1, 1.5, NaN])('rejects rate %s', (rate) => {
    expect(() => new LayerDropout(rate)).toThrow(RangeError);
    expect(() => new LayerDropout(rate)).toThrow(/LayerDropout: rate must be/);
  });

  it('rejects a rate that is not a number', () => {
    expect(() => new LayerDropout('0.1' as unknown as number)).toThrow(TypeError);
  });

  it('rejects backward before forward', () => {
    expect(() => new LayerDropout(0.1).backward(ones(1, 2))).toThrow(/no forward pass/);
  });

  it('rejects dvalues of another shape', () => {
    const dropout = new LayerDropout(0.1);
    dropout.forward(ones(2, 3));
    expect(() => dropout.backward(ones(2, 4))).toThrow(RangeError);
    expect(() => dropout.backward(ones(3, 3))).toThrow(/dvalues has 3 rows, expected 2/);
  });
});
