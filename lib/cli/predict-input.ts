// Reads the samples of `nnfs predict --input FILE`: a .npy array, a .csv table or one
// grayscale image as a .png file.
import { extname } from 'node:path';
import { PNG } from 'pngjs';
import { Matrix } from '../matrix.js';
import { parseNpyWithDtype } from '../io/npy.js';
import { scalePixels } from '../datasets/pixels.js';
import { readInputFile } from './files.js';
import { UsageError } from './usage-error.js';

export interface InputOptions {
  /** Inputs per sample the model expects; used to read a 1-D .npy array as one sample. */
  inputWidth: number;
  /** For .png: use 255 - gray, for photos of a dark item on a light background. */
  invert?: boolean;
}

/** Reads `path` into a samples x features Matrix, choosing the reader by file extension. */
export function readPredictInput(path: string, options: InputOptions): Matrix {
  const extension = extname(path).toLowerCase();
  if (extension === '.npy') return readNpyInput(path, options.inputWidth);
  if (extension === '.csv') {
    return parseCsv(readInputFile(path, 'input file').toString('utf8'), path);
  }
  if (extension === '.png') return readPngInput(path, options.inputWidth, options.invert ?? false);
  throw new UsageError(`--input must be a .npy, .csv or .png file, got "${path}"`);
}

/**
 * Reads a .npy array. A uint8 array contains 8-bit pixels, as image files and the MNIST-style data
 * sets store them, so it is scaled like the training images: (x - 127.5) / 127.5. Arrays of
 * every other dtype (floats, wider or signed integers, booleans) are used as given.
 */
function readNpyInput(path: string, inputWidth: number): Matrix {
  const bytes = readInputFile(path, 'input file');
  let samples: Matrix;
  let pixels: boolean;
  try {
    const { matrix, dtype } = parseNpyWithDtype(bytes);
    samples = matrix;
    pixels = dtype.kind === 'u' && dtype.itemSize === 1;
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
  // The values of a uint8 array are whole numbers in [0, 255], so the conversion is exact.
  const data = pixels ? scalePixels(Uint8Array.from(samples.data)) : samples.data;
  // np.save of a single sample gives a 1-D array, which the .npy reader returns as a column.
  if (samples.cols === 1 && samples.rows === inputWidth && inputWidth > 1) {
    return new Matrix(1, inputWidth, data);
  }
  return new Matrix(samples.rows, samples.cols, data);
}

/**
 * Parses comma-separated rows of numbers. Blank lines are skipped, and so is a first line that
 * is not all numbers (a header).
 */
export function parseCsv(text: string, path: string): Matrix {
  const lines = text.split(/\r?\n/);
  const rows: number[][] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    const fields = line.split(',').map((field) => field.trim());
    const values = fields.map((field) => (field === '' ? NaN : Number(field)));
    const numeric = values.every((value) => Number.isFinite(value));
    if (!numeric && rows.length === 0 && isFirstContentLine(lines, i)) continue;
    if (!numeric) {
      const bad = fields[values.findIndex((value) => !Number.isFinite(value))];
      throw new UsageError(`${path} line ${i + 1}: "${bad}" is not a finite number`);
    }
    if (rows.length > 0 && values.length !== rows[0].length) {
      throw new UsageError(
        `${path} line ${i + 1}: ${values.length} values, expected ${rows[0].length} as in ` +
          'the first row',
      );
    }
    rows.push(values);
  }
  if (rows.length === 0) throw new UsageError(`${path} contains no rows of numbers`);
  return Matrix.from(rows);
}

function isFirstContentLine(lines: string[], index: number): boolean {
  for (let i = 0; i < index; i++) if (lines[i].trim() !== '') return false;
  return true;
}

/**
 * Reads one image as a 1 x (width * height) sample scaled like the training images:
 * (gray - 127.5) / 127.5. Colour pixels become gray with the ITU-R BT.601 luma weights
 * (0.299 R + 0.587 G + 0.114 B), as Pillow's convert('L') does; alpha is ignored.
 */
function readPngInput(path: string, inputWidth: number, invert: boolean): Matrix {
  const bytes = readInputFile(path, 'input file');
  let image: PNG;
  try {
    image = PNG.sync.read(bytes);
  } catch (error) {
    throw new UsageError(`cannot read ${path} as a PNG image: ${(error as Error).message}`);
  }
  const count = image.width * image.height;
  if (count !== inputWidth) {
    const side = Math.round(Math.sqrt(inputWidth));
    const square = side * side === inputWidth;
    const expected = square ? `${side}x${side} = ${inputWidth}` : `${inputWidth}`;
    throw new UsageError(
      `${path} is a ${image.width}x${image.height} image, but the model expects ${expected} ` +
        'pixels per sample',
    );
  }
  const gray = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const r = image.data[i * 4];
    const g = image.data[i * 4 + 1];
    const b = image.data[i * 4 + 2];
    const luma = Math.round((r * 299 + g * 587 + b * 114) / 1000);
    gray[i] = invert ? 255 - luma : luma;
  }
  return new Matrix(1, count, scalePixels(gray));
}
