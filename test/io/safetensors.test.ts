// safetensors reading and writing: bit-exact round trips, and every kind of corrupt file is
// rejected with a message that names the problem. These tests run no kernel, so they do not
// depend on the backend.
import { existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  parseSafetensors,
  readSafetensors,
  serializeSafetensors,
  writeSafetensors,
  type SafetensorsTensor,
} from '../../lib/io/safetensors.js';

function fromBits(bits: number[]): Float32Array {
  return new Float32Array(new Uint32Array(bits).buffer);
}

function bitsOf(data: Float32Array): number[] {
  return Array.from(new Uint32Array(data.buffer, data.byteOffset, data.length));
}

// Float32 bit patterns that a round trip through numbers could change: -0, the smallest and
// largest denormals, a quiet NaN with a payload, a signalling NaN, infinities, and the extremes.
const SPECIAL_BITS = [
  0x80000000, 0x00000001, 0x007fffff, 0x80000001, 0x7fc01234, 0x7f800001, 0xffc00abc,
  0x7f800000, 0xff800000, 0x7f7fffff, 0x00800000, 0x3f800000,
];

function tensor(shape: number[], data: Float32Array): SafetensorsTensor {
  return { dtype: 'F32', shape, data };
}

// Builds a file from a raw header (an object, or text that may be invalid) and a data section.
function craft(header: unknown, dataBytes: number): Buffer {
  const text = Buffer.from(typeof header === 'string' ? header : JSON.stringify(header));
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(text.length));
  return Buffer.concat([length, text, Buffer.alloc(dataBytes)]);
}

describe('safetensors round trip', () => {
  it('keeps every float32 bit pattern', () => {
    const special = fromBits(SPECIAL_BITS);
    const bytes = serializeSafetensors({ special: tensor([3, 4], special) });
    const { tensors } = parseSafetensors(bytes);

    expect(tensors.special.dtype).toBe('F32');
    expect(tensors.special.shape).toEqual([3, 4]);
    expect(bitsOf(tensors.special.data)).toEqual(SPECIAL_BITS);
  });

  it('keeps names, shapes, order and metadata', () => {
    const weights = new Float32Array([0.1, -0.2, 0.3, 1e-40, -0, 7]);
    const biases = new Float32Array([1, 2, 3]);
    const metadata = { architecture: '{"layers":[2,3]}', note: 'unicode: ü ∑ 😀' };
    const bytes = serializeSafetensors(
      {
        'layers.0.weights': tensor([2, 3], weights),
        'layers.0.biases': tensor([1, 3], biases),
        empty: tensor([0, 5], new Float32Array(0)),
        scalar: tensor([], new Float32Array([42])),
      },
      metadata,
    );
    const result = parseSafetensors(bytes);

    expect(Object.keys(result.tensors)).toEqual([
      'layers.0.weights',
      'layers.0.biases',
      'empty',
      'scalar',
    ]);
    expect(bitsOf(result.tensors['layers.0.weights'].data)).toEqual(bitsOf(weights));
    expect(result.tensors['layers.0.biases'].shape).toEqual([1, 3]);
    expect(result.tensors.empty.shape).toEqual([0, 5]);
    expect(result.tensors.empty.data.length).toBe(0);
    expect(result.tensors.scalar.shape).toEqual([]);
    expect(Array.from(result.tensors.scalar.data)).toEqual([42]);
    expect(result.metadata).toEqual(metadata);
  });

  it('copies tensors out of the file bytes', () => {
    const bytes = serializeSafetensors({ w: tensor([2], new Float32Array([1, 2])) });
    const { tensors } = parseSafetensors(bytes);
    bytes.fill(0);

    expect(Array.from(tensors.w.data)).toEqual([1, 2]);
  });

  it('writes the layout of the format', () => {
    const bytes = serializeSafetensors(
      { a: tensor([1], new Float32Array([1])), b: tensor([2], new Float32Array([2, 3])) },
      { key: 'value' },
    );
    const headerLength = Number(bytes.readBigUInt64LE(0));
    const header = JSON.parse(bytes.subarray(8, 8 + headerLength).toString('utf8'));

    expect(headerLength % 8).toBe(0);
    expect(header).toEqual({
      __metadata__: { key: 'value' },
      a: { dtype: 'F32', shape: [1], data_offsets: [0, 4] },
      b: { dtype: 'F32', shape: [2], data_offsets: [4, 12] },
    });
    expect(bytes.length).toBe(8 + headerLength + 12);
    expect(bytes.readFloatLE(8 + headerLength + 8)).toBe(3);
  });

  it('reads a tensor named __proto__ as a tensor', () => {
    const bytes = craft({ ['__proto__']: { dtype: 'F32', shape: [1], data_offsets: [0, 4] } }, 4);
    const { tensors } = parseSafetensors(bytes);

    expect(Object.keys(tensors)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(tensors)).toBe(Object.prototype);
  });
});

