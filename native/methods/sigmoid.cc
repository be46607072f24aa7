// Node-API entry points for the sigmoid activation.
#include "args.h"
#include "dispatch.h"
#include "methods/elementwise.h"
#include "methods/methods.h"

namespace nnfs {

// sigmoidForward(inputs, output)
napi_value SigmoidForward(napi_env env, napi_callback_info info) {
  return CallForward(env, info, "sigmoidForward", &KernelTable::sigmoid_forward);
}

// sigmoidBackward(output, dvalues, dinputs)
napi_value SigmoidBackward(napi_env env, napi_callback_info info) {
  return CallBackward(env, info, "sigmoidBackward", "output", &KernelTable::sigmoid_backward);
}

}  // namespace nnfs
