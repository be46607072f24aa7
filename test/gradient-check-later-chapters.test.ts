// Gradient checks for the layers, activations and losses of the book's chapters 14 to 17:
// each backward against central finite differences of its forward formula written again in
// float64, with the tolerance of the chapter 9 checks (absolute 1e-5 plus relative 1e-4).
import { expect, it } from 'vitest';
import { ActivationLinear } from '../lib/activations/linear.js';
import { ActivationSigmoid } from '../lib/activations/sigmoid.js';
import { LayerDense } from '../lib/layers/dense.js';
import { LayerDropout } from '../lib/layers/dropout.js';
import { LossBinaryCrossentropy } from '../lib/losses/binary-crossentropy.js';
import { LossMeanAbsoluteError } from '../lib/losses/mean-absolute-error.js';
import { LossMeanSquaredError } from '../lib/losses/mean-squared-error.js';
import { Matrix } from '../lib/matrix.js';
import { randn, randomSample } from '../lib/random.js';
import { describeBackends } from './helpers/backends.js';
import { numericGradient, weightedSum, worstRatio } from './helpers/gradcheck.js';

const ABSOLUTE = 1e-5;
const RELATIVE = 1e-4;
const N = 4;
const K = 3;

/** A float32 matrix of standard normal draws, and the same values in float64. */
function normal(rows: number, cols: number): { matrix: Matrix; values: Float64Array } {
  const matrix = Matrix.from(Float32Array.from(randn(rows * cols)), [rows, cols]);
  return { matrix, values: Float64Array.from(matrix.data) };
}

/** A matrix of uniform values in [low, high), and the same values in float64. */
function uniform(low: number, high: number): { matrix: Matrix; values: Float64Array } {
  const draws = randomSample(N * K).map((u) => low + (high - low) * u);
  const matrix = Matrix.from(Float32Array.from(draws), [N, K]);
  return { matrix, values: Float64Array.from(matrix.data) };
}

/** Mean over all N x K entries of `element(p, t)`: the mean of the per-row means. */
function meanLoss(p: Float64Array, t: Float64Array, element: (p: number, t: number) => number) {
  let sum = 0;
  for (let i = 0; i < p.length; i++) sum += element(p[i], t[i]);
  return sum / p.length;
}

function expectClose(analytic: Matrix | undefined, numeric: Float64Array): void {
  expect(worstRatio((analytic as Matrix).data, numeric, ABSOLUTE, RELATIVE)).toBeLessThanOrEqual(1);
}

describeBackends('gradient check, chapters 14 to 17', () => {
  it('LayerDense with L1 and L2 on weights and biases', () => {
    const I = 5;
    const x = normal(N, I);
    const upstream = normal(N, K);
    const strengths = { l1w: 0.01, l2w: 0.02, l1b: 0.03, l2b: 0.04 };
    const layer = new LayerDense(I, K, {
      weightRegularizerL1: strengths.l1w,
      weightRegularizerL2: strengths.l2w,
      biasRegularizerL1: strengths.l1b,
      biasRegularizerL2: strengths.l2b,
    });
    // Parameters of order 1 keep every entry far from 0, where |p| has no derivative.
    layer.weights = normal(I, K).matrix;
    layer.biases = normal(1, K).matrix;
    const w = Float64Array.from(layer.weights.data);
    const b = Float64Array.from(layer.biases.data);
    layer.forward(x.matrix);
    layer.backward(upstream.matrix);

    const penalty = (p: Float64Array, l1: number, l2: number) =>
      p.reduce((sum, value) => sum + l1 * Math.abs(value) + l2 * value * value, 0);
    const objective = (ws: Float64Array, bs: Float64Array) => {
      let sum = penalty(ws, strengths.l1w, strengths.l2w) + penalty(bs, strengths.l1b, strengths.l2b);
      for (let r = 0; r < N; r++) {
        for (let o = 0; o < K; o++) {
          let z = bs[o];
          for (let i = 0; i < I; i++) z += x.values[r * I + i] * ws[i * K + o];
          sum += z * upstream.values[r * K + o];
        }
      }
      return sum;
    };
    expectClose(layer.dweights, numericGradient((p) => objective(p, b), w));
    expectClose(layer.dbiases, numericGradient((p) => objective(w, p), b));
  });

  it('LayerDropout with its mask fixed', () => {
    const x = normal(N, K);
    const upstream = normal(N, K);
    const dropout = new LayerDropout(0.3);
    dropout.forward(x.matrix);
    dropout.backward(upstream.matrix);
    const mask = Float64Array.from((dropout.binaryMask as Matrix).data);

    const masked = (p: Float64Array) => p.map((value, i) => value * mask[i]);
    const numeric = numericGradient((p) => weightedSum(masked(p), upstream.values), x.values);
    expectClose(dropout.dinputs, numeric);
  });

  it('ActivationSigmoid', () => {
    const z = normal(N, K);
    const upstream = normal(N, K);
    const sigmoid = new ActivationSigmoid();
    sigmoid.forward(z.matrix);
    sigmoid.backward(upstream.matrix);

    const sigmoid64 = (p: Float64Array) => p.map((value) => 1 / (1 + Math.exp(-value)));
    const numeric = numericGradient((p) => weightedSum(sigmoid64(p), upstream.values), z.values);
    expectClose(sigmoid.dinputs, numeric);
  });

  it('ActivationLinear', () => {
    const z = normal(N, K);
    const upstream = normal(N, K);
    const linear = new ActivationLinear();
    linear.forward(z.matrix);
    linear.backward(upstream.matrix);

    const numeric = numericGradient((p) => weightedSum(p, upstream.values), z.values);
    expectClose(linear.dinputs, numeric);
  });

  it('LossBinaryCrossentropy inside the clip range', () => {
    const p = uniform(0.05, 0.95);
    const t = uniform(0, 1);
    const loss = new LossBinaryCrossentropy();
    loss.backward(p.matrix, t.matrix);

    const element = (q: number, y: number) => -(y * Math.log(q) + (1 - y) * Math.log(1 - q));
    const numeric = numericGradient((q) => meanLoss(q, t.values, element), p.values);
    expectClose(loss.dinputs, numeric);
  });

  it('LossMeanSquaredError', () => {
    const p = normal(N, K);
    const t = normal(N, K);
    const loss = new LossMeanSquaredError();
    loss.backward(p.matrix, t.matrix);

    const numeric = numericGradient(
      (q) => meanLoss(q, t.values, (a, b) => (b - a) ** 2),
      p.values,
    );
    expectClose(loss.dinputs, numeric);
  });

  it('LossMeanAbsoluteError away from the kink', () => {
    const p = normal(N, K);
    // Targets at least 0.1 from their predictions, where |t - p| is differentiable.
    const t = normal(N, K);
    for (let i = 0; i < t.values.length; i++) {
      t.matrix.data[i] = p.matrix.data[i] + Math.sign(t.values[i] || 1) * (0.1 + Math.abs(t.values[i]));
      t.values[i] = t.matrix.data[i];
    }
    const loss = new LossMeanAbsoluteError();
    loss.backward(p.matrix, t.matrix);

    const numeric = numericGradient(
      (q) => meanLoss(q, t.values, (a, b) => Math.abs(b - a)),
      p.values,
    );
    expectClose(loss.dinputs, numeric);
  });
});
