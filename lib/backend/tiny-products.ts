// Routes tiny matrix products of the native backend to the js kernels.
//
// A call into the addon has a fixed cost (argument checks at the Node-API boundary and
// OpenBLAS's setup of one cblas_sgemm call) of about 1 us, more than a tiny product's arithmetic.
// Square products through each backend's `gemm` (bench/tiny-products.mjs, 2-core AMD EPYC with
// AVX2, OpenBLAS 0.3.21, two runs under load) were faster in js up to 8 x 8 x 8 and faster
// native from 12 x 12 x 12 on, so products of at most 512 multiply-adds run in js. Both
// backends agree within the float32 dot-product bound, so the choice changes no result beyond
// that tolerance. Calls with invalid arguments always go to the addon, which throws its error.
import type { Kernels, Precision } from './kernels.js';

/** Products with m * n * k at or below this run on the js kernel. */
export const TINY_PRODUCT_WORK = 512;

/** Whether `array` is a Float32Array of exactly `length` values. */
function isFloat32(array: unknown, length: number): boolean {
  return array instanceof Float32Array && array.length === length;
}

/** Whether m, n and k are positive integers whose product is at most TINY_PRODUCT_WORK. */
function isTiny(m: unknown, n: unknown, k: unknown): boolean {
  if (typeof m !== 'number' || typeof n !== 'number' || typeof k !== 'number') return false;
  if (!Number.isInteger(m) || !Number.isInteger(n) || !Number.isInteger(k)) return false;
  return m >= 1 && n >= 1 && k >= 1 && m * n * k <= TINY_PRODUCT_WORK;
}

function isPrecision(precision: unknown): precision is Precision {
  return precision === 'fast' || precision === 'reference';
}

/**
 * Returns `native` with gemm, denseForward and denseBackward sending valid tiny products to
 * `js`. Every other kernel is the native one.
 */
export function routeTinyProducts<K extends Kernels>(native: K, js: Kernels): K {
  const nativeGemm = native.gemm;
  const nativeDenseForward = native.denseForward;
  const nativeDenseBackward = native.denseBackward;

  const gemm: Kernels['gemm'] = (transA, transB, m, n, k, a, b, c, precision) => {
    const routed =
      isTiny(m, n, k) &&
      typeof transA === 'boolean' &&
      typeof transB === 'boolean' &&
      isFloat32(a, m * k) &&
      isFloat32(b, k * n) &&
      isFloat32(c, m * n) &&
      isPrecision(precision);
    const target = routed ? js.gemm : nativeGemm;
    target(transA, transB, m, n, k, a, b, c, precision);
  };

  const denseForward: Kernels['denseForward'] = (
    inputs, weights, biases, output, n, i, o, precision,
  ) => {
    const routed =
      isTiny(n, i, o) &&
      isFloat32(inputs, n * i) &&
      isFloat32(weights, i * o) &&
      isFloat32(biases, o) &&
      isFloat32(output, n * o) &&
      isPrecision(precision);
    const target = routed ? js.denseForward : nativeDenseForward;
    target(inputs, weights, biases, output, n, i, o, precision);
  };

  const denseBackward: Kernels['denseBackward'] = (
    inputs, weights, dvalues, dweights, dbiases, dinputs, n, i, o, precision,
  ) => {
    const routed =
      isTiny(n, i, o) &&
      isFloat32(inputs, n * i) &&
      isFloat32(weights, i * o) &&
      isFloat32(dvalues, n * o) &&
      isFloat32(dweights, i * o) &&
      isFloat32(dbiases, o) &&
      (dinputs === null || isFloat32(dinputs, n * i)) &&
      isPrecision(precision);
    const target = routed ? js.denseBackward : nativeDenseBackward;
    target(inputs, weights, dvalues, dweights, dbiases, dinputs, n, i, o, precision);
  };

  return { ...native, gemm, denseForward, denseBackward };
}
