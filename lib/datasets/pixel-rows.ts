// Reads the `fashion-mnist` package's class files, `{"data": [[p, p, ...], ...]}` with integer
// pixels 0..255. About 150 MB of JSON describe 70,000 images, and JSON.parse builds 55 million
// numbers in 70,000 arrays to hold them, so the common form is scanned byte by byte into one
// Uint8Array instead. Any other valid JSON goes through JSON.parse, which also produces the
// detailed error messages.
import { describe, rangeError } from '../errors.js';

export interface PixelRows {
  /** The non-empty rows packed one after another, `rows * rowLength` bytes. */
  pixels: Uint8Array;
  rows: number;
}

/** Parses a class file into its non-empty rows; empty rows (`[]`) are skipped. */
export function parsePixelRows(
  where: string,
  name: string,
  bytes: Uint8Array,
  rowLength: number,
): PixelRows {
  return scanPixelRows(bytes, rowLength) ?? parseWithJson(where, name, bytes, rowLength);
}

const SPACE = 0x20;
const TAB = 0x09;
const NEWLINE = 0x0a;
const RETURN = 0x0d;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const ZERO = 0x30;
const NINE = 0x39;
const DATA_KEY = Buffer.from('"data"');

function isSpace(byte: number): boolean {
  return byte === SPACE || byte === NEWLINE || byte === RETURN || byte === TAB;
}

/**
 * Scans the exact form `{"data": [[0, 255, ...], [], ...]}` (any JSON whitespace) with every
 * value an integer in [0, 255] and every row empty or `rowLength` long. Returns undefined at the
 * first byte outside that form.
 */
export function scanPixelRows(bytes: Uint8Array, rowLength: number): PixelRows | undefined {
  const end = bytes.length;
  let i = 0;
  const skipSpace = (): void => {
    while (i < end && isSpace(bytes[i])) i++;
  };
  const consume = (byte: number): boolean => {
    skipSpace();
    if (bytes[i] !== byte) return false;
    i++;
    return true;
  };

  if (!consume(OPEN_BRACE)) return undefined;
  skipSpace();
  for (let k = 0; k < DATA_KEY.length; k++, i++) {
    if (bytes[i] !== DATA_KEY[k]) return undefined;
  }
  if (!consume(COLON) || !consume(OPEN_BRACKET)) return undefined;

  // A row of rowLength pixels takes at least 2 * rowLength + 1 bytes of text (a digit per pixel,
  // commas between them, two brackets), so this many rows always fit.
  const pixels = new Uint8Array(Math.floor(end / (2 * rowLength)) * rowLength);
  let rows = 0;
  skipSpace();
  let more = bytes[i] !== CLOSE_BRACKET;
  if (!more) i++;

  while (more) {
    if (!consume(OPEN_BRACKET)) return undefined;
    skipSpace();
    if (bytes[i] === CLOSE_BRACKET) {
      i++;
    } else {
      let count = 0;
      const offset = rows * rowLength;
      // The hot loop: whitespace is skipped inline because the files contain almost none.
      for (;;) {
        let byte = bytes[i];
        while (isSpace(byte)) byte = bytes[++i];
        if (i >= end || count === rowLength || byte < ZERO || byte > NINE) return undefined;
        let value = byte - ZERO;
        byte = bytes[++i];
        // JSON forbids leading zeros, so "07" is not a number in the simple form.
        if (value === 0 && byte >= ZERO && byte <= NINE) return undefined;
        while (byte >= ZERO && byte <= NINE) {
          value = value * 10 + byte - ZERO;
          if (value > 255) return undefined;
          byte = bytes[++i];
        }
        pixels[offset + count++] = value;
        while (isSpace(byte)) byte = bytes[++i];
        i++;
        if (byte === CLOSE_BRACKET) break;
        if (byte !== COMMA) return undefined;
      }
      if (count !== rowLength) return undefined;
      rows++;
    }
    skipSpace();
    const separator = bytes[i++];
    if (separator === CLOSE_BRACKET) more = false;
    else if (separator !== COMMA) return undefined;
  }

  if (!consume(CLOSE_BRACE)) return undefined;
  skipSpace();
  if (i !== end) return undefined;
  return { pixels: pixels.subarray(0, rows * rowLength), rows };
}

// The general path, for valid JSON in any other form and for precise errors on invalid files.
function parseWithJson(
  where: string,
  name: string,
  bytes: Uint8Array,
  rowLength: number,
): PixelRows {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw rangeError(where, `${name} is not valid JSON: ${(error as Error).message}`);
  }
  const data = (parsed as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) {
    throw rangeError(where, `${name} must contain {"data": [[${rowLength} pixels], ...]}`);
  }

  const images = data.filter((row) => !Array.isArray(row) || row.length !== 0);
  const pixels = new Uint8Array(images.length * rowLength);
  images.forEach((row: unknown, index) => {
    if (!Array.isArray(row) || row.length !== rowLength) {
      throw rangeError(
        where,
        `${name}: image ${index} must be an array of ${rowLength} pixels, got ${describe(row)}`,
      );
    }
    for (let p = 0; p < rowLength; p++) {
      const value: unknown = row[p];
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 255) {
        throw rangeError(
          where,
          `${name}: image ${index} has pixel ${p} = ${describe(value)}, expected an integer ` +
            'in [0, 255]',
        );
      }
      pixels[index * rowLength + p] = value;
    }
  });
  return { pixels, rows: images.length };
}
