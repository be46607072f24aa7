// AdaGrad: a per-parameter rate scaled by the root of the summed squared gradients.
import { kernels } from '../backend/select.js';
import { checkNumber } from '../errors.js';
import { Optimizer, checkOptions } from './optimizer.js';
import type { OptimizerConfig } from './optimizer.js';

export interface AdagradOptions {
  /** Step size; the book's default is 1. */
  learningRate?: number;
  /** Learning-rate decay per update: lr / (1 + decay * iterations). */
  decay?: number;
  /** Added to the root of the cache so the step stays finite; must be > 0. */
  epsilon?: number;
}

const OPTIONS = ['learningRate', 'decay', 'epsilon'] as const;

export class OptimizerAdagrad extends Optimizer {
  readonly epsilon: number;
  protected readonly stateNames: readonly string[] = ['Cache'];

  constructor(options: AdagradOptions = {}) {
    checkOptions('OptimizerAdagrad', options, OPTIONS);
    const { learningRate = 1, decay = 0, epsilon = 1e-7 } = options;
    super('OptimizerAdagrad', learningRate, decay);
    this.epsilon = checkNumber('OptimizerAdagrad', 'epsilon', epsilon, 0, Infinity, true);
  }

  config(): OptimizerConfig {
    return {
      type: 'Adagrad',
      learningRate: this.learningRate,
      decay: this.decay,
      epsilon: this.epsilon,
    };
  }

  protected step(params: Float32Array, grads: Float32Array, state: Float32Array[]): void {
    kernels().adagradUpdate(params, grads, state[0], this.currentLearningRate, this.epsilon);
  }
}
