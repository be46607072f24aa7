// Node-API entry points for the losses, argmax and mean.
#include "args.h"
#include "dispatch.h"
#include "methods/methods.h"

namespace nnfs {

namespace {

// The common arguments of the three loss kernels:
// (matrix, labels | null, oneHot | null, result, n, c), where `matrix` and `oneHot` are N x C,
// `labels` has N values in [0, C) and `result` has `result_values(n, c)` values.
struct LossArgs {
  float* matrix;
  int32_t* labels;
  float* one_hot;
  float* result;
  size_t n;
  size_t c;
};

bool ReadLossArgs(const Args& args, const char* matrix_name, const char* result_name,
                  bool result_is_matrix, LossArgs* out) {
  size_t matrix_length, labels_length, one_hot_length, result_length;
  if (!GetFloat32(args, 0, matrix_name, &out->matrix, &matrix_length) ||
      !GetInt32(args, 1, "labels", &out->labels, &labels_length, true) ||
      !GetFloat32(args, 2, "oneHot", &out->one_hot, &one_hot_length, true) ||
      !GetFloat32(args, 3, result_name, &out->result, &result_length) ||
      !GetDim(args, 4, "n", &out->n) || !GetDim(args, 5, "c", &out->c)) {
    return false;
  }
  const size_t n = out->n;
  const size_t c = out->c;

  if ((out->labels == nullptr) == (out->one_hot == nullptr)) {
    NNFS_TYPE_ERROR(args, "exactly one of labels and oneHot must be non-null, got %s",
                    out->labels == nullptr ? "both null" : "both non-null");
    return false;
  }
  if (c == 0 && n > 0) {
    NNFS_RANGE_ERROR(args, "c must be at least 1 when n is %zu, got 0", n);
    return false;
  }

  Shape shape;
  shape = Shape::Matrix("n x c", n, c);
  if (!CheckLength(args, matrix_name, matrix_length, n * c, shape)) return false;
  if (out->one_hot != nullptr && !CheckLength(args, "oneHot", one_hot_length, n * c, shape)) {
    return false;
  }
  if (result_is_matrix) {
    if (!CheckLength(args, result_name, result_length, n * c, shape)) return false;
  } else {
    shape = Shape::Vector("n", n);
    if (!CheckLength(args, result_name, result_length, n, shape)) return false;
  }
  if (out->labels != nullptr) {
    shape = Shape::Vector("n", n);
    if (!CheckLength(args, "labels", labels_length, n, shape)) return false;
    if (!CheckLabels(args, out->labels, n, c)) return false;
  }
  return true;
}

}  // namespace

// crossEntropyForward(predictions, labels, oneHot, losses, n, c)
napi_value CrossEntropyForward(napi_env env, napi_callback_info info) {
  Args args;
  LossArgs loss;
  if (!ReadArgs(env, info, "crossEntropyForward", 6, &args) ||
      !ReadLossArgs(args, "predictions", "losses", false, &loss)) {
    return nullptr;
  }
  ActiveTable()->cross_entropy_forward(loss.matrix, loss.labels, loss.one_hot, loss.result,
                                       loss.n, loss.c);
  return nullptr;
}

// crossEntropyBackward(predictions, labels, oneHot, dinputs, n, c)
napi_value CrossEntropyBackward(napi_env env, napi_callback_info info) {
  Args args;
  LossArgs loss;
  if (!ReadArgs(env, info, "crossEntropyBackward", 6, &args) ||
      !ReadLossArgs(args, "predictions", "dinputs", true, &loss)) {
    return nullptr;
  }
  ActiveTable()->cross_entropy_backward(loss.matrix, loss.labels, loss.one_hot, loss.result,
                                        loss.n, loss.c);
  return nullptr;
}

// softmaxCrossEntropyBackward(dvalues, labels, oneHot, dinputs, n, c)
napi_value SoftmaxCrossEntropyBackward(napi_env env, napi_callback_info info) {
  Args args;
  LossArgs loss;
  if (!ReadArgs(env, info, "softmaxCrossEntropyBackward", 6, &args) ||
      !ReadLossArgs(args, "dvalues", "dinputs", true, &loss)) {
    return nullptr;
  }
  ActiveTable()->softmax_cross_entropy_backward(loss.matrix, loss.labels, loss.one_hot,
                                                loss.result, loss.n, loss.c);
  return nullptr;
}

// argmax(inputs, out, n, c)
napi_value Argmax(napi_env env, napi_callback_info info) {
  Args args;
  if (!ReadArgs(env, info, "argmax", 4, &args)) return nullptr;

  float* inputs;
  int32_t* out;
  size_t inputs_length, out_length, n, c;
  if (!GetFloat32(args, 0, "inputs", &inputs, &inputs_length) ||
      !GetInt32(args, 1, "out", &out, &out_length) || !GetDim(args, 2, "n", &n) ||
      !GetDim(args, 3, "c", &c)) {
    return nullptr;
  }
  if (c == 0 && n > 0) {
    NNFS_RANGE_ERROR(args, "c must be at least 1 when n is %zu, got 0", n);
    return nullptr;
  }

  Shape shape;
  shape = Shape::Matrix("n x c", n, c);
  if (!CheckLength(args, "inputs", inputs_length, n * c, shape)) return nullptr;
  shape = Shape::Vector("n", n);
  if (!CheckLength(args, "out", out_length, n, shape)) return nullptr;

  ActiveTable()->argmax(inputs, out, n, c);
  return nullptr;
}

// mean(values): the pairwise float32 sum divided by the count in float32.
napi_value Mean(napi_env env, napi_callback_info info) {
  Args args;
  if (!ReadArgs(env, info, "mean", 1, &args)) return nullptr;

  float* values;
  size_t length;
  if (!GetFloat32(args, 0, "values", &values, &length)) return nullptr;

  float sum = ActiveTable()->pairwise_sum(values, length);
  float mean = sum / static_cast<float>(length);
  napi_value result;
  napi_create_double(env, mean, &result);
  return result;
}

}  // namespace nnfs
