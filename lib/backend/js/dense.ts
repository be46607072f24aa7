// The dense layer kernels: one product each way plus the bias terms.
//
// Shapes: inputs N x I, weights I x O, biases 1 x O, output and dvalues N x O, dweights I x O,
// dbiases 1 x O, dinputs N x I; all row-major float32.
import type { Precision } from '../kernels.js';
import { gemm } from './gemm.js';
import { SMALL_K_MAX, gemmSmallK } from './gemm-small-k.js';
import { pairwiseSum } from './reductions.js';

// A store into a Float32Array rounds to the nearest float32, as Math.fround would, so results
// are stored without a separate rounding call. Sums held in locals still need Math.fround.
const f32 = Math.fround;

/** output = inputs · weights + biases: the rounded product, then a float32 bias addition. */
export function denseForward(
  inputs: Float32Array,
  weights: Float32Array,
  biases: Float32Array,
  output: Float32Array,
  n: number,
  i: number,
  o: number,
  precision: Precision,
): void {
  if (i >= 1 && i <= SMALL_K_MAX) {
    // Few inputs per neuron, as on 2-D points: the bias pass would cost as much as the product.
    gemmSmallK(false, false, n, o, i, inputs, weights, output, biases);
    return;
  }
  gemm(false, false, n, o, i, inputs, weights, output, precision);
  for (let r = 0; r < n; r++) {
    const row = r * o;
    for (let j = 0; j < o; j++) output[row + j] = output[row + j] + biases[j];
  }
}

/**
 * dweights = inputsᵀ · dvalues; dbiases = column sums of dvalues; dinputs = dvalues · weightsᵀ
 * unless `dinputs` is null (the first layer does not need it).
 */
export function denseBackward(
  inputs: Float32Array,
  weights: Float32Array,
  dvalues: Float32Array,
  dweights: Float32Array,
  dbiases: Float32Array,
  dinputs: Float32Array | null,
  n: number,
  i: number,
  o: number,
  precision: Precision,
): void {
  gemm(true, false, i, o, n, inputs, dvalues, dweights, precision);
  columnSums(dvalues, dbiases, n, o);
  if (dinputs !== null) gemm(false, true, n, i, o, dvalues, weights, dinputs, precision);
}

/**
 * dbiases[j] = sum over rows of dvalues[r, j], in NumPy's order for `np.sum(axis=0)`: with one
 * column the values are contiguous and summed pairwise, otherwise rows are added one after
 * another in float32, starting from +0 as NumPy's reduction does (a column of -0 sums to +0).
 */
function columnSums(dvalues: Float32Array, dbiases: Float32Array, n: number, o: number): void {
  if (n === 0) {
    dbiases.fill(0, 0, o);
    return;
  }
  if (o === 1) {
    dbiases[0] = pairwiseSum(dvalues, 0, n);
    return;
  }
  // Four columns at a time run down the rows with their sums in locals: four independent
  // chains of float32 additions, where a row-by-row loop would load and store every sum once
  // per row. Each column still adds its rows in order, so the bits are the same.
  let j = 0;
  for (; j + 3 < o; j += 4) {
    let sum0 = 0;
    let sum1 = 0;
    let sum2 = 0;
    let sum3 = 0;
    for (let r = 0, x = j; r < n; r++, x += o) {
      sum0 = f32(sum0 + dvalues[x]);
      sum1 = f32(sum1 + dvalues[x + 1]);
      sum2 = f32(sum2 + dvalues[x + 2]);
      sum3 = f32(sum3 + dvalues[x + 3]);
    }
    dbiases[j] = sum0;
    dbiases[j + 1] = sum1;
    dbiases[j + 2] = sum2;
    dbiases[j + 3] = sum3;
  }
  for (; j < o; j++) {
    let sum = 0;
    for (let r = 0, x = j; r < n; r++, x += o) sum = f32(sum + dvalues[x]);
    dbiases[j] = sum;
  }
}
