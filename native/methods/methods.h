// The Node-API entry points, one per Kernels method (lib/backend/kernels.ts) plus the runtime
// controls. Each reads and checks its arguments (args.h), then runs one kernel or product.
#pragma once

#include <node_api.h>

namespace nnfs {

napi_value Gemm(napi_env env, napi_callback_info info);
napi_value DenseForward(napi_env env, napi_callback_info info);
napi_value DenseBackward(napi_env env, napi_callback_info info);

napi_value ReluForward(napi_env env, napi_callback_info info);
napi_value ReluBackward(napi_env env, napi_callback_info info);
napi_value SoftmaxForward(napi_env env, napi_callback_info info);
napi_value SoftmaxBackward(napi_env env, napi_callback_info info);

napi_value CrossEntropyForward(napi_env env, napi_callback_info info);
napi_value CrossEntropyBackward(napi_env env, napi_callback_info info);
napi_value SoftmaxCrossEntropyBackward(napi_env env, napi_callback_info info);
napi_value Argmax(napi_env env, napi_callback_info info);
napi_value Mean(napi_env env, napi_callback_info info);

napi_value SgdUpdate(napi_env env, napi_callback_info info);
napi_value AdagradUpdate(napi_env env, napi_callback_info info);
napi_value RmspropUpdate(napi_env env, napi_callback_info info);
napi_value AdamUpdate(napi_env env, napi_callback_info info);
napi_value AdamUpdateLayer(napi_env env, napi_callback_info info);

napi_value SigmoidForward(napi_env env, napi_callback_info info);
napi_value SigmoidBackward(napi_env env, napi_callback_info info);
napi_value BinaryCrossEntropyForward(napi_env env, napi_callback_info info);
napi_value BinaryCrossEntropyBackward(napi_env env, napi_callback_info info);
napi_value MeanSquaredErrorForward(napi_env env, napi_callback_info info);
napi_value MeanSquaredErrorBackward(napi_env env, napi_callback_info info);
napi_value MeanAbsoluteErrorForward(napi_env env, napi_callback_info info);
napi_value MeanAbsoluteErrorBackward(napi_env env, napi_callback_info info);
napi_value DropoutApply(napi_env env, napi_callback_info info);
napi_value RegularizationLoss(napi_env env, napi_callback_info info);
napi_value RegularizationBackward(napi_env env, napi_callback_info info);

napi_value SetNumThreads(napi_env env, napi_callback_info info);
napi_value GetNumThreads(napi_env env, napi_callback_info info);
napi_value SetSimdLevel(napi_env env, napi_callback_info info);
napi_value GetSimdLevel(napi_env env, napi_callback_info info);
napi_value SimdLevels(napi_env env, napi_callback_info info);
napi_value Info(napi_env env, napi_callback_info info);

}  // namespace nnfs
