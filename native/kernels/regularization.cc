// Dropout's element-wise product and the L1/L2 regularisation of one parameter array.
//
// Shapes: flat arrays of `len` values; a parameter array and its gradient have the same length.
// Strengths arrive rounded to float32 (2 * l2 rounded after the doubling, as Python multiplies
// the float64 strength by 2 before it meets the float32 array).
#include "kernels/pairwise.h"
#include "kernels/vec.h"

namespace nnfs {
namespace NNFS_LEVEL {

void DropoutApply(const float* values, const float* mask, float* out, size_t len) {
  size_t i = 0;
  for (; i + kLanes <= len; i += kLanes) {
    Store(out + i, Load<VecF>(values + i) * Load<VecF>(mask + i));
  }
  for (; i < len; i++) out[i] = values[i] * mask[i];
}

// initial + l1 * sum(|p|), then + l2 * sum(p * p), each term skipped when its strength is 0.
float RegularizationLoss(const float* params, size_t len, float l1, float l2, float initial) {
  float total = initial;
  if (l1 > 0.0f) {
    float sum = PairwiseTerms(0, len, [params](size_t i) { return __builtin_fabsf(params[i]); });
    total += l1 * sum;
  }
  if (l2 > 0.0f) {
    float sum = PairwiseTerms(0, len, [params](size_t i) { return params[i] * params[i]; });
    total += l2 * sum;
  }
  return total;
}

// grads += l1 * sign(params) with sign(0) = +1, then grads += two_l2 * params, in one pass.
void RegularizationBackward(const float* params, float* grads, size_t len, float l1,
                            float two_l2) {
  const VecF zero = Splat(0.0f);
  const VecF positive = Splat(l1);
  const VecF negative = Splat(-l1);
  const VecF scale = Splat(two_l2);
  const bool use_l1 = l1 > 0.0f;
  const bool use_l2 = two_l2 > 0.0f;
  size_t i = 0;
  for (; i + kLanes <= len; i += kLanes) {
    VecF p = Load<VecF>(params + i);
    VecF g = Load<VecF>(grads + i);
    if (use_l1) g = g + (p < zero ? negative : positive);
    if (use_l2) g = g + scale * p;
    Store(grads + i, g);
  }
  for (; i < len; i++) {
    float g = grads[i];
    if (use_l1) g += params[i] < 0.0f ? -l1 : l1;
    if (use_l2) g += two_l2 * params[i];
    grads[i] = g;
  }
}

}  // namespace NNFS_LEVEL
}  // namespace nnfs
