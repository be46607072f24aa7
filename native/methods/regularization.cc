// Node-API entry points for dropout's product and the L1/L2 regularisation kernels. Strengths
// are checked here as well as in the facade: a negative one is a RangeError.
#include "args.h"
#include "dispatch.h"
#include "methods/methods.h"

namespace nnfs {

namespace {

bool GetStrength(const Args& args, size_t index, const char* name, double* out) {
  if (!GetNumber(args, index, name, out)) return false;
  if (*out < 0) {
    NNFS_RANGE_ERROR(args, "%s must be a finite number >= 0, got %g", name, *out);
    return false;
  }
  return true;
}

}  // namespace

// dropoutApply(values, mask, out)
napi_value DropoutApply(napi_env env, napi_callback_info info) {
  Args args;
  if (!ReadArgs(env, info, "dropoutApply", 3, &args)) return nullptr;

  float *values, *mask, *out;
  size_t length, mask_length, out_length;
  if (!GetFloat32(args, 0, "values", &values, &length) ||
      !GetFloat32(args, 1, "mask", &mask, &mask_length) ||
      !GetFloat32(args, 2, "out", &out, &out_length) ||
      !CheckLength(args, "mask", mask_length, length, "the length of values") ||
      !CheckLength(args, "out", out_length, length, "the length of values")) {
    return nullptr;
  }

  ActiveTable()->dropout_apply(values, mask, out, length);
  return nullptr;
}

// regularizationLoss(params, l1, l2, initial): returns the float32 total as a number.
napi_value RegularizationLoss(napi_env env, napi_callback_info info) {
  Args args;
  if (!ReadArgs(env, info, "regularizationLoss", 4, &args)) return nullptr;

  float* params;
  size_t length;
  double l1, l2, initial;
  if (!GetFloat32(args, 0, "params", &params, &length) || !GetStrength(args, 1, "l1", &l1) ||
      !GetStrength(args, 2, "l2", &l2) || !GetNumber(args, 3, "initial", &initial)) {
    return nullptr;
  }

  // A strength that is positive as a double but rounds to float32 0 still counts as set, so
  // its (zero) term is added as the js backend adds it.
  float l1_value = static_cast<float>(l1);
  float l2_value = static_cast<float>(l2);
  float total = ActiveTable()->regularization_loss(params, length, l1 > 0 ? l1_value : 0.0f,
                                                   l2 > 0 ? l2_value : 0.0f,
                                                   static_cast<float>(initial));
  napi_value result;
  napi_create_double(env, total, &result);
  return result;
}

// regularizationBackward(params, grads, l1, l2)
napi_value RegularizationBackward(napi_env env, napi_callback_info info) {
  Args args;
  if (!ReadArgs(env, info, "regularizationBackward", 4, &args)) return nullptr;

  float *params, *grads;
  size_t length, grads_length;
  double l1, l2;
  if (!GetFloat32(args, 0, "params", &params, &length) ||
      !GetFloat32(args, 1, "grads", &grads, &grads_length) ||
      !GetStrength(args, 2, "l1", &l1) || !GetStrength(args, 3, "l2", &l2) ||
      !CheckLength(args, "grads", grads_length, length, "the length of params")) {
    return nullptr;
  }

  // 2 * l2 is doubled in float64 and rounded once, as Python computes `2 * l2` before NumPy
  // casts it to the array's float32.
  ActiveTable()->regularization_backward(params, grads, length, static_cast<float>(l1),
                                         static_cast<float>(2 * l2));
  return nullptr;
}

}  // namespace nnfs
