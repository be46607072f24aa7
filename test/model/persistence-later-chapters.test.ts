// Model.save and Model.load with the layers, losses and accuracies of chapters 14 to 17.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ActivationLinear } from '../../lib/activations/linear.js';
import { ActivationReLU } from '../../lib/activations/relu.js';
import { ActivationSigmoid } from '../../lib/activations/sigmoid.js';
import { LayerDense } from '../../lib/layers/dense.js';
import { LayerDropout } from '../../lib/layers/dropout.js';
import { LossBinaryCrossentropy } from '../../lib/losses/binary-crossentropy.js';
import { LossMeanAbsoluteError } from '../../lib/losses/mean-absolute-error.js';
import { Matrix } from '../../lib/matrix.js';
import { AccuracyCategorical } from '../../lib/metrics/accuracy-categorical.js';
import { AccuracyRegression } from '../../lib/metrics/accuracy-regression.js';
import { Model } from '../../lib/model/model.js';
import { OptimizerAdam } from '../../lib/optimizers/index.js';
import { describeBackends } from '../helpers/backends.js';

const directory = mkdtempSync(join(tmpdir(), 'nnfs-persistence-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describeBackends('persistence of chapters 14 to 17', (backend) => {
  it('round-trips a regression model', () => {
    const model = new Model()
      .add(new LayerDense(1, 8, { weightRegularizerL2: 5e-4, biasRegularizerL1: 1e-4 }))
      .add(new ActivationReLU())
      .add(new LayerDropout(0.2))
      .add(new LayerDense(8, 1))
      .add(new ActivationLinear());
    const accuracy = new AccuracyRegression();
    model.set({ loss: new LossMeanAbsoluteError(), optimizer: new OptimizerAdam(), accuracy });
    model.finalize();
    const X = Matrix.from([[0], [0.25], [0.5], [0.75]]);
    const y = Matrix.from([[0], [1], [0], [-1]]);
    model.train(X, y, { epochs: 3 });

    const path = join(directory, `regression-${backend}.safetensors`);
    model.save(path);
    const loaded = Model.load(path);
    expect(loaded.layers.map((layer) => layer.constructor.name)).toEqual([
      'LayerDense', 'ActivationReLU', 'LayerDropout', 'LayerDense', 'ActivationLinear',
    ]);
    const first = loaded.layers[0] as LayerDense;
    expect(first.weightRegularizerL2).toBe(5e-4);
    expect(first.biasRegularizerL1).toBe(1e-4);
    expect((loaded.layers[2] as LayerDropout).rate).toBe(0.2);
    expect(loaded.loss).toBeInstanceOf(LossMeanAbsoluteError);
    expect((loaded.accuracy as AccuracyRegression).precision).toBe(accuracy.precision);
    expect(loaded.predict(X).toArray()).toEqual(model.predict(X).toArray());
  });

  it('round-trips a binary classifier', () => {
    const model = new Model()
      .add(new LayerDense(2, 4))
      .add(new ActivationSigmoid());
    model.set({
      loss: new LossBinaryCrossentropy(),
      accuracy: new AccuracyCategorical({ binary: true }),
    });
    model.finalize();
    const path = join(directory, `binary-${backend}.safetensors`);
    model.save(path);
    const loaded = Model.load(path);
    expect(loaded.loss).toBeInstanceOf(LossBinaryCrossentropy);
    expect((loaded.accuracy as AccuracyCategorical).binary).toBe(true);
    const X = Matrix.from([[0.5, -1], [2, 0.25]]);
    expect(loaded.predict(X).toArray()).toEqual(model.predict(X).toArray());
  });
});
