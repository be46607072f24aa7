// .npy reading: files written by NumPy (test/io/fixtures, made by make_npy.py with NumPy 2.4.6),
// files built byte by byte here for each dtype, and rejected headers. These tests run no
// kernel, so they do not depend on the backend.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseNpy, parseNpyLabels, readNpy, readNpyLabels } from '../../lib/io/npy.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

// Builds a .npy file the way NumPy lays it out: magic, version, header length, a dict literal
// padded with spaces to a multiple of 64 bytes and ended by a newline, then the raw elements.
function npy(
  descr: string,
  shape: number[],
  body: ArrayBufferView,
  options: { version?: number; fortran?: boolean; header?: string } = {},
): Buffer {
  const { version = 1, fortran = false, header } = options;
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  const order = fortran ? 'True' : 'False';
  const dict =
    header ?? `{'descr': '${descr}', 'fortran_order': ${order}, 'shape': ${shapeText}, }`;
  const prefixLength = version === 1 ? 10 : 12;
  const padded = Math.ceil((prefixLength + dict.length + 1) / 64) * 64 - prefixLength;
  const text = Buffer.from(dict.padEnd(padded - 1, ' ') + '\n', version === 3 ? 'utf8' : 'latin1');
  const prefix = Buffer.alloc(prefixLength);
  Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]).copy(prefix);
  if (version === 1) prefix.writeUInt16LE(text.length, 8);
  else prefix.writeUInt32LE(text.length, 8);
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  return Buffer.concat([prefix, text, bytes]);
}

function bitsOf(data: Float32Array): number[] {
  return Array.from(new Uint32Array(data.buffer, data.byteOffset, data.length));
}

describe('readNpy on files written by NumPy', () => {
  it('float32 2-D array', () => {
    const matrix = readNpy(join(FIXTURES, 'f4_3x4.npy'));

    expect(matrix.shape).toEqual([3, 4]);
    expect(Array.from(matrix.data)).toEqual(Array.from({ length: 12 }, (_, i) => i / 8 - 0.75));
  });

  it('float64 rounded to float32', () => {
    const matrix = readNpy(join(FIXTURES, 'f8_2x3.npy'));

    expect(matrix.shape).toEqual([2, 3]);
    expect(Array.from(matrix.data)).toEqual(
      Array.from({ length: 6 }, (_, i) => Math.fround(0.1 * i)),
    );
  });

  it('uint8 images flattened per row', () => {
    const matrix = readNpy(join(FIXTURES, 'u1_images_2x3x3.npy'));

    expect(matrix.shape).toEqual([2, 9]);
    expect(Array.from(matrix.data)).toEqual(Array.from({ length: 18 }, (_, i) => (i * 14) % 256));
  });

  it('bool 1-D array as a column', () => {
    const matrix = readNpy(join(FIXTURES, 'b1_column.npy'));

    expect(matrix.shape).toEqual([4, 1]);
    expect(Array.from(matrix.data)).toEqual([1, 0, 1, 1]);
  });

  it('big-endian float32', () => {
    const matrix = readNpy(join(FIXTURES, 'f4_big_endian_2x2.npy'));

    expect(matrix.shape).toEqual([2, 2]);
    expect(Array.from(matrix.data)).toEqual([0, 0.25, 0.5, 0.75]);
  });

  it('format versions 2.0 and 3.0', () => {
    for (const version of [2, 3]) {
      const matrix = readNpy(join(FIXTURES, `f4_v${version}_2x2.npy`));

      expect(matrix.shape).toEqual([2, 2]);
      expect(Array.from(matrix.data)).toEqual([-1.5, -0.5, 0.5, 1.5]);
    }
  });

  it('Fortran order rejected', () => {
    expect(() => readNpy(join(FIXTURES, 'f4_fortran_2x3.npy'))).toThrow(
      'readNpy: Fortran-order (column-major) arrays are not supported',
    );
  });

  it('labels as Int32Array', () => {
    const int64 = readNpyLabels(join(FIXTURES, 'i8_labels.npy'));
    const uint8 = readNpyLabels(join(FIXTURES, 'u1_labels.npy'));

    expect(int64).toBeInstanceOf(Int32Array);
    expect(Array.from(int64)).toEqual([0, 1, 2, 9, 3]);
    expect(Array.from(uint8)).toEqual([7, 0, 255]);
  });
});

