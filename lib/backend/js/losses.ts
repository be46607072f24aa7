// Categorical cross-entropy kernels, alone and combined with softmax.
//
// Shapes: predictions, dvalues and dinputs are N x C row-major, and losses has N entries. The
// true classes come either as `labels` (N class indices) or as `oneHot` (N x C). Exactly one
// of them is non-null, and the facade has checked that every label is in [0, C).
import { pairwiseSum } from './reductions.js';

const f32 = Math.fround;

/** Clipping bounds, rounded to float32 as NumPy rounds them to the float32 array's dtype. */
const CLIP_LOW = f32(1e-7);
const CLIP_HIGH = f32(1 - 1e-7);

/** One row of clipped, weighted predictions for the one-hot case, grown on demand. */
let rowScratch = new Float32Array(64);

/** Clamps a prediction to [CLIP_LOW, CLIP_HIGH]; NaN passes through, as in `np.clip`. */
function clip(p: number): number {
  if (p < CLIP_LOW) return CLIP_LOW;
  if (p > CLIP_HIGH) return CLIP_HIGH;
  return p;
}

/**
 * losses[r] = -log(clip(p[r, true class])). With one-hot rows the confidence is the pairwise
 * float32 sum of clip(p) * y over the row, as `np.sum(y_pred_clipped * y_true, axis=1)` gives,
 * so soft labels work too.
 */
export function crossEntropyForward(
  predictions: Float32Array,
  labels: Int32Array | null,
  oneHot: Float32Array | null,
  losses: Float32Array,
  n: number,
  c: number,
): void {
  if (labels !== null) {
    for (let r = 0; r < n; r++) losses[r] = f32(-Math.log(clip(predictions[r * c + labels[r]])));
    return;
  }

  const weights = oneHot as Float32Array;
  if (rowScratch.length < c) rowScratch = new Float32Array(c);
  const row = rowScratch;
  for (let r = 0; r < n; r++) {
    const first = r * c;
    for (let j = 0; j < c; j++) row[j] = f32(clip(predictions[first + j]) * weights[first + j]);
    losses[r] = f32(-Math.log(pairwiseSum(row, 0, c)));
  }
}

/**
 * dinputs = (-y / clip(p)) / N, each division rounded to float32. Entries with y = 0 come out
 * as -0, as the formula gives. Clipping, unlike the book, keeps the gradient finite when a
 * prediction is exactly 0.
 */
export function crossEntropyBackward(
  predictions: Float32Array,
  labels: Int32Array | null,
  oneHot: Float32Array | null,
  dinputs: Float32Array,
  n: number,
  c: number,
): void {
  for (let r = 0; r < n; r++) {
    const first = r * c;
    for (let j = 0; j < c; j++) {
      let y: number;
      if (labels !== null) y = j === labels[r] ? 1 : 0;
      else y = (oneHot as Float32Array)[first + j];
      dinputs[first + j] = f32(f32(-y / clip(predictions[first + j])) / n);
    }
  }
}

/**
 * dinputs = (dvalues - onehot) / N: subtract 1 at the true class in float32, then divide every
 * entry by N in float32. One-hot rows are first turned into indices by their first maximum,
 * as the book does with `np.argmax(y_true, axis=1)`.
 */
export function softmaxCrossEntropyBackward(
  dvalues: Float32Array,
  labels: Int32Array | null,
  oneHot: Float32Array | null,
  dinputs: Float32Array,
  n: number,
  c: number,
): void {
  for (let r = 0; r < n; r++) {
    const first = r * c;
    const label = labels !== null ? labels[r] : firstMaxIndex(oneHot as Float32Array, first, c);
    for (let j = 0; j < c; j++) {
      const value = dvalues[first + j];
      const shifted = j === label ? f32(value - 1) : value;
      dinputs[first + j] = f32(shifted / n);
    }
  }
}

function firstMaxIndex(values: Float32Array, first: number, c: number): number {
  let best = 0;
  for (let j = 1; j < c; j++) if (values[first + j] > values[first + best]) best = j;
  return best;
}
