// The book's own names, so code from "Neural Networks from Scratch in Python" ports line by
// line: `new Layer_Dense(2, 3)`, `spiral_data(100, 3)`.
export { init } from './init.js';
export { spiralData as spiral_data } from './datasets/spiral.js';
export { verticalData as vertical_data } from './datasets/vertical.js';
export { sineData as sine_data } from './datasets/sine.js';
import { LayerDense } from './layers/dense.js';
import type { RegularizerOptions } from './losses/regularization.js';

export { Matrix } from './matrix.js';
export { formatFloat32, formatMatrix } from './format.js';
export { ActivationReLU as Activation_ReLU } from './activations/relu.js';
export { ActivationSoftmax as Activation_Softmax } from './activations/softmax.js';
export { Loss } from './losses/loss.js';
export { LossCategoricalCrossentropy as Loss_CategoricalCrossentropy } from
  './losses/categorical-crossentropy.js';
export {
  ActivationSoftmaxLossCategoricalCrossentropy as Activation_Softmax_Loss_CategoricalCrossentropy,
} from './losses/softmax-categorical-crossentropy.js';
export { accuracy } from './metrics/accuracy.js';
export { ActivationSigmoid as Activation_Sigmoid } from './activations/sigmoid.js';
export { ActivationLinear as Activation_Linear } from './activations/linear.js';
export { LayerDropout as Layer_Dropout } from './layers/dropout.js';
export { LossBinaryCrossentropy as Loss_BinaryCrossentropy } from
  './losses/binary-crossentropy.js';
export { LossMeanSquaredError as Loss_MeanSquaredError } from './losses/mean-squared-error.js';
export { LossMeanAbsoluteError as Loss_MeanAbsoluteError } from './losses/mean-absolute-error.js';
export { AccuracyRegression as Accuracy_Regression } from './metrics/accuracy-regression.js';

/** The book's constructor arguments, for `new Layer_Dense({ n_inputs: 2, n_neurons: 3 })`. */
export interface Layer_Dense_Arguments extends Layer_Dense_Regularizers {
  n_inputs: number;
  n_neurons: number;
}

/** The book's keyword arguments for L1/L2 strengths, e.g. `{ weight_regularizer_l2: 5e-4 }`. */
export interface Layer_Dense_Regularizers {
  weight_regularizer_l1?: number;
  weight_regularizer_l2?: number;
  bias_regularizer_l1?: number;
  bias_regularizer_l2?: number;
}

/**
 * LayerDense under the book's name; takes `(n_inputs, n_neurons, regularizers?)` or the same
 * as one object.
 */
export class Layer_Dense extends LayerDense {
  constructor(
    n_inputs: number | Layer_Dense_Arguments,
    n_neurons?: number,
    regularizers: Layer_Dense_Regularizers = {},
  ) {
    if (typeof n_inputs === 'object' && n_inputs !== null) {
      super(n_inputs.n_inputs, n_inputs.n_neurons, idiomaticRegularizers(n_inputs));
    } else {
      super(n_inputs, n_neurons as number, idiomaticRegularizers(regularizers));
    }
  }
}

/** Renames the book's regularizer keywords; keys left out stay out. */
function idiomaticRegularizers(book: Layer_Dense_Regularizers): RegularizerOptions {
  const options: RegularizerOptions = {};
  if (book.weight_regularizer_l1 !== undefined) {
    options.weightRegularizerL1 = book.weight_regularizer_l1;
  }
  if (book.weight_regularizer_l2 !== undefined) {
    options.weightRegularizerL2 = book.weight_regularizer_l2;
  }
  if (book.bias_regularizer_l1 !== undefined) options.biasRegularizerL1 = book.bias_regularizer_l1;
  if (book.bias_regularizer_l2 !== undefined) options.biasRegularizerL2 = book.bias_regularizer_l2;
  return options;
}

export {
  Optimizer_SGD, Optimizer_Adagrad, Optimizer_RMSprop, Optimizer_Adam,
} from './optimizers/book.js';
export { AccuracyCategorical as Accuracy_Categorical } from './metrics/accuracy-categorical.js';
// NOTE: Model keeps its idiomatic option names: the book's
// `model.train(X, y, epochs=10, batch_size=128, print_every=100)` ports as
// `model.train(X, y, { epochs: 10, batchSize: 128, printEvery: 100 })`.
export { Model } from './model/model.js';
