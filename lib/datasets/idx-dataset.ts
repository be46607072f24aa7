// Loads the four standard IDX files of MNIST-style data sets (Fashion-MNIST, MNIST) from one
// directory, as users who downloaded them have them.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, rangeError, typeError } from '../errors.js';
import { readIdx, type IdxArray } from '../io/idx.js';
import { Matrix } from '../matrix.js';
import { scalePixels } from './pixels.js';

export interface ImageSplit {
  /** One flattened image per row, pixels scaled to [-1, 1]: n x (rows * cols). */
  X: Matrix;
  /** The class index of each row. */
  y: Uint8Array;
}

export interface ImageDataset {
  train: ImageSplit;
  test: ImageSplit;
}

/**
 * Reads `train-images-idx3-ubyte`, `train-labels-idx1-ubyte`, `t10k-images-idx3-ubyte` and
 * `t10k-labels-idx1-ubyte` from `directory`, each plain or with a `.gz` suffix (the plain file
 * wins when both exist). Pixels are scaled with `(x - 127.5) / 127.5` in float32; the order of
 * the files is kept.
 */
export function loadIdxDataset(directory: string): ImageDataset {
  const where = 'loadIdxDataset';
  if (typeof directory !== 'string' || directory === '') {
    throw typeError(where, `directory must be a non-empty string, got ${describe(directory)}`);
  }
  return {
    train: loadSplit(where, directory, 'train'),
    test: loadSplit(where, directory, 't10k'),
  };
}

function loadSplit(where: string, directory: string, prefix: string): ImageSplit {
  const images = readIdx(findFile(where, directory, `${prefix}-images-idx3-ubyte`));
  const labels = readIdx(findFile(where, directory, `${prefix}-labels-idx1-ubyte`));
  checkRank(where, `${prefix}-images-idx3-ubyte`, images, 3);
  checkRank(where, `${prefix}-labels-idx1-ubyte`, labels, 1);

  const [count, height, width] = images.dims;
  if (labels.dims[0] !== count) {
    throw rangeError(
      where,
      `${prefix}-labels-idx1-ubyte has ${labels.dims[0]} labels, expected ${count}, one for ` +
        'each image',
    );
  }
  return { X: new Matrix(count, height * width, scalePixels(images.data)), y: labels.data };
}

function findFile(where: string, directory: string, name: string): string {
  for (const candidate of [name, `${name}.gz`]) {
    const path = join(directory, candidate);
    if (existsSync(path)) return path;
  }
  throw new Error(`${where}: ${name} (or ${name}.gz) not found in ${directory}`);
}

// The magic number's last byte is the rank: 0x00000803 for images, 0x00000801 for labels.
function checkRank(where: string, name: string, array: IdxArray, rank: number): void {
  if (array.dims.length !== rank) {
    throw rangeError(
      where,
      `${name} has magic number ${magic(array.dims.length)}, expected ${magic(rank)}`,
    );
  }
}

function magic(rank: number): string {
  return `0x000008${rank.toString(16).padStart(2, '0')}`;
}
