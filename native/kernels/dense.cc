// Helpers around the dense layer's matrix products.
//
// Shapes: biases and dbiases are 1 x O; output and dvalues are row-major N x O. widen and
// narrow convert `len` values between float32 and the float64 scratch of reference products.
#include "kernels/vec.h"

namespace nnfs {
namespace NNFS_LEVEL {

float PairwiseSum(const float* values, size_t len);

// Copies the biases into every output row, so that sgemm with beta = 1 adds the product.
void FillRows(const float* biases, float* output, size_t n, size_t o) {
  for (size_t r = 0; r < n; r++) __builtin_memcpy(output + r * o, biases, o * sizeof(float));
}

// output[r, j] += biases[j] in float32, after the product was rounded to float32.
void AddBiasRows(const float* biases, float* output, size_t n, size_t o) {
  for (size_t r = 0; r < n; r++) {
    float* row = output + r * o;
    size_t j = 0;
    for (; j + kLanes <= o; j += kLanes) {
      Store(row + j, Load<VecF>(row + j) + Load<VecF>(biases + j));
    }
    for (; j < o; j++) row[j] += biases[j];
  }
}

// dbiases = column sums of dvalues, as np.sum(dvalues, axis=0, keepdims=True) adds them: row by
// row in float32 when O > 1, and pairwise when O == 1 because the column is then contiguous.
void ColumnSums(const float* dvalues, float* dbiases, size_t n, size_t o) {
  if (o == 1) {
    dbiases[0] = PairwiseSum(dvalues, n);
    return;
  }

  for (size_t j = 0; j < o; j++) dbiases[j] = 0.0f;
  for (size_t r = 0; r < n; r++) {
    const float* row = dvalues + r * o;
    size_t j = 0;
    for (; j + kLanes <= o; j += kLanes) {
      Store(dbiases + j, Load<VecF>(dbiases + j) + Load<VecF>(row + j));
    }
    for (; j < o; j++) dbiases[j] += row[j];
  }
}

void Widen(const float* from, double* to, size_t len) {
  for (size_t i = 0; i < len; i++) to[i] = from[i];
}

void Narrow(const double* from, float* to, size_t len) {
  for (size_t i = 0; i < len; i++) to[i] = static_cast<float>(from[i]);
}

}  // namespace NNFS_LEVEL
}  // namespace nnfs
