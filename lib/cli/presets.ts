// Training defaults that reproduce the book's runs, per kind of dataset and optimizer.
import { UsageError } from './usage-error.js';

export type OptimizerName = 'sgd' | 'adagrad' | 'rmsprop' | 'adam';
export const OPTIMIZERS: readonly OptimizerName[] = ['sgd', 'adagrad', 'rmsprop', 'adam'];

/**
 * The kind of output a network learns: `classification` (softmax and categorical
 * cross-entropy), `binary` (one sigmoid unit and binary cross-entropy, the book's chapter 16)
 * or `regression` (a linear output and mean squared error, chapter 17).
 */
export type Task = 'classification' | 'binary' | 'regression';
export const TASKS: readonly Task[] = ['classification', 'binary', 'regression'];

/** A dataset named on the command line: generated 2-D points, the sine, or 28x28 images. */
export type DatasetSpec =
  | { kind: 'spiral' | 'vertical'; name: string }
  | { kind: 'sine'; name: string }
  | { kind: 'fashion-mnist'; name: string }
  | { kind: 'idx'; name: string; directory: string };

/** Parses `--dataset`: spiral, vertical, sine, fashion-mnist or idx:DIR. */
export function parseDataset(text: string): DatasetSpec {
  if (text === 'spiral' || text === 'vertical') return { kind: text, name: text };
  if (text === 'sine') return { kind: text, name: text };
  if (text === 'fashion-mnist') return { kind: text, name: text };
  if (text.startsWith('idx:')) {
    const directory = text.slice(4);
    if (directory === '') {
      throw new UsageError('--dataset idx:DIR needs a directory after "idx:", got "idx:"');
    }
    return { kind: 'idx', name: 'idx', directory };
  }
  throw new UsageError(
    `--dataset must be spiral, vertical, sine, fashion-mnist or idx:DIR, got "${text}"`,
  );
}

/** Reports whether the dataset is generated 2-D classification data (spiral or vertical). */
export function isTwoDimensional(dataset: DatasetSpec): boolean {
  return dataset.kind === 'spiral' || dataset.kind === 'vertical';
}

/** Reports whether the dataset is generated from the global generator or a formula. */
export function isGenerated(dataset: DatasetSpec): boolean {
  return isTwoDimensional(dataset) || dataset.kind === 'sine';
}

/** Returns the task a dataset trains when --task is not given. */
export function defaultTask(dataset: DatasetSpec): Task {
  return dataset.kind === 'sine' ? 'regression' : 'classification';
}

/**
 * Checks that `task` can learn from `dataset`: regression needs the sine's real-valued targets,
 * and classification and binary need class labels. Binary needs exactly 2 classes.
 */
export function checkTaskDataset(task: Task, dataset: DatasetSpec, classes: number): void {
  if (task === 'regression' && dataset.kind !== 'sine') {
    throw new UsageError(
      `--task regression needs --dataset sine, got --dataset ${dataset.name}`,
    );
  }
  if (task !== 'regression' && dataset.kind === 'sine') {
    throw new UsageError(`--dataset sine needs --task regression, got --task ${task}`);
  }
  if (task === 'binary' && !isTwoDimensional(dataset)) {
    throw new UsageError(
      `--task binary needs a generated 2-class dataset (spiral or vertical), got --dataset ` +
        dataset.name,
    );
  }
  if (task === 'binary' && classes !== 2) {
    throw new UsageError(`--task binary needs --classes 2, got --classes ${classes}`);
  }
}

export interface OptimizerSettings {
  learningRate: number;
  decay: number;
  /** SGD only. */
  momentum?: number;
  /** RMSprop only. */
  rho?: number;
}

/**
 * Returns the optimizer settings of the book's runs. For the 2-D datasets these are the
 * final runs of the optimizers chapter on spiral data: SGD(decay 1e-3, momentum 0.9),
 * AdaGrad(decay 1e-4), RMSprop(learning rate 0.02, decay 1e-5, rho 0.999) and Adam(learning
 * rate 0.05, decay 5e-7). For images it is the Fashion-MNIST chapter's Adam(decay 1e-3); the
 * other optimizers get their usual default learning rate with that decay. The binary chapter
 * uses Adam(decay 5e-7) and the regression chapter Adam(learning rate 0.005, decay 1e-3). The
 * book trains those tasks with Adam only, so their other optimizers keep the 2-D settings.
 */
export function optimizerDefaults(
  name: OptimizerName,
  twoDimensional: boolean,
  task: Task = 'classification',
): OptimizerSettings {
  if (name === 'adam' && task === 'binary') return { learningRate: 0.001, decay: 5e-7 };
  if (name === 'adam' && task === 'regression') return { learningRate: 0.005, decay: 1e-3 };
  if (twoDimensional || task !== 'classification') {
    switch (name) {
      case 'sgd':
        return { learningRate: 1, decay: 1e-3, momentum: 0.9 };
      case 'adagrad':
        return { learningRate: 1, decay: 1e-4 };
      case 'rmsprop':
        return { learningRate: 0.02, decay: 1e-5, rho: 0.999 };
      case 'adam':
        return { learningRate: 0.05, decay: 5e-7 };
    }
  }
  switch (name) {
    case 'sgd':
      return { learningRate: 1, decay: 1e-3 };
    case 'adagrad':
      return { learningRate: 1, decay: 1e-3 };
    case 'rmsprop':
      return { learningRate: 0.001, decay: 1e-3 };
    case 'adam':
      return { learningRate: 0.001, decay: 1e-3 };
  }
}

export interface ShapeDefaults {
  epochs: number;
  /** Undefined means one full batch per epoch. */
  batchSize: number | undefined;
  /** Epochs between log lines for full-batch runs, steps between them for batched runs. */
  printEvery: number;
  hidden: number;
  /** How many hidden Dense + ReLU pairs the network has. */
  hiddenLayers: number;
  samples: number;
  classes: number;
  /** L2 strength on the first layer's weights and biases; 0 turns it off. */
  l2: number;
  /** The factor of the initial Gaussian weights of every dense layer. */
  weightScale: number;
}

/**
 * Returns the book's run shape. For 2-D data it is 10,001 full-batch epochs of 2-64-3 on 100
 * samples of each of 3 classes. The binary task (chapter 16) is 2-64-1 on 2 classes with L2
 * 5e-4 on the first layer. Regression (chapter 17) is 10,001 full-batch epochs of 1-64-64-1 on
 * 1,000 sine samples with initial weights 0.1 * randn. For images it is 10 epochs of batch 128
 * on 784-128-128-10.
 */
export function shapeDefaults(twoDimensional: boolean, task: Task = 'classification'):
  ShapeDefaults {
  if (task === 'regression') {
    return {
      epochs: 10001,
      batchSize: undefined,
      printEvery: 100,
      hidden: 64,
      hiddenLayers: 2,
      samples: 1000,
      classes: 1,
      l2: 0,
      weightScale: 0.1,
    };
  }
  if (twoDimensional) {
    return {
      epochs: 10001,
      batchSize: undefined,
      printEvery: 100,
      hidden: 64,
      hiddenLayers: 1,
      samples: 100,
      classes: task === 'binary' ? 2 : 3,
      l2: task === 'binary' ? 5e-4 : 0,
      weightScale: 0.01,
    };
  }
  return {
    epochs: 10,
    batchSize: 128,
    printEvery: 100,
    hidden: 128,
    hiddenLayers: 2,
    samples: 0,
    classes: 10,
    l2: 0,
    weightScale: 0.01,
  };
}
