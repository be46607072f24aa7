// Products large enough to take the js gemm through its packed path in more than one K block
// (K above 256), with edge tiles in both directions. The js
// backend must equal the float64 product rounded once, bit for bit; the native one must stay
// within the float32 dot-product bound 2 K 2^-24 sum |a b|.
import { expect, it } from 'vitest';
import { describeBackends } from '../helpers/backends.js';
import { backendKernels } from '../../lib/backend/select.js';
import { RandomState } from '../../lib/random.js';

const f32 = Math.fround;

/** Float32 values of mixed sign and magnitude, so that a change of summation order shows. */
function randomFloats(state: RandomState, count: number): Float32Array {
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    out[i] = state.nextGaussian() * 10 ** Math.floor(state.nextDouble() * 4 - 2);
  }
  return out;
}

// [m, n, k]. K = 1100 takes five K blocks and K = 600 three, the last one short, so running
// sums cross block boundaries. 70 and 130 columns end in a 2-column panel, and 21 and 33 rows
// leave a one-row edge tile.
const SHAPES: [number, number, number][] = [
  [21, 70, 1100],
  [33, 130, 600],
];

describeBackends('gemm: packed column blocks', (backend) => {
  const kernels = backendKernels(backend);

  it.each(SHAPES)('%i x %i x %i with every transpose flag', (m, n, k) => {
    const state = new RandomState(m + n + k);
    for (const transA of [false, true]) {
      for (const transB of [false, true]) {
        const a = randomFloats(state, m * k);
        const b = randomFloats(state, k * n);
        const c = new Float32Array(m * n).fill(NaN);
        kernels.gemm(transA, transB, m, n, k, a, b, c, 'reference');

        const wrong: string[] = [];
        for (let i = 0; i < m; i++) {
          for (let j = 0; j < n; j++) {
            let sum = 0;
            let magnitude = 0;
            for (let p = 0; p < k; p++) {
              const left = transA ? a[p * m + i] : a[i * k + p];
              const right = transB ? b[j * k + p] : b[p * n + j];
              sum += left * right;
              magnitude += Math.abs(left * right);
            }
            const got = c[i * n + j];
            const ok =
              backend === 'js'
                ? got === f32(sum)
                : Math.abs(got - f32(sum)) <= 2 * k * 2 ** -24 * magnitude;
            if (!ok) wrong.push(`transA=${transA} transB=${transB} [${i}, ${j}] ${got} vs ${sum}`);
          }
        }
        expect(wrong.slice(0, 5)).toEqual([]);
      }
    }
  });
});