describe('parseNpy dtypes', () => {
  const cases: [string, ArrayBufferView, number[]][] = [
    ['|u1', new Uint8Array([0, 1, 128, 255]), [0, 1, 128, 255]],
    ['|i1', new Int8Array([-128, -1, 0, 127]), [-128, -1, 0, 127]],
    ['<i2', new Int16Array([-32768, -1, 2, 32767]), [-32768, -1, 2, 32767]],
    ['<u2', new Uint16Array([0, 1, 40000, 65535]), [0, 1, 40000, 65535]],
    ['<i4', new Int32Array([-(2 ** 24), -7, 0, 2 ** 24]), [-(2 ** 24), -7, 0, 2 ** 24]],
    ['<u4', new Uint32Array([0, 3, 2 ** 31, 2 ** 32 - 256]), [0, 3, 2 ** 31, 2 ** 32 - 256]],
    ['<i8', new BigInt64Array([-5n, 0n, 2n ** 40n, 7n]), [-5, 0, 2 ** 40, 7]],
    ['<u8', new BigUint64Array([0n, 1n, 2n ** 50n, 9n]), [0, 1, 2 ** 50, 9]],
    ['|b1', new Uint8Array([0, 1, 2, 0]), [0, 1, 1, 0]],
    ['<f8', new Float64Array([0.1, -2.5, 1e-50, 1e300]), [Math.fround(0.1), -2.5, 0, Infinity]],
  ];

  for (const [descr, body, expected] of cases) {
    it(`${descr} as a 2 x 2 matrix`, () => {
      const matrix = parseNpy(npy(descr, [2, 2], body));

      expect(matrix.shape).toEqual([2, 2]);
      expect(Array.from(matrix.data)).toEqual(expected);
    });
  }

  it('<f4 keeps every bit pattern', () => {
    const bits = [0x80000000, 0x00000001, 0x7fc01234, 0xff800000];
    const matrix = parseNpy(npy('<f4', [4], new Uint32Array(bits)));

    expect(matrix.shape).toEqual([4, 1]);
    expect(bitsOf(matrix.data)).toEqual(bits);
  });

  it('scalar as 1 x 1', () => {
    const matrix = parseNpy(npy('<f4', [], new Float32Array([3.5])));

    expect(matrix.shape).toEqual([1, 1]);
    expect(matrix.get(0, 0)).toBe(3.5);
  });

  it('empty arrays keep their columns', () => {
    expect(parseNpy(npy('<f4', [0, 784], new Float32Array(0))).shape).toEqual([0, 784]);
    expect(parseNpy(npy('<f4', [0], new Float32Array(0))).shape).toEqual([0, 1]);
  });

  it('4-D array flattened per row', () => {
    const body = new Uint8Array(24).map((_, i) => i);
    const matrix = parseNpy(npy('|u1', [2, 3, 2, 2], body));

    expect(matrix.shape).toEqual([2, 12]);
    expect(Array.from(matrix.row(1))).toEqual(Array.from({ length: 12 }, (_, i) => 12 + i));
  });

  it('integers float32 cannot hold', () => {
    const body = new Int32Array([1, 2 ** 24 + 1]);

    expect(() => parseNpy(npy('<i4', [2], body))).toThrow(
      "parseNpy: element 1 of the '<i4' array is 16777217, which float32 cannot represent exactly",
    );
  });

  it('int64 beyond 2^53', () => {
    const body = new BigInt64Array([2n ** 53n + 1n]);

    expect(() => parseNpy(npy('<i8', [1], body))).toThrow(
      "element 0 of the '<i8' array is 9007199254740993, too large to represent exactly",
    );
  });
});

