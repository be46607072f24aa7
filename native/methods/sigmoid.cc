// Node-API entry points for the sigmoid activation.
#include "args.h"
#include "dispatch.h"
#include "methods/methods.h"

namespace nnfs {

// sigmoidForward(inputs, output)
napi_value SigmoidForward(napi_env env, napi_callback_info info) {
  Args args;
  if (!ReadArgs(env, info, "sigmoidForward", 2, &args)) return nullptr;

  float *inputs, *output;
  size_t length, output_length;
  if (!GetFloat32(args, 0, "inputs", &inputs, &length) ||
      !GetFloat32(args, 1, "output", &output, &output_length) ||
      !CheckLength(args, "output", output_length, length, "the length of inputs")) {
    return nullptr;
  }

  ActiveTable()->sigmoid_forward(inputs, output, length);
  return nullptr;
}

// sigmoidBackward(output, dvalues, dinputs)
napi_value SigmoidBackward(napi_env env, napi_callback_info info) {
  Args args;
  if (!ReadArgs(env, info, "sigmoidBackward", 3, &args)) return nullptr;

  float *output, *dvalues, *dinputs;
  size_t length, dvalues_length, dinputs_length;
  if (!GetFloat32(args, 0, "output", &output, &length) ||
      !GetFloat32(args, 1, "dvalues", &dvalues, &dvalues_length) ||
      !GetFloat32(args, 2, "dinputs", &dinputs, &dinputs_length) ||
      !CheckLength(args, "dvalues", dvalues_length, length, "the length of output") ||
      !CheckLength(args, "dinputs", dinputs_length, length, "the length of output")) {
    return nullptr;
  }

  ActiveTable()->sigmoid_backward(output, dvalues, dinputs, length);
  return nullptr;
}

}  // namespace nnfs
