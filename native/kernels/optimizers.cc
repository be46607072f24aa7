// Optimizer updates: one pass over `len` parameters, updating moments or caches in the same
// pass. params, grads, momentums and cache all have `len` values.
//
// Every operation is a separate float32 operation in the order the book's NumPy code evaluates
// it, and the build forbids fused multiply-add, so each level gives the same bits as NumPy.
// Scalars arrive rounded to float32 (NumPy 2 casts a Python float to the array's float32).
#include <math.h>

#include "kernels/table.h"
#include "kernels/vec.h"

namespace nnfs {
namespace NNFS_LEVEL {

// params += (-lr) * grads
void Sgd(float* params, const float* grads, size_t len, float negative_lr) {
  const VecF rate = Splat(negative_lr);
  size_t i = 0;
  for (; i + kLanes <= len; i += kLanes) {
    Store(params + i, Load<VecF>(params + i) + rate * Load<VecF>(grads + i));
  }
  for (; i < len; i++) params[i] += negative_lr * grads[i];
}

// update = momentum * momentums - lr * grads; momentums = update; params += update
void SgdMomentum(float* params, const float* grads, float* momentums, size_t len, float lr,
                 float momentum) {
  const VecF rate = Splat(lr);
  const VecF keep = Splat(momentum);
  size_t i = 0;
  for (; i + kLanes <= len; i += kLanes) {
    VecF update = keep * Load<VecF>(momentums + i) - rate * Load<VecF>(grads + i);
    Store(momentums + i, update);
    Store(params + i, Load<VecF>(params + i) + update);
  }
  for (; i < len; i++) {
    float update = momentum * momentums[i] - lr * grads[i];
    momentums[i] = update;
    params[i] += update;
  }
}

// cache += grads^2; params += (-lr) * grads / (sqrt(cache) + epsilon)
void Adagrad(float* params, const float* grads, float* cache, size_t len, float negative_lr,
             float epsilon) {
  for (size_t i = 0; i < len; i++) {
    float g = grads[i];
    float c = cache[i] + g * g;
    cache[i] = c;
    params[i] += (negative_lr * g) / (sqrtf(c) + epsilon);
  }
}

// cache = rho * cache + (1 - rho) * grads^2; params += (-lr) * grads / (sqrt(cache) + epsilon)
void Rmsprop(float* params, const float* grads, float* cache, size_t len, float negative_lr,
             float rho, float one_minus_rho, float epsilon) {
  for (size_t i = 0; i < len; i++) {
    float g = grads[i];
    float c = rho * cache[i] + one_minus_rho * (g * g);
    cache[i] = c;
    params[i] += (negative_lr * g) / (sqrtf(c) + epsilon);
  }
}

// m = beta1 * m + (1 - beta1) * g; v = beta2 * v + (1 - beta2) * g^2;
// params += ((-lr) * (m / correction1)) / (sqrt(v / correction2) + epsilon)
void Adam(float* params, const float* grads, float* momentums, float* cache, size_t len,
          const float* scalars) {
  const float negative_lr = scalars[kAdamNegativeLr];
  const float beta1 = scalars[kAdamBeta1];
  const float one_minus_beta1 = scalars[kAdamOneMinusBeta1];
  const float beta2 = scalars[kAdamBeta2];
  const float one_minus_beta2 = scalars[kAdamOneMinusBeta2];
  const float correction1 = scalars[kAdamCorrection1];
  const float correction2 = scalars[kAdamCorrection2];
  const float epsilon = scalars[kAdamEpsilon];

  for (size_t i = 0; i < len; i++) {
    float g = grads[i];
    float m = beta1 * momentums[i] + one_minus_beta1 * g;
    float v = beta2 * cache[i] + one_minus_beta2 * (g * g);
    momentums[i] = m;
    cache[i] = v;
    params[i] += (negative_lr * (m / correction1)) / (sqrtf(v / correction2) + epsilon);
  }
}

}  // namespace NNFS_LEVEL
}  // namespace nnfs