describe('parseNpy rejects invalid files', () => {
  const valid = npy('<f4', [2, 2], new Float32Array(4));

  it('missing magic', () => {
    const bytes = Buffer.from(valid);
    bytes[1] = 0x58;

    expect(() => parseNpy(bytes)).toThrow(RangeError);
    expect(() => parseNpy(bytes)).toThrow('parseNpy: not a .npy file');
  });

  it('unknown version', () => {
    const bytes = Buffer.from(valid);
    bytes[6] = 4;

    expect(() => parseNpy(bytes)).toThrow(
      '.npy format version 4.0 is not supported, expected 1.0, 2.0 or 3.0',
    );
  });

  it('header longer than the file', () => {
    const bytes = valid.subarray(0, 40);

    expect(() => parseNpy(bytes)).toThrow(/header length is 118 bytes, but the file ends after 30/);
  });

  it('truncated data', () => {
    const bytes = valid.subarray(0, valid.length - 1);

    expect(() => parseNpy(bytes)).toThrow(
      'shape (2, 2) of <f4 needs 16 data bytes, the file has 15',
    );
  });

  it('extra data', () => {
    const bytes = Buffer.concat([valid, Buffer.alloc(4)]);

    expect(() => parseNpy(bytes)).toThrow('needs 16 data bytes, the file has 20');
  });

  it('shape far larger than the file', () => {
    const bytes = npy('<f4', [2 ** 40, 2 ** 40], new Float32Array(1));

    expect(() => parseNpy(bytes)).toThrow('needs more than 2^53 data bytes, the file has 4');
  });

  it('unsupported dtypes', () => {
    for (const descr of ['<f2', '<c8', '<U3', '|O', '|f4', '=f4', '<i3']) {
      expect(() => parseNpy(npy(descr, [1], new Uint8Array(4)))).toThrow(
        `dtype '${descr}' is not supported, expected one of`,
      );
    }
  });

  it('structured dtype', () => {
    const header = "{'descr': [('x', '<f4')], 'fortran_order': False, 'shape': (1,), }";

    expect(() => parseNpy(npy('', [], new Float32Array(1), { header }))).toThrow(
      'is a structured dtype, which is not supported',
    );
  });

  it('header that is not a literal', () => {
    const header = "__import__('os').system('echo hacked')";

    expect(() => parseNpy(npy('', [], new Float32Array(1), { header }))).toThrow(
      /header is not a valid dict literal: unexpected "_" at offset 0/,
    );
  });

  it('missing or extra keys', () => {
    const missing = "{'descr': '<f4', 'shape': (1,), }";
    const extra = "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'x': 1}";

    expect(() => parseNpy(npy('', [], new Float32Array(1), { header: missing }))).toThrow(
      'header keys are [descr, shape], expected descr, fortran_order and shape',
    );
    expect(() => parseNpy(npy('', [], new Float32Array(1), { header: extra }))).toThrow(
      'header keys are [descr, fortran_order, shape, x]',
    );
  });

  it('negative shape', () => {
    const header = "{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }";

    expect(() => parseNpy(npy('', [], new Float32Array(1), { header }))).toThrow(
      'shape must be a tuple of non-negative integers, got [-1]',
    );
  });

  it('deeply nested header', () => {
    const header = `{'descr': ${'('.repeat(100)}`;

    expect(() => parseNpy(npy('', [], new Float32Array(1), { header }))).toThrow(
      'nesting deeper than 32 levels',
    );
  });

  it('bytes that are not a Uint8Array', () => {
    expect(() => parseNpy('file.npy' as unknown as Uint8Array)).toThrow(TypeError);
  });
});

describe('parseNpyLabels', () => {
  it('float labels rejected', () => {
    expect(() => parseNpyLabels(npy('<f4', [2], new Float32Array(2)))).toThrow(
      "parseNpyLabels: labels must have an integer dtype, got '<f4'",
    );
  });

  it('2-D labels rejected', () => {
    expect(() => parseNpyLabels(npy('|u1', [2, 1], new Uint8Array(2)))).toThrow(
      'labels must be a 1-D array, got shape (2, 1)',
    );
  });

  it('labels outside int32', () => {
    const body = new BigInt64Array([0n, 2n ** 31n]);

    expect(() => parseNpyLabels(npy('<i8', [2], body))).toThrow(
      'label 1 is 2147483648, outside the int32 range',
    );
  });

  it('big-endian int16 labels', () => {
    const body = new Uint8Array([0x01, 0x02, 0xff, 0xfe]);

    expect(Array.from(parseNpyLabels(npy('>i2', [2], body)))).toEqual([0x0102, -2]);
  });
});
