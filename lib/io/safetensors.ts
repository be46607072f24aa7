// safetensors, the file format of saved parameters, as defined by Hugging Face's `safetensors`.
// NOTE: files written here were checked by decoding them with NumPy, not with the Python
// `safetensors` package itself.
//
// Layout: bytes 0..7 contain the header length N as a little-endian u64. Bytes 8..8+N contain a
// UTF-8 JSON object `{ name: { dtype, shape, data_offsets: [begin, end] }, __metadata__: {...} }`,
// padded with spaces so the data starts 8-byte aligned. The rest is the data section: the raw
// little-endian tensor bytes back to back. Offsets are relative to the data section, and the
// format requires the tensors to cover it exactly, without gaps or overlaps.
//
// Only float32 (`F32`) tensors are read and written, since every parameter of this package is
// float32. Tensor bytes are copied as bytes, never through numbers, so -0, NaN payloads and
// denormals survive a round trip bit for bit.
import { readFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { describe, rangeError, typeError } from '../errors.js';
import { writeFileAtomic } from './atomic-write.js';
import { describeByteCount, elementCount } from './element-count.js';

export interface SafetensorsTensor {
  dtype: 'F32';
  shape: number[];
  data: Float32Array;
}

export interface SafetensorsFile {
  tensors: Record<string, SafetensorsTensor>;
  metadata: Record<string, string>;
}

export interface ReadSafetensorsOptions {
  /** Largest accepted JSON header, in bytes; larger headers are rejected before reading them. */
  maxHeaderBytes?: number;
}

/** 100 MiB: far above any real header, which needs roughly 100 bytes per tensor. */
export const DEFAULT_MAX_HEADER_BYTES = 100 * 1024 * 1024;

const METADATA_KEY = '__metadata__';
const F32_BYTES = 4;

/** Writes tensors and string metadata to `path`, replacing an existing file atomically. */
export function writeSafetensors(
  path: string,
  tensors: Record<string, SafetensorsTensor>,
  metadata: Record<string, string> = {},
): void {
  const where = 'writeSafetensors';
  if (typeof path !== 'string' || path === '') {
    throw typeError(where, `path must be a non-empty string, got ${describe(path)}`);
  }
  const { header, entries } = encode(where, tensors, metadata);
  writeFileAtomic(path, [header, ...entries.map(([, tensor]) => bytesOf(tensor.data))]);
}

/** Reads and validates a safetensors file of float32 tensors. */
export function readSafetensors(
  path: string,
  options: ReadSafetensorsOptions = {},
): SafetensorsFile {
  if (typeof path !== 'string' || path === '') {
    throw typeError('readSafetensors', `path must be a non-empty string, got ${describe(path)}`);
  }
  return decode('readSafetensors', readFileSync(path), options);
}

/** Encodes tensors and metadata as the bytes of a safetensors file. */
export function serializeSafetensors(
  tensors: Record<string, SafetensorsTensor>,
  metadata: Record<string, string> = {},
): Buffer {
  const { header, entries } = encode('serializeSafetensors', tensors, metadata);
  return Buffer.concat([header, ...entries.map(([, tensor]) => bytesOf(tensor.data))]);
}

/** Decodes and validates the bytes of a safetensors file. */
export function parseSafetensors(
  bytes: Uint8Array,
  options: ReadSafetensorsOptions = {},
): SafetensorsFile {
  if (!(bytes instanceof Uint8Array)) {
    throw typeError('parseSafetensors', `bytes must be a Uint8Array, got ${describe(bytes)}`);
  }
  return decode('parseSafetensors', bytes, options);
}

// Validates the arguments and builds the padded header (length prefix included).
function encode(
  where: string,
  tensors: Record<string, SafetensorsTensor>,
  metadata: Record<string, string>,
): { header: Buffer; entries: [string, SafetensorsTensor][] } {
  checkLittleEndian(where);
  if (tensors === null || typeof tensors !== 'object' || Array.isArray(tensors)) {
    throw typeError(where, `tensors must be an object of named tensors, got ${describe(tensors)}`);
  }
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) {
    throw typeError(where, `metadata must be an object of strings, got ${describe(metadata)}`);
  }

  const json: Record<string, unknown> = {};
  const metadataEntries = Object.entries(metadata);
  for (const [key, value] of metadataEntries) {
    if (typeof value !== 'string') {
      throw typeError(where, `metadata["${key}"] must be a string, got ${describe(value)}`);
    }
  }
  if (metadataEntries.length > 0) json[METADATA_KEY] = Object.fromEntries(metadataEntries);

  const entries = Object.entries(tensors);
  let offset = 0;
  for (const [name, tensor] of entries) {
    checkTensor(where, name, tensor);
    const end = offset + tensor.data.byteLength;
    json[name] = { dtype: 'F32', shape: [...tensor.shape], data_offsets: [offset, end] };
    offset = end;
  }

  const text = Buffer.from(JSON.stringify(json), 'utf8');
  const padded = Math.ceil(text.length / 8) * 8;
  const header = Buffer.alloc(8 + padded, 0x20);
  header.writeBigUInt64LE(BigInt(padded), 0);
  text.copy(header, 8);
  return { header, entries };
}

