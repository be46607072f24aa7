// Node-API entry points for ReLU and softmax.
#include "args.h"
#include "dispatch.h"
#include "methods/elementwise.h"
#include "methods/methods.h"

namespace nnfs {

// reluForward(inputs, output)
napi_value ReluForward(napi_env env, napi_callback_info info) {
  return CallForward(env, info, "reluForward", &KernelTable::relu_forward);
}

// reluBackward(inputs, dvalues, dinputs)
napi_value ReluBackward(napi_env env, napi_callback_info info) {
  return CallBackward(env, info, "reluBackward", "inputs", &KernelTable::relu_backward);
}

// softmaxForward(inputs, output, n, c)
napi_value SoftmaxForward(napi_env env, napi_callback_info info) {
  Args args;
  if (!ReadArgs(env, info, "softmaxForward", 4, &args)) return nullptr;

  float *inputs, *output;
  size_t inputs_length, output_length, n, c;
  if (!GetFloat32(args, 0, "inputs", &inputs, &inputs_length) ||
      !GetFloat32(args, 1, "output", &output, &output_length) || !GetDim(args, 2, "n", &n) ||
      !GetDim(args, 3, "c", &c)) {
    return nullptr;
  }

  Shape shape;
  shape = Shape::Matrix("n x c", n, c);
  if (!CheckLength(args, "inputs", inputs_length, n * c, shape) ||
      !CheckLength(args, "output", output_length, n * c, shape)) {
    return nullptr;
  }

  ActiveTable()->softmax_forward(inputs, output, n, c);
  return nullptr;
}

// softmaxBackward(output, dvalues, dinputs, n, c)
napi_value SoftmaxBackward(napi_env env, napi_callback_info info) {
  Args args;
  if (!ReadArgs(env, info, "softmaxBackward", 5, &args)) return nullptr;

  float *output, *dvalues, *dinputs;
  size_t output_length, dvalues_length, dinputs_length, n, c;
  if (!GetFloat32(args, 0, "output", &output, &output_length) ||
      !GetFloat32(args, 1, "dvalues", &dvalues, &dvalues_length) ||
      !GetFloat32(args, 2, "dinputs", &dinputs, &dinputs_length) || !GetDim(args, 3, "n", &n) ||
      !GetDim(args, 4, "c", &c)) {
    return nullptr;
  }

  Shape shape;
  shape = Shape::Matrix("n x c", n, c);
  if (!CheckLength(args, "output", output_length, n * c, shape) ||
      !CheckLength(args, "dvalues", dvalues_length, n * c, shape) ||
      !CheckLength(args, "dinputs", dinputs_length, n * c, shape)) {
    return nullptr;
  }

  ActiveTable()->softmax_backward(output, dvalues, dinputs, n, c);
  return nullptr;
}

}  // namespace nnfs
