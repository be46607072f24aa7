// NumPy .npy reader (format versions 1.0, 2.0 and 3.0), for loading data sets saved with
// `np.save` into a Matrix or a label vector.
//
// File layout: the magic bytes "\x93NUMPY", a major and a minor version byte, and the header
// length (u16 little-endian in version 1, u32 in versions 2 and 3). The header follows, a Python
// dict literal such as `{'descr': '<f4', 'fortran_order': False, 'shape': (n, d), }` in latin-1
// (UTF-8 in version 3), and then the raw elements in C order. The header is parsed as data and
// never evaluated.
//
// Shapes become matrices as follows: a scalar is 1 x 1; a 1-D array of n values is an n x 1
// column (a 1-D array is usually a target or a feature of n samples, not one sample of n
// features); a 2-D array keeps its shape; an array of 3 or more dimensions keeps its first
// dimension as rows and flattens the rest, so n 28 x 28 images become n x 784.
import { readFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { describe, rangeError, typeError } from '../errors.js';
import { Matrix } from '../matrix.js';
import { describeByteCount, elementCount } from './element-count.js';
import { parsePythonLiteral, type PythonDict } from './python-literal.js';

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // "\x93NUMPY"

// Simple dtypes need headers well under 200 bytes, and NumPy 2.4's np.load rejects more than
// 10,000 by default. The limit stops a corrupt length from making the parser scan megabytes.
const MAX_HEADER_BYTES = 1 << 20;

type Kind = 'f' | 'i' | 'u' | 'b';

/** The element type of a .npy array. */
export interface NpyDtype {
  /** NumPy's type string as written in the header, such as '<f4' or '|u1'. */
  descr: string;
  /** Float, signed integer, unsigned integer or boolean, as NumPy's dtype.kind. */
  kind: Kind;
  /** Bytes per element. */
  itemSize: number;
}

interface NpyArray {
  descr: string;
  kind: Kind;
  itemSize: number;
  littleEndian: boolean;
  shape: number[];
  count: number;
  /** A view of the element bytes inside the file's bytes. */
  body: Uint8Array;
}

/** Reads a .npy file into a float32 Matrix; see the file comment for how shapes map. */
export function readNpy(path: string): Matrix {
  return toMatrix('readNpy', parseArray('readNpy', readFile('readNpy', path)));
}

/** Parses the bytes of a .npy file into a float32 Matrix. */
export function parseNpy(bytes: Uint8Array): Matrix {
  return toMatrix('parseNpy', parseArray('parseNpy', checkBytes('parseNpy', bytes)));
}

/**
 * Parses the bytes of a .npy file like parseNpy and also returns the file's dtype, for callers
 * whose handling depends on it (uint8 pixels are scaled, floats are not).
 */
export function parseNpyWithDtype(bytes: Uint8Array): { matrix: Matrix; dtype: NpyDtype } {
  const where = 'parseNpyWithDtype';
  const array = parseArray(where, checkBytes(where, bytes));
  return {
    matrix: toMatrix(where, array),
    dtype: { descr: array.descr, kind: array.kind, itemSize: array.itemSize },
  };
}

/** Reads a 1-D integer .npy file (class indices) into an Int32Array. */
export function readNpyLabels(path: string): Int32Array {
  const where = 'readNpyLabels';
  return toLabels(where, parseArray(where, readFile(where, path)));
}

/** Parses the bytes of a 1-D integer .npy file into an Int32Array. */
export function parseNpyLabels(bytes: Uint8Array): Int32Array {
  const where = 'parseNpyLabels';
  return toLabels(where, parseArray(where, checkBytes(where, bytes)));
}

function readFile(where: string, path: string): Uint8Array {
  if (typeof path !== 'string' || path === '') {
    throw typeError(where, `path must be a non-empty string, got ${describe(path)}`);
  }
  return readFileSync(path);
}

function checkBytes(where: string, bytes: Uint8Array): Uint8Array {
  if (!(bytes instanceof Uint8Array)) {
    throw typeError(where, `bytes must be a Uint8Array, got ${describe(bytes)}`);
  }
  return bytes;
}

function parseArray(where: string, bytes: Uint8Array): NpyArray {
  if (bytes.length < 10 || MAGIC.some((byte, i) => bytes[i] !== byte)) {
    throw rangeError(where, 'not a .npy file: the magic bytes "\\x93NUMPY" are missing');
  }
  const major = bytes[6];
  const minor = bytes[7];
  if (![1, 2, 3].includes(major) || minor !== 0) {
    throw rangeError(
      where,
      `.npy format version ${major}.${minor} is not supported, expected 1.0, 2.0 or 3.0`,
    );
  }

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lengthSize = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lengthSize) {
    throw rangeError(where, `file is ${bytes.length} bytes, too short for a .npy header`);
  }
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = 8 + lengthSize;
  const dataStart = headerStart + headerLength;
  if (headerLength > MAX_HEADER_BYTES) {
    throw rangeError(
      where,
      `header is ${headerLength} bytes, larger than the limit of ${MAX_HEADER_BYTES}`,
    );
  }
  if (dataStart > bytes.length) {
    throw rangeError(
      where,
      `header length is ${headerLength} bytes, but the file ends after ` +
        `${bytes.length - headerStart} (truncated file?)`,
    );
  }

  const headerBytes = bytes.subarray(headerStart, dataStart);
  const text = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(headerBytes);
  const header = parseHeader(where, text);
  const { kind, itemSize, littleEndian } = parseDescr(where, header.descr);
  const shape = header.shape;

  const available = bytes.length - dataStart;
  const count = elementCount(shape);
  if (count === undefined || count * itemSize !== available) {
    const needed = describeByteCount(count, itemSize);
    throw rangeError(
      where,
      `shape (${shape.join(', ')}) of ${header.descr} needs ${needed} data bytes, ` +
        `the file has ${available}`,
    );
  }
  return {
    descr: header.descr,
    kind,
    itemSize,
    littleEndian,
    shape,
    count,
    body: bytes.subarray(dataStart),
  };
}

