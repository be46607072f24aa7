import { describe, rangeError, typeError, checkInteger, checkAttached } from './errors.js';
import { formatMatrix } from './format.js';

/**
 * A row-major float32 matrix. `data` contains `rows * cols` values and may be a view into a larger
 * buffer (a `subarray` with a byte offset); every kernel reads it through its own offset.
 */
export class Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float32Array;

  constructor(rows: number, cols: number, data?: Float32Array) {
    checkInteger('Matrix', 'rows', rows, 0);
    checkInteger('Matrix', 'cols', cols, 0);
    if (data === undefined) {
      this.data = new Float32Array(rows * cols);
    } else {
      if (!(data instanceof Float32Array)) {
        throw typeError('Matrix', `data must be a Float32Array, got ${describe(data)}`);
      }
      checkAttached('Matrix', 'data', data);
      if (data.length !== rows * cols) {
        throw rangeError(
          'Matrix',
          `data has ${data.length} values, expected ${rows * cols} for shape [${rows}, ${cols}]`,
        );
      }
      this.data = data;
    }
    this.rows = rows;
    this.cols = cols;
  }

  get shape(): [number, number] {
    return [this.rows, this.cols];
  }

  /** A zero-filled rows x cols matrix. */
  static zeros(rows: number, cols: number): Matrix {
    checkInteger('Matrix.zeros', 'rows', rows, 0);
    checkInteger('Matrix.zeros', 'cols', cols, 0);
    return new Matrix(rows, cols);
  }

  /**
   * Builds a matrix from nested arrays (copied, each value rounded to float32), or wraps a
   * Float32Array without copying. A flat number[] or a Float32Array without a shape becomes a
   * single row, as a 1-D NumPy array does when it is used as a batch of one.
   */
  static from(source: readonly (readonly number[])[] | readonly number[] | Float32Array,
    shape?: readonly [number, number]): Matrix {
    const where = 'Matrix.from';
    if (source instanceof Float32Array) {
      checkAttached(where, 'source', source);
      if (shape === undefined) return new Matrix(1, source.length, source);
      const [rows, cols] = checkShape(where, shape);
      if (rows * cols !== source.length) {
        throw rangeError(
          where,
          `shape [${rows}, ${cols}] needs ${rows * cols} values, source has ${source.length}`,
        );
      }
      return new Matrix(rows, cols, source);
    }
    if (!Array.isArray(source)) {
      throw typeError(
        where,
        `source must be a number[][], a number[] or a Float32Array, got ${describe(source)}`,
      );
    }
    const nested = source.length > 0 && Array.isArray(source[0]);
    const rowsOf = nested ? (source as readonly (readonly number[])[]) : [source as number[]];
    const rows = rowsOf.length;
    const cols = rows > 0 ? rowsOf[0].length : 0;
    const data = new Float32Array(rows * cols);
    for (let r = 0; r < rows; r++) {
      const row = rowsOf[r];
      if (!Array.isArray(row)) {
        throw typeError(where, `row ${r} must be an array of numbers, got ${describe(row)}`);
      }
      if (row.length !== cols) {
        throw rangeError(where, `row ${r} has ${row.length} values, expected ${cols}`);
      }
      for (let c = 0; c < cols; c++) {
        const value = row[c];
        if (typeof value !== 'number') {
          throw typeError(where, `element [${r}][${c}] must be a number, got ${describe(value)}`);
        }
        data[r * cols + c] = value;
      }
    }
    if (shape !== undefined) {
      const [shapeRows, shapeCols] = checkShape(where, shape);
      if (shapeRows * shapeCols !== data.length) {
        throw rangeError(
          where,
          `shape [${shapeRows}, ${shapeCols}] needs ${shapeRows * shapeCols} values, ` +
            `source has ${data.length}`,
        );
      }
      return new Matrix(shapeRows, shapeCols, data);
    }
    return new Matrix(rows, cols, data);
  }

  get(r: number, c: number): number {
    checkInteger('Matrix.get', 'r', r, 0, this.rows - 1);
    checkInteger('Matrix.get', 'c', c, 0, this.cols - 1);
    return this.data[r * this.cols + c];
  }

  /** Row r as a view that shares memory with this matrix. */
  row(r: number): Float32Array {
    checkInteger('Matrix.row', 'r', r, 0, this.rows - 1);
    return this.data.subarray(r * this.cols, (r + 1) * this.cols);
  }

  toArray(): number[][] {
    const out: number[][] = [];
    for (let r = 0; r < this.rows; r++) out.push(Array.from(this.row(r)));
    return out;
  }

  /** A deep copy with its own buffer. */
  clone(): Matrix {
    return new Matrix(this.rows, this.cols, this.data.slice());
  }

  /** Prints like NumPy's repr of a float32 array, so output can be compared with the book. */
  toString(): string {
    return formatMatrix(this);
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `Matrix ${this.rows}x${this.cols}\n${this.toString()}`;
  }
}

function checkShape(where: string, shape: unknown): [number, number] {
  if (!Array.isArray(shape) || shape.length !== 2) {
    throw typeError(where, `shape must be [rows, cols], got ${describe(shape)}`);
  }
  const rows = checkInteger(where, 'shape[0]', shape[0], 0);
  const cols = checkInteger(where, 'shape[1]', shape[1], 0);
  return [rows, cols];
}

/**
 * Checks that `value` is a Matrix with at least one row and one column, and exactly `cols`
 * columns when `cols` is given. Layers call it on every input before they change any state.
 */
export function checkBatch(where: string, name: string, value: unknown, cols?: number): Matrix {
  if (!(value instanceof Matrix)) {
    throw typeError(where, `${name} must be a Matrix, got ${describe(value)}`);
  }
  checkAttached(where, name, value.data);
  if (value.rows === 0) {
    throw rangeError(where, `${name} has 0 rows, expected at least 1`);
  }
  if (cols !== undefined && value.cols !== cols) {
    throw rangeError(where, `${name} has ${value.cols} columns, expected ${cols}`);
  }
  if (value.cols === 0) {
    throw rangeError(where, `${name} has 0 columns, expected at least 1`);
  }
  return value;
}

/**
 * Checks the gradient passed to a backward pass against the matrix its forward pass kept
 * (`saved`, undefined before the first forward): it must be a Matrix of the same shape.
 * Returns `saved`, so the caller has it narrowed to a Matrix.
 */
export function checkDvalues(where: string, dvalues: unknown, saved: Matrix | undefined): Matrix {
  if (saved === undefined) {
    throw new Error(`${where}: no forward pass has run yet, call forward(inputs) first`);
  }
  const checked = checkBatch(where, 'dvalues', dvalues, saved.cols);
  if (checked.rows !== saved.rows) {
    throw rangeError(where, `dvalues has ${checked.rows} rows, expected ${saved.rows}`);
  }
  return saved;
}

/**
 * Returns `current` when it has the requested shape, else a new zero matrix. Layers keep their
 * output buffers this way, so a steady batch size allocates nothing.
 */
export function reuseMatrix(current: Matrix | undefined, rows: number, cols: number): Matrix {
  if (current !== undefined && current.rows === rows && current.cols === cols) return current;
  return new Matrix(rows, cols);
}
