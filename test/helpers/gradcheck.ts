// Central finite differences in float64, to check the analytic float32 gradients of the layers.
// Each test writes the forward formula again in float64 and compares its numeric gradient
// with what the layer's backward computes.

/** Step of the central difference: its truncation error (h² f''' / 6) and its cancellation
 * error (2^-53 |f| / h) are both below 1e-9 for the O(1) functions checked here. */
export const STEP = 1e-6;

/** Returns d f / d x at `x` by central differences, one coordinate at a time. */
export function numericGradient(f: (x: Float64Array) => number, x: Float64Array): Float64Array {
  const gradient = new Float64Array(x.length);
  const probe = Float64Array.from(x);
  for (let i = 0; i < x.length; i++) {
    probe[i] = x[i] + STEP;
    const above = f(probe);
    probe[i] = x[i] - STEP;
    const below = f(probe);
    probe[i] = x[i];
    gradient[i] = (above - below) / (2 * STEP);
  }
  return gradient;
}

/**
 * Returns the largest |analytic - numeric| / (absolute + relative * |numeric|) over all
 * entries; a value <= 1 means every entry is within tolerance.
 */
export function worstRatio(
  analytic: ArrayLike<number>,
  numeric: ArrayLike<number>,
  absolute: number,
  relative: number,
): number {
  let worst = 0;
  for (let i = 0; i < numeric.length; i++) {
    const bound = absolute + relative * Math.abs(numeric[i]);
    worst = Math.max(worst, Math.abs(analytic[i] - numeric[i]) / bound);
  }
  return worst;
}

/** Dot product of two equal-length arrays in float64: the scalar that backward differentiates. */
export function weightedSum(values: ArrayLike<number>, weights: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] * weights[i];
  return sum;
}
