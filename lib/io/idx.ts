// IDX reader, the format of the original MNIST and Fashion-MNIST files
// (`train-images-idx3-ubyte.gz` and the three others), plain or gzipped.
//
// Layout: a big-endian magic number whose first two bytes are 0, whose third byte is the element
// type (0x08 = unsigned byte) and whose fourth is the number of dimensions d; then d big-endian
// u32 sizes; then the elements in C order. Image files have magic 0x00000803 (n x rows x cols),
// label files 0x00000801 (n).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, rangeError, typeError } from '../errors.js';
import { describeByteCount, elementCount } from './element-count.js';

export interface IdxArray {
  /** The sizes of each dimension, outermost first. */
  dims: number[];
  /** The elements in C order. */
  data: Uint8Array;
}

const UNSIGNED_BYTE = 0x08;

/** Reads an IDX array of unsigned bytes from a path or from the file's bytes, gzipped or not. */
export function readIdx(source: string | Uint8Array): IdxArray {
  const where = 'readIdx';
  let bytes: Uint8Array;
  let owned: boolean;
  if (typeof source === 'string') {
    bytes = readFileSync(source);
    owned = true;
  } else if (source instanceof Uint8Array) {
    bytes = source;
    owned = false;
  } else {
    throw typeError(where, `source must be a path or a Uint8Array, got ${describe(source)}`);
  }

  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch (error) {
      throw rangeError(where, `gzip data is corrupt: ${(error as Error).message}`);
    }
    owned = true;
  }

  if (bytes.length < 4 || bytes[0] !== 0 || bytes[1] !== 0) {
    throw rangeError(
      where,
      `not an IDX file: magic number ${hexMagic(bytes)} does not start with two zero bytes`,
    );
  }
  if (bytes[2] !== UNSIGNED_BYTE) {
    throw rangeError(
      where,
      `IDX element type 0x${hex(bytes[2])} is not supported, expected 0x08 (unsigned byte)`,
    );
  }
  const rank = bytes[3];
  const dataStart = 4 + 4 * rank;
  if (rank === 0 || bytes.length < dataStart) {
    throw rangeError(
      where,
      `IDX header declares ${rank} dimensions but the file is only ${bytes.length} bytes`,
    );
  }

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims: number[] = [];
  for (let i = 0; i < rank; i++) dims.push(view.getUint32(4 + 4 * i, false));
  const available = bytes.length - dataStart;
  const count = elementCount(dims);
  if (count !== available) {
    const needed = describeByteCount(count, 1);
    throw rangeError(
      where,
      `IDX dimensions [${dims.join(', ')}] need ${needed} bytes of data, the file has ` +
        `${available} (truncated file?)`,
    );
  }

  // A caller's buffer is copied so the result never aliases memory the caller may reuse.
  const body = new Uint8Array(bytes.buffer, bytes.byteOffset + dataStart, available);
  return { dims, data: owned ? body : new Uint8Array(body) };
}

function hex(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}

function hexMagic(bytes: Uint8Array): string {
  return `0x${Array.from(bytes.subarray(0, 4), hex).join('')}`;
}
