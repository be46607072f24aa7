// The pure-TypeScript backend: the kernels every layer calls when the native addon is not
// loaded, assembled from one file per kernel family. Float32 arithmetic is emulated exactly:
// a double +, -, *, / or sqrt of two float32 values, rounded by Math.fround, is the correctly
// rounded float32 operation, so these kernels give the bits NumPy's float32 loops give.
import type { Kernels } from '../kernels.js';
import { reluBackward, reluForward, softmaxBackward, softmaxForward } from './activations.js';
import { denseBackward, denseForward } from './dense.js';
import { gemm } from './gemm.js';
import {
  crossEntropyBackward,
  crossEntropyForward,
  softmaxCrossEntropyBackward,
} from './losses.js';
import {
  adagradUpdate,
  adamUpdate,
  adamUpdateLayer,
  rmspropUpdate,
  sgdUpdate,
} from './optimizers.js';
import { argmax, mean } from './reductions.js';
import {
  binaryCrossEntropyBackward,
  binaryCrossEntropyForward,
  meanAbsoluteErrorBackward,
  meanAbsoluteErrorForward,
  meanSquaredErrorBackward,
  meanSquaredErrorForward,
} from './regression-losses.js';
import { dropoutApply, regularizationBackward, regularizationLoss } from './regularization.js';
import { sigmoidBackward, sigmoidForward } from './sigmoid.js';

export const jsKernels: Kernels = {
  name: 'js',
  gemm,
  denseForward,
  denseBackward,
  reluForward,
  reluBackward,
  softmaxForward,
  softmaxBackward,
  crossEntropyForward,
  crossEntropyBackward,
  softmaxCrossEntropyBackward,
  argmax,
  mean,
  sgdUpdate,
  adagradUpdate,
  rmspropUpdate,
  adamUpdate,
  adamUpdateLayer,
  sigmoidForward,
  sigmoidBackward,
  binaryCrossEntropyForward,
  binaryCrossEntropyBackward,
  meanSquaredErrorForward,
  meanSquaredErrorBackward,
  meanAbsoluteErrorForward,
  meanAbsoluteErrorBackward,
  dropoutApply,
  regularizationLoss,
  regularizationBackward,
};
