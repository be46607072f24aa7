// The loss of a pass over several batches, accumulated as the book's Loss class does: the
// float32 sum of every per-sample loss divided by their count. So the epoch loss weighs every
// sample the same whatever the batch sizes, and a full-batch epoch equals np.mean exactly.
import { pairwiseSum } from '../backend/js/reductions.js';

export class EpochLoss {
  private sum = 0;
  private count = 0;

  /** Adds one batch's per-sample losses. */
  add(sampleLosses: Float32Array): void {
    // np.sum of the batch (pairwise, float32), then a float32 running total.
    this.sum = Math.fround(this.sum + pairwiseSum(sampleLosses, 0, sampleLosses.length));
    this.count += sampleLosses.length;
  }

  /** Returns the mean over every sample added since the last reset, in float32. */
  mean(): number {
    return Math.fround(this.sum / this.count);
  }

  reset(): void {
    this.sum = 0;
    this.count = 0;
  }
}
