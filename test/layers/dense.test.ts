// The chapter's worked layer example. The fixture is float64 and the layer computes in float32,
// so each product is compared against the float32 bound for a dot product of length k: the
// inputs are rounded to float32 (relative 2^-24 each) and every one of the k steps rounds once,
// so |computed - exact| <= (k + 2) * 2^-24 * sum(|a_i * b_i|). Sums of exact values are exact.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { ActivationReLU } from '../../lib/activations/relu.js';
import { spiralData } from '../../lib/datasets/spiral.js';
import { LayerDense } from '../../lib/layers/dense.js';
import { Matrix } from '../../lib/matrix.js';
import { describeBackends } from '../helpers/backends.js';

const ch9 = JSON.parse(readFileSync(new URL('../fixtures/ch9.json', import.meta.url), 'utf8'));
const example = ch9.worked_examples.layer;
const update = ch9.worked_examples.combined_forward_backward_update;
const EPSILON = 2 ** -24;

function layerWith(weights: number[][], biases: number[][]): LayerDense {
  const layer = new LayerDense(weights.length, weights[0].length);
  layer.weights = Matrix.from(weights);
  layer.biases = Matrix.from(biases);
  return layer;
}

/** Exact float64 product a · b, and the sum of |a_ik * b_kj| that bounds its float32 error. */
function product(a: number[][], b: number[][]): { value: number[][]; scale: number[][] } {
  const value = a.map((row) => b[0].map((_, j) => row.reduce((s, x, k) => s + x * b[k][j], 0)));
  const scale = a.map((row) =>
    b[0].map((_, j) => row.reduce((s, x, k) => s + Math.abs(x * b[k][j]), 0)),
  );
  return { value, scale };
}

function transpose(a: number[][]): number[][] {
  return a[0].map((_, j) => a.map((row) => row[j]));
}

function expectClose(actual: Matrix, expected: number[][], scale: number[][], k: number): void {
  expected.flat().forEach((value, index) => {
    const bound = (k + 2) * EPSILON * scale.flat()[index];
    expect(Math.abs(actual.data[index] - value), `element ${index}`).toBeLessThanOrEqual(bound);
  });
}

describeBackends('LayerDense', () => {
  it('computes the worked layer gradients', () => {
    const inputs = example.inputs.data as number[][];
    const weights = example.weights.data as number[][];
    const dvalues = example.dvalues.data as number[][];
    const layer = layerWith(weights, example.biases.data);
    layer.forward(Matrix.from(inputs));
    layer.backward(Matrix.from(dvalues));

    const dinputs = product(dvalues, transpose(weights));
    expectClose(layer.dinputs as Matrix, example['dinputs = dvalues @ weights.T'].data,
      dinputs.scale, 3);
    const dweights = product(transpose(inputs), dvalues);
    expectClose(layer.dweights as Matrix, example['dweights = inputs.T @ dvalues'].data,
      dweights.scale, 3);
    // Column sums of small integers are exact in float32.
    expect(Array.from((layer.dbiases as Matrix).data)).toEqual(
      example['dbiases = sum(dvalues, axis=0)'].data.flat(),
    );
  });

  it('runs the worked forward, backward and update', () => {
    const inputs = example.inputs.data as number[][];
    const weights = example.weights.data as number[][];
    const layer = layerWith(weights, example.biases.data);
    const relu = new ActivationReLU();
    layer.forward(Matrix.from(inputs));
    relu.forward(layer.output as Matrix);

    const outputs = product(inputs, weights);
    const biasScale = outputs.scale.map((row) => row.map((s, j) => s + example.biases.data[0][j]));
    expectClose(layer.output as Matrix, update.layer_outputs.data, biasScale, 5);
    // The ReLU output serves as the upstream gradient, as in the book's example.
    relu.backward(relu.output as Matrix);
    layer.backward(relu.dinputs as Matrix);

    // drelu is the layer output where positive, so it carries the output's rounding.
    expectClose(relu.dinputs as Matrix, update.drelu.data, biasScale, 5);
    const dweights = product(transpose(inputs), update.drelu.data);
    expectClose(layer.dweights as Matrix, update.dweights.data, dweights.scale, 5);
  });

  it('draws weights like nnfs.init()', () => {
    // The book's first layer is created after spiral_data(100, 3) has drawn its 300 values.
    spiralData(100, 3);
    const layer = new LayerDense(2, 3);
    const extras = ch9.full_model.inputs_and_extras;
    const expected = extras['dense1.weights'].data.flat().map((value: number) => Math.fround(value));
    expect(Array.from(layer.weights.data)).toEqual(expected);
    expect(Array.from(layer.biases.data)).toEqual([0, 0, 0]);
    expect(layer.biases.shape).toEqual([1, 3]);
  });

  it('reuses buffers while the batch shape stays', () => {
    const layer = new LayerDense(2, 2);
    layer.forward(Matrix.from([[1, 2]]));
    const output = layer.output;
    layer.forward(Matrix.from([[3, 4]]));
    expect(layer.output).toBe(output);
    layer.forward(Matrix.from([[3, 4], [5, 6]]));
    expect(layer.output).not.toBe(output);
  });

  it('rejects bad arguments and keeps its state', () => {
    const layer = new LayerDense(2, 3);
    expect(() => layer.backward(Matrix.zeros(1, 3))).toThrow(
      'LayerDense.backward: no forward pass has run yet, call forward(inputs) first',
    );
    layer.forward(Matrix.from([[1, 2]]));
    layer.backward(Matrix.from([[1, 1, 1]]));
    const state = {
      inputs: layer.inputs,
      output: layer.output,
      dweights: layer.dweights,
      dinputs: layer.dinputs,
      outputData: Array.from((layer.output as Matrix).data),
      dweightsData: Array.from((layer.dweights as Matrix).data),
    };

    const cases: [() => void, ErrorConstructor | RangeErrorConstructor, string][] = [
      [() => layer.forward(Matrix.zeros(1, 3)), RangeError,
        'LayerDense.forward: inputs has 3 columns, expected 2'],
      [() => layer.forward(Matrix.zeros(0, 2)), RangeError,
        'LayerDense.forward: inputs has 0 rows, expected at least 1'],
      [() => layer.forward(new Float32Array(2) as unknown as Matrix), TypeError,
        'LayerDense.forward: inputs must be a Matrix, got Float32Array of length 2'],
      [() => layer.backward(Matrix.zeros(1, 2)), RangeError,
        'LayerDense.backward: dvalues has 2 columns, expected 3'],
      [() => layer.backward(Matrix.zeros(2, 3)), RangeError,
        'LayerDense.backward: dvalues has 2 rows, expected 1 (the rows of the last inputs)'],
      [() => new LayerDense(0, 3), RangeError,
        'LayerDense: nInputs must be an integer >= 1, got 0'],
      [() => new LayerDense(2, '3' as unknown as number), TypeError,
        'LayerDense: nNeurons must be an integer, got string "3"'],
    ];
    for (const [call, errorClass, message] of cases) {
      expect(call).toThrow(errorClass);
      expect(call).toThrow(message);
    }
    expect(layer.inputs).toBe(state.inputs);
    expect(layer.output).toBe(state.output);
    expect(layer.dweights).toBe(state.dweights);
    expect(layer.dinputs).toBe(state.dinputs);
    expect(Array.from((layer.output as Matrix).data)).toEqual(state.outputData);
    expect(Array.from((layer.dweights as Matrix).data)).toEqual(state.dweightsData);
  });
});
