// A sequential model as the book's Model chapter builds it: layers added in order, a loss, an
// optimizer and an accuracy, then train / evaluate / predict over whole datasets in batches.
import { ActivationSoftmax } from '../activations/softmax.js';
import { LayerDense } from '../layers/dense.js';
import { describe, rangeError, typeError } from '../errors.js';
import type { Labels } from '../labels.js';
import { LossCategoricalCrossentropy } from '../losses/categorical-crossentropy.js';
import {
  ActivationSoftmaxLossCategoricalCrossentropy,
} from '../losses/softmax-categorical-crossentropy.js';
import { Matrix } from '../matrix.js';
import { AccuracyCategorical } from '../metrics/accuracy-categorical.js';
import { Optimizer } from '../optimizers/optimizer.js';
import type { TrainableLayer } from '../optimizers/optimizer.js';
import { checkInputs, makeBatches, rowRange } from './batches.js';
import type { BatchTargets } from './batches.js';
import { checkTrainOptions } from './callbacks.js';
import type { TrainOptions } from './callbacks.js';
import { EpochLoss } from './epoch-loss.js';
import { defaultLog, validationLine } from './log-format.js';
import { loadModel, loadParameters, saveModel, saveParameters } from './persistence.js';
import { runTraining, type TrainResult } from './train-loop.js';

/** Any layer or activation: forward sets `output`, backward sets `dinputs`. */
export interface ModelLayer {
  forward(inputs: Matrix, training?: boolean): void;
  backward(dvalues: Matrix): void;
  readonly output: Matrix | undefined;
  readonly dinputs: Matrix | undefined;
  /** Turns the output into predictions (class indices for softmax); optional. */
  predictions?(output: Matrix): unknown;
}

/** A loss: per-sample losses forward, the gradient of their mean backward. */
export interface ModelLoss {
  forward(yPred: Matrix, yTrue: BatchTargets): Float32Array;
  backward(dvalues: Matrix, yTrue: BatchTargets): void;
  readonly dinputs: Matrix | undefined;
  /** The L1/L2 penalty of one layer's parameters; losses without regularisation omit it. */
  regularizationLoss?(layer: TrainableLayer): number;
}

/** An accuracy metric that accumulates over the batches of a pass. */
export interface ModelAccuracy {
  init(y: Labels | Matrix): void;
  calculate(predictions: never, y: BatchTargets): number;
  calculateAccumulated(): number;
  newPass(): void;
}

export interface ModelSettings {
  loss?: ModelLoss;
  optimizer?: Optimizer;
  accuracy?: ModelAccuracy;
}

export interface EvaluateOptions {
  /** Samples per forward pass; default: the whole set at once. */
  batchSize?: number;
  /** Receives the `validation, acc: ..., loss: ...` line; default util.debuglog('nnfs'). */
  log?: (line: string) => void;
}

export interface SaveOptions {
  /**
   * Extra facts to store with the model, such as `{ classNames: ['cat', 'dog'] }`: a plain
   * object of JSON values. Default: the model's own `metadata`.
   */
  metadata?: ModelMetadata;
}

/** Facts stored with a saved model beyond its layers and settings; values must be JSON. */
export type ModelMetadata = Record<string, unknown>;

export interface PredictOptions {
  /** Samples per forward pass; default: the whole set at once. */
  batchSize?: number;
}

export class Model {
  readonly layers: ModelLayer[] = [];
  loss: ModelLoss | undefined;
  optimizer: Optimizer | undefined;
  accuracy: ModelAccuracy | undefined;
  /**
   * Facts saved with the model and read back by load(), such as the class names that
   * `nnfs train` stores under `classNames`. Empty unless set or loaded.
   */
  metadata: ModelMetadata = {};
  /** The layers with weights and biases, in order; set by finalize(). */
  trainableLayers: (ModelLayer & TrainableLayer)[] = [];

