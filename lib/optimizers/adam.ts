// Adam: momentum plus an RMSprop cache, both bias-corrected for the first updates.
import { kernels } from '../backend/select.js';
import type { AdamScalars } from '../backend/kernels.js';
import { checkNumber } from '../errors.js';
import { Optimizer, checkOptions, checkUnitInterval } from './optimizer.js';
import type { LayerState, OptimizerConfig, TrainableLayer } from './optimizer.js';
import type { Matrix } from '../matrix.js';

export interface AdamOptions {
  /** Step size; the book's default is 0.001. */
  learningRate?: number;
  /** Learning-rate decay per update: lr / (1 + decay * iterations). */
  decay?: number;
  /** Added to the root of the corrected cache so the step stays finite; must be > 0. */
  epsilon?: number;
  /** Decay rate of the first-moment (momentum) average, in [0, 1). */
  beta1?: number;
  /** Decay rate of the second-moment (cache) average, in [0, 1). */
  beta2?: number;
}

const OPTIONS = ['learningRate', 'decay', 'epsilon', 'beta1', 'beta2'] as const;

export class OptimizerAdam extends Optimizer {
  readonly epsilon: number;
  readonly beta1: number;
  readonly beta2: number;
  protected readonly stateNames: readonly string[] = ['Momentums', 'Cache'];
  // Reused by every kernel call so an update allocates nothing.
  private readonly scalars: AdamScalars;

  constructor(options: AdamOptions = {}) {
    checkOptions('OptimizerAdam', options, OPTIONS);
    const { learningRate = 0.001, decay = 0, epsilon = 1e-7, beta1 = 0.9, beta2 = 0.999 } =
      options;
    super('OptimizerAdam', learningRate, decay);
    this.epsilon = checkNumber('OptimizerAdam', 'epsilon', epsilon, 0, Infinity, true);
    this.beta1 = checkUnitInterval('OptimizerAdam', 'beta1', beta1);
    this.beta2 = checkUnitInterval('OptimizerAdam', 'beta2', beta2);
    this.scalars = {
      learningRate: this.learningRate,
      beta1: this.beta1,
      oneMinusBeta1: 1 - this.beta1,
      beta2: this.beta2,
      oneMinusBeta2: 1 - this.beta2,
      correction1: 1,
      correction2: 1,
      epsilon: this.epsilon,
    };
  }

  config(): OptimizerConfig {
    return {
      type: 'Adam',
      learningRate: this.learningRate,
      decay: this.decay,
      epsilon: this.epsilon,
      beta1: this.beta1,
      beta2: this.beta2,
    };
  }

  protected step(params: Float32Array, grads: Float32Array, state: Float32Array[]): void {
    kernels().adamUpdate(params, grads, state[0], state[1], this.currentScalars());
  }

  protected override stepLayer(layer: TrainableLayer, state: LayerState): void {
    kernels().adamUpdateLayer(
      layer.weights.data,
      (layer.dweights as Matrix).data,
      state.weights[0],
      state.weights[1],
      layer.biases.data,
      (layer.dbiases as Matrix).data,
      state.biases[0],
      state.biases[1],
      this.currentScalars(),
    );
  }

  /** Returns the scalars of this update, in the object every kernel call reuses. */
  private currentScalars(): AdamScalars {
    // The bias corrections are Python floats in the book: float64 until they meet the
    // float32 arrays inside the kernel. `iterations` counts batches, so every layer of one
    // batch gets the same correction.
    const scalars = this.scalars;
    scalars.learningRate = this.currentLearningRate;
    scalars.correction1 = 1 - this.beta1 ** (this.iterations + 1);
    scalars.correction2 = 1 - this.beta2 ** (this.iterations + 1);
    return scalars;
  }
}
