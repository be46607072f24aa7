// NumPy's legacy global generator (`np.random.seed`, `np.random.randn`, ...), reproduced
// draw for draw so that seeded runs match the book's Python output. The algorithms follow
// NumPy's RandomState (MT19937 seeded by init_genrand, the 53-bit double, the polar Gaussian,
// masked-rejection bounded integers and the legacy binomial samplers).
//
// NOTE: randn and binomial call Math.log, Math.exp and Math.sqrt in float64. sqrt is correctly
// rounded; V8's log and exp are within 1 ulp of the exact value, as is the C library NumPy
// calls, so a draw could in principle differ in its last bit. The NumPy streams in the tests
// (several hundred Gaussians and binomial draws) show no difference.
import {
  checkAttached, checkInteger, checkNumber, describe, rangeError, typeError,
} from './errors.js';

const STATE_SIZE = 624;
const SHIFT_SIZE = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

/** The full position of a generator: its 624 key words, the index and the kept Gaussian. */
export interface RandomStateSnapshot {
  readonly key: Uint32Array;
  readonly pos: number;
  readonly hasGauss: boolean;
  readonly gauss: number;
}

/** The values the legacy inversion method computes before each binomial draw. */
interface InversionConstants {
  q: number;
  qn: number;
  bound: number;
}

function inversionConstants(n: number, p: number): InversionConstants {
  const q = 1 - p;
  const np = n * p;
  return {
    q,
    qn: Math.exp(n * Math.log(q)),
    bound: Math.floor(Math.min(n, np + 10 * Math.sqrt(np * q + 1))),
  };
}

/** One MT19937 stream with NumPy RandomState's derived draws. */
export class RandomState {
  private readonly key = new Uint32Array(STATE_SIZE);
  private pos = STATE_SIZE;
  private hasGauss = false;
  private gauss = 0;

  constructor(seedValue = 0) {
    this.seed(seedValue);
  }

  /** Reseeds like `np.random.seed(n)` (n in [0, 2^32 - 1]) and drops the kept Gaussian. */
  seed(seedValue: number): void {
    checkInteger('seed', 'n', seedValue, 0, 0xffffffff);
    const key = this.key;
    key[0] = seedValue >>> 0;
    for (let i = 1; i < STATE_SIZE; i++) {
      const previous = key[i - 1];
      key[i] = (Math.imul(1812433253, previous ^ (previous >>> 30)) + i) >>> 0;
    }
    this.pos = STATE_SIZE;
    this.hasGauss = false;
    this.gauss = 0;
  }

  /** A copy of the generator's position, like NumPy's `get_state()`. */
  getState(): RandomStateSnapshot {
    return { key: this.key.slice(), pos: this.pos, hasGauss: this.hasGauss, gauss: this.gauss };
  }

  /** Returns the generator to a position taken by getState(). */
  setState(state: RandomStateSnapshot): void {
    this.key.set(state.key);
    this.pos = state.pos;
    this.hasGauss = state.hasGauss;
    this.gauss = state.gauss;
  }

