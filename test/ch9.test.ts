// Chapter 9's full model: spiral data, Dense(2, 3), ReLU, Dense(3, 3), softmax with
// cross-entropy, one forward and one backward pass. Expected values come from the book's own
// script (the fixture's crexp variant, whose exp and log are correctly rounded like ours).
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { ActivationReLU } from '../lib/activations/relu.js';
import { spiralData } from '../lib/datasets/spiral.js';
import { formatFloat32, formatMatrix } from '../lib/format.js';
import { init } from '../lib/init.js';
import { LayerDense } from '../lib/layers/dense.js';
import { ActivationSoftmaxLossCategoricalCrossentropy } from
  '../lib/losses/softmax-categorical-crossentropy.js';
import { Matrix } from '../lib/matrix.js';
import { accuracy } from '../lib/metrics/accuracy.js';
import { describeBackends } from './helpers/backends.js';

const ch9 = JSON.parse(readFileSync(new URL('./fixtures/ch9.json', import.meta.url), 'utf8'));
const expected = ch9.full_model_crexp;
const printed = expected.comparison_with_book.softmax_rows0_4_and_loss_vs_Ch5_script_output.ours;

function runModel() {
  const { X, y } = spiralData(100, 3);
  const dense1 = new LayerDense(2, 3);
  const relu = new ActivationReLU();
  const dense2 = new LayerDense(3, 3);
  const head = new ActivationSoftmaxLossCategoricalCrossentropy();

  dense1.forward(X);
  relu.forward(dense1.output as Matrix);
  dense2.forward(relu.output as Matrix);
  const loss = head.forward(dense2.output as Matrix, y);
  const acc = accuracy(head.output as Matrix, y);

  head.backward(head.output as Matrix, y);
  dense2.backward(head.dinputs as Matrix);
  relu.backward(dense2.dinputs as Matrix);
  dense1.backward(relu.dinputs as Matrix);

  const softmax = head.output as Matrix;
  return {
    softmaxFirst5: Matrix.from(softmax.data.slice(0, 15), [5, 3]),
    loss,
    acc,
    gradients: {
      'dense1.dweights': dense1.dweights as Matrix,
      'dense1.dbiases': dense1.dbiases as Matrix,
      'dense2.dweights': dense2.dweights as Matrix,
      'dense2.dbiases': dense2.dbiases as Matrix,
    },
  };
}

function fixtureValues(array: { data: number[][] }): number[] {
  return array.data.flat().map((value) => Math.fround(value));
}

/** Distance in float32 units in the last place between two float32 values of the same sign. */
function ulpDistance(a: number, b: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat32(0, a);
  view.setFloat32(4, b);
  return Math.abs(view.getInt32(0) - view.getInt32(4));
}

describeBackends('chapter 9 model', (backend) => {
  it('matches the book in reference precision', () => {
    init({ precision: 'reference' });
    const result = runModel();
    // js computes exactly what NumPy does; native may round a product's float64 sum once more.
    const maxUlps = backend === 'js' ? 0 : 1;

    const softmax = Array.from(result.softmaxFirst5.data);
    fixtureValues(expected.softmax_first5).forEach((value, index) => {
      expect(ulpDistance(softmax[index], value)).toBeLessThanOrEqual(maxUlps);
    });
    expect(ulpDistance(result.loss, Math.fround(expected.loss.value))).toBeLessThanOrEqual(
      maxUlps,
    );
    expect(result.acc).toBe(expected.accuracy.value);
    for (const [name, matrix] of Object.entries(result.gradients)) {
      const values = Array.from(matrix.data);
      fixtureValues(expected[name]).forEach((value, index) => {
        expect(ulpDistance(values[index], value), `${name}[${index}]`).toBeLessThanOrEqual(
          maxUlps,
        );
      });
    }
  });

  it('stays within tolerance in fast precision', () => {
    const result = runModel();

    const softmax = Array.from(result.softmaxFirst5.data);
    fixtureValues(expected.softmax_first5).forEach((value, index) => {
      expect(Math.abs(softmax[index] - value)).toBeLessThanOrEqual(1e-6 * Math.abs(value));
    });
    const loss = Math.fround(expected.loss.value);
    expect(Math.abs(result.loss - loss)).toBeLessThanOrEqual(1e-6 * loss);
    expect(result.acc).toBe(expected.accuracy.value);

    // Gradients are sums with cancellation: absolute 2e-8 or relative 1e-4, the looser one.
    for (const [name, matrix] of Object.entries(result.gradients)) {
      const values = Array.from(matrix.data);
      fixtureValues(expected[name]).forEach((value, index) => {
        const tolerance = Math.max(2e-8, 1e-4 * Math.abs(value));
        expect(Math.abs(values[index] - value), `${name}[${index}]`).toBeLessThanOrEqual(
          tolerance,
        );
      });
    }
  });

  it('prints like the book', () => {
    init({ precision: 'reference' });
    const result = runModel();
    const text = `${formatMatrix(result.softmaxFirst5)}\nloss: ${formatFloat32(result.loss)}`;
    expect(text).toBe(printed);
    expect(formatFloat32(result.loss)).toBe('1.0986104');
  });

  it('prints the book loss in fast precision', () => {
    expect(formatFloat32(runModel().loss)).toBe('1.0986104');
  });
});