  // Set by finalize() when the last layer is softmax and the loss categorical cross-entropy:
  // its backward replaces the two separate ones.
  private softmaxClassifierOutput: ActivationSoftmaxLossCategoricalCrossentropy | undefined;
  private finalized = false;
  private training = false;

  /** Appends a layer; the model must be finalized again before it is used. */
  add(layer: ModelLayer): this {
    if (
      layer === null ||
      typeof layer !== 'object' ||
      typeof layer.forward !== 'function' ||
      typeof layer.backward !== 'function'
    ) {
      throw typeError(
        'Model.add',
        `layer must have forward and backward, got ${describe(layer)}`,
      );
    }
    this.layers.push(layer);
    this.finalized = false;
    return this;
  }

  /** Sets the loss, optimizer and accuracy; a key left out keeps its current value. */
  set(settings: ModelSettings): this {
    const where = 'Model.set';
    if (settings === null || typeof settings !== 'object') {
      throw typeError(where, `settings must be an object, got ${describe(settings)}`);
    }
    const { loss, optimizer, accuracy } = settings;
    if (
      loss !== undefined &&
      (typeof loss?.forward !== 'function' || typeof loss?.backward !== 'function')
    ) {
      throw typeError(
        where,
        `loss must be a loss with forward and backward, got ${describe(loss)}`,
      );
    }
    if (optimizer !== undefined && !(optimizer instanceof Optimizer)) {
      throw typeError(where, `optimizer must be an Optimizer, got ${describe(optimizer)}`);
    }
    if (accuracy !== undefined && typeof accuracy?.calculate !== 'function') {
      throw typeError(where, `accuracy must be an accuracy metric, got ${describe(accuracy)}`);
    }
    if (loss !== undefined) this.loss = loss;
    if (optimizer !== undefined) this.optimizer = optimizer;
    if (accuracy !== undefined) this.accuracy = accuracy;
    this.finalized = false;
    return this;
  }

  /** Collects the trainable layers and picks the combined softmax + cross-entropy backward. */
  finalize(): this {
    if (this.layers.length === 0) {
      throw rangeError(
        'Model.finalize',
        'the model has no layers, expected at least 1; call add()',
      );
    }
    this.trainableLayers = this.layers.filter(isTrainable);
    // The first layer's input gradient would flow into the data, which nothing reads.
    this.layers.forEach((layer, index) => {
      if (layer instanceof LayerDense) layer.computeDinputs = index > 0;
    });
    const last = this.layers[this.layers.length - 1];
    this.softmaxClassifierOutput =
      last instanceof ActivationSoftmax && this.loss instanceof LossCategoricalCrossentropy
        ? new ActivationSoftmaxLossCategoricalCrossentropy()
        : undefined;
    this.finalized = true;
    return this;
  }

  /** Runs every layer on `X` and returns the last layer's output (a buffer it reuses). */
  forward(X: Matrix, training: boolean): Matrix {
    let inputs = X;
    for (const layer of this.layers) {
      layer.forward(inputs, training);
      inputs = layer.output as Matrix;
    }
    return inputs;
  }

  /** Backpropagates the loss of `output` against `y` through every layer. */
  backward(output: Matrix, y: BatchTargets): void {
    const loss = this.requireLoss('Model.backward');
    let dvalues: Matrix;
    let next = this.layers.length - 1;
    if (this.softmaxClassifierOutput !== undefined) {
      this.softmaxClassifierOutput.backward(output, y);
      dvalues = this.softmaxClassifierOutput.dinputs as Matrix;
      next -= 1;
    } else {
      loss.backward(output, y);
      dvalues = loss.dinputs as Matrix;
    }
    for (let i = next; i >= 0; i--) {
      this.layers[i].backward(dvalues);
      dvalues = this.layers[i].dinputs as Matrix;
    }
  }

