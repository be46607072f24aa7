// Hand-checkable optimizer steps on one-weight layers: step counting, decay schedules, momentum
// and AdaGrad's normalisation, with the values each formula gives in float32.
import { describe, expect, it } from 'vitest';
import { describeBackends } from '../helpers/backends.js';
import { Matrix } from '../../lib/matrix.js';
import {
  OptimizerAdagrad,
  OptimizerAdam,
  OptimizerRMSprop,
  OptimizerSGD,
} from '../../lib/optimizers/index.js';
import type { Optimizer } from '../../lib/optimizers/index.js';
import { Optimizer_Adam, Optimizer_SGD } from '../../lib/optimizers/book.js';

/** Builds a layer with one weight and one bias whose gradients are fixed. */
function oneWeightLayer(weight: number, gradient: number) {
  return {
    weights: Matrix.from([[weight]]),
    biases: Matrix.from([[0]]),
    dweights: Matrix.from([[gradient]]),
    dbiases: Matrix.from([[0]]),
  };
}

/** Runs one full update (pre, every layer, post), as a training step does. */
function updateOnce(optimizer: Optimizer, layers: ReturnType<typeof oneWeightLayer>[]): void {
  optimizer.preUpdateParams();
  for (const layer of layers) optimizer.updateParams(layer);
  optimizer.postUpdateParams();
}

describeBackends('optimizer steps', () => {
  it('Adam counts one step per batch', () => {
    const optimizer = new OptimizerAdam({ learningRate: 0.001 });
    const layers = [oneWeightLayer(1, 0.5), oneWeightLayer(1, 0.5)];

    updateOnce(optimizer, layers);
    expect(layers[0].weights.data[0]).toBe(0.9990000128746033);
    expect(layers[1].weights.data[0]).toBe(0.9990000128746033);

    updateOnce(optimizer, layers);
    expect(layers[0].weights.data[0]).toBe(0.9980000257492065);
    expect(layers[1].weights.data[0]).toBe(0.9980000257492065);
    expect(optimizer.iterations).toBe(2);
  });

  it('AdaGrad normalises small gradients', () => {
    const optimizer = new OptimizerAdagrad({ learningRate: 1, epsilon: 1e-7 });
    const layer = oneWeightLayer(0, 1e-4);

    updateOnce(optimizer, [layer]);
    expect(layer.weights.data[0]).toBeCloseTo(-0.999000999, 6);

    updateOnce(optimizer, [layer]);
    expect(layer.weights.data[0]).toBeCloseTo(-1.7056081, 6);
  });

  it('SGD momentum accumulates', () => {
    const optimizer = new OptimizerSGD({ learningRate: 1, momentum: 0.9 });
    const layer = oneWeightLayer(0, 1);

    updateOnce(optimizer, [layer]);
    expect(layer.weights.data[0]).toBe(-1);

    updateOnce(optimizer, [layer]);
    expect(layer.weights.data[0]).toBe(Math.fround(-2.9));
    expect(optimizer.getState(layer)?.weightMomentums[0]).toBe(Math.fround(-1.9));
  });

  it('SGD without momentum keeps no state', () => {
    const optimizer = new OptimizerSGD();
    const layer = oneWeightLayer(0.5, 0.25);

    updateOnce(optimizer, [layer]);
    expect(layer.weights.data[0]).toBe(0.25);
    expect(optimizer.getState(layer)).toEqual({});
  });

  it('RMSprop first step', () => {
    // cache = 0.1 * g² = 0.025 in float32; step = -0.01 * 0.5 / (sqrt(cache) + 1e-7).
    const optimizer = new OptimizerRMSprop({ learningRate: 0.01 });
    const layer = oneWeightLayer(1, 0.5);
    updateOnce(optimizer, [layer]);

    const f32 = Math.fround;
    const cache = f32(f32(0.9 * 0) + f32(f32(0.1) * f32(0.25)));
    const step = f32(f32(f32(-0.01) * 0.5) / f32(f32(Math.sqrt(cache)) + f32(1e-7)));
    expect(optimizer.getState(layer)?.weightCache[0]).toBe(cache);
    expect(layer.weights.data[0]).toBe(f32(1 + step));
  });

  it('reset drops state and count', () => {
    const optimizer = new OptimizerAdam({ learningRate: 0.001, decay: 0.1 });
    const layer = oneWeightLayer(1, 0.5);
    updateOnce(optimizer, [layer]);
    updateOnce(optimizer, [layer]);

    optimizer.reset();
    expect(optimizer.iterations).toBe(0);
    expect(optimizer.currentLearningRate).toBe(0.001);
    expect(optimizer.getState(layer)).toBeUndefined();

    // A fresh start repeats the first step exactly.
    layer.weights.data[0] = 1;
    updateOnce(optimizer, [layer]);
    expect(layer.weights.data[0]).toBe(0.9990000128746033);
  });
});

