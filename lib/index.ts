// The main entry point: idiomatic TypeScript names. `nnfs-native/book` exports the book's.

export { Matrix } from './matrix.js';
export type { Precision, BackendName } from './backend/kernels.js';
export { setBackend, getBackend, NativeUnavailableError } from './backend/select.js';
export { backendInfo } from './backend/info.js';
export { setNumThreads, getNumThreads } from './backend/threads.js';
export type { BackendInfo } from './backend/info.js';
export { backendKernels, nativeAvailable } from './backend/select.js';
export type { NativeKernels, NativeInfo, SimdLevel } from './backend/native.js';
export { init } from './init.js';
export type { InitOptions } from './init.js';
export {
  random, seed, randn, randomSample, shuffle, shuffleTogether, permutation, binomial, RandomState,
} from './random.js';
export { spiralData } from './datasets/spiral.js';
export type { ClassificationData } from './datasets/spiral.js';
export { verticalData } from './datasets/vertical.js';
export { sineData } from './datasets/sine.js';
export type { RegressionData } from './datasets/sine.js';
export { LayerDense } from './layers/dense.js';
export type { LayerDenseOptions } from './layers/dense.js';
export { ActivationReLU } from './activations/relu.js';
export { ActivationSoftmax } from './activations/softmax.js';
export { ActivationSigmoid } from './activations/sigmoid.js';
export { ActivationLinear } from './activations/linear.js';
export { LayerDropout } from './layers/dropout.js';
export { LossBinaryCrossentropy } from './losses/binary-crossentropy.js';
export { LossMeanSquaredError } from './losses/mean-squared-error.js';
export { LossMeanAbsoluteError } from './losses/mean-absolute-error.js';
export { regularizationLoss } from './losses/regularization.js';
export type { RegularizerOptions, RegularizedLayer } from './losses/regularization.js';
export { AccuracyRegression } from './metrics/accuracy-regression.js';
export { Loss } from './losses/loss.js';
export { LossCategoricalCrossentropy } from './losses/categorical-crossentropy.js';
export {
  ActivationSoftmaxLossCategoricalCrossentropy,
} from './losses/softmax-categorical-crossentropy.js';
export { accuracy } from './metrics/accuracy.js';
export type { Labels } from './labels.js';
export { formatFloat32, formatMatrix } from './format.js';
export {
  Optimizer, OptimizerSGD, OptimizerAdagrad, OptimizerRMSprop, OptimizerAdam, optimizerFromConfig,
} from './optimizers/index.js';
export type {
  OptimizerConfig, TrainableLayer, SGDOptions, AdagradOptions, RMSpropOptions, AdamOptions,
} from './optimizers/index.js';
export { AccuracyCategorical } from './metrics/accuracy-categorical.js';
export type { AccuracyCategoricalOptions } from './metrics/accuracy-categorical.js';
export { Model } from './model/model.js';
export type {
  ModelLayer, ModelLoss, ModelAccuracy, ModelSettings, EvaluateOptions, PredictOptions,
} from './model/model.js';
export type { ModelMetadata, SaveOptions } from './model/model.js';
export type { TrainOptions, TrainingProgress, LogFormat } from './model/callbacks.js';
export type { TrainResult } from './model/train-loop.js';
export { readSafetensors, writeSafetensors, parseSafetensors, serializeSafetensors }
  from './io/safetensors.js';
export type { SafetensorsTensor, SafetensorsFile, ReadSafetensorsOptions }
  from './io/safetensors.js';
export { readNpy, parseNpy, readNpyLabels, parseNpyLabels } from './io/npy.js';
export { readIdx } from './io/idx.js';
export type { IdxArray } from './io/idx.js';
export { loadIdxDataset } from './datasets/idx-dataset.js';
export type { ImageDataset, ImageSplit } from './datasets/idx-dataset.js';
export { loadFashionMnist, FASHION_MNIST_CLASSES } from './datasets/fashion-mnist.js';
export type { LoadFashionMnistOptions } from './datasets/fashion-mnist.js';
