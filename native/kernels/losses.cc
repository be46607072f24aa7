// Categorical cross-entropy (forward, backward), its combination with softmax, and argmax.
//
// Shapes: predictions, dvalues, dinputs and one_hot are row-major N x C; labels contains N class
// indices in [0, C), checked at the Node-API boundary. losses has N values, and argmax writes N
// indices. Exactly one of `labels` and `one_hot` is non-null.
#include <math.h>

#include "kernels/vec.h"

namespace nnfs {
namespace NNFS_LEVEL {

float PairwiseSum(const float* values, size_t len);

// np.clip with float32 bounds; NaN stays NaN as in NumPy.
NNFS_INLINE float Clip(float p) {
  const float low = 1e-7f;
  const float high = 1.0f - 1e-7f;
  if (p < low) return low;
  if (p > high) return high;
  return p;
}

// The index of the first maximum; a NaN counts as the maximum, as np.argmax treats it.
NNFS_INLINE size_t RowArgmax(const float* row, size_t c) {
  size_t best = 0;
  if (row[0] != row[0]) return 0;
  for (size_t j = 1; j < c; j++) {
    if (row[j] != row[j]) return j;
    if (row[j] > row[best]) best = j;
  }
  return best;
}

// The pairwise sum of clip(p) * y over one row, following PairwiseSum's split points so that
// no row needs a buffer longer than one 128-value block.
static float ClippedProductSum(const float* p, const float* y, size_t len) {
  if (len <= 128) {
    float products[128];
    for (size_t j = 0; j < len; j++) products[j] = Clip(p[j]) * y[j];
    return PairwiseSum(products, len);
  }
  size_t half = len / 2;
  half -= half % 8;
  return ClippedProductSum(p, y, half) + ClippedProductSum(p + half, y + half, len - half);
}

void CrossEntropyForward(const float* predictions, const int32_t* labels, const float* one_hot,
                         float* losses, size_t n, size_t c) {
  for (size_t r = 0; r < n; r++) {
    const float* row = predictions + r * c;
    // With one-hot targets this is the book's np.sum(clip(p) * y, axis=1), which equals
    // clip(p) at the true class for a strict one-hot row and also covers soft targets.
    float confidence = labels != nullptr ? Clip(row[labels[r]])
                                         : ClippedProductSum(row, one_hot + r * c, c);
    // -log computed in double and rounded once: the correctly rounded float32 log.
    losses[r] = static_cast<float>(-log(static_cast<double>(confidence)));
  }
}

void CrossEntropyBackward(const float* predictions, const int32_t* labels, const float* one_hot,
                          float* dinputs, size_t n, size_t c) {
  const float samples = static_cast<float>(n);
  for (size_t r = 0; r < n; r++) {
    const float* row = predictions + r * c;
    float* out = dinputs + r * c;
    for (size_t j = 0; j < c; j++) {
      float y;
      if (labels != nullptr) {
        y = static_cast<size_t>(labels[r]) == j ? 1.0f : 0.0f;
      } else {
        y = one_hot[r * c + j];
      }
      // Two roundings, as NumPy's `-y / p` then `/ samples`; -0 stays where y is 0.
      float gradient = -y / Clip(row[j]);
      out[j] = gradient / samples;
    }
  }
}

void SoftmaxCrossEntropyBackward(const float* dvalues, const int32_t* labels,
                                 const float* one_hot, float* dinputs, size_t n, size_t c) {
  const float samples = static_cast<float>(n);
  const size_t len = n * c;
  if (dinputs != dvalues) __builtin_memcpy(dinputs, dvalues, len * sizeof(float));
  for (size_t r = 0; r < n; r++) {
    // One-hot rows become indices by their first maximum, as the book's np.argmax does.
    size_t label =
        labels != nullptr ? static_cast<size_t>(labels[r]) : RowArgmax(one_hot + r * c, c);
    float* entry = dinputs + r * c + label;
    *entry = *entry - 1.0f;
  }

  // One pass of vector divisions over the whole matrix: rows of 3 or 10 classes are too short
  // for vectors, and a lane rounds each quotient as a scalar division does.
  const VecF divisor = Splat(samples);
  size_t i = 0;
  for (; i + kLanes <= len; i += kLanes) Store(dinputs + i, Load<VecF>(dinputs + i) / divisor);
  for (; i < len; i++) dinputs[i] = dinputs[i] / samples;
}

void Argmax(const float* inputs, int32_t* out, size_t n, size_t c) {
  for (size_t r = 0; r < n; r++) out[r] = static_cast<int32_t>(RowArgmax(inputs + r * c, c));
}

}  // namespace NNFS_LEVEL
}  // namespace nnfs
