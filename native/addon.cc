// Module registration: binds each Node-API entry point to its Kernels method name. The addon
// keeps no JS state between calls, so it can be loaded by several worker threads.
#include <napi.h>

#include "methods/methods.h"

namespace nnfs {

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  const napi_property_descriptor methods[] = {
      {"gemm", nullptr, Gemm, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"denseForward", nullptr, DenseForward, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"denseBackward", nullptr, DenseBackward, nullptr, nullptr, nullptr, napi_enumerable,
       nullptr},
      {"reluForward", nullptr, ReluForward, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"reluBackward", nullptr, ReluBackward, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"softmaxForward", nullptr, SoftmaxForward, nullptr, nullptr, nullptr, napi_enumerable,
       nullptr},
      {"softmaxBackward", nullptr, SoftmaxBackward, nullptr, nullptr, nullptr, napi_enumerable,
       nullptr},
      {"crossEntropyForward", nullptr, CrossEntropyForward, nullptr, nullptr, nullptr,
       napi_enumerable, nullptr},
      {"crossEntropyBackward", nullptr, CrossEntropyBackward, nullptr, nullptr, nullptr,
       napi_enumerable, nullptr},
      {"softmaxCrossEntropyBackward", nullptr, SoftmaxCrossEntropyBackward, nullptr, nullptr,
       nullptr, napi_enumerable, nullptr},
      {"argmax", nullptr, Argmax, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"mean", nullptr, Mean, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"sgdUpdate", nullptr, SgdUpdate, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"adagradUpdate", nullptr, AdagradUpdate, nullptr, nullptr, nullptr, napi_enumerable,
       nullptr},
      {"rmspropUpdate", nullptr, RmspropUpdate, nullptr, nullptr, nullptr, napi_enumerable,
       nullptr},
      {"adamUpdate", nullptr, AdamUpdate, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"adamUpdateLayer", nullptr, AdamUpdateLayer, nullptr, nullptr, nullptr, napi_enumerable,
       nullptr},
      {"sigmoidForward", nullptr, SigmoidForward, nullptr, nullptr, nullptr, napi_enumerable,
       nullptr},
      {"sigmoidBackward", nullptr, SigmoidBackward, nullptr, nullptr, nullptr, napi_enumerable,
       nullptr},
      {"binaryCrossEntropyForward", nullptr, BinaryCrossEntropyForward, nullptr, nullptr, nullptr, napi_enumerable,
       nullptr},
      {"binaryCrossEntropyBackward", nullptr, BinaryCrossEntropyBackward, nullptr, nullptr, nullptr, napi_enumerable,
       nullptr},
      {"meanSquaredErrorForward", nullptr, MeanSquaredErrorForward, nullptr, nullptr, nullptr, napi_enumerable,
       nullptr},
      {"meanSquaredErrorBackward", nullptr, MeanSquaredErrorBackward, nullptr, nullptr, nullptr, napi_enumerable,
       nullptr},
      {"meanAbsoluteErrorForward", nullptr, MeanAbsoluteErrorForward, nullptr, nullptr, nullptr, napi_enumerable,
       nullptr},
      {"meanAbsoluteErrorBackward", nullptr, MeanAbsoluteErrorBackward, nullptr, nullptr, nullptr, napi_enumerable,
       nullptr},
      {"dropoutApply", nullptr, DropoutApply, nullptr, nullptr, nullptr, napi_enumerable,
       nullptr},
      {"regularizationLoss", nullptr, RegularizationLoss, nullptr, nullptr, nullptr, napi_enumerable,
       nullptr},
      {"regularizationBackward", nullptr, RegularizationBackward, nullptr, nullptr, nullptr, napi_enumerable,
       nullptr},
      {"setNumThreads", nullptr, SetNumThreads, nullptr, nullptr, nullptr, napi_enumerable,
       nullptr},
      {"getNumThreads", nullptr, GetNumThreads, nullptr, nullptr, nullptr, napi_enumerable,
       nullptr},
      {"setSimdLevel", nullptr, SetSimdLevel, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"getSimdLevel", nullptr, GetSimdLevel, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"simdLevels", nullptr, SimdLevels, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"info", nullptr, Info, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
  };
  napi_define_properties(env, exports, sizeof methods / sizeof methods[0], methods);
  return exports;
}

}  // namespace nnfs

static Napi::Object InitModule(Napi::Env env, Napi::Object exports) {
  return nnfs::Init(env, exports);
}

NODE_API_MODULE(nnfs, InitModule)
