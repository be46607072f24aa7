// Matrix products through OpenBLAS, and when they may use more than one thread.
#include "gemm.h"

#include <cblas.h>
#include <stdlib.h>
#include <string.h>

#include <atomic>

#include "dispatch.h"

namespace nnfs {

namespace {

// Products with m * n * k below this run on one thread. NOTE: an estimate. On a shared 2-core
// AVX2 machine (OpenBLAS 0.3.21), two threads slowed 128 x 128 x 128 products and sped up
// 10,000 x 784 x 128 ones. Load from other processes made the crossover too noisy to pin down,
// so the threshold is a value between the two sizes.
constexpr double kParallelWork = 16.0 * 1024 * 1024;

// OpenBLAS's thread count is process-wide, so these are too. -1 means not yet read.
std::atomic<int> max_threads{-1};
std::atomic<int> current_threads{-1};

int ReadMaxThreads() {
  int threads = max_threads.load(std::memory_order_relaxed);
  if (threads < 0) {
    threads = openblas_get_num_threads();
    if (threads < 1) threads = 1;
    max_threads.store(threads, std::memory_order_relaxed);
  }
  return threads;
}

// Switches OpenBLAS's thread count when the requested count changes. The call itself is cheap
// (about 8 ns in a C loop on the machine above), so the cached count only skips redundant calls.
void UseThreadsFor(size_t m, size_t n, size_t k) {
  // Read before the first switch to one thread, which would hide OpenBLAS's own default.
  int max = ReadMaxThreads();
  double work = static_cast<double>(m) * static_cast<double>(n) * static_cast<double>(k);
  int requested = work >= kParallelWork ? max : 1;
  if (current_threads.load(std::memory_order_relaxed) != requested) {
    openblas_set_num_threads(requested);
    current_threads.store(requested, std::memory_order_relaxed);
  }
}

// Float64 copies of the operands and the product. They persist per thread and only grow, so a
// training loop allocates nothing once its largest product has run.
struct Scratch {
  double* data = nullptr;
  size_t capacity = 0;
  ~Scratch() { free(data); }

  double* Reserve(size_t count) {
    if (count <= capacity) return data;
    void* grown = realloc(data, count * sizeof(double));
    if (grown == nullptr) return nullptr;
    data = static_cast<double*>(grown);
    capacity = count;
    return data;
  }
};

thread_local Scratch scratch_a;
thread_local Scratch scratch_b;
thread_local Scratch scratch_c;

}  // namespace

void FastGemm(bool trans_a, bool trans_b, size_t m, size_t n, size_t k, const float* a,
              const float* b, float* c, float beta) {
  if (m == 0 || n == 0) return;
  if (k == 0) {
    // BLAS leaves C scaled by beta when the inner dimension is empty.
    for (size_t i = 0; i < m * n; i++) c[i] = beta == 0.0f ? 0.0f : beta * c[i];
    return;
  }

  if (beta == 0.0f) {
    // OpenBLAS 0.3.21 (core Zen) clears C for beta = 0 in a pass that cost more than the
    // product itself: a 300 x 64 x 2 product took about 12 us with beta = 0 and 5 us after a
    // memset and beta = 1 (CPU time, loaded 2-core AMD EPYC). The bits are the same, because its
    // kernels add alpha * AB to the cleared C in both cases. memset also drops any NaN in C.
    memset(c, 0, m * n * sizeof(float));
    beta = 1.0f;
  }

  UseThreadsFor(m, n, k);
  const blasint lda = static_cast<blasint>(trans_a ? m : k);
  const blasint ldb = static_cast<blasint>(trans_b ? k : n);
  cblas_sgemm(CblasRowMajor, trans_a ? CblasTrans : CblasNoTrans,
              trans_b ? CblasTrans : CblasNoTrans, static_cast<blasint>(m),
              static_cast<blasint>(n), static_cast<blasint>(k), 1.0f, a, lda, b, ldb, beta, c,
              static_cast<blasint>(n));
}

bool ReferenceGemm(bool trans_a, bool trans_b, size_t m, size_t n, size_t k, const float* a,
                   const float* b, float* c) {
  if (m == 0 || n == 0) return true;
  if (k == 0) {
    for (size_t i = 0; i < m * n; i++) c[i] = 0.0f;
    return true;
  }

  double* a64 = scratch_a.Reserve(m * k);
  double* b64 = scratch_b.Reserve(k * n);
  double* c64 = scratch_c.Reserve(m * n);
  if (a64 == nullptr || b64 == nullptr || c64 == nullptr) return false;

  const KernelTable* table = ActiveTable();
  table->widen(a, a64, m * k);
  table->widen(b, b64, k * n);

  UseThreadsFor(m, n, k);
  const blasint lda = static_cast<blasint>(trans_a ? m : k);
  const blasint ldb = static_cast<blasint>(trans_b ? k : n);
  cblas_dgemm(CblasRowMajor, trans_a ? CblasTrans : CblasNoTrans,
              trans_b ? CblasTrans : CblasNoTrans, static_cast<blasint>(m),
              static_cast<blasint>(n), static_cast<blasint>(k), 1.0, a64, lda, b64, ldb, 0.0, c64,
              static_cast<blasint>(n));

  table->narrow(c64, c, m * n);
  return true;
}

void SetMaxThreads(int threads) {
  max_threads.store(threads < 1 ? 1 : threads, std::memory_order_relaxed);
  // Forces the next product to apply the new count.
  current_threads.store(-1, std::memory_order_relaxed);
}

int MaxThreads() { return ReadMaxThreads(); }

}  // namespace nnfs
