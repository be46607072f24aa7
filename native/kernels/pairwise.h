// NumPy's pairwise float32 sum (see reductions.cc for the order) over terms computed on the
// fly, so that a loss or a penalty sums its element terms without a scratch buffer.
// `term(i)` returns the float32 term of index i of the run.
#pragma once

#include "kernels/vec.h"

namespace nnfs {
namespace NNFS_LEVEL {

template <typename Term>
static float PairwiseTermsRun(size_t first, size_t len, const Term& term) {
  if (len < 8) {
    float sum = 0.0f;
    for (size_t i = 0; i < len; i++) sum += term(first + i);
    return sum;
  }
  if (len <= 128) {
    float partial[8];
    for (size_t lane = 0; lane < 8; lane++) partial[lane] = term(first + lane);
    size_t i = 8;
    for (; i + 8 <= len; i += 8) {
      for (size_t lane = 0; lane < 8; lane++) partial[lane] += term(first + i + lane);
    }
    float sum = ((partial[0] + partial[1]) + (partial[2] + partial[3])) +
                ((partial[4] + partial[5]) + (partial[6] + partial[7]));
    for (; i < len; i++) sum += term(first + i);
    return sum;
  }
  size_t half = len / 2;
  half -= half % 8;
  return PairwiseTermsRun(first, half, term) + PairwiseTermsRun(first + half, len - half, term);
}

// The pairwise sum of term(first) .. term(first + len - 1), plus NumPy's initial +0.
template <typename Term>
static float PairwiseTerms(size_t first, size_t len, const Term& term) {
  return PairwiseTermsRun(first, len, term) + 0.0f;
}

}  // namespace NNFS_LEVEL
}  // namespace nnfs
