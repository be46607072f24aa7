// Sigmoid forward and backward, element-wise over `len` values of any layout.
//
// In float32 as NumPy evaluates the book's `1 / (1 + np.exp(-x))`: exp computed in double and
// rounded once (correctly rounded but for rare midpoint cases), then the sum and the quotient
// each rounded to float32. exp(-x) overflows to +Inf below about x = -88.7 and the result is
// then 0, so no finite input gives NaN.
#include "kernels/exp.h"
#include "kernels/vec.h"

namespace nnfs {
namespace NNFS_LEVEL {

NNFS_INLINE VecF SigmoidVector(VecF x) {
  VecD negated = __builtin_convertvector(-x, VecD);
  VecF e = __builtin_convertvector(ExpDouble(negated), VecF);
  return Splat(1.0f) / (Splat(1.0f) + e);
}

void SigmoidForward(const float* inputs, float* output, size_t len) {
  size_t i = 0;
  for (; i + kLanes <= len; i += kLanes) Store(output + i, SigmoidVector(Load<VecF>(inputs + i)));
  if (i < len) {
    // The tail goes through one padded vector so that it takes the same exp as the body.
    float tail[kLanes] = {};
    for (size_t j = i; j < len; j++) tail[j - i] = inputs[j];
    Store(tail, SigmoidVector(Load<VecF>(tail)));
    for (size_t j = i; j < len; j++) output[j] = tail[j - i];
  }
}

void SigmoidBackward(const float* output, const float* dvalues, float* dinputs, size_t len) {
  const VecF one = Splat(1.0f);
  size_t i = 0;
  for (; i + kLanes <= len; i += kLanes) {
    VecF s = Load<VecF>(output + i);
    Store(dinputs + i, (Load<VecF>(dvalues + i) * (one - s)) * s);
  }
  for (; i < len; i++) dinputs[i] = (dvalues[i] * (1.0f - output[i])) * output[i];
}

}  // namespace NNFS_LEVEL
}  // namespace nnfs