describe('parseSafetensors rejects corrupt files', () => {
  const valid = serializeSafetensors({
    a: tensor([2, 3], new Float32Array(6)),
    b: tensor([4], new Float32Array(4)),
  });
  const f32 = (shape: number[], begin: number, end: number) => ({
    dtype: 'F32',
    shape,
    data_offsets: [begin, end],
  });

  it('file shorter than the length field', () => {
    expect(() => parseSafetensors(valid.subarray(0, 5))).toThrow(
      /file is 5 bytes, too short for the 8-byte header length/,
    );
  });

  it('truncated data section', () => {
    expect(() => parseSafetensors(valid.subarray(0, valid.length - 4))).toThrow(
      /tensor "b" has data_offsets \[24, 40\] outside the data section of 36 bytes/,
    );
  });

  it('header length larger than the file', () => {
    const bytes = Buffer.from(valid);
    bytes.writeBigUInt64LE(BigInt(valid.length));

    expect(() => parseSafetensors(bytes)).toThrow(RangeError);
    expect(() => parseSafetensors(bytes)).toThrow(
      `the header length field says ${valid.length} bytes, but only ${valid.length - 8} bytes`,
    );
  });

  it('header length beyond the file', () => {
    const bytes = Buffer.from(valid);
    bytes.writeBigUInt64LE(2n ** 62n);

    expect(() => parseSafetensors(bytes)).toThrow(
      'not a safetensors file, or a truncated one: the header length field says ' +
        `4611686018427387904 bytes, but only ${bytes.length - 8} bytes follow it`,
    );
  });

  it('header above maxHeaderBytes', () => {
    expect(() => parseSafetensors(valid, { maxHeaderBytes: 16 })).toThrow(
      /larger than the limit of 16 \(options\.maxHeaderBytes\)/,
    );
  });

  it('invalid JSON', () => {
    expect(() => parseSafetensors(craft('{"a": {"dtype": "F32",', 0))).toThrow(
      /parseSafetensors: header is not valid JSON: /,
    );
  });

  it('invalid UTF-8', () => {
    const bytes = craft('{"a":1}', 0);
    bytes[9] = 0xff;

    expect(() => parseSafetensors(bytes)).toThrow('header is not valid UTF-8');
  });

  it('header that is not an object', () => {
    expect(() => parseSafetensors(craft('[1, 2]', 0))).toThrow(
      'header must be a JSON object, got an array of length 2',
    );
  });

  it('dtype other than F32', () => {
    const header = { w: { dtype: 'F64', shape: [1], data_offsets: [0, 8] } };

    expect(() => parseSafetensors(craft(header, 8))).toThrow(
      'tensor "w" has dtype "F64", expected "F32" (only float32 tensors are supported)',
    );
  });

  it('missing dtype', () => {
    const header = { w: { shape: [1], data_offsets: [0, 4] } };

    expect(() => parseSafetensors(craft(header, 4))).toThrow(
      'tensor "w" has dtype undefined, expected "F32"',
    );
  });

  it('negative or fractional shape', () => {
    expect(() => parseSafetensors(craft({ w: f32([-1], 0, 4) }, 4))).toThrow(
      'tensor "w" has shape [-1], expected an array of non-negative integers',
    );
    expect(() => parseSafetensors(craft({ w: f32([1.5], 0, 4) }, 4))).toThrow(
      'tensor "w" has shape [1.5], expected an array of non-negative integers',
    );
  });

  it('shape that does not match the offsets', () => {
    expect(() => parseSafetensors(craft({ w: f32([2, 2], 0, 24) }, 24))).toThrow(
      'tensor "w" has shape [2, 2] (16 bytes of F32) but data_offsets [0, 24] span 24 bytes',
    );
  });

  it('shape too large for the file', () => {
    expect(() => parseSafetensors(craft({ w: f32([2 ** 40, 2 ** 40], 0, 4) }, 4))).toThrow(
      'has shape [1099511627776, 1099511627776] (more than 2^53 bytes of F32)',
    );
  });

  it('malformed data_offsets', () => {
    expect(() => parseSafetensors(craft({ w: f32([1], 8, 4) }, 8))).toThrow(
      'tensor "w" has data_offsets [8,4], expected [begin, end] with 0 <= begin <= end',
    );
    const header = { w: { dtype: 'F32', shape: [1], data_offsets: [0] } };
    expect(() => parseSafetensors(craft(header, 4))).toThrow('has data_offsets [0], expected');
  });

  it('offsets outside the file', () => {
    expect(() => parseSafetensors(craft({ w: f32([2], 4, 12) }, 8))).toThrow(
      'tensor "w" has data_offsets [4, 12] outside the data section of 8 bytes',
    );
  });

  it('overlapping tensors', () => {
    const header = { a: f32([4], 0, 16), b: f32([4], 8, 24) };

    expect(() => parseSafetensors(craft(header, 24))).toThrow(
      'tensors "a" [0, 16) and "b" [8, 24) overlap',
    );
  });

  it('gap between tensors', () => {
    const header = { a: f32([2], 0, 8), b: f32([2], 16, 24) };

    expect(() => parseSafetensors(craft(header, 24))).toThrow(
      'bytes [8, 16) of the data section belong to no tensor',
    );
  });

  it('bytes after the last tensor', () => {
    expect(() => parseSafetensors(craft({ a: f32([2], 0, 8) }, 12))).toThrow(
      'data section is 12 bytes but the tensors cover only 8',
    );
  });

  it('non-string metadata', () => {
    const header = { __metadata__: { epochs: 10 }, a: f32([1], 0, 4) };

    expect(() => parseSafetensors(craft(header, 4))).toThrow(
      '__metadata__["epochs"] must be a string, got number 10',
    );
  });

  it('metadata that is not an object', () => {
    expect(() => parseSafetensors(craft({ __metadata__: 'x' }, 0))).toThrow(
      '__metadata__ must be an object of strings, got string "x"',
    );
  });

  it('bytes that are not a Uint8Array', () => {
    expect(() => parseSafetensors([1, 2, 3] as unknown as Uint8Array)).toThrow(TypeError);
  });
});

