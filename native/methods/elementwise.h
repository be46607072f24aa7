// Shared Node-API glue for element-wise kernels: every array has the same length, so one
// checked call serves ReLU, sigmoid and any other activation of that shape.
#pragma once

#include "args.h"
#include "dispatch.h"
#include "kernels/table.h"

namespace nnfs {

using ForwardKernel = void (*)(const float* inputs, float* output, size_t len);
using BackwardKernel = void (*)(const float* saved, const float* dvalues, float* dinputs,
                                size_t len);

// method(inputs, output): output = f(inputs).
inline napi_value CallForward(napi_env env, napi_callback_info info, const char* method,
                              ForwardKernel KernelTable::*kernel) {
  Args args;
  if (!ReadArgs(env, info, method, 2, &args)) return nullptr;

  float *inputs, *output;
  size_t length, output_length;
  if (!GetFloat32(args, 0, "inputs", &inputs, &length) ||
      !GetFloat32(args, 1, "output", &output, &output_length) ||
      !CheckLength(args, "output", output_length, length, "the length of inputs")) {
    return nullptr;
  }

  (ActiveTable()->*kernel)(inputs, output, length);
  return nullptr;
}

// method(saved, dvalues, dinputs), where `saved` is what the forward pass kept (its inputs for
// ReLU, its output for sigmoid) and is named `saved_name` in errors.
inline napi_value CallBackward(napi_env env, napi_callback_info info, const char* method,
                               const char* saved_name, BackwardKernel KernelTable::*kernel) {
  Args args;
  if (!ReadArgs(env, info, method, 3, &args)) return nullptr;

  const Shape shape = Shape::LengthOf(saved_name);
  float *saved, *dvalues, *dinputs;
  size_t length, dvalues_length, dinputs_length;
  if (!GetFloat32(args, 0, saved_name, &saved, &length) ||
      !GetFloat32(args, 1, "dvalues", &dvalues, &dvalues_length) ||
      !GetFloat32(args, 2, "dinputs", &dinputs, &dinputs_length) ||
      !CheckLength(args, "dvalues", dvalues_length, length, shape) ||
      !CheckLength(args, "dinputs", dinputs_length, length, shape)) {
    return nullptr;
  }

  (ActiveTable()->*kernel)(saved, dvalues, dinputs, length);
  return nullptr;
}

}  // namespace nnfs
