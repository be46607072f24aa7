// The options of Model.train and Model.trainAsync, the record their callbacks receive, and
// the one check of those options that runs before training starts.
import { checkInteger, describe, rangeError, typeError } from '../errors.js';
import type { Labels } from '../labels.js';
import { Matrix } from '../matrix.js';

/** The record onStep and onEpoch receive: the values of one step, or of one epoch. */
export interface TrainingProgress {
  /** 1-based epoch, as the Model chapter prints it. */
  epoch: number;
  /** 0-based step within the epoch; for onEpoch, the epoch's last step. */
  step: number;
  loss: number;
  dataLoss: number;
  regularizationLoss: number;
  accuracy: number;
  /** The learning rate this step's update used (for onEpoch, the last update's). */
  learningRate: number;
}

/**
 * The book's progress-line format that `log` receives. `epoch` is the line of the full-batch
 * chapters 10 to 13 (`epoch: 100, acc: ..., loss: ..., lr: ...`, 0-based epochs);
 * `epoch-regularization` adds `(data_loss: ..., reg_loss: ...)` as chapters 14 to 17 print it;
 * `model` is the Model chapter's `epoch: 1`, `step: ...`, `training, ...` and `validation, ...`.
 */
export type LogFormat = 'epoch' | 'epoch-regularization' | 'model';

export interface TrainOptions {
  /** Passes over the training data; default 1. */
  epochs?: number;
  /** Samples per step; the last batch of an epoch keeps the remainder. Default: the whole set. */
  batchSize?: number;
  /** Log every this many steps (`model` format) or epochs (`epoch` formats); default 1. */
  printEvery?: number;
  /** Inputs and targets to evaluate after training. */
  validationData?: readonly [Matrix, Labels];
  /** Evaluate the validation data after every epoch instead of once after the last. */
  validateEachEpoch?: boolean;
  /** Called after every step's update. */
  onStep?: (progress: TrainingProgress) => void;
  /** Called after every epoch with the epoch's accumulated loss and accuracy. */
  onEpoch?: (progress: TrainingProgress) => void;
  /**
   * Receives each progress line. Default: `util.debuglog('nnfs')`, which prints only when
   * NODE_DEBUG=nnfs is set, because a library does not write to stdout on its own.
   */
  log?: (line: string) => void;
  /** Default: `epoch` for full-batch training, `model` when batchSize is set. */
  logFormat?: LogFormat;
  /** trainAsync only: aborting it rejects the promise with an AbortError between steps. */
  signal?: AbortSignal;
}

/** TrainOptions after checking, with defaults filled in. */
export interface CheckedTrainOptions {
  epochs: number;
  batchSize: number | undefined;
  printEvery: number;
  validationData: readonly [Matrix, Labels] | undefined;
  validateEachEpoch: boolean;
  onStep: ((progress: TrainingProgress) => void) | undefined;
  onEpoch: ((progress: TrainingProgress) => void) | undefined;
  log: ((line: string) => void) | undefined;
  logFormat: LogFormat;
  signal: AbortSignal | undefined;
}

const KNOWN = [
  'epochs', 'batchSize', 'printEvery', 'validationData', 'validateEachEpoch', 'onStep', 'onEpoch',
  'log', 'logFormat', 'signal',
];
const LOG_FORMATS: readonly LogFormat[] = ['epoch', 'epoch-regularization', 'model'];

/** Checks every option of train() and fills in the defaults. */
export function checkTrainOptions(where: string, options: unknown): CheckedTrainOptions {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw typeError(where, `options must be an object, got ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN.includes(key)) {
      throw typeError(where, `unknown option ${JSON.stringify(key)}, expected one of ${KNOWN}`);
    }
  }
  const given = options as TrainOptions;
  const epochs = checkInteger(where, 'epochs', given.epochs ?? 1, 1);
  const batchSize =
    given.batchSize === undefined
      ? undefined
      : checkInteger(where, 'batchSize', given.batchSize, 1);
  const printEvery = checkInteger(where, 'printEvery', given.printEvery ?? 1, 1);

  const validationData = given.validationData;
  if (
    validationData !== undefined &&
    (!Array.isArray(validationData) || validationData.length !== 2)
  ) {
    throw typeError(
      where,
      `validationData must be [X, y], got ${describe(validationData)}`,
    );
  }
  const validateEachEpoch = given.validateEachEpoch ?? false;
  if (typeof validateEachEpoch !== 'boolean') {
    throw typeError(
      where,
      `validateEachEpoch must be a boolean, got ${describe(validateEachEpoch)}`,
    );
  }

  for (const name of ['onStep', 'onEpoch', 'log'] as const) {
    const callback = given[name];
    if (callback !== undefined && typeof callback !== 'function') {
      throw typeError(where, `${name} must be a function, got ${describe(callback)}`);
    }
  }

  const logFormat = given.logFormat ?? (batchSize === undefined ? 'epoch' : 'model');
  if (!LOG_FORMATS.includes(logFormat)) {
    throw rangeError(
      where,
      `logFormat must be one of ${LOG_FORMATS.join(', ')}, got ${describe(logFormat)}`,
    );
  }
  const signal = given.signal;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw typeError(where, `signal must be an AbortSignal, got ${describe(signal)}`);
  }

  return {
    epochs,
    batchSize,
    printEvery,
    validationData,
    validateEachEpoch,
    onStep: given.onStep,
    onEpoch: given.onEpoch,
    log: given.log,
    logFormat,
    signal,
  };
}
