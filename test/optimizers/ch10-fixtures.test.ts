// Chapter 10's model trained full batch with each optimizer, against the Python reference run
// in the crexp variant (correctly rounded exp and log) with reference-precision products.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeBackends } from '../helpers/backends.js';
import { init } from '../../lib/init.js';
import { spiralData } from '../../lib/datasets/spiral.js';
import { LayerDense } from '../../lib/layers/dense.js';
import { ActivationReLU } from '../../lib/activations/relu.js';
import {
  ActivationSoftmaxLossCategoricalCrossentropy,
} from '../../lib/losses/softmax-categorical-crossentropy.js';
import type { Matrix } from '../../lib/matrix.js';
import { formatPythonFloat } from '../../lib/model/log-format.js';
import {
  OptimizerAdagrad,
  OptimizerAdam,
  OptimizerRMSprop,
  OptimizerSGD,
} from '../../lib/optimizers/index.js';
import type { Optimizer } from '../../lib/optimizers/index.js';

interface FixtureArray {
  dtype: string;
  shape: number[];
  data: number[] | number[][];
}
type Params = Record<'dense1.weights' | 'dense1.biases' | 'dense2.weights' | 'dense2.biases',
  FixtureArray>;
interface Snapshot {
  updates_applied: number;
  params: Params;
}

const fixtureUrl = (name: string) => new URL(`../fixtures/${name}`, import.meta.url);
const optimizerRuns: { label: string; snapshots: Snapshot[] }[] = JSON.parse(
  readFileSync(fixtureUrl('ch10_optimizers.json'), 'utf8'),
).variant_crexp.runs;
const firstUpdates = JSON.parse(readFileSync(fixtureUrl('ch10_first_updates.json'), 'utf8'))
  .crexp as { snapshots: (Snapshot & { last_update?: { lr: { value: number } } })[] };

function float32Values(array: FixtureArray): Float32Array {
  return Float32Array.from((array.data as number[][]).flat(), Math.fround);
}

/** Builds the chapter 10 network on spiral data, stepped one full-batch update at a time. */
function chapter10(optimizer: Optimizer) {
  init({ precision: 'reference' });
  const { X, y } = spiralData(100, 3);
  const dense1 = new LayerDense(2, 64);
  const relu = new ActivationReLU();
  const dense2 = new LayerDense(64, 3);
  const head = new ActivationSoftmaxLossCategoricalCrossentropy();

  const update = () => {
    dense1.forward(X);
    relu.forward(dense1.output as Matrix);
    dense2.forward(relu.output as Matrix);
    head.forward(dense2.output as Matrix, y);
    head.backward(head.output as Matrix, y);
    dense2.backward(head.dinputs as Matrix);
    relu.backward(dense2.dinputs as Matrix);
    dense1.backward(relu.dinputs as Matrix);
    optimizer.preUpdateParams();
    optimizer.updateParams(dense1);
    optimizer.updateParams(dense2);
    optimizer.postUpdateParams();
  };
  const params = (): Record<keyof Params, Float32Array> => ({
    'dense1.weights': dense1.weights.data,
    'dense1.biases': dense1.biases.data,
    'dense2.weights': dense2.weights.data,
    'dense2.biases': dense2.biases.data,
  });
  return { update, params };
}

/** Returns the largest absolute difference between our parameters and a snapshot's. */
function maxDifference(actual: Record<keyof Params, Float32Array>, expected: Params): number {
  let max = 0;
  for (const name of Object.keys(expected) as (keyof Params)[]) {
    const want = float32Values(expected[name]);
    expect(actual[name].length).toBe(want.length);
    for (let i = 0; i < want.length; i++) {
      max = Math.max(max, Math.abs(actual[name][i] - want[i]));
    }
  }
  return max;
}

/**
 * SGD is well conditioned: the two variants of the reference differ by 4e-8 after 10 steps.
 * The adaptive optimizers turn rounding noise in gradients below epsilon into steps of up to
 * the learning rate, so after 10 updates the backends only agree within a loose bound.
 */
function tolerance(label: string, updates: number): number {
  if (label.startsWith('SGD')) return 1e-7;
  return updates <= 2 ? 1e-6 : 1e-4;
}

const optimizers: Record<string, () => Optimizer> = {
  SGD: () => new OptimizerSGD(),
  'SGD_decay1e-3_momentum0.9': () => new OptimizerSGD({ decay: 1e-3, momentum: 0.9 }),
  'Adagrad_decay1e-4': () => new OptimizerAdagrad({ decay: 1e-4 }),
  'RMSprop_lr0.02_decay1e-5_rho0.999': () =>
    new OptimizerRMSprop({ learningRate: 0.02, decay: 1e-5, rho: 0.999 }),
  'Adam_lr0.05_decay5e-7': () => new OptimizerAdam({ learningRate: 0.05, decay: 5e-7 }),
};

describeBackends('chapter 10 optimizers', () => {
  for (const run of optimizerRuns) {
    it(`${run.label} matches after 1, 2 and 10 updates`, () => {
      const make = optimizers[run.label];
      expect(make).toBeDefined();
      const model = chapter10(make());
      let done = 0;
      for (const snapshot of run.snapshots) {
        while (done < snapshot.updates_applied) {
          model.update();
          done++;
        }
        expect(maxDifference(model.params(), snapshot.params)).toBeLessThanOrEqual(
          tolerance(run.label, done),
        );
      }
    });
  }

  it('Adam first updates and learning rate', () => {
    const optimizer = new OptimizerAdam({ learningRate: 0.05, decay: 5e-7 });
    const model = chapter10(optimizer);
    let done = 0;
    for (const snapshot of firstUpdates.snapshots) {
      while (done < snapshot.updates_applied) {
        model.update();
        done++;
      }
      if (snapshot.last_update !== undefined) {
        expect(optimizer.currentLearningRate).toBe(snapshot.last_update.lr.value);
      }
      expect(maxDifference(model.params(), snapshot.params)).toBeLessThanOrEqual(
        done <= 2 ? 1e-6 : 1e-4,
      );
    }
  });

  it('Adam rate after 100 epochs prints like Python', () => {
    const optimizer = new OptimizerAdam({ learningRate: 0.05, decay: 5e-7 });
    for (let epoch = 0; epoch < 100; epoch++) {
      optimizer.preUpdateParams();
      optimizer.postUpdateParams();
    }
    expect(formatPythonFloat(optimizer.currentLearningRate)).toBe('0.04999752512250644');
  });
});