describe('learning-rate decay', () => {
  it('SGD decay schedule', () => {
    const optimizer = new OptimizerSGD({ learningRate: 1, decay: 1e-3 });
    const layer = oneWeightLayer(0, 0);
    const rates: number[] = [];
    for (let i = 0; i < 3; i++) {
      optimizer.preUpdateParams();
      rates.push(optimizer.currentLearningRate);
      optimizer.updateParams(layer);
      optimizer.postUpdateParams();
    }
    expect(rates).toEqual([1, 0.9990009990009991, 0.998003992015968]);
  });

  it('Adam rates after 10,000 updates', () => {
    const slow = new OptimizerAdam({ learningRate: 0.02, decay: 5e-7 });
    const fast = new OptimizerAdam({ learningRate: 0.05, decay: 5e-5 });
    for (let i = 0; i < 10_000; i++) {
      slow.preUpdateParams();
      slow.postUpdateParams();
      fast.preUpdateParams();
      fast.postUpdateParams();
    }
    expect(slow.currentLearningRate).toBe(0.019900507413187767);
    expect(fast.currentLearningRate).toBe(0.03333444448148271);
  });
});

describe('optimizer arguments', () => {
  it('book defaults', () => {
    expect(new OptimizerSGD().config()).toEqual({
      type: 'SGD', learningRate: 1, decay: 0, momentum: 0,
    });
    expect(new OptimizerAdagrad().config()).toEqual({
      type: 'Adagrad', learningRate: 1, decay: 0, epsilon: 1e-7,
    });
    expect(new OptimizerRMSprop().config()).toEqual({
      type: 'RMSprop', learningRate: 0.001, decay: 0, epsilon: 1e-7, rho: 0.9,
    });
    expect(new OptimizerAdam().config()).toEqual({
      type: 'Adam', learningRate: 0.001, decay: 0, epsilon: 1e-7, beta1: 0.9, beta2: 0.999,
    });
  });

  it('book names take positional and keyword arguments', () => {
    const positional = new Optimizer_Adam(0.05, 5e-7);
    const keywords = new Optimizer_Adam({ learning_rate: 0.05, decay: 5e-7, beta_2: 0.99 });
    expect(positional.learningRate).toBe(0.05);
    expect(positional.decay).toBe(5e-7);
    expect(keywords.beta2).toBe(0.99);
    expect(keywords.beta_2).toBe(0.99);
    expect(keywords.current_learning_rate).toBe(0.05);
    expect(new Optimizer_SGD(1, 1e-3, 0.9).momentum).toBe(0.9);
    expect(() => new Optimizer_Adam({ learningRate: 0.05 })).toThrow(TypeError);
  });

  const rangeCases: [string, () => unknown, RegExp][] = [
    ['zero learning rate', () => new OptimizerAdam({ learningRate: 0 }), /learningRate/],
    ['NaN learning rate', () => new OptimizerSGD({ learningRate: NaN }), /learningRate/],
    ['infinite rate', () => new OptimizerAdagrad({ learningRate: Infinity }), /learningRate/],
    ['negative decay', () => new OptimizerRMSprop({ decay: -1 }), /decay/],
    ['momentum of 1', () => new OptimizerSGD({ momentum: 1 }), /momentum must be .* < 1/],
    ['negative momentum', () => new OptimizerSGD({ momentum: -0.1 }), /momentum/],
    ['beta1 of 1', () => new OptimizerAdam({ beta1: 1 }), /beta1/],
    ['beta2 above 1', () => new OptimizerAdam({ beta2: 1.5 }), /beta2/],
    ['rho of 1', () => new OptimizerRMSprop({ rho: 1 }), /rho/],
    ['zero epsilon', () => new OptimizerAdam({ epsilon: 0 }), /epsilon/],
  ];
  for (const [name, construct, message] of rangeCases) {
    it(`rejects ${name}`, () => {
      expect(construct).toThrow(RangeError);
      expect(construct).toThrow(message);
    });
  }

  it('rejects wrong types', () => {
    const asAny = (value: unknown) => value as never;
    expect(() => new OptimizerAdam({ learningRate: asAny('0.1') })).toThrow(TypeError);
    expect(() => new OptimizerAdam(asAny(5))).toThrow(TypeError);
    expect(() => new OptimizerAdam(asAny({ learning_rate: 0.1 }))).toThrow(/unknown option/);
  });

  it('rejects a layer without gradients', () => {
    const optimizer = new OptimizerAdam();
    const layer = { ...oneWeightLayer(1, 0.5), dweights: undefined };
    expect(() => optimizer.updateParams(layer)).toThrow(RangeError);
    expect(() => optimizer.updateParams(layer)).toThrow(/dweights is not set/);
  });

  it('rejects mismatched gradients untouched', () => {
    const optimizer = new OptimizerSGD();
    const layer = { ...oneWeightLayer(1, 0.5), dbiases: Matrix.zeros(1, 2) };
    expect(() => optimizer.updateParams(layer)).toThrow(
      'OptimizerSGD.updateParams: layer.dbiases has shape [1, 2], ' +
        'expected [1, 1] like layer.biases',
    );
    expect(layer.weights.data[0]).toBe(1);
  });
});