function checkTensor(where: string, name: string, tensor: SafetensorsTensor): void {
  const label = `tensors["${name}"]`;
  if (name === METADATA_KEY) {
    throw rangeError(where, `"${METADATA_KEY}" is reserved for metadata and cannot name a tensor`);
  }
  if (tensor === null || typeof tensor !== 'object') {
    throw typeError(where, `${label} must be { dtype, shape, data }, got ${describe(tensor)}`);
  }
  if (tensor.dtype !== 'F32') {
    throw rangeError(where, `${label}.dtype must be "F32", got ${describe(tensor.dtype)}`);
  }
  if (!(tensor.data instanceof Float32Array)) {
    throw typeError(where, `${label}.data must be a Float32Array, got ${describe(tensor.data)}`);
  }
  if (!Array.isArray(tensor.shape)) {
    throw typeError(where, `${label}.shape must be an array, got ${describe(tensor.shape)}`);
  }
  let count = 1;
  for (const size of tensor.shape) {
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
      throw rangeError(
        where,
        `${label}.shape must contain non-negative integers, got [${tensor.shape.join(', ')}]`,
      );
    }
    count *= size;
  }
  if (count !== tensor.data.length) {
    throw rangeError(
      where,
      `${label}.shape [${tensor.shape.join(', ')}] needs ${count} values, ` +
        `data has ${tensor.data.length}`,
    );
  }
}

// A view of the tensor's own bytes, so writing copies nothing. On a little-endian host these
// bytes are already in the file's byte order.
function bytesOf(data: Float32Array): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

interface HeaderEntry {
  name: string;
  shape: number[];
  begin: number;
  end: number;
}

// Every number taken from the file is checked before anything is allocated from it. Tensor
// buffers are allocated only after the whole header has been validated against the file size.
function decode(
  where: string,
  bytes: Uint8Array,
  options: ReadSafetensorsOptions,
): SafetensorsFile {
  checkLittleEndian(where);
  const maxHeaderBytes = options.maxHeaderBytes ?? DEFAULT_MAX_HEADER_BYTES;
  if (!Number.isSafeInteger(maxHeaderBytes) || maxHeaderBytes < 2) {
    throw rangeError(
      where,
      `options.maxHeaderBytes must be an integer >= 2, got ${describe(maxHeaderBytes)}`,
    );
  }

  if (bytes.length < 8) {
    throw rangeError(
      where,
      `file is ${bytes.length} bytes, too short for the 8-byte header length`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const declared = view.getBigUint64(0, true);
  // A length beyond the file usually means the file is something else, so report that first.
  if (declared > BigInt(bytes.length - 8)) {
    throw rangeError(
      where,
      `not a safetensors file, or a truncated one: the header length field says ${declared} ` +
        `bytes, but only ${bytes.length - 8} bytes follow it`,
    );
  }
  if (declared > BigInt(maxHeaderBytes)) {
    throw rangeError(
      where,
      `header length is ${declared} bytes, larger than the limit of ${maxHeaderBytes} ` +
        `(options.maxHeaderBytes)`,
    );
  }
  const headerLength = Number(declared);

  const header = parseHeader(where, bytes.subarray(8, 8 + headerLength));
  const dataStart = 8 + headerLength;
  const dataLength = bytes.length - dataStart;
  const metadata = readMetadata(where, header[METADATA_KEY]);
  const entries = Object.keys(header)
    .filter((name) => name !== METADATA_KEY)
    .map((name) => readEntry(where, name, header[name], dataLength));
  checkContiguous(where, entries, dataLength);

  const tensors = entries.map(({ name, shape, begin, end }): [string, SafetensorsTensor] => {
    const data = new Float32Array((end - begin) / F32_BYTES);
    new Uint8Array(data.buffer).set(bytes.subarray(dataStart + begin, dataStart + end));
    return [name, { dtype: 'F32', shape, data }];
  });
  // Object.fromEntries defines own properties, so a tensor named "__proto__" stays a tensor.
  return { tensors: Object.fromEntries(tensors), metadata };
}

function parseHeader(where: string, raw: Uint8Array): Record<string, unknown> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw rangeError(where, 'header is not valid UTF-8');
  }
  let header: unknown;
  try {
    header = JSON.parse(text);
  } catch (error) {
    throw rangeError(where, `header is not valid JSON: ${(error as Error).message}`);
  }
  if (header === null || typeof header !== 'object' || Array.isArray(header)) {
    throw rangeError(where, `header must be a JSON object, got ${describe(header)}`);
  }
  return header as Record<string, unknown>;
}

