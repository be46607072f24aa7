// Dropout's element-wise product and the L1/L2 regularisation kernels.
//
// Shapes: flat Float32Arrays; a parameter array and its gradient have the same length.
import { pairwiseSum } from './reductions.js';

const f32 = Math.fround;

/** The |p| or p² terms of one array, grown on demand and reused. */
let termScratch = new Float32Array(0);

/** out = values * mask, rounded to float32. */
export function dropoutApply(values: Float32Array, mask: Float32Array, out: Float32Array): void {
  const count = values.length;
  for (let x = 0; x < count; x++) out[x] = f32(values[x] * mask[x]);
}

export function regularizationLoss(
  params: Float32Array,
  l1: number,
  l2: number,
  initial: number,
): number {
  const count = params.length;
  if (termScratch.length < count) termScratch = new Float32Array(count);
  const terms = termScratch;
  let total = initial;
  if (l1 > 0) {
    for (let x = 0; x < count; x++) terms[x] = Math.abs(params[x]);
    total = f32(total + f32(f32(l1) * pairwiseSum(terms, 0, count)));
  }
  if (l2 > 0) {
    for (let x = 0; x < count; x++) terms[x] = f32(params[x] * params[x]);
    total = f32(total + f32(f32(l2) * pairwiseSum(terms, 0, count)));
  }
  return total;
}

export function regularizationBackward(
  params: Float32Array,
  grads: Float32Array,
  l1: number,
  l2: number,
): void {
  const count = params.length;
  const l1Step = f32(l1);
  // 2 * l2 is a float64 product in Python, rounded to float32 when it meets the array.
  const l2Scale = f32(2 * l2);
  for (let x = 0; x < count; x++) {
    let gradient = grads[x];
    // The book's mask sets -1 only where params < 0, so a zero weight gets +l1.
    if (l1 > 0) gradient = f32(gradient + (params[x] < 0 ? -l1Step : l1Step));
    if (l2 > 0) gradient = f32(gradient + f32(l2Scale * params[x]));
    grads[x] = gradient;
  }
}