  /** Sums the loss's regularisation penalty over the trainable layers, in float32. */
  regularizationLoss(): number {
    const loss = this.loss;
    if (loss === undefined || typeof loss.regularizationLoss !== 'function') return 0;
    let total = 0;
    for (const layer of this.trainableLayers) {
      total = Math.fround(total + loss.regularizationLoss(layer));
    }
    return total;
  }

  /**
   * Trains on `X` and `y` for `options.epochs` passes and returns the last epoch's values.
   * Runs synchronously; see trainAsync to keep the event loop responsive.
   */
  train(X: Matrix, y: Labels | Matrix, options: TrainOptions = {}): TrainResult {
    const run = this.startTraining('Model.train', X, y, options);
    try {
      for (;;) {
        const next = run.next();
        if (next.done === true) return next.value;
      }
    } finally {
      run.return(undefined as never);
      this.training = false;
    }
  }

  /**
   * Trains like train() but yields to the event loop between steps (setImmediate), so timers
   * and I/O run during training. Aborting `options.signal` rejects with an AbortError; the
   * parameters keep the updates of the steps already done.
   */
  async trainAsync(
    X: Matrix,
    y: Labels | Matrix,
    options: TrainOptions = {},
  ): Promise<TrainResult> {
    const run = this.startTraining('Model.trainAsync', X, y, options);
    const signal = options.signal;
    try {
      for (;;) {
        if (signal?.aborted === true) {
          throw new DOMException('Model.trainAsync: training was aborted', 'AbortError');
        }
        const next = run.next();
        if (next.done === true) return next.value;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } finally {
      run.return(undefined as never);
      this.training = false;
    }
  }

  /** Returns the mean data loss and the accuracy of the model on `X` and `y`. */
  evaluate(
    X: Matrix,
    y: Labels | Matrix,
    options: EvaluateOptions = {},
  ): { loss: number; accuracy: number } {
    const where = 'Model.evaluate';
    const { batchSize, log } = checkPassOptions(where, options, true);
    const loss = this.requireLoss(where);
    const accuracy = this.requireAccuracy(where);
    this.requireFinalized(where);
    const batches = makeBatches(
      where, ['X', 'y'], X, y, batchSize, this.inputWidth(), this.outputWidth(),
    );

    const epochLoss = new EpochLoss();
    accuracy.newPass();
    for (const batch of batches) {
      const output = this.forward(batch.inputs, false);
      epochLoss.add(loss.forward(output, batch.targets));
      accuracy.calculate(this.predictionsFor(output) as never, batch.targets);
    }
    const result = { loss: epochLoss.mean(), accuracy: accuracy.calculateAccumulated() };
    (log ?? defaultLog)(validationLine(result.accuracy, result.loss));
    return result;
  }

  /**
   * Returns the model's output for every row of `X` in a new matrix. A single sample may be
   * given as a number[]; number[][] is converted to a Matrix.
   */
  predict(
    X: Matrix | readonly number[] | readonly (readonly number[])[],
    options: PredictOptions = {},
  ): Matrix {
    const where = 'Model.predict';
    const { batchSize } = checkPassOptions(where, options, false);
    this.requireFinalized(where);
    const inputs = checkInputs(
      where, 'X', Array.isArray(X) ? Matrix.from(X as number[][]) : X, this.inputWidth(),
    );

    const size = batchSize ?? inputs.rows;
    let result: Matrix | undefined;
    for (let start = 0; start < inputs.rows; start += size) {
      const end = Math.min(start + size, inputs.rows);
      const output = this.forward(rowRange(inputs, start, end), false);
      result ??= new Matrix(inputs.rows, output.cols);
      result.data.set(output.data, start * output.cols);
    }
    return result as Matrix;
  }

  /**
   * Writes the model (parameters, architecture, settings and metadata) to a safetensors file.
   * `options.metadata` replaces the model's `metadata` in the file.
   */
  save(path: string, options: SaveOptions = {}): void {
    saveModel(this, path, options);
  }

  /** Reads a model written by save(), with its metadata; it comes back finalized. */
  static load(path: string): Model {
    return loadModel(path);
  }

  /** Writes only the parameters (with the architecture, to check on load). */
  saveParameters(path: string): void {
    saveParameters(this, path);
  }

  /** Copies parameters written by saveParameters() or save() into this model. */
  loadParameters(path: string): void {
    loadParameters(this, path);
  }

  /** Returns what the accuracy compares: the raw output, or the last layer's predictions(). */
  predictionsFor(output: Matrix): unknown {
    if (this.accuracy instanceof AccuracyCategorical) return output;
    const last = this.layers[this.layers.length - 1];
    return typeof last?.predictions === 'function' ? last.predictions(output) : output;
  }

  /** Returns the column count of the first trainable layer's inputs, if the model has one. */
  inputWidth(): number | undefined {
    const first = this.layers[0];
    return first !== undefined && isTrainable(first) ? first.weights.rows : undefined;
  }

  /** Returns the model's output width: the last trainable layer's neuron count. */
  outputWidth(): number | undefined {
    const last = this.trainableLayers[this.trainableLayers.length - 1];
    return last?.weights.cols;
  }

  requireLoss(where: string): ModelLoss {
    if (this.loss === undefined) {
      throw new Error(`${where}: the model has no loss; call model.set({ loss, ... }) first`);
    }
    return this.loss;
  }

  requireAccuracy(where: string): ModelAccuracy {
    if (this.accuracy === undefined) {
      throw new Error(`${where}: the model has no accuracy; call model.set({ accuracy }) first`);
    }
    return this.accuracy;
  }

  requireFinalized(where: string): void {
    if (!this.finalized) {
      throw new Error(`${where}: the model is not finalized; call model.finalize() after add()`);
    }
  }

  private startTraining(
    where: string,
    X: Matrix,
    y: Labels | Matrix,
    options: TrainOptions,
  ): ReturnType<typeof runTraining> {
    if (this.training) {
      throw new Error(`${where}: the model is already training; wait for that run to finish`);
    }
    const checked = checkTrainOptions(where, options);
    this.requireFinalized(where);
    this.requireLoss(where);
    this.requireAccuracy(where);
    if (this.optimizer === undefined) {
      throw new Error(`${where}: the model has no optimizer; call model.set({ optimizer }) first`);
    }
    const batches = makeBatches(
      where, ['X', 'y'], X, y, checked.batchSize, this.inputWidth(), this.outputWidth(),
    );
    if (checked.validationData !== undefined) {
      const [validationX, validationY] = checked.validationData;
      makeBatches(
        where,
        ['validationData[0]', 'validationData[1]'],
        validationX,
        validationY,
        checked.batchSize,
        this.inputWidth(),
        this.outputWidth(),
      );
    }
    const run = runTraining(this, where, batches, y, checked);
    this.training = true;
    return run;
  }
}

function isTrainable(layer: ModelLayer): layer is ModelLayer & TrainableLayer {
  const candidate = layer as Partial<TrainableLayer>;
  return candidate.weights instanceof Matrix && candidate.biases instanceof Matrix;
}

function checkPassOptions(
  where: string,
  options: unknown,
  allowLog: boolean,
): { batchSize: number | undefined; log: ((line: string) => void) | undefined } {
  if (options === null || typeof options !== 'object') {
    throw typeError(where, `options must be an object, got ${describe(options)}`);
  }
  const { batchSize, log } = options as EvaluateOptions;
  for (const key of Object.keys(options)) {
    if (key !== 'batchSize' && !(allowLog && key === 'log')) {
      throw typeError(where, `unknown option ${JSON.stringify(key)}`);
    }
  }
  if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1)) {
    const error = typeof batchSize === 'number' ? rangeError : typeError;
    throw error(where, `batchSize must be an integer >= 1, got ${describe(batchSize)}`);
  }
  if (log !== undefined && typeof log !== 'function') {
    throw typeError(where, `log must be a function, got ${describe(log)}`);
  }
  return { batchSize, log };
}
