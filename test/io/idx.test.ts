// IDX reading on small files written here, plain and gzipped, and the IDX data set loader.
// These tests run no kernel, so they do not depend on the backend.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readIdx } from '../../lib/io/idx.js';
import { loadIdxDataset } from '../../lib/datasets/idx-dataset.js';

// Builds an IDX file of unsigned bytes: magic 0x000008 followed by the rank, the sizes as
// big-endian u32, then the data.
function idx(dims: number[], data: Uint8Array, typeCode = 0x08): Buffer {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header[2] = typeCode;
  header[3] = dims.length;
  dims.forEach((size, i) => header.writeUInt32BE(size, 4 + 4 * i));
  return Buffer.concat([header, data]);
}

const IMAGES = Uint8Array.from({ length: 3 * 2 * 2 }, (_, i) => i * 20);

describe('readIdx', () => {
  it('plain image file from bytes', () => {
    const { dims, data } = readIdx(idx([3, 2, 2], IMAGES));

    expect(dims).toEqual([3, 2, 2]);
    expect(Array.from(data)).toEqual(Array.from(IMAGES));
  });

  it('gzipped label file from bytes', () => {
    const { dims, data } = readIdx(gzipSync(idx([4], new Uint8Array([9, 0, 3, 255]))));

    expect(dims).toEqual([4]);
    expect(Array.from(data)).toEqual([9, 0, 3, 255]);
  });

  it('copies a caller buffer', () => {
    const bytes = idx([2], new Uint8Array([1, 2]));
    const { data } = readIdx(bytes);
    bytes.fill(0);

    expect(Array.from(data)).toEqual([1, 2]);
  });

  it('empty array', () => {
    const { dims, data } = readIdx(idx([0, 28, 28], new Uint8Array(0)));

    expect(dims).toEqual([0, 28, 28]);
    expect(data.length).toBe(0);
  });

  describe('rejects', () => {
    it('bad magic', () => {
      const bytes = idx([2], new Uint8Array(2));
      bytes[0] = 0x12;

      expect(() => readIdx(bytes)).toThrow(RangeError);
      expect(() => readIdx(bytes)).toThrow(
        'readIdx: not an IDX file: magic number 0x12000801 does not start with two zero bytes',
      );
    });

    it('element type other than unsigned byte', () => {
      expect(() => readIdx(idx([1], new Uint8Array(4), 0x0d))).toThrow(
        'IDX element type 0x0d is not supported, expected 0x08 (unsigned byte)',
      );
    });

    it('rank zero', () => {
      expect(() => readIdx(idx([], new Uint8Array(0)))).toThrow(
        'IDX header declares 0 dimensions but the file is only 4 bytes',
      );
    });

    it('truncated header', () => {
      expect(() => readIdx(idx([3, 2, 2], IMAGES).subarray(0, 10))).toThrow(
        'IDX header declares 3 dimensions but the file is only 10 bytes',
      );
    });

    it('truncated data', () => {
      expect(() => readIdx(idx([3, 2, 2], IMAGES.subarray(0, 11)))).toThrow(
        'IDX dimensions [3, 2, 2] need 12 bytes of data, the file has 11 (truncated file?)',
      );
    });

    it('trailing data', () => {
      expect(() => readIdx(idx([2], new Uint8Array(3)))).toThrow(
        'IDX dimensions [2] need 2 bytes of data, the file has 3',
      );
    });

    it('sizes far beyond the file', () => {
      const bytes = idx([0xffffffff, 0xffffffff, 0xffffffff], new Uint8Array(4));

      expect(() => readIdx(bytes)).toThrow('need more than 2^53 bytes of data, the file has 4');
    });

    it('corrupt gzip', () => {
      const bytes = gzipSync(idx([2], new Uint8Array(2))).subarray(0, 12);

      expect(() => readIdx(bytes)).toThrow('readIdx: gzip data is corrupt');
    });

    it('source of the wrong type', () => {
      expect(() => readIdx(42 as unknown as string)).toThrow(TypeError);
    });
  });
});

describe('loadIdxDataset', () => {
  let directory: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'nnfs-idx-'));
  });

  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  function write(name: string, bytes: Uint8Array): void {
    writeFileSync(join(directory, name), bytes);
  }

  it('reads plain and gzipped files and scales pixels', () => {
    write('train-images-idx3-ubyte.gz', gzipSync(idx([3, 2, 2], IMAGES)));
    write('train-labels-idx1-ubyte', idx([3], new Uint8Array([2, 0, 1])));
    write('t10k-images-idx3-ubyte', idx([1, 2, 2], new Uint8Array([0, 255, 127, 128])));
    write('t10k-labels-idx1-ubyte.gz', gzipSync(idx([1], new Uint8Array([5]))));
    const { train, test } = loadIdxDataset(directory);

    expect(train.X.shape).toEqual([3, 4]);
    expect(Array.from(train.X.data)).toEqual(
      Array.from(IMAGES, (x) => Math.fround((x - 127.5) / 127.5)),
    );
    expect(Array.from(train.y)).toEqual([2, 0, 1]);
    expect(test.X.shape).toEqual([1, 4]);
    expect(Array.from(test.X.data)).toEqual([
      -1,
      1,
      Math.fround(-0.5 / 127.5),
      Math.fround(0.5 / 127.5),
    ]);
    expect(Array.from(test.y)).toEqual([5]);
  });

  it('missing file', () => {
    write('train-images-idx3-ubyte', idx([1, 2, 2], new Uint8Array(4)));

    expect(() => loadIdxDataset(directory)).toThrow(
      `loadIdxDataset: train-labels-idx1-ubyte (or train-labels-idx1-ubyte.gz) not found in ` +
        directory,
    );
  });

  it('label file in place of images', () => {
    write('train-images-idx3-ubyte', idx([4], new Uint8Array(4)));
    write('train-labels-idx1-ubyte', idx([4], new Uint8Array(4)));

    expect(() => loadIdxDataset(directory)).toThrow(
      'train-images-idx3-ubyte has magic number 0x00000801, expected 0x00000803',
    );
  });

  it('label count that does not match', () => {
    write('train-images-idx3-ubyte', idx([3, 2, 2], IMAGES));
    write('train-labels-idx1-ubyte', idx([2], new Uint8Array(2)));

    expect(() => loadIdxDataset(directory)).toThrow(
      'train-labels-idx1-ubyte has 2 labels, expected 3, one for each image',
    );
  });

  it('directory of the wrong type', () => {
    expect(() => loadIdxDataset(undefined as unknown as string)).toThrow(TypeError);
  });
});
