// The package's counterpart of the book's `nnfs.init()`: one call that makes a run repeatable.
import type { Precision } from './backend/kernels.js';
import { setPrecisionValue } from './config.js';
import { checkInteger, describe, rangeError, typeError } from './errors.js';
import { seed as seedGenerator } from './random.js';

export interface InitOptions {
  /** Seed of the global generator, an integer in [0, 2^32 - 1]. Default 0, as `nnfs.init()`. */
  seed?: number;
  /**
   * Product precision: `fast` (float32 BLAS) or `reference` (float64, rounded once to float32,
   * which reproduces NumPy's output bit for bit). Default `fast`.
   */
  precision?: Precision;
}

/**
 * Seeds the global generator and sets the product precision. Every argument is checked before
 * anything changes, so a rejected call leaves the previous settings in place.
 */
export function init(options: InitOptions = {}): void {
  if (typeof options !== 'object' || options === null) {
    throw typeError('init', `options must be an object, got ${describe(options)}`);
  }
  const { seed = 0, precision = 'fast' } = options;
  checkInteger('init', 'seed', seed, 0, 0xffffffff);
  if (typeof precision !== 'string') {
    throw typeError('init', `precision must be "fast" or "reference", got ${describe(precision)}`);
  }
  if (precision !== 'fast' && precision !== 'reference') {
    throw rangeError(
      'init',
      `precision must be "fast" or "reference", got ${JSON.stringify(precision)}`,
    );
  }

  seedGenerator(seed);
  setPrecisionValue(precision);
}
