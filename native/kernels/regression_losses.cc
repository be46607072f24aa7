// Binary cross-entropy, mean squared error and mean absolute error, forward and backward.
//
// Shapes: predictions, targets and dinputs are row-major N x K (K outputs per sample); losses
// has N values. A sample's loss is the mean of its row's element losses: pairwise float32 sum
// (np.mean along the last axis), divided by K in float32. With K = 1, the common case, the row
// mean is the element loss itself (plus NumPy's initial +0), computed a vector at a time.
#include <math.h>

#include "kernels/pairwise.h"
#include "kernels/vec.h"

namespace nnfs {
namespace NNFS_LEVEL {

// np.clip with the float32 bounds of binary cross-entropy; NaN passes through.
NNFS_INLINE float ClipProbability(float p) {
  const float low = 1e-7f;
  const float high = 1.0f - 1e-7f;
  if (p < low) return low;
  if (p > high) return high;
  return p;
}

NNFS_INLINE VecF ClipProbability(VecF p) {
  const VecF low = Splat(1e-7f);
  const VecF high = Splat(1.0f - 1e-7f);
  p = p < low ? low : p;
  return p > high ? high : p;
}

// The float32 log computed in double and rounded once, as glibc's logf rounds it.
// NOTE: the log runs one lane at a time through libm; only the arithmetic around it is vector.
NNFS_INLINE float LogRounded(float x) { return static_cast<float>(__builtin_log(x)); }

NNFS_INLINE float BinaryCrossEntropyTerm(float p, float t) {
  float clipped = ClipProbability(p);
  float log_p = LogRounded(clipped);
  float log_one_minus_p = LogRounded(1.0f - clipped);
  return -(t * log_p + (1.0f - t) * log_one_minus_p);
}

NNFS_INLINE float SquaredErrorTerm(float p, float t) {
  float difference = t - p;
  return difference * difference;
}

NNFS_INLINE float AbsoluteErrorTerm(float p, float t) { return __builtin_fabsf(t - p); }

// losses[r] = pairwise row sum of term(p, t) / K.
template <typename Term>
static void RowMeans(const float* predictions, const float* targets, float* losses, size_t n,
                     size_t k, const Term& term) {
  if (k == 1) {
    for (size_t r = 0; r < n; r++) losses[r] = term(predictions[r], targets[r]) + 0.0f;
    return;
  }
  const float count = static_cast<float>(k);
  for (size_t r = 0; r < n; r++) {
    const float* p = predictions + r * k;
    const float* t = targets + r * k;
    float sum = PairwiseTerms(0, k, [&](size_t j) { return term(p[j], t[j]); });
    losses[r] = sum / count;
  }
}

void BinaryCrossEntropyForward(const float* predictions, const float* targets, float* losses,
                               size_t n, size_t k) {
  RowMeans(predictions, targets, losses, n, k,
           [](float p, float t) { return BinaryCrossEntropyTerm(p, t); });
}

void BinaryCrossEntropyBackward(const float* predictions, const float* targets, float* dinputs,
                                size_t n, size_t k) {
  const VecF one = Splat(1.0f);
  const float outputs = static_cast<float>(k);
  const float samples = static_cast<float>(n);
  const size_t len = n * k;
  size_t i = 0;
  for (; i + kLanes <= len; i += kLanes) {
    VecF p = ClipProbability(Load<VecF>(predictions + i));
    VecF t = Load<VecF>(targets + i);
    VecF gradient = -(t / p - (one - t) / (one - p));
    Store(dinputs + i, (gradient / outputs) / samples);
  }
  for (; i < len; i++) {
    float p = ClipProbability(predictions[i]);
    float t = targets[i];
    float gradient = -(t / p - (1.0f - t) / (1.0f - p));
    dinputs[i] = (gradient / outputs) / samples;
  }
}

void MeanSquaredErrorForward(const float* predictions, const float* targets, float* losses,
                             size_t n, size_t k) {
  if (k == 1) {
    size_t i = 0;
    for (; i + kLanes <= n; i += kLanes) {
      VecF difference = Load<VecF>(targets + i) - Load<VecF>(predictions + i);
      Store(losses + i, difference * difference + 0.0f);
    }
    for (; i < n; i++) losses[i] = SquaredErrorTerm(predictions[i], targets[i]) + 0.0f;
    return;
  }
  RowMeans(predictions, targets, losses, n, k,
           [](float p, float t) { return SquaredErrorTerm(p, t); });
}

void MeanSquaredErrorBackward(const float* predictions, const float* targets, float* dinputs,
                              size_t n, size_t k) {
  const float outputs = static_cast<float>(k);
  const float samples = static_cast<float>(n);
  const size_t len = n * k;
  size_t i = 0;
  for (; i + kLanes <= len; i += kLanes) {
    VecF gradient = -2.0f * (Load<VecF>(targets + i) - Load<VecF>(predictions + i));
    Store(dinputs + i, (gradient / outputs) / samples);
  }
  for (; i < len; i++) {
    float gradient = -2.0f * (targets[i] - predictions[i]);
    dinputs[i] = (gradient / outputs) / samples;
  }
}

void MeanAbsoluteErrorForward(const float* predictions, const float* targets, float* losses,
                              size_t n, size_t k) {
  RowMeans(predictions, targets, losses, n, k,
           [](float p, float t) { return AbsoluteErrorTerm(p, t); });
}

// np.sign: -1, +1, a zero keeps its sign, NaN stays NaN. The gradient of |t - p| is
// sign(p - t); the book's code uses sign(t - p), which points the other way.
NNFS_INLINE float Sign(float x) {
  if (x > 0.0f) return 1.0f;
  if (x < 0.0f) return -1.0f;
  return x;
}

void MeanAbsoluteErrorBackward(const float* predictions, const float* targets, float* dinputs,
                               size_t n, size_t k) {
  const VecF one = Splat(1.0f);
  const VecF zero = Splat(0.0f);
  const float outputs = static_cast<float>(k);
  const float samples = static_cast<float>(n);
  const size_t len = n * k;
  size_t i = 0;
  for (; i + kLanes <= len; i += kLanes) {
    VecF difference = Load<VecF>(predictions + i) - Load<VecF>(targets + i);
    VecF sign = difference > zero ? one : (difference < zero ? -one : difference);
    Store(dinputs + i, (sign / outputs) / samples);
  }
  for (; i < len; i++) dinputs[i] = (Sign(predictions[i] - targets[i]) / outputs) / samples;
}

}  // namespace NNFS_LEVEL
}  // namespace nnfs
