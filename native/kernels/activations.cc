// ReLU and softmax, forward and backward.
//
// Shapes: relu works on `len` values of any layout. softmax takes row-major N x C matrices:
// inputs/output/dvalues/dinputs are all N x C, one sample per row.
//
// Softmax rows with non-finite values, decided to match the js backend:
//   - a row containing NaN gives NaN in every entry;
//   - a row whose maximum is +Inf gives 1 / (count of +Inf) for the +Inf entries and 0 for the
//     others (the limit of softmax as those entries grow together);
//   - a row of -Inf only gives NaN in every entry, as exp(x - max) = exp(NaN) does in NumPy;
//   - otherwise -Inf entries give 0, and x - max overflowing to -Inf (e.g. [3.4e38, -3.4e38])
//     gives 0 as well.
#include "kernels/exp.h"
#include "kernels/table.h"
#include "kernels/vec.h"

namespace nnfs {
namespace NNFS_LEVEL {

float PairwiseSum(const float* values, size_t len);

void ReluForward(const float* inputs, float* output, size_t len) {
  // np.maximum(0, x) keeps NaN, and `x <= 0` is false for NaN, so NaN passes through.
  const VecF zero = Splat(0.0f);
  size_t i = 0;
  for (; i + kLanes <= len; i += kLanes) {
    VecF x = Load<VecF>(inputs + i);
    Store(output + i, x <= zero ? zero : x);
  }
  for (; i < len; i++) output[i] = inputs[i] <= 0.0f ? 0.0f : inputs[i];
}

void ReluBackward(const float* inputs, const float* dvalues, float* dinputs, size_t len) {
  // The book zeroes dvalues where inputs <= 0, so a NaN input lets its gradient through.
  const VecF zero = Splat(0.0f);
  size_t i = 0;
  for (; i + kLanes <= len; i += kLanes) {
    VecF x = Load<VecF>(inputs + i);
    VecF d = Load<VecF>(dvalues + i);
    Store(dinputs + i, x <= zero ? zero : d);
  }
  for (; i < len; i++) dinputs[i] = inputs[i] <= 0.0f ? 0.0f : dvalues[i];
}

// Writes x - rowmax for one row, in float32 as NumPy subtracts. Rows with NaN get NaN, and
// rows whose max is +Inf get 0 at the +Inf entries and -Inf elsewhere so that the exp pass
// and the division yield 1 / count there.
static void ShiftRow(const float* row, float* out, size_t c) {
  float max = row[0];
  bool has_nan = false;
  for (size_t j = 0; j < c; j++) {
    float x = row[j];
    if (x != x) has_nan = true;
    if (x > max) max = x;
  }

  if (has_nan) {
    for (size_t j = 0; j < c; j++) out[j] = __builtin_nanf("");
  } else if (max == __builtin_inff()) {
    for (size_t j = 0; j < c; j++) out[j] = row[j] == max ? 0.0f : -__builtin_inff();
  } else {
    for (size_t j = 0; j < c; j++) out[j] = row[j] - max;
  }
}

// output = fround(exp(double(output))) in place over `len` values.
static void ExpInPlace(float* values, size_t len) {
  size_t i = 0;
  for (; i + kLanes <= len; i += kLanes) {
    VecD x = __builtin_convertvector(Load<VecF>(values + i), VecD);
    Store(values + i, __builtin_convertvector(ExpDouble(x), VecF));
  }
  if (i < len) {
    // The tail goes through one padded vector so that it takes the same exp as the body.
    float tail[kLanes] = {};
    for (size_t j = i; j < len; j++) tail[j - i] = values[j];
    VecD x = __builtin_convertvector(Load<VecF>(tail), VecD);
    Store(tail, __builtin_convertvector(ExpDouble(x), VecF));
    for (size_t j = i; j < len; j++) values[j] = tail[j - i];
  }
}

void SoftmaxForward(const float* inputs, float* output, size_t n, size_t c) {
  if (c == 0) return;
  for (size_t r = 0; r < n; r++) ShiftRow(inputs + r * c, output + r * c, c);

  // One exp pass over the whole matrix keeps the vectors full when C is small (3 or 10).
  ExpInPlace(output, n * c);

  // A division, not a multiplication by 1 / sum, to round like NumPy's `exp / sum`. With few
  // columns a row is too short for a vector. So each block of rows first copies every row's
  // sum into `divisors`, one per entry, and then divides the block in vector lanes. A lane
  // rounds each quotient as the scalar division does.
  constexpr size_t kBlock = 1024;
  float divisors[kBlock];
  const size_t rows_per_block = c <= kBlock ? kBlock / c : 0;
  size_t r = 0;
  for (; rows_per_block > 0 && r < n; r += rows_per_block) {
    const size_t rows = n - r < rows_per_block ? n - r : rows_per_block;
    float* block = output + r * c;
    for (size_t b = 0; b < rows; b++) {
      float sum = PairwiseSum(block + b * c, c);
      for (size_t j = 0; j < c; j++) divisors[b * c + j] = sum;
    }
    const size_t len = rows * c;
    size_t i = 0;
    for (; i + kLanes <= len; i += kLanes) {
      Store(block + i, Load<VecF>(block + i) / Load<VecF>(divisors + i));
    }
    for (; i < len; i++) block[i] = block[i] / divisors[i];
  }
  // Rows longer than a block are long enough to divide one at a time.
  for (; r < n; r++) {
    float* row = output + r * c;
    float sum = PairwiseSum(row, c);
    for (size_t j = 0; j < c; j++) row[j] = row[j] / sum;
  }
}

void SoftmaxBackward(const float* output, const float* dvalues, float* dinputs, size_t n,
                     size_t c) {
  for (size_t r = 0; r < n; r++) {
    const float* s = output + r * c;
    const float* d = dvalues + r * c;
    float* out = dinputs + r * c;

    // dot(s, d) in float32, left to right.
    float dot = 0.0f;
    for (size_t j = 0; j < c; j++) dot += s[j] * d[j];

    for (size_t j = 0; j < c; j++) out[j] = s[j] * (d[j] - dot);
  }
}

}  // namespace NNFS_LEVEL
}  // namespace nnfs
