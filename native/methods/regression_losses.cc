// Node-API entry points for binary cross-entropy, mean squared error and mean absolute error.
// Every one takes (predictions, targets, result, n, k): predictions and targets are N x K and
// result has N values (forward losses) or N x K values (backward dinputs).
#include "args.h"
#include "dispatch.h"
#include "kernels/table.h"
#include "methods/methods.h"

namespace nnfs {

namespace {

typedef void (*TargetLossKernel)(const float* predictions, const float* targets, float* result,
                                 size_t n, size_t k);

napi_value RunTargetLoss(napi_env env, napi_callback_info info, const char* kernel,
                         const char* result_name, bool result_is_matrix,
                         TargetLossKernel KernelTable::*member) {
  Args args;
  if (!ReadArgs(env, info, kernel, 5, &args)) return nullptr;

  float *predictions, *targets, *result;
  size_t predictions_length, targets_length, result_length, n, k;
  if (!GetFloat32(args, 0, "predictions", &predictions, &predictions_length) ||
      !GetFloat32(args, 1, "targets", &targets, &targets_length) ||
      !GetFloat32(args, 2, result_name, &result, &result_length) || !GetDim(args, 3, "n", &n) ||
      !GetDim(args, 4, "k", &k)) {
    return nullptr;
  }
  if (k == 0 && n > 0) {
    NNFS_RANGE_ERROR(args, "k must be at least 1 when n is %zu, got 0", n);
    return nullptr;
  }

  char shape[96];
  snprintf(shape, sizeof shape, "n x k = %zu x %zu", n, k);
  if (!CheckLength(args, "predictions", predictions_length, n * k, shape) ||
      !CheckLength(args, "targets", targets_length, n * k, shape)) {
    return nullptr;
  }
  if (!result_is_matrix) snprintf(shape, sizeof shape, "n = %zu", n);
  if (!CheckLength(args, result_name, result_length, result_is_matrix ? n * k : n, shape)) {
    return nullptr;
  }

  (ActiveTable()->*member)(predictions, targets, result, n, k);
  return nullptr;
}

}  // namespace

// binaryCrossEntropyForward(predictions, targets, losses, n, k)
napi_value BinaryCrossEntropyForward(napi_env env, napi_callback_info info) {
  return RunTargetLoss(env, info, "binaryCrossEntropyForward", "losses", false,
                       &KernelTable::binary_cross_entropy_forward);
}

// binaryCrossEntropyBackward(predictions, targets, dinputs, n, k)
napi_value BinaryCrossEntropyBackward(napi_env env, napi_callback_info info) {
  return RunTargetLoss(env, info, "binaryCrossEntropyBackward", "dinputs", true,
                       &KernelTable::binary_cross_entropy_backward);
}

// meanSquaredErrorForward(predictions, targets, losses, n, k)
napi_value MeanSquaredErrorForward(napi_env env, napi_callback_info info) {
  return RunTargetLoss(env, info, "meanSquaredErrorForward", "losses", false,
                       &KernelTable::mean_squared_error_forward);
}

// meanSquaredErrorBackward(predictions, targets, dinputs, n, k)
napi_value MeanSquaredErrorBackward(napi_env env, napi_callback_info info) {
  return RunTargetLoss(env, info, "meanSquaredErrorBackward", "dinputs", true,
                       &KernelTable::mean_squared_error_backward);
}

// meanAbsoluteErrorForward(predictions, targets, losses, n, k)
napi_value MeanAbsoluteErrorForward(napi_env env, napi_callback_info info) {
  return RunTargetLoss(env, info, "meanAbsoluteErrorForward", "losses", false,
                       &KernelTable::mean_absolute_error_forward);
}

// meanAbsoluteErrorBackward(predictions, targets, dinputs, n, k)
napi_value MeanAbsoluteErrorBackward(napi_env env, napi_callback_info info) {
  return RunTargetLoss(env, info, "meanAbsoluteErrorBackward", "dinputs", true,
                       &KernelTable::mean_absolute_error_backward);
}

}  // namespace nnfs