function parseHeader(where: string, text: string): { descr: string; shape: number[] } {
  let parsed: unknown;
  try {
    parsed = parsePythonLiteral(text);
  } catch (error) {
    throw rangeError(where, `header is not a valid dict literal: ${(error as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw rangeError(where, `header must be a dict, got ${describe(parsed)}`);
  }
  const dict = parsed as PythonDict;
  const keys = Object.keys(dict).sort();
  if (keys.join(',') !== 'descr,fortran_order,shape') {
    throw rangeError(
      where,
      `header keys are [${keys.join(', ')}], expected descr, fortran_order and shape`,
    );
  }

  const { descr, fortran_order: fortranOrder, shape } = dict;
  if (typeof descr !== 'string') {
    throw rangeError(
      where,
      `descr ${JSON.stringify(descr)} is a structured dtype, which is not supported`,
    );
  }
  if (typeof fortranOrder !== 'boolean') {
    throw rangeError(where, `fortran_order must be True or False, got ${describe(fortranOrder)}`);
  }
  if (fortranOrder) {
    throw rangeError(
      where,
      'Fortran-order (column-major) arrays are not supported; save the array with ' +
        'np.save(path, np.ascontiguousarray(x))',
    );
  }
  const validShape =
    Array.isArray(shape) &&
    shape.every((size) => typeof size === 'number' && Number.isSafeInteger(size) && size >= 0);
  if (!validShape) {
    throw rangeError(
      where,
      `shape must be a tuple of non-negative integers, got ${JSON.stringify(shape)}`,
    );
  }
  return { descr, shape: shape as number[] };
}

const SUPPORTED = "'<f4', '<f8', '|u1', '|i1', '<i2', '<u2', '<i4', '<u4', '<i8', '<u8', '|b1'";

function parseDescr(
  where: string,
  descr: string,
): { kind: Kind; itemSize: number; littleEndian: boolean } {
  const match = /^([<>|])([fiub])([1248])$/.exec(descr);
  const unsupported = () =>
    rangeError(where, `dtype '${descr}' is not supported, expected one of ${SUPPORTED}`);
  if (match === null) throw unsupported();

  const [, order, kind, sizeText] = match;
  const itemSize = Number(sizeText);
  const valid =
    (kind === 'f' && (itemSize === 4 || itemSize === 8)) ||
    kind === 'i' ||
    kind === 'u' ||
    (kind === 'b' && itemSize === 1);
  // '|' ("byte order not applicable") is only meaningful for one-byte types.
  if (!valid || (order === '|' && itemSize !== 1)) throw unsupported();
  // Big-endian files ('>f4') are read correctly too: every element goes through a DataView.
  return { kind: kind as Kind, itemSize, littleEndian: order !== '>' };
}

function toMatrix(where: string, array: NpyArray): Matrix {
  const { shape, count } = array;
  const rows = shape.length === 0 ? 1 : shape[0];
  const cols = shape.slice(1).reduce((product, size) => product * size, 1);
  if (!Number.isSafeInteger(cols)) {
    throw rangeError(where, `shape (${shape.join(', ')}) has too many columns for a Matrix`);
  }
  const data = new Float32Array(count);

  if (array.kind === 'f' && array.itemSize === 4 && array.littleEndian && endianness() === 'LE') {
    // Copying bytes keeps every float32 bit pattern, NaN payloads included.
    new Uint8Array(data.buffer).set(array.body);
  } else {
    const read = elementReader(where, array);
    const exact = array.kind === 'i' || array.kind === 'u';
    for (let i = 0; i < count; i++) {
      const value = read(i);
      data[i] = value;
      if (exact && data[i] !== value) {
        throw rangeError(
          where,
          `element ${i} of the '${array.descr}' array is ${value}, which float32 cannot ` +
            'represent exactly',
        );
      }
    }
  }
  return new Matrix(rows, cols, data);
}

function toLabels(where: string, array: NpyArray): Int32Array {
  if (array.kind !== 'i' && array.kind !== 'u') {
    throw rangeError(where, `labels must have an integer dtype, got '${array.descr}'`);
  }
  if (array.shape.length !== 1) {
    throw rangeError(
      where,
      `labels must be a 1-D array, got shape (${array.shape.join(', ')})`,
    );
  }
  const labels = new Int32Array(array.count);
  const read = elementReader(where, array);
  for (let i = 0; i < array.count; i++) {
    const value = read(i);
    if (value < -0x80000000 || value > 0x7fffffff) {
      throw rangeError(where, `label ${i} is ${value}, outside the int32 range`);
    }
    labels[i] = value;
  }
  return labels;
}

// Reads element i as a number. A 64-bit integer beyond 2^53 has no exact number, so it is
// rejected here instead of being rounded into a value that later checks would accept.
function elementReader(where: string, array: NpyArray): (i: number) => number {
  const { body, itemSize, littleEndian: le } = array;
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const safe = (i: number, value: bigint): number => {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw rangeError(
        where,
        `element ${i} of the '${array.descr}' array is ${value}, too large to represent exactly`,
      );
    }
    return Number(value);
  };
  switch (`${array.kind}${itemSize}`) {
    case 'f4':
      return (i) => view.getFloat32(i * 4, le);
    case 'f8':
      return (i) => view.getFloat64(i * 8, le);
    case 'b1':
      return (i) => (view.getUint8(i) !== 0 ? 1 : 0);
    case 'u1':
      return (i) => view.getUint8(i);
    case 'i1':
      return (i) => view.getInt8(i);
    case 'u2':
      return (i) => view.getUint16(i * 2, le);
    case 'i2':
      return (i) => view.getInt16(i * 2, le);
    case 'u4':
      return (i) => view.getUint32(i * 4, le);
    case 'i4':
      return (i) => view.getInt32(i * 4, le);
    case 'u8':
      return (i) => safe(i, view.getBigUint64(i * 8, le));
    case 'i8':
      return (i) => safe(i, view.getBigInt64(i * 8, le));
    default:
      throw new Error(`unreachable: dtype ${array.descr}`);
  }
}
