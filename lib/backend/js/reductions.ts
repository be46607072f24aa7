// Reductions in NumPy's order: `np.sum` of a contiguous float32 run is a pairwise sum whose
// partial sums are float32, so reproducing the order reproduces the bits.
//
// Shapes: `values` is a flat Float32Array; pairwiseSum reads `count` values from `offset`.
// argmax reads an N x C row-major matrix and writes N indices.

const f32 = Math.fround;

/** Runs up to this length are summed with 8 partial sums; longer ones are split in two. */
const BLOCK = 128;

/**
 * Sums `count` float32 values from `offset` in NumPy's pairwise order (float32 partial sums):
 *   count < 8: left to right;
 *   8 <= count <= 128: value i goes to partial i mod 8 up to the last multiple of 8, the
 *     partials combine as ((p0 + p1) + (p2 + p3)) + ((p4 + p5) + (p6 + p7)) and the values
 *     left over are then added one by one;
 *   count > 128: the first half (count / 2 rounded down to a multiple of 8) and the rest are
 *     summed separately and added.
 * NumPy adds the pairwise result to the reduction's initial +0, so a run of -0 sums to +0.
 */
export function pairwiseSum(values: Float32Array, offset: number, count: number): number {
  return pairwiseSumFrom(values, offset, count) + 0;
}

function pairwiseSumFrom(values: Float32Array, offset: number, count: number): number {
  if (count < 8) {
    if (count === 0) return 0;
    let sum = values[offset];
    for (let i = 1; i < count; i++) sum = f32(sum + values[offset + i]);
    return sum;
  }
  if (count <= BLOCK) {
    let p0 = values[offset];
    let p1 = values[offset + 1];
    let p2 = values[offset + 2];
    let p3 = values[offset + 3];
    let p4 = values[offset + 4];
    let p5 = values[offset + 5];
    let p6 = values[offset + 6];
    let p7 = values[offset + 7];
    const whole = count - (count % 8);
    let i = 8;
    for (; i < whole; i += 8) {
      const at = offset + i;
      p0 = f32(p0 + values[at]);
      p1 = f32(p1 + values[at + 1]);
      p2 = f32(p2 + values[at + 2]);
      p3 = f32(p3 + values[at + 3]);
      p4 = f32(p4 + values[at + 4]);
      p5 = f32(p5 + values[at + 5]);
      p6 = f32(p6 + values[at + 6]);
      p7 = f32(p7 + values[at + 7]);
    }
    const left = f32(f32(p0 + p1) + f32(p2 + p3));
    const right = f32(f32(p4 + p5) + f32(p6 + p7));
    let sum = f32(left + right);
    for (; i < count; i++) sum = f32(sum + values[offset + i]);
    return sum;
  }
  let half = Math.floor(count / 2);
  half -= half % 8;
  return f32(
    pairwiseSumFrom(values, offset, half) + pairwiseSumFrom(values, offset + half, count - half),
  );
}

/** Mean of all values in float32: the pairwise sum divided by the count, as `np.mean` does. */
export function mean(values: Float32Array): number {
  return f32(pairwiseSum(values, 0, values.length) / values.length);
}

/**
 * out[r] = index of the first maximum of row r. A NaN counts as the maximum, so the first NaN
 * wins, as in `np.argmax`.
 */
export function argmax(inputs: Float32Array, out: Int32Array, n: number, c: number): void {
  for (let r = 0; r < n; r++) {
    const row = r * c;
    let best = 0;
    let bestValue = inputs[row];
    if (bestValue !== bestValue) {
      out[r] = 0;
      continue;
    }
    for (let j = 1; j < c; j++) {
      const value = inputs[row + j];
      if (value !== value) {
        best = j;
        break;
      }
      if (value > bestValue) {
        bestValue = value;
        best = j;
      }
    }
    out[r] = best;
  }
}
