// Training defaults that reproduce the book's runs, per kind of dataset and optimizer.
import { UsageError } from './usage-error.js';

export type OptimizerName = 'sgd' | 'adagrad' | 'rmsprop' | 'adam';
export const OPTIMIZERS: readonly OptimizerName[] = ['sgd', 'adagrad', 'rmsprop', 'adam'];

/** A dataset named on the command line: a generated 2-D one, or 28x28 images. */
export type DatasetSpec =
  | { kind: 'spiral' | 'vertical'; name: string }
  | { kind: 'fashion-mnist'; name: string }
  | { kind: 'idx'; name: string; directory: string };

/** Parses `--dataset`: spiral, vertical, fashion-mnist or idx:DIR. */
export function parseDataset(text: string): DatasetSpec {
  if (text === 'spiral' || text === 'vertical') return { kind: text, name: text };
  if (text === 'fashion-mnist') return { kind: text, name: text };
  if (text.startsWith('idx:')) {
    const directory = text.slice(4);
    if (directory === '') {
      throw new UsageError('--dataset idx:DIR needs a directory after "idx:", got "idx:"');
    }
    return { kind: 'idx', name: 'idx', directory };
  }
  throw new UsageError(
    `--dataset must be spiral, vertical, fashion-mnist or idx:DIR, got "${text}"`,
  );
}

export function isTwoDimensional(dataset: DatasetSpec): boolean {
  return dataset.kind === 'spiral' || dataset.kind === 'vertical';
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
 * other optimizers get their usual default learning rate with that decay.
 */
export function optimizerDefaults(name: OptimizerName, twoDimensional: boolean): OptimizerSettings {
  if (twoDimensional) {
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
}

/**
 * Returns the book's run shape. For 2-D data it is 10,001 full-batch epochs of 2-64-3 on 100
 * samples of each of 3 classes. For images it is 10 epochs of batch 128 on 784-128-128-10.
 */
export function shapeDefaults(twoDimensional: boolean): ShapeDefaults {
  if (twoDimensional) {
    return {
      epochs: 10001,
      batchSize: undefined,
      printEvery: 100,
      hidden: 64,
      hiddenLayers: 1,
      samples: 100,
      classes: 3,
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
  };
}
