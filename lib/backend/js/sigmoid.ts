// Sigmoid kernels, element-wise over flat arrays of any length.
//
// In float32 as the book's NumPy code evaluates `1 / (1 + np.exp(-x))`: exp correctly rounded,
// then the sum and the quotient each rounded. For x below about -88.7, exp(-x) overflows to
// +Infinity and the result is 0; for large x, exp(-x) is 0 and the result is 1, so no finite
// input gives NaN.

const f32 = Math.fround;

/** output = 1 / (1 + exp(-inputs)). */
export function sigmoidForward(inputs: Float32Array, output: Float32Array): void {
  const count = inputs.length;
  for (let x = 0; x < count; x++) {
    const e = f32(Math.exp(-inputs[x]));
    output[x] = f32(1 / f32(1 + e));
  }
}

/** dinputs = dvalues * (1 - output) * output, multiplied left to right in float32. */
export function sigmoidBackward(
  output: Float32Array,
  dvalues: Float32Array,
  dinputs: Float32Array,
): void {
  const count = output.length;
  for (let x = 0; x < count; x++) {
    const s = output[x];
    dinputs[x] = f32(f32(dvalues[x] * f32(1 - s)) * s);
  }
}
