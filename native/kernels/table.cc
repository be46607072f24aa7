// The kernel table of this SIMD level (NNFS_LEVEL), filled from the kernel family sources
// compiled with the same flags.
#include "kernels/table.h"

#include "kernels/vec.h"

namespace nnfs {
namespace NNFS_LEVEL {

void ReluForward(const float*, float*, size_t);
void ReluBackward(const float*, const float*, float*, size_t);
void SoftmaxForward(const float*, float*, size_t, size_t);
void SoftmaxBackward(const float*, const float*, float*, size_t, size_t);
void CrossEntropyForward(const float*, const int32_t*, const float*, float*, size_t, size_t);
void CrossEntropyBackward(const float*, const int32_t*, const float*, float*, size_t, size_t);
void SoftmaxCrossEntropyBackward(const float*, const int32_t*, const float*, float*, size_t,
                                 size_t);
void Argmax(const float*, int32_t*, size_t, size_t);
float PairwiseSum(const float*, size_t);
void FillRows(const float*, float*, size_t, size_t);
void AddBiasRows(const float*, float*, size_t, size_t);
void ColumnSums(const float*, float*, size_t, size_t);
void Widen(const float*, double*, size_t);
void Narrow(const double*, float*, size_t);
void Sgd(float*, const float*, size_t, float);
void SgdMomentum(float*, const float*, float*, size_t, float, float);
void Adagrad(float*, const float*, float*, size_t, float, float);
void Rmsprop(float*, const float*, float*, size_t, float, float, float, float);
void Adam(float*, const float*, float*, float*, size_t, const float*);
void SigmoidForward(const float*, float*, size_t);
void SigmoidBackward(const float*, const float*, float*, size_t);
void BinaryCrossEntropyForward(const float*, const float*, float*, size_t, size_t);
void BinaryCrossEntropyBackward(const float*, const float*, float*, size_t, size_t);
void MeanSquaredErrorForward(const float*, const float*, float*, size_t, size_t);
void MeanSquaredErrorBackward(const float*, const float*, float*, size_t, size_t);
void MeanAbsoluteErrorForward(const float*, const float*, float*, size_t, size_t);
void MeanAbsoluteErrorBackward(const float*, const float*, float*, size_t, size_t);
void DropoutApply(const float*, const float*, float*, size_t);
float RegularizationLoss(const float*, size_t, float, float, float);
void RegularizationBackward(const float*, float*, size_t, float, float);

#define NNFS_STRINGIFY_(x) #x
#define NNFS_STRINGIFY(x) NNFS_STRINGIFY_(x)

const KernelTable* Table() {
  static const KernelTable table = {
      NNFS_STRINGIFY(NNFS_LEVEL),
      ReluForward,
      ReluBackward,
      SoftmaxForward,
      SoftmaxBackward,
      CrossEntropyForward,
      CrossEntropyBackward,
      SoftmaxCrossEntropyBackward,
      Argmax,
      PairwiseSum,
      FillRows,
      AddBiasRows,
      ColumnSums,
      Widen,
      Narrow,
      Sgd,
      SgdMomentum,
      Adagrad,
      Rmsprop,
      Adam,
      SigmoidForward,
      SigmoidBackward,
      BinaryCrossEntropyForward,
      BinaryCrossEntropyBackward,
      MeanSquaredErrorForward,
      MeanSquaredErrorBackward,
      MeanAbsoluteErrorForward,
      MeanAbsoluteErrorBackward,
      DropoutApply,
      RegularizationLoss,
      RegularizationBackward,
  };
  return &table;
}

}  // namespace NNFS_LEVEL
}  // namespace nnfs
