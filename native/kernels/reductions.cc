// NumPy's pairwise float32 sum over one contiguous run of `len` values.
//
// The order matches NumPy 2.x on a float32 array. Fewer than 8 values are added left to right
// from 0. From 8 to 128 values, value i goes into partial sum i mod 8 up to the last multiple
// of 8, the partials are combined as ((p0 + p1) + (p2 + p3)) + ((p4 + p5) + (p6 + p7)), and the
// leftovers are then added one by one. More than 128 values are split at len / 2 rounded down
// to a multiple of 8, and the two halves' sums are added. NumPy then adds the result to the
// reduction's initial +0, so a run of -0 sums to +0.
#include "kernels/vec.h"

namespace nnfs {
namespace NNFS_LEVEL {

static float PairwiseSumRun(const float* values, size_t len) {
  if (len < 8) {
    float sum = 0.0f;
    for (size_t i = 0; i < len; i++) sum += values[i];
    return sum;
  }

  if (len <= 128) {
    // The eight partial sums are exactly one 8-lane vector accumulation.
    Vec8F partial = Load<Vec8F>(values);
    size_t i = 8;
    for (; i + 8 <= len; i += 8) partial += Load<Vec8F>(values + i);
    float sum = ((partial[0] + partial[1]) + (partial[2] + partial[3])) +
                ((partial[4] + partial[5]) + (partial[6] + partial[7]));
    for (; i < len; i++) sum += values[i];
    return sum;
  }

  size_t half = len / 2;
  half -= half % 8;
  return PairwiseSumRun(values, half) + PairwiseSumRun(values + half, len - half);
}

float PairwiseSum(const float* values, size_t len) { return PairwiseSumRun(values, len) + 0.0f; }

}  // namespace NNFS_LEVEL
}  // namespace nnfs