  /** Draws the next tempered 32-bit word. */
  nextUint32(): number {
    if (this.pos === STATE_SIZE) this.twist();
    let y = this.key[this.pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** Draws a double in [0, 1) from two words, 27 + 26 bits, as `random_sample` does. */
  nextDouble(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low) / 9007199254740992;
  }

  /**
   * Draws a standard normal value with the polar method. Each accepted pair yields two values:
   * the second is returned now and the first is kept for the next call.
   */
  nextGaussian(): number {
    if (this.hasGauss) {
      this.hasGauss = false;
      const cached = this.gauss;
      this.gauss = 0;
      return cached;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * this.nextDouble() - 1;
      x2 = 2 * this.nextDouble() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const factor = Math.sqrt((-2 * Math.log(r2)) / r2);
    this.gauss = factor * x1;
    this.hasGauss = true;
    return factor * x2;
  }

  /** Draws an integer in [0, max] by masked rejection on 32-bit words (max < 2^32). */
  nextInterval(max: number): number {
    if (max === 0) return 0;
    let mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    let value: number;
    do {
      value = (this.nextUint32() & mask) >>> 0;
    } while (value > max);
    return value;
  }

  /** Draws one binomial(n, p) value with NumPy's legacy choice of algorithm. */
  nextBinomial(n: number, p: number): number {
    if (p <= 0.5) {
      return p * n <= 30 ? this.binomialInversion(n, p) : this.binomialBtpe(n, p);
    }
    const q = 1 - p;
    return q * n <= 30 ? n - this.binomialInversion(n, q) : n - this.binomialBtpe(n, q);
  }

  /**
   * Fills `out` with binomial(n, p) draws: the same values as calling nextBinomial once per
   * element in order, with the inversion method's constants (an exp and a log) computed once.
   */
  fillBinomial(n: number, p: number, out: Float32Array | Int32Array): void {
    const mirrored = p > 0.5;
    const r = mirrored ? 1 - p : p;
    if (r * n > 30) {
      for (let i = 0; i < out.length; i++) out[i] = this.nextBinomial(n, p);
      return;
    }
    const constants = inversionConstants(n, r);
    for (let i = 0; i < out.length; i++) {
      const x = this.binomialInversionWith(n, r, constants);
      out[i] = mirrored ? n - x : x;
    }
  }

  /** Sequential search through the cumulative probabilities, restarted past a far bound. */
  private binomialInversion(n: number, p: number): number {
    return this.binomialInversionWith(n, p, inversionConstants(n, p));
  }

  private binomialInversionWith(n: number, p: number, constants: InversionConstants): number {
    const { q, qn, bound } = constants;
    let x = 0;
    let px = qn;
    let u = this.nextDouble();
    while (u > px) {
      x++;
      if (x > bound) {
        x = 0;
        px = qn;
        u = this.nextDouble();
      } else {
        u -= px;
        px = ((n - x + 1) * p * px) / (x * q);
      }
    }
    return x;
  }

  /**
   * Kachitvichyanukul and Schmeiser's BTPE rejection sampler (triangle, parallelograms and
   * exponential tails), for n * p > 30 with p <= 0.5. Every constant and comparison follows
   * NumPy's implementation so that the same words are accepted.
   */
  private binomialBtpe(n: number, p: number): number {
    const r = Math.min(p, 1 - p);
    const q = 1 - r;
    const fm = n * r + r;
    const m = Math.floor(fm);
    const p1 = Math.floor(2.195 * Math.sqrt(n * r * q) - 4.6 * q) + 0.5;
    const xm = m + 0.5;
    const xl = xm - p1;
    const xr = xm + p1;
    const c = 0.134 + 20.5 / (15.3 + m);
    let a = (fm - xl) / (fm - xl * r);
    const laml = a * (1 + a / 2);
    a = (xr - fm) / (xr * q);
    const lamr = a * (1 + a / 2);
    const p2 = p1 * (1 + 2 * c);
    const p3 = p2 + c / laml;
    const p4 = p3 + c / lamr;
    const nrq = n * r * q;

    for (;;) {
      const u = this.nextDouble() * p4;
      let v = this.nextDouble();
      let y: number;

      // The triangle in the middle accepts at once.
      if (u <= p1) return Math.floor(xm - p1 * v + u);

      if (u <= p2) {
        // The parallelograms beside the triangle.
        const x = xl + (u - p1) / c;
        v = v * c + 1 - Math.abs(m - x + 0.5) / p1;
        if (v > 1) continue;
        y = Math.floor(x);
      } else if (u <= p3) {
        // The left exponential tail; v = 0 would give log(0), so it is rejected.
        y = Math.floor(xl + Math.log(v) / laml);
        if (y < 0 || v === 0) continue;
        v = v * (u - p2) * laml;
      } else {
        // The right exponential tail.
        y = Math.floor(xr - Math.log(v) / lamr);
        if (y > n || v === 0) continue;
        v = v * (u - p3) * lamr;
      }

      const k = Math.abs(y - m);
      if (!(k > 20 && k < nrq / 2 - 1)) {
        // Near the mode: compare with the exact ratio f(y) / f(m), built term by term.
        const s = r / q;
        const base = s * (n + 1);
        let ratio = 1;
        if (m < y) {
          for (let i = m + 1; i <= y; i++) ratio *= base / i - s;
        } else if (m > y) {
          for (let i = y + 1; i <= m; i++) ratio /= base / i - s;
        }
        if (v > ratio) continue;
        return y;
      }

      // Far from the mode: squeeze with bounds on log f(y) / f(m), then Stirling's series.
      const rho = (k / nrq) * ((k * (k / 3 + 0.625) + 0.16666666666666666) / nrq + 0.5);
      const t = (-k * k) / (2 * nrq);
      const logV = Math.log(v);
      if (logV < t - rho) return y;
      if (logV > t + rho) continue;

      const x1 = y + 1;
      const f1 = m + 1;
      const z = n + 1 - m;
      const w = n - y + 1;
      const bound =
        xm * Math.log(f1 / x1) +
        (n - m + 0.5) * Math.log(z / w) +
        (y - m) * Math.log((w * r) / (x1 * q)) +
        stirlingTail(f1) +
        stirlingTail(z) +
        stirlingTail(x1) +
        stirlingTail(w);
      if (logV > bound) continue;
      return y;
    }
  }

  private twist(): void {
    const key = this.key;
    let i = 0;
    for (; i < STATE_SIZE - SHIFT_SIZE; i++) {
      const y = (key[i] & UPPER_MASK) | (key[i + 1] & LOWER_MASK);
      key[i] = key[i + SHIFT_SIZE] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; i < STATE_SIZE - 1; i++) {
      const y = (key[i] & UPPER_MASK) | (key[i + 1] & LOWER_MASK);
      key[i] = key[i + SHIFT_SIZE - STATE_SIZE] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    const y = (key[STATE_SIZE - 1] & UPPER_MASK) | (key[0] & LOWER_MASK);
    key[STATE_SIZE - 1] = key[SHIFT_SIZE - 1] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    this.pos = 0;
  }
}

/** Computes the correction term of Stirling's series for log(x!), as BTPE evaluates it. */
function stirlingTail(x: number): number {
  const x2 = x * x;
  return (13680 - (462 - (132 - (99 - 140 / x2) / x2) / x2) / x2) / x / 166320;
}

/** The generator behind the module functions, used by layer initialisation and dropout. */
export const globalRandomState = new RandomState(0);

/** A mutable indexed sequence that `shuffle` can permute in place. */
export type ShuffleTarget =
  | number[]
  | Float32Array
  | Float64Array
  | Int8Array
  | Int16Array
  | Int32Array
  | Uint8Array
  | Uint8ClampedArray
  | Uint16Array
  | Uint32Array;

/** A row-major table that `shuffleTogether` permutes row by row. */
export interface RowTable {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float32Array;
}

/** Reseeds the global generator, like `np.random.seed(n)`. */
export function seed(n: number): void {
  globalRandomState.seed(n);
}

/** `count` standard normal draws, like `np.random.randn(count)`. */
export function randn(count: number): Float64Array {
  checkInteger('randn', 'count', count, 0);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = globalRandomState.nextGaussian();
  return out;
}

/** `count` doubles in [0, 1), like `np.random.random_sample(count)`. */
export function randomSample(count: number): Float64Array {
  checkInteger('randomSample', 'count', count, 0);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = globalRandomState.nextDouble();
  return out;
}

/**
 * Shuffles `array` in place like `np.random.shuffle` on a 1-D array: Fisher-Yates from the last
 * element down, swapping element i with a uniform index in [0, i].
 */
export function shuffle<T extends ShuffleTarget>(array: T): T {
  if (!isShuffleTarget(array)) {
    throw typeError('shuffle', `array must be a number[] or a typed array, got ${describe(array)}`);
  }
  if (!Array.isArray(array)) checkAttached('shuffle', 'array', array);
  const values = array as number[];
  for (let i = values.length - 1; i > 0; i--) {
    const j = globalRandomState.nextInterval(i);
    const swapped = values[i];
    values[i] = values[j];
    values[j] = swapped;
  }
  return array;
}

/**
 * Draws a random permutation of 0..n-1, like `np.random.permutation(n)`. It shuffles
 * `arange(n)`, so it draws the same words as `shuffle` on an array of length n.
 */
export function permutation(n: number): Int32Array {
  checkInteger('permutation', 'n', n, 0, 0x7fffffff);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return shuffle(order);
}

/**
 * Reorders several row-aligned collections with one permutation, in place, as the book does
 * with `keys = np.array(range(n)); np.random.shuffle(keys); X = X[keys]; y = y[keys]`. Each item
 * is a matrix (rows move) or an array with one element per row. Returns the permutation.
 */
export function shuffleTogether(...items: (RowTable | ShuffleTarget)[]): Int32Array {
  const where = 'shuffleTogether';
  if (items.length === 0) throw typeError(where, 'expected at least one matrix or array');
  const rowCounts = items.map((item, index) => {
    if (isShuffleTarget(item)) return item.length;
    if (isRowTable(item)) return item.rows;
    throw typeError(
      where,
      `item ${index} must be a Matrix, a number[] or a typed array, got ${describe(item)}`,
    );
  });
  for (let index = 1; index < items.length; index++) {
    if (rowCounts[index] !== rowCounts[0]) {
      throw rangeError(
        where,
        `item ${index} has ${rowCounts[index]} rows, expected ${rowCounts[0]} like item 0`,
      );
    }
  }

  const order = permutation(rowCounts[0]);
  for (const item of items) {
    if (isShuffleTarget(item)) {
      const source = item.slice() as number[];
      const target = item as number[];
      for (let i = 0; i < order.length; i++) target[i] = source[order[i]];
    } else {
      const cols = item.cols;
      const source = item.data.slice();
      for (let i = 0; i < order.length; i++) {
        item.data.set(source.subarray(order[i] * cols, (order[i] + 1) * cols), i * cols);
      }
    }
  }
  return order;
}

/**
 * `count` draws from binomial(n, p), like `np.random.binomial(n, p, count)`: inversion when
 * min(p, 1 - p) * n <= 30, BTPE otherwise, mirrored when p > 0.5. Every draw consumes at
 * least one double, even for n = 0 or p = 0, as NumPy's legacy sampler does.
 */
export function binomial(n: number, p: number, count: number): Int32Array {
  checkInteger('binomial', 'n', n, 0, 0x7fffffff);
  checkNumber('binomial', 'p', p, 0, 1);
  checkInteger('binomial', 'count', count, 0);
  const out = new Int32Array(count);
  globalRandomState.fillBinomial(n, p, out);
  return out;
}

/** The global generator's functions under one name, as `np.random` groups them. */
export const random = {
  seed,
  randn,
  randomSample,
  shuffle,
  shuffleTogether,
  permutation,
  binomial,
} as const;

function isShuffleTarget(value: unknown): value is ShuffleTarget {
  if (Array.isArray(value)) return true;
  return ArrayBuffer.isView(value) && !(value instanceof DataView) &&
    !(value instanceof BigInt64Array) && !(value instanceof BigUint64Array);
}

function isRowTable(value: unknown): value is RowTable {
  if (typeof value !== 'object' || value === null) return false;
  const table = value as Partial<RowTable>;
  return Number.isInteger(table.rows) && Number.isInteger(table.cols) &&
    table.data instanceof Float32Array && table.data.length === table.rows! * table.cols!;
}