describe('serializeSafetensors rejects invalid tensors', () => {
  it('dtype other than F32', () => {
    const bad = { dtype: 'F64', shape: [1], data: new Float32Array(1) } as never;

    expect(() => serializeSafetensors({ w: bad })).toThrow(
      'serializeSafetensors: tensors["w"].dtype must be "F32", got string "F64"',
    );
  });

  it('data that is not a Float32Array', () => {
    const bad = { dtype: 'F32', shape: [1], data: new Float64Array(1) } as never;

    expect(() => serializeSafetensors({ w: bad })).toThrow(TypeError);
    expect(() => serializeSafetensors({ w: bad })).toThrow(
      'tensors["w"].data must be a Float32Array, got Float64Array of length 1',
    );
  });

  it('shape that does not match the data', () => {
    expect(() => serializeSafetensors({ w: tensor([2, 2], new Float32Array(3)) })).toThrow(
      'tensors["w"].shape [2, 2] needs 4 values, data has 3',
    );
  });

  it('negative shape entry', () => {
    expect(() => serializeSafetensors({ w: tensor([-1], new Float32Array(1)) })).toThrow(
      'tensors["w"].shape must contain non-negative integers, got [-1]',
    );
  });

  it('non-string metadata', () => {
    const metadata = { epochs: 10 } as unknown as Record<string, string>;

    expect(() => serializeSafetensors({}, metadata)).toThrow(
      'metadata["epochs"] must be a string, got number 10',
    );
  });

  it('tensor named __metadata__', () => {
    expect(() =>
      serializeSafetensors({ __metadata__: tensor([1], new Float32Array(1)) }),
    ).toThrow('"__metadata__" is reserved for metadata and cannot name a tensor');
  });
});

describe('writeSafetensors and readSafetensors', () => {
  let directory: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'nnfs-safetensors-'));
  });

  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('round trips through a file bit for bit', () => {
    const path = join(directory, 'model.safetensors');
    const special = fromBits(SPECIAL_BITS);
    writeSafetensors(path, { special: tensor([12], special) }, { epochs: '10' });
    const result = readSafetensors(path);

    expect(bitsOf(result.tensors.special.data)).toEqual(SPECIAL_BITS);
    expect(result.metadata).toEqual({ epochs: '10' });
    expect(readFileSync(path)).toEqual(
      serializeSafetensors({ special: tensor([12], special) }, { epochs: '10' }),
    );
  });

  it('replaces an existing file and leaves no temporary file', () => {
    const path = join(directory, 'model.safetensors');
    writeSafetensors(path, { w: tensor([1], new Float32Array([1])) });
    writeSafetensors(path, { w: tensor([2], new Float32Array([2, 3])) });

    expect(Array.from(readSafetensors(path).tensors.w.data)).toEqual([2, 3]);
    expect(readdirSync(directory)).toEqual(['model.safetensors']);
  });

  it('keeps the old file when the write fails', () => {
    const path = join(directory, 'model.safetensors');
    writeSafetensors(path, { w: tensor([1], new Float32Array([1])) });
    const before = readFileSync(path);

    const bad = { dtype: 'F32', shape: [2], data: new Float32Array(1) } as SafetensorsTensor;
    expect(() => writeSafetensors(path, { w: bad })).toThrow(RangeError);
    expect(readFileSync(path)).toEqual(before);
    expect(readdirSync(directory)).toEqual(['model.safetensors']);
  });

  it('leaves a directory in the way untouched', () => {
    const path = join(directory, 'model.safetensors');
    mkdirSync(path);
    writeFileSync(join(path, 'keep.txt'), 'keep');

    expect(() => writeSafetensors(path, { w: tensor([1], new Float32Array([1])) })).toThrow();
    expect(readFileSync(join(path, 'keep.txt'), 'utf8')).toBe('keep');
    expect(readdirSync(directory)).toEqual(['model.safetensors']);
  });

  it('rejects a missing file with the path', () => {
    const path = join(directory, 'missing.safetensors');

    expect(existsSync(path)).toBe(false);
    expect(() => readSafetensors(path)).toThrow(/ENOENT.*missing\.safetensors/);
  });
});
