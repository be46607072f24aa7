// Every layer's backward against central finite differences of its forward formula, written
// again in float64. The analytic side runs in float32: each gradient entry is a short sum of
// O(1) terms, so it is within about 1e-6 relative of the exact value, and the numeric side is
// within 1e-9. The tolerance (absolute 1e-5 plus relative 1e-4) leaves room for both.
import { expect, it } from 'vitest';
import { ActivationReLU } from '../lib/activations/relu.js';
import { ActivationSoftmax } from '../lib/activations/softmax.js';
import { LayerDense } from '../lib/layers/dense.js';
import { LossCategoricalCrossentropy } from '../lib/losses/categorical-crossentropy.js';
import { ActivationSoftmaxLossCategoricalCrossentropy } from
  '../lib/losses/softmax-categorical-crossentropy.js';
import { Matrix } from '../lib/matrix.js';
import { randn } from '../lib/random.js';
import { describeBackends } from './helpers/backends.js';
import { numericGradient, weightedSum, worstRatio } from './helpers/gradcheck.js';

const ABSOLUTE = 1e-5;
const RELATIVE = 1e-4;
const N = 4;
const I = 5;
const C = 3;
const LABELS = new Int32Array([0, 2, 1, 2]);

/** A float32 matrix of standard normal draws, and the same values in float64. */
function normal(rows: number, cols: number): { matrix: Matrix; values: Float64Array } {
  const matrix = Matrix.from(Float32Array.from(randn(rows * cols)), [rows, cols]);
  return { matrix, values: Float64Array.from(matrix.data) };
}

function denseForward64(x: Float64Array, w: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(N * C);
  for (let r = 0; r < N; r++) {
    for (let o = 0; o < C; o++) {
      let sum = b[o];
      for (let i = 0; i < I; i++) sum += x[r * I + i] * w[i * C + o];
      out[r * C + o] = sum;
    }
  }
  return out;
}

function softmax64(z: Float64Array): Float64Array {
  const out = new Float64Array(z.length);
  for (let r = 0; r < z.length / C; r++) {
    const row = z.subarray(r * C, (r + 1) * C);
    const max = Math.max(...row);
    let sum = 0;
    for (let j = 0; j < C; j++) sum += Math.exp(row[j] - max);
    for (let j = 0; j < C; j++) out[r * C + j] = Math.exp(row[j] - max) / sum;
  }
  return out;
}

function crossEntropy64(p: Float64Array): number {
  let sum = 0;
  for (let r = 0; r < N; r++) sum -= Math.log(p[r * C + LABELS[r]]);
  return sum / N;
}

describeBackends('gradient check', () => {
  it('LayerDense inputs, weights and biases', () => {
    const x = normal(N, I);
    const upstream = normal(N, C);
    const layer = new LayerDense(I, C);
    layer.weights = normal(I, C).matrix;
    layer.biases = normal(1, C).matrix;
    const w = Float64Array.from(layer.weights.data);
    const b = Float64Array.from(layer.biases.data);

    layer.forward(x.matrix);
    layer.backward(upstream.matrix);

    const loss = (xs: Float64Array, ws: Float64Array, bs: Float64Array) =>
      weightedSum(denseForward64(xs, ws, bs), upstream.values);
    const dinputs = numericGradient((p) => loss(p, w, b), x.values);
    const dweights = numericGradient((p) => loss(x.values, p, b), w);
    const dbiases = numericGradient((p) => loss(x.values, w, p), b);
    expect(worstRatio((layer.dinputs as Matrix).data, dinputs, ABSOLUTE, RELATIVE))
      .toBeLessThanOrEqual(1);
    expect(worstRatio((layer.dweights as Matrix).data, dweights, ABSOLUTE, RELATIVE))
      .toBeLessThanOrEqual(1);
    expect(worstRatio((layer.dbiases as Matrix).data, dbiases, ABSOLUTE, RELATIVE))
      .toBeLessThanOrEqual(1);
  });

  it('ActivationReLU away from the kink', () => {
    const x = normal(N, C);
    for (let i = 0; i < x.values.length; i++) {
      // Keep every input at least 0.1 from 0, where ReLU is not differentiable.
      const pushed = x.values[i] + Math.sign(x.values[i]) * 0.1;
      x.matrix.data[i] = pushed;
      x.values[i] = x.matrix.data[i];
    }
    const upstream = normal(N, C);
    const relu = new ActivationReLU();
    relu.forward(x.matrix);
    relu.backward(upstream.matrix);

    const relu64 = (p: Float64Array) => p.map((value) => Math.max(0, value));
    const numeric = numericGradient((p) => weightedSum(relu64(p), upstream.values), x.values);
    expect(worstRatio((relu.dinputs as Matrix).data, numeric, ABSOLUTE, RELATIVE))
      .toBeLessThanOrEqual(1);
  });

  it('ActivationSoftmax', () => {
    const z = normal(N, C);
    const upstream = normal(N, C);
    const softmax = new ActivationSoftmax();
    softmax.forward(z.matrix);
    softmax.backward(upstream.matrix);

    const numeric = numericGradient((p) => weightedSum(softmax64(p), upstream.values), z.values);
    expect(worstRatio((softmax.dinputs as Matrix).data, numeric, ABSOLUTE, RELATIVE))
      .toBeLessThanOrEqual(1);
  });

  it('LossCategoricalCrossentropy inside the clip range', () => {
    // Probabilities from a softmax are well inside [1e-7, 1 - 1e-7] for normal scores.
    const scores = normal(N, C);
    const predictions = Matrix.from(Float32Array.from(softmax64(scores.values)), [N, C]);
    const p = Float64Array.from(predictions.data);
    const loss = new LossCategoricalCrossentropy();
    loss.backward(predictions, LABELS);

    const numeric = numericGradient(crossEntropy64, p);
    expect(worstRatio((loss.dinputs as Matrix).data, numeric, ABSOLUTE, RELATIVE))
      .toBeLessThanOrEqual(1);
  });

  it('combined softmax and cross-entropy', () => {
    const z = normal(N, C);
    const head = new ActivationSoftmaxLossCategoricalCrossentropy();
    head.forward(z.matrix, LABELS);
    head.backward(head.output as Matrix, LABELS);

    const numeric = numericGradient((p) => crossEntropy64(softmax64(p)), z.values);
    expect(worstRatio((head.dinputs as Matrix).data, numeric, ABSOLUTE, RELATIVE))
      .toBeLessThanOrEqual(1);
  });
});
