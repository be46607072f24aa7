// The part every optimizer shares: learning-rate decay, the iteration count, argument checks
// and the per-layer state arrays (momentums, caches), allocated as zeros on a layer's first
// update and kept until reset().
import { describe, rangeError, typeError, checkNumber } from '../errors.js';
import { Matrix } from '../matrix.js';

/** A layer the optimizers can update: a dense layer after its backward pass. */
export interface TrainableLayer {
  readonly weights: Matrix;
  readonly biases: Matrix;
  readonly dweights: Matrix | null | undefined;
  readonly dbiases: Matrix | null | undefined;
}

/** The settings that recreate an optimizer; Model.save stores them in the file's metadata. */
export interface OptimizerConfig {
  readonly type: 'SGD' | 'Adagrad' | 'RMSprop' | 'Adam';
  readonly [setting: string]: number | string;
}

/** The state arrays of one layer, one list per parameter in the order of `stateNames`. */
export interface LayerState {
  readonly weights: Float32Array[];
  readonly biases: Float32Array[];
}

export abstract class Optimizer {
  readonly learningRate: number;
  readonly decay: number;
  /** The learning rate of the next update: learningRate / (1 + decay * iterations). */
  currentLearningRate: number;
  /** Updates completed so far; postUpdateParams() adds one per batch, not per layer. */
  iterations = 0;

  /** Names of the state arrays kept per parameter, e.g. ['Momentums', 'Cache'] for Adam. */
  protected abstract readonly stateNames: readonly string[];
  private states = new WeakMap<TrainableLayer, LayerState>();
  // Built once: a template string per call made every update allocate.
  private readonly updateWhere = `${this.constructor.name}.updateParams`;

  protected constructor(where: string, learningRate: number, decay: number) {
    this.learningRate = checkNumber(where, 'learningRate', learningRate, 0, Infinity, true);
    this.decay = checkNumber(where, 'decay', decay, 0);
    this.currentLearningRate = this.learningRate;
  }

  /** Applies learning-rate decay; call once before the updates of a batch. */
  preUpdateParams(): void {
    // Evaluated in float64 in the book's order, so the rates print the same digits as Python.
    if (this.decay !== 0) {
      this.currentLearningRate = this.learningRate * (1 / (1 + this.decay * this.iterations));
    }
  }

  /**
   * Updates `layer.weights` and `layer.biases` in place from `dweights` and `dbiases`. Both
   * gradients are checked before either parameter changes.
   */
  updateParams(layer: TrainableLayer): void {
    const where = this.updateWhere;
    checkParameter(where, layer, 'weights', 'dweights');
    checkParameter(where, layer, 'biases', 'dbiases');

    this.stepLayer(layer, this.stateOf(layer));
  }

  /** Counts the finished update; call once after the updates of a batch. */
  postUpdateParams(): void {
    this.iterations += 1;
  }

  /**
   * Returns the state arrays of `layer` named as the book names them (`weightMomentums`,
   * `biasCache`, ...), or undefined before the layer's first update. The arrays are live.
   */
  getState(layer: TrainableLayer): Readonly<Record<string, Float32Array>> | undefined {
    const state = this.states.get(layer);
    if (state === undefined) return undefined;
    const named: Record<string, Float32Array> = {};
    this.stateNames.forEach((name, index) => {
      named[`weight${name}`] = state.weights[index];
      named[`bias${name}`] = state.biases[index];
    });
    return named;
  }

  /** Drops every layer's state and restarts the count, as if the optimizer were new. */
  reset(): void {
    this.states = new WeakMap();
    this.iterations = 0;
    this.currentLearningRate = this.learningRate;
  }

  /** Releases the state arrays. It does the same as reset(). */
  dispose(): void {
    this.reset();
  }

  /** The settings that recreate this optimizer with `optimizerFromConfig`. */
  abstract config(): OptimizerConfig;

  /** Updates one parameter array and its state arrays (listed in `stateNames` order). */
  protected abstract step(params: Float32Array, grads: Float32Array, state: Float32Array[]): void;

  /**
   * Updates the weights, then the biases, of a layer whose gradients are checked. An optimizer
   * with a kernel for both arrays overrides this to make one call instead of two.
   */
  protected stepLayer(layer: TrainableLayer, state: LayerState): void {
    this.step(layer.weights.data, (layer.dweights as Matrix).data, state.weights);
    this.step(layer.biases.data, (layer.dbiases as Matrix).data, state.biases);
  }

  private stateOf(layer: TrainableLayer): LayerState {
    const existing = this.states.get(layer);
    const weightCount = layer.weights.data.length;
    const biasCount = layer.biases.data.length;
    // A layer whose parameters were replaced by ones of another size starts from zero state.
    if (
      existing !== undefined &&
      (this.stateNames.length === 0 ||
        (existing.weights[0].length === weightCount && existing.biases[0].length === biasCount))
    ) {
      return existing;
    }
    const state: LayerState = {
      weights: this.stateNames.map(() => new Float32Array(weightCount)),
      biases: this.stateNames.map(() => new Float32Array(biasCount)),
    };
    this.states.set(layer, state);
    return state;
  }
}

function checkParameter(
  where: string,
  layer: TrainableLayer,
  name: 'weights' | 'biases',
  gradientName: 'dweights' | 'dbiases',
): void {
  if (layer === null || typeof layer !== 'object') {
    throw typeError(where, `layer must be a layer with weights and biases, got ${describe(layer)}`);
  }
  const parameter = layer[name];
  const gradient = layer[gradientName];
  if (!(parameter instanceof Matrix)) {
    throw typeError(where, `layer.${name} must be a Matrix, got ${describe(parameter)}`);
  }
  if (gradient === null || gradient === undefined) {
    throw rangeError(where, `layer.${gradientName} is not set; run the layer's backward first`);
  }
  if (!(gradient instanceof Matrix)) {
    throw typeError(where, `layer.${gradientName} must be a Matrix, got ${describe(gradient)}`);
  }
  if (gradient.rows !== parameter.rows || gradient.cols !== parameter.cols) {
    throw rangeError(
      where,
      `layer.${gradientName} has shape [${gradient.shape.join(', ')}], ` +
        `expected [${parameter.shape.join(', ')}] ` +
        `like layer.${name}`,
    );
  }
}

/** Throws unless `value` is in [0, 1): momentum and the decay rates of the moving averages. */
export function checkUnitInterval(where: string, name: string, value: unknown): number {
  const checked = checkNumber(where, name, value, 0, 1);
  if (checked >= 1) {
    throw rangeError(where, `${name} must be a finite number >= 0 and < 1, got ${checked}`);
  }
  return checked;
}

/** Throws unless `options` is undefined or a plain object whose keys are all in `allowed`. */
export function checkOptions(where: string, options: unknown, allowed: readonly string[]): void {
  if (options === undefined) return;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw typeError(where, `options must be an object, got ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      throw typeError(
        where,
        `unknown option ${JSON.stringify(key)}, expected one of ${allowed.join(', ')}`,
      );
    }
  }
}
