// Readers of `nnfs predict --input`: CSV with and without a header, .npy arrays, PNG images.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { parseCsv, readPredictInput } from '../../lib/cli/predict-input.js';
import { UsageError } from '../../lib/cli/usage-error.js';

let directory: string;
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'nnfs-predict-input-'));
});
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

// A version 1.0 .npy file of little-endian float32 values with the given shape.
function npyBytes(values: number[], shape: number[]): Buffer {
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': ${shapeText}, }`;
  const total = 10 + header.length + 1;
  header += ' '.repeat((64 - (total % 64)) % 64) + '\n';
  const prefix = Buffer.alloc(10);
  Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]).copy(prefix);
  prefix.writeUInt16LE(header.length, 8);
  const body = Buffer.from(new Float32Array(values).buffer);
  return Buffer.concat([prefix, Buffer.from(header, 'latin1'), body]);
}

function pngBytes(width: number, height: number, rgba: (i: number) => number[]): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) png.data.set(rgba(i), i * 4);
  return PNG.sync.write(png);
}

describe('parseCsv', () => {
  test('reads rows of numbers', () => {
    const samples = parseCsv('0.5,-1\n2,3e-1\n', 'x.csv');
    expect(samples.shape).toEqual([2, 2]);
    expect(samples.toArray()).toEqual([[0.5, -1], [2, Math.fround(0.3)]]);
  });

  test('skips a header and blank lines', () => {
    const samples = parseCsv('\nx, y\r\n1, 2\n\n3, 4\n', 'x.csv');
    expect(samples.toArray()).toEqual([[1, 2], [3, 4]]);
  });

  test('rejects text after the first row', () => {
    expect(() => parseCsv('1,2\n3,abc\n', 'x.csv')).toThrow(
      'x.csv line 2: "abc" is not a finite number',
    );
  });

  test('rejects ragged rows', () => {
    expect(() => parseCsv('1,2\n3\n', 'x.csv')).toThrow(
      'x.csv line 2: 1 values, expected 2 as in the first row',
    );
  });

  test('rejects a file without numbers', () => {
    expect(() => parseCsv('a,b\n', 'x.csv')).toThrow('x.csv contains no rows of numbers');
  });
});

describe('readPredictInput', () => {
  test('reads a 2-D .npy array', () => {
    const path = join(directory, 'two.npy');
    writeFileSync(path, npyBytes([1, 2, 3, 4, 5, 6], [3, 2]));
    expect(readPredictInput(path, { inputWidth: 2 }).toArray()).toEqual([[1, 2], [3, 4], [5, 6]]);
  });

  test('reads a 1-D .npy array as one sample', () => {
    const path = join(directory, 'one.npy');
    writeFileSync(path, npyBytes([1, 2, 3], [3]));
    expect(readPredictInput(path, { inputWidth: 3 }).shape).toEqual([1, 3]);
  });

  test('scales a gray PNG like the training images', () => {
    const path = join(directory, 'gray.png');
    writeFileSync(path, pngBytes(2, 2, (i) => [[0, 255, 127, 128][i], [0, 255, 127, 128][i],
      [0, 255, 127, 128][i], 255]));
    const samples = readPredictInput(path, { inputWidth: 4 });
    expect(samples.shape).toEqual([1, 4]);
    expect(Array.from(samples.data)).toEqual([-1, 1, Math.fround(-0.5 / 127.5),
      Math.fround(0.5 / 127.5)]);
  });

  test('converts RGB with the BT.601 weights', () => {
    const path = join(directory, 'red.png');
    writeFileSync(path, pngBytes(1, 1, () => [255, 0, 0, 255]));
    // round(255 * 0.299) = 76.
    expect(readPredictInput(path, { inputWidth: 1 }).data[0]).toBe(Math.fround((76 - 127.5) /
      127.5));
  });

  test('--invert flips the gray levels', () => {
    const path = join(directory, 'white.png');
    writeFileSync(path, pngBytes(1, 1, () => [255, 255, 255, 255]));
    expect(readPredictInput(path, { inputWidth: 1, invert: true }).data[0]).toBe(-1);
  });

  test('rejects a PNG of the wrong size', () => {
    const path = join(directory, 'big.png');
    writeFileSync(path, pngBytes(30, 30, () => [0, 0, 0, 255]));
    expect(() => readPredictInput(path, { inputWidth: 784 })).toThrow(
      /big\.png is a 30x30 image, but the model expects 28x28 = 784 pixels per sample/,
    );
  });

  test('rejects a broken PNG', () => {
    const path = join(directory, 'broken.png');
    writeFileSync(path, 'not a png');
    expect(() => readPredictInput(path, { inputWidth: 784 })).toThrow(UsageError);
  });

  test('rejects an unknown extension', () => {
    expect(() => readPredictInput('data.txt', { inputWidth: 2 })).toThrow(
      '--input must be a .npy, .csv or .png file, got "data.txt"',
    );
  });

  test('rejects a missing file', () => {
    expect(() => readPredictInput(join(directory, 'none.csv'), { inputWidth: 2 })).toThrow(
      /cannot read input file .*none\.csv: file not found/,
    );
  });
});
