// L1/L2 regularisation: the penalty and the gradient terms of a dense layer with known
// parameters, computed by hand below, and the Model's loss as data loss plus penalty.
import { describe, expect, it } from 'vitest';
import { LayerDense } from '../../lib/layers/dense.js';
import { LossMeanSquaredError } from '../../lib/losses/mean-squared-error.js';
import { Matrix } from '../../lib/matrix.js';
import { Model } from '../../lib/model/model.js';
import { AccuracyRegression } from '../../lib/metrics/accuracy-regression.js';
import { OptimizerSGD } from '../../lib/optimizers/index.js';
import { describeBackends } from '../helpers/backends.js';

const STRENGTHS = {
  weightRegularizerL1: 0.1,
  weightRegularizerL2: 0.2,
  biasRegularizerL1: 0.3,
  biasRegularizerL2: 0.4,
};

/** A 2 x 2 layer with weights [[1, -2], [0, 0.5]] and biases [[0.5, -1]]. */
function knownLayer(options = {}): LayerDense {
  const layer = new LayerDense(2, 2, options);
  layer.weights = Matrix.from([[1, -2], [0, 0.5]]);
  layer.biases = Matrix.from([[0.5, -1]]);
  return layer;
}

describeBackends('regularization', () => {
  it('loss term matches the hand computation', () => {
    // 0.1 * 3.5 + 0.2 * 5.25 + 0.3 * 1.5 + 0.4 * 1.25 = 0.35 + 1.05 + 0.45 + 0.5
    const loss = new LossMeanSquaredError();
    expect(loss.regularizationLoss(knownLayer(STRENGTHS))).toBeCloseTo(2.35, 6);
  });

  it('loss term is 0 without strengths', () => {
    expect(new LossMeanSquaredError().regularizationLoss(knownLayer())).toBe(0);
  });

  it('gradient terms match the hand computation', () => {
    const inputs = Matrix.from([[0.3, -0.7], [1.1, 0.2], [-0.4, 0.9]]);
    const dvalues = Matrix.from([[0.5, -0.25], [0.125, 1], [-1, 0.75]]);
    const plain = knownLayer();
    const regularized = knownLayer(STRENGTHS);
    for (const layer of [plain, regularized]) {
      layer.forward(inputs);
      layer.backward(dvalues);
    }

    // l1 * sign(w) with sign(0) = +1, plus 2 * l2 * w.
    const weightTerms = [0.5, -0.9, 0.1, 0.3];
    const biasTerms = [0.7, -1.1];
    const dweights = (regularized.dweights as Matrix).data;
    const plainDweights = (plain.dweights as Matrix).data;
    weightTerms.forEach((term, index) => {
      expect(dweights[index] - plainDweights[index]).toBeCloseTo(term, 6);
    });
    const dbiases = (regularized.dbiases as Matrix).data;
    const plainDbiases = (plain.dbiases as Matrix).data;
    biasTerms.forEach((term, index) => {
      expect(dbiases[index] - plainDbiases[index]).toBeCloseTo(term, 6);
    });
  });

  it('total loss is data loss plus the term', () => {
    const layer = knownLayer(STRENGTHS);
    const model = new Model().add(layer);
    const accuracy = new AccuracyRegression();
    model.set({ loss: new LossMeanSquaredError(), optimizer: new OptimizerSGD(), accuracy });
    model.finalize();
    const X = Matrix.from([[0.3, -0.7], [1.1, 0.2]]);
    const y = Matrix.from([[1, 0], [0, 1]]);
    const steps: { loss: number; dataLoss: number; regularizationLoss: number }[] = [];
    model.train(X, y, { epochs: 1, onStep: (step) => steps.push({ ...step }) });
    expect(steps).toHaveLength(1);
    expect(steps[0].regularizationLoss).toBeCloseTo(2.35, 6);
    expect(steps[0].dataLoss).toBeGreaterThan(0);
    expect(steps[0].loss).toBe(Math.fround(steps[0].dataLoss + steps[0].regularizationLoss));
  });
});

describe('regularization bad input', () => {
  it.each(Object.keys(STRENGTHS))('rejects a negative %s', (name) => {
    expect(() => new LayerDense(2, 2, { [name]: -1e-4 })).toThrow(RangeError);
    expect(() => new LayerDense(2, 2, { [name]: -1e-4 })).toThrow(new RegExp(`${name} must be`));
  });

  it('rejects a strength that is not a number', () => {
    expect(() => new LayerDense(2, 2, { weightRegularizerL2: '5e-4' as unknown as number }))
      .toThrow(TypeError);
  });

  it('rejects an unknown option', () => {
    expect(() => new LayerDense(2, 2, { weightRegularizer: 1 } as never)).toThrow(/unknown option/);
  });
});