function readMetadata(where: string, value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw rangeError(where, `${METADATA_KEY} must be an object of strings, got ${describe(value)}`);
  }
  const entries = Object.entries(value as Record<string, unknown>);
  for (const [key, item] of entries) {
    if (typeof item !== 'string') {
      throw rangeError(
        where,
        `${METADATA_KEY}["${key}"] must be a string, got ${describe(item)}`,
      );
    }
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

function readEntry(where: string, name: string, value: unknown, dataLength: number): HeaderEntry {
  const label = `tensor "${name}"`;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw rangeError(
      where,
      `${label} must be { dtype, shape, data_offsets }, got ${describe(value)}`,
    );
  }
  const { dtype, shape, data_offsets: offsets } = value as Record<string, unknown>;

  if (dtype !== 'F32') {
    const dtypeText = typeof dtype === 'string' ? JSON.stringify(dtype) : describe(dtype);
    throw rangeError(
      where,
      `${label} has dtype ${dtypeText}, expected "F32" (only float32 tensors are supported)`,
    );
  }

  if (!Array.isArray(shape) || !shape.every(isNonNegativeInteger)) {
    throw rangeError(
      where,
      `${label} has shape ${JSON.stringify(shape)}, expected an array of non-negative integers`,
    );
  }
  const count = elementCount(shape as number[]);
  const needed = describeByteCount(count, F32_BYTES);

  if (
    !Array.isArray(offsets) ||
    offsets.length !== 2 ||
    !offsets.every(isNonNegativeInteger) ||
    offsets[0] > offsets[1]
  ) {
    throw rangeError(
      where,
      `${label} has data_offsets ${JSON.stringify(offsets)}, expected [begin, end] with ` +
        `0 <= begin <= end`,
    );
  }
  const [begin, end] = offsets as [number, number];
  if (end > dataLength) {
    throw rangeError(
      where,
      `${label} has data_offsets [${begin}, ${end}] outside the data section of ` +
        `${dataLength} bytes (truncated file?)`,
    );
  }
  if (count === undefined || count * F32_BYTES !== end - begin) {
    throw rangeError(
      where,
      `${label} has shape [${shape.join(', ')}] (${needed} bytes of F32) but ` +
        `data_offsets [${begin}, ${end}] span ${end - begin} bytes`,
    );
  }
  return { name, shape: shape as number[], begin, end };
}

function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

// The format requires the tensors to tile the data section exactly: sorted by offset, each one
// starts where the previous ended, the first at 0 and the last at the end of the file.
function checkContiguous(where: string, entries: HeaderEntry[], dataLength: number): void {
  const sorted = [...entries].sort((a, b) => a.begin - b.begin || a.end - b.end);
  let position = 0;
  let previous: HeaderEntry | undefined;
  for (const entry of sorted) {
    if (entry.begin < position) {
      const other = previous as HeaderEntry;
      throw rangeError(
        where,
        `tensors "${other.name}" [${other.begin}, ${other.end}) and "${entry.name}" ` +
          `[${entry.begin}, ${entry.end}) overlap`,
      );
    }
    if (entry.begin > position) {
      throw rangeError(
        where,
        `bytes [${position}, ${entry.begin}) of the data section belong to no tensor`,
      );
    }
    position = entry.end;
    previous = entry;
  }
  if (position !== dataLength) {
    throw rangeError(
      where,
      `data section is ${dataLength} bytes but the tensors cover only ${position}`,
    );
  }
}

// Tensor bytes are copied straight into Float32Arrays, which use the host's byte order.
function checkLittleEndian(where: string): void {
  if (endianness() !== 'LE') {
    throw new Error(`${where}: big-endian hosts are not supported`);
  }
}
