// Loads the dataset named by --dataset: generated 2-D points, or 28x28 images from the
// fashion-mnist package or a directory of IDX files.
import { spiralData } from '../datasets/spiral.js';
import { verticalData } from '../datasets/vertical.js';
import { loadFashionMnist } from '../datasets/fashion-mnist.js';
import { loadIdxDataset, type ImageDataset } from '../datasets/idx-dataset.js';
import type { Matrix } from '../matrix.js';
import type { DatasetSpec } from './presets.js';
import { resolvePath, systemReason } from './files.js';
import { UsageError } from './usage-error.js';

/** Samples and their class indices. */
export interface LabelledData {
  X: Matrix;
  y: Uint8Array;
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
