// Stochastic gradient descent with optional momentum: the book's Optimizer_SGD.
import { kernels } from '../backend/select.js';
import { Optimizer, checkOptions, checkUnitInterval } from './optimizer.js';
import type { OptimizerConfig } from './optimizer.js';

export interface SGDOptions {
  /** Step size; the book's default is 1. */
  learningRate?: number;
  /** Learning-rate decay per update: lr / (1 + decay * iterations). */
  decay?: number;
  /** Fraction of the previous update kept, in [0, 1); 0 turns momentum off. */
  momentum?: number;
}

const OPTIONS = ['learningRate', 'decay', 'momentum'] as const;

export class OptimizerSGD extends Optimizer {
  readonly momentum: number;
  protected readonly stateNames: readonly string[];

  constructor(options: SGDOptions = {}) {
    checkOptions('OptimizerSGD', options, OPTIONS);
    const { learningRate = 1, decay = 0, momentum = 0 } = options;
    super('OptimizerSGD', learningRate, decay);
    this.momentum = checkUnitInterval('OptimizerSGD', 'momentum', momentum);
    // The book keeps momentums only when momentum is non-zero; plain SGD has no state.
    this.stateNames = this.momentum !== 0 ? ['Momentums'] : [];
  }

  config(): OptimizerConfig {
    return {
      type: 'SGD',
      learningRate: this.learningRate,
      decay: this.decay,
      momentum: this.momentum,
    };
  }

  protected step(params: Float32Array, grads: Float32Array, state: Float32Array[]): void {
    const momentums = this.momentum !== 0 ? state[0] : null;
    kernels().sgdUpdate(params, grads, momentums, this.currentLearningRate, this.momentum);
  }
}
