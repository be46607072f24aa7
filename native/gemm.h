// Matrix products: one cblas_sgemm call (fast) or one cblas_dgemm call on float64 copies
// rounded once to float32 (reference), and the OpenBLAS thread policy around them.
#pragma once

#include <cstddef>

namespace nnfs {

// C (m x n) = op(A) op(B) + beta * C, all row-major float32; op(A) is m x k (A stored k x m
// when trans_a), op(B) is k x n (B stored n x k when trans_b).
void FastGemm(bool trans_a, bool trans_b, size_t m, size_t n, size_t k, const float* a,
              const float* b, float* c, float beta);

// C = fround(op(A) op(B) computed in float64), overwriting C. Returns false, leaving C
// untouched, when the float64 scratch buffers cannot be allocated.
bool ReferenceGemm(bool trans_a, bool trans_b, size_t m, size_t n, size_t k, const float* a,
                   const float* b, float* c);

// Sets and returns the maximum number of threads a product may use (at least 1).
void SetMaxThreads(int threads);
int MaxThreads();

}  // namespace nnfs
