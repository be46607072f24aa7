// The facade's products on each backend against the js kernel: a tiny product (which the
// native facade sends to js) and a large one (which stays on the addon) must agree within the
// float32 dot-product bound 2 K 2^-24 sum |a b|, for gemm and the dense layer's kernels.
import { describe, expect, it } from 'vitest';
import { describeBackends } from '../helpers/backends.js';
import { backendKernels, kernels } from '../../lib/backend/select.js';
import type { Kernels } from '../../lib/backend/kernels.js';
import {
  routeTinyProducts,
  TINY_PRODUCT_WORK,
} from '../../lib/backend/tiny-products.js';
import { RandomState } from '../../lib/random.js';

function randomFloats(state: RandomState, count: number): Float32Array {
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = state.nextGaussian();
  return out;
}

/** Returns the entries of `got` outside the dot-product bound around `expected`. */
function outsideBound(
  got: Float32Array,
  expected: Float32Array,
  magnitudes: Float64Array,
  k: number,
): string[] {
  const wrong: string[] = [];
  for (let x = 0; x < got.length; x++) {
    const bound = 2 * k * 2 ** -24 * magnitudes[x];
    if (!(Math.abs(got[x] - expected[x]) <= bound)) {
      wrong.push(`[${x}] ${got[x]} vs ${expected[x]} (bound ${bound})`);
    }
  }
  return wrong;
}

/** sum |a_ip b_pj| of C = A B for row-major A (m x k) and B (k x n). */
function productMagnitudes(a: Float32Array, b: Float32Array, m: number, n: number, k: number) {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += Math.abs(a[i * k + p] * b[p * n + j]);
      out[i * n + j] = sum;
    }
  }
  return out;
}

// [m, n, k]. 8 x 8 x 8 is exactly the routing threshold and 3 x 2 x 4 is below it. The other
// two are above it, so they run on the addon.
const SHAPES: [number, number, number][] = [
  [3, 2, 4],
  [8, 8, 8],
  [9, 8, 8],
  [40, 30, 20],
];

describeBackends('facade products against js', () => {
  const js = backendKernels('js');

  it('routes at most 512 multiply-adds', () => {
    expect(TINY_PRODUCT_WORK).toBe(512);
  });

  it.each(SHAPES)('gemm %i x %i x %i', (m, n, k) => {
    const state = new RandomState(m * 100 + n * 10 + k);
    const a = randomFloats(state, m * k);
    const b = randomFloats(state, k * n);
    const got = new Float32Array(m * n).fill(NaN);
    const expected = new Float32Array(m * n).fill(NaN);
    kernels().gemm(false, false, m, n, k, a, b, got, 'fast');
    js.gemm(false, false, m, n, k, a, b, expected, 'fast');

    expect(outsideBound(got, expected, productMagnitudes(a, b, m, n, k), k)).toEqual([]);
  });

  it.each(SHAPES)('denseForward and denseBackward %i x %i x %i', (n, o, i) => {
    const state = new RandomState(n + o + i);
    const inputs = randomFloats(state, n * i);
    const weights = randomFloats(state, i * o);
    const biases = randomFloats(state, o);
    const dvalues = randomFloats(state, n * o);
    const outputs = [new Float32Array(n * o), new Float32Array(n * o)];
    const dweights = [new Float32Array(i * o), new Float32Array(i * o)];
    const dbiases = [new Float32Array(o), new Float32Array(o)];
    const dinputs = [new Float32Array(n * i), new Float32Array(n * i)];
    [kernels(), js].forEach((backend, x) => {
      backend.denseForward(inputs, weights, biases, outputs[x], n, i, o, 'fast');
      backend.denseBackward(
        inputs, weights, dvalues, dweights[x], dbiases[x], dinputs[x], n, i, o, 'fast',
      );
    });

    // The bias adds one more rounded term to each forward entry, so its magnitude joins the sum.
    const forwardMagnitudes = productMagnitudes(inputs, weights, n, o, i);
    for (let x = 0; x < forwardMagnitudes.length; x++) {
      forwardMagnitudes[x] += Math.abs(biases[x % o]);
    }
    expect(outsideBound(outputs[0], outputs[1], forwardMagnitudes, i + 1)).toEqual([]);

    const transposed = new Float32Array(i * n);
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < i; c++) transposed[c * n + r] = inputs[r * i + c];
    }
    const dweightMagnitudes = productMagnitudes(transposed, dvalues, i, o, n);
    expect(outsideBound(dweights[0], dweights[1], dweightMagnitudes, n)).toEqual([]);

    const weightsTransposed = new Float32Array(o * i);
    for (let r = 0; r < i; r++) {
      for (let c = 0; c < o; c++) weightsTransposed[c * i + r] = weights[r * o + c];
    }
    const dinputMagnitudes = productMagnitudes(dvalues, weightsTransposed, n, i, o);
    expect(outsideBound(dinputs[0], dinputs[1], dinputMagnitudes, o)).toEqual([]);

    // Both backends add the column sums row by row in float32, so they give the same bits.
    expect(Array.from(dbiases[0])).toEqual(Array.from(dbiases[1]));
  });
});

describe('routeTinyProducts', () => {
  /** Returns a stand-in backend whose gemm records its name in `calls`. */
  function recorder(name: 'native' | 'js', calls: string[]): Kernels {
    return { name, gemm: () => calls.push(name), mean: () => 0 } as unknown as Kernels;
  }

  function gemmTarget(m: number, n: number, k: number, aLength = m * k): string[] {
    const calls: string[] = [];
    const routed = routeTinyProducts(recorder('native', calls), recorder('js', calls));
    const c = new Float32Array(m * n);
    const a = new Float32Array(aLength);
    routed.gemm(false, true, m, n, k, a, new Float32Array(k * n), c, 'fast');
    return calls;
  }

  it('sends 8 x 8 x 8 to js', () => {
    expect(gemmTarget(8, 8, 8)).toEqual(['js']);
  });

  it('keeps 9 x 8 x 8 on the addon', () => {
    expect(gemmTarget(9, 8, 8)).toEqual(['native']);
  });

  it('keeps an invalid tiny call on the addon', () => {
    // The addon checks the lengths and throws; the js kernel trusts its caller.
    expect(gemmTarget(2, 2, 2, 3)).toEqual(['native']);
  });

  it('keeps an empty product on the addon', () => {
    expect(gemmTarget(0, 2, 2)).toEqual(['native']);
  });

  it('leaves the other kernels native', () => {
    const calls: string[] = [];
    const native = recorder('native', calls);
    const routed = routeTinyProducts(native, recorder('js', calls));
    expect(routed.name).toBe('native');
    expect(routed.mean).toBe(native.mean);
  });
});
