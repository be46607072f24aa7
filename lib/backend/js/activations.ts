// ReLU and softmax kernels.
//
// Shapes: ReLU works element-wise on flat arrays of any length. Softmax reads and writes
// N x C row-major matrices, one row per sample.
import { pairwiseSum } from './reductions.js';

const f32 = Math.fround;

/** output = max(0, inputs). NaN stays NaN; -0 becomes +0. */
export function reluForward(inputs: Float32Array, output: Float32Array): void {
  // Math.max keeps NaN and turns -0 into +0, and V8 compiles it without a branch, which matters
  // because the sign of a pre-activation is close to random and a branch would mispredict.
  const count = inputs.length;
  for (let x = 0; x < count; x++) output[x] = Math.max(inputs[x], 0);
}

/** dinputs = 0 where inputs <= 0, else dvalues: a NaN input passes its gradient, as in the book. */
export function reluBackward(
  inputs: Float32Array,
  dvalues: Float32Array,
  dinputs: Float32Array,
): void {
  const count = inputs.length;
  for (let x = 0; x < count; x++) dinputs[x] = inputs[x] <= 0 ? 0 : dvalues[x];
}

/**
 * Row-wise softmax: e = exp(x - rowmax) with the difference in float32 and exp rounded to
 * float32, then e / (pairwise float32 sum of e).
 *
 * Rows the formula cannot handle get a defined result, the same in both backends:
 *   - a row containing NaN becomes all NaN;
 *   - a row whose maximum is +Infinity gives each +Infinity entry 1 / (number of +Infinity
 *     entries) and every other entry 0, the limit of the finite case;
 *   - a row of only -Infinity becomes all NaN, as NumPy's formula gives (-inf - -inf is NaN).
 * A row such as [3.4e38, -3.4e38] needs no special case: the difference overflows to
 * -Infinity, its exp is 0, and the row becomes [1, 0].
 */
export function softmaxForward(
  inputs: Float32Array,
  output: Float32Array,
  n: number,
  c: number,
): void {
  for (let r = 0; r < n; r++) {
    const row = r * c;
    let max = -Infinity;
    let hasNaN = false;
    for (let j = 0; j < c; j++) {
      const value = inputs[row + j];
      if (value !== value) hasNaN = true;
      else if (value > max) max = value;
    }

    if (hasNaN) {
      output.fill(NaN, row, row + c);
      continue;
    }
    if (max === Infinity) {
      infiniteRow(inputs, output, row, c);
      continue;
    }

    for (let j = 0; j < c; j++) output[row + j] = f32(Math.exp(f32(inputs[row + j] - max)));
    const sum = pairwiseSum(output, row, c);
    for (let j = 0; j < c; j++) output[row + j] = f32(output[row + j] / sum);
  }
}

function infiniteRow(inputs: Float32Array, output: Float32Array, row: number, c: number): void {
  let count = 0;
  for (let j = 0; j < c; j++) if (inputs[row + j] === Infinity) count++;
  const share = f32(1 / count);
  for (let j = 0; j < c; j++) output[row + j] = inputs[row + j] === Infinity ? share : 0;
}

/**
 * dinputs = s * (d - dot(s, d)) per row, which is the row's Jacobian diag(s) - s sᵀ applied to
 * d without building the C x C matrix. The dot product is summed left to right in float32.
 * `dinputs` may be the same array as `dvalues`.
 */
export function softmaxBackward(
  output: Float32Array,
  dvalues: Float32Array,
  dinputs: Float32Array,
  n: number,
  c: number,
): void {
  for (let r = 0; r < n; r++) {
    const row = r * c;
    let dot = c > 0 ? f32(output[row] * dvalues[row]) : 0;
    for (let j = 1; j < c; j++) dot = f32(dot + f32(output[row + j] * dvalues[row + j]));
    for (let j = 0; j < c; j++) {
      const s = output[row + j];
      dinputs[row + j] = f32(s * f32(dvalues[row + j] - dot));
    }
  }
}
