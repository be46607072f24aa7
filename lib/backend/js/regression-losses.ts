// Binary cross-entropy, mean squared error and mean absolute error kernels.
//
// Shapes: predictions, targets and dinputs are N x K row-major (K outputs per sample), losses
// has N entries. A per-sample loss is the mean over its row: the row's element losses summed
// pairwise in float32 (np.mean along the last axis), then divided by K in float32.
import { pairwiseSum } from './reductions.js';

const f32 = Math.fround;

/** Clipping bounds of binary cross-entropy, rounded to float32 like NumPy rounds them. */
const CLIP_LOW = f32(1e-7);
const CLIP_HIGH = f32(1 - 1e-7);

/** Element losses of one row, grown on demand and reused. */
let rowScratch = new Float32Array(64);

function clip(p: number): number {
  if (p < CLIP_LOW) return CLIP_LOW;
  if (p > CLIP_HIGH) return CLIP_HIGH;
  return p;
}

/** Fills `losses` with the row means of `element(p, t)` over N x K values. */
function rowMeans(
  predictions: Float32Array,
  targets: Float32Array,
  losses: Float32Array,
  n: number,
  k: number,
  element: (p: number, t: number) => number,
): void {
  if (rowScratch.length < k) rowScratch = new Float32Array(k);
  const row = rowScratch;
  for (let r = 0; r < n; r++) {
    const first = r * k;
    for (let j = 0; j < k; j++) row[j] = element(predictions[first + j], targets[first + j]);
    losses[r] = f32(pairwiseSum(row, 0, k) / k);
  }
}

function binaryCrossEntropyElement(p: number, t: number): number {
  const clipped = clip(p);
  const logP = f32(Math.log(clipped));
  const logOneMinusP = f32(Math.log(f32(1 - clipped)));
  return -f32(f32(t * logP) + f32(f32(1 - t) * logOneMinusP));
}

export function binaryCrossEntropyForward(
  predictions: Float32Array,
  targets: Float32Array,
  losses: Float32Array,
  n: number,
  k: number,
): void {
  rowMeans(predictions, targets, losses, n, k, binaryCrossEntropyElement);
}

export function binaryCrossEntropyBackward(
  predictions: Float32Array,
  targets: Float32Array,
  dinputs: Float32Array,
  n: number,
  k: number,
): void {
  const count = n * k;
  for (let x = 0; x < count; x++) {
    const p = clip(predictions[x]);
    const t = targets[x];
    const gradient = -f32(f32(t / p) - f32(f32(1 - t) / f32(1 - p)));
    dinputs[x] = f32(f32(gradient / k) / n);
  }
}

function squaredErrorElement(p: number, t: number): number {
  const difference = f32(t - p);
  return f32(difference * difference);
}

export function meanSquaredErrorForward(
  predictions: Float32Array,
  targets: Float32Array,
  losses: Float32Array,
  n: number,
  k: number,
): void {
  rowMeans(predictions, targets, losses, n, k, squaredErrorElement);
}

export function meanSquaredErrorBackward(
  predictions: Float32Array,
  targets: Float32Array,
  dinputs: Float32Array,
  n: number,
  k: number,
): void {
  const count = n * k;
  for (let x = 0; x < count; x++) {
    const gradient = f32(-2 * f32(targets[x] - predictions[x]));
    dinputs[x] = f32(f32(gradient / k) / n);
  }
}

function absoluteErrorElement(p: number, t: number): number {
  return Math.abs(f32(t - p));
}

export function meanAbsoluteErrorForward(
  predictions: Float32Array,
  targets: Float32Array,
  losses: Float32Array,
  n: number,
  k: number,
): void {
  rowMeans(predictions, targets, losses, n, k, absoluteErrorElement);
}

export function meanAbsoluteErrorBackward(
  predictions: Float32Array,
  targets: Float32Array,
  dinputs: Float32Array,
  n: number,
  k: number,
): void {
  const count = n * k;
  for (let x = 0; x < count; x++) {
    // d|t - p| / dp = sign(p - t). The book's code returns sign(t - p), the opposite
    // direction; this follows the derivative. Math.sign keeps -0 and NaN, as np.sign does.
    const sign = Math.sign(f32(predictions[x] - targets[x]));
    dinputs[x] = f32(f32(sign / k) / n);
  }
}
