// Model.save / Model.load and saveParameters / loadParameters round trips through safetensors.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeBackends } from '../helpers/backends.js';
import { spiralData } from '../../lib/datasets/spiral.js';
import { LayerDense } from '../../lib/layers/dense.js';
import { ActivationReLU } from '../../lib/activations/relu.js';
import { ActivationSoftmax } from '../../lib/activations/softmax.js';
import { LossCategoricalCrossentropy } from '../../lib/losses/categorical-crossentropy.js';
import { AccuracyCategorical } from '../../lib/metrics/accuracy-categorical.js';
import { Model } from '../../lib/model/model.js';
import { OptimizerAdam } from '../../lib/optimizers/index.js';
import { init } from '../../lib/init.js';
import { randn } from '../../lib/random.js';

const directory = mkdtempSync(join(tmpdir(), 'nnfs-model-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function trainedModel(hidden: number) {
  const { X, y } = spiralData(20, 3);
  const model = new Model()
    .add(new LayerDense(2, hidden))
    .add(new ActivationReLU())
    .add(new LayerDense(hidden, 3))
    .add(new ActivationSoftmax())
    .set({
      loss: new LossCategoricalCrossentropy(),
      optimizer: new OptimizerAdam({ learningRate: 0.05, decay: 5e-7 }),
      accuracy: new AccuracyCategorical(),
    })
    .finalize();
  model.train(X, y, { epochs: 5 });
  return { model, X, y };
}

describeBackends('Model persistence', (backend) => {
  it('save and load round trip', () => {
    const { model, X, y } = trainedModel(8);
    const path = join(directory, `model-${backend}.safetensors`);
    model.save(path);

    const loaded = Model.load(path);
    expect(Array.from(loaded.predict(X).data)).toEqual(Array.from(model.predict(X).data));
    expect(loaded.evaluate(X, y)).toEqual(model.evaluate(X, y));
    expect(loaded.optimizer?.config()).toEqual(model.optimizer?.config());
    expect(loaded.accuracy).toBeInstanceOf(AccuracyCategorical);
  });

  it('load leaves the seeded stream in place', () => {
    const { model } = trainedModel(8);
    const path = join(directory, `stream-${backend}.safetensors`);
    model.save(path);

    init({ seed: 7 });
    const expected = Array.from(randn(4));
    init({ seed: 7 });
    Model.load(path);
    expect(Array.from(randn(4))).toEqual(expected);
  });

  it('parameters round trip', () => {
    const { model, X } = trainedModel(8);
    const path = join(directory, `parameters-${backend}.safetensors`);
    model.saveParameters(path);

    const fresh = trainedModel(8).model;
    fresh.loadParameters(path);
    expect(Array.from(fresh.predict(X).data)).toEqual(Array.from(model.predict(X).data));
  });

  it('rejects another architecture unchanged', () => {
    const { model } = trainedModel(8);
    const path = join(directory, `other-${backend}.safetensors`);
    model.saveParameters(path);

    const other = trainedModel(4).model;
    const before = Array.from((other.layers[0] as LayerDense).weights.data);
    expect(() => other.loadParameters(path)).toThrow(RangeError);
    expect(() => other.loadParameters(path)).toThrow(/does not match/);
    expect(Array.from((other.layers[0] as LayerDense).weights.data)).toEqual(before);
  });

  it('rejects a file without model metadata', () => {
    const { model } = trainedModel(8);
    const path = join(directory, `plain-${backend}.safetensors`);
    model.saveParameters(path);
    const bytes = readFileSync(path);
    const text = bytes.toString('latin1').replace('nnfs-native.model', 'something-else-xy');
    writeFileSync(path, Buffer.from(text, 'latin1'));
    expect(() => Model.load(path)).toThrow(/not an nnfs-native model/);
  });
});

describeBackends('Model metadata', (backend) => {
  it('save stores metadata and load returns it', () => {
    const { model } = trainedModel(4);
    const path = join(directory, `metadata-${backend}.safetensors`);
    const metadata = { classNames: ['a', 'b', 'c'], source: { epochs: 5, shuffled: true } };
    model.save(path, { metadata });
    expect(Model.load(path).metadata).toEqual(metadata);
  });

  it('save without options keeps the model metadata', () => {
    const { model } = trainedModel(4);
    const path = join(directory, `own-metadata-${backend}.safetensors`);
    model.metadata = { classNames: ['x', 'y', 'z'] };
    model.save(path);
    expect(Model.load(path).metadata).toEqual({ classNames: ['x', 'y', 'z'] });
  });

  it('model without metadata loads an empty object', () => {
    const { model } = trainedModel(4);
    const path = join(directory, `no-metadata-${backend}.safetensors`);
    model.save(path);
    expect(Model.load(path).metadata).toEqual({});
  });

  it('save rejects values JSON cannot keep', () => {
    const { model } = trainedModel(4);
    const path = join(directory, `bad-metadata-${backend}.safetensors`);
    expect(() => model.save(path, { metadata: { rate: NaN } })).toThrow(TypeError);
    expect(() => model.save(path, { metadata: { rate: NaN } })).toThrow(
      /^Model\.save: metadata must contain only JSON values/,
    );
    expect(() => model.save(path, { metadata: [1] as unknown as Record<string, unknown> }))
      .toThrow('Model.save: metadata must be a plain object, got');
  });
});
