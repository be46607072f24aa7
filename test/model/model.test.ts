// Model: training on spiral data, batching, evaluate/predict, trainAsync, abort, divergence,
// log lines, and the argument checks.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeBackends } from '../helpers/backends.js';
import { init } from '../../lib/init.js';
import { spiralData } from '../../lib/datasets/spiral.js';
import { LayerDense } from '../../lib/layers/dense.js';
import { ActivationReLU } from '../../lib/activations/relu.js';
import { ActivationSoftmax } from '../../lib/activations/softmax.js';
import { LossCategoricalCrossentropy } from '../../lib/losses/categorical-crossentropy.js';
import { Matrix } from '../../lib/matrix.js';
import { AccuracyCategorical } from '../../lib/metrics/accuracy-categorical.js';
import { Model } from '../../lib/model/model.js';
import type { TrainingProgress } from '../../lib/model/callbacks.js';
import { OptimizerAdam } from '../../lib/optimizers/index.js';

/** Builds the book's spiral classifier: 2 -> 64 -> 3, ReLU, softmax, Adam(0.05, decay 5e-7). */
function spiralModel(hidden = 64) {
  const model = new Model();
  const dense1 = new LayerDense(2, hidden);
  model.add(dense1);
  model.add(new ActivationReLU());
  model.add(new LayerDense(hidden, 3));
  model.add(new ActivationSoftmax());
  model.set({
    loss: new LossCategoricalCrossentropy(),
    optimizer: new OptimizerAdam({ learningRate: 0.05, decay: 5e-7 }),
    accuracy: new AccuracyCategorical(),
  });
  model.finalize();
  return { model, dense1 };
}

const firstUpdates = JSON.parse(
  readFileSync(new URL('../fixtures/ch10_first_updates.json', import.meta.url), 'utf8'),
).crexp;

