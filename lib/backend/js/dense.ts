// The dense layer kernels: one product each way plus the bias terms.
//
// Shapes: inputs N x I, weights I x O, biases 1 x O, output and dvalues N x O, dweights I x O,
// dbiases 1 x O, dinputs N x I; all row-major float32.
import type { Precision } from '../kernels.js';
import { gemm } from './gemm.js';
import { pairwiseSum } from './reductions.js';

// A store into a Float32Array rounds to the nearest float32, as Math.fround would, so results
// are stored without a separate rounding call.

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
  dbiases.fill(0, 0, o);
  for (let r = 0; r < n; r++) {
    const row = r * o;
    for (let j = 0; j < o; j++) dbiases[j] = dbiases[j] + dvalues[row + j];
  }
}
