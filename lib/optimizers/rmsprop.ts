// RMSprop: AdaGrad with an exponential moving average of the squared gradients.
import { kernels } from '../backend/select.js';
import { checkNumber } from '../errors.js';
import { Optimizer, checkOptions, checkUnitInterval } from './optimizer.js';
import type { OptimizerConfig } from './optimizer.js';

export interface RMSpropOptions {
  /** Step size; the book's default is 0.001. */
  learningRate?: number;
  /** Learning-rate decay per update: lr / (1 + decay * iterations). */
  decay?: number;
  /** Added to the root of the cache so the step stays finite; must be > 0. */
  epsilon?: number;
  /** Weight of the old cache in the moving average, in [0, 1). */
  rho?: number;
}

const OPTIONS = ['learningRate', 'decay', 'epsilon', 'rho'] as const;

export class OptimizerRMSprop extends Optimizer {
  readonly epsilon: number;
  readonly rho: number;
  protected readonly stateNames: readonly string[] = ['Cache'];

  constructor(options: RMSpropOptions = {}) {
    checkOptions('OptimizerRMSprop', options, OPTIONS);
    const { learningRate = 0.001, decay = 0, epsilon = 1e-7, rho = 0.9 } = options;
    super('OptimizerRMSprop', learningRate, decay);
    this.epsilon = checkNumber('OptimizerRMSprop', 'epsilon', epsilon, 0, Infinity, true);
    this.rho = checkUnitInterval('OptimizerRMSprop', 'rho', rho);
  }

  config(): OptimizerConfig {
    return {
      type: 'RMSprop',
      learningRate: this.learningRate,
      decay: this.decay,
      epsilon: this.epsilon,
      rho: this.rho,
    };
  }

  protected step(params: Float32Array, grads: Float32Array, state: Float32Array[]): void {
    // 1 - rho is a Python float in the book: computed in float64, rounded to float32 only
    // when it meets the float32 array.
    kernels().rmspropUpdate(
      params,
      grads,
      state[0],
      this.currentLearningRate,
      this.rho,
      1 - this.rho,
      this.epsilon,
    );
  }
}