describeBackends('Model', () => {
  it('training lowers the spiral loss', () => {
    const { X, y } = spiralData(100, 3);
    const { model } = spiralModel();
    const losses: number[] = [];
    model.train(X, y, { epochs: 300, onEpoch: (progress) => losses.push(progress.loss) });

    expect(losses).toHaveLength(300);
    expect(losses[0]).toBeCloseTo(1.0986, 3);
    expect(losses[299]).toBeLessThan(0.8 * losses[0]);
  });

  it('full-batch training reproduces chapter 10', () => {
    init({ precision: 'reference' });
    const { X, y } = spiralData(100, 3);
    const { model, dense1 } = spiralModel();
    const lines: string[] = [];
    model.train(X, y, { epochs: 2, printEvery: 100, log: (line) => lines.push(line) });

    expect(lines).toEqual(['epoch: 0, acc: 0.360, loss: 1.099, lr: 0.05']);
    const expected = firstUpdates.snapshots[2].params['dense1.weights'].data.flat();
    expect(Array.from(dense1.weights.data)).toEqual(expected.map(Math.fround));
  });

  it('skips only the first layer input gradient', () => {
    const { X, y } = spiralData(20, 3);
    const { model, dense1 } = spiralModel(8);
    const dense2 = model.layers[2] as LayerDense;
    model.train(X, y, { epochs: 1 });

    expect(dense1.computeDinputs).toBe(false);
    expect(dense1.dinputs).toBeUndefined();
    expect(dense2.computeDinputs).toBe(true);
    expect(dense2.dinputs?.shape).toEqual([60, 8]);
    expect(new LayerDense(2, 3).computeDinputs).toBe(true);
  });

  it('last partial batch', () => {
    const { X, y } = spiralData(5, 2);
    const model = new Model()
      .add(new LayerDense(2, 4))
      .add(new ActivationSoftmax())
      .set({
        loss: new LossCategoricalCrossentropy(),
        optimizer: new OptimizerAdam(),
        accuracy: new AccuracyCategorical(),
      })
      .finalize();
    const steps: TrainingProgress[] = [];
    const lines: string[] = [];
    const result = model.train(X, y, {
      epochs: 2,
      batchSize: 4,
      printEvery: 2,
      onStep: (progress) => steps.push(progress),
      log: (line) => lines.push(line),
    });

    expect(steps.map((progress) => [progress.epoch, progress.step])).toEqual([
      [1, 0], [1, 1], [1, 2], [2, 0], [2, 1], [2, 2],
    ]);
    expect(model.optimizer?.iterations).toBe(6);
    expect(lines.filter((line) => line.startsWith('step:')).map((line) => line.slice(0, 7)))
      .toEqual(['step: 0', 'step: 2', 'step: 0', 'step: 2']);
    expect(lines[0]).toBe('epoch: 1');
    expect(lines[3]).toMatch(/^training, acc: \d\.\d{3}, loss: \d\.\d{3} \(data_loss: /);
    // The epoch accuracy counts 10 samples: a multiple of 0.1.
    expect(Math.round(result.accuracy * 10)).toBeCloseTo(result.accuracy * 10, 10);
  });

  it('evaluate and predict shapes', () => {
    const { X, y } = spiralData(20, 3);
    const { model } = spiralModel(8);
    model.train(X, y, { epochs: 3, batchSize: 16 });
    const lines: string[] = [];

    const evaluation = model.evaluate(X, y, { batchSize: 7, log: (line) => lines.push(line) });
    expect(evaluation.accuracy).toBeGreaterThanOrEqual(0);
    expect(evaluation.accuracy).toBeLessThanOrEqual(1);
    expect(evaluation.loss).toBeGreaterThan(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^validation, acc: \d\.\d{3}, loss: \d\.\d{3}$/);

    const whole = model.predict(X);
    expect(whole.shape).toEqual([60, 3]);
    const batched = model.predict(X, { batchSize: 7 });
    expect(Array.from(batched.data)).toEqual(Array.from(whole.data));
    const single = model.predict([X.get(5, 0), X.get(5, 1)]);
    expect(single.shape).toEqual([1, 3]);
    expect(Array.from(single.data)).toEqual(Array.from(whole.row(5)));
  });

  it('validation data after training', () => {
    const { X, y } = spiralData(20, 3);
    const test = spiralData(10, 3);
    const { model } = spiralModel(8);
    const lines: string[] = [];
    const result = model.train(X, y, {
      epochs: 2,
      batchSize: 32,
      validationData: [test.X, test.y],
      log: (line) => lines.push(line),
    });
    expect(lines.filter((line) => line.startsWith('validation'))).toHaveLength(1);
    expect(lines[lines.length - 1]).toMatch(/^validation, /);
    expect(result.validation?.accuracy).toBeGreaterThanOrEqual(0);
  });

  it('trainAsync lets timers run', async () => {
    const { X, y } = spiralData(50, 3);
    const { model } = spiralModel(8);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    try {
      const result = await model.trainAsync(X, y, { epochs: 20, batchSize: 5 });
      expect(result.epoch).toBe(20);
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(0);
  });

  it('AbortSignal stops trainAsync', async () => {
    const { X, y } = spiralData(50, 3);
    const { model } = spiralModel(8);
    const controller = new AbortController();
    let steps = 0;
    const run = model.trainAsync(X, y, {
      epochs: 10,
      batchSize: 10,
      signal: controller.signal,
      onStep: () => {
        steps++;
        if (steps === 3) controller.abort();
      },
    });
    await expect(run).rejects.toThrow(expect.objectContaining({ name: 'AbortError' }));
    expect(steps).toBe(3);
    expect(model.optimizer?.iterations).toBe(3);

    // The model is free again after the abort.
    const result = model.train(X, y, { epochs: 1 });
    expect(result.epoch).toBe(1);
  });

  it('NaN loss names epoch and step', () => {
    const { X, y } = spiralData(20, 3);
    const { model, dense1 } = spiralModel(8);
    const run = () =>
      model.train(X, y, {
        epochs: 3,
        batchSize: 20,
        onStep: (progress) => {
          if (progress.epoch === 2 && progress.step === 0) dense1.weights.data.fill(NaN);
        },
      });
    expect(run).toThrow(RangeError);
    expect(() => {
      dense1.weights.data.fill(0.01);
      model.optimizer?.reset();
      run();
    }).toThrow(/loss became NaN at epoch 2, step 1/);
  });
});

describe('Model arguments', () => {
  function tinyModel() {
    init();
    return spiralModel(4).model;
  }
  const { X, y } = (() => {
    init();
    return spiralData(4, 3);
  })();

  it('rejects mismatched X and y', () => {
    const model = tinyModel();
    expect(() => model.train(X, y.subarray(0, 5))).toThrow(
      'Model.train: y has 5 labels, expected 12 like X',
    );
  });

  it('rejects labels beyond the outputs', () => {
    const model = tinyModel();
    const labels = Uint8Array.from(y);
    labels[2] = 3;
    expect(() => model.train(X, labels)).toThrow(RangeError);
    expect(() => model.train(X, labels)).toThrow(
      /y\[2\] is number 3, expected a class index in \[0, 2\]/,
    );
  });

  it('rejects non-finite inputs', () => {
    const model = tinyModel();
    const bad = X.clone();
    bad.data[3] = Infinity;
    expect(() => model.train(bad, y)).toThrow(
      'Model.train: X[1][1] is Infinity, expected a finite number',
    );
  });

  it('rejects wrong input width', () => {
    const model = tinyModel();
    expect(() => model.predict(Matrix.zeros(2, 3))).toThrow(
      'Model.predict: X has 3 columns, expected 2',
    );
  });

  it('rejects bad options', () => {
    const model = tinyModel();
    expect(() => model.train(X, y, { epochs: 0 })).toThrow(RangeError);
    expect(() => model.train(X, y, { batchSize: 1.5 })).toThrow(/batchSize must be an integer/);
    expect(() => model.train(X, y, { batch_size: 4 } as never)).toThrow(/unknown option/);
    expect(() => model.train(X, y, { onStep: 5 } as never)).toThrow(TypeError);
    expect(() => model.train(X, y, { logFormat: 'plain' } as never)).toThrow(RangeError);
    expect(() => model.evaluate(X, y, { batchSize: 0 })).toThrow(RangeError);
  });

  it('requires finalize and settings', () => {
    const model = new Model().add(new LayerDense(2, 3));
    expect(() => model.train(X, y)).toThrow(/not finalized/);
    model.finalize();
    expect(() => model.train(X, y)).toThrow(/no loss/);
    expect(() => new Model().finalize()).toThrow(RangeError);
    expect(() => new Model().add({} as never)).toThrow(TypeError);
    expect(() => model.set({ optimizer: {} as never })).toThrow(TypeError);
  });
});

describeBackends('AccuracyCategorical', () => {
  it('one-hot targets across batch sizes', () => {
    const accuracy = new AccuracyCategorical();
    const scores = Matrix.from([[0.9, 0.1], [0.2, 0.8], [0.6, 0.4]]);
    const oneHot = Matrix.from([[1, 0], [1, 0], [1, 0]]);
    expect(accuracy.calculate(scores, oneHot)).toBeCloseTo(2 / 3, 15);
    const first = new Matrix(1, 2, scores.data.subarray(0, 2));
    expect(accuracy.calculate(first, new Matrix(1, 2, oneHot.data.subarray(0, 2)))).toBe(1);
    expect(accuracy.calculateAccumulated()).toBe(0.75);
  });

  it('binary targets never broadcast', () => {
    const accuracy = new AccuracyCategorical({ binary: true });
    const outputs = Matrix.from([[0.7], [0.2], [0.4]]);
    expect(accuracy.calculate(outputs, Uint8Array.from([1, 0, 1]))).toBeCloseTo(2 / 3, 15);
    expect(Array.from(accuracy.compare(outputs, Matrix.from([[1], [1], [0]])))).toEqual([1, 0, 1]);
    expect(() => accuracy.calculate(outputs, [1, 0])).toThrow(RangeError);
    expect(() => accuracy.calculate(outputs, [1, 0, 2])).toThrow(/expected a class index in/);
  });
});
