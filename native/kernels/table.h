// The kernel table: one function pointer per kernel family member. Each SIMD level (scalar
// baseline, AVX2, AVX-512) compiles the same kernel sources into its own namespace and exports
// one table; dispatch.cc picks a table at load time from CPUID.
//
// Layout: every matrix is a row-major float array. N rows (samples), C columns (classes), I
// inputs and O outputs of a dense layer; `len` counts the values of an element-wise kernel.
#pragma once

#include <cstddef>
#include <cstdint>

namespace nnfs {

struct KernelTable {
  const char* name;

  // Activations (activations.cc).
  void (*relu_forward)(const float* inputs, float* output, size_t len);
  void (*relu_backward)(const float* inputs, const float* dvalues, float* dinputs, size_t len);
  void (*softmax_forward)(const float* inputs, float* output, size_t n, size_t c);
  void (*softmax_backward)(const float* output, const float* dvalues, float* dinputs, size_t n,
                           size_t c);

  // Losses and argmax (losses.cc). `labels` or `one_hot` is null, never both.
  void (*cross_entropy_forward)(const float* predictions, const int32_t* labels,
                                const float* one_hot, float* losses, size_t n, size_t c);
  void (*cross_entropy_backward)(const float* predictions, const int32_t* labels,
                                 const float* one_hot, float* dinputs, size_t n, size_t c);
  void (*softmax_cross_entropy_backward)(const float* dvalues, const int32_t* labels,
                                         const float* one_hot, float* dinputs, size_t n,
                                         size_t c);
  void (*argmax)(const float* inputs, int32_t* out, size_t n, size_t c);

  // Reductions (reductions.cc).
  float (*pairwise_sum)(const float* values, size_t len);

  // Dense helpers (dense.cc).
  void (*fill_rows)(const float* biases, float* output, size_t n, size_t o);
  void (*add_bias_rows)(const float* biases, float* output, size_t n, size_t o);
  void (*column_sums)(const float* dvalues, float* dbiases, size_t n, size_t o);
  void (*widen)(const float* from, double* to, size_t len);
  void (*narrow)(const double* from, float* to, size_t len);

  // Optimizer updates (optimizers.cc); scalars arrive already rounded to float32.
  void (*sgd)(float* params, const float* grads, size_t len, float negative_lr);
  void (*sgd_momentum)(float* params, const float* grads, float* momentums, size_t len, float lr,
                       float momentum);
  void (*adagrad)(float* params, const float* grads, float* cache, size_t len, float negative_lr,
                  float epsilon);
  void (*rmsprop)(float* params, const float* grads, float* cache, size_t len, float negative_lr,
                  float rho, float one_minus_rho, float epsilon);
  void (*adam)(float* params, const float* grads, float* momentums, float* cache, size_t len,
               const float* scalars);

  // Sigmoid (sigmoid.cc).
  void (*sigmoid_forward)(const float* inputs, float* output, size_t len);
  void (*sigmoid_backward)(const float* output, const float* dvalues, float* dinputs,
                           size_t len);

  // Binary and regression losses (regression_losses.cc): N x K predictions and targets.
  void (*binary_cross_entropy_forward)(const float* predictions, const float* targets,
                                       float* losses, size_t n, size_t k);
  void (*binary_cross_entropy_backward)(const float* predictions, const float* targets,
                                        float* dinputs, size_t n, size_t k);
  void (*mean_squared_error_forward)(const float* predictions, const float* targets,
                                     float* losses, size_t n, size_t k);
  void (*mean_squared_error_backward)(const float* predictions, const float* targets,
                                      float* dinputs, size_t n, size_t k);
  void (*mean_absolute_error_forward)(const float* predictions, const float* targets,
                                      float* losses, size_t n, size_t k);
  void (*mean_absolute_error_backward)(const float* predictions, const float* targets,
                                       float* dinputs, size_t n, size_t k);

  // Dropout and regularisation (regularization.cc); strengths already rounded to float32.
  void (*dropout_apply)(const float* values, const float* mask, float* out, size_t len);
  float (*regularization_loss)(const float* params, size_t len, float l1, float l2,
                               float initial);
  void (*regularization_backward)(const float* params, float* grads, size_t len, float l1,
                                  float two_l2);
};

// Indices into the `scalars` array of KernelTable::adam.
enum AdamScalar {
  kAdamNegativeLr,
  kAdamBeta1,
  kAdamOneMinusBeta1,
  kAdamBeta2,
  kAdamOneMinusBeta2,
  kAdamCorrection1,
  kAdamCorrection2,
  kAdamEpsilon,
  kAdamScalarCount,
};

namespace scalar {
const KernelTable* Table();
}
namespace avx2 {
const KernelTable* Table();
}
namespace avx512 {
const KernelTable* Table();
}

}  // namespace nnfs
